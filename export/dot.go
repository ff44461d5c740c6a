package export

import (
	"cmp"
	"fmt"
	"html"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

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
//     no other way to end a quoted id with a backslash), and '&' is written
//     &amp; where it starts something like an entity (see entityLike);
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

// entityLike matches an '&' that Graphviz's SVG output would take for an
// entity reference (&amp;, &#38;, but also &bogus; or &#0;) and copy as is,
// making the SVG invalid. Ids, which SVG titles show, write it &amp;.
var entityLike = regexp.MustCompile(`&([#0-9A-Za-z]*;)`)

// maxDOTString bounds the pieces of a quoted DOT string: Graphviz refuses
// quoted strings longer than 16384 bytes, so longer ones are written as
// "…" + "…", which it joins back.
const maxDOTString = 8192

// dotQuote quotes escaped text, in pieces of at most maxDOTString bytes
// that cut neither an escape sequence nor a UTF-8 character.
func dotQuote(escaped string) string {
	var b strings.Builder
	b.WriteByte('"')
	for len(escaped) > maxDOTString {
		cut := maxDOTString
		for !utf8.RuneStart(escaped[cut]) {
			cut--
		}
		backslashes := 0
		for i := cut - 1; i >= 0 && escaped[i] == '\\'; i-- {
			backslashes++
		}
		cut -= backslashes % 2 // an odd backslash escapes escaped[cut]
		b.WriteString(escaped[:cut])
		b.WriteString(`" + "`)
		escaped = escaped[cut:]
	}
	b.WriteString(escaped)
	b.WriteByte('"')
	return b.String()
}

// dotID quotes a name as a DOT id. Every id is quoted, so keywords such as
// graph or strict are plain names.
func dotID(s string) string {
	return dotQuote(idEscaper.Replace(entityLike.ReplaceAllString(clean(s), "&amp;$1")))
}

// dotLabel quotes text for a label attribute.
func dotLabel(s string) string { return dotQuote(labelEscaper.Replace(clean(s))) }

// dotTooltip quotes text for a tooltip attribute.
func dotTooltip(s string) string { return dotQuote(tooltipEscaper.Replace(clean(s))) }

// writeDOT writes g as a Graphviz digraph, for dot unless Options.Engine
// names another engine.
func writeDOT(w io.Writer, g *graph.Graph, opts Options) error {
	return writeDOTLayout(w, g, opts, cmp.Or(opts.Engine, "dot"), overlapNative)
}

// writeDOTLayout writes g as a Graphviz digraph to be laid out by engine,
// which removes node overlaps (force-directed engines) with the given
// overlap method.
func writeDOTLayout(w io.Writer, g *graph.Graph, opts Options, engine, overlap string) error {
	if err := checkEngine(opts.Engine); err != nil {
		return err
	}
	nodes, edges := g.Nodes(), g.Edges()
	if _, err := cleanNames(nodes); err != nil {
		return err
	}
	t := newTextWriter(w)
	t.printf("digraph newsgraph {\n")
	// Left to right: news graphs have many actors per rank, which top to
	// bottom would spread into a wide strip.
	t.printf("\tgraph [fontname=%q, rankdir=LR, nodesep=0.4, ranksep=1.1, pad=0.3, overlap=%s, outputorder=edgesfirst",
		fontName, overlap)
	if opts.Engine != "" {
		t.printf(", layout=%s", opts.Engine)
	}
	if opts.Title != "" {
		t.printf(", label=%s, labelloc=t, fontsize=22", dotLabel(opts.Title))
	}
	t.printf("];\n")
	t.printf("\tnode [fontname=%q, fontsize=14, style=filled, color=\"#333333\", margin=\"0.2,0.1\"];\n", fontName)
	t.printf("\tedge [fontname=%q, fontsize=12, color=\"#4D4D4D\", fontcolor=\"#222222\", arrowsize=0.8];\n", fontName)
	for _, n := range nodes {
		s := styleOf(n.Type)
		t.printf("\t%s [label=%s, shape=%s, fillcolor=%q, tooltip=%s];\n",
			dotID(n.Name), dotLabel(displayName(n.Name)), s.Shape, s.Color, dotTooltip(nodeTooltip(n)))
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
	legend := newLegend(nodes, edges, opts.Note)
	if engine == "dot" {
		legend.writeCluster(t)
	} else {
		legend.writeTable(t)
	}
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
	s := fmt.Sprintf("%s\n%s · %s", displayName(n.Name), typ, plural(n.Articles, "article"))
	if len(n.Aliases) > 0 {
		s += "\nalso: " + strings.Join(n.Aliases, ", ")
	}
	return s
}

// edgeTooltip summarizes an edge and lists its first evidence sentences.
func edgeTooltip(e graph.Edge) string {
	lines := []string{fmt.Sprintf("%s → %s: %s in %s", displayName(e.Source), displayName(e.Target),
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

// legend is what a diagram's legend shows: the node types present, the
// edge styles in use, and notes.
type legend struct {
	prefix string   // of the legend's node ids (see legendPrefix)
	types  []string // legendTypes
	styles []int    // indexes in edgeStyles
	notes  []string
}

// newLegend gathers the legend of a diagram; note, when set, is its last
// line.
func newLegend(nodes []graph.Node, edges []graph.Edge, note string) legend {
	l := legend{prefix: legendPrefix(nodes), types: legendTypes(nodes)}
	used := map[string]bool{}
	for _, e := range edges {
		used[edgeStyle(e)] = true
	}
	for i, es := range edgeStyles {
		if used[es.Style] {
			l.styles = append(l.styles, i)
		}
	}
	if len(used) > 0 {
		l.notes = append(l.notes, "line width: number of articles")
	}
	if note != "" {
		l.notes = append(l.notes, truncate(note, maxNoteRunes))
	}
	return l
}

// maxNoteRunes bounds the note of a legend: the table legend is one HTML
// string, which Graphviz refuses past 16384 bytes (and cannot split).
const maxNoteRunes = 400

// truncate shortens s to at most n characters, ending it with "…" when it
// cuts.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// typeStyleOf returns the style of a legend type ("other" included).
func typeStyleOf(typ string) typeStyle {
	if typ == otherTypeName {
		return otherType
	}
	return styleOf(typ)
}

// legendTypesPerColumn is how many node types share a column of the
// legend.
const legendTypesPerColumn = 3

// writeCluster writes the legend as a cluster for dot, showing each node
// type with its shape and a sample line of each edge style, laid out left
// to right in columns: node types by threes, then the sample lines pointing
// at their meaning, then the notes.
//
// With rankdir=LR a rank is a column, and Graphviz stacks the nodes of a
// column bottom up in the order of the invisible edges chaining them, so
// the chains are written from the last node to the first.
func (l legend) writeCluster(t *textWriter) {
	if len(l.types) == 0 {
		return
	}
	t.printf("\tsubgraph cluster_legend {\n")
	t.printf("\t\tlabel=\"Legend\"; fontsize=14; style=rounded; color=\"#999999\"; margin=12;\n")
	var columns [][]string // node ids, column by column, top down
	for i, typ := range l.types {
		id, s := dotID(l.prefix+typ), typeStyleOf(typ)
		t.printf("\t\t%s [label=%s, shape=%s, fillcolor=%q, tooltip=%s];\n", id, dotLabel(typ), s.Shape, s.Color, dotTooltip(typ))
		if i%legendTypesPerColumn == 0 {
			columns = append(columns, nil)
		}
		columns[len(columns)-1] = append(columns[len(columns)-1], id)
	}
	var froms []string
	for _, i := range l.styles {
		es := edgeStyles[i]
		from, to := dotID(l.prefix+es.Style+":from"), dotID(l.prefix+es.Style)
		t.printf("\t\t%s [shape=point, style=invis];\n", from)
		t.printf("\t\t%s [label=%s, shape=plaintext, style=\"\", tooltip=%s];\n", to, dotLabel(es.Legend), dotTooltip(es.Legend))
		t.printf("\t\t%s -> %s [style=%s, tooltip=%s];\n", from, to, es.Style, dotTooltip(es.Legend))
		froms = append(froms, from)
	}
	if len(froms) > 0 {
		columns = append(columns, froms)
	}
	var notes []string
	for i, n := range l.notes {
		id := dotID(l.prefix + "note" + strconv.Itoa(i))
		t.printf("\t\t%s [label=%s, shape=plaintext, style=\"\", tooltip=%s];\n", id, dotLabel(n), dotTooltip(n))
		notes = append(notes, id)
	}
	if len(notes) > 0 {
		columns = append(columns, notes)
	}
	for i, col := range columns {
		t.printf("\t\t{rank=same; %s}\n", strings.Join(col, "; "))
		for j := len(col) - 1; j > 0; j-- { // keep the column in order
			t.printf("\t\t%s -> %s [style=invis];\n", col[j], col[j-1])
		}
		if i > 0 { // columns side by side; the style labels take a rank
			minlen := ""
			if len(froms) > 0 && columns[i-1][0] == froms[0] {
				minlen = ", minlen=2"
			}
			t.printf("\t\t%s -> %s [style=invis%s];\n", columns[i-1][0], col[0], minlen)
		}
	}
	t.printf("\t}\n")
}

// tableLineSamples draws each edge style in text, for the table legend.
var tableLineSamples = map[string]string{styleSolid: "———", styleDashed: "– – –", styleDotted: "· · · ·"}

// writeTable writes the legend as one node holding an HTML-like table, for
// the force-directed engines: they ignore clusters and would scatter the
// legend's nodes across the drawing. Node types show as their fill color.
func (l legend) writeTable(t *textWriter) {
	if len(l.types) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="1" COLOR="#999999" STYLE="ROUNDED" CELLBORDER="0" CELLSPACING="2" CELLPADDING="4">`)
	b.WriteString(`<TR><TD COLSPAN="2"><FONT POINT-SIZE="16">Legend</FONT></TD></TR>`)
	for _, typ := range l.types {
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" BORDER="1" COLOR="#333333" WIDTH="36"> </TD><TD ALIGN="LEFT">%s</TD></TR>`,
			typeStyleOf(typ).Color, htmlText(typ))
	}
	for _, i := range l.styles {
		es := edgeStyles[i]
		fmt.Fprintf(&b, `<TR><TD>%s</TD><TD ALIGN="LEFT">%s</TD></TR>`, tableLineSamples[es.Style], htmlText(es.Legend))
	}
	for _, n := range l.notes {
		fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT">%s</TD></TR>`, htmlText(n))
	}
	b.WriteString(`</TABLE>`)
	t.printf("\t%s [shape=plaintext, style=\"\", margin=0, fontsize=14, label=<%s>, tooltip=\"Legend\"];\n",
		dotID(l.prefix+"table"), b.String())
}

// htmlText escapes text for an HTML-like label, lines broken with <BR/>.
func htmlText(s string) string {
	var b strings.Builder
	for i, line := range strings.Split(clean(s), "\n") {
		if i > 0 {
			b.WriteString(`<BR ALIGN="LEFT"/>`)
		}
		b.WriteString(html.EscapeString(line))
	}
	return b.String()
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
