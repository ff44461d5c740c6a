package export

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// GEXF 1.3 layout, for Gephi. Nodes get the ids n0, n1, … in name order,
// as in GraphML, with the actor name as label. Unlike GraphML, GEXF has
// one edge per (source, target, relation): edges e0, e1, … in edge order,
// then relation order, with kind and label set to the relation, so that
// Gephi keeps the relations of a pair apart (it would merge or sum parallel
// edges of one kind). The weight of an edge is its number of statements.
//
// Node attributes: type, articles (integer), aliases (joined with " | "),
// and viz:color by type. Edge attributes: relation, statements (integer),
// modalities ("asserted:2;planned:1"), first_seen and last_seen when known,
// evidence (a JSON array of the relation's statements).
//
// When some relation is dated, the graph is dynamic (timeformat="date") and
// each dated edge has a spell from its first to its last date, so Gephi's
// timeline replays the story; undated edges have no spell and are always
// shown.

// gexfAttr declares one GEXF attribute; its id is its title.
type gexfAttr struct{ ID, Type string }

var (
	gexfNodeAttrs = []gexfAttr{{"type", "string"}, {"articles", "integer"}, {"aliases", "string"}}
	gexfEdgeAttrs = []gexfAttr{{"relation", "string"}, {"statements", "integer"}, {"modalities", "string"},
		{"first_seen", "string"}, {"last_seen", "string"}, {"evidence", "string"}}
)

const gexfHeader = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
`

// writeGEXF writes g as GEXF 1.3.
func writeGEXF(w io.Writer, g *graph.Graph, opts Options) error {
	nodes, edges := g.Nodes(), g.Edges()
	names, err := cleanNames(nodes)
	if err != nil {
		return err
	}
	dynamic := false
	for _, e := range edges {
		if err := cmp.Or(checkCountLabels(e), checkDates(e)); err != nil {
			return err
		}
		for _, r := range e.Relations {
			dynamic = dynamic || r.FirstSeen != ""
		}
	}
	t := newTextWriter(w)
	t.printf("%s", gexfHeader)
	t.printf("  <meta>\n    <creator>newsgraph</creator>\n")
	if opts.Title != "" {
		t.printf("    <description>%s</description>\n", xmlText(opts.Title))
	}
	t.printf("  </meta>\n")
	if dynamic {
		t.printf("  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n")
	} else {
		t.printf("  <graph defaultedgetype=\"directed\" mode=\"static\">\n")
	}
	writeGEXFAttrs(t, "node", gexfNodeAttrs)
	writeGEXFAttrs(t, "edge", gexfEdgeAttrs)
	t.printf("    <nodes>\n")
	ids := make(map[string]string, len(nodes))
	for i, n := range nodes {
		id := "n" + strconv.Itoa(i)
		ids[n.Name] = id
		t.printf("      <node id=%q label=\"%s\">\n", id, xmlText(names[n.Name]))
		attvalues(t, [][2]string{{"type", n.Type}, {"articles", strconv.Itoa(n.Articles)},
			{"aliases", strings.Join(n.Aliases, aliasSep)}})
		r, gr, b := rgb(styleOf(n.Type).Color)
		t.printf("        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, gr, b)
		t.printf("      </node>\n")
	}
	t.printf("    </nodes>\n    <edges>\n")
	id := 0
	for _, e := range edges {
		for _, r := range e.Relations {
			evidence, err := relationEvidence(e, r.Relation)
			if err != nil {
				return err
			}
			t.printf("      <edge id=\"e%d\" source=%q target=%q kind=\"%s\" label=\"%s\" weight=\"%d\">\n",
				id, ids[e.Source], ids[e.Target], xmlText(r.Relation), xmlText(r.Relation), r.Count)
			id++
			attvalues(t, [][2]string{{"relation", r.Relation}, {"statements", strconv.Itoa(r.Count)},
				{"modalities", modalityList(r.Modalities).String()},
				{"first_seen", r.FirstSeen}, {"last_seen", r.LastSeen}, {"evidence", evidence}})
			if r.FirstSeen != "" {
				t.printf("        <spells>\n          <spell start=\"%s\" end=\"%s\"/>\n        </spells>\n",
					xmlText(r.FirstSeen), xmlText(r.LastSeen))
			}
			t.printf("      </edge>\n")
		}
	}
	t.printf("    </edges>\n  </graph>\n</gexf>\n")
	return t.flush()
}

// writeGEXFAttrs declares the attributes of one class (node or edge).
func writeGEXFAttrs(t *textWriter, class string, attrs []gexfAttr) {
	t.printf("    <attributes class=%q mode=\"static\">\n", class)
	for _, a := range attrs {
		t.printf("      <attribute id=%q title=%q type=%q/>\n", a.ID, a.ID, a.Type)
	}
	t.printf("    </attributes>\n")
}

// attvalues writes the non-empty attribute values of a node or edge.
func attvalues(t *textWriter, values [][2]string) {
	t.printf("        <attvalues>\n")
	for _, v := range values {
		if v[1] != "" {
			t.printf("          <attvalue for=%q value=\"%s\"/>\n", v[0], xmlText(v[1]))
		}
	}
	t.printf("        </attvalues>\n")
}

// relationEvidence returns the evidence of one relation of an edge (see
// evidenceJSON).
func relationEvidence(e graph.Edge, relation string) (string, error) {
	var ev []graph.Evidence
	for _, x := range e.Evidence {
		if x.Relation == relation {
			ev = append(ev, x)
		}
	}
	s, err := evidenceJSON(ev)
	if err != nil {
		return "", fmt.Errorf("edge %q -> %q evidence: %w", e.Source, e.Target, err)
	}
	return s, nil
}
