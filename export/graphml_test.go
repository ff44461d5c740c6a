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
)

// schemaDir holds the GraphML XSDs and the catalog for offline validation.
const schemaDir = "/work/shared/schemas/graphml"

func TestGraphMLRoundTrip(t *testing.T) {
	checkRoundTrip(t, GraphML, clean)
}

// writeTemp writes data to a file in a test directory and returns its path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGraphMLSchema(t *testing.T) {
	xmllint := requireTool(t, "xmllint")
	if _, err := os.Stat(filepath.Join(schemaDir, "graphml.xsd")); err != nil {
		missing(t, "GraphML schemas: %v", err)
	}
	path := writeTemp(t, "fixture.graphml", render(t, fixture(), GraphML, Options{Title: "T & <t>"}))
	cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", "graphml.xsd", path)
	cmd.Dir = schemaDir
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(schemaDir, "catalog.xml"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

// TestGraphMLStructure checks the invariants other tools rely on: keys
// declared with for and attr.type, key id = attr.name (but for the edge
// label), no key named id,
// unique ids, declared endpoints, counts conserved.
func TestGraphMLStructure(t *testing.T) {
	g := fixture()
	var doc struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string    `xml:"edgedefault,attr"`
			Nodes       []xmlNode `xml:"node"`
			Edges       []xmlEdge `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(render(t, g, GraphML, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, k := range doc.Keys {
		if k.For == "" || k.Type == "" || (k.ID != k.Name && k.ID != "edge_label") || k.Name == "id" {
			t.Errorf("bad key %+v", k)
		}
		keys[k.ID] = true
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		if ids[n.ID] {
			t.Errorf("duplicate id %s", n.ID)
		}
		ids[n.ID] = true
		for _, d := range n.Data {
			if !keys[d.Key] {
				t.Errorf("node %s: undeclared key %s", n.ID, d.Key)
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		if ids[e.ID] || !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s: duplicate id or undeclared endpoint", e.ID)
		}
		ids[e.ID] = true
		for _, d := range e.Data {
			if !keys[d.Key] {
				t.Errorf("edge %s: undeclared key %s", e.ID, d.Key)
			}
		}
	}
	if len(doc.Graph.Nodes) != g.Order() || len(doc.Graph.Edges) != g.Size() {
		t.Errorf("%d nodes and %d edges written, graph has %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), g.Order(), g.Size())
	}
}

// loadScript loads a GraphML file with networkx and igraph and prints the
// node and edge counts and attribute names each library sees.
const loadScript = `
import json, sys
import networkx as nx
import igraph
path = sys.argv[1]
g = nx.read_graphml(path)
node_attrs = sorted({k for _, d in g.nodes(data=True) for k in d})
edge_attrs = sorted({k for _, _, d in g.edges(data=True) for k in d if k != "id"})
ig = igraph.Graph.Read_GraphML(path)
print(json.dumps({
    "networkx": [g.number_of_nodes(), g.number_of_edges(), g.is_directed(), node_attrs, edge_attrs],
    "igraph": [ig.vcount(), ig.ecount(), ig.is_directed(),
               sorted(a for a in ig.vs.attributes() if a != "id"),
               sorted(a for a in ig.es.attributes() if a != "id")],

}))
`

func TestGraphMLNetworkXIgraph(t *testing.T) {
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		missing(t, "%s: %v", python, err)
	}
	if err := exec.Command(python, "-c", "import networkx, igraph").Run(); err != nil {
		missing(t, "python3 networkx or igraph is not installed: %v", err)
	}
	g := fixture()
	path := writeTemp(t, "fixture.graphml", render(t, g, GraphML, Options{}))
	out, err := exec.Command(python, "-c", loadScript, path).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("python: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var got map[string][]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	nodeAttrs := []any{"aliases", "articles", "color", "label", "type"}
	edgeAttrs := []any{"count", "evidence", "first_seen", "label", "last_seen", "modalities", "relation_dates", "relation_modalities", "relations", "weight"}
	want := []any{float64(g.Order()), float64(g.Size()), true, nodeAttrs, edgeAttrs}
	for _, lib := range []string{"networkx", "igraph"} {
		if !reflect.DeepEqual(got[lib], want) {
			t.Errorf("%s sees %v, want %v", lib, got[lib], want)
		}
	}
}

func TestGraphMLGraphology(t *testing.T) {
	g := fixture()
	got := loadWithGraphology(t, "graphml", render(t, g, GraphML, Options{}))
	want := graphologyView{Nodes: g.Order(), Edges: g.Size(), Type: "directed",
		NodeAttributes: []string{"aliases", "articles", "color", "label", "type"},
		EdgeAttributes: []string{"count", "evidence", "first_seen", "label", "last_seen", "modalities",
			"relation_dates", "relation_modalities", "relations", "weight"},
		Labels: cleanLabels(g)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graphology-graphml sees\n%+v\nwant\n%+v", got, want)
	}
}

func TestGraphMLReadErrors(t *testing.T) {
	head := `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="label" for="all" attr.name="label" attr.type="string"/>`
	for name, tc := range map[string]struct{ in, want string }{
		"undirected": {head + `<graph edgedefault="undirected"/></graphml>`, "want directed"},
		"no graph":   {head + `</graphml>`, "found 0 graphs"},
		"endpoint":   {head + `<graph edgedefault="directed"><node id="n0"/><edge id="e0" source="n0" target="n9"/></graph></graphml>`, "not a node id"},
		"weight":     {head + `<key id="weight" for="edge" attr.name="weight" attr.type="double"/><graph edgedefault="directed"><node id="n0"/><node id="n1"/><edge source="n0" target="n1"><data key="weight">1.5</data></edge></graph></graphml>`, "not a number of articles"},
		"date":       {head + `<key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/><graph edgedefault="directed"><node id="n0"/><node id="n1"/><edge source="n0" target="n1"><data key="first_seen">2024-02-30</data></edge></graph></graphml>`, "is not YYYY-MM-DD"},
		"relations":  {head + `<key id="relations" for="edge" attr.name="relations" attr.type="string"/><graph edgedefault="directed"><node id="n0"/><node id="n1"/><edge source="n0" target="n1"><data key="relations">met</data></edge></graph></graphml>`, "want label:count"},
	} {
		_, err := Read(strings.NewReader(tc.in), GraphML)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
		}
	}
}

func TestGraphMLRefusesBadLabels(t *testing.T) {
	g := fixture()
	e, _ := g.Edge("Joe Biden", "Russia")
	e.Relations[0].Relation = "a;b"
	g.AddEdge(e)
	err := Write(&bytes.Buffer{}, g, GraphML, Options{})
	if err == nil || !strings.Contains(err.Error(), `label "a;b" cannot be written`) {
		t.Errorf("relation with ';': %v", err)
	}
}
