package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells words, numbers and punctuation apart.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is one word, number or punctuation mark of a sentence.
type token struct {
	// text is the token as written; lower is its lower-case form with
	// curly quotes and apostrophes made straight.
	text, lower string
	// start and end are byte offsets into the sentence text.
	start, end int32
	kind       tokKind
	// capital is set when the token starts with an upper-case letter.
	capital bool
	// flags tells which lexicons the word starts an entry of (see
	// lexicon.flag); zero when not yet looked up.
	flags uint32
}

// is reports whether the lower-case form of t is one of ws.
func (t token) is(ws ...string) bool {
	for _, w := range ws {
		if t.lower == w {
			return true
		}
	}
	return false
}

// tokenize splits a sentence into tokens. Possessive 's and the clitic n't
// are tokens of their own; abbreviations in abbrevs ("u.s.", "pres.") and
// initials ("J.") keep their period; "@handles" are one token.
func tokenize(s string, abbrevs map[string]bool) []token {
	return tokenizeInto(make([]token, 0, len(s)/5+1), s, abbrevs)
}

// tokenizeInto appends the tokens of s to toks.
func tokenizeInto(toks []token, s string, abbrevs map[string]bool) []token {
	low := asciiLower(s)
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case isWordRune(r) || (r == '@' && i+w < len(s) && isWordRune(rune(s[i+w]))):
			i = scanWord(s, low, i, abbrevs, &toks)
		default:
			toks = append(toks, token{text: s[i : i+w], lower: normPunct(s[i : i+w]), start: int32(i), end: int32(i + w), kind: tPunct})
			i += w
		}
	}
	return toks
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// isWordRune reports whether r can start or continue a word.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// isApostrophe reports whether r is a straight or curly apostrophe.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u2018' }

// scanWord reads the word starting at i, appends it (and a split-off
// clitic) to toks, and returns the offset after it.
func scanWord(s, low string, i int, abbrevs map[string]bool, toks *[]token) int {
	start := i
	if s[i] == '@' {
		i++
	}
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				i++
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += w
			continue
		}
		// Inner joiners: hyphen, apostrophe, period or comma followed by a
		// word character ("co-ordinate", "O'Brien", "U.S", "130,000").
		if (r == '-' || r == '.' || r == ',' || r == '/' || isApostrophe(r) || r == '&') && i+w < len(s) {
			nr, _ := utf8.DecodeRuneInString(s[i+w:])
			if isWordRune(nr) && joinerOK(s[start:i], r, nr) {
				i += w
				continue
			}
		}
		break
	}
	// A trailing period belongs to abbreviations and initials.
	if i < len(s) && s[i] == '.' {
		if abbrevs[lowerOf(s, low, start, i+1)] || isInitial(s[start:i]) || strings.Contains(s[start:i], ".") {
			i++
		}
	}
	word := s[start:i]
	// Split possessive 's and n't.
	if n := clitic(word); n > 0 {
		appendTok(toks, s, low, start, i-n)
		appendTok(toks, s, low, i-n, i)
		return i
	}
	appendTok(toks, s, low, start, i)
	return i
}

// joinerOK decides whether punctuation r between prev and the rune next
// keeps a word together.
func joinerOK(prev string, r, next rune) bool {
	switch r {
	case ',':
		// Only inside numbers: "130,000".
		return prev != "" && prev[len(prev)-1] >= '0' && prev[len(prev)-1] <= '9' && next >= '0' && next <= '9'
	case '.':
		// "U.S", "2.5": single letters or digits around the period.
		last, _ := utf8.DecodeLastRuneInString(prev)
		return unicode.IsDigit(last) && unicode.IsDigit(next) || isInitialRun(prev) && unicode.IsUpper(next)
	case '/', '&':
		return unicode.IsUpper(next) && len(prev) <= 3
	}
	return true
}

// maxInitialRun bounds the length of a run of initials ("U.S.A."); longer
// dotted runs are no abbreviation, and the bound keeps tokenizing linear.
const maxInitialRun = 16

// isInitialRun reports whether prev ends like "U" or "U.S": single letters
// separated by periods.
func isInitialRun(prev string) bool {
	if len(prev) > maxInitialRun {
		return false
	}
	// Every part between periods is one letter; the first may be empty.
	part, first := 0, true
	for _, r := range prev {
		if r != '.' {
			part++
			continue
		}
		if part != 1 && !(first && part == 0) {
			return false
		}
		part, first = 0, false
	}
	return part == 1 || first && part == 0
}

// isInitial reports whether w is one upper-case letter ("J").
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// clitic returns the byte length of a trailing 's or n't clitic of w, or 0.
func clitic(w string) int {
	lw := len(w)
	if lw > 3 && (w[lw-1] == 's' || w[lw-1] == 'S') {
		r, n := utf8.DecodeLastRuneInString(w[:lw-1])
		if isApostrophe(r) {
			return n + 1
		}
	}
	if lw > 4 && (w[lw-1] == 't' || w[lw-1] == 'T') {
		r, n := utf8.DecodeLastRuneInString(w[:lw-1])
		if isApostrophe(r) && lw-1-n-1 > 0 && (w[lw-1-n-1] == 'n' || w[lw-1-n-1] == 'N') {
			return n + 2
		}
	}
	return 0
}

// appendTok appends the token s[a:b] to toks.
func appendTok(toks *[]token, s, low string, a, b int) {
	if a >= b {
		return
	}
	text := s[a:b]
	kind, capital := tWord, false
	if c := text[0]; c < utf8.RuneSelf {
		capital = c >= 'A' && c <= 'Z'
		if c >= '0' && c <= '9' {
			kind = tNum
		}
	} else {
		r, _ := utf8.DecodeRuneInString(text)
		capital = unicode.IsUpper(r)
		if unicode.IsDigit(r) {
			kind = tNum
		}
	}
	*toks = append(*toks, token{text: text, lower: lowerOf(s, low, a, b), start: int32(a), end: int32(b), kind: kind, capital: capital})
}

// asciiLower returns s lower-cased when s is pure ASCII, else "".
func asciiLower(s string) string {
	upper := -1 // the first upper-case letter
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return ""
		}
		if upper < 0 && c >= 'A' && c <= 'Z' {
			upper = i
		}
	}
	if upper < 0 {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:upper])
	for i := upper; i < len(s); i++ {
		b[i] = lowerByte(s[i])
	}
	return string(b)
}

// lowerOf returns the lower-case form of s[a:b], sliced from low (the
// lower-cased sentence) when there is one.
func lowerOf(s, low string, a, b int) string {
	if low != "" {
		return low[a:b]
	}
	return lowerWord(s[a:b])
}

// lowerWord lower-cases w and straightens apostrophes, without allocating
// when w is already in that form.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return normPunct(strings.ToLower(w))
		}
	}
	return w
}

// normPunct straightens curly quotes and apostrophes and turns dashes into
// "-" so that lexicon look-ups see one form.
func normPunct(s string) string {
	// All the marks replaced start with the byte 0xE2.
	if strings.IndexByte(s, 0xE2) < 0 {
		return s
	}
	return punctReplacer.Replace(s)
}

// punctReplacer straightens quotes and dashes.
var punctReplacer = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"", "\u2013", "-", "\u2014", "-")
