package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// buildFile runs build with args, writing to a file named out in a test
// directory, and returns the file's path.
func buildFile(t *testing.T, out string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), out)
	args = append([]string{"build", "-q", "-o", path}, args...)
	if code, _, errOut := call(t, "", args...); code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return path
}

// readGraph reads a graph file written by build.
func readGraph(t *testing.T, path string) *graph.Graph {
	t.Helper()
	g, err := export.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// modalitiesOf counts the statements of g by modality.
func modalitiesOf(g *graph.Graph) map[string]int {
	out := map[string]int{}
	for _, e := range g.Edges() {
		for _, r := range e.Relations {
			for m, n := range r.Modalities {
				out[m] += n
			}
		}
	}
	return out
}

// TestBuildGraphMLLossless checks that build --graph reads its own GraphML
// back without loss: JSON → GraphML → JSON gives the same bytes.
func TestBuildGraphMLLossless(t *testing.T) {
	first := buildFile(t, "a.json", samples)
	graphml := buildFile(t, "b.graphml", "--graph", first)
	again := buildFile(t, "c.json", "--graph", graphml)
	a, _ := os.ReadFile(first)
	c, _ := os.ReadFile(again)
	if !bytes.Equal(a, c) {
		t.Error("JSON → GraphML → JSON changed the graph")
	}
}

// TestBuildDiagramsHideUnreal checks the diagram default: hypothetical and
// negated statements are left out (and the legend says so) unless
// --modality is given; data formats keep everything.
func TestBuildDiagramsHideUnreal(t *testing.T) {
	saved := buildFile(t, "all.json", samples)
	all := readGraph(t, saved)
	mods := modalitiesOf(all)
	if mods[extract.Hypothetical]+mods[extract.Negated] == 0 {
		t.Skip("the samples have no hypothetical or negated statement")
	}
	// A data format keeps every statement.
	if g := readGraph(t, buildFile(t, "all.graphml", "--graph", saved)); g.Size() != all.Size() || !equalCounts(modalitiesOf(g), mods) {
		t.Errorf("GraphML lost statements: %v, want %v", modalitiesOf(g), mods)
	}
	dot, _ := os.ReadFile(buildFile(t, "g.dot", "--graph", saved))
	if !bytes.Contains(dot, []byte("hypothetical and negated statements hidden")) {
		t.Error("the legend does not say what is hidden")
	}
	if bytes.Contains(dot, []byte(", hypothetical]")) || bytes.Contains(dot, []byte(", negated]")) {
		t.Error("the diagram's tooltips quote hypothetical or negated statements")
	}
	shown, _ := os.ReadFile(buildFile(t, "h.dot", "--graph", saved, "--modality", "asserted,planned,hypothetical,negated"))
	if bytes.Contains(shown, []byte("statements hidden")) || !bytes.Contains(shown, []byte(", hypothetical]")) && !bytes.Contains(shown, []byte(", negated]")) {
		t.Error("--modality with every modality does not show everything")
	}
	// --modality applies to data formats too.
	g := readGraph(t, buildFile(t, "asserted.json", "--graph", saved, "--modality", "asserted"))
	if m := modalitiesOf(g); len(m) != 1 || m[extract.Asserted] != mods[extract.Asserted] {
		t.Errorf("--modality asserted kept %v", m)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestBuildFilters(t *testing.T) {
	saved := buildFile(t, "all.json", samples)
	all := readGraph(t, saved)
	putin, err := all.Resolve("putin")
	if err != nil {
		t.Fatal(err)
	}

	ego := readGraph(t, buildFile(t, "ego.json", "--graph", saved, "--focus", "putin"))
	if ego.Order() < 2 || ego.Order() >= all.Order() {
		t.Errorf("--focus putin kept %d of %d actors", ego.Order(), all.Order())
	}
	for _, n := range ego.Nodes() { // at depth 1, Putin and his neighbors
		_, out := all.Edge(putin, n.Name)
		_, in := all.Edge(n.Name, putin)
		if n.Name != putin && !out && !in {
			t.Errorf("--focus putin kept %q, who is no neighbor of %s", n.Name, putin)
		}
	}
	if deeper := readGraph(t, buildFile(t, "ego2.json", "--graph", saved, "--focus", "Vladimir Putin", "--depth", "2")); deeper.Order() < ego.Order() {
		t.Errorf("--depth 2 kept %d actors, depth 1 kept %d", deeper.Order(), ego.Order())
	}

	top := readGraph(t, buildFile(t, "top.json", "--graph", saved, "--top", "5"))
	if top.Order() > 5 || top.Order() < 2 {
		t.Errorf("--top 5 kept %d actors", top.Order())
	}

	heavy := readGraph(t, buildFile(t, "heavy.json", "--graph", saved, "--min-weight", "2"))
	for _, e := range heavy.Edges() {
		if e.Articles < 2 {
			t.Errorf("--min-weight 2 kept %s → %s in %d article", e.Source, e.Target, e.Articles)
		}
	}

	rel := readGraph(t, buildFile(t, "rel.json", "--graph", saved, "--relation", "leader-of,met-with"))
	for _, e := range rel.Edges() {
		for _, r := range e.Relations {
			if r.Relation != "leader-of" && r.Relation != "met-with" {
				t.Errorf("--relation kept %s", r.Relation)
			}
		}
	}
	if rel.Size() == 0 {
		t.Error("--relation leader-of,met-with kept nothing")
	}

	// The filters apply to every format, GEXF included.
	gexf, _ := os.ReadFile(buildFile(t, "rel.gexf", "--graph", saved, "--relation", "leader-of"))
	if n := strings.Count(string(gexf), "<edge "); n == 0 || n != strings.Count(string(gexf), `kind="leader-of"`) {
		t.Errorf("GEXF with --relation leader-of has %d edges, not all leader-of", n)
	}
}

func TestBuildFilterErrors(t *testing.T) {
	saved := buildFile(t, "all.json", samples)
	out := filepath.Join(t.TempDir(), "x.svg")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--focus", "Nobody Atall"}, `--focus: no actor named "Nobody Atall"`},
		{[]string{"--modality", "maybe"}, `unknown modality "maybe"`},
		{[]string{"--relation", "likes"}, `unknown relation "likes"`},
		{[]string{"--depth", "0", "--focus", "putin"}, "--depth must be at least 1"},
		{[]string{"--top", "-1"}, "negative"},
	} {
		args := append([]string{"build", "-q", "--graph", saved, "-o", out}, tc.args...)
		code, _, errOut := call(t, "", args...)
		if code != exitError || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want an error containing %q", tc.args, code, errOut, tc.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed build wrote its output")
	}
}
