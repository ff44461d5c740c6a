package graph

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestResolveAcronyms(t *testing.T) {
	g := New()
	g.Add(extract.Result{Doc: "a.txt", Triples: []extract.Triple{
		triple("a.txt", "European Union", "organization", "sanctioned", "Russia", "country", "asserted"),
		triple("a.txt", "NATO", "organization", "urged", "Russia", "country", "asserted"),
		triple("a.txt", "Eva Ulm", "person", "criticized", "Russia", "country", "asserted"),
	}})
	for query, want := range map[string]string{
		"EU":                                 "European Union",
		"E.U.":                               "European Union",
		"the eu":                             "European Union",
		"North Atlantic Treaty Organization": "NATO",
	} {
		if got, err := g.Resolve(query); err != nil || got != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", query, got, err, want)
		}
	}
}

func TestNeighborsDepth(t *testing.T) {
	g := fixture()
	g.Consolidate()
	var got []string
	for _, n := range g.Neighbors("Narendra Modi", NeighborOptions{Depth: 3}) {
		got = append(got, fmt.Sprintf("%d %s via %q %s %d", n.Hops, n.Name, n.Via, n.Direction, n.Articles))
	}
	want := []string{
		`1 Shehbaz Sharif via "" both 2`,
		`1 India via "" out 1`,
		`2 Pakistan via "India" both 2`,
		`2 NATO via "India" in 1`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("depth 3 from Modi:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out := g.Neighbors("Narendra Modi", NeighborOptions{Depth: 2, Direction: Out})
	if len(out) != 3 || out[2].Name != "Pakistan" || out[2].Relations[0].Relation != "accused" {
		t.Errorf("out-neighbors to depth 2 = %+v", out)
	}
	if n := g.Neighbors("Nobody", NeighborOptions{}); n != nil {
		t.Errorf("neighbors of an unknown actor = %+v", n)
	}
}

func TestEvidence(t *testing.T) {
	g := fixture()
	g.Consolidate()
	rows, n := g.Evidence("India", "Pakistan", EvidenceOptions{})
	var got []string
	for _, r := range rows {
		got = append(got, r.Doc+" "+r.Date+" "+r.Source+" "+r.Relation+" "+r.Target+" "+r.Modality)
	}
	want := []string{
		"a.txt 2024-03-01 India accused Pakistan asserted",
		"b.txt 2024-03-05 India attacked Pakistan hypothetical",
		"b.txt 2024-03-05 Pakistan denies India asserted",
	}
	if n != 3 || !reflect.DeepEqual(got, want) {
		t.Errorf("evidence India–Pakistan (%d statements):\n%s", n, strings.Join(got, "\n"))
	}
	rows, n = g.Evidence("India", "", EvidenceOptions{Modalities: []string{extract.Asserted}, Relations: []string{"urged", "accused"}})
	if n != 2 || len(rows) != 2 || rows[0].Relation != "accused" || rows[1].Source != "NATO" {
		t.Errorf("asserted accusations and urgings of India = %d, %+v", n, rows)
	}
	if rows[1].Sentence != "Nato urged India." {
		t.Errorf("sentence = %q", rows[1].Sentence)
	}
}

func TestEvidenceCountsStatementsWithoutSentences(t *testing.T) {
	g := New()
	g.SetEvidenceLimit(1)
	for _, doc := range []string{"a", "b", "c"} {
		g.Add(extract.Result{Doc: doc, Triples: []extract.Triple{triple(doc, "Chile", "country", "urged", "Peru", "country", "asserted")}})
	}
	rows, n := g.Evidence("Peru", "", EvidenceOptions{})
	if n != 3 || len(rows) != 1 {
		t.Errorf("got %d statements, %d rows; want 3 and 1", n, len(rows))
	}
	if s := g.Stats(0); s.EvidenceComplete || s.Documents != 1 || s.Statements != 3 {
		t.Errorf("stats = %+v", s)
	}
}

// chain is a graph where the direct link A–B is weak and the detour through
// C is strong.
func chain() *Graph {
	g := New()
	g.Add(extract.Result{Doc: "d0", Triples: []extract.Triple{triple("d0", "Aland", "country", "warned", "Borduria", "country", "asserted")}})
	for _, doc := range []string{"d1", "d2", "d3"} {
		g.Add(extract.Result{Doc: doc, Date: "2024-01-0" + doc[1:], Triples: []extract.Triple{
			triple(doc, "Aland", "country", "met-with", "Carpania", "country", "asserted"),
			triple(doc, "Borduria", "country", "accused", "Carpania", "country", "asserted"),
		}})
	}
	g.Add(extract.Result{Doc: "d4", Triples: []extract.Triple{triple("d4", "Syldavia", "country", "visited", "Zembla", "country", "asserted")}})
	return g
}

func TestShortestPath(t *testing.T) {
	g := chain()
	hops, err := g.ShortestPath("Aland", "Borduria", false)
	if err != nil || len(hops) != 1 || hops[0].Relation != "warned" || hops[0].Direction != Out {
		t.Fatalf("by hops: %+v, %v", hops, err)
	}
	hops, err = g.ShortestPath("Borduria", "Aland", true)
	if err != nil {
		t.Fatal(err)
	}
	want := []Hop{
		{From: "Borduria", To: "Carpania", Direction: Out, Relation: "accused", Statements: 3, Articles: 3,
			Evidence: Evidence{Doc: "d1", Date: "2024-01-01", Relation: "accused", Modality: "asserted", Verb: "accused", Sentence: "Borduria accused Carpania."}},
		{From: "Carpania", To: "Aland", Direction: Both, Relation: "met-with", Statements: 3, Articles: 3,
			Evidence: Evidence{Doc: "d1", Date: "2024-01-01", Relation: "met-with", Modality: "asserted", Verb: "met-with", Sentence: "Aland met-with Carpania."}},
	}
	if !reflect.DeepEqual(hops, want) {
		t.Errorf("weighted:\n%+v\nwant\n%+v", hops, want)
	}
	hops, _ = g.ShortestPath("Borduria", "Aland", false)
	if len(hops) != 1 || hops[0].Direction != In {
		t.Errorf("Borduria to Aland by hops = %+v, want one hop in", hops)
	}
	var np *NoPathError
	if _, err := g.ShortestPath("Aland", "Zembla", false); !errors.As(err, &np) || err.Error() != "no chain of relations links Aland and Zembla" {
		t.Errorf("disconnected: %v", err)
	}
	if _, err := g.ShortestPath("Aland", "Aland", false); err == nil {
		t.Error("a path from an actor to itself")
	}
	var unknown *UnknownError
	if _, err := g.ShortestPath("Aland", "Nowhere", false); !errors.As(err, &unknown) {
		t.Errorf("unknown end: %v", err)
	}
}

func TestActors(t *testing.T) {
	g := chain()
	list, err := g.Actors(ActorOptions{By: ByWeight})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range list {
		got = append(got, fmt.Sprintf("%s %d %d %d", a.Name, a.Articles, a.Degree, a.Weight))
	}
	want := []string{"Carpania 3 2 6", "Aland 4 2 4", "Borduria 4 2 4", "Syldavia 1 1 1", "Zembla 1 1 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by weight: %v, want %v", got, want)
	}
	list, _ = g.Actors(ActorOptions{Top: 2})
	if len(list) != 2 || list[0].Name != "Aland" || list[1].Name != "Borduria" {
		t.Errorf("top 2 by articles = %+v", list)
	}
	if list, _ := g.Actors(ActorOptions{Type: extract.Person}); len(list) != 0 {
		t.Errorf("people = %+v", list)
	}
	if _, err := g.Actors(ActorOptions{By: "charisma"}); err == nil {
		t.Error("ranked by an unknown key")
	}
}

func TestStats(t *testing.T) {
	g := fixture()
	g.Consolidate()
	got := g.Stats(2)
	want := Stats{
		Actors: 5, Edges: 7, Statements: 9, Documents: 3, Sentences: 9, EvidenceComplete: true,
		Relations: []Tally{{"spoke-with", 2}, {"urged", 2}, {"accused", 1}, {"attacked", 1},
			{"denies", 1}, {"leader-of", 1}, {"visited", 1}},
		Modalities: []Tally{{"asserted", 7}, {"hypothetical", 1}, {"planned", 1}},
		ActorTypes: []Tally{{"country", 2}, {"person", 2}, {"organization", 1}},
		Strongest: []EdgeSummary{
			{Source: "India", Target: "Pakistan", Relation: "accused", Statements: 2, Articles: 2},
			{Source: "Narendra Modi", Target: "Shehbaz Sharif", Relation: "spoke-with", Statements: 2, Articles: 2},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats:\n%+v\nwant\n%+v", got, want)
	}
}

// TestNeighborsArticlesFollowFilters checks that a filtered link counts only
// the articles of the statements that pass.
func TestNeighborsArticlesFollowFilters(t *testing.T) {
	g := fixture()
	g.Consolidate()
	in := g.Neighbors("India", NeighborOptions{Direction: In})
	if len(in) != 4 || in[2].Name != "Pakistan" || in[2].Articles != 1 || in[2].Count != 1 || in[2].Direction != In {
		t.Errorf("acting on India: %+v; want Pakistan third (denies, one article)", in)
	}
	g.Add(extract.Result{Doc: "d.txt", Triples: []extract.Triple{
		triple("d.txt", "India", "country", "accused", "Pakistan", "country", "negated"),
	}})
	neg := g.Neighbors("India", NeighborOptions{Modalities: []string{extract.Negated}})
	if len(neg) != 1 || neg[0].Articles != 1 || neg[0].Relations[0].FirstSeen != "" {
		t.Errorf("negated neighbors of India = %+v; want Pakistan in one article, no dates", neg)
	}
	all := g.Neighbors("India", NeighborOptions{Relations: []string{"accused"}})
	if len(all) != 1 || all[0].Articles != 2 || all[0].Relations[0].FirstSeen != "2024-03-01" {
		t.Errorf("accusations = %+v; want two articles since 2024-03-01", all)
	}
}
