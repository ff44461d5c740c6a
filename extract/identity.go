package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// docSentence carries one sentence through the pipeline stages.
type docSentence struct {
	s    sentence
	toks []token
	ms   []mention
}

// person is one person of an article, gathered from all the ways the
// article names them.
type person struct {
	name     string
	variants map[string]int // full names as written -> count
	order    []string       // variants in order of first appearance
	words    []string       // lower-case words of the first variant
	roles    []roleInfo
}

// identities resolves the actor mentions of an article to canonical names:
// full names absorb surnames, spelling variants, titles without names,
// @handles, pronouns and "the two leaders".
type identities struct {
	people []*person
	// byInitial indexes people by the initial of their surname, which
	// sameName requires to agree.
	byInitial map[byte][]*person
	// cache memoizes bySurname.
	cache map[string]*person
}

// initial is the index key of a name's lower-case words: the first byte of
// its last word without an Arabic article.
func initial(words []string) byte {
	last := stripArticle(words[len(words)-1])
	if last == "" {
		return 0
	}
	return last[0]
}

// resolveIdentities rewrites the mentions of sents in place: every kept
// mention gets a canonical name; unresolvable ones are dropped. It returns
// the states and organizations each person holds an office in.
func resolveIdentities(sents []docSentence) map[string][]string {
	var id identities
	id.collect(sents)
	id.collectRoles(sents)
	for k := range sents {
		ds := sents[k]
		ms := ds.ms[:0]
		for _, m := range ds.ms {
			switch {
			case id.resolve(&m):
				ms = append(ms, m)
			case m.kind == mkSurname && !ds.s.titleCase && isPlacePhrase(ds.toks, m):
				// "met in Geneva": a name no person of the article bears,
				// after "in", is the place of an event.
				m.kind, m.name, m.typ, m.conf = mkGaz, m.text, Place, 0.6
				ms = append(ms, m)
			case m.kind == mkSurname && m.start > 0 && !ds.s.titleCase && predicateFollows(ds.toks, m.end):
				// "despite Biden declaring he …": an unknown name still
				// stands between a pronoun and earlier antecedents.
				m.kind = mkUnknown
				ms = append(ms, m)
			}
		}
		sents[k].ms = ms
	}
	roles := id.rolesOf()
	resolveReferences(sents, roles)
	return roles
}

// isPlacePhrase reports whether a one-word name m stands alone after "in",
// where news writing names places: "talks in Geneva on Friday".
func isPlacePhrase(toks []token, m mention) bool {
	return m.end-m.start == 1 && m.role == nil && m.start > 0 && toks[m.start-1].is("in") && endsPhrase(toks, m.end)
}

// rolesOf maps each person to the states and organizations they hold an
// office in.
func (id *identities) rolesOf() map[string][]string {
	out := map[string][]string{}
	for _, p := range id.people {
		for _, r := range p.roles {
			out[p.name] = append(out[p.name], r.org)
		}
	}
	return out
}

// collect builds the people of the article from full names, and from
// titled single names ("President Putin") that no full name explains.
func (id *identities) collect(sents []docSentence) {
	for _, ds := range sents {
		for _, m := range ds.ms {
			if m.kind == mkPerson && strings.Contains(m.nm, " ") {
				id.add(m.nm)
			}
		}
	}
	for _, ds := range sents {
		for _, m := range ds.ms {
			if m.kind == mkSurname && m.role != nil && !ds.s.titleCase && id.bySurname(m.nm) == nil {
				id.add(m.nm)
			}
		}
	}
	id.collectBare(sents)
	if len(id.people) == 0 {
		return
	}
	counts := map[string]int{}
	for _, ds := range sents {
		for _, m := range ds.ms {
			if m.kind == mkSurname || m.kind == mkPerson {
				counts[m.last]++
			}
		}
	}
	for _, p := range id.people {
		p.name = p.canonical(counts)
	}
	id.cache = map[string]*person{}
}

// collectBare adds the persons an article names by surname alone ("Biden
// said …"): a capitalised word, not an acronym, that no lexicon knows and
// no person of the article explains, used inside a sentence (so it is a
// name, not a capitalised first word) as a verb's subject, and never as a
// place ("in Geneva").
func (id *identities) collectBare(sents []docSentence) {
	type use struct {
		n, inside, acts int
		place           bool
	}
	var uses map[string]*use
	var order []string
	for _, ds := range sents {
		if ds.s.titleCase {
			continue
		}
		for _, m := range ds.ms {
			if m.kind != mkSurname || m.role != nil || ds.toks[m.start].flags&^(fLooked|fStop) != 0 || m.end-m.start != 1 || isAcronym(m.nm) {
				continue
			}
			if uses == nil {
				uses = map[string]*use{}
			}
			u := uses[m.nm]
			if u == nil {
				u = &use{}
				uses[m.nm] = u
				order = append(order, m.nm)
			}
			u.n++
			if m.start > 0 {
				u.inside++
			}
			// "Biden said", and after a preposition "despite Biden declaring"
			if predicateFollows(ds.toks, m.end) && (!isObject(ds.toks, m) || strings.HasSuffix(ds.toks[m.end].lower, "ing")) {
				u.acts++
			}
			u.place = u.place || isPlacePhrase(ds.toks, m)
		}
	}
	for _, nm := range order {
		if u := uses[nm]; u.inside > 0 && u.acts > 0 && !u.place && id.bySurname(nm) == nil {
			id.add(nm)
		}
	}
}

// isAcronym reports whether a name has no lower-case letter ("TWA"):
// acronyms name organizations, not persons.
func isAcronym(nm string) bool {
	for _, r := range nm {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// add files a full name under the person it belongs to, or a new person.
func (id *identities) add(nm string) {
	w := strings.Fields(strings.ToLower(nm))
	for _, p := range id.byInitial[initial(w)] {
		if sameName(w, p.words) {
			if p.variants[nm] == 0 {
				p.order = append(p.order, nm)
			}
			p.variants[nm]++
			return
		}
	}
	if len(id.people) >= maxPeople {
		return // hostile input: no article names so many people
	}
	p := &person{variants: map[string]int{nm: 1}, order: []string{nm}, words: w}
	id.people = append(id.people, p)
	if id.byInitial == nil {
		id.byInitial = map[byte][]*person{}
	}
	id.byInitial[initial(w)] = append(id.byInitial[initial(w)], p)
}

// maxPeople bounds the people of one article: finding a name among them
// takes a look at each, and the bound keeps that linear in the text.
const maxPeople = 100

// canonical picks the fullest name; among equals, the spelling whose
// surname the article uses most, then the first seen.
func (p *person) canonical(surnames map[string]int) string {
	best, bestKey := "", [3]int{-1, -1, -1}
	for i, v := range p.order {
		w := strings.Fields(strings.ToLower(v))
		key := [3]int{len(w), surnames[w[len(w)-1]] + p.variants[v], -i}
		if key[0] > bestKey[0] || key[0] == bestKey[0] && (key[1] > bestKey[1] || key[1] == bestKey[1] && key[2] > bestKey[2]) {
			best, bestKey = v, key
		}
	}
	return best
}

// sameName reports whether two names (lower-case words) name one person:
// similar surnames, and similar first names when both have one, or one
// name is the tail of the other ("Le Drian", "Jean-Yves Le Drian").
func sameName(a, b []string) bool {
	if !similar(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	if len(a) == 1 || len(b) == 1 {
		return true
	}
	if isTail(a, b) || isTail(b, a) {
		return true
	}
	return similar(a[0], b[0]) || strings.TrimSuffix(a[0], ".") == b[0][:1] || strings.TrimSuffix(b[0], ".") == a[0][:1]
}

// isTail reports whether short is the last words of long.
func isTail(short, long []string) bool {
	if len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, w := range short {
		if long[off+i] != w {
			return false
		}
	}
	return true
}

// similar reports whether two name words are the same word or a spelling
// variant of it: edit distance at most 1 for words of five letters or more,
// 2 for eight or more.
func similar(a, b string) bool {
	a, b = stripArticle(a), stripArticle(b)
	if a == b {
		return true
	}
	if a == "" || b == "" || a[0] != b[0] || len(a)-len(b) > 2 || len(b)-len(a) > 2 {
		return false
	}
	n := min(len(a), len(b))
	switch {
	case n >= 8:
		return EditDistance(a, b) <= 2
	case n >= 4:
		return EditDistance(a, b) <= 1 || transposed(a, b)
	}
	return false
}

// stripArticle drops an Arabic article from a name word ("al-Sisi").
func stripArticle(w string) string {
	if len(w) < 4 || w[2] != '-' && w[3] != '-' {
		return w // no article: the common case
	}
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "at-"} {
		if len(w) > len(p)+2 && strings.HasPrefix(w, p) {
			return w[len(p):]
		}
	}
	return w
}

// transposed reports whether a and b differ by swapping two adjacent
// letters ("macron", "marcon").
func transposed(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	first, n := -1, 0
	for i := range len(a) {
		if a[i] != b[i] {
			if n == 0 {
				first = i
			}
			n++
		}
	}
	return n == 2 && first+1 < len(a) && a[first] == b[first+1] && a[first+1] == b[first]
}

// EditDistance returns the Levenshtein distance between a and b counted in
// runes (Unicode code points): the least number of single-rune insertions,
// deletions and substitutions that turn a into b. Each invalid UTF-8 byte
// counts as one rune U+FFFD, as in a range loop. Strings of up to 32 runes are compared without
// allocating; it is safe for concurrent use.
func EditDistance(a, b string) int {
	if a == b {
		return 0
	}
	// Runes into fixed buffers: names are short, so no allocation.
	var abuf, bbuf [32]rune
	ra, rb := appendRunes(abuf[:0], a), appendRunes(bbuf[:0], b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra // the row runs over the shorter string
	}
	if len(rb) == 0 {
		return len(ra)
	}
	var row [33]int
	d := row[:]
	if len(rb)+1 > len(d) {
		d = make([]int, len(rb)+1)
	}
	d = d[:len(rb)+1]
	for j := range d {
		d[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		diag := d[0] // d[i-1][j-1]
		d[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			up := d[j]
			d[j] = min(up+1, d[j-1]+1, diag+cost)
			diag = up
		}
	}
	return d[len(rb)]
}

// appendRunes appends the runes of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}

// bySurname returns the one person whose name ends in (a variant of) the
// name nm, or nil when none or several do.
func (id *identities) bySurname(nm string) *person {
	if len(id.people) == 0 {
		return nil
	}
	if p, ok := id.cache[nm]; ok {
		return p
	}
	p := id.findSurname(nm)
	if id.cache != nil {
		id.cache[nm] = p
	}
	return p
}

// findSurname does the work of bySurname.
func (id *identities) findSurname(nm string) *person {
	var one [1]string
	w := one[:]
	if strings.Contains(nm, " ") {
		w = strings.Fields(strings.ToLower(nm))
	} else {
		one[0] = strings.ToLower(nm) // a single name, the common case
	}
	if len(w) == 0 || w[0] == "" {
		return nil
	}
	var found *person
	for _, p := range id.byInitial[initial(w)] {
		if sameName(w, p.words) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	if found == nil && len(w) == 1 {
		return id.byNameWord(w[0])
	}
	return found
}

// byNameWord returns the one person with the word w among the other
// words of their name: "Abiy" for Abiy Ahmed, "Lula" for Luiz Inácio Lula
// da Silva, "Xi" for Xi Jinping (family name first).
func (id *identities) byNameWord(w string) *person {
	if utf8.RuneCountInString(w) < 2 {
		return nil
	}
	var found *person
	for _, p := range id.people {
		if len(p.words) > 1 && contains(p.words[:len(p.words)-1], w) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// collectRoles records the offices stated for each person, resolving
// "Biden's adviser" to the state Biden leads.
func (id *identities) collectRoles(sents []docSentence) {
	var pending []struct {
		p *person
		r roleInfo
	}
	for _, ds := range sents {
		for _, m := range ds.ms {
			if m.role == nil || m.role.org == "" || (m.kind != mkPerson && m.kind != mkSurname) {
				continue
			}
			p := id.bySurname(m.nm)
			if p == nil {
				continue
			}
			if strings.HasPrefix(m.role.org, "@") {
				pending = append(pending, struct {
					p *person
					r roleInfo
				}{p, *m.role})
				continue
			}
			p.roles = append(p.roles, *m.role)
		}
	}
	for _, pr := range pending {
		if boss := id.bySurname(pr.r.org[1:]); boss != nil && len(boss.roles) > 0 {
			pr.r.org = boss.roles[0].org
			pr.p.roles = append(pr.p.roles, pr.r)
		}
	}
}

// resolve sets the canonical name of a mention, and reports whether the
// mention is kept. Pronouns and pairs wait for resolveReferences.
func (id *identities) resolve(m *mention) bool {
	switch m.kind {
	case mkPerson, mkSurname:
		p := id.bySurname(m.nm)
		if p == nil {
			return false
		}
		m.name = p.name
		if m.role != nil && strings.HasPrefix(m.role.org, "@") {
			m.role = p.roleFor(m.role)
		}
	case mkTitle:
		// A title nobody in the article is known to hold waits for
		// resolveReferences, which tries the person named last.
		if p := id.byRole(m.role); p != nil {
			m.name, m.conf = p.name, 0.6
		}
	case mkHandle:
		p := id.byHandle(strings.ToLower(m.text[1:]))
		if p == nil {
			return false
		}
		m.name, m.conf = p.name, 0.7
	}
	return true
}

// roleFor returns the person's recorded role matching r, or nil.
func (p *person) roleFor(r *roleInfo) *roleInfo {
	for _, pr := range p.roles {
		if pr.role == r.role {
			return &pr
		}
	}
	return nil
}

// byRole returns the one person holding the office r in the article.
func (id *identities) byRole(r *roleInfo) *person {
	var found *person
	for _, p := range id.people {
		for _, pr := range p.roles {
			if pr.org == r.org && (pr.role == r.role || r.role == "leader" && pr.rel == "leader-of") {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// byHandle returns the one person a Twitter handle names: the handle is
// their name run together, or holds their surname.
func (id *identities) byHandle(h string) *person {
	var found *person
	for _, p := range id.people {
		last := p.words[len(p.words)-1]
		if strings.ReplaceAll(strings.ToLower(p.name), " ", "") == h || len(last) >= 4 && strings.Contains(h, last) {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// seenPerson is a resolved person mention in reading order.
type seenPerson struct {
	sent int
	name string
	// subj marks a mention in subject position: at the start of the
	// sentence or after a comma or conjunction, not after a verb or
	// preposition.
	subj bool
	// quoted marks a mention inside a quotation, which cannot be the
	// antecedent of a pronoun outside it ("“… @X …,” he tweeted").
	quoted bool
	typ    string
	// acts marks a mention followed by its verb ("Biden declaring").
	acts bool
	// end is the token after the mention.
	end int
}

// resolveReferences resolves pronouns to a person in the same or the
// previous sentence, "it" to a state or organization in subject position
// there, "they"/"the two leaders" to the two persons mentioned last within
// the last three sentences, and a title no one is known to hold ("the
// French president") to the person named last, when that person holds no
// office elsewhere (roles maps persons to their orgs).
func resolveReferences(sents []docSentence, roles map[string][]string) {
	var people, bodies []seenPerson
	inQuote := quotedTokens(sents)
	for k := range sents {
		toks := sents[k].toks
		ms := sents[k].ms[:0]
		for _, m := range sents[k].ms {
			quoted := isQuoted(inQuote, k, m.start)
			switch m.kind {
			case mkTitle:
				if m.name == "" {
					m.name, m.conf, m.inferred = titleAntecedent(people, k, m.role.org, roles), 0.5, true
					if m.name != "" && !contains(roles[m.name], m.role.org) {
						roles[m.name] = append(roles[m.name], m.role.org) // now known to hold it
					}
				}
			case mkPronoun:
				m.name, m.conf = pronounAntecedent(people, k, quoted), 0.5
			case mkOwnState:
				// "Zelensky urged his country": the one state he serves
				m.name, m.conf = onlyOrg(roles[pronounAntecedent(people, k, quoted)]), 0.5
			case mkIt:
				if a := itAntecedent(bodies, k); a.name != "" {
					m.name, m.typ, m.conf = a.name, a.typ, 0.5
				}
			case mkUnknown:
				people = append(people, seenPerson{sent: k, acts: true})
				continue
			case mkPair:
				if m.typ == Country {
					m.pair = lastTwo(pairStates(bodies, toks, k, m.start), k, false) // "the two countries"
				} else {
					m.pair = lastTwo(people, k, toks[m.start].is("they"))
				}
				m.name, m.conf = m.pair[0]+" & "+m.pair[1], 0.5
				if m.pair[0] == "" {
					m.name = ""
				}
			}
			if m.name == "" {
				continue
			}
			seen := seenPerson{k, m.name, subjectPosition(toks, m.start), quoted, m.typ, predicateFollows(toks, m.end), m.end}
			switch {
			case m.typ == Person && m.kind != mkPair:
				people = append(people, seen)
			case m.kind != mkPair && (m.typ == Country || m.typ == Organization || m.typ == Group):
				seen.subj = predicateFollows(toks, m.end)
				seen.acts = subjectPosition(toks, m.start)
				bodies = append(bodies, seen)
			}
			ms = append(ms, m)
		}
		sents[k].ms = ms
	}
}

// onlyOrg returns the one state or organization of orgs, or "" when
// there are none or several.
func onlyOrg(orgs []string) string {
	for _, o := range orgs {
		if o != orgs[0] {
			return ""
		}
	}
	if len(orgs) == 0 {
		return ""
	}
	return orgs[0]
}

// pairStates returns the states among bodies that "the two countries" at
// token at of sentence k may stand for: states in subject position, but
// not the subject of the pair's own clause ("France stepped in between the
// two").
func pairStates(bodies []seenPerson, toks []token, k, at int) []seenPerson {
	first := len(bodies)
	for first > 0 && bodies[first-1].sent >= k-3 {
		first-- // lastTwo looks no further back
	}
	var out []seenPerson
	for _, b := range bodies[first:] {
		if b.typ != Country || !b.subj && !b.acts {
			continue
		}
		if b.sent == k && !punctBetween(toks, b.end, at) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// punctBetween reports whether a comma or other mark stands in
// toks[a:b].
func punctBetween(toks []token, a, b int) bool {
	for j := max(a, 0); j < b && j < len(toks); j++ {
		if toks[j].kind == tPunct {
			return true
		}
	}
	return false
}

// itAntecedent returns the state, organization or group that "it" in
// sentence k stands for: the first named earlier in the sentence as the
// subject of a verb ("Iran said it would …").
func itAntecedent(bodies []seenPerson, k int) seenPerson {
	var first seenPerson
	for i := len(bodies) - 1; i >= 0 && bodies[i].sent == k; i-- {
		if bodies[i].subj {
			first = bodies[i]
		}
	}
	return first
}

// predicateFollows reports whether a finite verb or auxiliary follows
// token i closely, so that the words before are its subject.
func predicateFollows(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+3; j++ {
		t := toks[j]
		switch {
		case t.flags&(fReport|fVerb) != 0 || t.is("has", "have", "had", "is", "was", "will", "would", "could", "may", "did", "does"):
			return true
		case t.kind == tPunct || !strings.HasSuffix(t.lower, "ly") && !t.is("also", "not", "never", "again", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
			return false
		}
	}
	return false
}

// pronounAntecedent picks the nearest subject named earlier in sentence k
// ("Macron said he would"), or the first person named there, or else, in
// the nearest of the
// three sentences before that names a person, the person last named in
// subject position ("…, while Putin praised X. "…," he said"), or else the
// person named last there.
func pronounAntecedent(recent []seenPerson, k int, quoted bool) string {
	first, near, subj, last, sent := "", "", "", "", -1
	nearSet := false
	for i := len(recent) - 1; i >= 0 && recent[i].sent >= k-3; i-- {
		r := recent[i]
		switch {
		case r.quoted && !quoted:
			// a name quoted is no antecedent outside the quotation
		case r.sent == k:
			if r.name != "" {
				first = r.name
			}
			if !nearSet && (r.subj || r.acts) {
				// the nearest subject before: "… despite Biden declaring
				// he …"; an unknown name leaves the pronoun unresolved
				near, nearSet = r.name, true
			}
		case r.name == "":
		case sent >= 0 && r.sent != sent:
			// only the nearest earlier sentence counts
		case r.subj && subj == "":
			subj, sent = r.name, r.sent
		case last == "":
			last, sent = r.name, r.sent
		}
	}
	switch {
	case nearSet:
		return near
	case first != "":
		return first
	case subj != "":
		return subj
	}
	return last
}

// subjectPosition reports whether a mention starting at token i stands
// where subjects do: first in the sentence, or after punctuation or a
// conjunction.
func subjectPosition(toks []token, i int) bool {
	for i > 0 && toks[i-1].is("the") {
		i--
	}
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return p.kind == tPunct || p.is("and", "but", "while", "whereas", "as", "when", "after", "before", "then", "meanwhile", "however", "that")
}

// titleAntecedent returns the person named last within the two sentences
// before, or earlier in sentence k, unless they hold an office of another
// state or organization than org.
func titleAntecedent(recent []seenPerson, k int, org string, roles map[string][]string) string {
	if n := len(recent); n > 0 && recent[n-1].sent >= k-2 {
		name := recent[n-1].name
		for _, o := range roles[name] {
			if o != org {
				return ""
			}
		}
		return name
	}
	return ""
}

// lastTwo returns the two distinct persons named last within three
// sentences before or at sentence k.
// A bare "they" is vaguer: it needs the last sentence naming persons to
// name exactly two.
func lastTwo(recent []seenPerson, k int, they bool) [2]string {
	var two []string
	sent := -1
	for i := len(recent) - 1; i >= 0 && recent[i].sent >= k-3; i-- {
		if recent[i].name == "" {
			continue // an unknown name
		}
		if they && sent >= 0 && recent[i].sent != sent {
			break
		}
		sent = recent[i].sent
		if !contains(two, recent[i].name) {
			if len(two) == 2 {
				if they {
					return [2]string{} // three or more persons: ambiguous
				}
				break
			}
			two = append(two, recent[i].name)
		}
	}
	if len(two) < 2 {
		return [2]string{}
	}
	sort.Strings(two)
	return [2]string{two[0], two[1]}
}

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
