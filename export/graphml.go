package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// GraphML layout. Nodes get the ids n0, n1, … in name order and edges e0,
// e1, … in edge order; the actor name is the "label" data. Each key's id is
// its attr.name, except for the edge label: nodes and edges both have an
// attribute named "label" and key ids must be unique, so the edge one has
// the id "edge_label" (a single key for="all" would do, but igraph ignores
// such keys).
//
// Node data: label, type, articles (int), aliases, color (#RRGGBB by type).
// The label is written even when empty, so an actor with an empty name reads
// back as such (a label-less node from another tool is named by its id).
// Aliases are joined with " | " (aliasSep), so an alias that itself contains
// " | " comes back split in two.
//
// Edge data: weight (double: the number of articles), label (dominant
// relation), relations ("spoke-with:3;met-with:1"), modalities
// ("asserted:3;planned:1", summed over the relations), relation_modalities
// (the same per relation: "spoke-with/asserted:2;spoke-with/planned:1;…"),
// count (statements), first_seen and last_seen when known, relation_dates
// (the same per relation, as ISO 8601 intervals:
// "spoke-with:2022-02-07/2022-02-21;met-with:2022-02-07/2022-02-07"), and
// evidence (a JSON array of the statements, as in the JSON file).
//
// All text goes through clean before XML escaping, so control characters in
// names and labels are dropped (the evidence JSON escapes them instead and
// keeps them).
const aliasSep = " | "

// graphmlKey declares one GraphML attribute.
type graphmlKey struct{ ID, Name, For, Type string }

// graphmlKeys lists every key in the order written.
var graphmlKeys = []graphmlKey{
	{"label", "label", "node", "string"},
	{"type", "type", "node", "string"},
	{"articles", "articles", "node", "int"},
	{"aliases", "aliases", "node", "string"},
	{"color", "color", "node", "string"},
	{"edge_label", "label", "edge", "string"},
	{"weight", "weight", "edge", "double"},
	{"relations", "relations", "edge", "string"},
	{"modalities", "modalities", "edge", "string"},
	{"relation_modalities", "relation_modalities", "edge", "string"},
	{"count", "count", "edge", "int"},
	{"first_seen", "first_seen", "edge", "string"},
	{"last_seen", "last_seen", "edge", "string"},
	{"relation_dates", "relation_dates", "edge", "string"},
	{"evidence", "evidence", "edge", "string"},
}

const graphmlHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

// writeGraphML writes g as GraphML.
func writeGraphML(w io.Writer, g *graph.Graph, opts Options) error {
	nodes, edges := g.Nodes(), g.Edges()
	names, err := cleanNames(nodes)
	if err != nil {
		return err
	}
	for _, e := range edges {
		if err := cmp.Or(checkCountLabels(e), checkDates(e)); err != nil {
			return err
		}
	}
	t := newTextWriter(w)
	t.printf("%s", graphmlHeader)
	if opts.Title != "" {
		t.printf("  <desc>%s</desc>\n", xmlText(opts.Title))
	}
	for _, k := range graphmlKeys {
		t.printf("  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.ID, k.For, k.Name, k.Type)
	}
	t.printf("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n")
	ids := make(map[string]string, len(nodes))
	for i, n := range nodes {
		id := "n" + strconv.Itoa(i)
		ids[n.Name] = id
		t.printf("    <node id=%q>\n", id)
		t.printf("      <data key=\"label\">%s</data>\n", xmlText(names[n.Name])) // even when empty
		data(t, "type", n.Type)
		data(t, "articles", strconv.Itoa(n.Articles))
		data(t, "aliases", strings.Join(n.Aliases, aliasSep))
		data(t, "color", styleOf(n.Type).Color)
		t.printf("    </node>\n")
	}
	for i, e := range edges {
		t.printf("    <edge id=\"e%d\" source=%q target=%q>\n", i, ids[e.Source], ids[e.Target])
		data(t, "weight", strconv.Itoa(e.Articles))
		data(t, "edge_label", e.Dominant())
		data(t, "relations", relationCounts(e).String())
		data(t, "modalities", modalityCounts(e).String())
		data(t, "relation_modalities", relationModalities(e).String())
		data(t, "count", strconv.Itoa(e.Count()))
		data(t, "first_seen", e.FirstSeen)
		data(t, "last_seen", e.LastSeen)
		data(t, "relation_dates", relationDates(e))
		evidence, err := evidenceJSON(e.Evidence)
		if err != nil {
			return fmt.Errorf("edge %q -> %q evidence: %w", e.Source, e.Target, err)
		}
		data(t, "evidence", evidence)
		t.printf("    </edge>\n")
	}
	t.printf("  </graph>\n</graphml>\n")
	return t.flush()
}

// data writes one <data> element, or nothing for an empty value.
func data(t *textWriter, key, value string) {
	if value != "" {
		t.printf("      <data key=%q>%s</data>\n", key, xmlText(value))
	}
}

// evidenceJSON writes evidence as a one-line JSON array of statements, as
// in the JSON file, or "" when there is none. Control characters are
// escaped, so they survive the text cleaning of XML output.
func evidenceJSON(ev []graph.Evidence) (string, error) {
	if len(ev) == 0 {
		return "", nil
	}
	return compactJSON(evidenceToJSON(ev))
}

// compactJSON marshals v on one line without HTML escaping.
func compactJSON(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// relationSep separates relation and modality in relation_modalities.
const relationSep = "/"

// relationModalities lists the modalities of each relation of an edge as
// "relation/modality" counts.
func relationModalities(e graph.Edge) countList {
	var out countList
	for _, r := range e.Relations {
		for _, m := range sortedModalities(r.Modalities) {
			out = append(out, labelCount{r.Relation + relationSep + m, r.Modalities[m]})
		}
	}
	return out
}

// relationDates lists the first and last dates of each dated relation of an
// edge: "spoke-with:2022-02-07/2022-02-21;…".
func relationDates(e graph.Edge) string {
	var parts []string
	for _, r := range e.Relations {
		if r.FirstSeen != "" {
			parts = append(parts, r.Relation+":"+r.FirstSeen+"/"+r.LastSeen)
		}
	}
	return strings.Join(parts, ";")
}

// parseRelationDates reads the relation_dates form back.
func parseRelationDates(s string) (map[string][2]string, error) {
	out := map[string][2]string{}
	if s == "" {
		return out, nil
	}
	for _, part := range strings.Split(s, ";") {
		rel, span, ok1 := strings.Cut(part, ":")
		first, last, ok2 := strings.Cut(span, "/")
		if !ok1 || !ok2 || first == "" || last == "" {
			return nil, fmt.Errorf("bad dates %q: want relation:first/last", part)
		}
		out[rel] = [2]string{first, last}
	}
	return out, nil
}

// checkCountLabels refuses relation and modality labels that the count
// lists could not carry.
func checkCountLabels(e graph.Edge) error {
	for _, r := range e.Relations {
		labels := []string{r.Relation}
		for m := range r.Modalities {
			labels = append(labels, m)
		}
		for _, l := range labels {
			if strings.ContainsAny(l, ":;"+relationSep) || l != clean(l) {
				return fmt.Errorf("edge %q -> %q: label %q cannot be written (no ':', ';', '/' or control characters allowed)",
					e.Source, e.Target, l)
			}
		}
	}
	return nil
}

// XML shapes read back by readGraphML. Element names match in any
// namespace.
type (
	xmlGraphML struct {
		Keys   []xmlKey   `xml:"key"`
		Graphs []xmlGraph `xml:"graph"`
	}
	xmlKey struct {
		ID   string `xml:"id,attr"`
		Name string `xml:"attr.name,attr"`
	}
	xmlGraph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []xmlNode `xml:"node"`
		Edges       []xmlEdge `xml:"edge"`
	}
	xmlNode struct {
		ID   string    `xml:"id,attr"`
		Data []xmlData `xml:"data"`
	}
	xmlEdge struct {
		ID     string    `xml:"id,attr"`
		Source string    `xml:"source,attr"`
		Target string    `xml:"target,attr"`
		Data   []xmlData `xml:"data"`
	}
	xmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// readGraphML reads GraphML written by writeGraphML.
func readGraphML(r io.Reader) (*graph.Graph, error) {
	var doc xmlGraphML
	if err := xml.NewDecoder(r).Decode(&doc); err != nil {
		return nil, err
	}
	if len(doc.Graphs) != 1 {
		return nil, fmt.Errorf("found %d graphs, want 1", len(doc.Graphs))
	}
	gr := doc.Graphs[0]
	if gr.EdgeDefault != "directed" {
		return nil, fmt.Errorf("edgedefault is %q, want directed", gr.EdgeDefault)
	}
	keyNames := map[string]string{}
	for _, k := range doc.Keys {
		keyNames[k.ID] = k.Name
	}
	values := func(ds []xmlData) map[string]string {
		out := map[string]string{}
		for _, d := range ds {
			out[keyNames[d.Key]] = d.Value
		}
		return out
	}
	b := newBuilder()
	names := map[string]string{}
	for _, xn := range gr.Nodes {
		v := values(xn.Data)
		n := graph.Node{Name: v["label"], Type: v["type"]}
		if _, ok := v["label"]; !ok { // a file from elsewhere
			n.Name = xn.ID
		}
		if v["aliases"] != "" {
			n.Aliases = strings.Split(v["aliases"], aliasSep)
		}
		var err error
		if n.Articles, err = optionalInt(v["articles"]); err != nil {
			return nil, fmt.Errorf("node %s articles: %w", xn.ID, err)
		}
		if err := b.node(n); err != nil {
			return nil, err
		}
		names[xn.ID] = n.Name
	}
	for _, xe := range gr.Edges {
		e, err := edgeFromGraphML(xe, names, values(xe.Data))
		if err != nil {
			return nil, fmt.Errorf("edge %s: %w", xe.ID, err)
		}
		if err := b.edge(e); err != nil {
			return nil, err
		}
	}
	return b.g, nil
}

// edgeFromGraphML rebuilds an edge from its endpoints and data values.
func edgeFromGraphML(xe xmlEdge, names, v map[string]string) (graph.Edge, error) {
	source, ok1 := names[xe.Source]
	target, ok2 := names[xe.Target]
	e := graph.Edge{Source: source, Target: target, FirstSeen: v["first_seen"], LastSeen: v["last_seen"]}
	if !ok1 || !ok2 {
		return e, fmt.Errorf("source %q or target %q is not a node id", xe.Source, xe.Target)
	}
	if w := v["weight"]; w != "" {
		f, err := strconv.ParseFloat(w, 64)
		if err != nil || f < 0 || f != float64(int(f)) {
			return e, fmt.Errorf("weight %q is not a number of articles", w)
		}
		e.Articles = int(f)
	}
	rels, err := parseCountList(v["relations"])
	if err != nil {
		return e, fmt.Errorf("relations: %w", err)
	}
	mods, err := parseCountList(v["relation_modalities"])
	if err != nil {
		return e, fmt.Errorf("relation_modalities: %w", err)
	}
	byRelation := map[string]map[string]int{}
	for _, m := range mods {
		rel, mod, ok := strings.Cut(m.Label, relationSep)
		if !ok {
			return e, fmt.Errorf("relation_modalities: %q is not relation/modality", m.Label)
		}
		if byRelation[rel] == nil {
			byRelation[rel] = map[string]int{}
		}
		byRelation[rel][mod] = m.Count
	}
	dates, err := parseRelationDates(v["relation_dates"])
	if err != nil {
		return e, fmt.Errorf("relation_dates: %w", err)
	}
	for _, r := range rels {
		d := dates[r.Label]
		e.Relations = append(e.Relations, graph.RelationCount{Relation: r.Label, Count: r.Count,
			Modalities: byRelation[r.Label], FirstSeen: d[0], LastSeen: d[1]})
	}
	if s := v["evidence"]; s != "" {
		var ev []jsonEvidence
		if err := json.Unmarshal([]byte(s), &ev); err != nil {
			return e, fmt.Errorf("evidence: %w", err)
		}
		e.Evidence = evidenceFromJSON(ev)
	}
	return e, nil
}

// optionalInt parses an integer, "" being 0.
func optionalInt(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}
