package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

type statsOptions struct {
	queryOptions
	top int
}

func init() {
	register(&command{
		name:    "stats",
		args:    "[INPUT...]",
		summary: "summarize a graph: documents, statements, relations, actors",
		about: `Summarizes the graph: its actors and links, the statements (triples) by
relation and by modality, the actors by type, and the strongest links (by
articles, then statements).

Statement counts are exact. The documents and sentences are counted among
the evidence the graph kept: they are exact when it kept every sentence,
and lower bounds ("at least") when it kept a bounded number per link
(build --evidence-per-edge).

With --format csv or tsv the summary is one table of section, label and
value.
` + outputHelp + `Examples:
  newsgraph stats samples
  newsgraph stats --graph crisis.json --top 20
  newsgraph stats --graph crisis.json --format json | jq '.relations'`,
		flags: func(fs *pflag.FlagSet) any {
			o := &statsOptions{}
			fs.IntVar(&o.top, "top", 10, "show this many of the strongest links")
			o.queryOptions.addFlags(fs)
			return o
		},
		run: runStats,
	})
}

func runStats(e env, opts any, args []string) error {
	o := opts.(*statsOptions)
	g, err := o.load(e, args)
	if err != nil {
		return err
	}
	s := g.Stats(o.top)
	bound := ""
	if !s.EvidenceComplete {
		bound = " (at least)"
	}
	summary := [][2]string{
		{"documents with statements" + bound, strconv.Itoa(s.Documents)},
		{"sentences with statements" + bound, strconv.Itoa(s.Sentences)},
		{"statements (triples)", strconv.Itoa(s.Statements)},
		{"actors", strconv.Itoa(s.Actors)},
		{"links (actor pairs)", strconv.Itoa(s.Edges)},
	}
	sections := []struct {
		title, label string
		rows         []graph.Tally
	}{
		{"Statements by relation", "RELATION", s.Relations},
		{"Statements by modality", "MODALITY", s.Modalities},
		{"Actors by type", "TYPE", s.ActorTypes},
	}
	flat := table{columns: []column{{name: "SECTION"}, {name: "LABEL"}, {name: "VALUE"}}}
	overview := table{title: "Graph", columns: []column{{name: "WHAT"}, {name: "COUNT", numeric: true}}}
	for _, r := range summary {
		overview.rows = append(overview.rows, []string{r[0], r[1]})
		flat.rows = append(flat.rows, []string{"graph", r[0], r[1]})
	}
	tables := []table{overview}
	for _, sec := range sections {
		t := table{title: sec.title, columns: []column{{name: sec.label}, {name: "COUNT", numeric: true}}}
		for _, x := range sec.rows {
			t.rows = append(t.rows, []string{x.Label, strconv.Itoa(x.Count)})
			flat.rows = append(flat.rows, []string{strings.ToLower(sec.label), x.Label, strconv.Itoa(x.Count)})
		}
		tables = append(tables, t)
	}
	strongest := table{
		title: fmt.Sprintf("Strongest links (top %d)", o.top),
		columns: []column{{name: "SOURCE"}, {name: "RELATION"}, {name: "TARGET"},
			{name: "ARTICLES", numeric: true}, {name: "STATEMENTS", numeric: true}},
	}
	for _, x := range s.Strongest {
		strongest.rows = append(strongest.rows, []string{x.Source, x.Relation, x.Target,
			strconv.Itoa(x.Articles), strconv.Itoa(x.Statements)})
		flat.rows = append(flat.rows, []string{"link", x.Source + " " + x.Relation + " " + x.Target, strconv.Itoa(x.Articles)})
	}
	if o.top > 0 {
		tables = append(tables, strongest)
	}
	return write(e, o.format, report{tables: tables, flat: &flat, doc: s, records: []any{s}})
}
