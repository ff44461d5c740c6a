package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of a cleaned article.
type sentence struct {
	text string
	// headline marks a block without final punctuation (a headline,
	// subhead or caption), which is a sentence of its own.
	headline bool
	// titleCase marks text where most words are capitalised, so that
	// capitals do not signal names.
	titleCase bool
}

// splitSentences splits every block of c into sentences. A period ends a
// sentence unless it closes an abbreviation or an initial; the sentence
// must be followed by a capital, a digit or an opening quote.
func splitSentences(c cleaned, abbrevs map[string]bool) []sentence {
	var out []sentence
	for _, b := range c.blocks {
		if strings.TrimSpace(b) == "" {
			continue
		}
		if !endsSentence(b) && !strings.ContainsAny(b, ".!?") {
			out = appendBounded(out, sentence{text: b, headline: true, titleCase: isTitleLike(b)})
			continue
		}
		for _, s := range splitBlock(b, abbrevs) {
			ends := endsSentence(s)
			out = appendBounded(out, sentence{text: s, headline: !ends && s == b, titleCase: !ends && isTitleLike(s) || isAllCaps(s)})
		}
	}
	return out
}

// maxSentence bounds the length of a sentence in bytes. Real sentences are
// far shorter; longer runs (tables, lists, hostile input) are cut at spaces
// into pieces of at most this size, so that the stages that look at a whole
// sentence stay linear in the article.
const maxSentence = 2000

// appendBounded appends s to out, cut into pieces of at most maxSentence
// bytes.
func appendBounded(out []sentence, s sentence) []sentence {
	for len(s.text) > maxSentence {
		cut := strings.LastIndexByte(s.text[:maxSentence], ' ')
		if cut < maxSentence/2 {
			// No space: cut at a rune boundary, or anywhere in bytes that
			// are no UTF-8.
			cut = maxSentence
			for cut > maxSentence-utf8.UTFMax && !utf8.RuneStart(s.text[cut]) {
				cut--
			}
		}
		if piece := strings.TrimSpace(s.text[:cut]); piece != "" {
			out = append(out, sentence{text: piece, titleCase: s.titleCase})
		}
		s.text, s.headline = strings.TrimSpace(s.text[cut:]), false
	}
	if s.text != "" {
		out = append(out, s)
	}
	return out
}

// isAllCaps reports whether s has letters and all are capitals, as in
// wire headlines.
func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 3
}

// splitBlock splits one paragraph into sentence strings.
func splitBlock(b string, abbrevs map[string]bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		for end < len(b) && strings.IndexByte("\"')]", b[end]) >= 0 {
			end++
		}
		for _, q := range []string{"\u201d", "\u2019"} {
			if strings.HasPrefix(b[end:], q) {
				end += len(q)
			}
		}
		if !boundaryAfter(b, end) || (c == '.' && !periodEnds(b[start:i+1], abbrevs)) {
			continue
		}
		if s := strings.TrimSpace(b[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
		i = end - 1
	}
	if s := strings.TrimSpace(b[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// boundaryAfter reports whether the text after offset end can start a new
// sentence: the end of the block, or space then a capital, digit, quote or
// bracket.
func boundaryAfter(b string, end int) bool {
	if end >= len(b) {
		return true
	}
	r, w := utf8.DecodeRuneInString(b[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	rest := strings.TrimLeft(b[end+w:], " \t")
	if rest == "" {
		return true
	}
	n, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(n) || unicode.IsDigit(n) || strings.ContainsRune("\"'\u201c\u2018([", n)
}

// maxWordLen is the longest word periodEnds looks at: longer ones are no
// abbreviation.
const maxWordLen = 64

// periodEnds reports whether the period ending s closes a sentence: not
// after an abbreviation, an initial or a dotted code ("U.S.").
func periodEnds(s string, abbrevs map[string]bool) bool {
	// Only the last word matters; looking back a bounded way keeps long
	// runs without spaces linear.
	s = s[max(0, len(s)-maxWordLen):]
	w := s[strings.LastIndexByte(s, ' ')+1:]
	for len(w) > 0 && (w[0] == '"' || w[0] == '\'' || w[0] == '(' || w[0] >= utf8.RuneSelf) {
		_, n := utf8.DecodeRuneInString(w)
		w = w[n:]
	}
	if w == "." || strings.HasSuffix(w, "..") {
		return true
	}
	if abbrevs[strings.ToLower(w)] {
		return false
	}
	core := strings.TrimSuffix(w, ".")
	if isInitial(core) {
		return false
	}
	return !(strings.Contains(core, ".") && isInitialRun(core))
}
