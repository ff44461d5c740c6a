package export

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture builds a small graph with every awkward case the writers must
// handle: quotes, backslashes, '&', '<', DOT keywords, a control character,
// invalid UTF-8, an empty and a blank name, an untyped node, several
// relations on one pair, more relations and sentences than labels and
// tooltips show, reciprocal edges, planned-only and hypothetical/negated-only
// edges, an edge without evidence, dated and undated relations.
func fixture() *graph.Graph {
	g := graph.New()
	for _, n := range []graph.Node{
		{Name: "Joe Biden", Type: "person", Aliases: []string{"Biden", "President Biden"}, Articles: 3},
		{Name: "Ukraine", Type: "country", Articles: 4},
		{Name: "Russia", Type: "country", Aliases: []string{"Moscow"}, Articles: 4},
		{Name: "Graph", Type: "organization", Articles: 1},
		{Name: "strict", Type: "topic", Articles: 1},
		{Name: "AT&T", Type: "organization", Articles: 2},
		{Name: "<Ministry>", Type: "organization", Articles: 1},
		{Name: `Say "hi" Group`, Type: "group", Articles: 1},
		{Name: `C:\Temp\`, Type: "place", Articles: 1},
		{Name: "Bell\x07Corp", Type: "organization", Articles: 1},
		{Name: "Caf\xe9 Society", Type: "group", Articles: 1},
		{Name: "Unknown Co", Articles: 1},
		{Name: "", Type: "person", Articles: 1},
		{Name: " \t ", Type: "place", Articles: 1},
	} {
		g.AddNode(n)
	}
	// rel is a relation with its modality counts and, optionally, its first
	// and last dates.
	rel := func(r string, mods map[string]int, dates ...string) graph.RelationCount {
		n := 0
		for _, k := range mods {
			n += k
		}
		rc := graph.RelationCount{Relation: r, Count: n, Modalities: mods}
		if len(dates) == 2 {
			rc.FirstSeen, rc.LastSeen = dates[0], dates[1]
		}
		return rc
	}
	ev := func(doc, date, r, m, sentence string) graph.Evidence {
		return graph.Evidence{Doc: doc, Date: date, Relation: r, Modality: m, Verb: "v", Sentence: sentence, Confidence: 0.75}
	}
	for _, e := range []graph.Edge{
		{Source: "Joe Biden", Target: "Ukraine", Articles: 2, FirstSeen: "2024-02-01", LastSeen: "2024-03-05",
			Relations: []graph.RelationCount{rel("visited", map[string]int{"asserted": 2}, "2024-02-01", "2024-03-05"),
				rel("supports", map[string]int{"planned": 1}, "2024-03-05", "2024-03-05")},
			Evidence: []graph.Evidence{
				ev("a1", "2024-02-01", "visited", "asserted", "Biden visited Kyiv on Monday."),
				ev("a2", "2024-03-05", "visited", "asserted", "Joe Biden visited Ukraine again."),
				ev("a2", "2024-03-05", "supports", "planned", "Biden will support Ukraine \"as long as it takes\"."),
			}},
		{Source: "Russia", Target: "Ukraine", Articles: 4, FirstSeen: "2024-01-10", LastSeen: "2024-03-01",
			Relations: []graph.RelationCount{
				rel("attacked", map[string]int{"asserted": 3}, "2024-01-10", "2024-02-10"),
				rel("invaded", map[string]int{"asserted": 1}, "2024-02-10", "2024-02-10"),
				rel("threatened", map[string]int{"asserted": 1}, "2024-03-01", "2024-03-01"),
				rel("warned", map[string]int{"asserted": 1}, "2024-03-01", "2024-03-01"),
			},
			Evidence: []graph.Evidence{
				ev("b1", "2024-01-10", "attacked", "asserted", "Russia attacked Kharkiv."),
				ev("b2", "2024-01-20", "attacked", "asserted", "Russian forces attacked Odesa & Mykolaiv."),
				ev("b3", "2024-02-10", "attacked", "asserted", "Moscow attacked the grid <again>."),
				ev("b3", "2024-02-10", "invaded", "asserted", "Russia invaded in 2022."),
				ev("b4", "2024-03-01", "threatened", "asserted", "Russia threatened Ukraine."),
				ev("b4", "2024-03-01", "warned", "asserted", "Russia warned Ukraine\nin a statement."),
			}},
		{Source: "Ukraine", Target: "Russia", Articles: 1, FirstSeen: "2024-02-11", LastSeen: "2024-02-11",
			Relations: []graph.RelationCount{rel("accused", map[string]int{"asserted": 1}, "2024-02-11", "2024-02-11")},
			Evidence:  []graph.Evidence{ev("b5", "2024-02-11", "accused", "asserted", "Kyiv accused Moscow of war crimes.")}},
		{Source: "Joe Biden", Target: "Russia", Articles: 1, FirstSeen: "2024-02-20", LastSeen: "2024-02-20",
			Relations: []graph.RelationCount{rel("sanctioned", map[string]int{"planned": 1}, "2024-02-20", "2024-02-20")},
			Evidence:  []graph.Evidence{ev("a3", "2024-02-20", "sanctioned", "planned", "Biden plans to sanction Russia.")}},
		{Source: "Russia", Target: "Graph", Articles: 2,
			Relations: []graph.RelationCount{rel("attacked", map[string]int{"negated": 1, "hypothetical": 1})},
			Evidence: []graph.Evidence{
				ev("c1", "", "attacked", "negated", "Russia did not attack Graph."),
				ev("c2", "", "attacked", "hypothetical", "Russia could attack Graph."),
			}},
		{Source: "Graph", Target: "strict", Articles: 1,
			Relations: []graph.RelationCount{rel("spoke-with", map[string]int{"asserted": 1})},
			Evidence:  []graph.Evidence{ev("c3", "2024-01-01", "spoke-with", "asserted", `Graph spoke with strict: "digraph { }" \ done.`)}},
		{Source: "AT&T", Target: "<Ministry>", Articles: 1,
			Relations: []graph.RelationCount{rel("spoke-with", map[string]int{"asserted": 1})},
			Evidence:  []graph.Evidence{ev("d1", "2024-01-02", "spoke-with", "asserted", "AT&T spoke with the <Ministry>.")}},
		{Source: `Say "hi" Group`, Target: `C:\Temp\`, Articles: 1,
			Relations: []graph.RelationCount{rel("visited", map[string]int{"asserted": 1})},
			Evidence:  []graph.Evidence{ev("d2", "2024-01-03", "visited", "asserted", "The \"hi\" group visited C:\\Temp\\.")}},
		{Source: "Bell\x07Corp", Target: "AT&T", Articles: 1,
			Relations: []graph.RelationCount{rel("criticized", map[string]int{"asserted": 1})},
			Evidence:  []graph.Evidence{ev("d3", "2024-01-04", "criticized", "asserted", "Bell criticized AT&T.")}},
		{Source: "Caf\xe9 Society", Target: "Unknown Co", Articles: 3,
			Relations: []graph.RelationCount{rel("supports", map[string]int{"asserted": 2}), rel("praised", map[string]int{"asserted": 1})}},
		{Source: "", Target: " \t ", Articles: 1, FirstSeen: "2024-01-05", LastSeen: "2024-01-05",
			Relations: []graph.RelationCount{rel("visited", map[string]int{"asserted": 1}, "2024-01-05", "2024-01-05")},
			Evidence:  []graph.Evidence{ev("d4", "2024-01-05", "visited", "asserted", "Someone visited somewhere.")}},
	} {
		g.AddEdge(e)
	}
	return g
}

// render writes g in format f and fails the test on error.
func render(t testing.TB, g *graph.Graph, f Format, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, f, opts); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return b.Bytes()
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		out := filepath.Join(t.TempDir(), name)
		os.WriteFile(out, got, 0o644)
		t.Errorf("%s differs from the golden file; got written to %s (go test -update rewrites the golden file)", name, out)
	}
}

// requireTool returns the path of an external command. A missing tool skips
// the test, except under CI (env CI set) where it fails.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, "%s is not installed", name)
	}
	return path
}

// missing skips the test for a missing dependency, or fails it under CI.
func missing(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (required when CI is set)", msg)
	}
	t.Skip(msg)
}

func TestGolden(t *testing.T) {
	g := fixture()
	opts := Options{Title: "Fixture: \"tricky\" names & <things>"}
	for _, tc := range []struct {
		f    Format
		file string
	}{
		{JSON, "fixture.json.golden"},
		{GraphML, "fixture.graphml.golden"},
		{GEXF, "fixture.gexf.golden"},
		{DOT, "fixture.dot.golden"},
		{SVG, "fixture.svg.golden"},
	} {
		t.Run(string(tc.f), func(t *testing.T) {
			checkGolden(t, tc.file, render(t, g, tc.f, opts))
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range []Format{JSON, GraphML, GEXF, DOT, SVG} {
		t.Run(string(f), func(t *testing.T) {
			a := render(t, fixture(), f, Options{})
			b := render(t, fixture(), f, Options{})
			if !bytes.Equal(a, b) {
				t.Errorf("two runs of the %s writer differ", f)
			}
		})
	}
}

func TestFormatFromPath(t *testing.T) {
	for path, want := range map[string]Format{
		"out.dot": DOT, "x/out.GV": DOT, "g.graphml": GraphML, "g.GEXF": GEXF, "a.b.SVG": SVG, "p.png": PNG, "graph.json": JSON,
	} {
		if got, err := FormatFromPath(path); err != nil || got != want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"out.txt", "noext", "dir.json/file"} {
		_, err := FormatFromPath(path)
		if err == nil || !strings.Contains(err.Error(), "known formats: dot (.dot, .gv), graphml, gexf, svg, png, json") {
			t.Errorf("FormatFromPath(%q) error = %v; want one listing the known formats", path, err)
		}
	}
	for _, f := range Formats {
		if got, err := ParseFormat(strings.ToUpper(string(f))); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", strings.ToUpper(string(f)), got, err)
		}
	}
	if _, err := ParseFormat("gml"); err == nil || !strings.Contains(err.Error(), "known formats") {
		t.Errorf("ParseFormat(gml): %v", err)
	}
	if err := Write(&bytes.Buffer{}, fixture(), "gml", Options{}); err == nil || !strings.Contains(err.Error(), "known formats") {
		t.Errorf("Write with an unknown format: %v", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "graph.json")
	if err := WriteFile(path, fixture(), JSON, Options{}); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(path)
	if !bytes.Equal(want, render(t, fixture(), JSON, Options{})) {
		t.Fatal("WriteFile wrote something else than Write")
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}

	// A writer that fails half way must leave the old file and no temporary.
	err := writeFileAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half a file"))
		return fmt.Errorf("boom")
	})
	if err == nil || err.Error() != "boom" {
		t.Fatalf("writeFileAtomic error = %v, want boom", err)
	}
	if err := WriteFile(path, fixture(), "nope", Options{}); err == nil {
		t.Fatal("WriteFile with an unknown format succeeded")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("a failed write changed the existing file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after failed writes, want only graph.json", len(entries))
	}

	// A successful rewrite keeps the file's permissions.
	if err := WriteFile(path, fixture(), GraphML, Options{}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after rewrite = %v, want 0600", fi.Mode().Perm())
	}
	if err := WriteFile(filepath.Join(dir, "missing", "g.json"), fixture(), JSON, Options{}); err == nil {
		t.Error("WriteFile into a missing directory succeeded")
	}
}

// hookFileWriter makes writeFileAtomic write its temporary files through
// wrap until the test ends.
func hookFileWriter(t *testing.T, wrap func(f *os.File) io.Writer) {
	orig := fileWriter
	fileWriter = wrap
	t.Cleanup(func() { fileWriter = orig })
}

// writerFunc is an io.Writer calling a function.
type writerFunc func(p []byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// checkUnchanged checks that path still holds want, and that no temporary
// file is left in its directory or registered for RemoveUnfinished.
func checkUnchanged(t *testing.T, path string, want []byte) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s was changed (%v)", path, err)
	}
	if tmps := tempFilesIn(t, filepath.Dir(path)); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
	unfinished.mu.Lock()
	defer unfinished.mu.Unlock()
	if len(unfinished.paths) > 0 {
		t.Errorf("temporary files still registered: %v", unfinished.paths)
	}
}

// tempFilesIn lists the temporary files of writeFileAtomic in dir.
func tempFilesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestRemoveUnfinished interrupts a write half way, as a signal handler
// would: the temporary file goes, the previous file stays, and the write
// fails.
func TestRemoveUnfinished(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.graphml")
	if err := WriteFile(path, fixture(), GraphML, Options{}); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	RemoveUnfinished() // nothing in progress: nothing to do
	checkUnchanged(t, path, old)

	started, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	hookFileWriter(t, func(f *os.File) io.Writer {
		return writerFunc(func(p []byte) (int, error) {
			once.Do(func() { close(started) })
			<-release
			return f.Write(p)
		})
	})
	done := make(chan error, 1)
	go func() { done <- WriteFile(path, fixture(), GraphML, Options{Title: "new"}) }()
	<-started
	if tmps := tempFilesIn(t, filepath.Dir(path)); len(tmps) != 1 {
		t.Fatalf("temporary files during the write: %v, want one", tmps)
	}
	RemoveUnfinished()
	if tmps := tempFilesIn(t, filepath.Dir(path)); len(tmps) != 0 {
		t.Errorf("RemoveUnfinished left %v", tmps)
	}
	close(release)
	if err := <-done; err == nil || !strings.Contains(err.Error(), "write "+path+": interrupted") {
		t.Errorf("interrupted write: %v", err)
	}
	checkUnchanged(t, path, old)
}

// TestWriteFileDiskFull fills the disk at several points of a write: while
// the format writer runs, and at the final flush of a small file.
func TestWriteFileDiskFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "graph.json")
	if err := WriteFile(path, fixture(), JSON, Options{}); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)
	room := 0 // bytes the disk takes before it is full
	hookFileWriter(t, func(f *os.File) io.Writer {
		left := room
		return writerFunc(func(p []byte) (int, error) {
			n, err := f.Write(p[:min(len(p), left)])
			left -= n
			if err == nil && n < len(p) {
				err = &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
			}
			return n, err
		})
	})
	for _, tc := range []struct {
		g    *graph.Graph
		f    Format
		room int
	}{{fixture(), JSON, 0}, {fixture(), JSON, 5000}, {fixture(), DOT, 5000}, {graph.New(), JSON, 0}, {graph.New(), GraphML, 1000}} {
		room = tc.room
		err := WriteFile(path, tc.g, tc.f, Options{})
		if want := "export: write " + path + ": no space left on device"; !errors.Is(err, syscall.ENOSPC) || err.Error() != want {
			t.Errorf("%s of %d nodes with %d bytes free: error %v, want %s", tc.f, tc.g.Order(), tc.room, err, want)
		}
		checkUnchanged(t, path, old)
	}
}

func TestReadFileSniffs(t *testing.T) {
	dir := t.TempDir()
	g := fixture()
	for _, tc := range []struct {
		name string
		f    Format
	}{
		{"g.json", JSON}, {"g.graphml", GraphML}, {"g-json.txt", JSON}, {"g-graphml.xml", GraphML}, {"noext", GraphML},
	} {
		path := filepath.Join(dir, tc.name)
		if err := WriteFile(path, g, tc.f, Options{}); err != nil {
			t.Fatal(err)
		}
		back, err := ReadFile(path)
		if err != nil {
			t.Errorf("ReadFile(%s): %v", tc.name, err)
			continue
		}
		if back.Order() != g.Order() || back.Size() != g.Size() {
			t.Errorf("ReadFile(%s): %d nodes %d edges, want %d and %d", tc.name, back.Order(), back.Size(), g.Order(), g.Size())
		}
	}
	dot := filepath.Join(dir, "g.dot")
	if err := WriteFile(dot, g, DOT, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(dot); err == nil || !strings.Contains(err.Error(), "neither") {
		t.Errorf("ReadFile of a DOT file: %v", err)
	}
	if _, err := Read(strings.NewReader("{}"), SVG); err == nil || !strings.Contains(err.Error(), "only json and graphml") {
		t.Errorf("Read as SVG: %v", err)
	}
}

// mapNames applies f to every actor name in nodes and edges (names,
// aliases, sources and targets) and sorts the result as the graph does.
func mapNames(nodes []graph.Node, edges []graph.Edge, f func(string) string) ([]graph.Node, []graph.Edge) {
	for i := range nodes {
		nodes[i].Name = f(nodes[i].Name)
		for j := range nodes[i].Aliases {
			nodes[i].Aliases[j] = f(nodes[i].Aliases[j])
		}
	}
	for i := range edges {
		edges[i].Source, edges[i].Target = f(edges[i].Source), f(edges[i].Target)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].Name < nodes[j].Name })
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].Source != edges[j].Source {
			return edges[i].Source < edges[j].Source
		}
		return edges[i].Target < edges[j].Target
	})
	return nodes, edges
}

// checkRoundTrip writes the fixture in f, reads it back, and checks that
// writing again gives the same bytes and that the graph read back equals the
// fixture once names are mapped by want.
func checkRoundTrip(t *testing.T, f Format, want func(string) string) {
	g := fixture()
	first := render(t, g, f, Options{})
	back, err := Read(bytes.NewReader(first), f)
	if err != nil {
		t.Fatal(err)
	}
	if second := render(t, back, f, Options{}); !bytes.Equal(first, second) {
		t.Errorf("write → read → write is not byte-identical:\n%s", second)
	}
	wantNodes, wantEdges := mapNames(g.Nodes(), g.Edges(), want)
	if got := back.Nodes(); !reflect.DeepEqual(got, wantNodes) {
		t.Errorf("nodes read back:\n%#v\nwant\n%#v", got, wantNodes)
	}
	if got := back.Edges(); !reflect.DeepEqual(got, wantEdges) {
		t.Errorf("edges read back:\n%#v\nwant\n%#v", got, wantEdges)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":               "plain",
		"tab\tnl\ncr\r":       "tab\tnl\ncr\r",
		"bell\x07nul\x00":     "bellnul",
		"del\x7fc1\u0085":     "delc1",
		"caf\xe9":             "caf\uFFFD",
		"ok \uFFFD":           "ok \uFFFD",
		"non\uFFFEchar\uFFFF": "non\uFFFDchar\uFFFD",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanNamesCollision(t *testing.T) {
	g := graph.New()
	g.AddNode(graph.Node{Name: "Acme"})
	g.AddNode(graph.Node{Name: "Ac\x01me"})
	for _, f := range []Format{DOT, GraphML, GEXF} {
		if err := Write(&bytes.Buffer{}, g, f, Options{}); err == nil || !strings.Contains(err.Error(), "same once") {
			t.Errorf("%s with colliding names: %v", f, err)
		}
	}
}

// TestJSONNamesCollision: JSON writes invalid UTF-8 as U+FFFD, so these
// names would read back as one actor.
func TestJSONNamesCollision(t *testing.T) {
	g := graph.New()
	g.AddNode(graph.Node{Name: "Caf\xe9"})
	g.AddNode(graph.Node{Name: "Caf\uFFFD"})
	if err := Write(&bytes.Buffer{}, g, JSON, Options{}); err == nil || !strings.Contains(err.Error(), "same once invalid UTF-8 is replaced") {
		t.Errorf("JSON with colliding names: %v", err)
	}
}

// TestWritersRefuseBadDates: the readers refuse dates that are not
// YYYY-MM-DD, so the data writers do not write them.
func TestWritersRefuseBadDates(t *testing.T) {
	for _, date := range []string{"2024-02-30", "x\"/;:<&", "Feb. 8"} {
		g := graph.New()
		g.AddEdge(graph.Edge{Source: "a", Target: "b", Articles: 1,
			Relations: []graph.RelationCount{{Relation: "met-with", Count: 1, Modalities: map[string]int{"asserted": 1}, FirstSeen: date, LastSeen: date}}})
		for _, f := range []Format{JSON, GraphML, GEXF} {
			if err := Write(&bytes.Buffer{}, g, f, Options{}); err == nil || !strings.Contains(err.Error(), "is not YYYY-MM-DD") {
				t.Errorf("%s with the date %q: %v", f, date, err)
			}
		}
		render(t, g, DOT, Options{}) // a diagram only shows dates
	}
}

func TestEmptyGraph(t *testing.T) {
	g := graph.New()
	for _, f := range []Format{JSON, GraphML, GEXF, DOT, SVG} {
		out := render(t, g, f, Options{})
		if f == JSON || f == GraphML {
			back, err := Read(bytes.NewReader(out), f)
			if err != nil || back.Order() != 0 {
				t.Errorf("%s: empty graph read back as %v, %v", f, back, err)
			}
		}
	}
}
