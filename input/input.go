// Package input turns the paths a user names into documents: plain-text and
// markdown files, JSON Lines corpora (one article per line), HTML pages, each
// of them possibly gzipped, directories searched recursively for them, and
// standard input ("-").
//
// It is built for hostile input at scale: files are streamed, large texts are
// split into documents of bounded size, legacy encodings are decoded, and a
// bad file or line is skipped with a warning unless the reader is strict.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/newsgraph/newsgraph/extract"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// Error names the input that could not be read.
type Error struct {
	Path string
	Line int // 0 when the error is not tied to a line
	Err  error
}

func (e *Error) Error() string {
	name := e.Path
	if name == Stdin {
		name = "standard input"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", name, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// errBinary is the reason a file that does not hold text is skipped.
var errBinary = errors.New("binary file")

// errNoInput is returned when no path is given at all.
var errNoInput = errors.New("no input: name files or directories of articles, or - for standard input")

// fileError wraps err as an *Error naming path, unless it already is one.
func fileError(path string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Path: path, Err: describe(err)}
}

// describe turns file-system errors into short words for the user.
func describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Files expands paths as a strict Reader's Expand does.
func Files(paths []string) ([]string, error) {
	files, _, err := NewReader(Options{Strict: true}).Expand(paths)
	return files, err
}

// Read calls fn with each document of the files (as returned by Files), in
// order, as a strict Reader's Read does: it stops at the first error, from
// reading or from fn.
func Read(files []string, stdin io.Reader, fn func(extract.Document) error) error {
	return NewReader(Options{Strict: true}).Read(files, stdin, fn)
}
