package input

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// format is how an input's documents are laid out.
type format int

const (
	plainText format = iota // the whole input is one document
	jsonLines               // one JSON object, one document, per line
	htmlPage                // a web page whose article text is one document
)

// formats maps the extensions looked for in directories to their format.
var formats = map[string]format{
	".txt": plainText, ".md": plainText,
	".jsonl": jsonLines, ".ndjson": jsonLines,
	".html": htmlPage, ".htm": htmlPage,
}

// errEmptyDir is the reason a directory without input files is skipped.
var errEmptyDir = errors.New("directory holds no .txt, .md, .jsonl, .ndjson or .html file (plain or .gz)")

// formatOf returns the format of path by its extension (plain text when the
// extension is unknown), whether it is gzipped, and whether the extension is
// one looked for in directories.
func formatOf(path string) (f format, gz, known bool) {
	name := strings.ToLower(path)
	if trimmed, ok := strings.CutSuffix(name, ".gz"); ok {
		name, gz = trimmed, true
	}
	f, known = formats[filepath.Ext(name)]
	return f, gz, known
}

// Expand turns the paths a user gave into the files to read, in a stable
// order: each named file as given, "-" as is, and the input files under each
// directory (recursively, sorted), leaving out hidden files and directories,
// README.md files and symbolic links to directories. It also returns the
// total size of the files in bytes, or -1 when unknown (standard input).
//
// When strict, any missing or unreadable path is an error. Otherwise such
// paths are reported to Warn and skipped, and it is an error only when no
// file remains.
func (r *Reader) Expand(paths []string) (files []string, total int64, err error) {
	if len(paths) == 0 {
		return nil, 0, errNoInput
	}
	x := expansion{strict: r.opt.Strict}
	for _, p := range paths {
		if err := x.path(p); err != nil {
			return nil, 0, err
		}
	}
	if len(x.files) == 0 {
		if len(x.skipped) == 1 {
			return nil, 0, x.skipped[0]
		}
		return nil, 0, fmt.Errorf("no readable input: %w", errors.Join(errorList(x.skipped)...))
	}
	for _, e := range x.skipped {
		_ = r.skipFile(e) // not strict: reports e and returns nil
	}
	if x.unsized {
		x.total = -1
	}
	return x.files, x.total, nil
}

func errorList(es []*Error) []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// expansion gathers the files of the paths being expanded.
type expansion struct {
	strict  bool
	files   []string
	total   int64
	unsized bool     // some input has no known size
	skipped []*Error // paths skipped (when not strict)
}

// skip returns e when strict, and otherwise notes it and returns nil.
func (x *expansion) skip(e *Error) error {
	if x.strict {
		return e
	}
	x.skipped = append(x.skipped, e)
	return nil
}

// add keeps file, of the given file info (nil when unknown).
func (x *expansion) add(file string, info fs.FileInfo) {
	x.files = append(x.files, file)
	if info == nil || !info.Mode().IsRegular() {
		x.unsized = true
		return
	}
	x.total += info.Size()
}

// path expands one path the user named.
func (x *expansion) path(p string) error {
	if p == Stdin {
		x.add(p, nil)
		return nil
	}
	info, err := os.Stat(p)
	if err != nil {
		return x.skip(&Error{Path: p, Err: describe(err)})
	}
	if !info.IsDir() {
		x.add(p, info)
		return nil
	}
	n := len(x.files)
	if err := filepath.WalkDir(p, x.visit(p)); err != nil {
		return err
	}
	if len(x.files) == n {
		return x.skip(&Error{Path: p, Err: errEmptyDir})
	}
	slices.Sort(x.files[n:])
	return nil
}

// visit returns the filepath.WalkDir callback that adds the input files under
// root.
func (x *expansion) visit(root string) fs.WalkDirFunc {
	return func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return x.skip(&Error{Path: path, Err: describe(err)})
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != root
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if _, _, known := formatOf(path); !known || hidden || strings.EqualFold(d.Name(), "README.md") {
			return nil
		}
		return x.entry(path, d)
	}
}

// entry adds the file path found in a directory, following a symbolic link
// to a regular file but not to a directory.
func (x *expansion) entry(path string, d fs.DirEntry) error {
	var info fs.FileInfo
	var err error
	switch {
	case d.Type().IsRegular():
		info, err = d.Info()
	case d.Type()&fs.ModeSymlink != 0:
		info, err = os.Stat(path)
	default:
		return nil // device, pipe or socket
	}
	if err != nil {
		return x.skip(&Error{Path: path, Err: describe(err)})
	}
	if info.Mode().IsRegular() {
		x.add(path, info)
	}
	return nil
}
