package main

import (
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/input"
)

// eachResult extracts every document of the inputs, in input order.
func eachResult(e env, paths []string, fn func(extract.Result) error) error {
	files, err := input.Files(paths)
	if err != nil {
		return err
	}
	x := extract.New()
	return input.Read(files, e.stdin, func(d extract.Document) error {
		return fn(x.Extract(d))
	})
}

// buildGraph extracts the inputs and merges them into one graph, with actors
// consolidated across documents.
func buildGraph(e env, paths []string) (*graph.Graph, error) {
	g := graph.New()
	err := eachResult(e, paths, func(r extract.Result) error {
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
func loadGraph(e env, graphFile string, paths []string) (*graph.Graph, error) {
	if graphFile == "" {
		return buildGraph(e, paths)
	}
	if len(paths) > 0 {
		return nil, usageError("give either --graph FILE or input articles, not both")
	}
	return export.ReadFile(graphFile)
}
