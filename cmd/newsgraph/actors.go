package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

type actorsOptions struct {
	queryOptions
	typ string
	top int
	by  string
}

func init() {
	register(&command{
		name:    "actors",
		args:    "[INPUT...]",
		summary: "list the actors with their type, aliases, articles and degree",
		about: `Lists every actor of the graph with its type, the number of articles it
appears in, its degree (the distinct actors it is linked to, either way),
its weight (the articles of its links, summed) and its aliases, ranked by
--by (articles by default), then by name.
` + outputHelp + `Examples:
  newsgraph actors samples
  newsgraph actors --graph crisis.json --type person --top 10 --by degree
  newsgraph actors --graph crisis.json --format csv > actors.csv`,
		flags: func(fs *pflag.FlagSet) any {
			o := &actorsOptions{}
			fs.StringVar(&o.typ, "type", "", "keep only actors of this type: "+strings.Join(extract.ActorTypes, ", "))
			fs.IntVar(&o.top, "top", 0, "show only the first N actors (0: all)")
			fs.StringVar(&o.by, "by", graph.ByArticles, "rank by articles, degree or weight")
			o.queryOptions.addFlags(fs)
			return o
		},
		run: runActors,
	})
}

func runActors(e env, opts any, args []string) error {
	o := opts.(*actorsOptions)
	if o.typ != "" && !slices.Contains(extract.ActorTypes, o.typ) {
		return usageError(fmt.Sprintf("--type %q: use %s", o.typ, strings.Join(extract.ActorTypes, ", ")))
	}
	switch o.by {
	case graph.ByArticles, graph.ByDegree, graph.ByWeight:
	default:
		return usageError(fmt.Sprintf("--by %q: use articles, degree or weight", o.by))
	}
	g, err := o.load(e, args)
	if err != nil {
		return err
	}
	list, err := g.Actors(graph.ActorOptions{Type: o.typ, By: o.by, Top: o.top})
	if err != nil {
		return err
	}
	title := count(len(list), "actor")
	if o.top > 0 {
		title += fmt.Sprintf(", the top %d by %s", o.top, o.by)
	}
	t := table{
		title: title,
		columns: []column{
			{name: "ACTOR"}, {name: "TYPE", secondary: true}, {name: "ARTICLES", numeric: true},
			{name: "DEGREE", numeric: true}, {name: "WEIGHT", numeric: true}, {name: "ALIASES", secondary: true},
		},
	}
	for _, a := range list {
		t.rows = append(t.rows, []string{a.Name, a.Type, strconv.Itoa(a.Articles), strconv.Itoa(a.Degree),
			strconv.Itoa(a.Weight), strings.Join(a.Aliases, "; ")})
	}
	return write(e, o.format, report{tables: []table{t}, doc: append([]graph.ActorRow{}, list...), records: lines(list)})
}
