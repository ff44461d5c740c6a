package input

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// DefaultMaxDocBytes is the default Options.MaxDocBytes: 1 MiB.
const DefaultMaxDocBytes = 1 << 20

// maxLineBytes bounds one JSON Lines record; a longer line is a bad line.
const maxLineBytes = 256 << 20

// summaryNames is how many skipped files Summary names.
const summaryNames = 5

// Fields names the JSON Lines fields a document is read from. An empty name
// stands for the default one (see DefaultFields). Names are matched as
// encoding/json matches struct tags, so case-insensitively, and so must be
// made of letters, digits and punctuation other than quotes, backslash and
// comma; with other names, or one name given twice, JSON Lines files cannot
// be read.
type Fields struct{ Text, ID, Title, Date, URL, Source string }

// DefaultFields returns the field names of the JSON Lines contract: text, id,
// title, date, url and source.
func DefaultFields() Fields {
	return Fields{Text: "text", ID: "id", Title: "title", Date: "date", URL: "url", Source: "source"}
}

// withDefaults fills the empty names of f with the default ones.
func (f Fields) withDefaults() Fields {
	d := DefaultFields()
	or := func(name, def string) string {
		if name == "" {
			return def
		}
		return name
	}
	return Fields{Text: or(f.Text, d.Text), ID: or(f.ID, d.ID), Title: or(f.Title, d.Title),
		Date: or(f.Date, d.Date), URL: or(f.URL, d.URL), Source: or(f.Source, d.Source)}
}

// Options tune a Reader. The zero value is lenient, with default fields and
// document size.
type Options struct {
	// Fields names the JSON Lines fields.
	Fields Fields
	// Strict makes any bad input fatal; otherwise a bad file or line is
	// skipped and reported to Warn.
	Strict bool
	// Warn, when not nil, is called once per skipped file or line with an
	// *Error naming the path (and line).
	Warn func(error)
	// MaxDocBytes bounds the text of one document (DefaultMaxDocBytes when
	// 0): a longer text is split into several documents at paragraph,
	// sentence or word boundaries, each keeping the input's ID.
	MaxDocBytes int
}

// Stats counts what a Reader has done so far.
type Stats struct {
	Files        int   // files read through
	FilesSkipped int   // paths and files skipped
	Documents    int   // documents handed to emit
	LinesSkipped int   // bad JSON Lines records skipped
	Bytes        int64 // input bytes consumed (compressed bytes for gzip), for progress
}

// Reader expands paths and reads documents from them. Its Stats and Summary
// may be called from other goroutines while Read runs; Expand and Read must
// not run concurrently.
type Reader struct {
	opt     Options
	records records
	maxLine int // longest JSON Lines record accepted

	files, filesSkipped, documents, linesSkipped, bytes atomic.Int64

	mu      sync.Mutex
	skipped []*Error // the first skipped files, for Summary
}

// NewReader returns a Reader with the options opt.
func NewReader(opt Options) *Reader {
	opt.Fields = opt.Fields.withDefaults()
	if opt.MaxDocBytes <= 0 {
		opt.MaxDocBytes = DefaultMaxDocBytes
	}
	opt.MaxDocBytes = max(opt.MaxDocBytes, utf8.UTFMax)
	return &Reader{opt: opt, records: newRecords(opt.Fields), maxLine: maxLineBytes}
}

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	return Stats{
		Files:        int(r.files.Load()),
		FilesSkipped: int(r.filesSkipped.Load()),
		Documents:    int(r.documents.Load()),
		LinesSkipped: int(r.linesSkipped.Load()),
		Bytes:        r.bytes.Load(),
	}
}

// Summary tells in one line what was read and skipped, e.g. "12 files read,
// 2 skipped: a.bin (binary file), b.txt (permission denied); 3 bad lines
// skipped". It names at most five skipped files.
func (r *Reader) Summary() string {
	st := r.Stats()
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s read", st.Files, plural(st.Files, "file"))
	if st.FilesSkipped > 0 {
		fmt.Fprintf(&b, ", %d skipped: %s", st.FilesSkipped, r.skippedNames())
	}
	if st.LinesSkipped > 0 {
		fmt.Fprintf(&b, "; %d bad %s skipped", st.LinesSkipped, plural(st.LinesSkipped, "line"))
	}
	return b.String()
}

// skippedNames lists the first skipped files with their reasons.
func (r *Reader) skippedNames() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var names []string
	for i, e := range r.skipped {
		if i == summaryNames {
			names = append(names, "…")
			break
		}
		names = append(names, fmt.Sprintf("%s (%v)", e.Path, e.Err))
	}
	return strings.Join(names, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// skipFile returns e in strict mode; otherwise it counts and reports the
// file as skipped.
func (r *Reader) skipFile(e *Error) error {
	if r.opt.Strict {
		return e
	}
	r.filesSkipped.Add(1)
	r.mu.Lock()
	if len(r.skipped) <= summaryNames {
		r.skipped = append(r.skipped, e)
	}
	r.mu.Unlock()
	r.warn(e)
	return nil
}

// skipLine returns e in strict mode; otherwise it counts and reports the
// line as skipped.
func (r *Reader) skipLine(e *Error) error {
	if r.opt.Strict {
		return e
	}
	r.linesSkipped.Add(1)
	r.warn(e)
	return nil
}

func (r *Reader) warn(e *Error) {
	if r.opt.Warn != nil {
		r.opt.Warn(e)
	}
}

// Read calls emit with each document of the files (as returned by Expand),
// in order; stdin is read for "-". It stops at the first error from emit and,
// when strict, at the first bad file or line; otherwise those are skipped.
// A file that fails part way is counted as skipped, though the documents
// read before the failure have been emitted.
func (r *Reader) Read(files []string, stdin io.Reader, emit func(extract.Document) error) error {
	s := &sink{r: r, emit: emit}
	for _, path := range files {
		err := r.readPath(path, stdin, s)
		switch {
		case s.err != nil:
			return s.err
		case err != nil:
			if err := r.skipFile(fileError(path, err)); err != nil {
				return err
			}
		default:
			r.files.Add(1)
		}
	}
	return nil
}

// readPath opens path (stdin for "-") and reads its documents.
func (r *Reader) readPath(path string, stdin io.Reader, s *sink) error {
	f, gz, _ := formatOf(path)
	if path == Stdin {
		if stdin == nil {
			return errors.New("not available")
		}
		return r.readStream(path, f, gz, stdin, s)
	}
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	return r.readStream(path, f, gz, file, s)
}

// readStream reads the documents of one input, named path, from raw.
func (r *Reader) readStream(path string, f format, gz bool, raw io.Reader, s *sink) error {
	in := io.Reader(counter{raw, &r.bytes})
	if gz {
		zr, err := openGzip(in)
		if err != nil {
			return err
		}
		defer zr.Close()
		in = zr
	}
	text, err := s.dec.open(in)
	if err != nil {
		return err
	}
	if path == Stdin && startsObject(text) {
		f = jsonLines
	}
	switch f {
	case jsonLines:
		return r.readJSONL(path, text, s)
	case htmlPage:
		return readHTML(path, text, s)
	}
	return s.split(extract.Document{ID: path}, text)
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n *atomic.Int64
}

func (c counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
