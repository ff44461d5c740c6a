package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// samples is the bundled article folder.
const samples = "../../samples"

// call runs one command line and returns its exit code, stdout and stderr.
func call(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "build"}, {"build", "--help"}, {"neighbors", "-h"}} {
		code, out, _ := call(t, "", args...)
		if code != exitOK || !strings.Contains(out, "Usage: newsgraph") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
	_, out, _ := call(t, "", "help")
	for _, c := range []string{"extract", "build", "neighbors"} {
		if !strings.Contains(out, "  "+c) {
			t.Errorf("help does not list %s:\n%s", c, out)
		}
	}
	if code, _, errOut := call(t, "", "frobnicate"); code != exitError || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
}

// TestExtractContract checks the JSON Lines contract of the extract command
// on the bundled samples: every line a JSON object with the required fields
// and values from the fixed vocabularies.
func TestExtractContract(t *testing.T) {
	code, out, errOut := call(t, "", "extract", samples)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	required := []string{"doc", "subject", "subject_type", "relation", "object", "object_type", "modality", "sentence", "verb", "confidence"}
	types := map[string]bool{}
	for _, ty := range extract.ActorTypes {
		types[ty] = true
	}
	docs := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %d is not JSON: %v", n, err)
		}
		for _, f := range required {
			if _, ok := raw[f]; !ok {
				t.Errorf("line %d lacks %q: %s", n, f, sc.Text())
			}
		}
		var tr extract.Triple
		_ = json.Unmarshal(sc.Bytes(), &tr)
		switch {
		case !extract.IsRelation(tr.Relation):
			t.Errorf("line %d: unknown relation %q", n, tr.Relation)
		case !extract.IsModality(tr.Modality):
			t.Errorf("line %d: unknown modality %q", n, tr.Modality)
		case !types[tr.SubjectType] || !types[tr.ObjectType]:
			t.Errorf("line %d: unknown actor type in %s", n, sc.Text())
		case tr.Subject == "" || tr.Object == "" || tr.Subject == tr.Object:
			t.Errorf("line %d: bad actors in %s", n, sc.Text())
		case tr.Confidence < 0 || tr.Confidence > 1:
			t.Errorf("line %d: confidence %v", n, tr.Confidence)
		case tr.Sentence == "" || tr.Verb == "":
			t.Errorf("line %d: no evidence in %s", n, sc.Text())
		}
		if !strings.HasPrefix(tr.Doc, samples+"/") {
			t.Errorf("line %d: doc %q is not the input path", n, tr.Doc)
		}
		docs[tr.Doc] = true
	}
	if n < 30 || len(docs) < 5 {
		t.Errorf("%d triples from %d documents: the samples should give far more", n, len(docs))
	}
}

func TestExtractStdin(t *testing.T) {
	code, out, errOut := call(t, "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Tuesday.\n", "extract", "-")
	if code != exitOK || !strings.Contains(out, `"doc":"-"`) || !strings.Contains(out, `"relation":"met-with"`) {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}

// TestBuildFormats builds the samples into each format, then reads the saved
// graphs back for a query.
func TestBuildFormats(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"g.json", "g.graphml", "g.dot", "g.svg"} {
		path := filepath.Join(dir, name)
		code, _, errOut := call(t, "", "build", samples, "-o", path)
		if code != exitOK {
			t.Fatalf("build -o %s: exit %d: %s", name, code, errOut)
		}
		if !strings.Contains(errOut, "actors") {
			t.Errorf("build -o %s printed no summary: %q", name, errOut)
		}
		if info, err := os.Stat(path); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	fromArticles := neighborsOf(t, "Macron", samples)
	for _, saved := range []string{"g.json", "g.graphml"} {
		if got := neighborsOf(t, "macron", "--graph", filepath.Join(dir, saved)); got != fromArticles {
			t.Errorf("neighbors from %s differ from articles:\n%s\nvs\n%s", saved, got, fromArticles)
		}
	}
}

func neighborsOf(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := call(t, "", append([]string{"neighbors"}, args...)...)
	if code != exitOK {
		t.Fatalf("neighbors %v: exit %d: %s", args, code, errOut)
	}
	if !strings.Contains(out, "Emmanuel Macron (person)") || !strings.Contains(out, "Vladimir Putin") {
		t.Errorf("neighbors %v:\n%s", args, out)
	}
	return out
}

func TestNeighborsJSON(t *testing.T) {
	code, out, errOut := call(t, "", "neighbors", "PUTIN", samples, "--format", "json", "--limit", "3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Actor     struct{ Name string }
		Neighbors []struct{ Name, Direction string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Actor.Name != "Vladimir Putin" || len(got.Neighbors) != 3 {
		t.Errorf("got %+v", got)
	}
}

// TestErrors checks that bad input gives a clear message naming the problem
// and exit code 1.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"extract", "no/such/file.txt"}, "no/such/file.txt: no such file or directory"},
		{[]string{"extract"}, "no input"},
		{[]string{"build", samples}, "no output file"},
		{[]string{"build", samples, "-o", filepath.Join(dir, "g.xlsx")}, "xlsx"},
		{[]string{"build", samples, "-o", filepath.Join(dir, "g"), "--format", "pdf"}, "pdf"},
		{[]string{"build", "--graph", filepath.Join(dir, "missing.json"), "-o", filepath.Join(dir, "g.dot")}, "missing.json"},
		{[]string{"neighbors", "Nobody Atall", samples}, `no actor named "Nobody Atall"`},
		{[]string{"neighbors", "Macrn", samples}, "did you mean Emmanuel Macron"},
		{[]string{"neighbors", "Macron", samples, "--direction", "up"}, `--direction "up"`},
		{[]string{"neighbors", "Macron", samples, "--relation", "hugged"}, `unknown relation "hugged"`},
		{[]string{"extract", "--bogus", samples}, "unknown flag: --bogus"},
	}
	for _, tt := range tests {
		code, _, errOut := call(t, "", tt.args...)
		if code != exitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args, code, errOut, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "g.xlsx")); err == nil {
		t.Error("a failed build left an output file")
	}
}

// TestWorkersDoNotChangeOutput checks that extraction on one worker and on
// several gives byte-identical triples and graph files.
func TestWorkersDoNotChangeOutput(t *testing.T) {
	dir := t.TempDir()
	outputs := map[string]string{}
	for _, w := range []string{"1", "4"} {
		_, out, _ := call(t, "", "extract", "--workers", w, samples)
		outputs["extract"+w] = out
		path := filepath.Join(dir, "g"+w+".json")
		if code, _, errOut := call(t, "", "build", "--workers", w, samples, "-o", path); code != exitOK {
			t.Fatalf("build: %s", errOut)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		outputs["build"+w] = string(data)
	}
	if outputs["extract1"] != outputs["extract4"] || outputs["extract1"] == "" {
		t.Error("extract output differs between --workers 1 and --workers 4")
	}
	if outputs["build1"] != outputs["build4"] {
		t.Error("graph file differs between --workers 1 and --workers 4")
	}
}

// TestSkippedInput checks that a bad file among good ones is skipped with a
// warning, the run still gives its output, and the exit code is 2; with
// --strict the run stops with exit code 1.
func TestSkippedInput(t *testing.T) {
	dir := t.TempDir()
	good := "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("\x00\x01\x02binary\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte("{\"text\": \"ok\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := call(t, "", "extract", dir)
	if code != exitPartial || !strings.Contains(out, "Fumio Kishida") {
		t.Errorf("exit %d (want 2), output %q", code, out)
	}
	for _, want := range []string{"b.txt", "binary", "c.jsonl:2", "partial results"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	code, _, errOut = call(t, "", "extract", "--strict", dir)
	if code != exitError || !strings.Contains(errOut, "b.txt") {
		t.Errorf("--strict: exit %d (want 1), stderr %q", code, errOut)
	}
	path := filepath.Join(dir, "g.json")
	if code, _, _ := call(t, "", "build", dir, "-o", path); code != exitPartial {
		t.Errorf("build: exit %d, want 2", code)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("build with skipped input wrote no graph: %v", err)
	}
}
