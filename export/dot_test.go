package export

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// graphvizSVG renders DOT source with the system's dot -Tsvg, failing the
// test when dot reports an error or a warning. A missing dot skips the test
// (fails it under CI).
func graphvizSVG(t *testing.T, src []byte) []byte {
	t.Helper()
	cmd := exec.Command(requireTool(t, "dot"), "-Tsvg")
	cmd.Stdin = bytes.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	return out
}

func TestDOTGraphvizAccepts(t *testing.T) {
	for _, opts := range []Options{{}, {Title: `A "title" & \ more`, Note: "a \"note\" \\\non two lines"}, {Engine: "sfdp", Note: "<b> & \"c\""}} {
		out := graphvizSVG(t, render(t, fixture(), DOT, opts))
		// Every actor comes out as a node titled with its name.
		for _, n := range fixture().Nodes() {
			title := "<title>" + svgEscaper.Replace(svgTitle(n.Name)) + "</title>"
			if !bytes.Contains(out, []byte(title)) {
				t.Errorf("%+v: dot output has no node %s", opts, title)
			}
		}
	}
}

// svgEscaper escapes text as Graphviz does in SVG (for the characters in
// the fixture's names).
var svgEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// svgTitle is the title Graphviz gives the node of an actor: its DOT id
// with quotes unescaped, which keeps the doubled backslashes and line breaks
// written \n.
func svgTitle(name string) string {
	return strings.ReplaceAll(idEscaper.Replace(clean(name)), `\"`, `"`)
}

func TestDOTTooltipBackslash(t *testing.T) {
	out := graphvizSVG(t, render(t, fixture(), DOT, Options{}))
	if want := `The &quot;hi&quot; group visited C:\Temp\.`; !bytes.Contains(out, []byte(want)) {
		t.Errorf("tooltip backslashes are not kept: no %s in\n%s", want, out)
	}
}

func TestDOTContent(t *testing.T) {
	out := string(render(t, fixture(), DOT, Options{}))
	for _, want := range []string{
		"digraph newsgraph {\n",
		"\t\"Graph\" [label=\"Graph\"",
		"\t\"strict\" [label=\"strict\"",
		"\t\"AT&T\" [label=\"AT&amp;T\"",
		`"Say \"hi\" Group"`,
		`"C:\\Temp\\"`,
		"\t\"BellCorp\" [",
		"\"Caf\uFFFD Society\"",
		// several relations, top 3 then the rest
		`label="attacked ×3\ninvaded ×1\nthreatened ×1\n+1 more"`,
		// at most 5 sentences in the tooltip
		`\n… +1 more"`,
		`"Joe Biden" -> "Russia" [label="sanctioned ×1", weight=1, penwidth=1, style=dashed`,
		`"Russia" -> "Graph" [label="attacked ×2", weight=2, penwidth=2, style=dotted`,
		`"Russia" -> "Ukraine" [label="attacked ×3\ninvaded ×1\nthreatened ×1\n+1 more", weight=4, penwidth=3,`,
		"subgraph cluster_legend {",
		`"legend:dotted" [label="hypothetical / negated"`,
		`"legend:dotted:from" -> "legend:dotted" [style=dotted`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT output lacks %q", want)
		}
	}
	if strings.Contains(out, "strict digraph") || strings.Contains(out, "\x07") {
		t.Error("DOT output is strict or has a control character")
	}
}

func TestDOTLegendNote(t *testing.T) {
	out := string(render(t, fixture(), DOT, Options{Note: "hidden: \"x\" & y\nsecond line"}))
	for _, want := range []string{
		`"legend:note0" [label="line width: number of articles"`,
		`"legend:note1" [label="hidden: \"x\" &amp; y\nsecond line"`,
		`{rank=same; "legend:note0"; "legend:note1"}`,
		`"" [label="(no name)"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT output lacks %s", want)
		}
	}
	if strings.Contains(string(render(t, fixture(), DOT, Options{})), "legend:note1") {
		t.Error("a note without Options.Note")
	}
}

func TestDOTLegendPrefixAvoidsActors(t *testing.T) {
	g := graph.New()
	g.AddNode(graph.Node{Name: "legend:person", Type: "person"})
	out := string(render(t, g, DOT, Options{}))
	if !strings.Contains(out, `"_legend:person" [label="person"`) {
		t.Errorf("legend ids clash with an actor:\n%s", out)
	}
}

func TestDOTEngine(t *testing.T) {
	if out := render(t, fixture(), DOT, Options{Engine: "sfdp"}); !bytes.Contains(out, []byte(", layout=sfdp")) {
		t.Error("Engine is not recorded as the layout attribute")
	}
	// Force-directed engines ignore clusters: their legend is one table.
	out := string(render(t, fixture(), DOT, Options{Engine: "sfdp", Note: "a & b\nc"}))
	for _, want := range []string{
		`"legend:table" [shape=plaintext`,
		`<TD ALIGN="LEFT">hypothetical / negated</TD>`,
		`<TD COLSPAN="2" ALIGN="LEFT">a &amp; b<BR ALIGN="LEFT"/>c</TD>`,
		`<TD BGCOLOR="#D9D9D9" BORDER="1" COLOR="#333333" WIDTH="36"> </TD><TD ALIGN="LEFT">other</TD>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("sfdp DOT lacks %s", want)
		}
	}
	if strings.Contains(out, "cluster_legend") || strings.Contains(string(render(t, fixture(), DOT, Options{})), "legend:table") {
		t.Error("the legend is a cluster for sfdp or a table for dot")
	}
	for _, f := range []Format{DOT, SVG, PNG} {
		if err := Write(&bytes.Buffer{}, fixture(), f, Options{Engine: "nope"}); err == nil || !strings.Contains(err.Error(), "unknown layout engine") {
			t.Errorf("%s with an unknown engine: %v", f, err)
		}
	}
}

func TestPenwidth(t *testing.T) {
	for articles, want := range map[int]string{0: "1", 1: "1", 2: "2", 3: "2.6", 4: "3", 1000: "6"} {
		if got := penwidth(articles); got != want {
			t.Errorf("penwidth(%d) = %s, want %s", articles, got, want)
		}
	}
}

// dotGraph is what parseDOT finds in DOT source: the ids of the node
// statements and the endpoints of the edge statements, as written between
// the quotes (see dotIDText).
type dotGraph struct {
	nodes map[string]bool
	edges map[[2]string]bool
}

// parseDOT is a cheap in-process check of DOT source as writeDOT writes it,
// for tests that cannot run Graphviz on every input: quoted strings close
// (pieces joined by + are joined back),
// HTML strings balance their angle brackets, braces and brackets nest, and
// every node id is a quoted string (so no name can read as a keyword or
// as syntax). Statements are attribute lists (graph, node, edge),
// subgraphs, anonymous blocks, attribute assignments and node or edge
// statements.
func parseDOT(src []byte) (dotGraph, error) {
	toks, err := lexDOT(src)
	if err != nil {
		return dotGraph{}, err
	}
	p := &dotParser{toks: toks, g: dotGraph{nodes: map[string]bool{}, edges: map[[2]string]bool{}}}
	if t := p.next(); t.kind != 'w' || t.text != "digraph" {
		return dotGraph{}, fmt.Errorf("starts with %q, want digraph", t.text)
	}
	if t := p.next(); t.kind != 'w' {
		return dotGraph{}, fmt.Errorf("graph name %q", t.text)
	}
	if err := p.block(); err != nil {
		return dotGraph{}, err
	}
	if p.pos < len(p.toks) {
		return dotGraph{}, fmt.Errorf("%q after the graph", p.peek().text)
	}
	return p.g, nil
}

// dotToken is one token of DOT source.
type dotToken struct {
	// kind is '"' for a quoted string, '<' for an HTML string, 'w' for a
	// word (keyword, attribute name or value, number), '>' for the edge
	// operator, the character itself for other punctuation, and 0 past the
	// end.
	kind byte
	text string // as written, with its quotes or angle brackets
}

// lexDOT splits DOT source into tokens.
func lexDOT(src []byte) ([]dotToken, error) {
	if !utf8.Valid(src) {
		return nil, errors.New("invalid UTF-8")
	}
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
	}
	var toks []dotToken
	for i := 0; i < len(src); {
		start, c := i, src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
			continue
		case c == '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				switch src[i] {
				case '\\':
					i++ // \" and \\ do not end the string
				case '\n', '\r':
					return nil, fmt.Errorf("line break in the quoted string at byte %d", start)
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("the quoted string at byte %d does not end", start)
			}
			i++
			tok := dotToken{'"', string(src[start:i])}
			if n := len(toks); n >= 2 && toks[n-1].kind == '+' && toks[n-2].kind == '"' { // "a" + "b"
				toks[n-2].text = toks[n-2].text[:len(toks[n-2].text)-1] + tok.text[1:]
				toks = toks[:n-1]
				continue
			}
			toks = append(toks, tok)
		case c == '<':
			for depth := 0; i < len(src); i++ {
				if src[i] == '<' {
					depth++
				} else if src[i] == '>' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			if i >= len(src) {
				return nil, fmt.Errorf("the HTML string at byte %d does not end", start)
			}
			i++
			toks = append(toks, dotToken{'<', string(src[start:i])})
		case c == '-' && i+1 < len(src) && src[i+1] == '>':
			i += 2
			toks = append(toks, dotToken{'>', "->"})
		case strings.IndexByte("{}[];,=+", c) >= 0:
			i++
			toks = append(toks, dotToken{c, string(c)})
		case isWord(c):
			for i < len(src) && isWord(src[i]) {
				i++
			}
			toks = append(toks, dotToken{'w', string(src[start:i])})
		default:
			return nil, fmt.Errorf("unquoted %q at byte %d", c, i)
		}
	}
	return toks, nil
}

// dotParser walks the tokens of DOT source, collecting nodes and edges.
type dotParser struct {
	toks []dotToken
	pos  int
	g    dotGraph
}

func (p *dotParser) peek() dotToken {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return dotToken{}
}

func (p *dotParser) next() dotToken {
	t := p.peek()
	p.pos++
	return t
}

// block parses { statements }.
func (p *dotParser) block() error {
	if t := p.next(); t.kind != '{' {
		return fmt.Errorf("%q where a { was expected", t.text)
	}
	for {
		switch p.peek().kind {
		case '}':
			p.pos++
			return nil
		case ';':
			p.pos++
		case 0:
			return errors.New("a block does not end")
		default:
			if err := p.statement(); err != nil {
				return err
			}
		}
	}
}

func (p *dotParser) statement() error {
	switch t := p.next(); {
	case t.kind == 'w' && (t.text == "graph" || t.text == "node" || t.text == "edge"):
		return p.attributes()
	case t.kind == 'w' && t.text == "subgraph":
		if name := p.next(); name.kind != 'w' {
			return fmt.Errorf("subgraph name %q", name.text)
		}
		return p.block()
	case t.kind == '{':
		p.pos--
		return p.block()
	case t.kind == 'w' && p.peek().kind == '=': // a graph attribute
		p.pos++
		return p.value()
	case t.kind == '"':
		id := unquote(t)
		if p.peek().kind != '>' {
			p.g.nodes[id] = true
		}
		for p.peek().kind == '>' {
			p.pos++
			to := p.next()
			if to.kind != '"' {
				return fmt.Errorf("edge to the unquoted id %q", to.text)
			}
			p.g.edges[[2]string{id, unquote(to)}] = true
			id = unquote(to)
		}
		if p.peek().kind == '[' {
			return p.attributes()
		}
		return nil
	default:
		return fmt.Errorf("a statement starts with %q: ids must be quoted strings", t.text)
	}
}

// attributes parses [name=value, …].
func (p *dotParser) attributes() error {
	if t := p.next(); t.kind != '[' {
		return fmt.Errorf("%q where a [ was expected", t.text)
	}
	for {
		switch t := p.next(); {
		case t.kind == ']':
			return nil
		case t.kind == ',' || t.kind == ';':
		case t.kind == 'w' && p.peek().kind == '=':
			p.pos++
			if err := p.value(); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%q in an attribute list", t.text)
		}
	}
}

// value parses an attribute value: a quoted string, an HTML string or a
// word.
func (p *dotParser) value() error {
	if t := p.next(); t.kind != '"' && t.kind != '<' && t.kind != 'w' {
		return fmt.Errorf("attribute value %q", t.text)
	}
	return nil
}

func unquote(t dotToken) string { return t.text[1 : len(t.text)-1] }

// dotIDText is the id of an actor as parseDOT reports it.
func dotIDText(name string) string {
	toks, err := lexDOT([]byte(dotID(name)))
	if err != nil || len(toks) != 1 {
		panic(fmt.Sprintf("dotID(%q) is not one quoted string: %v", name, err))
	}
	return unquote(toks[0])
}

func TestDOTQuoteSplits(t *testing.T) {
	for _, s := range []string{strings.Repeat(`\`, 3*maxDOTString), strings.Repeat("é", maxDOTString),
		strings.Repeat(`a"`, maxDOTString), strings.Repeat("x", maxDOTString-1) + `\"` + strings.Repeat("y", maxDOTString)} {
		q := dotID(s)
		for _, piece := range strings.Split(q, `" + "`) {
			if len(piece) > maxDOTString+1 || !utf8.ValidString(piece) {
				t.Errorf("a piece of %d bytes (or invalid UTF-8)", len(piece))
			}
		}
		if got, want := dotIDText(s), idEscaper.Replace(s); got != want {
			t.Errorf("dotID(%.20q…) joins back to %.20q…, want %.20q…", s, got, want)
		}
	}
	if got := dotID("AT&T &amp; &#0; &x;"); got != `"AT&T &amp;amp; &amp;#0; &amp;x;"` {
		t.Errorf("entities in ids: %s", got)
	}
}

func TestParseDOT(t *testing.T) {
	g, err := parseDOT(render(t, fixture(), DOT, Options{Note: "n"}))
	if err != nil {
		t.Fatal(err)
	}
	if !g.nodes[`C:\\Temp\\`] || !g.edges[[2]string{"Russia", "Ukraine"}] || !g.nodes["legend:note1"] {
		t.Errorf("parseDOT misses nodes or edges: %v", g)
	}
	for _, bad := range []string{
		`digraph g { "a }`,
		`digraph g { "a" -> b }`,
		`digraph g { graph }`,
		`digraph g { "a" [label=<x<b>y>] } >`,
		`digraph g { "a" [label="x` + "\n" + `"] }`,
		`digraph g { "a" [label=x y] }`,
		`digraph g { "a" } }`,
		`digraph g { "a" ; "b" `,
		"digraph g { \"\xff\" }",
		`digraph g { "a\" }`,
	} {
		if _, err := parseDOT([]byte(bad)); err == nil {
			t.Errorf("parseDOT accepts %s", bad)
		}
	}
}
