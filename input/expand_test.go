package input

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// expand runs a lenient Expand and returns the files relative to dir and the
// warnings.
func expand(t *testing.T, dir string, paths ...string) ([]string, int64, []string, error) {
	t.Helper()
	var warnings []string
	r := NewReader(Options{Warn: func(err error) {
		warnings = append(warnings, strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
	}})
	files, total, err := r.Expand(paths)
	for i, f := range files {
		files[i] = strings.TrimPrefix(f, dir+string(filepath.Separator))
	}
	return files, total, warnings, err
}

func TestExpand(t *testing.T) {
	dir := tree(t, map[string]string{
		"b.txt": "B", "a/z.md": "Z", "a/y.txt": "Y", "a.txt": "A", "notes.pdf": "x",
		".git/HEAD.txt": "hidden", ".hidden.txt": "hidden", "README.md": "about", "c.jsonl": "{}",
		"d.html": "<p>", "e.htm.gz": "x", "f.ndjson": "{}", "g.txt.gz": "x", "h.tar.gz": "x",
	})
	named, empty := filepath.Join(dir, "notes.pdf"), filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		paths    []string
		want     []string
		total    int64
		warnings []string
	}{
		{"directory", []string{dir},
			[]string{"a.txt", "a/y.txt", "a/z.md", "b.txt", "c.jsonl", "d.html", "e.htm.gz", "f.ndjson", "g.txt.gz"}, 13, nil},
		{"named file of any type", []string{named}, []string{"notes.pdf"}, 1, nil},
		{"stdin", []string{named, Stdin}, []string{"notes.pdf", "-"}, -1, nil},
		{"missing among several", []string{filepath.Join(dir, "gone.txt"), named, empty},
			[]string{"notes.pdf"}, 1,
			[]string{"gone.txt: no such file or directory", "empty: " + errEmptyDir.Error()}},
	}
	for _, tt := range tests {
		files, total, warnings, err := expand(t, dir, tt.paths...)
		if err != nil || !reflect.DeepEqual(files, tt.want) || total != tt.total || !reflect.DeepEqual(warnings, tt.warnings) {
			t.Errorf("%s: Expand = %q, %d, %v, warnings %q\nwant %q, %d, warnings %q",
				tt.name, files, total, err, warnings, tt.want, tt.total, tt.warnings)
		}
	}
}

func TestExpandNothingReadable(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		paths []string
		want  string
	}{
		{nil, "no input"},
		{[]string{filepath.Join(dir, "gone.txt")}, "gone.txt: no such file or directory"},
		{[]string{filepath.Join(dir, "gone.txt"), dir}, "no readable input: "},
	}
	for _, tt := range tests {
		files, _, warnings, err := expand(t, dir, tt.paths...)
		if err == nil || !strings.Contains(err.Error(), tt.want) || len(files)+len(warnings) > 0 {
			t.Errorf("Expand(%q) = %q, %v, warnings %q; want an error saying %q", tt.paths, files, err, warnings, tt.want)
		}
	}
}

func TestExpandNested(t *testing.T) {
	dir := t.TempDir()
	deep := dir
	for i := range 60 {
		deep = filepath.Join(deep, fmt.Sprintf("d%d", i))
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(deep, "a.txt"), []byte("Deep."), 0o644); err != nil {
		t.Fatal(err)
	}
	files, _, _, err := expand(t, dir, dir)
	if err != nil || len(files) != 1 || !strings.HasSuffix(files[0], "d59/a.txt") {
		t.Errorf("Expand = %q, %v; want the file 60 levels down", files, err)
	}
}

func TestExpandSymlinks(t *testing.T) {
	dir := tree(t, map[string]string{"real/a.txt": "A", "outside/b.txt": "B"})
	links := map[string]string{
		"real/loop":      "..",                                // directory loop: not followed
		"real/up.txt":    "..",                                // a directory named like a file
		"real/b.txt":     filepath.Join(dir, "outside/b.txt"), // a file: followed
		"real/self.txt":  "self.txt",                          // a link to itself
		"real/gone.txt":  "nowhere.txt",                       // dangling
		"real/other.pdf": "nowhere.pdf",                       // not an input name: ignored
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	files, total, warnings, err := expand(t, dir, filepath.Join(dir, "real"))
	want := []string{"real/a.txt", "real/b.txt"}
	wantWarnings := []string{"real/gone.txt: no such file or directory", "real/self.txt: too many levels of symbolic links"}
	if err != nil || !reflect.DeepEqual(files, want) || total != 2 || !reflect.DeepEqual(warnings, wantWarnings) {
		t.Errorf("Expand = %q, %d, %v, warnings %q\nwant %q, 2, warnings %q", files, total, err, warnings, want, wantWarnings)
	}
}

func TestManyTinyFiles(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	start := time.Now()
	dir := memDir(t)
	var g errgroup
	for d := range 100 {
		g.do(func() error {
			sub := filepath.Join(dir, fmt.Sprintf("%03d", d))
			if err := os.Mkdir(sub, 0o755); err != nil {
				return err
			}
			for i := d; i < n; i += 100 {
				if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%06d.txt", i)), []byte("Lima agreed."), 0o644); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.wait(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files written in %v", n, time.Since(start))
	start = time.Now()
	r := NewReader(Options{})
	files, total, err := r.Expand([]string{dir})
	if err != nil || len(files) != n || total != int64(12*n) {
		t.Fatalf("Expand found %d files of %d bytes, %v; want %d", len(files), total, err, n)
	}
	if err := r.Read(files, nil, func(extract.Document) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if st := r.Stats(); st.Files != n || st.Documents != n || st.Bytes != total {
		t.Errorf("Stats = %+v, want %d files and documents", st, n)
	}
	t.Logf("%d files expanded and read in %v", n, time.Since(start))
}

func TestExpandStrict(t *testing.T) {
	dir := tree(t, map[string]string{"a.txt": "A"})
	_, _, err := NewReader(Options{Strict: true}).Expand([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "gone.txt")})
	var e *Error
	if !errors.As(err, &e) || !strings.HasSuffix(e.Path, "gone.txt") {
		t.Errorf("strict Expand error = %v, want one naming gone.txt", err)
	}
}

// errgroup runs functions concurrently and keeps the first error.
type errgroup struct {
	wg   sync.WaitGroup
	once sync.Once
	err  error
}

func (g *errgroup) do(f func() error) {
	g.wg.Go(func() {
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err })
		}
	})
}

func (g *errgroup) wait() error {
	g.wg.Wait()
	return g.err
}

// memDir returns a new temporary directory in memory (/dev/shm) where there
// is one, since writing many small files to disk can take many seconds, and
// otherwise one from t.TempDir.
func memDir(t *testing.T) string {
	dir, err := os.MkdirTemp("/dev/shm", "input-test-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
