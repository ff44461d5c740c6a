package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// gexfDoc is the part of a GEXF file the structure test reads.
type gexfDoc struct {
	Version string `xml:"version,attr"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Mode            string `xml:"mode,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID    string `xml:"id,attr"`
			Label string `xml:"label,attr"`
			Color struct {
				R int `xml:"r,attr"`
				G int `xml:"g,attr"`
				B int `xml:"b,attr"`
			} `xml:"color"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Kind   string `xml:"kind,attr"`
			Label  string `xml:"label,attr"`
			Weight string `xml:"weight,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
			Spells []struct {
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"spells>spell"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

// relationCount is the number of (source, target, relation) triples of g:
// the edges a GEXF file has.
func relationCount(g *graph.Graph) int {
	n := 0
	for _, e := range g.Edges() {
		n += len(e.Relations)
	}
	return n
}

// TestGEXFStructure checks what Gephi relies on: version 1.3, directed,
// unique ids, declared endpoints and attributes, one edge per relation with
// kind = label = the relation, the statements conserved, a color per node,
// and spells on exactly the dated relations.
func TestGEXFStructure(t *testing.T) {
	g := fixture()
	var doc gexfDoc
	if err := xml.Unmarshal(render(t, g, GEXF, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	gr := doc.Graph
	if doc.Version != "1.3" || gr.DefaultEdgeType != "directed" || gr.Mode != "dynamic" || gr.TimeFormat != "date" {
		t.Errorf("version %q, defaultedgetype %q, mode %q, timeformat %q", doc.Version, gr.DefaultEdgeType, gr.Mode, gr.TimeFormat)
	}
	declared := map[string]bool{}
	for _, a := range gr.Attributes {
		for _, x := range a.Attrs {
			if x.ID != x.Title {
				t.Errorf("attribute id %q has title %q", x.ID, x.Title)
			}
			declared[a.Class+"/"+x.ID] = true
		}
	}
	ids, labels := map[string]bool{}, map[string]bool{}
	for _, n := range gr.Nodes {
		if ids[n.ID] {
			t.Errorf("duplicate node id %s", n.ID)
		}
		ids[n.ID], labels[n.Label] = true, true
		if n.Color.R+n.Color.G+n.Color.B == 0 {
			t.Errorf("node %s has no color", n.ID)
		}
	}
	for _, n := range g.Nodes() {
		if !labels[clean(n.Name)] {
			t.Errorf("no node labelled %q", clean(n.Name))
		}
	}
	type triple struct{ s, t, rel string }
	seen := map[triple]bool{}
	statements, dated := 0, 0
	for _, e := range gr.Edges {
		if ids[e.ID] || !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s: duplicate id or undeclared endpoint", e.ID)
		}
		ids[e.ID] = true
		k := triple{e.Source, e.Target, e.Kind}
		if seen[k] || e.Kind == "" || e.Label != e.Kind {
			t.Errorf("edge %s: kind %q, label %q (twice: %v)", e.ID, e.Kind, e.Label, seen[k])
		}
		seen[k] = true
		values := map[string]string{}
		for _, v := range e.Values {
			if !declared["edge/"+v.For] {
				t.Errorf("edge %s: undeclared attribute %s", e.ID, v.For)
			}
			values[v.For] = v.Value
		}
		if values["relation"] != e.Kind || values["statements"] != e.Weight {
			t.Errorf("edge %s: attributes %v do not match kind %q and weight %s", e.ID, values, e.Kind, e.Weight)
		}
		n, _ := optionalInt(values["statements"])
		statements += n
		if (len(e.Spells) == 1) != (values["first_seen"] != "") {
			t.Errorf("edge %s: spells %v but first_seen %q", e.ID, e.Spells, values["first_seen"])
		}
		for _, s := range e.Spells {
			dated++
			if s.Start != values["first_seen"] || s.End != values["last_seen"] {
				t.Errorf("edge %s: spell %v, dates %s…%s", e.ID, s, values["first_seen"], values["last_seen"])
			}
		}
	}
	want := 0
	for _, e := range g.Edges() {
		want += e.Count()
	}
	if len(gr.Nodes) != g.Order() || len(gr.Edges) != relationCount(g) || statements != want || dated != 9 {
		t.Errorf("%d nodes, %d edges, %d statements, %d spells; want %d, %d, %d, 9",
			len(gr.Nodes), len(gr.Edges), statements, dated, g.Order(), relationCount(g), want)
	}
}

func TestGEXFStatic(t *testing.T) {
	g := graph.New()
	g.AddEdge(graph.Edge{Source: "a", Target: "b", Articles: 1,
		Relations: []graph.RelationCount{{Relation: "met-with", Count: 1, Modalities: map[string]int{"asserted": 1}}}})
	out := render(t, g, GEXF, Options{})
	if !bytes.Contains(out, []byte(`<graph defaultedgetype="directed" mode="static">`)) || bytes.Contains(out, []byte("spell")) {
		t.Errorf("an undated graph is not static:\n%s", out)
	}
}

// gexfLoadScript loads a GEXF file with networkx's read_gexf and prints the
// node and edge counts and the attribute names it sees. networkx before 3.0
// (Debian 12 ships 2.8) does not know the GEXF 1.3 namespace; the script
// declares it as networkx 3 does.
const gexfLoadScript = `
import json, sys
import networkx as nx
from networkx.readwrite import gexf
if "1.3" not in gexf.GEXF.versions:
    gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
g = nx.read_gexf(sys.argv[1], version="1.3")
print(json.dumps([g.number_of_nodes(), g.number_of_edges(), g.is_directed(),
    sorted({k for _, d in g.nodes(data=True) for k in d}),
    sorted({k for _, _, d in g.edges(data=True) for k in d}),
    sorted(d["label"] for _, d in g.nodes(data=True))]))
`

func TestGEXFNetworkX(t *testing.T) {
	python := requirePython(t, "networkx")
	g := fixture()
	path := writeTemp(t, "fixture.gexf", render(t, g, GEXF, Options{}))
	var got []any
	runJSON(t, &got, python, "-c", gexfLoadScript, path)
	nodeAttrs := []any{"aliases", "articles", "label", "type", "viz"}
	edgeAttrs := []any{"evidence", "first_seen", "id", "label", "last_seen", "modalities", "relation", "spells", "statements", "weight"}
	want := []any{float64(g.Order()), float64(relationCount(g)), true, nodeAttrs, edgeAttrs, anyStrings(cleanLabels(g))}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("networkx sees\n%v\nwant\n%v", got, want)
	}
}

func TestGEXFGraphology(t *testing.T) {
	g := fixture()
	got := loadWithGraphology(t, "gexf", render(t, g, GEXF, Options{}))
	want := graphologyView{Nodes: g.Order(), Edges: relationCount(g), Type: "directed", Multi: true,
		NodeAttributes: []string{"aliases", "articles", "color", "label", "type"},
		EdgeAttributes: []string{"evidence", "first_seen", "kind", "label", "last_seen", "modalities", "relation", "statements", "weight"},
		Labels:         cleanLabels(g)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graphology-gexf sees\n%+v\nwant\n%+v", got, want)
	}
}

// cleanLabels returns the node labels of g as written (cleaned), sorted as
// JavaScript and Python sort them (by UTF-16 code unit or code point; the
// same for the fixture).
func cleanLabels(g *graph.Graph) []string {
	var out []string
	for _, n := range g.Nodes() {
		out = append(out, clean(n.Name))
	}
	return out
}

func anyStrings(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

// requirePython returns /usr/bin/python3 once the modules import, or skips
// (fails under CI) the test.
func requirePython(t *testing.T, modules ...string) string {
	t.Helper()
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		missing(t, "%s: %v", python, err)
	}
	if err := exec.Command(python, "-c", "import "+strings.Join(modules, ", ")).Run(); err != nil {
		missing(t, "python3 modules %s are not installed: %v", strings.Join(modules, ", "), err)
	}
	return python
}

// runJSON runs a command and decodes its standard output as JSON into v.
func runJSON(t *testing.T, v any, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("%s output: %v\n%s", name, err, out)
	}
}

// jsDir holds the graphology parsers (npm ci installs them there).
const jsDir = "testdata/js"

// graphologyView is what testdata/js/load.js prints.
type graphologyView struct {
	Nodes          int      `json:"nodes"`
	Edges          int      `json:"edges"`
	Type           string   `json:"type"`
	Multi          bool     `json:"multi"`
	NodeAttributes []string `json:"nodeAttributes"`
	EdgeAttributes []string `json:"edgeAttributes"`
	Labels         []string `json:"labels"`
}

// loadWithGraphology parses a GraphML or GEXF file with graphology's
// parsers under Node.js.
func loadWithGraphology(t *testing.T, format string, data []byte) graphologyView {
	t.Helper()
	node := requireTool(t, "node")
	for _, pkg := range []string{"graphology", "graphology-" + format} {
		if _, err := os.Stat(filepath.Join(jsDir, "node_modules", pkg, "package.json")); err != nil {
			missing(t, "npm package %s is not installed: run (cd export/%s && npm ci)", pkg, jsDir)
		}
	}
	path := writeTemp(t, "fixture."+format, data)
	var got graphologyView
	runJSON(t, &got, node, filepath.Join(jsDir, "load.js"), format, path)
	return got
}
