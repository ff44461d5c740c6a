// Package input turns the paths a user names into documents: plain-text and
// markdown files, directories searched recursively for them, JSON Lines
// corpora (one article per line) and standard input ("-").
package input

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// textExts are the extensions read as one article per file.
var textExts = map[string]bool{".txt": true, ".md": true}

// jsonlExts are the extensions read as one article per line.
var jsonlExts = map[string]bool{".jsonl": true, ".ndjson": true}

// Error names the input that could not be read.
type Error struct {
	Path string
	Line int // 0 when the error is not tied to a line
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Files expands the paths a user gave into the files to read, in a stable
// order: each named file as given, and the *.txt, *.md and *.jsonl files
// under each directory, sorted. "-" is kept as is. A missing path, or a
// directory holding no such file, is an error naming it.
func Files(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("no input: name files or directories of articles, or - for standard input")
	}
	var out []string
	for _, p := range paths {
		if p == Stdin {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, &Error{Path: p, Err: describe(err)}
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		found, err := walkDir(p)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, &Error{Path: p, Err: errors.New("directory holds no .txt, .md or .jsonl file")}
		}
		out = append(out, found...)
	}
	return out, nil
}

func walkDir(root string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return &Error{Path: path, Err: describe(err)}
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		if d.Type().IsRegular() && (textExts[ext] || jsonlExts[ext]) && !strings.EqualFold(d.Name(), "README.md") {
			found = append(found, path)
		}
		return nil
	})
	sort.Strings(found)
	return found, err
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

// Read calls fn with each document of the files (as returned by Files), in
// order. stdin is read for "-". It stops at the first error, from reading or
// from fn.
func Read(files []string, stdin io.Reader, fn func(extract.Document) error) error {
	for _, f := range files {
		if err := readFile(f, stdin, fn); err != nil {
			return err
		}
	}
	return nil
}

func readFile(path string, stdin io.Reader, fn func(extract.Document) error) error {
	var r io.Reader = stdin
	if path != Stdin {
		f, err := os.Open(path)
		if err != nil {
			return &Error{Path: path, Err: describe(err)}
		}
		defer f.Close()
		r = f
	}
	if jsonlExts[strings.ToLower(filepath.Ext(path))] {
		return readJSONL(path, r, fn)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return &Error{Path: path, Err: describe(err)}
	}
	return fn(extract.Document{ID: path, Text: string(data)})
}

// record is one line of a JSON Lines corpus.
type record struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// maxLine bounds one JSON Lines record.
const maxLine = 64 << 20

func readJSONL(path string, r io.Reader, fn func(extract.Document) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var rec record
		if err := json.Unmarshal(b, &rec); err != nil {
			return &Error{Path: path, Line: line, Err: fmt.Errorf("not a JSON object: %v", err)}
		}
		id := rec.ID
		if id == "" {
			id = fmt.Sprintf("%s:%d", path, line)
		}
		doc := extract.Document{ID: id, Text: rec.Text, Title: rec.Title, Date: rec.Date, URL: rec.URL, Source: rec.Source}
		if err := fn(doc); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &Error{Path: path, Err: err}
	}
	return nil
}
