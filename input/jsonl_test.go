package input

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func FuzzReadJSONL(f *testing.F) {
	// The seed corpus is in testdata/fuzz/FuzzReadJSONL.
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := readBytes(t, jsonLines, data)
		checkDocs(t, docs)
	})
}

// reuters is the Reuters-21578 corpus in JSON Lines, when present.
const reuters = "/work/shared/corpus/bulk/reuters21578.jsonl"

func BenchmarkReadReuters(b *testing.B) {
	info, err := os.Stat(reuters)
	if err != nil {
		b.Skip("corpus not present:", err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		r := NewReader(Options{Strict: true})
		if err := r.Read([]string{reuters}, nil, func(extract.Document) error { return nil }); err != nil {
			b.Fatal(err)
		}
		if st := r.Stats(); st.Documents != 19043 {
			b.Fatalf("%d documents, want 19043", st.Documents)
		}
	}
}

func BenchmarkReadText(b *testing.B) {
	block := strings.Repeat("The foreign minister of Perú met his counterpart in Bogotá. ", 100) + "\n\n"
	size := 64 << 20
	b.SetBytes(int64(size))
	for b.Loop() {
		r := NewReader(Options{})
		if err := r.Read([]string{Stdin}, &repeat{block: block, n: size}, func(extract.Document) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
