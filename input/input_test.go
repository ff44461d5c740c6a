package input

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// tree writes files (path → content) under a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, content := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFiles(t *testing.T) {
	dir := tree(t, map[string]string{
		"b.txt": "B", "a/z.md": "Z", "a/y.txt": "Y", "notes.pdf": "x",
		".git/HEAD.txt": "hidden", "README.md": "about", "c.jsonl": "{}",
	})
	got, err := Files([]string{dir, "-"})
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return r }
	var names []string
	for _, g := range got {
		if g == Stdin {
			names = append(names, g)
			continue
		}
		names = append(names, rel(g))
	}
	want := []string{"a/y.txt", "a/z.md", "b.txt", "c.jsonl", "-"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("Files = %v, want %v", names, want)
	}
}

func TestFilesErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		paths []string
		want  string
	}{
		{nil, "no input"},
		{[]string{filepath.Join(empty, "missing.txt")}, "missing.txt: no such file or directory"},
		{[]string{empty}, "holds no .txt, .md, .jsonl"},
	}
	for _, tt := range tests {
		_, err := Files(tt.paths)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Files(%v) error = %v, want it to say %q", tt.paths, err, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	dir := tree(t, map[string]string{
		"one.txt": "Seoul protested.",
		"many.jsonl": `{"id":"r-1","text":"Lima agreed.","date":"1987-02-26","title":"T"}` + "\n\n" +
			`{"text":"Quito objected."}` + "\n",
	})
	files := []string{filepath.Join(dir, "one.txt"), filepath.Join(dir, "many.jsonl"), Stdin}
	var got []extract.Document
	err := Read(files, strings.NewReader("From stdin."), func(d extract.Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []extract.Document{
		{ID: files[0], Text: "Seoul protested."},
		{ID: "r-1", Text: "Lima agreed.", Date: "1987-02-26", Title: "T"},
		{ID: files[1] + ":3", Text: "Quito objected."},
		{ID: "-", Text: "From stdin."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read = %+v\nwant %+v", got, want)
	}
}

func TestReadBadJSONLine(t *testing.T) {
	dir := tree(t, map[string]string{"bad.jsonl": "{\"text\":\"ok\"}\n{not json\n"})
	err := Read([]string{filepath.Join(dir, "bad.jsonl")}, nil, func(extract.Document) error { return nil })
	var ie *Error
	if !errors.As(err, &ie) || ie.Line != 2 || !strings.Contains(err.Error(), "bad.jsonl:2:") {
		t.Errorf("error = %v, want one naming bad.jsonl line 2", err)
	}
}
