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
		if !endsSentence(b) && !strings.ContainsAny(b, ".!?") {
			out = append(out, sentence{text: b, headline: true, titleCase: isTitleLike(b)})
			continue
		}
		for _, s := range splitBlock(b, abbrevs) {
			ends := endsSentence(s)
			out = append(out, sentence{text: s, headline: !ends && s == b, titleCase: !ends && isTitleLike(s) || isAllCaps(s)})
		}
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

// periodEnds reports whether the period ending s closes a sentence: not
// after an abbreviation, an initial or a dotted code ("U.S.").
func periodEnds(s string, abbrevs map[string]bool) bool {
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
