package export

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestDOTGraphvizAccepts(t *testing.T) {
	dot := requireTool(t, "dot")
	for _, opts := range []Options{{}, {Title: `A "title" & \ more`, Note: "a \"note\" \\\non two lines"}, {Engine: "sfdp", Note: "<b> & \"c\""}} {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(render(t, fixture(), DOT, opts))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("dot -Tsvg with %+v: %v\n%s", opts, err, stderr.String())
		}
		// Every actor comes out as a node titled with its name.
		for _, n := range fixture().Nodes() {
			title := "<title>" + svgEscaper.Replace(svgTitle(n.Name)) + "</title>"
			if !bytes.Contains(out, []byte(title)) {
				t.Errorf("dot output has no node %s", title)
			}
		}
	}
}

// svgTitle is the title Graphviz gives the node of an actor: its id, which
// keeps the doubled backslashes.
// svgEscaper escapes text as Graphviz does in SVG (for the characters in
// the fixture's names).
var svgEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func svgTitle(name string) string { return strings.ReplaceAll(clean(name), `\`, `\\`) }

func TestDOTTooltipBackslash(t *testing.T) {
	dot := requireTool(t, "dot")
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = bytes.NewReader(render(t, fixture(), DOT, Options{}))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
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
