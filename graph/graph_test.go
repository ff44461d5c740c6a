package graph

import (
	"errors"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// triple is a short way to write a test statement.
func triple(doc, s, st, rel, o, ot, m string) extract.Triple {
	return extract.Triple{Doc: doc, Subject: s, SubjectType: st, Relation: rel, Object: o,
		ObjectType: ot, Modality: m, Sentence: s + " " + rel + " " + o + ".", Verb: rel}
}

// fixture is a graph of three articles about Indian–Pakistani talks.
func fixture() *Graph {
	g := New()
	g.Add(extract.Result{Doc: "a.txt", Date: "2024-03-01",
		Actors: []extract.Actor{{Name: "Narendra Modi", Type: "person", Aliases: []string{"Modi", "Prime Minister Narendra Modi"}}},
		Triples: []extract.Triple{
			triple("a.txt", "Narendra Modi", "person", "spoke-with", "Shehbaz Sharif", "person", "asserted"),
			triple("a.txt", "India", "country", "accused", "Pakistan", "country", "asserted"),
			triple("a.txt", "Narendra Modi", "person", "leader-of", "India", "country", "asserted"),
		}})
	g.Add(extract.Result{Doc: "b.txt", Date: "2024-03-05",
		Triples: []extract.Triple{
			triple("b.txt", "Shehbaz Sharif", "person", "spoke-with", "Narendra Modi", "person", "asserted"),
			triple("b.txt", "Pakistan", "country", "denies", "India", "country", "asserted"),
			triple("b.txt", "India", "country", "attacked", "Pakistan", "country", "hypothetical"),
			triple("b.txt", "Sharif", "person", "visited", "India", "country", "planned"),
		}})
	g.Add(extract.Result{Doc: "c.txt",
		Triples: []extract.Triple{
			triple("c.txt", "Nato", "organization", "urged", "India", "country", "asserted"),
			triple("c.txt", "NATO", "organization", "urged", "Pakistan", "country", "asserted"),
			triple("c.txt", "India", "country", "accused", "India", "country", "asserted"), // self-loop: dropped
		}})
	return g
}

func TestAddMergesSymmetricRelations(t *testing.T) {
	g := fixture()
	e, ok := g.Edge("Narendra Modi", "Shehbaz Sharif")
	if !ok {
		t.Fatal("no edge Narendra Modi → Shehbaz Sharif")
	}
	want := []RelationCount{{Relation: "spoke-with", Count: 2, Modalities: map[string]int{"asserted": 2},
		FirstSeen: "2024-03-01", LastSeen: "2024-03-05"}}
	if !reflect.DeepEqual(e.Relations, want) || e.Articles != 2 {
		t.Errorf("edge = %+v, want relations %+v over 2 articles", e, want)
	}
	if e.FirstSeen != "2024-03-01" || e.LastSeen != "2024-03-05" {
		t.Errorf("dates = %s…%s", e.FirstSeen, e.LastSeen)
	}
	if _, ok := g.Edge("Shehbaz Sharif", "Narendra Modi"); ok {
		t.Error("a symmetric relation made a second, reversed edge")
	}
	if _, ok := g.Edge("India", "India"); ok {
		t.Error("self-loop kept")
	}
}

func TestAddKeepsDirectedRelationsApart(t *testing.T) {
	g := fixture()
	ip, _ := g.Edge("India", "Pakistan")
	pi, _ := g.Edge("Pakistan", "India")
	if ip.Dominant() != "accused" || ip.Count() != 2 {
		t.Errorf("India→Pakistan = %+v", ip.Relations)
	}
	if pi.Dominant() != "denies" || pi.Count() != 1 {
		t.Errorf("Pakistan→India = %+v", pi.Relations)
	}
}

func TestConsolidate(t *testing.T) {
	g := fixture()
	if n := g.Consolidate(); n != 2 {
		t.Errorf("Consolidate merged %d nodes, want 2 (Sharif, Nato)", n)
	}
	if _, ok := g.Node("Sharif"); ok {
		t.Error("Sharif still a node of its own")
	}
	s, _ := g.Node("Shehbaz Sharif")
	if !reflect.DeepEqual(s.Aliases, []string{"Sharif"}) || s.Articles != 2 {
		t.Errorf("Shehbaz Sharif = %+v", s)
	}
	if e, ok := g.Edge("Shehbaz Sharif", "India"); !ok || e.Dominant() != "visited" {
		t.Errorf("Sharif's visit not moved to Shehbaz Sharif: %+v", e)
	}
	nato, ok := g.Node("NATO")
	if !ok || nato.Articles != 1 || !reflect.DeepEqual(nato.Aliases, []string{"Nato"}) {
		t.Errorf("NATO = %+v, %v", nato, ok)
	}
	for _, e := range g.Edges() {
		if _, ok := g.Node(e.Source); !ok {
			t.Errorf("edge from undeclared node %q", e.Source)
		}
		if _, ok := g.Node(e.Target); !ok {
			t.Errorf("edge to undeclared node %q", e.Target)
		}
	}
}

func TestResolve(t *testing.T) {
	g := fixture()
	g.Consolidate()
	g.Add(extract.Result{Doc: "d.txt", Triples: []extract.Triple{
		triple("d.txt", "Imran Khan", "person", "criticized", "Shehbaz Sharif", "person", "asserted"),
		triple("d.txt", "Ayesha Khan", "person", "praised", "Imran Khan", "person", "asserted"),
	}})
	tests := []struct {
		query, want string
		err         any
	}{
		{"narendra modi", "Narendra Modi", nil},
		{"MODI", "Narendra Modi", nil},
		{"Prime Minister Narendra Modi", "Narendra Modi", nil},
		{"the Nato", "NATO", nil},
		{"Sharif", "Shehbaz Sharif", nil},
		{"Khan", "", &AmbiguousError{}},
		{"Pakistn", "", &UnknownError{}},
		{"", "", &UnknownError{}},
	}
	for _, tt := range tests {
		got, err := g.Resolve(tt.query)
		if tt.err == nil {
			if err != nil || got != tt.want {
				t.Errorf("Resolve(%q) = %q, %v; want %q", tt.query, got, err, tt.want)
			}
			continue
		}
		switch tt.err.(type) {
		case *AmbiguousError:
			var a *AmbiguousError
			if !errors.As(err, &a) || !reflect.DeepEqual(a.Candidates, []string{"Ayesha Khan", "Imran Khan"}) {
				t.Errorf("Resolve(%q) error = %v, want ambiguity between the Khans", tt.query, err)
			}
		case *UnknownError:
			var u *UnknownError
			if !errors.As(err, &u) {
				t.Errorf("Resolve(%q) error = %v, want unknown", tt.query, err)
			}
		}
	}
	_, err := g.Resolve("Pakistn")
	if u := (*UnknownError)(nil); !errors.As(err, &u) || len(u.Suggestions) == 0 || u.Suggestions[0] != "Pakistan" {
		t.Errorf("suggestions for Pakistn = %v", err)
	}
}

func TestNeighbors(t *testing.T) {
	g := fixture()
	g.Consolidate()
	got := g.Neighbors("India", NeighborOptions{})
	var names []string
	for _, n := range got {
		names = append(names, n.Name+":"+n.Direction)
	}
	want := []string{"Pakistan:both", "NATO:in", "Narendra Modi:in", "Shehbaz Sharif:in"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("neighbors of India = %v, want %v", names, want)
	}
	if got[0].Count != 3 || got[0].Relations[0].Relation != "accused" {
		t.Errorf("India–Pakistan = %+v", got[0])
	}
	asserted := g.Neighbors("India", NeighborOptions{Modalities: []string{"asserted"}, Direction: Out})
	if len(asserted) != 1 || asserted[0].Count != 1 {
		t.Errorf("asserted out-neighbors of India = %+v", asserted)
	}
	sym := g.Neighbors("Shehbaz Sharif", NeighborOptions{Relations: []string{"spoke-with"}})
	if len(sym) != 1 || sym[0].Direction != Both || sym[0].Articles != 2 {
		t.Errorf("spoke-with neighbors of Sharif = %+v", sym)
	}
	if n := g.Neighbors("India", NeighborOptions{MinWeight: 3}); len(n) != 0 { // Pakistan: 2 articles
		t.Errorf("min weight 2 kept %+v", n)
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"The Kremlin’s":       "kremlin",
		"Volodymyr Zelenskyy": "volodymyr zelenskyy",
		"  São Tomé ":         "sao tome",
		"U.S.":                "u s",
		"the":                 "the",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEvidenceLimit(t *testing.T) {
	g := New()
	g.SetEvidenceLimit(2)
	var ts []extract.Triple
	for i := range 5 {
		ts = append(ts, triple(string(rune('a'+i))+".txt", "Chile", "country", "urged", "Peru", "country", "asserted"))
	}
	ts = append(ts, triple("f.txt", "Chile", "country", "warned", "Peru", "country", "asserted"))
	for _, tr := range ts {
		g.Add(extract.Result{Doc: tr.Doc, Triples: []extract.Triple{tr}})
	}
	e, _ := g.Edge("Chile", "Peru")
	if e.Count() != 6 || e.Articles != 6 || len(e.Evidence) != 3 {
		t.Errorf("count %d, articles %d, evidence %d; want 6, 6, 3 (two, plus warned's first)", e.Count(), e.Articles, len(e.Evidence))
	}
	if e.Evidence[2].Relation != "warned" {
		t.Errorf("the first warned statement lost its evidence: %+v", e.Evidence)
	}
}

func TestConsolidateSpellingVariants(t *testing.T) {
	g := New()
	add := func(doc, s, o string) {
		g.Add(extract.Result{Doc: doc, Triples: []extract.Triple{triple(doc, s, "person", "met-with", o, "person", "asserted")}})
	}
	add("a", "Olaf Scholz", "Recep Tayyip Erdogan")
	add("b", "Olaf Scholz", "Volodymyr Zelensky")
	add("c", "Olof Scholz", "Volodymyr Zelenskyy")
	add("d", "John Kerry", "Joan Kerry") // a consonant for a vowel: two people
	add("e", "Mark Rutte", "Marc Rutte") // a consonant for another: kept apart
	add("f", "Ali Khan", "Aly Khan")     // words under four letters: kept apart
	add("g", "Anthony Blinken", "Antony Blinken")
	g.Consolidate()
	var names []string
	for _, n := range g.Nodes() {
		names = append(names, n.Name)
	}
	want := []string{"Ali Khan", "Aly Khan", "Anthony Blinken", "Joan Kerry", "John Kerry", "Marc Rutte", "Mark Rutte",
		"Olaf Scholz", "Recep Tayyip Erdogan", "Volodymyr Zelensky"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("nodes = %v\nwant %v", names, want)
	}
	if e, ok := g.Edge("Olaf Scholz", "Volodymyr Zelensky"); !ok || e.Count() != 2 {
		t.Errorf("Scholz–Zelensky = %+v, want the two meetings on one edge", e)
	}
}

func TestEvidenceKeepsDocumentMetadata(t *testing.T) {
	g := New()
	tr := triple("reuters-7", "Kenya", "country", "urged", "Somalia", "country", "asserted")
	tr.Title, tr.URL, tr.Source, tr.Date = "Kenya urges talks", "https://example.org/7", "Reuters", "02-MAR-1987 10:00:00.00"
	g.Add(extract.Result{Doc: "reuters-7", Triples: []extract.Triple{tr}})
	e, _ := g.Edge("Kenya", "Somalia")
	want := Evidence{Doc: "reuters-7", Date: "1987-03-02", Relation: "urged", Modality: "asserted", Verb: "urged",
		Sentence: tr.Sentence, Title: "Kenya urges talks", URL: "https://example.org/7", Source: "Reuters"}
	if len(e.Evidence) != 1 || e.Evidence[0] != want {
		t.Errorf("evidence = %+v\nwant %+v", e.Evidence, want)
	}
}
