package extract

import "strings"

// Title patterns of the mention stage: a person named with an office
// ("French President Emmanuel Macron", "President of Ukraine, Volodymyr
// Zelenskyy", "Olaf Scholz, Germany's chancellor") or an office alone
// ("the French president").

// modifier is the state or organization an office belongs to, as written
// before the title ("French", "Russia's", "Kremlin", "Biden's").
type modifier struct {
	org string
	n   int // tokens used
}

// modAt reads a modifier at i. A person's possessive ("Biden's") gives the
// org "@Biden", resolved by the identity stage.
func (mf mentionFinder) modAt(toks []token, i int, allowPerson bool) modifier {
	if i >= len(toks) {
		return modifier{}
	}
	if e, n := mf.lx.gaz.match(toks, i); n > 0 && e.typ != Place && toks[i].capital {
		if i+n < len(toks) && toks[i+n].is("'s") {
			n++
		}
		return modifier{org: e.name, n: n}
	}
	if d := mf.demonym(toks[i]); d != "" {
		return modifier{org: d, n: 1}
	}
	if allowPerson && toks[i].capital && i+1 < len(toks) && toks[i+1].is("'s") && mf.nameLen(toks, i) == 1 {
		return modifier{org: "@" + toks[i].text, n: 2}
	}
	return modifier{}
}

// titleAt reads a title at i, with an optional "of <state>" after it.
func (mf mentionFinder) titleAt(toks []token, i int) (titleInfo, string, int) {
	if i >= len(toks) {
		return titleInfo{}, "", 0
	}
	ti, n := mf.lx.titles.match(toks, i)
	if n == 0 {
		ti, n = mf.portfolio(toks, i)
	}
	if n == 0 {
		return ti, "", 0
	}
	if i+n+1 < len(toks) && toks[i+n].is("of") && mf.demonym(toks[i+n+1]) == "" {
		// "President of Ukraine", not "president of American Hoechst"
		if m := mf.modAt(toks, i+n+1, false); m.org != "" {
			return ti, m.org, n + 1 + m.n
		}
	}
	return ti, "", n
}

// portfolioHeads are the offices a portfolio word can precede.
var portfolioHeads = map[string]bool{
	"minister": true, "ministers": true, "secretary": true, "adviser": true, "advisor": true, "aide": true,
	"envoy": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "official": true, "chief": true,
}

// portfolio reads one or two portfolio words before an official's title
// that the titles list does not name with them: "economy minister",
// "foreign policy aide".
func (mf mentionFinder) portfolio(toks []token, i int) (titleInfo, int) {
	for n := 1; n <= 2 && i+n < len(toks); n++ {
		if w := toks[i+n-1]; w.kind != tWord || mf.isName(toks, i+n-1) || w.is("and", "or", "of", "the", "a", "former", "new") {
			return titleInfo{}, 0
		}
		if h := toks[i+n]; !skip(h, fHead) && portfolioHeads[h.lower] {
			words := make([]string, 0, n+1)
			for _, t := range toks[i : i+n] {
				words = append(words, t.lower)
			}
			words = append(words, strings.TrimSuffix(h.lower, "s"))
			return titleInfo{rel: "official-of", role: strings.Join(words, " ")}, n + 1
		}
	}
	return titleInfo{}, 0
}

// isName reports whether a gazetteer name starts at i as written: "Foreign
// Office", but not the "foreign" of "foreign policy aide".
func (mf mentionFinder) isName(toks []token, i int) bool {
	e, n := mf.lx.gaz.match(toks, i)
	return n > 0 && (toks[i].capital || e.lower)
}

// titled recognises a person named with a title, or a title standing for a
// person, at i.
func (mf mentionFinder) titled(s sentence, toks []token, i int) (mention, bool) {
	if m, ok := mf.apposition(s, toks, i); ok {
		return m, true
	}
	j := i
	det := toks[i].is("the")
	if det {
		j++
	}
	mod := mf.modAt(toks, j, false)
	ti, ofOrg, tn := mf.titleAt(toks, j+mod.n)
	if tn == 0 {
		return mention{}, false
	}
	org := titleOrg(mod.org, ofOrg, ti)
	k := j + mod.n + tn
	role := &roleInfo{rel: ti.rel, role: ti.role, org: org}
	// A name follows the title, maybe after a comma.
	nameAt := k
	if nameAt < len(toks) && toks[nameAt].is(",") && org != "" {
		nameAt++
	}
	if nameAt < len(toks) && toks[nameAt].capital && (org != "" || toks[j].capital) {
		if n := mf.nameLen(toks, nameAt); n > 0 {
			if s.titleCase {
				n = 1 // in a headline only a known surname can follow
			}
			return mention{start: i, end: nameAt + n, kind: personKind(n), typ: Person, role: role, conf: 0.9,
				nm: joinText(s.text, toks[nameAt:nameAt+n]), last: toks[nameAt+n-1].lower}, true
		}
	}
	if org != "" && (det || mod.n > 1 || ofOrg != "") {
		return mention{start: i, end: k, kind: mkTitle, typ: Person, role: role, conf: 0.7}, true
	}
	return mention{}, false
}

// apposition recognises "Name, [the] [state's] title": "Olaf Scholz,
// Germany's chancellor", "Antony Blinken, the US secretary of state".
func (mf mentionFinder) apposition(s sentence, toks []token, i int) (mention, bool) {
	if !toks[i].capital || !commaWithin(toks, i+2, i+8) {
		return mention{}, false
	}
	n := mf.nameLen(toks, i)
	if n < 2 || i+n+1 >= len(toks) || !toks[i+n].is(",") {
		return mention{}, false
	}
	j := i + n + 1
	if toks[j].is("the") {
		j++
	}
	mod := mf.modAt(toks, j, true)
	ti, ofOrg, tn := mf.titleAt(toks, j+mod.n)
	org := titleOrg(mod.org, ofOrg, ti)
	if tn == 0 || org == "" {
		return mention{}, false
	}
	return mention{start: i, end: j + mod.n + tn, kind: mkPerson, typ: Person, conf: 0.9,
		role: &roleInfo{rel: ti.rel, role: ti.role, org: org}, nm: joinText(s.text, toks[i:i+n]), last: toks[i+n-1].lower}, true
}

// titleOrg returns the state or organization of an office: the one named
// after the title ("President of Ukraine"), else before it ("Ukraine's
// president"), else the one state the title belongs to.
func titleOrg(before, after string, ti titleInfo) string {
	switch {
	case after != "":
		return after
	case before != "":
		return before
	}
	return ti.org
}

// commaWithin reports whether a comma stands in toks[a:b].
func commaWithin(toks []token, a, b int) bool {
	for j := a; j < b && j < len(toks); j++ {
		if toks[j].lower == "," {
			return true
		}
	}
	return false
}

// personKind is mkPerson for full names and mkSurname for one word.
func personKind(n int) mKind {
	if n == 1 {
		return mkSurname
	}
	return mkPerson
}

// joinText returns the text spanned by toks.
func joinText(s string, toks []token) string {
	return s[toks[0].start:toks[len(toks)-1].end]
}
