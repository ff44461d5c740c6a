package graph

import (
	"container/heap"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/extract"
)

// Hop is one link of a path between two actors.
type Hop struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Direction is the link's true direction: Out when From acted on To,
	// In when To acted on From, Both for a symmetric relation.
	Direction string `json:"direction"`
	// Relation is the link's most frequent relation, Statements and
	// Articles its size.
	Relation   string `json:"relation"`
	Statements int    `json:"statements"`
	Articles   int    `json:"articles"`
	// Evidence is the first statement of Relation kept on the link.
	Evidence Evidence `json:"evidence"`
}

// NoPathError is returned by ShortestPath when no chain of relations links
// the two actors.
type NoPathError struct{ From, To string }

func (e *NoPathError) Error() string {
	return fmt.Sprintf("no chain of relations links %s and %s", e.From, e.To)
}

// ShortestPath finds the shortest chain of relations from a to b (canonical
// names, see Resolve), following links either way round but reporting each
// hop's true direction. It counts hops, or, when weighted, makes stronger
// links shorter: a link costs 1/articles. Between two actors linked both
// ways the link with more articles is used. Ties go to the path through
// names that sort first.
func (g *Graph) ShortestPath(a, b string, weighted bool) ([]Hop, error) {
	for _, name := range []string{a, b} {
		if _, ok := g.nodes[name]; !ok {
			return nil, &UnknownError{Query: name}
		}
	}
	if a == b {
		return nil, fmt.Errorf("%s and %s are the same actor", a, b)
	}
	links := g.links()
	dist := map[string]float64{a: 0}
	prev := map[string]*edge{}
	done := map[string]bool{}
	q := &pathQueue{{name: a}}
	for q.Len() > 0 {
		cur := heap.Pop(q).(pathItem)
		if done[cur.name] {
			continue
		}
		done[cur.name] = true
		if cur.name == b {
			break
		}
		for _, l := range links[cur.name] {
			cost := 1.0
			if weighted {
				cost = 1 / float64(max(l.e.articles(), 1))
			}
			d, seen := dist[l.other]
			if done[l.other] || seen && d <= cur.dist+cost {
				continue
			}
			dist[l.other] = cur.dist + cost
			prev[l.other] = l.e
			heap.Push(q, pathItem{name: l.other, dist: cur.dist + cost})
		}
	}
	if !done[b] {
		return nil, &NoPathError{From: a, To: b}
	}
	var hops []Hop
	for to := b; to != a; {
		e := prev[to]
		from := e.source
		if from == to {
			from = e.target
		}
		hops = append(hops, e.hop(from, to))
		to = from
	}
	for i, j := 0, len(hops)-1; i < j; i, j = i+1, j-1 {
		hops[i], hops[j] = hops[j], hops[i]
	}
	return hops, nil
}

// link is one actor's connection to another, through the stronger of the
// edges between them.
type link struct {
	other string
	e     *edge
}

// links maps every actor to its links, sorted by the other actor's name.
func (g *Graph) links() map[string][]link {
	inc := g.incidence()
	out := make(map[string][]link, len(inc))
	for name, edges := range inc {
		best := map[string]*edge{}
		for _, e := range edges {
			other := e.target
			if other == name {
				other = e.source
			}
			if cur := best[other]; cur == nil || e.stronger(cur) {
				best[other] = e
			}
		}
		l := make([]link, 0, len(best))
		for other, e := range best {
			l = append(l, link{other, e})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].other < l[j].other })
		out[name] = l
	}
	return out
}

// articles is the number of distinct documents behind the edge.
func (e *edge) articles() int { return e.baseArticles + len(e.docs) }

// statements is the number of statements on the edge.
func (e *edge) statements() int {
	n := 0
	for _, rc := range e.relations {
		n += rc.Count
	}
	return n
}

// stronger orders edges by articles, then statements, then source and target.
func (e *edge) stronger(f *edge) bool {
	if e.articles() != f.articles() {
		return e.articles() > f.articles()
	}
	if e.statements() != f.statements() {
		return e.statements() > f.statements()
	}
	return edgeLess(e, f)
}

// dominant is the relation with the most statements (ties: by label).
func (e *edge) dominant() string {
	best := ""
	for rel, rc := range e.relations {
		if b := e.relations[best]; b == nil || rc.Count > b.Count || rc.Count == b.Count && rel < best {
			best = rel
		}
	}
	return best
}

// hop describes the edge as a step from one of its ends to the other.
func (e *edge) hop(from, to string) Hop {
	h := Hop{From: from, To: to, Relation: e.dominant(), Statements: e.statements(), Articles: e.articles(), Direction: In}
	switch {
	case extract.IsSymmetric(h.Relation):
		h.Direction = Both
	case e.source == from:
		h.Direction = Out
	}
	for _, ev := range e.evidence {
		if ev.Relation == h.Relation {
			h.Evidence = ev
			break
		}
	}
	return h
}

// pathItem is an actor waiting in the shortest-path queue.
type pathItem struct {
	name string
	dist float64
}

// pathQueue is a min-heap of actors by distance, then name.
type pathQueue []pathItem

func (q pathQueue) Len() int { return len(q) }
func (q pathQueue) Less(i, j int) bool {
	if q[i].dist != q[j].dist {
		return q[i].dist < q[j].dist
	}
	return q[i].name < q[j].name
}
func (q pathQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *pathQueue) Push(x any)   { *q = append(*q, x.(pathItem)) }
func (q *pathQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}
