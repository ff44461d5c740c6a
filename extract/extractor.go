package extract

import (
	"sort"
	"strings"
	"sync"
)

// RuleExtractor is the default rule-based Extractor. Its lexicons are
// loaded once and only read afterwards, so one value serves any number of
// goroutines.
type RuleExtractor struct {
	lx *lexicon
	bp *boilerplate
	mf mentionFinder
	cs clauseSplitter
	rf relFinder
}

// shared is the one extractor New returns, built on first use.
var (
	sharedOnce sync.Once
	shared     *RuleExtractor
)

// New returns the rule-based extractor. The embedded lexicons are parsed
// on the first call and shared by every later one.
func New() *RuleExtractor {
	sharedOnce.Do(func() {
		lx := loadLexicon()
		mf := mentionFinder{lx: lx}
		cs := clauseSplitter{lx: lx}
		shared = &RuleExtractor{
			lx: lx, bp: loadBoilerplate(), mf: mf, cs: cs,
			rf: relFinder{lx: lx, md: modalizer{lx: lx}, mf: mf, cs: cs},
		}
	})
	return shared
}

var _ Extractor = (*RuleExtractor)(nil)

// Extract runs the pipeline on one document: clean, split sentences,
// tokenize, find and resolve actor mentions, split clauses, find relations.
func (x *RuleExtractor) Extract(doc Document) Result {
	c := x.bp.clean(doc.Text)
	date := doc.Date
	if date == "" {
		date = c.date
	}
	sents := x.analyse(c)
	roles := resolveIdentities(sents)
	speakers := x.resolveQuotes(sents)
	triples := dedupe(x.relations(sents, roles, speakers, doc.ID, date))
	for i := range triples {
		// The document's metadata travels with every triple.
		triples[i].Title, triples[i].URL, triples[i].Source = doc.Title, doc.URL, doc.Source
	}
	return Result{Doc: doc.ID, Date: date, Bytes: len(doc.Text), Sentences: len(sents), Actors: actors(sents, triples), Triples: triples}
}

// relations splits the analysed sentences into clauses and finds their
// relations; roles and speakers come from the identity stage.
func (x *RuleExtractor) relations(sents []docSentence, roles map[string][]string, speakers []*mention, doc, date string) []Triple {
	var out []Triple
	var at []int // the mention index, reused from sentence to sentence
	for k, ds := range sents {
		if len(ds.ms) == 0 && speakers[k] == nil && !hasHyphenName(ds.toks) {
			continue // no actor, no relation
		}
		at = mentionIndex(at, ds)
		sc := &sentCtx{ds: ds, doc: doc, date: date, mAt: at, roles: roles, quoted: speakers[k]}
		sc.cl = x.cs.split(ds.toks, sc.mAt)
		x.rf.sentence(sc)
		for _, e := range sc.out {
			out = append(out, e.t)
		}
	}
	return out
}

// analyse splits, tokenizes and finds the mentions of every sentence.
func (x *RuleExtractor) analyse(c cleaned) []docSentence {
	ss := splitSentences(c, x.lx.abbrevs)
	out := make([]docSentence, len(ss))
	// Tokens go to a scratch buffer reused for every sentence, then to a
	// slice of exactly their number: no growing, no waste.
	var scratch []token
	for i, s := range ss {
		scratch = tokenizeInto(scratch[:0], s.text, x.lx.abbrevs)
		toks := append([]token(nil), scratch...)
		x.lx.flag(toks)
		out[i] = docSentence{s: s, toks: toks, ms: x.mf.find(s, toks)}
	}
	return out
}

// mentionIndex maps every token to the index of the mention covering it,
// or -1, reusing the memory of at.
func mentionIndex(at []int, ds docSentence) []int {
	if cap(at) < len(ds.toks) {
		at = make([]int, len(ds.toks))
	}
	at = at[:len(ds.toks)]
	for i := range at {
		at[i] = -1
	}
	for mi, m := range ds.ms {
		for k := m.start; k < m.end; k++ {
			at[k] = mi
		}
	}
	return at
}

// dedupe keeps the first of triples that agree on subject, relation,
// object and modality (either direction for symmetric relations).
func dedupe(ts []Triple) []Triple {
	type key struct{ s, r, o, m string }
	seen := map[key]bool{}
	out := ts[:0]
	for _, t := range ts {
		s, o := t.Subject, t.Object
		if IsSymmetric(t.Relation) && o < s {
			s, o = o, s
		}
		k := key{s, t.Relation, o, t.Modality}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// actors lists the actors of an article in order of first mention, with
// the surface names they were mentioned by; topics come from the triples.
func actors(sents []docSentence, ts []Triple) []Actor {
	idx := map[string]int{}
	type aliasKey struct{ name, alias string }
	seen := map[aliasKey]bool{}
	var out []Actor
	add := func(name, typ, alias string) {
		i, ok := idx[name]
		if !ok {
			idx[name] = len(out)
			out = append(out, Actor{Name: name, Type: typ})
			i = len(out) - 1
		}
		if k := (aliasKey{name, alias}); alias != "" && alias != name && !seen[k] {
			seen[k] = true
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	for _, ds := range sents {
		for _, m := range ds.ms {
			if m.name == "" || m.kind == mkPair {
				continue
			}
			alias := m.text
			if m.kind == mkPronoun || m.kind == mkIt || m.kind == mkOwnState {
				alias = "" // aliases are names, not pronouns
			}
			add(m.name, m.typ, alias)
		}
	}
	for _, t := range ts {
		if t.ObjectType == Topic {
			add(t.Object, Topic, "")
		}
	}
	for i := range out {
		sort.Strings(out[i].Aliases)
	}
	return out
}

// hasHyphenName reports whether a sentence holds a capitalised hyphenated
// word, which may join two states ("India-Pakistan talks").
func hasHyphenName(toks []token) bool {
	for _, t := range toks {
		if t.capital && t.kind == tWord && strings.IndexByte(t.text, '-') > 0 {
			return true
		}
	}
	return false
}
