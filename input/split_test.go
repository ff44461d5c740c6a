package input

import (
	"crypto/sha256"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestReadSplitsLongDocuments(t *testing.T) {
	para := strings.Repeat("Lima agreed to talks with Quito. ", 5) + "\n\n"
	text := strings.Repeat(para, 20)
	dir := tree(t, map[string]string{
		"a.txt":   text,
		"b.jsonl": `{"id":"b","text":"` + strings.ReplaceAll(text, "\n", `\n`) + `"}`,
		"c.html":  "<p>" + strings.ReplaceAll(text, "\n\n", "</p><p>") + "</p>",
	})
	files := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.html")}
	docs, _, err := run(t, Options{MaxDocBytes: 500}, dir, files, "")
	if err != nil {
		t.Fatal(err)
	}
	joined := map[string]string{}
	for _, d := range docs {
		if len(d.Text) > 500 {
			t.Errorf("%s: piece of %d bytes, want at most 500", d.ID, len(d.Text))
		}
		if d.ID != "c.html" && !strings.HasSuffix(d.Text, "\n\n") && !strings.HasSuffix(d.Text, ". ") {
			t.Errorf("%s: piece ends mid-sentence: %q", d.ID, d.Text[len(d.Text)-20:])
		}
		joined[d.ID] += d.Text
	}
	if joined["a.txt"] != text || joined["b"] != text {
		t.Error("pieces do not add up to the text")
	}
	if len(joined) != 3 || len(docs) < 3*len(text)/500 {
		t.Errorf("got %d pieces of %d documents", len(docs), len(joined))
	}
}

func TestSplitPoint(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		want  string // the first piece
	}{
		{"One two.\n\nThree four. Five six seven", 24, "One two.\n\nThree four. "},
		{"Para one.\n\nThree four five six seven", 24, "Para one.\n\nThree four "},
		{"Words words words words", 14, "Words words "},
		{"Wordswordswordswords", 10, "Wordswords"},
		{"ééééé", 5, "éé"},
		{"a€€€", 5, "a€"},
	}
	for _, tt := range tests {
		if got := tt.text[:splitPoint([]byte(tt.text), tt.limit)]; got != tt.want {
			t.Errorf("splitPoint(%q, %d) cuts %q, want %q", tt.text, tt.limit, got, tt.want)
		}
	}
}

// repeat reads block over and over, n bytes in all.
type repeat struct {
	block  string
	off, n int
}

func (r *repeat) Read(b []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(b) && r.off < r.n {
		c := copy(b[k:min(len(b), k+r.n-r.off)], r.block[r.off%len(r.block):])
		k, r.off = k+c, r.off+c
	}
	return k, nil
}

func TestReadStreamsLargeText(t *testing.T) {
	block := strings.Repeat("The foreign minister of Perú met his counterpart in Bogotá on Tuesday. ", 30) +
		"Talks will resume next week, officials said!\n\n" + strings.Repeat("Protesters gathered outside the embassy ", 40) + "\n"
	size := 200 << 20
	if testing.Short() {
		size = 20 << 20
	}
	size -= size % len(block)
	want := sha256.New()
	if _, err := io.Copy(want, &repeat{block: block, n: size}); err != nil {
		t.Fatal(err)
	}

	runtime.GC()
	var m runtime.MemStats
	var peak uint64
	got, total, docs := sha256.New(), 0, 0
	r := NewReader(Options{})
	err := r.Read([]string{Stdin}, &repeat{block: block, n: size}, func(d extract.Document) error {
		if len(d.Text) > DefaultMaxDocBytes || d.ID != Stdin {
			t.Fatalf("document %q of %d bytes, want at most %d", d.ID, len(d.Text), DefaultMaxDocBytes)
		}
		io.WriteString(got, d.Text)
		total += len(d.Text)
		if docs++; docs%16 == 0 {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != size || string(got.Sum(nil)) != string(want.Sum(nil)) {
		t.Errorf("documents add up to %d bytes, want the %d bytes read", total, size)
	}
	if docs < size/DefaultMaxDocBytes {
		t.Errorf("%d documents, want at least %d", docs, size/DefaultMaxDocBytes)
	}
	if peak > 64<<20 {
		t.Errorf("heap in use peaked at %d MiB, want it bounded", peak>>20)
	}
	t.Logf("%d MiB in %d documents; heap in use at most %d MiB", size>>20, docs, peak>>20)
}
