package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mKind tells how an actor mention was recognised.
type mKind uint8

const (
	mkGaz      mKind = iota // gazetteer name: country, organisation, place, bloc
	mkSeat                  // capital or seat of government standing for a state
	mkAgent                 // demonym or name with an agent noun: "Russian troops"
	mkGroup                 // armed group named by a state: "Russian-backed separatists"
	mkPerson                // a person's full name, maybe with a title
	mkSurname               // one capitalised word, a person if the article names one
	mkTitle                 // a title without a name: "the French president"
	mkPronoun               // he, she
	mkPair                  // they, the two leaders
	mkHandle                // @handle
	mkIt                    // it, standing for a state or organization
	mkUnknown               // a name the article does not explain, kept only to block pronouns
	mkOwnState              // "his country": the state of the person "his" stands for
)

// mention is one actor mention in a sentence's tokens.
type mention struct {
	start, end int // token span [start, end)
	kind       mKind
	name       string // canonical name once resolved; "" when unresolved
	typ        string
	text       string // surface text
	// nm is a person's name as written, without title ("Emmanuel Macron"),
	// and last the lower-case last word of it ("macron").
	nm, last string
	// role holds an office stated with the mention ("French President X").
	role *roleInfo
	// backer is the state that backs an armed group ("Russian-backed").
	backer string
	// conf is how sure the mention's resolution is.
	conf float64
	// pair holds the two persons a mkPair mention stands for.
	pair [2]string
	// inferred marks a title resolved to the person named just before it,
	// so that its office is news about that person.
	inferred bool
}

// roleInfo is an office held by a person: rel is leader-of or official-of,
// org the state or organization (or "@Person" for "Biden's adviser").
type roleInfo struct {
	rel, role, org string
}

// mentionFinder recognises actor mentions in tokens.
type mentionFinder struct{ lx *lexicon }

// find returns the actor mentions of a sentence, left to right and not
// overlapping. In title-case text, capitalised words are not taken for
// names unless the article names such a person elsewhere.
func (mf mentionFinder) find(s sentence, toks []token) []mention {
	// Mentions gather on the stack and are copied once, at their number.
	var buf [8]mention
	found := buf[:0]
	titles := mf.hasTitle(toks)
	for i := 0; i < len(toks); {
		if !mayStartMention(toks, i) {
			i++
			continue
		}
		if m, ok := mf.at(s, toks, i, titles); ok {
			m.text = s.text[toks[m.start].start:toks[m.end-1].end]
			found = append(found, m)
			i = m.end
			continue
		}
		i++
	}
	if len(found) == 0 {
		return nil
	}
	ms := mf.distribute(s, toks, append([]mention(nil), found...))
	mf.pairTitles(toks, ms)
	mf.placeTitles(toks, ms)
	return ms
}

// placeTitles gives a title without a state the state of the place that
// opens the sentence: "In Berlin, Chancellor Olaf Scholz said …".
func (mf mentionFinder) placeTitles(toks []token, ms []mention) {
	if len(ms) < 2 || !toks[0].is("in", "at") || ms[0].typ != Country || ms[0].kind == mkAgent {
		return
	}
	place, next := ms[0], ms[1]
	if place.end >= len(toks) || !toks[place.end].is(",") || next.start != place.end+1 || next.role == nil || next.role.org != "" {
		return
	}
	r := *next.role
	r.org = place.name
	ms[1].role = &r
}

// modifierAt returns the actor a single modifier word names when it is no
// mention itself: a demonym or a bloc adjective ("European").
func (mf mentionFinder) modifierAt(t token) (string, string) {
	if d := mf.demonym(t); d != "" {
		return d, Country
	}
	if b := mf.lx.bloc(t); b != "" && t.capital {
		return b, Group
	}
	return "", ""
}

// distribute shares an agent noun among coordinated modifiers: in
// "European, NATO and American leaders" the leaders are European too.
func (mf mentionFinder) distribute(s sentence, toks []token, ms []mention) []mention {
	var extra []mention
	for _, m := range ms {
		if m.kind != mkAgent || m.start < 2 || !toks[m.start-1].is("and", ",") {
			continue
		}
		for j := m.start - 2; j >= 0 && j >= m.start-8; j-- {
			t := toks[j]
			if t.is(",", "and") || covered(ms, j) {
				continue
			}
			name, typ := mf.modifierAt(t)
			if name == "" {
				break
			}
			extra = append(extra, mention{start: j, end: j + 1, kind: mkAgent, name: name, typ: typ, conf: 0.7, text: t.text})
		}
	}
	if len(extra) == 0 {
		return ms
	}
	ms = append(ms, extra...)
	sort.Slice(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
	return ms
}

// covered reports whether token j lies inside one of ms.
func covered(ms []mention, j int) bool {
	for _, m := range ms {
		if m.start <= j && j < m.end {
			return true
		}
	}
	return false
}

// pairTitles shares a plural title between coordinated states and names:
// "French and Russian foreign ministers, A and B" gives A the French role.
func (mf mentionFinder) pairTitles(toks []token, ms []mention) {
	for k := 0; k+1 < len(ms); k++ {
		m, next := ms[k], ms[k+1]
		if m.role == nil || m.start < 2 || !toks[m.start-1].is("and") || next.typ != Person ||
			next.start != m.end+1 || !toks[m.end].is("and") {
			continue
		}
		first, typ := mf.modifierAt(toks[m.start-2])
		if first == "" || typ != Country {
			continue
		}
		r := *m.role
		ms[k+1].role = &r
		first2 := *m.role
		first2.org = first
		ms[k].role = &first2
	}
}

// mayStartMention reports whether a mention can start at token i: a
// capitalised word, a word that starts a name, title or pronoun, an
// @handle, or a word before an armed-group noun ("pro-Russia militants").
// Most words are none of these.
func mayStartMention(toks []token, i int) bool {
	t := toks[i]
	return t.kind != tPunct && (t.capital || !skip(t, fStarter) || t.text[0] == '@' || i+1 < len(toks) && !skip(toks[i+1], fArmed))
}

// at tries every mention pattern at token i, most specific first; the
// caller checks mayStartMention first.
func (mf mentionFinder) at(s sentence, toks []token, i int, titles bool) (mention, bool) {
	t := toks[i]
	// Each pattern is tried only where its first words can stand: the
	// token flags rule most out without a call.
	if titles && (t.capital || t.is("the") || !skip(t, fTitle)) {
		if m, ok := mf.titled(s, toks, i); ok {
			return m, true
		}
	}
	if !skip(t, fStarter) || t.text[0] == '@' {
		if m, ok := mf.small(toks, i); ok {
			return m, true
		}
	}
	if i+1 < len(toks) && !skip(toks[i+1], fArmed) {
		if m, ok := mf.group(toks, i); ok {
			return m, true
		}
	}
	if t.capital && t.kind == tWord && i+1 < len(toks) && (toks[i+1].capital || toks[i+1].lower == "'s") {
		if m, ok := mf.orgName(s, toks, i); ok {
			return m, true
		}
	}
	if !skip(t, fGaz) {
		if m, ok := mf.named(toks, i); ok {
			if m = mf.withAgent(toks, m); m.kind == mkAgent || !mf.isDemonymPhrase(toks, i) && !mf.inLongerName(toks, m.end) {
				return m, true
			}
			return mention{}, false // a name of something else, not a person
		}
	}
	if d := mf.demonym(t); d != "" {
		if i+1 < len(toks) && toks[i+1].is("capital") {
			return mention{start: i, end: i + 2, kind: mkSeat, name: d, typ: Country, conf: 0.9}, true
		}
		if n := mf.agentAt(toks, i+1); n > 0 {
			return mention{start: i, end: i + 1 + n, kind: mkAgent, name: d, typ: Country, conf: 0.8}, true
		}
		if i+1 < len(toks) && mf.lx.sectors[toks[i+1].lower] {
			// "Russian banks" are an actor of their own, not Russia.
			return mention{start: i, end: i + 2, kind: mkGaz, name: t.text + " " + toks[i+1].lower, typ: Group, conf: 0.8}, true
		}
		if i+2 < len(toks) && toks[i+1].kind == tWord && !toks[i+1].capital && toks[i+1].flags&(fVerb|fReport) == 0 {
			if n := mf.agentAt(toks, i+2); n > 0 { // "Iranian nuclear facilities"
				return mention{start: i, end: i + 2 + n, kind: mkAgent, name: d, typ: Country, conf: 0.7}, true
			}
		}
	}
	if b := mf.lx.bloc(t); b != "" {
		if n := mf.agentAt(toks, i+1); n > 0 {
			return mention{start: i, end: i + 1 + n, kind: mkAgent, name: b, typ: Group, conf: 0.8}, true
		}
	}
	if name, _ := mf.modifierAt(t); name != "" {
		return mention{}, false // a demonym alone names nobody
	}
	if mf.isPeople(t) {
		// "Americans", "Ukrainians": the people of a state, an actor of
		// their own named as written.
		return mention{start: i, end: i + 1, kind: mkGaz, name: t.text, typ: Group, conf: 0.7}, true
	}
	if t.capital && t.kind == tWord {
		return mf.person(s, toks, i)
	}
	return mention{}, false
}

// hasTitle reports whether any token may start a title, so that the title
// patterns are worth trying.
func (mf mentionFinder) hasTitle(toks []token) bool {
	for _, t := range toks {
		if !skip(t, fTitle) {
			return true
		}
	}
	return false
}

// small recognises pronouns, "the two leaders" and @handles.
func (mf mentionFinder) small(toks []token, i int) (mention, bool) {
	t := toks[i]
	switch {
	case strings.HasPrefix(t.text, "@") && len(t.text) > 2:
		return mention{start: i, end: i + 1, kind: mkHandle, typ: Person}, true
	case t.is("he", "she"):
		return mention{start: i, end: i + 1, kind: mkPronoun, typ: Person}, true
	case t.is("they"):
		return mention{start: i, end: i + 1, kind: mkPair, typ: Person}, true
	case t.is("it") && i+1 < len(toks) && toks[i+1].kind == tWord && !toks[i+1].is("is", "was", "'s", "seems", "appears", "remains"):
		// "it" as a subject of an action; "it is likely" and the like are
		// left out.
		return mention{start: i, end: i + 1, kind: mkIt}, true
	case t.is("his", "her") && i+1 < len(toks) && toks[i+1].is("country", "nation"):
		return mention{start: i, end: i + 2, kind: mkOwnState, typ: Country}, true
	case t.is("the") && i+1 < len(toks) && toks[i+1].is("two") && stateNounAt(toks, i+2) > 0:
		// "the two countries", "the two permanent members": two states
		return mention{start: i, end: stateNounAt(toks, i+2) + 1, kind: mkPair, typ: Country}, true
	case t.is("the") && i+2 < len(toks) && toks[i+1].is("two") && toks[i+2].is("leaders", "presidents", "men", "sides"):
		return mention{start: i, end: i + 3, kind: mkPair, typ: Person}, true
	case t.is("the") && i+1 < len(toks) && toks[i+1].is("leaders"):
		return mention{start: i, end: i + 2, kind: mkPair, typ: Person}, true
	case t.is("the") && i+1 < len(toks) && toks[i+1].is("two") && (i+2 == len(toks) || toks[i+2].kind != tWord || !toks[i+2].capital && toks[i+2].lower != "of"):
		return mention{start: i, end: i + 2, kind: mkPair, typ: Person}, true
	}
	return mention{}, false
}

// stateNounAt returns the position of a noun for states within two words
// from i ("nuclear-armed neighbours", "permanent members"), or 0.
func stateNounAt(toks []token, i int) int {
	for j := i; j < len(toks) && j < i+3; j++ {
		t := toks[j]
		if t.is("countries", "nations", "states", "neighbors", "neighbours", "rivals", "powers", "members", "governments") {
			return j
		}
		if t.kind != tWord || t.capital || t.flags&(fVerb|fReport) != 0 {
			return 0
		}
	}
	return 0
}

// named matches a gazetteer name at i. Gazetteer names must be capitalised
// as written.
func (mf mentionFinder) named(toks []token, i int) (mention, bool) {
	e, n := mf.lx.gaz.match(toks, i)
	if n == 0 || mf.afterLongerName(toks, i) {
		return mention{}, false
	}
	first := toks[i]
	if first.is("the") && n > 1 {
		first = toks[i+1]
	}
	if !first.capital && !e.lower {
		return mention{}, false
	}
	kind := mkGaz
	if e.seat {
		kind = mkSeat
	}
	return mention{start: i, end: i + n, kind: kind, name: e.name, typ: e.typ, conf: 1}, true
}

// afterLongerName reports whether a capitalised word before i, inside the
// sentence, makes the name at i the tail of a longer name: "National
// Security Council", "New York".
func (mf mentionFinder) afterLongerName(toks []token, i int) bool {
	if i < 2 {
		return false
	}
	p := toks[i-1]
	return p.capital && p.kind == tWord && p.flags&fLooked != 0 && p.flags&(fGaz|fTitle|fDemonym|fVerb|fReport) == 0 &&
		mf.lx.stopKind(p) != "word" && toks[i-2].kind != tPunct
}

// inLongerName reports whether the capitalised word at i shows that the
// name before it is part of a longer name or a modifier: "Paris Club",
// "Washington Post", "U.S. FEEDGRAINS GROUP". Titles, agent nouns, other
// names, verbs and calendar words do not count.
func (mf mentionFinder) inLongerName(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	if !t.capital || t.kind != tWord || t.flags&(fGaz|fTitle|fAgent|fVerb|fNoun|fReport|fDemonym) != 0 {
		return false
	}
	if t.flags&fLooked == 0 {
		return false // unflagged tokens (lexicon building) are not judged
	}
	return mf.lx.stopKind(t) != "word" && !prepositions[t.lower]
}

// isDemonymPhrase reports whether the gazetteer entry at i is a demonym of
// several words ("North Korean"), an actor only with an agent noun.
func (mf mentionFinder) isDemonymPhrase(toks []token, i int) bool {
	e, n := mf.lx.gaz.match(toks, i)
	return n > 0 && e.demonym
}

// withAgent extends a name by a following agent noun ("US government",
// "NATO member countries").
func (mf mentionFinder) withAgent(toks []token, m mention) mention {
	if m.typ == Place {
		return m
	}
	at := m.end
	if at < len(toks) && toks[at].is("'s") {
		at++ // "Sudan's army"
	}
	if n := mf.agentAt(toks, at); n > 0 {
		m.end = at + n
		m.kind = mkAgent
	}
	return m
}

// agentAt returns the length of an agent noun phrase at i ("troops",
// "security forces"), or 0.
func (mf mentionFinder) agentAt(toks []token, i int) int {
	if i >= len(toks) {
		return 0
	}
	_, n := mf.lx.agents.match(toks, i)
	return n
}

// demonym returns the country of a demonym token, or "".
func (mf mentionFinder) demonym(t token) string {
	if !t.capital || skip(t, fDemonym) {
		return ""
	}
	return mf.lx.demonyms[t.lower]
}

// isPeople reports whether t is the plural of a demonym ("Israelis").
func (mf mentionFinder) isPeople(t token) bool {
	n := len(t.lower)
	return t.capital && n > 4 && t.lower[n-1] == 's' && mf.lx.demonyms[t.lower[:n-1]] != ""
}

// stateOf returns the country a word names as a name or demonym
// ("Russia", "Russian"), or "".
func (mf mentionFinder) stateOf(w string) string {
	if c := mf.lx.demonyms[w]; c != "" {
		return c
	}
	toks := []token{{lower: w, text: w, capital: true}}
	if e, n := mf.lx.gaz.match(toks, 0); n == 1 && e.typ == Country {
		return e.name
	}
	return ""
}

// group recognises armed groups named by a state: "Russian-backed
// separatists", "pro-Russia militants".
func (mf mentionFinder) group(toks []token, i int) (mention, bool) {
	if i+1 >= len(toks) {
		return mention{}, false
	}
	if skip(toks[i+1], fArmed) {
		return mention{}, false
	}
	head := mf.lx.armed[toks[i+1].lower]
	if head == "" {
		return mention{}, false
	}
	w := toks[i].lower
	var state, backer string
	switch {
	case strings.HasPrefix(w, "pro-"):
		state = mf.stateOf(w[4:])
	case strings.HasSuffix(w, "-backed"):
		state = mf.stateOf(strings.TrimSuffix(w, "-backed"))
		backer = state
	}
	if state == "" {
		return mention{}, false
	}
	return mention{start: i, end: i + 2, kind: mkGroup, name: "pro-" + mf.demonymOf(state) + " " + head, typ: Group, backer: backer, conf: 0.9}, true
}

// demonymOf returns the demonym of a country ("Russia" -> "Russian").
func (mf mentionFinder) demonymOf(country string) string {
	best := ""
	for d, c := range mf.lx.demonyms {
		if c == country && (best == "" || d < best) {
			best = d
		}
	}
	if best == "" {
		return country
	}
	r, n := utf8.DecodeRuneInString(best)
	return string(unicode.ToUpper(r)) + best[n:]
}

// person reads a capitalised word sequence starting at i as a person's
// name: two to four words give a full name, one word a surname candidate.
// In title-case text every capitalised word is only a surname candidate.
func (mf mentionFinder) person(s sentence, toks []token, i int) (mention, bool) {
	if s.titleCase {
		if mf.lx.stopKind(toks[i]) != "" {
			return mention{}, false
		}
		return mention{start: i, end: i + 1, kind: mkSurname, typ: Person, conf: 0.7, nm: toks[i].text, last: toks[i].lower}, true
	}
	if (i == 0 || toks[i-1].kind == tPunct) && (toks[i].flags&(fVerb|fReport|fNoun|fCue) != 0 || strings.HasSuffix(toks[i].lower, "ing")) && i+1 < len(toks) && toks[i+1].capital {
		return mention{}, false // a sentence-initial verb before a name: "Phoned Nicolas Maduro"
	}
	start := i
	if isHonorific(toks[i].lower) && i+1 < len(toks) && toks[i+1].capital {
		i++ // "Mr Macron": the name follows the honorific
	}
	n := mf.nameLen(toks, i)
	if n == 0 || n > 4 || (n > 1 && i > 0 && toks[i-1].is("the")) || i > 0 && toks[i-1].capital && mf.lx.stopKind(toks[i-1]) == "org" ||
		n > 1 && mf.agentAt(toks, i+n) > 0 {
		// "the New York Times", "Foreign Agricultural Service", "Bay Area
		// officials": names of things and places, not persons.
		return mention{}, false
	}
	return mention{start: start, end: i + n, kind: personKind(n), typ: Person, conf: 0.8, nm: joinText(s.text, toks[i:i+n]), last: toks[i+n-1].lower}, true
}

// isHonorific reports whether w is a courtesy title before a name.
func isHonorific(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof", "sheikh", "ayatollah", "imam", "rev":
		return true
	}
	return false
}

// nameLen returns how many tokens from i form a name: capitalised words
// joined by name particles ("Le", "de", "bin"). A capitalised sequence that
// runs into a stop word ("Fox News", "Air Mobility Operations Wing") is not
// a name, and 0 is returned.
func (mf mentionFinder) nameLen(toks []token, i int) int {
	n := 0
	for j := i; j < len(toks) && j-i < 6; j++ {
		t := toks[j]
		if t.kind != tWord || strings.HasSuffix(t.text, ".") && !isInitial(strings.TrimSuffix(t.text, ".")) {
			break
		}
		if strings.HasSuffix(t.lower, "-based") || strings.HasSuffix(t.lower, "-owned") {
			return 0 // "Chicago-based VMS Realty" names a company
		}
		if stop := mf.lx.stopKind(t); stop != "" {
			if stop == "org" && t.capital {
				return 0
			}
			break
		}
		if !t.capital && !isArticleName(t.text) {
			if isParticle(t.lower) && j+1 < len(toks) && toks[j+1].capital && n > 0 {
				continue
			}
			break
		}
		if j > i {
			if _, g := mf.lx.gaz.match(toks, j); g > 0 {
				break
			}
			if _, tl := mf.lx.titles.match(toks, j); tl > 0 {
				break
			}
		}
		if !skip(t, fDemonym) && mf.lx.demonyms[t.lower] != "" {
			break
		}
		n = j - i + 1
	}
	return n
}

// isArticleName reports whether w is a name with an Arabic article
// ("al-Sisi", "el-Sisi").
func isArticleName(w string) bool {
	for _, p := range []string{"al-", "el-"} {
		if len(w) > len(p) && strings.HasPrefix(w, p) {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// isParticle reports whether w may join the parts of a person's name.
func isParticle(w string) bool {
	switch w {
	case "de", "da", "di", "du", "van", "von", "der", "bin", "ibn", "al", "el", "le", "la", "dos", "del":
		return true
	}
	return false
}

// orgHeads are the last words of the names of armed groups, with the
// actor type the name stands for: "Arakan Army", "Sudan People's
// Liberation Movement", "Patriotic Front".
var orgHeads = map[string]string{
	"army": Group, "forces": Group, "front": Group, "movement": Group, "brigades": Group, "militia": Group,
}

// orgName recognises a capitalised name ending in an organization head at
// i when no gazetteer name spans it: "the Arakan Army", "Sudan People's
// Liberation Movement". A state's own armed forces ("Sudanese Army",
// "Ukraine Armed Forces") are the state, not a group of their own.
func (mf mentionFinder) orgName(s sentence, toks []token, i int) (mention, bool) {
	if s.titleCase || mf.lx.stopKind(toks[i]) != "" || i > 0 && toks[i-1].capital && toks[i-1].kind == tWord && mf.lx.stopKind(toks[i-1]) != "word" {
		return mention{}, false
	}
	for j := i + 1; j < len(toks) && j < i+6; j++ {
		t := toks[j]
		if t.is("'s") && j+1 < len(toks) && toks[j+1].capital {
			continue // "Sudan People's Liberation Movement"
		}
		if t.kind != tWord || !t.capital {
			return mention{}, false
		}
		typ := orgHeads[t.lower]
		if typ == "" {
			if mf.lx.stopKind(t) != "" {
				return mention{}, false
			}
			continue
		}
		if j+1 < len(toks) && toks[j+1].capital && toks[j+1].kind == tWord {
			return mention{}, false // the head of a longer name
		}
		if _, n := mf.lx.gaz.match(toks, i); n >= j-i+1 {
			return mention{}, false // a known name: "European Union"
		}
		if mf.demonym(toks[i]) != "" || strings.Contains(toks[i].lower, "-") || t.is("army", "forces") && mf.stateOf(toks[i].lower) != "" {
			return mention{}, false // a state's own army, "Washington-based …"
		}
		return mention{start: i, end: j + 1, kind: mkGaz, name: joinText(s.text, toks[i:j+1]), typ: typ, conf: 0.8}, true
	}
	return mention{}, false
}
