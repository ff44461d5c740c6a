package extract

import (
	"sort"
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
	var out []Triple
	for k, ds := range sents {
		if len(ds.ms) == 0 && speakers[k] == nil {
			continue // no actor, no relation
		}
		sc := &sentCtx{ds: ds, doc: doc.ID, date: date, mAt: mentionIndex(ds), roles: roles, quoted: speakers[k]}
		inMention := make([]bool, len(ds.toks))
		for i, mi := range sc.mAt {
			inMention[i] = mi >= 0
		}
		sc.cl = x.cs.split(ds.toks, inMention)
		x.rf.sentence(sc)
		for _, e := range sc.out {
			out = append(out, e.t)
		}
	}
	triples := dedupe(out)
	return Result{Doc: doc.ID, Date: date, Bytes: len(doc.Text), Sentences: len(sents), Actors: actors(sents, triples), Triples: triples}
}

// analyse splits, tokenizes and finds the mentions of every sentence.
func (x *RuleExtractor) analyse(c cleaned) []docSentence {
	ss := splitSentences(c, x.lx.abbrevs)
	out := make([]docSentence, len(ss))
	// One token arena for the document saves an allocation per sentence.
	size := 0
	for _, s := range ss {
		size += len(s.text)/5 + 2
	}
	arena := make([]token, 0, size)
	for i, s := range ss {
		start := len(arena)
		arena = tokenizeInto(arena, s.text, x.lx.abbrevs)
		toks := arena[start:len(arena):len(arena)]
		x.lx.flag(toks)
		out[i] = docSentence{s: s, toks: toks, ms: x.mf.find(s, toks)}
	}
	return out
}

// mentionIndex maps every token to the index of the mention covering it,
// or -1.
func mentionIndex(ds docSentence) []int {
	at := make([]int, len(ds.toks))
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
	var out []Actor
	add := func(name, typ, alias string) {
		i, ok := idx[name]
		if !ok {
			idx[name] = len(out)
			out = append(out, Actor{Name: name, Type: typ})
			i = len(out) - 1
		}
		if alias != "" && alias != name && !contains(out[i].Aliases, alias) {
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	for _, ds := range sents {
		for _, m := range ds.ms {
			if m.name == "" || m.kind == mkPair {
				continue
			}
			alias := m.text
			if m.kind == mkPronoun || m.kind == mkIt {
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
