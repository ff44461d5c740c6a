package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

type pathOptions struct {
	queryOptions
	weighted bool
}

func init() {
	register(&command{
		name:    "path",
		args:    "FROM TO [INPUT...]",
		summary: "find the shortest chain of relations between two actors",
		about: `Finds the shortest chain of relations from FROM to TO and shows each hop
with its direction (out: the left actor acted on the right one; in: the
other way round; both: a symmetric relation such as met-with), its most
frequent relation, the articles behind it and one sentence as evidence.

Links are followed either way round. The shortest chain has the fewest
hops; with --weighted, stronger links count as shorter (a link costs
1/articles), so a longer chain of well-attested links can win.

Names are matched as in neighbors.
` + outputHelp + `Examples:
  newsgraph path Macron Lavrov samples
  newsgraph path --graph crisis.json Scholz "the Kremlin" --weighted
  newsgraph path --graph crisis.json Biden Zelensky --format json`,
		flags: func(fs *pflag.FlagSet) any {
			o := &pathOptions{}
			fs.BoolVar(&o.weighted, "weighted", false, "prefer strong links: a link costs 1/articles instead of 1")
			o.queryOptions.addFlags(fs)
			return o
		},
		run: runPath,
	})
}

func runPath(e env, opts any, args []string) error {
	o := opts.(*pathOptions)
	if len(args) < 2 {
		return usageError("name two actors, for example: newsgraph path Macron Lavrov samples")
	}
	g, err := o.load(e, args[2:])
	if err != nil {
		return err
	}
	var ends [2]string
	for i := range ends {
		if ends[i], err = resolve(g, args[i]); err != nil {
			return err
		}
	}
	hops, err := g.ShortestPath(ends[0], ends[1], o.weighted)
	if err != nil {
		return err
	}
	t := table{
		title: fmt.Sprintf("%s to %s: %s", ends[0], ends[1], count(len(hops), "hop")),
		columns: []column{
			{name: "HOP", numeric: true}, {name: "FROM"}, directionColumn, {name: "RELATION"}, {name: "TO"},
			{name: "ARTICLES", numeric: true}, {name: "DOC", secondary: true, keepEnd: true}, {name: "EVIDENCE", wrap: true},
		},
	}
	for i, h := range hops {
		t.rows = append(t.rows, []string{strconv.Itoa(i + 1), h.From, h.Direction, h.Relation, h.To,
			strconv.Itoa(h.Articles), h.Evidence.Doc, h.Evidence.Sentence})
	}
	return write(e, o.format, report{
		tables: []table{t},
		doc: struct {
			From string      `json:"from"`
			To   string      `json:"to"`
			Hops []graph.Hop `json:"hops"`
		}{ends[0], ends[1], hops},
		records: lines(hops),
	})
}
