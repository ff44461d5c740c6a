package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// stmt is a short way to write a test statement.
func stmt(doc, s, st, rel, o, ot, m string) extract.Triple {
	return extract.Triple{Doc: doc, Subject: s, SubjectType: st, Relation: rel, Object: o,
		ObjectType: ot, Modality: m, Sentence: s + " " + rel + " " + o + ".", Verb: rel}
}

// fixedGraph saves a small graph of three articles and returns its path.
func fixedGraph(t *testing.T) string {
	t.Helper()
	const p, c, o = extract.Person, extract.Country, extract.Organization
	g := graph.New()
	g.Add(extract.Result{Doc: "a.txt", Date: "2024-03-01",
		Actors: []extract.Actor{
			{Name: "Emmanuel Macron", Type: p, Aliases: []string{"Macron", "French President Emmanuel Macron"}},
			{Name: "Russia", Type: c, Aliases: []string{"Kremlin", "Moscow"}},
		},
		Triples: []extract.Triple{
			stmt("a.txt", "Emmanuel Macron", p, "met-with", "Vladimir Putin", p, "asserted"),
			stmt("a.txt", "Vladimir Putin", p, "leader-of", "Russia", c, "asserted"),
			stmt("a.txt", "European Union", o, "sanctioned", "Russia", c, "asserted"),
		}})
	g.Add(extract.Result{Doc: "b.txt", Date: "2024-03-02",
		Triples: []extract.Triple{
			stmt("b.txt", "Vladimir Putin", p, "spoke-with", "Emmanuel Macron", p, "asserted"),
			stmt("b.txt", "Vladimir Putin", p, "warned", "European Union", o, "asserted"),
			stmt("b.txt", "Imran Khan", p, "criticized", "Vladimir Putin", p, "asserted"),
			stmt("b.txt", "Ayesha Khan", p, "praised", "Vladimir Putin", p, "asserted"),
		}})
	g.Add(extract.Result{Doc: "c.txt",
		Triples: []extract.Triple{
			stmt("c.txt", "Emmanuel Macron", p, "visited", "Ukraine", c, "planned"),
			stmt("c.txt", "Russia", c, "attacked", "Ukraine", c, "hypothetical"),
			stmt("c.txt", "Ukraine", c, "accused", "Russia", c, "asserted"),
			stmt("c.txt", "Emmanuel Macron", p, "met-with", "Vladimir Putin", p, "planned"),
		}})
	path := filepath.Join(t.TempDir(), "fixed.json")
	if err := export.WriteFile(path, g, export.JSON, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// callOK runs a command line that must succeed and returns its output.
func callOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := call(t, "", args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// TestQueriesOnFixedGraph checks the exact output of each query command on
// a small saved graph, in each format.
func TestQueriesOnFixedGraph(t *testing.T) {
	g := fixedGraph(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"neighbors", "macron"}, `
Emmanuel Macron (person): 2 neighbors
NEIGHBOR        TYPE     DIRECTION  RELATIONS                           ARTICLES
Vladimir Putin  person   ↔ both     met-with×2 (planned), spoke-with×1         3
Ukraine         country  → out      visited×1 (planned)                        1
`},
		{[]string{"neighbors", "PUTIN", "--depth", "2", "--limit", "3"}, `
Vladimir Putin (person): 6 neighbors, the first 3 shown
NEIGHBOR         TYPE          HOPS  VIA  DIRECTION  RELATIONS                           ARTICLES
Emmanuel Macron  person           1       ↔ both     met-with×2 (planned), spoke-with×1         3
Ayesha Khan      person           1       ← in       praised×1                                  1
European Union   organization     1       → out      warned×1                                   1
`},
		{[]string{"neighbors", "Vladimir Putin", "--depth", "2", "--direction", "out", "--format", "tsv"}, `
neighbor	type	hops	via	direction	relations	articles
Emmanuel Macron	person	1		both	met-with×2 (planned), spoke-with×1	3
European Union	organization	1		out	warned×1	1
Russia	country	1		out	leader-of×1	1
Ukraine	country	2	Emmanuel Macron	out	visited×1 (planned)	1
`},
		{[]string{"neighbors", "the Kremlin", "--direction", "in", "--modality", "asserted", "--format", "csv"}, `
neighbor,type,direction,relations,articles
European Union,organization,in,sanctioned×1,1
Ukraine,country,in,accused×1,1
Vladimir Putin,person,in,leader-of×1,1
`},
		{[]string{"neighbors", "EU", "--relation", "warned", "--format", "jsonl"}, `
{"name":"Vladimir Putin","type":"person","hops":1,"direction":"in","relations":[{"relation":"warned","count":1,"modalities":{"asserted":1},"first_seen":"2024-03-02","last_seen":"2024-03-02"}],"count":1,"articles":1}
`},
		{[]string{"neighbors", "Ukraine", "--min-weight", "2"}, `
Ukraine (country): 0 neighbors
`},
		{[]string{"evidence", "Macron", "Putin"}, `
Emmanuel Macron – Vladimir Putin: 3 statements
DATE        DOC    SOURCE           RELATION    TARGET          MODALITY  SENTENCE
2024-03-01  a.txt  Emmanuel Macron  met-with    Vladimir Putin  asserted  Emmanuel Macron met-with Vladimir Putin.
2024-03-02  b.txt  Emmanuel Macron  spoke-with  Vladimir Putin  asserted  Vladimir Putin spoke-with Emmanuel Macron.
            c.txt  Emmanuel Macron  met-with    Vladimir Putin  planned   Emmanuel Macron met-with Vladimir Putin.
`},
		{[]string{"evidence", "Russia", "--modality", "asserted", "--limit", "2"}, `
Russia: 3 statements
DATE        DOC    SOURCE          RELATION    TARGET  MODALITY  SENTENCE
2024-03-01  a.txt  European Union  sanctioned  Russia  asserted  European Union sanctioned Russia.
2024-03-01  a.txt  Vladimir Putin  leader-of   Russia  asserted  Vladimir Putin leader-of Russia.
2 of 3 sentences shown (--limit).
`},
		{[]string{"evidence", "Russia", "Ukraine", "--format", "csv"}, `
date,doc,source,relation,target,modality,sentence
,c.txt,Russia,attacked,Ukraine,hypothetical,Russia attacked Ukraine.
,c.txt,Ukraine,accused,Russia,asserted,Ukraine accused Russia.
`},
		{[]string{"path", "Macron", "EU"}, `
Emmanuel Macron to European Union: 2 hops
HOP  FROM             DIRECTION  RELATION  TO              ARTICLES  DOC    EVIDENCE
  1  Emmanuel Macron  ↔ both     met-with  Vladimir Putin         3  a.txt  Emmanuel Macron met-with Vladimir Putin.
  2  Vladimir Putin   → out      warned    European Union         1  b.txt  Vladimir Putin warned European Union.
`},
		{[]string{"path", "Macron", "Russia", "--format", "tsv"}, `
hop	from	direction	relation	to	articles	doc	evidence
1	Emmanuel Macron	out	visited	Ukraine	1	c.txt	Emmanuel Macron visited Ukraine.
2	Ukraine	in	attacked	Russia	1	c.txt	Russia attacked Ukraine.
`},
		{[]string{"path", "Macron", "Russia", "--weighted", "--format", "tsv"}, `
hop	from	direction	relation	to	articles	doc	evidence
1	Emmanuel Macron	both	met-with	Vladimir Putin	3	a.txt	Emmanuel Macron met-with Vladimir Putin.
2	Vladimir Putin	out	leader-of	Russia	1	a.txt	Vladimir Putin leader-of Russia.
`},
		{[]string{"actors"}, `
7 actors
ACTOR            TYPE          ARTICLES  DEGREE  WEIGHT  ALIASES
Emmanuel Macron  person               3       2       4  French President Emmanuel Macron; Macron
Vladimir Putin   person               3       5       7
European Union   organization         2       2       2
Russia           country              2       3       3  Kremlin; Moscow
Ayesha Khan      person               1       1       1
Imran Khan       person               1       1       1
Ukraine          country              1       2       2
`},
		{[]string{"actors", "--type", "person", "--top", "2", "--by", "degree", "--format", "csv"}, `
actor,type,articles,degree,weight,aliases
Vladimir Putin,person,3,5,7,
Emmanuel Macron,person,3,2,4,French President Emmanuel Macron; Macron
`},
		{[]string{"stats", "--top", "2"}, `
Graph
WHAT                       COUNT
documents with statements      3
sentences with statements     11
statements (triples)          11
actors                         7
links (actor pairs)            9

Statements by relation
RELATION    COUNT
met-with        2
accused         1
attacked        1
criticized      1
leader-of       1
praised         1
sanctioned      1
spoke-with      1
visited         1
warned          1

Statements by modality
MODALITY      COUNT
asserted          8
planned           2
hypothetical      1

Actors by type
TYPE          COUNT
person            4
country           2
organization      1

Strongest links (top 2)
SOURCE           RELATION  TARGET          ARTICLES  STATEMENTS
Emmanuel Macron  met-with  Vladimir Putin         3           3
Ayesha Khan      praised   Vladimir Putin         1           1
`},
		{[]string{"stats", "--top", "1", "--format", "tsv"}, `
section	label	value
graph	documents with statements	3
graph	sentences with statements	11
graph	statements (triples)	11
graph	actors	7
graph	links (actor pairs)	9
relation	met-with	2
relation	accused	1
relation	attacked	1
relation	criticized	1
relation	leader-of	1
relation	praised	1
relation	sanctioned	1
relation	spoke-with	1
relation	visited	1
relation	warned	1
modality	asserted	8
modality	planned	2
modality	hypothetical	1
type	person	4
type	country	2
type	organization	1
link	Emmanuel Macron met-with Vladimir Putin	3
`},
	}
	for _, tt := range tests {
		got := callOK(t, append(tt.args, "--graph", g)...)
		if want := strings.TrimPrefix(tt.want, "\n"); got != want {
			t.Errorf("%v:\n%s\nwant:\n%s", tt.args, got, want)
		}
	}
}

// TestQueriesJSON checks the documents --format json writes.
func TestQueriesJSON(t *testing.T) {
	g := fixedGraph(t)
	out := callOK(t, "path", "EU", "ukraine", "--graph", g, "--format", "json")
	want := `{
  "from": "European Union",
  "to": "Ukraine",
  "hops": [
    {
      "from": "European Union",
      "to": "Russia",
      "direction": "out",
      "relation": "sanctioned",
      "statements": 1,
      "articles": 1,
      "evidence": {
        "doc": "a.txt",
        "date": "2024-03-01",
        "relation": "sanctioned",
        "modality": "asserted",
        "verb": "sanctioned",
        "sentence": "European Union sanctioned Russia."
      }
    },
    {
      "from": "Russia",
      "to": "Ukraine",
      "direction": "out",
      "relation": "attacked",
      "statements": 1,
      "articles": 1,
      "evidence": {
        "doc": "c.txt",
        "relation": "attacked",
        "modality": "hypothetical",
        "verb": "attacked",
        "sentence": "Russia attacked Ukraine."
      }
    }
  ]
}
`
	if out != want {
		t.Errorf("path --format json:\n%s", out)
	}
	for _, args := range [][]string{
		{"neighbors", "Ukraine", "--relation", "warned"},
		{"evidence", "Ukraine", "--relation", "warned"},
		{"actors", "--type", "group"},
	} {
		out := callOK(t, append(args, "--graph", g, "--format", "json")...)
		if !strings.Contains(out, "[]") || strings.Contains(out, "null") {
			t.Errorf("%v: empty lists should be [] in JSON:\n%s", args, out)
		}
	}
	out = callOK(t, "stats", "--graph", g, "--format", "jsonl", "--top", "0")
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, `{"actors":7,"edges":9,"statements":11,"documents":3,"sentences":11,"evidence_complete":true,`) {
		t.Errorf("stats --format jsonl: %s", out)
	}
}

// TestQueriesOnSamples runs each query command on the bundled articles and
// on a graph saved from them.
func TestQueriesOnSamples(t *testing.T) {
	saved := filepath.Join(t.TempDir(), "samples.json")
	callOK(t, "build", samples, "-o", saved)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"neighbors", "macron", "--depth", "2"}, []string{"Emmanuel Macron (person)", "HOPS", "Vladimir Putin", "spoke-with×"}},
		{[]string{"neighbors", "the Kremlin", "--direction", "in", "--format", "csv"}, []string{"neighbor,type,direction,relations,articles\n", "Vladimir Putin,person,in,leader-of×"}},
		{[]string{"evidence", "Macron", "Putin"}, []string{"Emmanuel Macron – Vladimir Putin: ", "spoke-with", "Macron spoke with Putin"}},
		{[]string{"path", "Macron", "Lavrov"}, []string{"Emmanuel Macron to Sergei Lavrov: ", "EVIDENCE"}},
		{[]string{"actors", "--top", "3", "--by", "degree"}, []string{"3 actors, the top 3 by degree", "Russia"}},
		{[]string{"stats"}, []string{"documents with statements", "6\n", "Statements by relation", "Strongest links"}},
	}
	for _, tt := range tests {
		fromArticles := callOK(t, append(tt.args[:len(tt.args):len(tt.args)], samples)...)
		for _, w := range tt.want {
			if !strings.Contains(fromArticles, w) {
				t.Errorf("%v lacks %q:\n%s", tt.args, w, fromArticles)
			}
		}
		if fromFile := callOK(t, append(tt.args, "--graph", saved)...); fromFile != fromArticles {
			t.Errorf("%v differs between articles and a saved graph:\n%s\nvs\n%s", tt.args, fromArticles, fromFile)
		}
	}
}

// TestQueryErrors checks that failed queries say why, list candidates or
// suggestions, and exit 1.
func TestQueryErrors(t *testing.T) {
	g := fixedGraph(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"neighbors", "Khan"}, "\"Khan\" could be any of:\n  Ayesha Khan\n  Imran Khan\nname one of them in full\n"},
		{[]string{"evidence", "Macron", "Khan"}, "could be any of:\n  Ayesha Khan\n  Imran Khan"},
		{[]string{"path", "Putn", "Macron"}, `no actor named "Putn" in the graph; did you mean Vladimir Putin?`},
		{[]string{"path", "Macron"}, "name two actors"},
		{[]string{"path", "Macron", "Macron"}, "the same actor"},
		{[]string{"neighbors", "Macron", "--format", "xml"}, `--format "xml": use table, json, jsonl, csv, tsv`},
		{[]string{"neighbors", "Macron", "--depth", "0"}, `--depth 0`},
		{[]string{"evidence", "Macron", "--modality", "rumoured"}, `--modality: unknown modality "rumoured"`},
		{[]string{"actors", "--by", "charisma"}, `--by "charisma"`},
		{[]string{"actors", "--type", "alien"}, `--type "alien"`},
	}
	for _, tt := range tests {
		code, _, errOut := call(t, "", append(tt.args, "--graph", g)...)
		if code != exitError || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tt.args, code, errOut, tt.want)
		}
	}
	for _, name := range []string{"evidence", "path", "actors", "stats"} {
		code, _, errOut := call(t, "", name, "A", "B")
		if code != exitError || !strings.Contains(errOut, "no input") && !strings.Contains(errOut, "no such file") {
			t.Errorf("%s without input: exit %d, %q", name, code, errOut)
		}
	}
	if code, out, _ := call(t, "", "help", "path"); code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "--weighted") {
		t.Errorf("help path: %s", out)
	}
}

// TestTerminalTable checks the table on a terminal: fitted to its width,
// long cells truncated with … or wrapped, colour when enabled.
func TestTerminalTable(t *testing.T) {
	tb := table{
		title:   "Title",
		columns: []column{{name: "NAME"}, {name: "TYPE", secondary: true}, {name: "N", numeric: true}, {name: "TEXT", wrap: true}},
		rows: [][]string{
			{"Alexandria Ocasio-Cortez of New York", "person", "12", "The quick brown fox jumps over the lazy dog near the riverbank."},
			{"東京都", "place", "3", "short"},
		},
		notes: []string{"a note"},
	}
	var b strings.Builder
	display{terminal: true, width: 60}.render(&b, tb)
	want := `Title
NAME                    TYPE     N  TEXT
Alexandria Ocasio-Cor…  person  12  The quick brown fox
                                    jumps over the lazy dog
                                    near the riverbank.
東京都                  place    3  short
a note
`
	if b.String() != want {
		t.Errorf("terminal, 60 columns:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if textWidth(line) > 60 {
			t.Errorf("line wider than the terminal: %q", line)
		}
	}
	b.Reset()
	display{terminal: true, color: true, width: 200}.render(&b, table{title: "T", columns: tb.columns[:2], rows: [][]string{{"東京都", "place"}}})
	want = "\x1b[1mT\x1b[0m\n\x1b[1mNAME  \x1b[0m  \x1b[1mTYPE\x1b[0m\n東京都  \x1b[2mplace\x1b[0m\n"
	if b.String() != want {
		t.Errorf("colour:\n%q\nwant\n%q", b.String(), want)
	}
	b.Reset()
	display{}.render(&b, tb)
	if !strings.Contains(b.String(), "Alexandria Ocasio-Cortez of New York  person  12  The quick brown fox jumps over the lazy dog near the riverbank.\n") {
		t.Errorf("a pipe should get whole cells on one line:\n%s", b.String())
	}
}

func TestDisplay(t *testing.T) {
	if d := displayFor(&strings.Builder{}); d.terminal || d.color {
		t.Errorf("a buffer is not a terminal: %+v", d)
	}
	if d := terminal(80, ""); d != (display{terminal: true, color: true, width: 80}) {
		t.Errorf("terminal 80 wide: %+v", d)
	}
	if d := terminal(0, "1"); d != (display{terminal: true, color: false, width: defaultWidth}) {
		t.Errorf("terminal of unknown width with NO_COLOR=1: %+v", d)
	}
}

func TestSheetEscapes(t *testing.T) {
	tb := table{columns: []column{{name: "A"}, {name: "B"}}, rows: [][]string{{"x\ty", "line\nbreak \\ \"q\", r"}}}
	var b strings.Builder
	if err := writeSheet(&b, "tsv", tb); err != nil || b.String() != "a\tb\nx\\ty\tline\\nbreak \\\\ \"q\", r\n" {
		t.Errorf("tsv: %q, %v", b.String(), err)
	}
	b.Reset()
	if err := writeSheet(&b, "csv", tb); err != nil || b.String() != "a,b\nx\ty,\"line\nbreak \\ \"\"q\"\", r\"\n" {
		t.Errorf("csv: %q, %v", b.String(), err)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in      string
		w       int
		keepEnd bool
		want    string
	}{
		{"Vladimir Putin", 14, false, "Vladimir Putin"},
		{"Vladimir Putin", 10, false, "Vladimir…"},
		{"samples/02-macron.txt", 10, true, "…acron.txt"},
		{"東京都庁", 5, false, "東京…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.w, tt.keepEnd); got != tt.want || textWidth(got) > tt.w {
			t.Errorf("truncate(%q, %d, %v) = %q, want %q", tt.in, tt.w, tt.keepEnd, got, tt.want)
		}
	}
	widths := []int{30, 12, 40}
	fit([]column{{name: "NAME"}, {name: "DOCUMENT", secondary: true}, {name: "TEXT", wrap: true}}, widths, 60)
	if want := []int{24, 8, 24}; !slices.Equal(widths, want) {
		t.Errorf("fit to 60 columns: %v, want %v (secondary, then wrapped, then the rest)", widths, want)
	}
}
