package extract

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleaned is an article with page noise removed: a list of blocks
// (paragraphs or headlines) and the date found in a dateline, if any.
type cleaned struct {
	blocks []string
	date   string
}

// boilerplate holds the page-furniture rules of boilerplate.txt.
type boilerplate struct {
	lines map[string]bool
	// prefixes are indexed by their first byte.
	prefixes [256][]string
	headers  map[string]bool
	// dateLabels precede the article's date.
	dateLabels []string
	// first holds the first bytes of all rules, to skip most lines fast.
	first [256]bool
}

// loadBoilerplate reads boilerplate.txt.
func loadBoilerplate() *boilerplate {
	bp := &boilerplate{lines: map[string]bool{}, headers: map[string]bool{}}
	for _, l := range lines("boilerplate.txt") {
		bp.first[l[1][0]] = true
		switch l[0] {
		case "line":
			bp.lines[l[1]] = true
		case "prefix":
			bp.prefixes[l[1][0]] = append(bp.prefixes[l[1][0]], l[1])
		case "header":
			bp.headers[l[1]] = true
		case "date":
			bp.dateLabels = append(bp.dateLabels, l[1])
		}
	}
	return bp
}

// clean removes boilerplate lines, unwraps markdown, strips datelines and
// joins lines that were wrapped inside a paragraph.
func (bp *boilerplate) clean(text string) cleaned {
	var c cleaned
	seen := map[string]bool{}
	inList := false
	var head [headLen]byte
	kept := 0 // lines kept so far
	var block []string
	flush := func() {
		c.blocks = append(c.blocks, joinWrapped(block)...)
		block = block[:0]
	}
	for rest := text; rest != ""; {
		raw, after, _ := strings.Cut(rest, "\n")
		rest = after
		line := strings.TrimSpace(unmarkdown(raw))
		if line == "" {
			flush()
			continue
		}
		// Boilerplate rules are short: lower-case only a line's head.
		var low []byte
		if bp.first[lowerByte(line[0])] {
			low = lowerHead(line, &head)
		}
		if rest, ok := bp.dateLabel(line, low); ok {
			// "Date Created 02/21/2022"; a label alone announces a date
			// line, which isBoilerplate drops.
			if d := parseDate(rest); d != "" && c.date == "" {
				c.date = d
			}
			continue
		}
		dateOnly := isDateOnly(line)
		if c.date == "" && dateOnly {
			c.date = parseDate(line) // a date line: "02/21/2022"
		}
		if low != nil && bp.headers[string(low)] {
			inList = true
			continue
		}
		if inList && len(line) < 80 && !endsSentence(line) {
			continue
		}
		inList = false
		line = stripRepeatCaption(line)
		if dateOnly || seen[line] || bp.isBoilerplate(line, low) {
			continue
		}
		seen[line] = true
		if kept < datelineLines {
			// A dateline opens the article, after a headline or byline.
			if d, rest, ok := stripDateline(line); ok {
				if c.date == "" {
					c.date = d
				}
				line = rest
			}
		}
		kept++
		line = stripSlug(stripCredit(line))
		if line != "" {
			block = append(block, line)
		}
	}
	flush()
	return c
}

// datelineLines is how many kept lines from the top of an article may
// hold its dateline.
const datelineLines = 8

// headLen is how much of a line the boilerplate rules look at.
const headLen = 48

// lowerHead writes the first headLen bytes of line to buf, lower-cased
// (ASCII letters only: the rules are ASCII) and without a final ":", and
// returns them.
func lowerHead(line string, buf *[headLen]byte) []byte {
	h := strings.TrimSuffix(line[:min(len(line), headLen)], ":")
	for i := 0; i < len(h); i++ {
		buf[i] = lowerByte(h[i])
	}
	return buf[:len(h)]
}

// dateLabel reports whether a line starts with a date label, and returns
// the rest of the line; low is the line's lower-cased head.
func (bp *boilerplate) dateLabel(line string, low []byte) (string, bool) {
	for _, l := range bp.dateLabels {
		if len(low) < len(l) || string(low[:len(l)]) != l {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line[len(l):]), ":"))
		if rest == "" || isDateOnly(rest) {
			return rest, true
		}
	}
	return "", false
}

// parseDate reads a full date ("02/21/2022", "2022-02-21", "Feb. 15,
// 2022", "15 February 2022") and returns it as YYYY-MM-DD, or "".
// Numeric dates are read month first unless the first number cannot be
// a month.
func parseDate(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == ',' || r == '.' })
	if len(f) < 3 {
		return ""
	}
	num := func(w string, lo, hi int) int {
		if !isDigits(w) || len(w) > 4 {
			return 0
		}
		n, _ := strconv.Atoi(w)
		if n < lo || n > hi {
			return 0
		}
		return n
	}
	var y, m, d int
	switch {
	case len(f[0]) == 4 && num(f[0], 1900, 2100) > 0: // 2022-02-21
		y, m, d = num(f[0], 1900, 2100), num(f[1], 1, 12), num(f[2], 1, 31)
	case monthIndex(f[0]) > 0: // Feb 15 2022
		y, m, d = num(f[2], 1900, 2100), monthIndex(f[0]), num(f[1], 1, 31)
	case monthIndex(f[1]) > 0: // 15 February 2022
		y, m, d = num(f[2], 1900, 2100), monthIndex(f[1]), num(f[0], 1, 31)
	default: // 02/21/2022, or 21/02/2022
		y, m, d = num(f[2], 1900, 2100), num(f[0], 1, 12), num(f[1], 1, 31)
		if m == 0 || d == 0 {
			m, d = num(f[1], 1, 12), num(f[0], 1, 31)
		}
	}
	if y == 0 || m == 0 || d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isBoilerplate reports whether a line is page furniture (date-only lines
// are checked by the caller); low is the line's lower-cased head, or nil
// when no rule can match it.
func (bp *boilerplate) isBoilerplate(line string, low []byte) bool {
	if low != nil && len(line) <= headLen && bp.lines[string(low)] || isByline(line) || isTweetSignature(line) {
		return true
	}
	if len(low) == 0 {
		return false
	}
	for _, p := range bp.prefixes[low[0]] {
		if len(low) >= len(p) && string(low[:len(p)]) == p {
			return true
		}
	}
	return false
}

// joinWrapped joins the lines of one block that were wrapped mid-sentence,
// and keeps headline-like lines apart.
func joinWrapped(lines []string) []string {
	var out []string
	var cur []string
	for i, l := range lines {
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			// Only a block's first line can be a headline.
			headline := i == 1 && isTitleLike(last) && !startsLower(l)
			if endsSentence(last) || headline || !continues(l) {
				out = append(out, strings.Join(cur, " "))
				cur = cur[:0]
			}
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

// startsLower reports whether a line starts with a lower-case letter.
func startsLower(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsLower(r)
}

// continues reports whether a line looks like the rest of a wrapped
// sentence rather than a new unit.
func continues(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return !strings.HasPrefix(l, "(") && (unicode.IsLower(r) || unicode.IsDigit(r) || unicode.IsUpper(r))
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '!', '?', ':', ';':
			return true
		case '"', '\'', '\u201d', '\u2019', ')', ']', ' ':
			s = s[:len(s)-n]
		default:
			return false
		}
	}
	return false
}

// isTitleLike reports whether most longer words of s are capitalised, as in
// headlines and captions.
func isTitleLike(s string) bool {
	words, caps := 0, 0
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		start := i
		for i < len(s) && s[i] != ' ' {
			i++
		}
		w := s[start:i]
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		words++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}

// unmarkdown turns [text](url) into text, drops bare [brackets] and
// **emphasis** marks.
func unmarkdown(s string) string {
	if !strings.ContainsAny(s, "[*_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			if j := strings.IndexByte(s[i:], ')'); j > 0 {
				i += j
			}
		case c == '[' || c == ']':
		case c == '*' || (c == '_' && i+1 < len(s) && s[i+1] == '_'):
			if c == '_' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// stripRepeatCaption removes a gallery counter such as "1 of 7 | ".
func stripRepeatCaption(line string) string {
	bar := strings.Index(line, " | ")
	if bar < 0 || bar > 12 {
		return line
	}
	f := strings.Fields(line[:bar])
	if len(f) == 3 && f[1] == "of" && isDigits(f[0]) && isDigits(f[2]) {
		return strings.TrimSpace(line[bar+3:])
	}
	return line
}

// stripCredit cuts a trailing photo credit such as "Photo by A/B/C" from
// a caption line: a last fragment "<Word> by …" holding a slash.
func stripCredit(line string) string {
	if strings.IndexByte(line, '/') < 0 {
		return line // credits name agencies with slashes: "Photo by A/B"
	}
	for i := strings.Index(line, ". "); i >= 0; {
		tail := line[i+2:]
		if len(tail) > 160 || !strings.Contains(tail, " by ") {
			if next := strings.Index(tail, ". "); next >= 0 {
				i += 2 + next
				continue
			}
			break
		}
		f := strings.Fields(tail)
		if len(f) >= 3 && len(f) <= 12 && f[1] == "by" && len(f[0]) <= 8 && strings.Contains(tail, "/") && !endsSentence(tail) {
			return line[:i+1]
		}
		next := strings.Index(tail, ". ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return line
}

// stripSlug removes a leading desk slug such as "RUSSIA/France: ".
func stripSlug(line string) string {
	c := strings.Index(line, ": ")
	if c <= 0 || c > 40 {
		return line
	}
	head := line[:c]
	if strings.Contains(head, "/") && !strings.Contains(head, " ") {
		return line[c+2:]
	}
	return line
}

// stripDateline removes a dateline such as "Feb. 7 (UPI) --" or
// "LONDON, March 2 - " and returns the date it names: YYYY-MM-DD when it
// has a year ("MOSCOW, Feb 15, 2022 (Reuters) -"), else as written
// without punctuation ("Feb 7").
func stripDateline(line string) (date, rest string, ok bool) {
	lim := min(len(line), 80)
	cut, sep := -1, 0
	for _, d := range []string{" -- ", " - ", " \u2014 ", " \u2013 "} {
		if i := strings.Index(line[:lim], d); i >= 0 && (cut < 0 || i < cut) {
			cut, sep = i, len(d)
		}
	}
	if cut < 0 {
		return "", line, false
	}
	head := line[:cut]
	f := strings.Fields(datelineReplacer.Replace(head))
	for i := 0; i+1 < len(f); i++ {
		if monthIndex(f[i]) > 0 && isDigits(f[i+1]) && len(f[i+1]) <= 2 {
			date = f[i] + " " + f[i+1]
			if i+2 < len(f) {
				if iso := parseDate(date + " " + f[i+2]); iso != "" {
					date = iso // "MOSCOW, Feb 15, 2022 (Reuters) -"
				}
			}
			return date, strings.TrimSpace(line[cut+sep:]), true
		}
	}
	return "", line, false
}

// datelineReplacer spaces out the punctuation of a dateline's head.
var datelineReplacer = strings.NewReplacer(",", " ", "(", " (", ".", " ")

// months are the three-letter month abbreviations, in order.
var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthIndex returns 1..12 for a month name or abbreviation, 0 otherwise.
func monthIndex(w string) int {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if len(lw) < 3 {
		return 0
	}
	for i, m := range months {
		if strings.HasPrefix(lw, m) && (len(lw) == 3 || lw == "sept" || isMonthName(lw)) {
			return i + 1
		}
	}
	return 0
}

// isMonthName reports whether w is a full English month name.
func isMonthName(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december":
		return true
	}
	return false
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDateOnly reports whether a line holds nothing but a date.
func isDateOnly(line string) bool {
	if len(line) > 40 || !strings.ContainsAny(line[:1], "0123456789JFMASONDjfmasond") {
		return false
	}
	digits := 0
	for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '/' || r == '-' || r == ',' || r == '.' }) {
		switch {
		case isDigits(f):
			digits++
		case monthIndex(f) > 0:
		default:
			return false
		}
	}
	return digits > 0
}

// isByline reports whether a line is an author byline ("by Jane Doe").
func isByline(line string) bool {
	if len(line) > 60 || len(line) < 3 || line[0] != 'b' && line[0] != 'B' {
		return false
	}
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 5 || !strings.EqualFold(f[0], "by") {
		return false
	}
	for _, w := range f[1:] {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isTweetSignature reports whether a line is the signature of an embedded
// tweet: "— Name (@handle) date".
func isTweetSignature(line string) bool {
	return (strings.HasPrefix(line, "\u2014") || strings.HasPrefix(line, "-") || strings.HasPrefix(line, "\u2013")) &&
		strings.Contains(line, "(@")
}
