package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// AmbiguousError is returned by Resolve when a name fits several actors.
type AmbiguousError struct {
	Query      string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q is ambiguous: it could be %s", e.Query, strings.Join(e.Candidates, ", "))
}

// UnknownError is returned by Resolve when no actor fits a name.
type UnknownError struct {
	Query       string
	Suggestions []string
}

func (e *UnknownError) Error() string {
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("no actor named %q in the graph", e.Query)
	}
	return fmt.Sprintf("no actor named %q in the graph; did you mean %s?", e.Query, strings.Join(e.Suggestions, ", "))
}

// Resolve finds the actor a user means by a loosely written name. It tries,
// in order, the canonical name, then aliases, then a person's surname, then
// an acronym ("EU" for European Union, "North Atlantic Treaty Organization"
// for NATO; never for people), each compared by Key (case, accents,
// punctuation and a leading "the" ignored). It returns *AmbiguousError or
// *UnknownError when no single actor fits.
func (g *Graph) Resolve(query string) (string, error) {
	q := Key(query)
	if q == "" {
		return "", &UnknownError{Query: query}
	}
	compact, initials := strings.ReplaceAll(q, " ", ""), acronym(q)
	index := g.keyIndex()
	for _, match := range []func(actorKeys) bool{
		func(a actorKeys) bool { return a.key == q },
		func(a actorKeys) bool { return slices.Contains(a.aliases, q) },
		func(a actorKeys) bool { return a.n.Type == extract.Person && surname(a.n.Name) == q },
		func(a actorKeys) bool {
			return a.n.Type != extract.Person &&
				(acronym(a.key) == compact || initials != "" && strings.ReplaceAll(a.key, " ", "") == initials)
		},
	} {
		var found []string
		for _, a := range index {
			if match(a) {
				found = append(found, a.n.Name)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		default:
			return "", &AmbiguousError{Query: query, Candidates: found}
		}
	}
	return "", &UnknownError{Query: query, Suggestions: suggest(q, index, 5)}
}

// actorKeys is an actor with its name and aliases folded by Key.
type actorKeys struct {
	n       *node
	key     string
	aliases []string
}

// keyIndex folds every actor's name and aliases once, in name order.
func (g *Graph) keyIndex() []actorKeys {
	names := sortedNodeNames(g)
	out := make([]actorKeys, len(names))
	for i, name := range names {
		n := g.nodes[name]
		out[i] = actorKeys{n: n, key: Key(name), aliases: make([]string, 0, len(n.aliases))}
		for a := range n.aliases {
			out[i].aliases = append(out[i].aliases, Key(a))
		}
	}
	return out
}

// acronym is the initials of a key of two or more significant words
// ("european union" → "eu"), or "".
func acronym(key string) string {
	var b strings.Builder
	words := 0
	for _, w := range strings.Fields(key) {
		switch w {
		case "of", "and", "for", "the", "on", "in":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
		words++
	}
	if words < 2 {
		return ""
	}
	return b.String()
}

// suggest lists up to max actor names closest to the key q: nearest
// first, then matched on the name rather than an alias, and on a whole name
// rather than one word of it, then in more articles, then by name.
func suggest(q string, index []actorKeys, max int) []string {
	type cand struct {
		name           string
		dist, part, ar int
	}
	var cands []cand
	for _, a := range index {
		if d, part := distance(q, a); d <= len(q)/3+1 {
			cands = append(cands, cand{a.n.Name, d, part, len(a.n.docs) + a.n.Articles})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		x, y := cands[i], cands[j]
		switch {
		case x.dist != y.dist:
			return x.dist < y.dist
		case x.part != y.part:
			return x.part < y.part
		}
		return x.ar > y.ar
	})
	var out []string
	for i := 0; i < len(cands) && i < max; i++ {
		out = append(out, cands[i].name)
	}
	return out
}

// distance is how far the key q is from an actor, and which part of it is
// nearest: 0 the name, 1 an alias, 2 a word of the name, 3 a word of an
// alias. The distance is 0 when q begins the part or holds it whole, else
// the edit distance; words shorter than three letters are skipped.
func distance(q string, a actorKeys) (dist, part int) {
	dist, part = len(q)+1, 4
	better := func(d, p int) {
		if d < dist || d == dist && p < part {
			dist, part = d, p
		}
	}
	for i, k := range append([]string{a.key}, a.aliases...) {
		whole := min(i, 1)
		if k == "" {
			continue
		}
		if strings.HasPrefix(k, q) || utf8.RuneCountInString(k) >= 3 && strings.Contains(q, k) {
			better(0, whole)
		}
		better(extract.EditDistance(q, k), whole)
		for _, w := range strings.Fields(k) {
			if strings.HasPrefix(w, q) {
				better(0, whole+2)
			}
			if utf8.RuneCountInString(w) >= 3 {
				better(extract.EditDistance(q, w), whole+2)
			}
		}
	}
	return dist, part
}

// Direction of a neighbor relative to the queried actor.
const (
	Out  = "out"  // the actor acted on the neighbor
	In   = "in"   // the neighbor acted on the actor
	Both = "both" // both ways, or through a symmetric relation
)

// NeighborOptions filters a neighbor query. Zero values keep everything.
type NeighborOptions struct {
	// Direction is Out, In or Both (or "" for both).
	Direction string
	// Relations and Modalities keep only statements with these labels.
	Relations  []string
	Modalities []string
	// MinWeight drops links made by fewer distinct articles.
	MinWeight int
	// Depth is how many hops to follow: 1 (or 0) lists the direct
	// neighbors, 2 adds their neighbors, and so on. Every hop obeys the
	// filters above.
	Depth int
}

// Neighbor is one actor linked to the queried actor.
type Neighbor struct {
	Name string `json:"name"`
	Type string `json:"type"`
	// Hops is the number of links from the queried actor (1: direct).
	Hops int `json:"hops"`
	// Via is the actor one hop closer through which this one is reached
	// (the strongest such link), or "" for a direct neighbor. Direction and
	// Relations then describe the link from Via.
	Via string `json:"via,omitempty"`
	// Direction is Out, In or Both.
	Direction string `json:"direction"`
	// Relations sums the statements of both edges between the two actors,
	// sorted by count.
	Relations []RelationCount `json:"relations"`
	// Count is the number of statements; Articles the distinct documents.
	Count    int `json:"count"`
	Articles int `json:"articles"`
}

// stronger orders links strongest first: by articles (the weight), then
// statements, then name.
func (n Neighbor) stronger(m Neighbor) bool {
	if n.Articles != m.Articles {
		return n.Articles > m.Articles
	}
	if n.Count != m.Count {
		return n.Count > m.Count
	}
	return n.Name < m.Name
}

// Neighbors lists the actors linked to name (a canonical name, see
// Resolve), nearest first, then strongest first: by articles, then
// statements, then name.
func (g *Graph) Neighbors(name string, opt NeighborOptions) []Neighbor {
	if _, ok := g.nodes[name]; !ok {
		return nil
	}
	inc := g.incidence()
	seen := map[string]bool{name: true}
	frontier := []string{name}
	var out []Neighbor
	for hop := 1; hop <= max(opt.Depth, 1) && len(frontier) > 0; hop++ {
		found := map[string]Neighbor{}
		for _, from := range frontier {
			for _, n := range g.direct(from, inc[from], opt) {
				if seen[n.Name] {
					continue
				}
				n.Hops = hop
				if hop > 1 {
					n.Via = from
				}
				if prev, ok := found[n.Name]; !ok || n.stronger(prev) ||
					!prev.stronger(n) && n.Via < prev.Via {
					found[n.Name] = n
				}
			}
		}
		frontier = frontier[:0]
		for other, n := range found {
			seen[other] = true
			frontier = append(frontier, other)
			out = append(out, n)
		}
		sort.Strings(frontier)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Hops != out[j].Hops {
			return out[i].Hops < out[j].Hops
		}
		return out[i].stronger(out[j])
	})
	return out
}

// incidence maps every actor to the edges it takes part in. The topology
// comes from the underlying graph library, read once per query: its
// AdjacencyMap copies the whole graph, so no query asks for it twice.
func (g *Graph) incidence() map[string][]*edge {
	adj, err := g.g.AdjacencyMap()
	if err != nil { // the in-memory store never fails
		return nil
	}
	inc := make(map[string][]*edge, len(adj))
	for _, targets := range adj {
		for _, de := range targets {
			e := de.Properties.Data.(*edge)
			inc[e.source] = append(inc[e.source], e)
			inc[e.target] = append(inc[e.target], e)
		}
	}
	return inc
}

// direct lists the neighbors of name over its edges that pass the filters,
// in no particular order.
func (g *Graph) direct(name string, edges []*edge, opt NeighborOptions) []Neighbor {
	acc := neighborAccs{}
	for _, e := range edges {
		if e.source == name {
			acc.add(e.target, e, Out, opt)
		} else {
			acc.add(e.source, e, In, opt)
		}
	}
	var out []Neighbor
	for other, a := range acc {
		if a.count == 0 || a.articles() < opt.MinWeight {
			continue
		}
		out = append(out, a.neighbor(g.nodes[other]))
	}
	return out
}

type neighborAcc struct {
	direction string
	rels      map[string]*RelationCount
	count     int
	docs      map[string]bool
	// floor is the article count of the edges all of whose statements
	// passed the filters, which holds even when evidence was not kept for
	// every statement.
	floor int
}

func (a *neighborAcc) articles() int { return max(len(a.docs), a.floor) }

type neighborAccs map[string]*neighborAcc

// add folds the statements of edge e (seen from the queried actor in
// direction dir) that pass the filters into the accumulator for other.
func (accs neighborAccs) add(other string, e *edge, dir string, opt NeighborOptions) {
	keepModality := func(m string) bool { return len(opt.Modalities) == 0 || contains(opt.Modalities, m) }
	whole := true // every statement of e passes the filters
	var a *neighborAcc
	for _, rc := range e.relations {
		d := dir
		if extract.IsSymmetric(rc.Relation) {
			d = Both
		}
		if len(opt.Relations) > 0 && !contains(opt.Relations, rc.Relation) ||
			opt.Direction == Out && d == In || opt.Direction == In && d == Out {
			whole = false
			continue
		}
		n := 0
		for m, k := range rc.Modalities {
			if keepModality(m) {
				n += k
			}
		}
		if n < rc.Count {
			whole = false
		}
		if n == 0 {
			continue
		}
		if a = accs[other]; a == nil {
			a = &neighborAcc{rels: map[string]*RelationCount{}, docs: map[string]bool{}}
			accs[other] = a
		}
		a.direction = joinDirection(a.direction, d)
		x := a.rels[rc.Relation]
		if x == nil {
			x = &RelationCount{Relation: rc.Relation, Modalities: map[string]int{}}
			a.rels[rc.Relation] = x
		}
		for m, k := range rc.Modalities {
			if keepModality(m) {
				x.Modalities[m] += k
			}
		}
		x.Count += n
		if n == rc.Count { // the relation's dates span all its modalities
			x.seen(rc.FirstSeen)
			x.seen(rc.LastSeen)
		}
		a.count += n
		for _, ev := range e.evidence {
			if ev.Relation == rc.Relation && keepModality(ev.Modality) {
				a.docs[ev.Doc] = true
			}
		}
	}
	if a != nil && whole {
		a.floor = max(a.floor, e.articles())
	}
}

func (a *neighborAcc) neighbor(n *node) Neighbor {
	out := Neighbor{Name: n.Name, Type: n.Type, Direction: a.direction, Count: a.count, Articles: a.articles()}
	for _, rc := range a.rels {
		out.Relations = append(out.Relations, *rc)
	}
	sort.Slice(out.Relations, func(i, j int) bool {
		x, y := out.Relations[i], out.Relations[j]
		if x.Count != y.Count {
			return x.Count > y.Count
		}
		return x.Relation < y.Relation
	})
	return out
}

func joinDirection(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	default:
		return Both
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// EvidenceOptions filters an evidence query. Zero values keep everything.
type EvidenceOptions struct {
	// Relations and Modalities keep only statements with these labels.
	Relations  []string
	Modalities []string
}

// EvidenceRow is one statement with the edge it supports: Source did
// Relation to Target (for a symmetric relation, the two in name order).
type EvidenceRow struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Evidence
}

// Evidence lists the statements behind an actor (b == "") or behind the
// pair a, b in both directions, by date (undated last), then document, then
// edge, then the order they were added; a and b are canonical names (see
// Resolve). It also returns the
// number of statements that pass the filters, which exceeds len(rows) when
// the graph kept a bounded number of sentences per edge.
func (g *Graph) Evidence(a, b string, opt EvidenceOptions) (rows []EvidenceRow, statements int) {
	var edges []*edge
	if b == "" {
		edges = g.incidence()[a]
	} else {
		for _, k := range [][2]string{{a, b}, {b, a}} {
			if e := g.edges[k]; e != nil {
				edges = append(edges, e)
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool { return edgeLess(edges[i], edges[j]) })
	keep := func(rel, modality string) bool {
		return (len(opt.Relations) == 0 || contains(opt.Relations, rel)) &&
			(len(opt.Modalities) == 0 || contains(opt.Modalities, modality))
	}
	for _, e := range edges {
		for _, rc := range e.relations {
			for m, k := range rc.Modalities {
				if keep(rc.Relation, m) {
					statements += k
				}
			}
		}
		for _, ev := range e.evidence {
			if keep(ev.Relation, ev.Modality) {
				rows = append(rows, EvidenceRow{Source: e.source, Target: e.target, Evidence: ev})
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		x, y := rows[i], rows[j]
		if x.Date != y.Date {
			return y.Date == "" || x.Date != "" && x.Date < y.Date
		}
		return x.Doc < y.Doc
	})
	return rows, statements
}

// edgeLess orders edges by source, then target.
func edgeLess(a, b *edge) bool {
	if a.source != b.source {
		return a.source < b.source
	}
	return a.target < b.target
}
