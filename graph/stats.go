package graph

import (
	"fmt"
	"sort"
)

// What Actors can rank by.
const (
	ByArticles = "articles" // distinct documents the actor appears in
	ByDegree   = "degree"   // distinct actors it is linked to
	ByWeight   = "weight"   // articles summed over its links
)

// ActorOptions filters and ranks an actor listing. The zero value lists
// every actor by articles.
type ActorOptions struct {
	// Type keeps only actors of this type ("" for all).
	Type string
	// By is ByArticles (the default), ByDegree or ByWeight.
	By string
	// Top keeps the first Top actors (0: all).
	Top int
}

// ActorRow is one actor with its place in the graph.
type ActorRow struct {
	Node
	// Degree is the number of distinct actors linked to it, either way.
	Degree int `json:"degree"`
	// Weight is its weighted degree: the articles of each link, summed.
	Weight int `json:"weight"`
}

// Actors lists the actors, highest first by opt.By, then by name.
func (g *Graph) Actors(opt ActorOptions) ([]ActorRow, error) {
	var key func(ActorRow) int
	switch opt.By {
	case "", ByArticles:
		key = func(r ActorRow) int { return r.Articles }
	case ByDegree:
		key = func(r ActorRow) int { return r.Degree }
	case ByWeight:
		key = func(r ActorRow) int { return r.Weight }
	default:
		return nil, fmt.Errorf("cannot rank actors by %q: use %s, %s or %s", opt.By, ByArticles, ByDegree, ByWeight)
	}
	inc := g.incidence()
	var out []ActorRow
	for name, n := range g.nodes {
		if opt.Type != "" && n.Type != opt.Type {
			continue
		}
		r := ActorRow{Node: n.snapshot()}
		for _, nb := range g.direct(name, inc[name], NeighborOptions{}) {
			r.Degree++
			r.Weight += nb.Articles
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if ki, kj := key(out[i]), key(out[j]); ki != kj {
			return ki > kj
		}
		return out[i].Name < out[j].Name
	})
	if opt.Top > 0 && len(out) > opt.Top {
		out = out[:opt.Top]
	}
	return out, nil
}

// Tally is a label with a count.
type Tally struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// EdgeSummary is an edge without its evidence.
type EdgeSummary struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Relation is the edge's most frequent relation.
	Relation   string `json:"relation"`
	Statements int    `json:"statements"`
	Articles   int    `json:"articles"`
}

// Stats summarizes a graph.
type Stats struct {
	Actors     int `json:"actors"`
	Edges      int `json:"edges"`
	Statements int `json:"statements"`
	// Documents counts the distinct documents, and Sentences the distinct
	// sentences, among the evidence kept. They are exact when
	// EvidenceComplete, lower bounds otherwise (the graph kept a bounded
	// number of sentences per edge); the other counts are always exact.
	Documents        int  `json:"documents"`
	Sentences        int  `json:"sentences"`
	EvidenceComplete bool `json:"evidence_complete"`
	// Relations and Modalities count statements, ActorTypes actors, most
	// first (ties by label).
	Relations  []Tally `json:"relations"`
	Modalities []Tally `json:"modalities"`
	ActorTypes []Tally `json:"actor_types"`
	// Strongest are the edges with the most articles (then statements).
	Strongest []EdgeSummary `json:"strongest"`
}

// Stats summarizes the graph, listing its top strongest edges.
func (g *Graph) Stats(top int) Stats {
	s := Stats{Actors: len(g.nodes), Edges: len(g.edges), EvidenceComplete: true}
	rels, mods, types := map[string]int{}, map[string]int{}, map[string]int{}
	docs, sentences := map[string]bool{}, map[[2]string]bool{}
	edges := make([]*edge, 0, len(g.edges))
	for _, e := range g.edges {
		edges = append(edges, e)
		for _, rc := range e.relations {
			rels[rc.Relation] += rc.Count
			for m, k := range rc.Modalities {
				mods[m] += k
			}
		}
		n := e.statements()
		s.Statements += n
		if len(e.evidence) < n {
			s.EvidenceComplete = false
		}
		for _, ev := range e.evidence {
			docs[ev.Doc] = true
			sentences[[2]string{ev.Doc, ev.Sentence}] = true
		}
	}
	for _, n := range g.nodes {
		types[n.Type]++
	}
	s.Documents, s.Sentences = len(docs), len(sentences)
	s.Relations, s.Modalities, s.ActorTypes = tallies(rels), tallies(mods), tallies(types)
	sort.Slice(edges, func(i, j int) bool { return edges[i].stronger(edges[j]) })
	for _, e := range edges[:min(max(top, 0), len(edges))] {
		s.Strongest = append(s.Strongest, EdgeSummary{Source: e.source, Target: e.target,
			Relation: e.dominant(), Statements: e.statements(), Articles: e.articles()})
	}
	return s
}

// tallies sorts counts most first, then by label.
func tallies(m map[string]int) []Tally {
	out := make([]Tally, 0, len(m))
	for label, n := range m {
		out = append(out, Tally{label, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	return out
}
