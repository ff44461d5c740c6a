package export

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// fuzzGraph builds a graph of three actors a, b and c in a cycle of
// statements, as the extractor would report them in one document. The
// relation and modality of each statement are picked from the valid labels
// by rel and mod; the aliases mix the names.
func fuzzGraph(a, b, c, typeA, typeB string, rel, mod byte, sentence, doc, date string) *graph.Graph {
	triple := func(i int, s, st, o, ot string) extract.Triple {
		return extract.Triple{Doc: doc, Subject: s, SubjectType: st, Object: o, ObjectType: ot,
			Relation: extract.Relations[(int(rel)+i)%len(extract.Relations)],
			Modality: extract.Modalities[int(mod)>>(2*i)%len(extract.Modalities)],
			Sentence: sentence, Verb: sentence, Confidence: 0.5, Date: date}
	}
	g := graph.New()
	g.Add(extract.Result{Doc: doc, Date: date,
		Actors:  []extract.Actor{{Name: a, Type: typeA, Aliases: []string{c, b + c}}, {Name: b, Type: typeB, Aliases: []string{a + aliasSep + c}}},
		Triples: []extract.Triple{triple(0, a, typeA, b, typeB), triple(1, b, typeB, c, ""), triple(2, c, "", a, typeA)}})
	return g
}

// FuzzWriters checks that whatever the names, types, sentences, documents,
// dates and titles, every data writer gives output that parses and holds
// the whole graph (see checkWriters).
func FuzzWriters(f *testing.F) {
	// Seeds: the statements of the fixture, and the hostile texts.
	g := fixture()
	for _, e := range g.Edges() {
		for _, ev := range e.Evidence {
			s, _ := g.Node(e.Source)
			o, _ := g.Node(e.Target)
			rel := byte(slices.Index(extract.Relations, ev.Relation) + 1)
			mod := byte(slices.Index(extract.Modalities, ev.Modality) + 1)
			f.Add(e.Source, e.Target, "Joe Biden", s.Type, o.Type, rel, mod, ev.Sentence, ev.Doc, ev.Date, "")
		}
	}
	for _, s := range hostileTexts {
		if len(s) < 1000 {
			f.Add(s, "Other", "Third "+s, s, "person", byte(len(s)), byte(0x80), s, s, "2024-02-29", s)
		}
	}
	f.Fuzz(func(t *testing.T, a, b, c, typeA, typeB string, rel, mod byte, sentence, doc, date, title string) {
		opts := Options{Title: title, Note: sentence}
		if mod&0x80 != 0 {
			opts.Engine = "sfdp" // the table legend
		}
		checkWriters(t, fuzzGraph(a, b, c, typeA, typeB, rel, mod, sentence, doc, date), opts)
	})
}

// FuzzReadJSON checks that the JSON reader takes any bytes without
// panicking or hanging, and that a graph it accepts can be written again.
func FuzzReadJSON(f *testing.F) {
	fuzzRead(f, JSON, "fixture.json.golden")
}

// FuzzReadGraphML is FuzzReadJSON for the GraphML reader.
func FuzzReadGraphML(f *testing.F) {
	fuzzRead(f, GraphML, "fixture.graphml.golden", "fixture.gexf.golden")
}

// readTimeLimit bounds the time to read one fuzzed input: far more than
// any should take, so that only a reader that loops fails.
const readTimeLimit = 2 * time.Second

// fuzzRead seeds a reader fuzz target with golden files and the hostile
// graph written in format f, then reads each input as f: a graph read
// must pass checkWriters.
func fuzzRead(f *testing.F, format Format, golden ...string) {
	for _, name := range golden {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(render(f, hostileGraph(hostileTexts["ampersands"]), format, Options{}))
	f.Add(render(f, graph.New(), format, Options{}))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		g, err := Read(bytes.NewReader(data), format)
		if d := time.Since(start); d > readTimeLimit {
			t.Errorf("reading %d bytes took %v", len(data), d)
		}
		if err == nil {
			checkWriters(t, g, Options{})
		}
	})
}
