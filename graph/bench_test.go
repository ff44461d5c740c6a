package graph

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// benchResults makes n documents of 20 statements each among 500 actors,
// shaped like a news corpus: a few actors in most statements.
func benchResults(n int) []extract.Result {
	out := make([]extract.Result, n)
	for d := range out {
		doc := fmt.Sprintf("doc-%d", d)
		var ts []extract.Triple
		for i := range 20 {
			s := fmt.Sprintf("Actor %d", (d*7+i)%50)
			o := fmt.Sprintf("Actor %d", (d*13+i*i)%500)
			ts = append(ts, extract.Triple{Doc: doc, Subject: s, SubjectType: "person", Relation: extract.Relations[i%len(extract.Relations)],
				Object: o, ObjectType: "country", Modality: extract.Asserted, Sentence: "A sentence of evidence.", Verb: "said"})
		}
		out[d] = extract.Result{Doc: doc, Triples: ts}
	}
	return out
}

// BenchmarkAdd measures merging documents into the graph (ns/op is per
// document of 20 statements), with evidence bounded as the CLI does.
func BenchmarkAdd(b *testing.B) {
	docs := benchResults(5000)
	b.ReportAllocs()
	b.ResetTimer()
	var g *Graph
	for i := 0; i < b.N; i++ {
		if i%len(docs) == 0 {
			g = New()
			g.SetEvidenceLimit(20)
		}
		g.Add(docs[i%len(docs)])
	}
}

// BenchmarkConsolidate measures the cross-document identity pass on a graph
// of 200 documents.
func BenchmarkConsolidate(b *testing.B) {
	docs := benchResults(200)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		g := New()
		for _, d := range docs {
			g.Add(d)
		}
		b.StartTimer()
		g.Consolidate()
	}
}

// BenchmarkNeighbors measures one neighbor query on a graph of 500 actors.
func BenchmarkNeighbors(b *testing.B) {
	g := New()
	for _, d := range benchResults(2000) {
		g.Add(d)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Neighbors("Actor 7", NeighborOptions{})
	}
}
