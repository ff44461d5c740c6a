package main

import (
	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/input"
	"github.com/newsgraph/newsgraph/pipeline"
)

// corpusOptions are the flags of every command that reads articles.
type corpusOptions struct {
	workers  int
	evidence int
}

// defaultEvidencePerEdge bounds the evidence sentences kept per edge.
const defaultEvidencePerEdge = 20

func (o *corpusOptions) addFlags(fs *pflag.FlagSet, graphs bool) {
	fs.IntVar(&o.workers, "workers", 0, "extract on this many goroutines (default: one per core); the output is the same for any number")
	if graphs {
		fs.IntVar(&o.evidence, "evidence-per-edge", defaultEvidencePerEdge, "keep at most this many evidence sentences per edge (0: all); counts stay exact")
	}
}

// eachResult extracts every document of the inputs and calls fn with the
// results in input order.
func eachResult(e env, o *corpusOptions, paths []string, fn func(extract.Result) error) error {
	files, err := input.Files(paths)
	if err != nil {
		return err
	}
	src := func(emit func(extract.Document) error) error {
		return input.Read(files, e.stdin, emit)
	}
	return pipeline.Run(src, extract.New(), pipeline.Options{Workers: o.workers}, fn)
}

// buildGraph extracts the inputs and merges them into one graph, with actors
// consolidated across documents.
func buildGraph(e env, o *corpusOptions, paths []string) (*graph.Graph, error) {
	g := graph.New()
	g.SetEvidenceLimit(o.evidence)
	err := eachResult(e, o, paths, func(r extract.Result) error {
		g.Add(r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.Consolidate()
	return g, nil
}

// loadGraph reads a saved graph when graphFile is set, and builds one from
// the inputs otherwise.
func loadGraph(e env, o *corpusOptions, graphFile string, paths []string) (*graph.Graph, error) {
	if graphFile == "" {
		return buildGraph(e, o, paths)
	}
	if len(paths) > 0 {
		return nil, usageError("give either --graph FILE or input articles, not both")
	}
	return export.ReadFile(graphFile)
}
