package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// filterOptions are the flags that select part of a graph before export.
type filterOptions struct {
	statementFilter
	focus     string
	depth     int
	top       int
	minWeight int
}

// diagramModalities are the modalities diagrams show unless --modality is
// given: a diagram of hypothetical and negated statements would tell a story
// that was not reported.
var diagramModalities = []string{extract.Asserted, extract.Planned}

func (o *filterOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.focus, "focus", "", "keep only the actors around this one (a loose name: surname, alias, acronym …)")
	fs.IntVar(&o.depth, "depth", 1, "with --focus: how many links away from the actor to go")
	fs.IntVar(&o.top, "top", 0, "keep the N actors with the most articles on their edges (0: all)")
	fs.IntVar(&o.minWeight, "min-weight", 0, "keep only edges seen in at least this many articles")
	o.statementFilter.addFlags(fs, "\n(default: all in data files; asserted,planned in diagrams)")
}

// filter returns the selection the flags ask for when writing format f,
// and a note for the diagram legend saying what it leaves out.
func (o *filterOptions) filter(f export.Format) (graph.Filter, string, error) {
	if o.depth < 1 {
		return graph.Filter{}, "", usageError("--depth must be at least 1")
	}
	if err := o.statementFilter.check(); err != nil {
		return graph.Filter{}, "", err
	}
	sel := graph.Filter{Focus: o.focus, Depth: o.depth, Top: o.top, MinWeight: o.minWeight,
		Relations: o.relations, Modalities: o.modalities}
	var notes []string
	if sel.Modalities == nil && export.IsDiagram(f) {
		sel.Modalities = diagramModalities
		notes = append(notes, "hypothetical and negated statements hidden (--modality to show)")
	} else if sel.Modalities != nil {
		notes = append(notes, "modalities: "+strings.Join(sel.Modalities, ", "))
	}
	if sel.Relations != nil {
		notes = append(notes, "relations: "+strings.Join(sel.Relations, ", "))
	}
	if sel.MinWeight > 1 {
		notes = append(notes, fmt.Sprintf("edges in %d+ articles", sel.MinWeight))
	}
	if sel.Focus != "" {
		notes = append(notes, fmt.Sprintf("around %s, %d link(s) away", sel.Focus, sel.Depth))
	}
	if sel.Top > 0 {
		notes = append(notes, fmt.Sprintf("top %d actors", sel.Top))
	}
	return sel, strings.Join(notes, "\n"), nil
}

// apply filters g as the flags ask for format f and returns the graph to
// write with the legend note.
func (o *filterOptions) apply(g *graph.Graph, f export.Format) (*graph.Graph, string, error) {
	sel, note, err := o.filter(f)
	if err != nil {
		return nil, "", err
	}
	if sel.IsZero() {
		return g, note, nil
	}
	if sel.Focus != "" {
		name, err := g.Resolve(sel.Focus)
		if err != nil {
			return nil, "", fmt.Errorf("--focus: %w", err)
		}
		note = strings.Replace(note, "around "+sel.Focus, "around "+name, 1)
	}
	out, err := g.Filter(sel)
	if err != nil {
		return nil, "", err
	}
	return out, note, nil
}
