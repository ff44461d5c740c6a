package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

type neighborsOptions struct {
	queryOptions
	statementFilter
	direction string
	depth     int
	minWeight int
	limit     int
}

func init() {
	register(&command{
		name:    "neighbors",
		args:    "ACTOR [INPUT...]",
		summary: "list who an actor is linked to, and how",
		about: `Lists the actors linked to ACTOR, strongest first (by articles, then
statements, then name), with the direction of the link (out: ACTOR acted on
them; in: they acted on ACTOR; both), the relations with their counts (and
any modality other than asserted), and the number of articles.

With --depth 2 or more it also lists the neighbors' neighbors, nearest
first, each with its hop count and the actor it is reached through (VIA);
the direction and relations are then those of the link from VIA.

ACTOR is matched loosely: case, accents and a leading "the" do not matter,
and aliases, surnames and acronyms work ("macron", "the Kremlin", "EU").
An ambiguous name lists the candidates; an unknown one suggests the closest.

The graph comes from the INPUT articles, or from a file saved by build
(--graph crisis.json or crisis.graphml).
` + outputHelp + `Examples:
  newsgraph neighbors Macron samples
  newsgraph neighbors --graph crisis.json putin --direction out --modality asserted
  newsgraph neighbors --graph crisis.json "the Kremlin" --depth 2 --min-weight 2
  newsgraph neighbors --graph crisis.json NATO --format json | jq '.neighbors[0]'`,
		flags: func(fs *pflag.FlagSet) any {
			o := &neighborsOptions{}
			fs.StringVar(&o.direction, "direction", graph.Both, "out, in or both")
			o.statementFilter.addFlags(fs, "")
			fs.IntVar(&o.depth, "depth", 1, "follow this many hops (2: neighbors of neighbors)")
			fs.IntVar(&o.minWeight, "min-weight", 0, "keep links made by at least this many articles")
			fs.IntVar(&o.limit, "limit", 0, "show at most this many neighbors (0: all)")
			o.queryOptions.addFlags(fs)
			return o
		},
		run: runNeighbors,
	})
}

func (o *neighborsOptions) check() error {
	switch o.direction {
	case graph.Out, graph.In, graph.Both:
	default:
		return usageError(fmt.Sprintf("--direction %q: use out, in or both", o.direction))
	}
	if o.depth < 1 {
		return usageError(fmt.Sprintf("--depth %d: use 1 or more", o.depth))
	}
	return o.statementFilter.check()
}

func runNeighbors(e env, opts any, args []string) error {
	o := opts.(*neighborsOptions)
	if err := o.check(); err != nil {
		return err
	}
	if len(args) == 0 {
		return usageError("name an actor, for example: newsgraph neighbors Macron samples")
	}
	g, err := o.load(e, args[1:])
	if err != nil {
		return err
	}
	name, err := resolve(g, args[0])
	if err != nil {
		return err
	}
	list := g.Neighbors(name, graph.NeighborOptions{
		Direction: o.direction, Relations: o.relations, Modalities: o.modalities,
		MinWeight: o.minWeight, Depth: o.depth,
	})
	total := len(list)
	if o.limit > 0 && len(list) > o.limit {
		list = list[:o.limit]
	}
	node, _ := g.Node(name)
	return write(e, o.format, report{
		tables: []table{neighborTable(node, list, total, o.depth > 1)},
		doc: struct {
			Actor     graph.Node       `json:"actor"`
			Neighbors []graph.Neighbor `json:"neighbors"`
		}{node, append([]graph.Neighbor{}, list...)},
		records: lines(list),
	})
}

// neighborTable shows the neighbors of actor, total before any --limit;
// deep adds the hop count and the actor each is reached through.
func neighborTable(actor graph.Node, list []graph.Neighbor, total int, deep bool) table {
	title := fmt.Sprintf("%s (%s): %s", actor.Name, actor.Type, count(total, "neighbor"))
	if len(list) < total {
		title += fmt.Sprintf(", the first %d shown", len(list))
	}
	t := table{title: title, columns: []column{{name: "NEIGHBOR"}, {name: "TYPE", secondary: true}}}
	if deep {
		t.columns = append(t.columns, column{name: "HOPS", numeric: true}, column{name: "VIA"})
	}
	t.columns = append(t.columns, directionColumn, column{name: "RELATIONS"}, column{name: "ARTICLES", numeric: true})
	for _, n := range list {
		row := []string{n.Name, n.Type}
		if deep {
			row = append(row, strconv.Itoa(n.Hops), n.Via)
		}
		t.rows = append(t.rows, append(row, n.Direction, relationSummary(n.Relations), strconv.Itoa(n.Articles)))
	}
	return t
}

// directionColumn shows out, in or both as an arrow in the table format.
var directionColumn = column{name: "DIRECTION", pretty: arrow}

// arrow shows a direction as the user reads it from the queried actor.
func arrow(direction string) string {
	switch direction {
	case graph.Out:
		return "→ out"
	case graph.In:
		return "← in"
	}
	return "↔ both"
}

// relationSummary writes "met-with×3, warned×1 (planned)".
func relationSummary(rels []graph.RelationCount) string {
	parts := make([]string, len(rels))
	for i, r := range rels {
		parts[i] = fmt.Sprintf("%s×%d", r.Relation, r.Count)
		if note := modalityNote(r.Modalities); note != "" {
			parts[i] += " (" + note + ")"
		}
	}
	return strings.Join(parts, ", ")
}

// modalityNote names the modalities other than asserted, if any.
func modalityNote(m map[string]int) string {
	var out []string
	for _, name := range extract.Modalities {
		if name != extract.Asserted && m[name] > 0 {
			out = append(out, name)
		}
	}
	return strings.Join(out, ", ")
}

// statementFilter is the --relation and --modality flags, shared by build's
// filters and the queries.
type statementFilter struct {
	relations  []string
	modalities []string
}

// addFlags adds the flags; modalityNote ends the --modality help.
func (f *statementFilter) addFlags(fs *pflag.FlagSet, modalityNote string) {
	fs.StringSliceVar(&f.relations, "relation", nil, "keep only statements with these relations (comma-separated)")
	fs.StringSliceVar(&f.modalities, "modality", nil, "keep only statements with these modalities: asserted, planned, hypothetical, negated"+modalityNote)
}

// check rejects unknown labels, and a flag given with no label at all.
func (f *statementFilter) check() error {
	for _, l := range [][]string{f.relations, f.modalities} {
		if l != nil && len(l) == 0 {
			return usageError("--relation and --modality need at least one label")
		}
	}
	for _, r := range f.relations {
		if !extract.IsRelation(r) {
			return usageError(fmt.Sprintf("--relation: unknown relation %q; known: %s", r, strings.Join(extract.Relations, ", ")))
		}
	}
	for _, m := range f.modalities {
		if !extract.IsModality(m) {
			return usageError(fmt.Sprintf("--modality: unknown modality %q; use %s", m, strings.Join(extract.Modalities, ", ")))
		}
	}
	return nil
}
