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
		if w := toks[i+n-1]; w.flags&(fVerb|fReport) != 0 || !w.capital && toks[i+n].capital {
			return titleInfo{}, 0 // "Uganda met Defence Minister X": "met" is no portfolio
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
	// "former Nigerian President X", "the former president", "Kenya's
	// outgoing president": an office not held now gives no role, and a
	// bare former title names nobody current.
	of := mf.officeAt(toks, j, false)
	former := of.former || i > 0 && isFormer(toks[i-1])
	mod, at, ti, ofOrg, tn := of.mod, of.at, of.ti, of.ofOrg, of.n
	if tn == 0 && mod.org != "" {
		// "Greek U.N. Representative X": an envoy to an organization
		// serves the state named before it.
		if m2 := mf.modAt(toks, at, false); m2.org != "" {
			if ti2, of2, tn2 := mf.titleAt(toks, at+m2.n); tn2 > 0 && envoyRoles[ti2.role] && of2 == "" {
				ti, tn, at = ti2, tn2, at+m2.n
			}
		}
	}
	if tn == 0 {
		return mention{}, false
	}
	if ti.rank {
		// A rank is written capitalized before a name ("Major General
		// X"): "Japan's major exporters" holds none, and a state before it
		// is often a place ("chief in Lebanon Brigadier X").
		if !toks[at].capital {
			return mention{}, false
		}
		mod, ofOrg = modifier{}, "" // nor "Director General of X's Board"
		_, tn = mf.lx.titles.match(toks, at)
	}
	org := titleOrg(mod.org, ofOrg, ti)
	k := at + tn
	role := &roleInfo{rel: ti.rel, role: ti.role, org: org}
	// "Dresdner Bank's Moscow representative X": the envoy of a company
	// or body, not of the place named.
	companyEnvoy := envoyRoles[ti.role] && i > 0 && (toks[i-1].is("'s", "'") || toks[i-1].kind == tWord && toks[i-1].capital)
	if former || companyEnvoy {
		role = nil
	}
	// A name follows the title, maybe after a comma and military ranks
	// ("army spokesman Major General X"): ranks are titles, not names.
	nameAt := k
	if nameAt < len(toks) && toks[nameAt].is(",") && org != "" {
		nameAt++
	}
	nameAt = mf.skipRanks(toks, nameAt)
	if nameAt < len(toks) && toks[nameAt].capital && (org != "" || toks[j].capital) {
		if n := mf.nameLen(toks, nameAt); n > 0 {
			if s.titleCase {
				n = 1 // in a headline only a known surname can follow
			}
			end := nameAt + n
			if org == "" && role != nil && end+1 < len(toks) && toks[end].is("of") && mf.demonym(toks[end+1]) == "" {
				// "Foreign Minister Ahmed Attaf of Algeria": the office's
				// state follows the name.
				if m := mf.modAt(toks, end+1, false); m.org != "" && mf.lx.types[m.org] == Country {
					role = &roleInfo{rel: ti.rel, role: ti.role, org: m.org}
					end += 1 + m.n
				}
			}
			return mention{start: i, end: end, kind: personKind(n), typ: Person, role: role, conf: 0.9,
				nm: joinText(s.text, toks[nameAt:nameAt+n]), last: toks[nameAt+n-1].lower}, true
		}
	}
	if role == nil || ti.rank || ti.plural {
		return mention{}, false // no one current, someone else's, or several people
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
	// "General Charles Kahariri, Kenya's army chief": the rank is no name.
	at0 := mf.skipRanks(toks, i)
	n := mf.nameLen(toks, at0)
	if n < 2 || at0+n+1 >= len(toks) || !toks[at0+n].is(",") {
		return mention{}, false
	}
	j := at0 + n + 1
	if toks[j].is("the") {
		j++
	}
	of := mf.officeAt(toks, j, true)
	org := titleOrg(of.mod.org, of.ofOrg, of.ti)
	if of.n == 0 || org == "" {
		return mention{}, false
	}
	role := &roleInfo{rel: of.ti.rel, role: of.ti.role, org: org}
	if of.former {
		role = nil // "X, Ghana's former president": no office now
	}
	return mention{start: i, end: of.at + of.n, kind: mkPerson, typ: Person, conf: 0.9,
		role: role, nm: joinText(s.text, toks[at0:at0+n]), last: toks[at0+n-1].lower}, true
}

// office is a title as read by officeAt.
type office struct {
	mod   modifier // the state or person before the title: "French", "Russia's"
	at    int      // where the title starts
	ti    titleInfo
	ofOrg string // the organization of an "of" phrase: "Secretary-General of NATO"
	n     int    // the title's length in tokens, 0 when there is none
	// former is set when a word such as "former" or "outgoing" says the
	// office is not held now.
	former bool
}

// officeAt reads "[former] [modifier] [former] title" at j: "French
// President", "Ghana's former president", "ex-Prime Minister".
func (mf mentionFinder) officeAt(toks []token, j int, allowPerson bool) office {
	var o office
	if j < len(toks) && isFormer(toks[j]) {
		o.former = true
		j++
	}
	o.mod = mf.modAt(toks, j, allowPerson)
	o.at = j + o.mod.n
	if o.at < len(toks) && isFormer(toks[o.at]) {
		o.former = true
		o.at++
	}
	o.ti, o.ofOrg, o.n = mf.titleAt(toks, o.at)
	return o
}

// envoyRoles are the offices of envoys, who serve the state that sends
// them, not the organization or state they are sent to.
var envoyRoles = map[string]bool{
	"ambassador": true, "envoy": true, "special envoy": true, "representative": true,
	"permanent representative": true, "special representative": true,
}

// formerWords mark an office not held now: "former", "ex-", "late",
// "outgoing", "would-be", "acting".
var formerWords = map[string]bool{
	"former": true, "ex": true, "late": true, "outgoing": true, "would-be": true, "acting": true,
	"erstwhile": true, "onetime": true, "one-time": true, "ousted": true, "deposed": true,
	"exiled": true, "retired": true, "incoming": true, "designate": true,
}

// isFormer reports whether t marks an office not held now, also as a
// prefix of the title word ("ex-Prime", "then-President").
func isFormer(t token) bool {
	if t.kind != tWord {
		return false
	}
	return formerWords[t.lower] || strings.HasPrefix(t.lower, "ex-") || strings.HasPrefix(t.lower, "then-")
}

// skipRanks returns the token after the military ranks starting at i
// ("Major General", "Lt. Gen.", "Air Marshal"), or i.
func (mf mentionFinder) skipRanks(toks []token, i int) int {
	for i < len(toks) && toks[i].capital {
		ti, n := mf.lx.titles.match(toks, i)
		if n == 0 || !ti.rank && ti.role != "ambassador" {
			break // "Representative, Ambassador X": an honorific too
		}
		i += n
	}
	return i
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
