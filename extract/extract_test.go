package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// corpusDir is the shared corpus beside the repository, if present.
const corpusDir = "../../shared/corpus"

// sampleArticle is a short article of our own, used when the shared corpus
// is absent.
const sampleArticle = `Modi and Sharif agree to talks as border tension eases

NEW DELHI, May 12 (Reuters) - Indian Prime Minister Narendra Modi spoke with Pakistani Prime Minister Shehbaz Sharif on Monday, and the two leaders agreed to resume talks, India's foreign ministry said.

Pakistan denied any plans to attack India. Islamabad accused New Delhi of shelling villages in Kashmir.

Sharif is due to visit New Delhi next week. If the ceasefire collapses, Washington will impose sanctions on Pakistan, U.S. Secretary of State Marco Rubio warned.
`

// benchText returns real articles for benchmarks: the dev corpus when it
// is there, else the built-in sample.
func benchText(tb testing.TB) string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "dev", "*.txt"))
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(data)
		b.WriteString("\n\n")
	}
	if b.Len() == 0 {
		return sampleArticle
	}
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	x := New()
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		x.Extract(Document{ID: "bench", Text: text})
	}
}

// reutersDocs reads up to n articles of the Reuters corpus, or skips.
func reutersDocs(tb testing.TB, n int) []Document {
	tb.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "bulk", "reuters21578.jsonl"))
	if err != nil {
		tb.Skip("Reuters corpus not present")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs []Document
	for sc.Scan() && len(docs) < n {
		var d struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, Document{ID: d.ID, Text: d.Text})
	}
	return docs
}

func TestReutersSample(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	x := New()
	for _, d := range reutersDocs(t, n) {
		checkResult(t, x.Extract(d))
	}
}

func BenchmarkExtractReuters(b *testing.B) {
	docs := reutersDocs(b, 3000)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	x := New()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			x.Extract(d)
		}
	}
}

// checkResult verifies the invariants of any extraction result.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	for _, tr := range r.Triples {
		if tr.Subject == "" || tr.Object == "" || tr.Subject == tr.Object {
			t.Fatalf("%s: bad actors in %+v", r.Doc, tr)
		}
		if !IsRelation(tr.Relation) || !IsModality(tr.Modality) {
			t.Fatalf("%s: bad label in %+v", r.Doc, tr)
		}
		if tr.Confidence < 0 || tr.Confidence > 1 {
			t.Fatalf("%s: confidence %v", r.Doc, tr.Confidence)
		}
		for _, s := range []string{tr.Subject, tr.Object, tr.Sentence, tr.Verb, tr.SubjectText, tr.ObjectText} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s: invalid UTF-8 in %+v", r.Doc, tr)
			}
		}
		if tr.ObjectType == Topic && !topicOK[tr.Relation] {
			t.Fatalf("%s: topic object for %s", r.Doc, tr.Relation)
		}
	}
}

func TestExtractSampleArticle(t *testing.T) {
	r := New().Extract(Document{ID: "sample", Text: sampleArticle})
	checkResult(t, r)
	want := []string{
		"Narendra Modi|spoke-with|Shehbaz Sharif|asserted",
		"Narendra Modi|leader-of|India|asserted",
		"Shehbaz Sharif|leader-of|Pakistan|asserted",
		"Pakistan|attacked|India|negated",
		"Pakistan|denies|attack|asserted",
		"Pakistan|accused|India|asserted",
		"Shehbaz Sharif|visited|India|planned",
		"United States|sanctioned|Pakistan|hypothetical",
		"Marco Rubio|official-of|United States|asserted",
	}
	got := map[string]bool{}
	for _, tr := range r.Triples {
		got[tr.Subject+"|"+tr.Relation+"|"+tr.Object+"|"+tr.Modality] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %s in %v", w, keys(got))
		}
	}
	if r.Date != "May 12" {
		t.Errorf("date = %q", r.Date)
	}
}

func TestMetadataTravelsWithTriples(t *testing.T) {
	r := New().Extract(Document{ID: "m", Text: "Kenya urged Ethiopia to talk.", Title: "Kenya urges talks", URL: "https://example.org/7", Source: "Reuters", Date: "2022-03-02"})
	if len(r.Triples) == 0 {
		t.Fatal("no triple")
	}
	for _, tr := range r.Triples {
		if tr.Title != "Kenya urges talks" || tr.URL != "https://example.org/7" || tr.Source != "Reuters" || tr.Date != "2022-03-02" {
			t.Errorf("metadata lost: %+v", tr)
		}
	}
}

// keys lists the keys of a set.
func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestDeterministicAndConcurrent(t *testing.T) {
	x := New()
	doc := Document{ID: "d", Text: benchText(t)}
	want := x.Extract(doc)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := New().Extract(doc); !reflect.DeepEqual(got, want) {
				t.Error("extraction differs between runs")
			}
		}()
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Israel struck Iran. Iran denied it.",
		"\u201cIf China invades Taiwan,\u201d he said, \u201cwe will respond.\u201d",
		"Pres. X met @y, the two leaders",
		"U.S.-backed rebels and pro-Iran militias clashed near Gaza, who",
	} {
		f.Add(s)
	}
	x := New()
	f.Fuzz(func(t *testing.T, text string) {
		r := x.Extract(Document{ID: "fuzz", Text: text})
		if !utf8.ValidString(text) {
			return
		}
		checkResult(t, r)
		for _, a := range r.Actors {
			if a.Name == "" {
				t.Fatalf("empty actor in %q", text)
			}
		}
	})
}

// benchDocs returns the articles stage benchmarks run on: the first
// Reuters articles when the corpus is there, else the dev articles.
func benchDocs(b *testing.B) ([]Document, int) {
	b.Helper()
	var docs []Document
	if _, err := os.Stat(filepath.Join(corpusDir, "bulk", "reuters21578.jsonl")); err == nil {
		docs = reutersDocs(b, 3000)
	} else {
		docs = []Document{{ID: "bench", Text: benchText(b)}}
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	return docs, size
}

// tokenized is a sentence split into flagged tokens, ready for the
// mention stage.
type tokenized struct {
	s    sentence
	toks []token
}

func BenchmarkMentions(b *testing.B) {
	x := New()
	docs, size := benchDocs(b)
	var sents []tokenized
	for _, d := range docs {
		for _, s := range splitSentences(x.bp.clean(d.Text), x.lx.abbrevs) {
			toks := tokenize(s.text, x.lx.abbrevs)
			x.lx.flag(toks)
			sents = append(sents, tokenized{s, toks})
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			x.mf.find(s.s, s.toks)
		}
	}
}

func BenchmarkRelations(b *testing.B) {
	x := New()
	docs, size := benchDocs(b)
	type analysed struct {
		sents    []docSentence
		roles    map[string][]string
		speakers []*mention
	}
	var as []analysed
	for _, d := range docs {
		sents := x.analyse(x.bp.clean(d.Text))
		roles := resolveIdentities(sents)
		as = append(as, analysed{sents, roles, x.resolveQuotes(sents)})
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, a := range as {
			x.relations(a.sents, a.roles, a.speakers, "bench", "")
		}
	}
}
