package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/pflag"
	"golang.org/x/term"
	"golang.org/x/text/width"

	"github.com/newsgraph/newsgraph/graph"
)

// queryOptions are the flags every query command shares: where the graph
// comes from and how the answer is written.
type queryOptions struct {
	corpusOptions
	graph  string
	format string
}

// formats are the values of --format.
var formats = []string{"table", "json", "jsonl", "csv", "tsv"}

// addFlags registers --graph, --format and the corpus flags; commands add
// their own flags first.
func (o *queryOptions) addFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.graph, "graph", "", "read a graph saved by build (.json or .graphml) instead of articles")
	fs.StringVar(&o.format, "format", "table", "table, json, jsonl, csv or tsv")
	o.corpusOptions.addFlags(fs, true)
}

// load checks --format, then reads the graph from --graph or builds it from
// the inputs.
func (o *queryOptions) load(e env, inputs []string) (*graph.Graph, error) {
	if !slices.Contains(formats, o.format) {
		return nil, usageError(fmt.Sprintf("--format %q: use %s", o.format, strings.Join(formats, ", ")))
	}
	if o.graph == "" && len(inputs) == 0 {
		return nil, usageError("no input: name files or directories of articles, or use --graph FILE")
	}
	return loadGraph(e, &o.corpusOptions, o.graph, inputs)
}

// resolve finds the actor a user names, with errors worded for the terminal.
func resolve(g *graph.Graph, query string) (string, error) {
	name, err := g.Resolve(query)
	var amb *graph.AmbiguousError
	if errors.As(err, &amb) {
		return "", fmt.Errorf("%q could be any of:\n  %s\nname one of them in full", amb.Query, strings.Join(amb.Candidates, "\n  "))
	}
	return name, err
}

// column describes one column of a table.
type column struct {
	name string
	// numeric columns are right-aligned.
	numeric bool
	// secondary columns are dimmed on a colour terminal.
	secondary bool
	// wrap columns are word-wrapped, rather than truncated, to fit a terminal.
	wrap bool
	// keepEnd columns lose their start, not their end, when truncated (for
	// file paths).
	keepEnd bool
	// pretty, when set, rewrites the column's cells in the table format only.
	pretty func(string) string
}

// table is one block of output: a title line and aligned rows.
type table struct {
	title   string
	columns []column
	rows    [][]string
	// notes are printed under the table, in the table format only.
	notes []string
}

// report is a command's answer in every format.
type report struct {
	// tables are shown in the table format. csv and tsv write flat when it
	// is set, and otherwise the first table.
	tables []table
	flat   *table
	// doc is the --format json document; records are the --format jsonl lines.
	doc     any
	records []any
}

// lines turns a list into jsonl records.
func lines[T any](list []T) []any {
	out := make([]any, len(list))
	for i, x := range list {
		out[i] = x
	}
	return out
}

// display is what the output goes to: a terminal (aligned to its width,
// maybe in colour) or a pipe or file (plain).
type display struct {
	terminal bool
	color    bool
	width    int
}

// defaultWidth is assumed for a terminal whose size cannot be read.
const defaultWidth = 100

// displayFor detects whether w is a terminal, and how wide it is.
func displayFor(w io.Writer) display {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return display{}
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		cols = 0
	}
	return terminal(cols, os.Getenv("NO_COLOR"))
}

// terminal is the display of a terminal cols wide (≤ 0: unknown), in colour
// unless noColor (the NO_COLOR variable) is set.
func terminal(cols int, noColor string) display {
	if cols <= 0 {
		cols = defaultWidth
	}
	return display{terminal: true, color: noColor == "", width: cols}
}

// write prints the report in the format asked for.
func write(e env, format string, r report) error {
	switch format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(r.doc)
	case "jsonl":
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, rec := range r.records {
			if err := enc.Encode(rec); err != nil {
				return err
			}
		}
		return nil
	case "csv", "tsv":
		t := r.flat
		if t == nil {
			t = &r.tables[0]
		}
		return writeSheet(e.stdout, format, *t)
	}
	d := displayFor(e.stdout)
	var b strings.Builder
	for i, t := range r.tables {
		if i > 0 {
			b.WriteByte('\n')
		}
		d.render(&b, t)
	}
	_, err := io.WriteString(e.stdout, b.String())
	return err
}

// writeSheet writes a table as CSV or TSV: a header of lower-case column
// names, then one line per row. TSV escapes backslashes, tabs and line
// breaks as \\, \t, \n and \r.
func writeSheet(w io.Writer, format string, t table) error {
	header := make([]string, len(t.columns))
	for i, c := range t.columns {
		header[i] = strings.ToLower(c.name)
	}
	if format == "csv" {
		cw := csv.NewWriter(w)
		_ = cw.Write(header)
		_ = cw.WriteAll(t.rows) // WriteAll flushes; errors surface below
		return cw.Error()
	}
	esc := strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	var b strings.Builder
	for _, row := range append([][]string{header}, t.rows...) {
		for i, cell := range row {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(esc.Replace(cell))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ANSI styles for a colour terminal.
const (
	bold  = "\x1b[1m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

// gap separates columns.
const gap = "  "

// minColumn is the narrowest a column is squeezed to on a terminal, and
// minWrap the narrowest a wrapped one is.
const (
	minColumn = 8
	minWrap   = 24
)

// render writes the title, the header and the rows, aligned. On a terminal
// the columns are fitted to its width, long cells truncated with … (or
// wrapped, for wrap columns), and colour is used when enabled.
func (d display) render(b *strings.Builder, t table) {
	if t.title != "" {
		b.WriteString(d.style(bold, t.title))
		b.WriteByte('\n')
	}
	if len(t.rows) > 0 {
		rows := make([][]string, len(t.rows))
		for i, row := range t.rows {
			rows[i] = make([]string, len(row))
			for j, cell := range row {
				if p := t.columns[j].pretty; p != nil {
					cell = p(cell)
				}
				rows[i][j] = cell
			}
		}
		widths := make([]int, len(t.columns))
		for j, c := range t.columns {
			widths[j] = textWidth(c.name)
			for _, row := range rows {
				widths[j] = max(widths[j], textWidth(row[j]))
			}
		}
		if d.terminal {
			fit(t.columns, widths, d.width)
		}
		header := make([]string, len(t.columns))
		for j, c := range t.columns {
			header[j] = c.name
		}
		d.line(b, t.columns, widths, header, bold)
		for _, row := range rows {
			d.row(b, t.columns, widths, row)
		}
	}
	for _, n := range t.notes {
		b.WriteString(d.style(dim, n))
		b.WriteByte('\n')
	}
}

// fit narrows columns until the table fits in total terminal columns: the
// widest secondary columns first, then wrapped columns (down to minWrap),
// then the widest of the others. No column is narrowed below minColumn or
// its header.
func fit(cols []column, widths []int, total int) {
	excess := func() int {
		w := len(gap) * (len(widths) - 1)
		for _, x := range widths {
			w += x
		}
		return w - total
	}
	floor := func(j int) int {
		if cols[j].wrap {
			return minWrap
		}
		return max(minColumn, textWidth(cols[j].name))
	}
	for _, eligible := range []func(column) bool{
		func(c column) bool { return c.secondary && !c.wrap },
		func(c column) bool { return c.wrap },
		func(c column) bool { return !c.wrap },
	} {
		for excess() > 0 {
			widest := -1
			for j, c := range cols {
				if eligible(c) && widths[j] > floor(j) && (widest < 0 || widths[j] > widths[widest]) {
					widest = j
				}
			}
			if widest < 0 {
				break
			}
			widths[widest]--
		}
	}
}

// row writes one row, over several lines when a wrap column needs them.
func (d display) row(b *strings.Builder, cols []column, widths []int, cells []string) {
	wrapped := make([][]string, len(cells))
	height := 1
	for j, c := range cols {
		if c.wrap && d.terminal {
			wrapped[j] = wrapText(cells[j], widths[j])
			height = max(height, len(wrapped[j]))
		}
	}
	for i := range height {
		line := make([]string, len(cells))
		for j := range cells {
			switch {
			case wrapped[j] == nil && i == 0:
				line[j] = cells[j]
			case i < len(wrapped[j]):
				line[j] = wrapped[j][i]
			}
		}
		d.line(b, cols, widths, line, "")
	}
}

// line writes one line of cells, each truncated and padded to its width
// (no padding after the last), in the column's style or in style.
func (d display) line(b *strings.Builder, cols []column, widths []int, cells []string, style string) {
	var out strings.Builder
	for j, c := range cols {
		cell := cells[j]
		if d.terminal {
			cell = truncate(cell, widths[j], c.keepEnd)
		}
		pad := strings.Repeat(" ", max(widths[j]-textWidth(cell), 0))
		switch {
		case c.numeric:
			cell = pad + cell
		case j < len(cols)-1:
			cell += pad
		}
		st := style
		if st == "" && c.secondary {
			st = dim
		}
		if j > 0 {
			out.WriteString(gap)
		}
		out.WriteString(d.style(st, cell))
	}
	b.WriteString(strings.TrimRight(out.String(), " "))
	b.WriteByte('\n')
}

// style wraps s in an ANSI style when colour is on.
func (d display) style(st, s string) string {
	if !d.color || st == "" || strings.TrimSpace(s) == "" {
		return s
	}
	return st + s + reset
}

// runeWidth is the number of terminal columns a rune takes.
func runeWidth(r rune) int {
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// textWidth is the number of terminal columns s takes.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// truncate shortens s to at most w columns, marking the cut with …: at
// the end, or at the start when keepEnd.
func truncate(s string, w int, keepEnd bool) string {
	if textWidth(s) <= w {
		return s
	}
	r := []rune(s)
	if keepEnd {
		slices.Reverse(r)
	}
	kept := make([]rune, 0, w)
	used := 0
	for _, x := range r {
		if used+runeWidth(x) > w-1 {
			break
		}
		kept = append(kept, x)
		used += runeWidth(x)
	}
	if keepEnd {
		slices.Reverse(kept)
		return "…" + strings.TrimLeft(string(kept), " ")
	}
	return strings.TrimRight(string(kept), " ") + "…"
}

// wrapText breaks s into lines of at most w columns at spaces, cutting
// words longer than a line.
func wrapText(s string, w int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		for textWidth(word) > w {
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			head := strings.TrimSuffix(truncate(word, w, false), "…")
			lines = append(lines, head)
			word = word[len(head):]
		}
		switch {
		case cur == "":
			cur = word
		case textWidth(cur)+1+textWidth(word) <= w:
			cur += " " + word
		default:
			lines, cur = append(lines, cur), word
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// count writes "1 hop", "3 hops".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// outputHelp describes the output of every query command, for --help.
const outputHelp = `
The answer is an aligned table. On a terminal it fits the window (long
cells cut with …, sentences wrapped) and uses colour unless NO_COLOR is
set; to a pipe or a file it is plain, one line per row. --format json,
jsonl, csv or tsv writes it for scripts.

`
