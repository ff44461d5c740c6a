package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

type neighborsOptions struct {
	graph      string
	direction  string
	relations  []string
	modalities []string
	minWeight  int
	limit      int
	format     string
}

func init() {
	register(&command{
		name:    "neighbors",
		args:    "ACTOR [INPUT...]",
		summary: "list who an actor is linked to, and how",
		about: `Lists the actors linked to ACTOR, strongest first, with the direction of
the link (out: ACTOR acted on them; in: they acted on ACTOR; both), the
relations with their counts, and the number of articles.

ACTOR is matched loosely: case, accents and a leading "the" do not matter,
and aliases and surnames work ("macron", "Emmanuel Macron", "the Kremlin").

The graph comes from the INPUT articles, or from a file saved by build
(--graph crisis.json or crisis.graphml).

Examples:
  newsgraph neighbors Macron samples
  newsgraph neighbors --graph crisis.json putin --direction out --modality asserted
  newsgraph neighbors --graph crisis.json NATO --format json | jq .`,
		flags: func(fs *pflag.FlagSet) any {
			o := &neighborsOptions{}
			fs.StringVar(&o.graph, "graph", "", "read a graph saved by build (.json or .graphml) instead of articles")
			fs.StringVar(&o.direction, "direction", "both", "out, in or both")
			fs.StringSliceVar(&o.relations, "relation", nil, "keep only these relations (comma-separated)")
			fs.StringSliceVar(&o.modalities, "modality", nil, "keep only these modalities: asserted, planned, hypothetical, negated")
			fs.IntVar(&o.minWeight, "min-weight", 0, "keep neighbors linked by at least this many articles")
			fs.IntVar(&o.limit, "limit", 0, "show at most this many neighbors (0: all)")
			fs.StringVar(&o.format, "format", "table", "table or json")
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
	for _, r := range o.relations {
		if !extract.IsRelation(r) {
			return usageError(fmt.Sprintf("--relation %q is not a relation; known: %s", r, strings.Join(extract.Relations, ", ")))
		}
	}
	for _, m := range o.modalities {
		if !extract.IsModality(m) {
			return usageError(fmt.Sprintf("--modality %q: use %s", m, strings.Join(extract.Modalities, ", ")))
		}
	}
	if o.format != "table" && o.format != "json" {
		return usageError(fmt.Sprintf("--format %q: use table or json", o.format))
	}
	return nil
}

func runNeighbors(e env, opts any, args []string) error {
	o := opts.(*neighborsOptions)
	if err := o.check(); err != nil {
		return err
	}
	if len(args) == 0 {
		return usageError("name an actor, for example: newsgraph neighbors Macron samples")
	}
	if o.graph == "" && len(args) == 1 {
		return usageError("no input: name files or directories of articles after the actor, or use --graph FILE")
	}
	g, err := loadGraph(e, o.graph, args[1:])
	if err != nil {
		return err
	}
	name, err := g.Resolve(args[0])
	if err != nil {
		return explainResolve(err)
	}
	list := g.Neighbors(name, graph.NeighborOptions{
		Direction: o.direction, Relations: o.relations, Modalities: o.modalities, MinWeight: o.minWeight,
	})
	if o.limit > 0 && len(list) > o.limit {
		list = list[:o.limit]
	}
	node, _ := g.Node(name)
	if o.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Actor     graph.Node       `json:"actor"`
			Neighbors []graph.Neighbor `json:"neighbors"`
		}{node, nonNil(list)})
	}
	return printNeighbors(e, node, list)
}

func nonNil(l []graph.Neighbor) []graph.Neighbor {
	if l == nil {
		return []graph.Neighbor{}
	}
	return l
}

// explainResolve words a failed name lookup for the terminal.
func explainResolve(err error) error {
	var amb *graph.AmbiguousError
	if errors.As(err, &amb) {
		return fmt.Errorf("%q could be any of:\n  %s\nname one of them in full", amb.Query, strings.Join(amb.Candidates, "\n  "))
	}
	return err
}

func printNeighbors(e env, actor graph.Node, list []graph.Neighbor) error {
	fmt.Fprintf(e.stdout, "%s (%s): %d neighbors\n", actor.Name, actor.Type, len(list))
	if len(list) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NEIGHBOR\tTYPE\tDIRECTION\tRELATIONS\tARTICLES")
	for _, n := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", n.Name, n.Type, arrow(n.Direction), relationSummary(n.Relations), n.Articles)
	}
	return tw.Flush()
}

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
