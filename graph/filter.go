package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Filter selects the part of a graph to export or draw. The zero value keeps
// everything. The selections apply in this order:
//
//  1. Relations and Modalities keep only the statements with those labels
//     (an edge left without statements goes);
//  2. MinWeight drops the edges seen in fewer articles;
//  3. Focus keeps the actors within Depth links of one actor (its ego
//     network, links followed in either direction);
//  4. Top keeps the actors with the highest weighted degree (the articles
//     of their edges, summed), the focus actor always among them;
//
// and an actor left without edges goes, unless it had none to begin with.
type Filter struct {
	// Focus names an actor loosely, as Resolve reads it.
	Focus string
	// Depth is how many links from Focus to follow; ≤ 0 means 1.
	Depth int
	// Top keeps at most this many actors (0: all).
	Top int
	// MinWeight is the fewest articles an edge needs (0 or 1: any edge).
	MinWeight int
	// Relations and Modalities keep only these labels (nil: all).
	Relations  []string
	Modalities []string
}

// IsZero reports whether f keeps everything.
func (f Filter) IsZero() bool {
	return f.Focus == "" && f.Top == 0 && f.MinWeight <= 1 && f.Relations == nil && f.Modalities == nil
}

// check refuses negative numbers and labels outside newsgraph's vocabulary.
func (f Filter) check() error {
	if f.Top < 0 || f.MinWeight < 0 || f.Depth < 0 {
		return fmt.Errorf("filter: top, min-weight and depth cannot be negative")
	}
	for _, r := range f.Relations {
		if !extract.IsRelation(r) {
			return fmt.Errorf("filter: unknown relation %q; known relations: %s", r, strings.Join(extract.Relations, ", "))
		}
	}
	for _, m := range f.Modalities {
		if !extract.IsModality(m) {
			return fmt.Errorf("filter: unknown modality %q; known modalities: %s", m, strings.Join(extract.Modalities, ", "))
		}
	}
	return nil
}

// Filter returns a new graph holding the part of g that f selects; g is
// left as it is. It fails when Focus names no single actor (see Resolve)
// or when f has a negative number or an unknown label.
func (g *Graph) Filter(f Filter) (*Graph, error) {
	if err := f.check(); err != nil {
		return nil, err
	}
	focus := ""
	if f.Focus != "" {
		var err error
		if focus, err = g.Resolve(f.Focus); err != nil {
			return nil, err
		}
	}
	nodes := g.Nodes()
	var edges []Edge
	for _, e := range g.Edges() {
		if e, ok := f.statements(e); ok && e.Articles >= f.MinWeight {
			edges = append(edges, e)
		}
	}
	keep := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		keep[n.Name] = true
	}
	if focus != "" {
		keep = egoNetwork(focus, max(f.Depth, 1), edges)
	}
	edges = edgesWithin(edges, keep)
	if f.Top > 0 {
		keep = topActors(keep, edges, f.Top, focus)
		edges = edgesWithin(edges, keep)
	}
	linked := map[string]bool{}
	for _, e := range edges {
		linked[e.Source], linked[e.Target] = true, true
	}
	hadEdges := g.incidence()
	out := New()
	for _, n := range nodes {
		if keep[n.Name] && (linked[n.Name] || n.Name == focus || len(hadEdges[n.Name]) == 0) {
			out.AddNode(n)
		}
	}
	for _, e := range edges {
		out.AddEdge(e)
	}
	return out, nil
}

// statements applies the relation and modality selections to one edge. It
// reports false when no statement is left.
func (f Filter) statements(e Edge) (Edge, bool) {
	if f.Relations == nil && f.Modalities == nil {
		return e, true
	}
	keepStatement := func(rel, mod string) bool {
		return (f.Relations == nil || slices.Contains(f.Relations, rel)) &&
			(f.Modalities == nil || slices.Contains(f.Modalities, mod))
	}
	// With the evidence of every statement at hand (no --evidence-per-edge
	// bound hit), articles and dates can be recounted exactly.
	complete := len(e.Evidence) == e.Count()
	var evidence []Evidence
	for _, ev := range e.Evidence {
		if keepStatement(ev.Relation, ev.Modality) {
			evidence = append(evidence, ev)
		}
	}
	var rels []RelationCount
	changed := false
	for _, rc := range e.Relations {
		kept := RelationCount{Relation: rc.Relation, Modalities: map[string]int{},
			FirstSeen: rc.FirstSeen, LastSeen: rc.LastSeen}
		for m, k := range rc.Modalities {
			if keepStatement(rc.Relation, m) {
				kept.Modalities[m] = k
				kept.Count += k
			}
		}
		if kept.Count != rc.Count {
			changed = true
			if complete {
				kept.FirstSeen, kept.LastSeen = "", ""
				for _, ev := range evidence {
					if ev.Relation == rc.Relation {
						kept.seen(ev.Date)
					}
				}
			}
		}
		if kept.Count > 0 {
			rels = append(rels, kept)
		}
	}
	if !changed {
		return e, true
	}
	if len(rels) == 0 {
		return Edge{}, false
	}
	out := Edge{Source: e.Source, Target: e.Target, Relations: rels, Evidence: evidence}
	statements := out.Count()
	if complete {
		docs := map[string]bool{}
		for _, ev := range evidence {
			docs[ev.Doc] = true
		}
		out.Articles = len(docs)
	} else { // an upper bound: each statement comes from one article
		out.Articles = min(e.Articles, statements)
	}
	for _, rc := range rels {
		widenDates(&out.FirstSeen, &out.LastSeen, rc.FirstSeen)
		widenDates(&out.FirstSeen, &out.LastSeen, rc.LastSeen)
	}
	return out, true
}

// egoNetwork returns the actors within depth links of focus, links
// followed in either direction.
func egoNetwork(focus string, depth int, edges []Edge) map[string]bool {
	adj := map[string][]string{}
	for _, e := range edges {
		adj[e.Source] = append(adj[e.Source], e.Target)
		adj[e.Target] = append(adj[e.Target], e.Source)
	}
	seen := map[string]bool{focus: true}
	frontier := []string{focus}
	for range depth {
		var next []string
		for _, a := range frontier {
			for _, b := range adj[a] {
				if !seen[b] {
					seen[b] = true
					next = append(next, b)
				}
			}
		}
		frontier = next
	}
	return seen
}

// edgesWithin keeps the edges whose two ends are kept.
func edgesWithin(edges []Edge, keep map[string]bool) []Edge {
	var out []Edge
	for _, e := range edges {
		if keep[e.Source] && keep[e.Target] {
			out = append(out, e)
		}
	}
	return out
}

// topActors keeps the n actors with the highest weighted degree (the
// articles of their edges, summed; ties by name), focus always among them.
func topActors(keep map[string]bool, edges []Edge, n int, focus string) map[string]bool {
	degree := map[string]int{}
	for _, e := range edges {
		degree[e.Source] += e.Articles
		degree[e.Target] += e.Articles
	}
	names := make([]string, 0, len(keep))
	for name := range keep {
		if keep[name] {
			names = append(names, name)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if (a == focus) != (b == focus) {
			return a == focus
		}
		if degree[a] != degree[b] {
			return degree[a] > degree[b]
		}
		return a < b
	})
	out := map[string]bool{}
	for _, name := range names[:min(n, len(names))] {
		out[name] = true
	}
	return out
}
