package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffBytes is how much of an input is looked at to tell binary files.
const sniffBytes = 8 << 10

// guessBytes is how much text from its first non-ASCII byte on charset
// would rather guess the encoding from.
const guessBytes = 1 << 10

// bufBytes is the size of the read buffers.
const bufBytes = 64 << 10

// openGzip returns a reader of the gzip stream in, whose errors say that the
// file is corrupt.
func openGzip(in io.Reader) (io.ReadCloser, error) {
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, corruptGzip(err)
	}
	return gzipReader{zr}, nil
}

type gzipReader struct{ *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.Reader.Read(p)
	if err != nil && err != io.EOF {
		err = corruptGzip(err)
	}
	return n, err
}

func corruptGzip(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF // an empty .gz file
	}
	return fmt.Errorf("corrupt gzip file: %s", strings.TrimPrefix(err.Error(), "gzip: "))
}

// decoder turns input bytes into UTF-8 text, reusing its buffers from one
// input to the next.
type decoder struct {
	raw, text *bufio.Reader
}

// open returns the text of in as UTF-8: a byte order mark is dropped (UTF-16
// is decoded when the mark says so), and the rest is decoded as UTF-8 or
// Windows-1252 (see charset). It fails with errBinary when the start of in
// does not look like text. The reader returned is valid until the next call.
func (d *decoder) open(in io.Reader) (*bufio.Reader, error) {
	if d.raw == nil {
		d.raw, d.text = bufio.NewReaderSize(nil, bufBytes), bufio.NewReaderSize(nil, bufBytes)
	}
	d.raw.Reset(in)
	head, err := d.raw.Peek(sniffBytes)
	if err != nil && err != io.EOF {
		return nil, err
	}
	if isBinary(head) {
		return nil, errBinary
	}
	d.text.Reset(transform.NewReader(d.raw, unicode.BOMOverride(&charset{})))
	return d.text, nil
}

// isBinary tells whether head, the start of an input, is not text: it holds
// a NUL byte, or more than one control byte in ten, unless it starts with a
// UTF-16 byte order mark.
func isBinary(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	control := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < ' ' && !strings.ContainsRune("\t\n\v\f\r\x1a\x1b", rune(c)), c == 0x7F:
			control++
		}
	}
	return control*10 > len(head)
}

// charset is a transformer to UTF-8 that settles on the encoding at the first
// non-ASCII bytes it sees: Windows-1252 when they are mostly not UTF-8, and
// otherwise UTF-8, with invalid bytes replaced by U+FFFD.
type charset struct{ dec transform.Transformer }

// Transform implements transform.Transformer.
func (c *charset) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if c.dec == nil {
		i := firstNonASCII(src)
		switch {
		case i < 0:
			return copyPrefix(dst, src, len(src), nil)
		case len(src)-i < guessBytes && !atEOF:
			// pass the ASCII on, to guess from a fuller window next time
			return copyPrefix(dst, src, i, transform.ErrShortSrc)
		}
		c.dec = guessCharset(src[i:], atEOF)
	}
	return c.dec.Transform(dst, src, atEOF)
}

// copyPrefix copies the first n bytes of src, which are ASCII, to dst, and
// returns err once they are all copied.
func copyPrefix(dst, src []byte, n int, err error) (nDst, nSrc int, _ error) {
	k := copy(dst, src[:n])
	if k < n {
		return k, k, transform.ErrShortDst
	}
	return k, k, err
}

// Reset implements transform.Transformer.
func (c *charset) Reset() { c.dec = nil }

func firstNonASCII(b []byte) int {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// guessCharset returns the decoder for text whose non-ASCII bytes start at b
// (which ends the text when atEOF): Windows-1252 when invalid UTF-8 sequences
// outnumber valid multi-byte ones.
func guessCharset(b []byte, atEOF bool) transform.Transformer {
	valid, invalid := 0, 0
	for len(b) > 0 && (atEOF || utf8.FullRune(b)) {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		b = b[size:]
	}
	if invalid > valid {
		return charmap.Windows1252.NewDecoder()
	}
	return unicode.UTF8.NewDecoder()
}

// startsObject tells whether the first non-blank byte of br is "{". A read
// error is left for the next read to report.
func startsObject(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '{'
}
