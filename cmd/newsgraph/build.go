package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/export"
)

type buildOptions struct {
	corpusOptions
	filterOptions
	output string
	format string
	engine string
	graph  string
}

func init() {
	register(&command{
		name:    "build",
		args:    "INPUT... -o FILE",
		summary: "merge the triples of articles into one graph file",
		about: `Extracts every input, merges the triples into one directed graph (one node
per actor, one edge per subject→object pair carrying each relation with its
count, modalities and evidence sentences) and writes it to FILE.

The format follows FILE's extension, or --format:
  .graphml  GraphML for Gephi, NetworkX, igraph (one edge per ordered pair)
  .gexf     GEXF 1.3 for Gephi: one edge per relation, dated for its timeline
  .json     newsgraph's own lossless graph file (read back by --graph)
  .dot      Graphviz source
  .svg      a diagram, rendered in-process
  .png      a diagram (needs Graphviz's dot on PATH)

The filters apply to every format: --relation and --modality keep some
statements, --min-weight drops thin edges, --focus keeps an actor's
neighborhood, --top the strongest actors. Diagrams (.dot, .svg, .png) hide
hypothetical and negated statements unless --modality is given, and their
legend says what a filter left out.

The file is written atomically: a failed run never leaves half a file.

Examples:
  newsgraph build samples -o crisis.svg
  newsgraph build corpus.jsonl -o crisis.graphml
  newsgraph build samples --focus putin --depth 2 -o putin.png
  newsgraph build --graph crisis.json --top 30 --min-weight 2 -o crisis.svg
  newsgraph build --graph crisis.json -o crisis.gexf   # re-export a saved graph`,
		flags: func(fs *pflag.FlagSet) any {
			o := &buildOptions{}
			fs.StringVarP(&o.output, "output", "o", "", "write the graph to this file (required)")
			fs.StringVarP(&o.format, "format", "f", "", "output format: graphml, gexf, json, dot, svg, png (default: from the extension)")
			fs.StringVar(&o.engine, "engine", "", "Graphviz layout engine for svg/png: dot, sfdp, neato … (default: by graph size)")
			fs.StringVar(&o.graph, "graph", "", "read a graph saved by build (.json or .graphml) instead of articles")
			o.filterOptions.addFlags(fs)
			o.corpusOptions.addFlags(fs, true)
			return o
		},
		run: runBuild,
	})
}

func runBuild(e env, opts any, args []string) error {
	o := opts.(*buildOptions)
	if o.output == "" {
		return usageError("no output file: add -o FILE (for example -o crisis.svg)")
	}
	format, err := outputFormat(o.format, o.output)
	if err != nil {
		return err
	}
	if o.graph == "" && len(args) == 0 {
		return usageError("no input: name files or directories of articles, or use --graph FILE")
	}
	if _, _, err := o.filter(format); err != nil { // before the work of reading
		return err
	}
	g, err := loadGraph(e, &o.corpusOptions, o.graph, args)
	if err != nil {
		return err
	}
	before := fmt.Sprintf(" (of %d actors, %d edges before filters)", g.Order(), g.Size())
	g, note, err := o.apply(g, format)
	if err != nil {
		return err
	}
	if note == "" {
		before = ""
	}
	if err := export.WriteFile(o.output, g, format, export.Options{Engine: o.engine, Note: note}); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(e.stderr, "wrote %s: %d actors, %d edges%s\n", o.output, g.Order(), g.Size(), before)
	}
	return nil
}

// outputFormat picks the format named by --format, or else by the file's extension.
func outputFormat(name, path string) (export.Format, error) {
	if name != "" {
		return export.ParseFormat(name)
	}
	return export.FormatFromPath(path)
}
