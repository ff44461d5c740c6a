package main

import (
	"fmt"
	"os"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

type evidenceOptions struct {
	queryOptions
	statementFilter
	limit int
}

func init() {
	register(&command{
		name:    "evidence",
		args:    "ACTOR [OTHER] [INPUT...]",
		summary: "show the sentences behind an actor or a pair of actors",
		about: `Shows the statements behind ACTOR, or behind the link between ACTOR and
OTHER (both ways round): who did what to whom, the modality, the document,
its date where known, and the sentence, to quote and cite. Statements are
listed by date (undated last), then by document, then by link.

Names are matched as in neighbors. When the graph is built from articles,
OTHER is taken as an actor unless it names a file or directory.

A graph keeps a bounded number of sentences per link (build
--evidence-per-edge); when some were not kept, a note says how many
statements there are in all.
` + outputHelp + `Examples:
  newsgraph evidence Macron Putin samples
  newsgraph evidence --graph crisis.json Lavrov --relation warned,threatened
  newsgraph evidence --graph crisis.json Biden Putin --format csv > quotes.csv`,
		flags: func(fs *pflag.FlagSet) any {
			o := &evidenceOptions{}
			o.statementFilter.addFlags(fs, "")
			fs.IntVar(&o.limit, "limit", 0, "show at most this many statements (0: all)")
			o.queryOptions.addFlags(fs)
			return o
		},
		run: runEvidence,
	})
}

func runEvidence(e env, opts any, args []string) error {
	o := opts.(*evidenceOptions)
	if err := o.statementFilter.check(); err != nil {
		return err
	}
	if len(args) == 0 {
		return usageError("name an actor, for example: newsgraph evidence Macron samples")
	}
	queries, inputs := args[:1], args[1:]
	if len(inputs) > 0 && (o.graph != "" || !isPath(inputs[0])) {
		queries, inputs = args[:2], args[2:]
	}
	g, err := o.load(e, inputs)
	if err != nil {
		return err
	}
	names := make([]string, len(queries))
	for i, q := range queries {
		if names[i], err = resolve(g, q); err != nil {
			return err
		}
	}
	other, title := "", names[0]
	if len(names) == 2 {
		other, title = names[1], names[0]+" – "+names[1]
	}
	rows, statements := g.Evidence(names[0], other, graph.EvidenceOptions{Relations: o.relations, Modalities: o.modalities})
	kept := len(rows)
	if o.limit > 0 && len(rows) > o.limit {
		rows = rows[:o.limit]
	}
	t := table{
		title: fmt.Sprintf("%s: %s", title, count(statements, "statement")),
		columns: []column{
			{name: "DATE", secondary: true}, {name: "DOC", secondary: true, keepEnd: true},
			{name: "SOURCE"}, {name: "RELATION"}, {name: "TARGET"}, {name: "MODALITY"},
			{name: "SENTENCE", wrap: true},
		},
	}
	for _, r := range rows {
		t.rows = append(t.rows, []string{r.Date, r.Doc, r.Source, r.Relation, r.Target, r.Modality, r.Sentence})
	}
	if len(rows) < kept {
		t.notes = append(t.notes, fmt.Sprintf("%d of %d sentences shown (--limit).", len(rows), kept))
	}
	if kept < statements {
		t.notes = append(t.notes, fmt.Sprintf("The graph kept sentences for %d of the %d statements; build with --evidence-per-edge 0 to keep all.", kept, statements))
	}
	return write(e, o.format, report{
		tables: []table{t},
		doc: struct {
			Actors     []string            `json:"actors"`
			Statements int                 `json:"statements"`
			Evidence   []graph.EvidenceRow `json:"evidence"`
		}{names, statements, append([]graph.EvidenceRow{}, rows...)},
		records: lines(rows),
	})
}

// isPath reports whether arg names standard input or an existing file or
// directory.
func isPath(arg string) bool {
	if arg == "-" {
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}
