package graph

import (
	"fmt"
	"strings"
	"time"
)

// NormalizeDate turns a document date as found in articles and corpora into
// ISO 8601 YYYY-MM-DD, or "" when it names no full date (no year, no day)
// or cannot be read. It understands:
//
//	2022-02-21, 2022-02-21T10:04:00Z, 2022/02/21, 20220221
//	02/21/2022 (month first; day first when the first number is over 12)
//	26-FEB-1987 15:01:01.79 (Reuters), 21 February 2022, 21 Feb. 2022
//	February 21, 2022, Feb. 21st 2022, Mon, 21 Feb 2022 10:04:00 GMT
//
// A dateline date without a year ("Feb. 8") gives "": the graph's dates
// are only compared and shown when they are complete.
func NormalizeDate(raw string) string {
	var parts []datePart
	for _, tok := range dateTokens(raw) {
		switch {
		case tok.time: // a time of day is not part of the date
		case tok.digits:
			parts = append(parts, datePart{n: atoi(tok.text), width: len(tok.text)})
		default:
			if m := monthNumber(tok.text); m > 0 {
				parts = append(parts, datePart{n: m, month: true})
			}
		}
		if len(parts) == 3 {
			break
		}
	}
	y, m, d, ok := readDateParts(parts)
	if !ok || y < 1000 || y > 2999 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "" // 31 June, 29 February of a common year …
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// datePart is one number or month name of a date.
type datePart struct {
	n     int
	width int  // digits written
	month bool // a month name
}

// readDateParts reads year, month and day from the first parts of a date.
func readDateParts(p []datePart) (y, m, d int, ok bool) {
	num := func(i int) bool { return i < len(p) && !p[i].month }
	year := func(i int) bool { return num(i) && p[i].width == 4 }
	mon := func(i int) bool { return i < len(p) && p[i].month }
	switch {
	case len(p) == 1 && num(0) && p[0].width == 8: // 20220221
		return p[0].n / 10000, p[0].n / 100 % 100, p[0].n % 100, true
	case len(p) < 3:
		return 0, 0, 0, false
	case year(0) && num(1) && num(2): // 2022-02-21
		return p[0].n, p[1].n, p[2].n, true
	case year(0) && mon(1) && num(2): // 2022 Feb 21
		return p[0].n, p[1].n, p[2].n, true
	case num(0) && num(1) && year(2): // 02/21/2022 or 21/02/2022
		if p[0].n > 12 {
			return p[2].n, p[1].n, p[0].n, true
		}
		return p[2].n, p[0].n, p[1].n, true
	case num(0) && mon(1) && year(2): // 21 Feb 2022
		return p[2].n, p[1].n, p[0].n, true
	case mon(0) && num(1) && year(2): // Feb 21, 2022
		return p[2].n, p[0].n, p[1].n, true
	}
	return 0, 0, 0, false
}

// dateToken is a run of digits or of letters.
type dateToken struct {
	text   string
	digits bool
	time   bool // digits next to ':' (a time of day)
}

// dateTokens splits s into runs of ASCII digits and runs of letters; any
// other character separates them.
func dateTokens(s string) []dateToken {
	var out []dateToken
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	for i := 0; i < len(s); {
		j := i
		switch {
		case isDigit(s[i]):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			t := dateToken{text: s[i:j], digits: true}
			t.time = j < len(s) && s[j] == ':' || i > 0 && s[i-1] == ':'
			out = append(out, t)
		case isLetter(s[i]):
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			out = append(out, dateToken{text: s[i:j]})
		default:
			j++
		}
		i = j
	}
	return out
}

// monthNames are the English month names; a month is also written by its
// first three letters (and "Sept").
var monthNames = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// monthNumber returns 1–12 for a month name or abbreviation, 0 otherwise.
func monthNumber(w string) int {
	w = strings.ToLower(w)
	for i, name := range monthNames {
		if w == name || w == name[:3] || w == "sept" && i == 8 {
			return i + 1
		}
	}
	return 0
}

// atoi reads a run of at most 9 digits (longer runs give 0, never a date).
func atoi(s string) int {
	if len(s) > 9 {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
