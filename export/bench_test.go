package export

import (
	"fmt"
	"io"
	"os/exec"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// syntheticGraph builds a deterministic graph of n actors of every type
// shaped like news coverage: actor i points to actors i/2, i/3, …,
// i/(out+1), so low-numbered actors are hubs. Each edge carries a few
// relations, modalities and evidence sentences.
func syntheticGraph(n, out int) *graph.Graph {
	types := []string{"person", "country", "organization", "group", "place", "topic"}
	relations := []string{"met-with", "supports", "criticized", "visited", "accused"}
	modalities := []string{"asserted", "asserted", "planned", "negated"}
	name := func(i int) string { return fmt.Sprintf("Actor %03d", i) }
	g := graph.New()
	for i := range n {
		g.AddNode(graph.Node{Name: name(i), Type: types[i%len(types)], Articles: 1 + i%7})
	}
	for i := 1; i < n; i++ {
		for k := 2; k <= out+1; k++ {
			if _, dup := g.Edge(name(i), name(i/k)); dup {
				continue
			}
			e := graph.Edge{Source: name(i), Target: name(i / k), Articles: 1 + (i+k)%5,
				FirstSeen: "2024-01-01", LastSeen: "2024-02-01"}
			for r := 0; r <= (i+k)%3; r++ {
				rel, mod := relations[(i+r)%len(relations)], modalities[(i+k+r)%len(modalities)]
				e.Relations = append(e.Relations, graph.RelationCount{Relation: rel, Count: 1, Modalities: map[string]int{mod: 1}})
				e.Evidence = append(e.Evidence, graph.Evidence{Doc: fmt.Sprintf("doc%d", i), Relation: rel, Modality: mod,
					Sentence: fmt.Sprintf("%s %s %s.", name(i), rel, name(i/k))})
			}
			g.AddEdge(e)
		}
	}
	return g
}

func benchmarkWrite(b *testing.B, f Format) {
	g := syntheticGraph(100, 2)
	if _, err := exec.LookPath("dot"); f == PNG && err != nil {
		b.Skip("PNG needs Graphviz's dot")
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, g, f, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B)    { benchmarkWrite(b, JSON) }
func BenchmarkWriteGraphML(b *testing.B) { benchmarkWrite(b, GraphML) }
func BenchmarkWriteDOT(b *testing.B)     { benchmarkWrite(b, DOT) }
func BenchmarkWriteSVG(b *testing.B)     { benchmarkWrite(b, SVG) }
func BenchmarkWritePNG(b *testing.B)     { benchmarkWrite(b, PNG) }
