// Package graph merges extracted triples into one directed actor graph: one
// node per actor, one edge per ordered (subject, object) pair carrying every
// relation seen between them with counts, modalities and evidence. It owns
// actor identity across documents and answers queries; it knows no file
// format.
package graph

import (
	"sort"

	dg "github.com/dominikbraun/graph"

	"github.com/newsgraph/newsgraph/extract"
)

// Node is one actor of the graph.
type Node struct {
	// Name is the canonical name, unique in the graph.
	Name string `json:"name"`
	Type string `json:"type"`
	// Aliases are the other names the actor was mentioned by, sorted.
	Aliases []string `json:"aliases,omitempty"`
	// Articles is the number of distinct documents the actor appears in.
	Articles int `json:"articles"`
}

// Evidence is one statement behind an edge.
type Evidence struct {
	Doc        string  `json:"doc"`
	Date       string  `json:"date,omitempty"`
	Relation   string  `json:"relation"`
	Modality   string  `json:"modality"`
	Verb       string  `json:"verb,omitempty"`
	Sentence   string  `json:"sentence"`
	Confidence float64 `json:"confidence,omitempty"`
	// Title, URL and Source describe the document when the input gave them.
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
}

// RelationCount is one relation on an edge: how many statements carry it,
// with which modalities, and when.
type RelationCount struct {
	Relation string `json:"relation"`
	// Count is the number of statements (triples) with this relation.
	Count int `json:"count"`
	// Modalities maps each modality seen to its number of statements.
	Modalities map[string]int `json:"modalities"`
	// FirstSeen and LastSeen are the earliest and latest dates (YYYY-MM-DD)
	// of the documents stating the relation, when known.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
}

// Edge is the aggregate of every statement from Source to Target. Symmetric
// relations (spoke-with …) are stored on the edge whose Source sorts first.
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Relations are sorted by count (descending), then by label.
	Relations []RelationCount `json:"relations"`
	// Articles is the number of distinct documents behind the edge: its weight.
	Articles int `json:"articles"`
	// FirstSeen and LastSeen are the earliest and latest document dates, when known.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// Evidence lists the statements in the order they were added.
	Evidence []Evidence `json:"evidence"`
}

// Count is the total number of statements on the edge.
func (e Edge) Count() int {
	n := 0
	for _, r := range e.Relations {
		n += r.Count
	}
	return n
}

// Dominant is the relation with the most statements ("" for an empty edge).
func (e Edge) Dominant() string {
	if len(e.Relations) == 0 {
		return ""
	}
	return e.Relations[0].Relation
}

// node is the mutable state kept per actor while the graph grows.
type node struct {
	Node
	aliases map[string]bool
	docs    map[string]bool
}

// edge is the mutable state kept per ordered pair while the graph grows.
type edge struct {
	source, target string
	relations      map[string]*RelationCount
	docs           map[string]bool
	baseArticles   int
	firstSeen      string
	lastSeen       string
	evidence       []Evidence
}

// Graph is a directed actor graph. It is not safe for concurrent writers.
type Graph struct {
	g     dg.Graph[string, *node]
	nodes map[string]*node
	edges map[[2]string]*edge
	// evidenceLimit bounds the evidence kept per edge (0: no bound).
	evidenceLimit int
}

// SetEvidenceLimit keeps at most n evidence records per edge from now on
// (n ≤ 0: all), but always the first one of each relation. Counts, articles
// and dates stay exact whatever the bound, so memory grows with the graph
// rather than with the corpus.
func (g *Graph) SetEvidenceLimit(n int) { g.evidenceLimit = max(n, 0) }

// New returns an empty graph.
func New() *Graph {
	return &Graph{
		g:     dg.New(func(n *node) string { return n.Name }, dg.Directed()),
		nodes: map[string]*node{},
		edges: map[[2]string]*edge{},
	}
}

// Add merges the triples of one document into the graph. Its actors become
// nodes when they take part in a triple.
func (g *Graph) Add(r extract.Result) {
	actors := make(map[string]extract.Actor, len(r.Actors))
	for _, a := range r.Actors {
		actors[a.Name] = a
	}
	for _, t := range r.Triples {
		if t.Subject == "" || t.Object == "" || t.Subject == t.Object {
			continue
		}
		s := g.actorNode(t.Subject, t.SubjectType, actors)
		o := g.actorNode(t.Object, t.ObjectType, actors)
		s.docs[t.Doc] = true
		o.docs[t.Doc] = true
		src, dst := t.Subject, t.Object
		if extract.IsSymmetric(t.Relation) && dst < src {
			src, dst = dst, src
		}
		e := g.ensureEdge(src, dst)
		e.add(g.evidenceLimit, Evidence{
			Doc: t.Doc, Date: firstNonEmpty(NormalizeDate(t.Date), NormalizeDate(r.Date)), Relation: t.Relation,
			Modality: firstNonEmpty(t.Modality, extract.Asserted), Verb: t.Verb,
			Sentence: t.Sentence, Confidence: t.Confidence, Title: t.Title, URL: t.URL, Source: t.Source,
		})
	}
}

// actorNode returns the node of an actor that takes part in a statement,
// with the aliases the document's actor list gives it. Actors that take part
// in no statement do not become nodes.
func (g *Graph) actorNode(name, typ string, actors map[string]extract.Actor) *node {
	a := actors[name]
	n := g.ensureNode(name, firstNonEmpty(typ, a.Type))
	for _, alias := range a.Aliases {
		if alias != name {
			n.aliases[alias] = true
		}
	}
	return n
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (g *Graph) ensureNode(name, typ string) *node {
	if n, ok := g.nodes[name]; ok {
		if n.Type == "" {
			n.Type = typ
		}
		return n
	}
	n := &node{Node: Node{Name: name, Type: typ}, aliases: map[string]bool{}, docs: map[string]bool{}}
	g.nodes[name] = n
	_ = g.g.AddVertex(n) // cannot fail: the name is new
	return n
}

func (g *Graph) ensureEdge(src, dst string) *edge {
	k := [2]string{src, dst}
	if e, ok := g.edges[k]; ok {
		return e
	}
	e := &edge{source: src, target: dst, relations: map[string]*RelationCount{}, docs: map[string]bool{}}
	g.edges[k] = e
	_ = g.g.AddEdge(src, dst, dg.EdgeData(e)) // both vertices exist and the edge is new
	return e
}

// add records one statement on the edge, keeping its evidence while the
// edge holds fewer than limit records (or it is the relation's first).
func (e *edge) add(limit int, ev Evidence) {
	rc := e.relations[ev.Relation]
	first := rc == nil
	if first {
		rc = &RelationCount{Relation: ev.Relation, Modalities: map[string]int{}}
		e.relations[ev.Relation] = rc
	}
	rc.Count++
	rc.Modalities[ev.Modality]++
	rc.seen(ev.Date)
	e.docs[ev.Doc] = true
	e.seen(ev.Date)
	if first || limit == 0 || len(e.evidence) < limit {
		e.evidence = append(e.evidence, ev)
	}
}

// seen widens the edge's first/last dates with a document date.
func (e *edge) seen(date string) { widenDates(&e.firstSeen, &e.lastSeen, date) }

// seen widens the relation's first/last dates with a document date.
func (rc *RelationCount) seen(date string) { widenDates(&rc.FirstSeen, &rc.LastSeen, date) }

// widenDates widens the span first…last (ISO dates, "" when unknown) to
// include date.
func widenDates(first, last *string, date string) {
	if date == "" {
		return
	}
	if *first == "" || date < *first {
		*first = date
	}
	if date > *last {
		*last = date
	}
}

// snapshot returns the node as an immutable value.
func (n *node) snapshot() Node {
	out := n.Node
	out.Aliases = sortedKeys(n.aliases)
	out.Articles += len(n.docs)
	return out
}

// snapshot returns the edge as an immutable value.
func (e *edge) snapshot() Edge {
	out := Edge{
		Source: e.source, Target: e.target,
		Articles:  e.baseArticles + len(e.docs),
		FirstSeen: e.firstSeen, LastSeen: e.lastSeen,
		Evidence: append([]Evidence(nil), e.evidence...),
	}
	for _, rc := range e.relations {
		c := *rc
		c.Modalities = make(map[string]int, len(rc.Modalities))
		for m, k := range rc.Modalities {
			c.Modalities[m] = k
		}
		out.Relations = append(out.Relations, c)
	}
	sort.Slice(out.Relations, func(i, j int) bool {
		a, b := out.Relations[i], out.Relations[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Relation < b.Relation
	})
	return out
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Nodes returns every actor, sorted by name.
func (g *Graph) Nodes() []Node {
	out := make([]Node, 0, len(g.nodes))
	for _, n := range g.nodes {
		out = append(out, n.snapshot())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Node returns the actor with exactly this canonical name.
func (g *Graph) Node(name string) (Node, bool) {
	n, ok := g.nodes[name]
	if !ok {
		return Node{}, false
	}
	return n.snapshot(), true
}

// Edges returns every edge, sorted by source then target.
func (g *Graph) Edges() []Edge {
	keys := make([][2]string, 0, len(g.edges))
	for k := range g.edges {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	out := make([]Edge, len(keys))
	for i, k := range keys {
		out[i] = g.edges[k].snapshot()
	}
	return out
}

// Edge returns the edge from source to target, if any.
func (g *Graph) Edge(source, target string) (Edge, bool) {
	e, ok := g.edges[[2]string{source, target}]
	if !ok {
		return Edge{}, false
	}
	return e.snapshot(), true
}

// Order is the number of nodes; Size the number of edges.
func (g *Graph) Order() int { return len(g.nodes) }

// Size is the number of edges.
func (g *Graph) Size() int { return len(g.edges) }

// AddNode inserts or widens a node as read back from a saved graph: aliases
// are merged and Articles is added to the count.
func (g *Graph) AddNode(n Node) {
	x := g.ensureNode(n.Name, n.Type)
	for _, a := range n.Aliases {
		if a != n.Name {
			x.aliases[a] = true
		}
	}
	x.Articles += n.Articles
}

// AddEdge inserts an edge as read back from a saved graph, creating its
// endpoints when they are missing. Relation counts and evidence are added to
// any edge already there.
func (g *Graph) AddEdge(e Edge) {
	g.ensureNode(e.Source, "")
	g.ensureNode(e.Target, "")
	x := g.ensureEdge(e.Source, e.Target)
	for _, rc := range e.Relations {
		y := x.relations[rc.Relation]
		if y == nil {
			y = &RelationCount{Relation: rc.Relation, Modalities: map[string]int{}}
			x.relations[rc.Relation] = y
		}
		y.Count += rc.Count
		for m, k := range rc.Modalities {
			y.Modalities[m] += k
		}
		y.seen(rc.FirstSeen)
		y.seen(rc.LastSeen)
	}
	x.baseArticles += e.Articles
	x.seen(e.FirstSeen)
	x.seen(e.LastSeen)
	x.evidence = append(x.evidence, e.Evidence...)
}
