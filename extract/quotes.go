package extract

import (
	"sort"
	"strings"
)

// Quotation speakers, part of the identity stage: inside a quotation, "we"
// and "I" are its speaker, named by a reporting verb after it ("“We are
// ready,” Sullivan said"), possibly sentences later for a long quotation.

// isOpenQuote reports whether t can open a quotation; a straight double
// quote can open and close one.
func isOpenQuote(t token) bool {
	return t.text == "\u201c" || t.text == "\u2018" || t.text == "\""
}

// isCloseQuote reports whether t can close a quotation.
func isCloseQuote(t token) bool {
	return t.text == "\u201d" || t.text == "\u2019" || t.text == "\""
}

// quoteSpan is a quotation: tokens [from, to) of sentence first through
// sentence last.
type quoteSpan struct {
	first, from, last, to int
}

// resolveQuotes names the speaker of every quotation and turns "we" and
// "I" inside it into mentions of the speaker. It returns, per sentence,
// the speaker's mention when the whole sentence is quoted, for subjectless
// sentences ("Informed @X about the situation,” he tweeted").
func (x *RuleExtractor) resolveQuotes(sents []docSentence) []*mention {
	speakers := make([]*mention, len(sents))
	for _, q := range findQuotes(sents) {
		sp := x.quoteSpeaker(sents[q.last], q.to)
		if sp == nil {
			continue
		}
		for k := q.first; k <= q.last; k++ {
			from, to := 0, len(sents[k].toks)
			if k == q.first {
				from = q.from
			}
			if k == q.last {
				to = q.to
			}
			if from <= 1 {
				speakers[k] = sp
			}
			sents[k].ms = addSpeakerMentions(sents[k], from, to, sp)
		}
	}
	return speakers
}

// findQuotes finds the quotations of an article, across sentences.
func findQuotes(sents []docSentence) []quoteSpan {
	var out []quoteSpan
	open := false
	var cur quoteSpan
	for k, ds := range sents {
		if !open && !hasQuote(ds.s.text) {
			continue
		}
		for i, t := range ds.toks {
			switch {
			case !open && isOpenQuote(t):
				open, cur = true, quoteSpan{first: k, from: i + 1}
			case open && isCloseQuote(t) && !(k == cur.first && i < cur.from):
				cur.last, cur.to = k, i
				out = append(out, cur)
				open = false
			}
		}
		if open && k-cur.first > 6 {
			open = false // an unbalanced quotation mark
		}
	}
	return out
}

// hasQuote reports whether s holds an opening quotation mark.
func hasQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "\u201c") || strings.Contains(s, "\u2018")
}

// quotedTokens marks, per sentence, the tokens inside quotations; a
// sentence without quotation has a nil slice.
func quotedTokens(sents []docSentence) [][]bool {
	out := make([][]bool, len(sents))
	for _, q := range findQuotes(sents) {
		for k := q.first; k <= q.last; k++ {
			if out[k] == nil {
				out[k] = make([]bool, len(sents[k].toks))
			}
			from, to := 0, len(out[k])
			if k == q.first {
				from = q.from
			}
			if k == q.last {
				to = q.to
			}
			for i := from; i < to; i++ {
				out[k][i] = true
			}
		}
	}
	return out
}

// isQuoted reports whether token i of sentence k is inside a quotation.
func isQuoted(inQuote [][]bool, k, i int) bool {
	return inQuote[k] != nil && inQuote[k][i]
}

// quoteSpeaker returns the mention that a reporting verb right after the
// closing quote at token q names as the speaker.
func (x *RuleExtractor) quoteSpeaker(ds docSentence, q int) *mention {
	for j := q + 1; j < len(ds.toks) && j <= q+5; j++ {
		if x.cs.reportClass(ds.toks, j) != "say" {
			continue
		}
		for _, m := range ds.ms {
			if m.name != "" && m.kind != mkPair && (m.end <= j && m.start > q || m.start == j+1) {
				return &m // a copy: the sentence's mentions may be re-sorted
			}
		}
		return nil
	}
	return nil
}

// addSpeakerMentions adds a mention of the speaker for every "we" and "I"
// in tokens [from, to) of a sentence.
func addSpeakerMentions(ds docSentence, from, to int, sp *mention) []mention {
	ms := ds.ms
	taken := mentionIndex(nil, ds)
	added := false
	for i := from; i < to; i++ {
		if taken[i] < 0 && ds.toks[i].is("we", "i") && ds.toks[i].text != "i" {
			ms = append(ms, mention{start: i, end: i + 1, kind: mkPronoun, name: sp.name, typ: sp.typ, text: ds.toks[i].text, conf: 0.5})
			added = true
		}
	}
	if added {
		sort.Slice(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
	}
	return ms
}
