package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// hostileTexts are untrusted texts, as found in news, that every writer
// must turn into valid output when they are an actor name, an alias, a type,
// an evidence sentence, a document name, a title or a note.
var hostileTexts = map[string]string{
	"quotes":             `Say "hi" ""`,
	"backslashes":        `C:\Temp\ \" \\n \\`,
	"final backslash":    `ends with \`,
	"angle brackets":     "<b>bold</b> <!-- x --> <![CDATA[ ]]> <?xml?>",
	"HTML-like label":    "<TABLE><TR><TD>x</TD></TR></TABLE>",
	"ampersands":         "AT&T &amp; &#0; &bogus; &",
	"line breaks":        "one\ntwo\r\nthree\rfour\n",
	"control characters": "nul\x00bell\x07esc\x1b[31m del\x7f c1\u0085 tab\t",
	"only controls":      "\x01\x02\x1f",
	"DOT syntax":         `"a" -> "b" [label=x]; } digraph { //`,
	"keyword graph":      "graph",
	"keyword Node":       "Node",
	"keyword strict":     "strict",
	"keyword subgraph":   "subgraph",
	"keyword edge":       "edge",
	"keyword digraph":    "digraph",
	"right-to-left":      "\u202Eevil\u202C and \u200Fmark\u200F",
	"invalid UTF-8":      "caf\xe9 \xff\xfe \xed\xa0\x80 \xc0\xaf",
	"noncharacters":      "\uFFFE\uFFFF \uFFFD",
	"100 KB":             strings.Repeat("Very Long Name ", 100<<10/15),
	"empty":              "",
	"blank":              " \t\n ",
}

// hostileGraph builds a graph where s is an actor's name, its aliases (alone
// and within text), the type of the other actor, and the document, verb and
// sentence of every statement, in both directions.
func hostileGraph(s string) *graph.Graph {
	const other = "Other"
	g := graph.New()
	g.AddNode(graph.Node{Name: s, Type: "person", Aliases: []string{s + " alias", "alias " + s}, Articles: 1})
	g.AddNode(graph.Node{Name: other, Type: s, Articles: 1})
	edge := func(src, dst, rel, mod string) graph.Edge {
		return graph.Edge{Source: src, Target: dst, Articles: 1, FirstSeen: "2024-01-02", LastSeen: "2024-01-02",
			Relations: []graph.RelationCount{{Relation: rel, Count: 1, Modalities: map[string]int{mod: 1},
				FirstSeen: "2024-01-02", LastSeen: "2024-01-02"}},
			Evidence: []graph.Evidence{{Doc: s, Date: "2024-01-02", Relation: rel, Modality: mod, Verb: s, Sentence: s, Confidence: 0.5}}}
	}
	g.AddEdge(edge(s, other, "met-with", "asserted"))
	g.AddEdge(edge(other, s, "criticized", "planned"))
	return g
}

// TestHostileText writes each hostile text in every format, with both
// legends (cluster for dot, table for sfdp), and checks that the output
// parses: the data formats with checkWriters, SVG as XML, and DOT also
// with the system's Graphviz.
func TestHostileText(t *testing.T) {
	for name, s := range hostileTexts {
		t.Run(name, func(t *testing.T) {
			g := hostileGraph(s)
			options := []Options{{Title: s, Note: s}, {Engine: "sfdp", Title: s, Note: s}}
			for _, opts := range options {
				checkWriters(t, g, opts)
				checkSVGTitles(t, g, render(t, g, SVG, opts))
			}
			for _, opts := range options { // last: skips without Graphviz
				checkSVGTitles(t, g, graphvizSVG(t, render(t, g, DOT, opts)))
			}
		})
	}
}

// checkSVGTitles checks that an SVG is well-formed XML with a node titled
// after each actor of g.
func checkSVGTitles(t *testing.T, g *graph.Graph, svg []byte) {
	t.Helper()
	titles := map[string]bool{}
	for _, title := range svgNodes(t, svg) {
		titles[title] = true
	}
	for _, n := range g.Nodes() {
		if !titles[svgTitle(n.Name)] {
			t.Errorf("SVG has no node titled %.80q", svgTitle(n.Name))
		}
	}
}

// checkWriters writes g in every data format (SVG and PNG are too slow for
// fuzzing) and checks that each output parses and holds the whole graph:
//   - JSON is valid, reads back with the same names (invalid UTF-8 becoming
//     U+FFFD) and numbers of nodes and edges, and writes again the same bytes;
//   - GraphML is well-formed XML and reads back with the same names once
//     cleaned, and numbers of nodes and edges;
//   - GEXF is well-formed XML with a node labelled by each cleaned name and
//     an edge per relation;
//   - DOT passes parseDOT with a node and an edge statement per node and
//     edge of g.
//
// A writer may refuse g only for the reason refusal gives.
func checkWriters(t testing.TB, g *graph.Graph, opts Options) {
	t.Helper()
	nodes, edges := g.Nodes(), g.Edges()
	for _, f := range []Format{JSON, GraphML, GEXF, DOT} {
		var b bytes.Buffer
		err := Write(&b, g, f, opts)
		if want := refusal(nodes, edges, f); want != nil || err != nil {
			if (err == nil) != (want == nil) {
				t.Errorf("%s writer: error %v, want %v", f, err, want)
			}
			continue
		}
		out := b.Bytes()
		var err2 error
		switch f {
		case JSON:
			err2 = checkJSONOutput(g, out, opts)
		case GraphML:
			err2 = checkGraphMLOutput(g, out)
		case GEXF:
			err2 = checkGEXFOutput(g, out)
		case DOT:
			err2 = checkDOTOutput(g, out)
		}
		if err2 != nil {
			t.Errorf("%s output: %v\n%.2000s", f, err2, out)
		}
	}
}

// refusal returns why the writer of format f refuses a graph, or nil. The
// data writers refuse dates that are not YYYY-MM-DD; JSON refuses actor
// names that are the same once invalid UTF-8 is replaced, the other
// writers those that are the same once cleaned; GraphML and GEXF refuse
// relation and modality labels their count lists cannot carry.
func refusal(nodes []graph.Node, edges []graph.Edge, f Format) error {
	if f == JSON {
		_, err := uniqueNames(nodes, validUTF8, "")
		for _, e := range edges {
			err = cmp.Or(err, checkDates(e))
		}
		return err
	}
	_, err := cleanNames(nodes)
	if f == DOT {
		return err
	}
	for _, e := range edges {
		err = cmp.Or(err, checkCountLabels(e), checkDates(e))
	}
	return err
}

// sortedNames returns the names of nodes mapped by f, sorted.
func sortedNames(nodes []graph.Node, f func(string) string) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = f(n.Name)
	}
	sort.Strings(out)
	return out
}

// sameGraph checks that back has the nodes of g, with names mapped by f, and
// as many edges.
func sameGraph(g, back *graph.Graph, f func(string) string) error {
	if back.Order() != g.Order() || back.Size() != g.Size() {
		return fmt.Errorf("read back %d nodes and %d edges, want %d and %d", back.Order(), back.Size(), g.Order(), g.Size())
	}
	if got, want := sortedNames(back.Nodes(), same), sortedNames(g.Nodes(), f); !slices.Equal(got, want) {
		return fmt.Errorf("read back the names %.200q, want %.200q", got, want)
	}
	return nil
}

func same(s string) string { return s }

func checkJSONOutput(g *graph.Graph, out []byte, opts Options) error {
	if !json.Valid(out) {
		return errors.New("not valid JSON")
	}
	back, err := Read(bytes.NewReader(out), JSON)
	if err != nil {
		return err
	}
	if err := sameGraph(g, back, validUTF8); err != nil {
		return err
	}
	var again bytes.Buffer
	if err := Write(&again, back, JSON, opts); err != nil {
		return fmt.Errorf("writing what was read back: %w", err)
	}
	if !bytes.Equal(again.Bytes(), out) {
		return fmt.Errorf("write → read → write differs:\n%.2000s", again.Bytes())
	}
	return nil
}

func checkGraphMLOutput(g *graph.Graph, out []byte) error {
	if err := xmlWellFormed(out); err != nil {
		return err
	}
	back, err := Read(bytes.NewReader(out), GraphML)
	if err != nil {
		return err
	}
	return sameGraph(g, back, clean)
}

func checkGEXFOutput(g *graph.Graph, out []byte) error {
	if err := xmlWellFormed(out); err != nil {
		return err
	}
	var doc gexfDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		return err
	}
	var labels []string
	for _, n := range doc.Graph.Nodes {
		labels = append(labels, n.Label)
	}
	sort.Strings(labels)
	if want := sortedNames(g.Nodes(), clean); !slices.Equal(labels, want) {
		return fmt.Errorf("node labels %.200q, want %.200q", labels, want)
	}
	if len(doc.Graph.Edges) != relationCount(g) {
		return fmt.Errorf("%d edges, want %d", len(doc.Graph.Edges), relationCount(g))
	}
	return nil
}

func checkDOTOutput(g *graph.Graph, out []byte) error {
	dg, err := parseDOT(out)
	if err != nil {
		return err
	}
	for _, n := range g.Nodes() {
		if !dg.nodes[dotIDText(n.Name)] {
			return fmt.Errorf("no node statement for %.200q", n.Name)
		}
	}
	for _, e := range g.Edges() {
		if !dg.edges[[2]string{dotIDText(e.Source), dotIDText(e.Target)}] {
			return fmt.Errorf("no edge statement for %.200q -> %.200q", e.Source, e.Target)
		}
	}
	return nil
}

// xmlWellFormed reads XML to the end with a strict decoder.
func xmlWellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		if _, err := dec.Token(); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("not well-formed XML: %w", err)
		}
	}
}
