package export

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// fontName is the font of every text in DOT, SVG and PNG output. It is a
// single family: without access to fonts (as in go-graphviz) Graphviz sizes
// text with built-in metrics, which it has for Helvetica but not for a list
// such as "Helvetica,Arial,sans-serif" (that gets Times metrics, 7% too
// narrow for a sans). The SVG writer names the fallbacks (svgFontFamily).
const fontName = "Helvetica"

// maxTooltipSentences is how many evidence sentences an edge tooltip lists.
const maxTooltipSentences = 5

// maxPenwidth caps the line width of the heaviest edges.
const maxPenwidth = 6

// engines are the Graphviz layout engines Options.Engine may name.
var engines = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork"}

// checkEngine refuses an engine Graphviz does not have ("" is fine).
func checkEngine(engine string) error {
	if engine == "" {
		return nil
	}
	for _, e := range engines {
		if e == engine {
			return nil
		}
	}
	return fmt.Errorf("unknown layout engine %q; known engines: %s", engine, strings.Join(engines, ", "))
}

// Escapers for DOT quoted strings. All of them escape quotes and write line
// breaks as \n; they differ in backslashes and '&':
//   - in ids a backslash is written \\ (the id then keeps both: Graphviz has
//     no other way to end a quoted id with a backslash);
//   - labels also decode \\ to one backslash, and decode HTML entities, so
//     '&' is written &amp;;
//   - tooltips decode backslashes twice (\\\\T shows \T, \\T would show
//     the edge's tail name), so a backslash is written \\\\.
var (
	idEscaper      = dotEscaper(`\\`, false)
	labelEscaper   = dotEscaper(`\\`, true)
	tooltipEscaper = dotEscaper(`\\\\`, true)
)

// dotEscaper returns an escaper writing backslashes as backslash and, with
// entities, '&' as &amp;.
func dotEscaper(backslash string, entities bool) *strings.Replacer {
	pairs := []string{`\`, backslash, `"`, `\"`, "\r\n", `\n`, "\r", `\n`, "\n", `\n`}
	if entities {
		pairs = append(pairs, "&", "&amp;")
	}
	return strings.NewReplacer(pairs...)
}

// dotID quotes a name as a DOT id. Every id is quoted, so keywords such as
// graph or strict are plain names.
func dotID(s string) string { return `"` + idEscaper.Replace(clean(s)) + `"` }

// dotLabel quotes text for a label attribute.
func dotLabel(s string) string { return `"` + labelEscaper.Replace(clean(s)) + `"` }

// dotTooltip quotes text for a tooltip attribute.
func dotTooltip(s string) string { return `"` + tooltipEscaper.Replace(clean(s)) + `"` }

// writeDOT writes g as a Graphviz digraph.
func writeDOT(w io.Writer, g *graph.Graph, opts Options) error {
	return writeDOTOverlap(w, g, opts, overlapNative)
}

// writeDOTOverlap writes g as a Graphviz digraph whose node overlaps the
// force-directed engines remove with the given overlap method.
func writeDOTOverlap(w io.Writer, g *graph.Graph, opts Options, overlap string) error {
	if err := checkEngine(opts.Engine); err != nil {
		return err
	}
	nodes, edges := g.Nodes(), g.Edges()
	if _, err := cleanNames(nodes); err != nil {
		return err
	}
	t := newTextWriter(w)
	t.printf("digraph newsgraph {\n")
	t.printf("\tgraph [fontname=%q, nodesep=0.5, ranksep=0.8, pad=0.3, overlap=%s, outputorder=edgesfirst",
		fontName, overlap)
	if opts.Engine != "" {
		t.printf(", layout=%s", opts.Engine)
	}
	if opts.Title != "" {
		t.printf(", label=%s, labelloc=t, fontsize=22", dotLabel(opts.Title))
	}
	t.printf("];\n")
	t.printf("\tnode [fontname=%q, fontsize=14, style=filled, color=\"#333333\", margin=\"0.2,0.1\"];\n", fontName)
	t.printf("\tedge [fontname=%q, fontsize=11, color=\"#4D4D4D\", fontcolor=\"#222222\", arrowsize=0.8];\n", fontName)
	for _, n := range nodes {
		s := styleOf(n.Type)
		t.printf("\t%s [label=%s, shape=%s, fillcolor=%q, tooltip=%s];\n",
			dotID(n.Name), dotLabel(n.Name), s.Shape, s.Color, dotTooltip(nodeTooltip(n)))
	}
	for _, e := range edges {
		t.printf("\t%s -> %s [label=%s, weight=%d, penwidth=%s",
			dotID(e.Source), dotID(e.Target), dotLabel(strings.Join(edgeLabelLines(e), "\n")),
			max(e.Articles, 1), penwidth(e.Articles))
		if s := edgeStyle(e); s != styleSolid {
			t.printf(", style=%s", s)
		}
		t.printf(", tooltip=%s];\n", dotTooltip(edgeTooltip(e)))
	}
	writeLegend(t, nodes, edges)
	t.printf("}\n")
	return t.flush()
}

// penwidth maps an edge's number of articles to a line width: 1 for one
// article, one more per doubling, at most maxPenwidth.
func penwidth(articles int) string {
	p := 1 + math.Log2(float64(max(articles, 1)))
	return strconv.FormatFloat(math.Min(math.Round(p*10)/10, maxPenwidth), 'f', -1, 64)
}

// nodeTooltip describes an actor: name, type, articles and aliases.
func nodeTooltip(n graph.Node) string {
	typ := n.Type
	if typ == "" {
		typ = otherTypeName
	}
	s := fmt.Sprintf("%s\n%s · %s", n.Name, typ, plural(n.Articles, "article"))
	if len(n.Aliases) > 0 {
		s += "\nalso: " + strings.Join(n.Aliases, ", ")
	}
	return s
}

// edgeTooltip summarizes an edge and lists its first evidence sentences.
func edgeTooltip(e graph.Edge) string {
	lines := []string{fmt.Sprintf("%s → %s: %s in %s", e.Source, e.Target,
		plural(e.Count(), "statement"), plural(e.Articles, "article"))}
	for i, ev := range e.Evidence {
		if i == maxTooltipSentences {
			lines = append(lines, fmt.Sprintf("… +%d more", len(e.Evidence)-i))
			break
		}
		src := ev.Doc
		if ev.Date != "" {
			src += ", " + ev.Date
		}
		lines = append(lines, fmt.Sprintf("• [%s, %s] %s (%s)", ev.Relation, ev.Modality, ev.Sentence, src))
	}
	return strings.Join(lines, "\n")
}

// plural writes a count and a noun, adding "s" unless the count is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// legendTypesPerRow is how many node types share a row of the legend.
const legendTypesPerRow = 3

// writeLegend writes a cluster showing the node types present and the edge
// styles in use, in rows: node types by threes, then one row per edge style
// (a sample line pointing at its meaning), then a note on line widths.
func writeLegend(t *textWriter, nodes []graph.Node, edges []graph.Edge) {
	types := legendTypes(nodes)
	if len(types) == 0 {
		return
	}
	prefix := legendPrefix(nodes)
	t.printf("\tsubgraph cluster_legend {\n")
	t.printf("\t\tlabel=\"Legend\"; fontsize=14; style=rounded; color=\"#999999\"; margin=12;\n")
	var rows [][]string // node ids, row by row
	for i, typ := range types {
		id := dotID(prefix + typ)
		s := otherType
		if typ != otherTypeName {
			s = styleOf(typ)
		}
		t.printf("\t\t%s [label=%s, shape=%s, fillcolor=%q, tooltip=%s];\n", id, dotLabel(typ), s.Shape, s.Color, dotTooltip(typ))
		if i%legendTypesPerRow == 0 {
			rows = append(rows, nil)
		} else { // keep the row in order
			t.printf("\t\t%s -> %s [style=invis];\n", dotID(prefix+types[i-1]), id)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], id)
	}
	used := map[string]bool{}
	for _, e := range edges {
		used[edgeStyle(e)] = true
	}
	for _, es := range edgeStyles {
		if !used[es.Style] {
			continue
		}
		from, to := dotID(prefix+es.Style+":from"), dotID(prefix+es.Style)
		t.printf("\t\t%s [shape=point, style=invis];\n", from)
		t.printf("\t\t%s [label=%s, shape=plaintext, style=\"\", tooltip=%s];\n", to, dotLabel(es.Legend), dotTooltip(es.Legend))
		t.printf("\t\t%s -> %s [style=%s, minlen=2, tooltip=%s];\n", from, to, es.Style, dotTooltip(es.Legend))
		rows = append(rows, []string{from, to})
	}
	if len(used) > 0 {
		id := dotID(prefix + "width")
		t.printf("\t\t%s [label=\"line width: number of articles\", shape=plaintext, style=\"\"];\n", id)
		rows = append(rows, []string{id})
	}
	for i, row := range rows {
		t.printf("\t\t{rank=same; %s}\n", strings.Join(row, "; "))
		if i > 0 { // stack the rows
			t.printf("\t\t%s -> %s [style=invis];\n", rows[i-1][0], row[0])
		}
	}
	t.printf("\t}\n")
}

// legendPrefix returns a prefix for the legend's node ids that no actor
// name starts with, so legend entries never merge with actors.
func legendPrefix(nodes []graph.Node) string {
	prefix := "legend:"
	for {
		clash := false
		for _, n := range nodes {
			if strings.HasPrefix(clean(n.Name), prefix) {
				clash = true
				break
			}
		}
		if !clash {
			return prefix
		}
		prefix = "_" + prefix
	}
}
