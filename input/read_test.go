package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// gz returns s gzipped.
func gz(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// run reads files with a Reader of the options and returns the documents,
// with IDs relative to dir, and the warnings.
func run(t *testing.T, opt Options, dir string, files []string, stdin string) ([]extract.Document, []string, error) {
	t.Helper()
	var warnings []string
	opt.Warn = func(err error) {
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("warning %v is not an *Error", err)
		}
		warnings = append(warnings, strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)))
	}
	var docs []extract.Document
	err := NewReader(opt).Read(files, strings.NewReader(stdin), func(d extract.Document) error {
		d.ID = strings.TrimPrefix(d.ID, dir+string(filepath.Separator))
		docs = append(docs, d)
		return nil
	})
	return docs, warnings, err
}

func TestReadInputs(t *testing.T) {
	tests := []struct {
		name     string
		file     string // name of the one input file; "-" for stdin
		content  string
		want     []extract.Document
		warnings []string
	}{
		{"empty file", "a.txt", "", nil, nil},
		{"blank file", "a.txt", " \n\n ", nil, nil},
		{"UTF-8 BOM", "a.txt", "\uFEFFCafé talks.", []extract.Document{{ID: "a.txt", Text: "Café talks."}}, nil},
		{"UTF-16 BOM", "a.txt", "\xFF\xFEO\x00k\x00", []extract.Document{{ID: "a.txt", Text: "Ok"}}, nil},
		{"Windows-1252", "a.txt", "Caf\xe9 \x93talks\x94 in Bogot\xe1 \x80",
			[]extract.Document{{ID: "a.txt", Text: "Café “talks” in Bogotá €"}}, nil},
		{"Windows-1252 after 4 KiB", "a.txt", strings.Repeat("a", 4095) + "\n\nCaf\xe9 \x93talks\x94",
			[]extract.Document{{ID: "a.txt", Text: strings.Repeat("a", 4095) + "\n\nCafé “talks”"}}, nil},
		{"Windows-1252 after 8 KiB", "a.txt", strings.Repeat("a", 8190) + "\xe9",
			[]extract.Document{{ID: "a.txt", Text: strings.Repeat("a", 8190) + "é"}}, nil},
		{"UTF-8 with a stray byte", "a.txt", "Café, naïve, \xff, Zürich",
			[]extract.Document{{ID: "a.txt", Text: "Café, naïve, \uFFFD, Zürich"}}, nil},
		{"binary file", "a.txt", "PK\x03\x04\x00\x00rest", nil, []string{"a.txt: binary file"}},
		{"control bytes", "a.md", strings.Repeat("\x01\x02ab", 100), nil, []string{"a.md: binary file"}},
		{"gzipped text", "a.txt.gz", gz(t, "Lima agreed."), []extract.Document{{ID: "a.txt.gz", Text: "Lima agreed."}}, nil},
		{"gzipped JSONL", "a.jsonl.GZ", gz(t, `{"text":"Lima agreed.","id":7}`+"\n"),
			[]extract.Document{{ID: "7", Text: "Lima agreed."}}, nil},
		{"corrupt gzip", "a.txt.gz", "\x1f\x8b\x08\x00garbage", nil, []string{"a.txt.gz: corrupt gzip file"}},
		{"not gzip", "a.txt.gz", "plain text", nil, []string{"a.txt.gz: corrupt gzip file: invalid header"}},
		{"truncated gzip", "a.txt.gz", gz(t, strings.Repeat("Lima agreed. ", 1000))[:60], nil,
			[]string{"a.txt.gz: corrupt gzip file: unexpected EOF"}},
		{"JSONL metadata", "a.ndjson",
			`{"id":"r-1","text":"Lima agreed.","title":"T","date":"1987-02-26","url":"http://x","source":"Reuters","tags":[1]}` + "\r\n",
			[]extract.Document{{ID: "r-1", Text: "Lima agreed.", Title: "T", Date: "1987-02-26", URL: "http://x", Source: "Reuters"}}, nil},
		{"JSONL numbers and nulls", "a.jsonl", `{"id":12,"text":"Lima agreed.","date":19870226,"title":null}`,
			[]extract.Document{{ID: "12", Text: "Lima agreed.", Date: "19870226"}}, nil},
		{"bad JSON lines", "a.jsonl", "{\"text\":\"One.\"}\n\n[1,2]\n{\"text\":\"Two.\"\n{\"title\":\"no text\"}\n{\"text\":5}\n{\"text\":\"Three.\"}",
			[]extract.Document{{ID: "a.jsonl:1", Text: "One."}, {ID: "a.jsonl:7", Text: "Three."}},
			[]string{
				"a.jsonl:3: not a JSON object",
				"a.jsonl:4: not a JSON object: unexpected end of JSON input",
				`a.jsonl:5: no "text" string field`,
				`a.jsonl:6: no "text" string field`,
			}},
		{"JSONL in Windows-1252", "a.jsonl", "{\"text\":\"Bogot\xe1\"}\n", []extract.Document{{ID: "a.jsonl:1", Text: "Bogotá"}}, nil},
		{"stdin text", "-", "From stdin.", []extract.Document{{ID: "-", Text: "From stdin."}}, nil},
		{"stdin JSON Lines", "-", "\n {\"text\":\"From stdin.\"}\n", []extract.Document{{ID: "-:2", Text: "From stdin."}}, nil},
		{"stdin binary", "-", "\x00\x01", nil, []string{"standard input: binary file"}},
		{"HTML", "a.htm", "<title>Talks</title><p>Lima&nbsp;agreed &amp; left.</p>",
			[]extract.Document{{ID: "a.htm", Title: "Talks", Text: "Lima agreed & left."}}, nil},
		{"gzipped HTML", "a.html.gz", gz(t, "<p>Lima agreed.</p>"), []extract.Document{{ID: "a.html.gz", Text: "Lima agreed."}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, stdin, path := t.TempDir(), "", tt.file
			if tt.file == Stdin {
				stdin = tt.content
			} else {
				path = filepath.Join(dir, tt.file)
				if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			docs, warnings, err := run(t, Options{}, dir, []string{path}, stdin)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(docs, tt.want) {
				t.Errorf("documents = %+q\nwant        %+q", docs, tt.want)
			}
			if len(warnings) != len(tt.warnings) {
				t.Fatalf("warnings = %q, want %q", warnings, tt.warnings)
			}
			for i, w := range warnings {
				if !strings.HasPrefix(w, tt.warnings[i]) {
					t.Errorf("warning %d = %q, want it to start %q", i, w, tt.warnings[i])
				}
			}
		})
	}
}

func TestReadFields(t *testing.T) {
	dir := tree(t, map[string]string{"a.jsonl": `{"body":"Lima agreed.","Headline":"T","id":"x","n":{"a":1}}`})
	tests := []struct {
		fields Fields
		want   []extract.Document
		warn   string
	}{
		{Fields{Text: "body", Title: "headline"}, []extract.Document{{ID: "x", Text: "Lima agreed.", Title: "T"}}, ""},
		{Fields{Text: "body", Title: "n"}, []extract.Document{{ID: "x", Text: "Lima agreed."}}, ""},
		{Fields{Text: "bo,dy"}, nil, `a.jsonl: cannot read JSON field "bo,dy"`},
		{Fields{Text: "body", ID: "Body"}, nil, `a.jsonl: cannot read JSON field "Body" into two`},
	}
	for _, tt := range tests {
		docs, warnings, err := run(t, Options{Fields: tt.fields}, dir, []string{filepath.Join(dir, "a.jsonl")}, "")
		if err != nil || !reflect.DeepEqual(docs, tt.want) {
			t.Errorf("%+v: Read = %+v, %v; want %+v", tt.fields, docs, err, tt.want)
		}
		if tt.warn != "" && (len(warnings) != 1 || !strings.HasPrefix(warnings[0], tt.warn)) {
			t.Errorf("%+v: warnings = %q, want %q", tt.fields, warnings, tt.warn)
		}
	}
	if (Fields{Title: "headline"}).withDefaults() != (Fields{"text", "id", "headline", "date", "url", "source"}) {
		t.Error("empty field names should fall back to the defaults")
	}
}

func TestReadStrict(t *testing.T) {
	dir := tree(t, map[string]string{
		"a.txt": "First.", "b.jsonl": "{\"text\":\"ok\"}\n{bad\n", "c.bin.txt": "\x00\x00", "d.txt": "Never read.",
	})
	tests := []struct {
		file string
		want string
		line int
	}{
		{"b.jsonl", "b.jsonl:2: not a JSON object", 2},
		{"c.bin.txt", "c.bin.txt: binary file", 0},
		{"missing.txt", "missing.txt: no such file or directory", 0},
	}
	for _, tt := range tests {
		files := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, tt.file), filepath.Join(dir, "d.txt")}
		docs, warnings, err := run(t, Options{Strict: true}, dir, files, "")
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", tt.file, err, tt.want)
		}
		if len(warnings) > 0 || len(docs) == 0 || docs[len(docs)-1].Text == "Never read." {
			t.Errorf("%s: strict read went on: documents %+v, warnings %q", tt.file, docs, warnings)
		}
	}
}

func TestReadEmitError(t *testing.T) {
	dir := tree(t, map[string]string{"a.jsonl": "{\"text\":\"one\"}\n{\"text\":\"two\"}\n"})
	stop := errors.New("stop")
	r := NewReader(Options{})
	n := 0
	err := r.Read([]string{filepath.Join(dir, "a.jsonl")}, nil, func(extract.Document) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d documents, want emit's error after 1", err, n)
	}
	if st := r.Stats(); st.FilesSkipped != 0 || st.Documents != 0 {
		t.Errorf("Stats = %+v, want nothing skipped or counted", st)
	}
}

func TestReadLongJSONLine(t *testing.T) {
	text := strings.Repeat("Lima agreed to talks. ", 10<<20/22)
	dir := tree(t, map[string]string{"big.jsonl": `{"text":"` + text + "\"}\n" + `{"text":"Next."}`})
	docs, warnings, err := run(t, Options{MaxDocBytes: 64 << 20}, dir, []string{filepath.Join(dir, "big.jsonl")}, "")
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	if len(docs) != 2 || docs[0].Text != text || docs[1].ID != "big.jsonl:2" {
		t.Errorf("got %d documents, want the 10 MB one and the next", len(docs))
	}
}

func TestReadTooLongLine(t *testing.T) {
	dir := tree(t, map[string]string{"a.jsonl": `{"text":"` + strings.Repeat("x", 200<<10) + "\"}\n" + `{"text":"Next."}`})
	r := NewReader(Options{})
	r.maxLine = 100 << 10
	var warnings []string
	r.opt.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	var docs []extract.Document
	err := r.Read([]string{filepath.Join(dir, "a.jsonl")}, nil, func(d extract.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil || len(docs) != 1 || docs[0].Text != "Next." {
		t.Fatalf("Read = %v, %+v; want the second line only", err, docs)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "a.jsonl:1: line too long") {
		t.Errorf("warnings = %q, want line 1 too long", warnings)
	}
}

func TestReadPermissionDenied(t *testing.T) {
	dir := tree(t, map[string]string{"secret.txt": "hidden", "open.txt": "Lima agreed."})
	secret := filepath.Join(dir, "secret.txt")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(secret); err == nil {
		f.Close()
		t.Skip("running as root: permissions are not enforced")
	}
	docs, warnings, err := run(t, Options{}, dir, []string{secret, filepath.Join(dir, "open.txt")}, "")
	if err != nil || len(docs) != 1 || !reflect.DeepEqual(warnings, []string{"secret.txt: permission denied"}) {
		t.Errorf("Read = %v, %+v, warnings %q; want secret.txt skipped", err, docs, warnings)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "open", Path: "a", Err: os.ErrPermission}, "permission denied"},
		{&os.PathError{Op: "open", Path: "a", Err: os.ErrNotExist}, "no such file or directory"},
		{&os.PathError{Op: "read", Path: "a", Err: errors.New("is a directory")}, "is a directory"},
		{errors.New("other"), "other"},
	}
	for _, tt := range tests {
		if got := describe(tt.err).Error(); got != tt.want {
			t.Errorf("describe(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	files := map[string]string{"ok.txt": "Fine.", "lines.jsonl": "{\"text\":\"a\"}\nbad\nbad\n"}
	for _, name := range []string{"b1.txt", "b2.txt", "b3.txt", "b4.txt", "b5.txt", "b6.txt"} {
		files[name] = "\x00"
	}
	dir := tree(t, files)
	tests := []struct {
		files []string
		want  string
	}{
		{nil, "0 files read"},
		{[]string{"ok.txt"}, "1 file read"},
		{[]string{"ok.txt", "b1.txt", "lines.jsonl"}, "2 files read, 1 skipped: b1.txt (binary file); 2 bad lines skipped"},
		{[]string{"b1.txt", "b2.txt", "b3.txt", "b4.txt", "b5.txt", "b6.txt"},
			"0 files read, 6 skipped: b1.txt (binary file), b2.txt (binary file), b3.txt (binary file), b4.txt (binary file), b5.txt (binary file), …"},
	}
	for _, tt := range tests {
		r := NewReader(Options{})
		var paths []string
		for _, f := range tt.files {
			paths = append(paths, filepath.Join(dir, f))
		}
		if err := r.Read(paths, nil, func(extract.Document) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if got := strings.ReplaceAll(r.Summary(), dir+string(filepath.Separator), ""); got != tt.want {
			t.Errorf("Summary = %q\nwant      %q", got, tt.want)
		}
	}
}

func TestStatsWhileReading(t *testing.T) {
	content := strings.Repeat("{\"text\":\"Lima agreed.\"}\n", 10000)
	dir := tree(t, map[string]string{"a.jsonl": content, "b.txt": "x"})
	r := NewReader(Options{})
	files, total, err := r.Expand([]string{dir})
	if err != nil || total != int64(len(content)+1) {
		t.Fatalf("Expand = %v, %d, %v", files, total, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for r.Stats().Files < 2 {
			_ = r.Summary()
		}
	}()
	if err := r.Read(files, nil, func(extract.Document) error { return nil }); err != nil {
		t.Fatal(err)
	}
	<-done
	want := Stats{Files: 2, Documents: 10001, Bytes: total}
	if st := r.Stats(); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
}
