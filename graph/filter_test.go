package graph

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// filterFixture is a chain A→B→C→D→E→A plus F, an actor without edges.
// Every edge has the evidence of each statement but E→A, which keeps one of
// four (as with --evidence-per-edge).
func filterFixture() *Graph {
	g := New()
	for _, n := range []Node{
		{Name: "Alpha Person", Type: "person", Articles: 4}, {Name: "Beta", Type: "country", Articles: 4},
		{Name: "Gamma", Type: "country", Articles: 3}, {Name: "Delta", Type: "organization", Articles: 2},
		{Name: "Epsilon", Type: "group", Articles: 4}, {Name: "Phi", Type: "place", Articles: 1},
	} {
		g.AddNode(n)
	}
	ev := func(doc, date, rel, mod string) Evidence {
		return Evidence{Doc: doc, Date: date, Relation: rel, Modality: mod, Sentence: doc + " " + rel}
	}
	for _, e := range []Edge{
		{Source: "Alpha Person", Target: "Beta", Articles: 3, FirstSeen: "2022-01-01", LastSeen: "2022-01-03",
			Relations: []RelationCount{
				{Relation: "spoke-with", Count: 2, Modalities: map[string]int{"asserted": 2}, FirstSeen: "2022-01-01", LastSeen: "2022-01-02"},
				{Relation: "met-with", Count: 1, Modalities: map[string]int{"planned": 1}, FirstSeen: "2022-01-03", LastSeen: "2022-01-03"},
			},
			Evidence: []Evidence{ev("d1", "2022-01-01", "spoke-with", "asserted"), ev("d2", "2022-01-02", "spoke-with", "asserted"),
				ev("d3", "2022-01-03", "met-with", "planned")}},
		{Source: "Beta", Target: "Gamma", Articles: 2, FirstSeen: "2022-01-04", LastSeen: "2022-01-05",
			Relations: []RelationCount{{Relation: "attacked", Count: 2, Modalities: map[string]int{"asserted": 1, "hypothetical": 1},
				FirstSeen: "2022-01-04", LastSeen: "2022-01-05"}},
			Evidence: []Evidence{ev("d4", "2022-01-04", "attacked", "asserted"), ev("d5", "2022-01-05", "attacked", "hypothetical")}},
		{Source: "Gamma", Target: "Delta", Articles: 1,
			Relations: []RelationCount{{Relation: "supports", Count: 1, Modalities: map[string]int{"negated": 1}}},
			Evidence:  []Evidence{ev("d6", "", "supports", "negated")}},
		{Source: "Delta", Target: "Epsilon", Articles: 1,
			Relations: []RelationCount{{Relation: "criticized", Count: 1, Modalities: map[string]int{"asserted": 1}}},
			Evidence:  []Evidence{ev("d7", "", "criticized", "asserted")}},
		{Source: "Epsilon", Target: "Alpha Person", Articles: 4, FirstSeen: "2022-02-01", LastSeen: "2022-02-09",
			Relations: []RelationCount{{Relation: "accused", Count: 4, Modalities: map[string]int{"asserted": 3, "planned": 1},
				FirstSeen: "2022-02-01", LastSeen: "2022-02-09"}},
			Evidence: []Evidence{ev("d8", "2022-02-01", "accused", "asserted")}},
	} {
		g.AddEdge(e)
	}
	return g
}

// shape lists the node names and the "source>target" edges of a graph.
func shape(g *Graph) (nodes, edges []string) {
	for _, n := range g.Nodes() {
		nodes = append(nodes, n.Name)
	}
	for _, e := range g.Edges() {
		edges = append(edges, e.Source+">"+e.Target)
	}
	return nodes, edges
}

func mustFilter(t *testing.T, g *Graph, f Filter) *Graph {
	t.Helper()
	out, err := g.Filter(f)
	if err != nil {
		t.Fatalf("Filter(%+v): %v", f, err)
	}
	return out
}

func TestFilterSelections(t *testing.T) {
	g := filterFixture()
	for _, tc := range []struct {
		name         string
		f            Filter
		nodes, edges string
	}{
		{"zero", Filter{}, "Alpha Person,Beta,Delta,Epsilon,Gamma,Phi",
			"Alpha Person>Beta,Beta>Gamma,Delta>Epsilon,Epsilon>Alpha Person,Gamma>Delta"},
		{"relation", Filter{Relations: []string{"spoke-with"}}, "Alpha Person,Beta,Phi", "Alpha Person>Beta"},
		{"relations", Filter{Relations: []string{"spoke-with", "criticized"}}, "Alpha Person,Beta,Delta,Epsilon,Phi",
			"Alpha Person>Beta,Delta>Epsilon"},
		{"modality", Filter{Modalities: []string{"asserted", "planned"}}, "Alpha Person,Beta,Delta,Epsilon,Gamma,Phi",
			"Alpha Person>Beta,Beta>Gamma,Delta>Epsilon,Epsilon>Alpha Person"},
		{"negated only", Filter{Modalities: []string{"negated"}}, "Delta,Gamma,Phi", "Gamma>Delta"},
		{"min weight", Filter{MinWeight: 2}, "Alpha Person,Beta,Epsilon,Gamma,Phi",
			"Alpha Person>Beta,Beta>Gamma,Epsilon>Alpha Person"},
		{"focus", Filter{Focus: "alpha person"}, "Alpha Person,Beta,Epsilon", "Alpha Person>Beta,Epsilon>Alpha Person"},
		{"focus by surname", Filter{Focus: "Person", Depth: 2}, "Alpha Person,Beta,Delta,Epsilon,Gamma",
			"Alpha Person>Beta,Beta>Gamma,Delta>Epsilon,Epsilon>Alpha Person,Gamma>Delta"},
		{"focus without edges", Filter{Focus: "phi"}, "Phi", ""},
		// degrees: Alpha 7, Beta 5, Epsilon 5, Gamma 3, Delta 2, Phi 0
		{"top", Filter{Top: 2}, "Alpha Person,Beta", "Alpha Person>Beta"},
		{"top 3 ties by name", Filter{Top: 3}, "Alpha Person,Beta,Epsilon", "Alpha Person>Beta,Epsilon>Alpha Person"},
		// within the ego network of Delta, Epsilon and Gamma tie
		{"top keeps the focus", Filter{Focus: "Delta", Top: 2}, "Delta,Epsilon", "Delta>Epsilon"},
		{"top within a focus", Filter{Focus: "Gamma", Depth: 2, Top: 3}, "Alpha Person,Beta,Gamma", "Alpha Person>Beta,Beta>Gamma"},
		// one actor has no edge left: it goes too
		{"top after modality", Filter{Modalities: []string{"negated"}, Top: 1}, "", ""},
		{"focus after min weight", Filter{Focus: "Gamma", MinWeight: 2}, "Beta,Gamma", "Beta>Gamma"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nodes, edges := shape(mustFilter(t, g, tc.f))
			if got := strings.Join(nodes, ","); got != tc.nodes {
				t.Errorf("nodes %s, want %s", got, tc.nodes)
			}
			if got := strings.Join(edges, ","); got != tc.edges {
				t.Errorf("edges %s, want %s", got, tc.edges)
			}
		})
	}
}

func TestFilterZeroCopies(t *testing.T) {
	g := filterFixture()
	out := mustFilter(t, g, Filter{})
	if !reflect.DeepEqual(out.Nodes(), g.Nodes()) || !reflect.DeepEqual(out.Edges(), g.Edges()) {
		t.Error("the zero filter changed the graph")
	}
	out.AddEdge(Edge{Source: "Phi", Target: "Beta", Articles: 1})
	if g.Size() != 5 {
		t.Error("changing the filtered graph changed the original")
	}
}

func TestFilterRecountsStatements(t *testing.T) {
	g := filterFixture()
	before := g.Edges()
	out := mustFilter(t, g, Filter{Modalities: []string{"asserted"}})

	// Complete evidence: articles and dates are recounted exactly.
	e, _ := out.Edge("Beta", "Gamma")
	want := []RelationCount{{Relation: "attacked", Count: 1, Modalities: map[string]int{"asserted": 1},
		FirstSeen: "2022-01-04", LastSeen: "2022-01-04"}}
	if !reflect.DeepEqual(e.Relations, want) || e.Articles != 1 || e.FirstSeen != "2022-01-04" || e.LastSeen != "2022-01-04" || len(e.Evidence) != 1 {
		t.Errorf("Beta>Gamma = %+v", e)
	}
	e, _ = out.Edge("Alpha Person", "Beta")
	if len(e.Relations) != 1 || e.Articles != 2 || e.FirstSeen != "2022-01-01" || e.LastSeen != "2022-01-02" {
		t.Errorf("Alpha Person>Beta = %+v", e)
	}
	// Bounded evidence: articles are bounded by the statements left, and
	// the relation keeps its dates.
	e, _ = out.Edge("Epsilon", "Alpha Person")
	if e.Count() != 3 || e.Articles != 3 || e.FirstSeen != "2022-02-01" || e.LastSeen != "2022-02-09" {
		t.Errorf("Epsilon>Alpha Person = %+v", e)
	}
	if !reflect.DeepEqual(g.Edges(), before) {
		t.Error("Filter changed the original graph")
	}
}

func TestFilterErrors(t *testing.T) {
	g := filterFixture()
	var unknown *UnknownError
	if _, err := g.Filter(Filter{Focus: "Zeta"}); !errors.As(err, &unknown) {
		t.Errorf("unknown focus: %v", err)
	}
	for _, tc := range []struct {
		f    Filter
		want string
	}{
		{Filter{Relations: []string{"likes"}}, `unknown relation "likes"`},
		{Filter{Modalities: []string{"maybe"}}, `unknown modality "maybe"`},
		{Filter{Top: -1}, "negative"},
		{Filter{MinWeight: -2}, "negative"},
	} {
		if _, err := g.Filter(tc.f); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Filter(%+v): %v, want %q", tc.f, err, tc.want)
		}
	}
}

func TestFilterIsZero(t *testing.T) {
	if !(Filter{}).IsZero() || !(Filter{MinWeight: 1, Depth: 2}).IsZero() {
		t.Error("a filter keeping everything is not zero")
	}
	for _, f := range []Filter{{Focus: "x"}, {Top: 1}, {MinWeight: 2}, {Relations: []string{}}, {Modalities: []string{"asserted"}}} {
		if f.IsZero() {
			t.Errorf("%+v is zero", f)
		}
	}
}
