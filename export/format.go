// Package export writes a newsgraph actor graph to files — DOT, GraphML,
// GEXF, SVG, PNG and newsgraph's own lossless JSON — and reads back the formats it
// owns (JSON and GraphML). Every writer is deterministic: the same graph and
// options give the same bytes.
package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Format names an output (or input) file format.
type Format string

// The formats export knows. JSON and GraphML can also be read back. DOT,
// SVG and PNG are diagrams (see IsDiagram); the others are data.
const (
	DOT     Format = "dot"
	GraphML Format = "graphml"
	SVG     Format = "svg"
	PNG     Format = "png"
	JSON    Format = "json"
	GEXF    Format = "gexf"
)

// Formats lists every format in a fixed order.
var Formats = []Format{DOT, GraphML, GEXF, SVG, PNG, JSON}

// extensions maps each file extension (lower case) to its format.
var extensions = map[string]Format{
	".dot":     DOT,
	".gv":      DOT,
	".graphml": GraphML,
	".gexf":    GEXF,
	".svg":     SVG,
	".png":     PNG,
	".json":    JSON,
}

// Options tunes the writers. The zero value is ready to use.
type Options struct {
	// Engine is the Graphviz layout engine for SVG and PNG ("dot", "sfdp",
	// "neato", …). Empty picks dot for small graphs and sfdp for large ones.
	// When set it is also recorded in DOT output as the layout attribute.
	Engine string
	// Title, when set, is shown as the graph label (DOT, SVG, PNG) and kept
	// as the file description (GraphML, GEXF, JSON).
	Title string
	// Note, when set, is a line added to the legend of diagrams, such as
	// what a filter left out. Data formats ignore it.
	Note string
}

// IsDiagram reports whether f draws the graph (DOT, SVG, PNG) rather than
// carrying its data.
func IsDiagram(f Format) bool { return f == DOT || f == SVG || f == PNG }

// ParseFormat returns the format with this name (case-insensitive, as in
// --format): dot, graphml, gexf, svg, png or json.
func ParseFormat(name string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(name, string(f)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("export: unknown format %q; known formats: %s", name, knownFormats())
}

// FormatFromPath returns the format named by the extension of path
// (case-insensitive): .dot or .gv, .graphml, .gexf, .svg, .png, .json.
func FormatFromPath(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := extensions[ext]; ok {
		return f, nil
	}
	return "", fmt.Errorf("export: cannot tell the format of %q from its extension %q; known formats: %s",
		path, ext, knownFormats())
}

// knownFormats lists the formats and their extensions for error messages.
func knownFormats() string {
	parts := make([]string, len(Formats))
	for i, f := range Formats {
		parts[i] = string(f)
		if f == DOT {
			parts[i] = "dot (.dot, .gv)"
		}
	}
	return strings.Join(parts, ", ")
}

// Write writes g to w in format f.
func Write(w io.Writer, g *graph.Graph, f Format, opts Options) error {
	var err error
	switch f {
	case DOT:
		err = writeDOT(w, g, opts)
	case GraphML:
		err = writeGraphML(w, g, opts)
	case GEXF:
		err = writeGEXF(w, g, opts)
	case SVG:
		err = writeSVG(w, g, opts)
	case PNG:
		err = writePNG(w, g, opts)
	case JSON:
		err = writeJSON(w, g, opts)
	default:
		return fmt.Errorf("export: unknown format %q; known formats: %s", f, knownFormats())
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", f, err)
	}
	return nil
}

// WriteFile writes g to path in format f, atomically: the output goes to a
// temporary file in the same directory, which is synced and then renamed over
// path. On any error the temporary file is removed and a file already at path
// is left untouched. An existing file keeps its permissions; a new one gets
// 0644. When path is a symbolic link, the file it points to is replaced.
func WriteFile(path string, g *graph.Graph, f Format, opts Options) error {
	return writeFileAtomic(path, func(w io.Writer) error {
		if err := Write(w, g, f, opts); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
}

// writeFileAtomic runs write into a temporary file next to path and renames
// it over path once everything has been written and synced.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("export: %s is not a regular file", path)
		}
		mode = fi.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("export: create temporary file for %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close() // already failing: the first error is the one to report
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("export: chmod %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("export: sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: close %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: rename %s to %s: %w", tmp.Name(), path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable. It is best effort: the new file is
// already in place, and some file systems cannot sync a directory.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// Read reads a graph written by this package in format f (JSON or GraphML).
// An empty f detects the format from the content.
func Read(r io.Reader, f Format) (*graph.Graph, error) {
	br := bufio.NewReader(r)
	if f == "" {
		var err error
		if f, err = sniff(br); err != nil {
			return nil, err
		}
	}
	var (
		g   *graph.Graph
		err error
	)
	switch f {
	case JSON:
		g, err = readJSON(br)
	case GraphML:
		g, err = readGraphML(br)
	default:
		return nil, fmt.Errorf("export: cannot read %s files; only %s and %s are read back", f, JSON, GraphML)
	}
	if err != nil {
		return nil, fmt.Errorf("export: read %s: %w", f, err)
	}
	return g, nil
}

// ReadFile reads a graph file written by this package. The format comes from
// the extension (.json, .graphml) or, for any other extension, from the
// content.
func ReadFile(path string) (*graph.Graph, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer file.Close()
	f, err := FormatFromPath(path)
	if err != nil || (f != JSON && f != GraphML) {
		f = "" // sniff the content
	}
	g, err := Read(file, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// sniffSize is how many leading bytes sniff looks at.
const sniffSize = 4096

// sniff tells JSON from GraphML by the first bytes of the content.
func sniff(br *bufio.Reader) (Format, error) {
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", fmt.Errorf("export: %w", err)
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(trimmed, []byte("{")):
		return JSON, nil
	case bytes.HasPrefix(trimmed, []byte("<")) && bytes.Contains(head, []byte("<graphml")):
		return GraphML, nil
	}
	return "", fmt.Errorf("export: content is neither a newsgraph JSON graph nor GraphML")
}

// textWriter buffers text output and keeps the first write error, so the
// writers can print line after line and check once at the end.
type textWriter struct {
	w   *bufio.Writer
	err error
}

func newTextWriter(w io.Writer) *textWriter { return &textWriter{w: bufio.NewWriter(w)} }

// printf formats one piece of output; it does nothing after an error.
func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

// flush writes out the buffer and returns the first error.
func (t *textWriter) flush() error {
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

// builder rebuilds a graph from the nodes and edges of a saved file. It
// refuses what would not come back as written: a node or edge listed twice,
// or an edge whose endpoint is not a node.
type builder struct{ g *graph.Graph }

func newBuilder() *builder { return &builder{g: graph.New()} }

func (b *builder) node(n graph.Node) error {
	if _, dup := b.g.Node(n.Name); dup {
		return fmt.Errorf("node %q is listed twice", n.Name)
	}
	b.g.AddNode(n)
	return nil
}

func (b *builder) edge(e graph.Edge) error {
	for _, end := range []string{e.Source, e.Target} {
		if _, ok := b.g.Node(end); !ok {
			return fmt.Errorf("edge %q -> %q: node %q is not declared", e.Source, e.Target, end)
		}
	}
	if _, dup := b.g.Edge(e.Source, e.Target); dup {
		return fmt.Errorf("edge %q -> %q is listed twice", e.Source, e.Target)
	}
	b.g.AddEdge(e)
	return nil
}
