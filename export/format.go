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
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

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
// A full disk gives the error "export: write PATH: no space left on
// device" (errors.Is syscall.ENOSPC). RemoveUnfinished abandons the writes
// in progress when the program is interrupted.
func WriteFile(path string, g *graph.Graph, f Format, opts Options) error {
	return writeFileAtomic(path, func(w io.Writer) error {
		if err := Write(w, g, f, opts); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
}

// writeFileAtomic runs write into a temporary file next to path and renames
// it over path once everything has been written and synced. Until then the
// temporary file is registered in unfinished, for RemoveUnfinished.
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
	tmp, err := unfinished.create(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("export: create temporary file for %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			unfinished.remove(tmp.Name())
			tmp.Close() // already failing: the first error is the one to report
			os.Remove(tmp.Name())
		}
	}()
	fw := &errRecorder{w: fileWriter(tmp)}
	bw := bufio.NewWriter(fw)
	if err := write(bw); err != nil {
		if fw.err != nil { // the disk failed, not the format
			return writeError(path, fw.err)
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		return writeError(path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fmt.Errorf("export: chmod %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		return writeError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(path, err)
	}
	if err := unfinished.rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// errRecorder is a writer that keeps its first error.
type errRecorder struct {
	w   io.Writer
	err error
}

func (f *errRecorder) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if f.err == nil {
		f.err = err
	}
	return n, err
}

// writeError reports an error writing the temporary file for path (a full
// disk, say) as an error writing path: the temporary file is gone by the
// time the user reads it.
func writeError(path string, err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		err = pe.Err
	}
	return fmt.Errorf("export: write %s: %w", path, err)
}

// fileWriter returns what writeFileAtomic writes the temporary file
// through: the file itself. Tests replace it to simulate a full disk or a
// write that hangs.
var fileWriter = func(f *os.File) io.Writer { return f }

// unfinished holds the temporary files of the writes in progress.
var unfinished = &tempFiles{paths: map[string]bool{}}

// tempFiles is a set of temporary files safe for concurrent use.
type tempFiles struct {
	mu    sync.Mutex
	paths map[string]bool
}

// create makes a temporary file in dir (see os.CreateTemp) and adds it to
// the set, under the lock so that RemoveUnfinished cannot miss it.
func (s *tempFiles) create(dir, pattern string) (*os.File, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := os.CreateTemp(dir, pattern)
	if err == nil {
		s.paths[f.Name()] = true
	}
	return f, err
}

func (s *tempFiles) remove(tmp string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.paths, tmp)
}

// rename moves a finished temporary file to path, unless RemoveUnfinished
// has removed it meanwhile. Holding the lock while renaming means that
// once RemoveUnfinished returns no write in progress can still replace its
// target.
func (s *tempFiles) rename(tmp, path string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.paths[tmp] {
		return fmt.Errorf("export: write %s: interrupted", path)
	}
	delete(s.paths, tmp)
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("export: rename %s to %s: %w", tmp, path, err)
	}
	return nil
}

// RemoveUnfinished is for a signal handler: it removes the temporary files
// of writes still in progress, so that an interrupted run leaves neither a
// truncated file nor a stray temporary one. Files that a write has already
// renamed into place are complete and stay; a write it interrupts leaves
// the file at its path as it was and returns an error. It is safe to call
// at any time from any goroutine; writes started after it returns are not
// affected, so call it just before exiting.
func RemoveUnfinished() {
	unfinished.mu.Lock()
	defer unfinished.mu.Unlock()
	for tmp := range unfinished.paths {
		os.Remove(tmp)
		delete(unfinished.paths, tmp)
	}
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
// an edge whose endpoint is not a node, or a date that is not YYYY-MM-DD.
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
	if err := checkDates(e); err != nil {
		return err
	}
	b.g.AddEdge(e)
	return nil
}

// checkDates refuses an edge with a date that is neither empty nor
// YYYY-MM-DD, the form the graph package gives dates: the readers refuse
// it, and GraphML's relation_dates and GEXF's spells could not carry it.
func checkDates(e graph.Edge) error {
	dates := []string{e.FirstSeen, e.LastSeen}
	for _, r := range e.Relations {
		dates = append(dates, r.FirstSeen, r.LastSeen)
	}
	for _, ev := range e.Evidence {
		dates = append(dates, ev.Date)
	}
	for _, d := range dates {
		if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
			return fmt.Errorf("edge %q -> %q: date %q is not YYYY-MM-DD", e.Source, e.Target, d)
		}
	}
	return nil
}
