package input

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// sink hands documents to emit, remembering emit's error so that it is told
// apart from input errors, and splits long texts.
type sink struct {
	r    *Reader
	emit func(extract.Document) error
	err  error  // the error emit returned
	buf  []byte // the window split reads into, reused across inputs
	dec  decoder
}

// doc emits d unless its text is blank.
func (s *sink) doc(d extract.Document) error {
	if strings.TrimSpace(d.Text) == "" {
		return nil
	}
	if err := s.emit(d); err != nil {
		s.err = err
		return err
	}
	s.r.documents.Add(1)
	return nil
}

// text emits d with the given text, split when it is too long.
func (s *sink) text(d extract.Document, text string) error {
	if len(text) <= s.r.opt.MaxDocBytes {
		d.Text = text
		return s.doc(d)
	}
	return s.split(d, strings.NewReader(text))
}

// split emits the text read from in as documents like d, each at most
// MaxDocBytes long, holding only the current piece in memory.
func (s *sink) split(d extract.Document, in io.Reader) error {
	limit := s.r.opt.MaxDocBytes
	if s.buf == nil {
		s.buf = make([]byte, limit+1)
	}
	n := 0 // bytes held in s.buf
	for {
		m, err := io.ReadFull(in, s.buf[n:])
		n += m
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			d.Text = string(s.buf[:n])
			return s.doc(d)
		}
		if err != nil {
			return err
		}
		cut := splitPoint(s.buf, limit)
		d.Text = string(s.buf[:cut])
		if err := s.doc(d); err != nil {
			return err
		}
		n = copy(s.buf, s.buf[cut:])
	}
}

// splitPoint returns where to end a piece of b (which is longer than limit)
// so that it is at most limit bytes: after the last paragraph break, else
// after the last sentence end, if either falls in the second half; else
// after the last space; else at the last rune boundary.
func splitPoint(b []byte, limit int) int {
	w, half := b[:limit], limit/2
	if i := bytes.LastIndex(w, []byte("\n\n")); i >= 0 && i+2 > half {
		return i + 2
	}
	if i := lastSentenceEnd(w, half); i > 0 {
		return i
	}
	if i := bytes.LastIndexAny(w, " \t\r\n"); i >= 0 {
		return i + 1
	}
	cut := limit
	for cut > limit-utf8.UTFMax && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return cut
}

// lastSentenceEnd returns the end of the last ".", "!" or "?" followed by a
// space in w that lies after from, including the space; or -1.
func lastSentenceEnd(w []byte, from int) int {
	for i := len(w) - 2; i > from; i-- {
		if strings.IndexByte(".!?", w[i]) >= 0 && isSpace(w[i+1]) {
			return i + 2
		}
	}
	return -1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r'
}
