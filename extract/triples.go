package extract

import "strings"

// arg is one participant of a relation.
type arg struct {
	name, typ, text string
	conf            float64
}

// emitted is a triple with the clause it came from and the event noun it
// names, for denials and accusations built on top of it.
type emitted struct {
	t      Triple
	clause int
	topic  string
}

// sentCtx is the working state of relation finding in one sentence.
type sentCtx struct {
	ds   docSentence
	cl   clauses
	mAt  []int // token -> mention index, -1 outside mentions
	out  []emitted
	doc  string
	date string
	// lastSubj is the subject of the last predicate, inherited by a
	// coordinated verb phrase ("denied … and demanded …").
	lastSubj []arg
	// lastMain is the last subject set in a main clause and lastEmbedded
	// whether lastSubj comes from an embedded clause: after "A said B had
	// agreed …, but warned …" the coordinated verb is A's, not B's.
	lastMain     []arg
	lastEmbedded bool
	// speakers maps a reported clause to the subject of its reporting verb.
	speakers map[int][]arg
	// roles maps persons to the states and organizations they serve.
	roles map[string][]string
	// quoted is the speaker when the sentence is a quotation, else nil.
	quoted *mention
}

// setLast records the subject of a predicate in clause c.
func (sc *sentCtx) setLast(subj []arg, c int) {
	sc.lastSubj = subj
	sc.lastEmbedded = sc.cl.list[c].kind != ckMain
	if !sc.lastEmbedded {
		sc.lastMain = subj
	}
}

// inherited returns the subject a coordinated verb phrase in clause c
// inherits: the last one, unless that came from an embedded clause and c
// is a main clause, which inherits the last main-clause subject.
func (sc *sentCtx) inherited(c int) []arg {
	if sc.lastEmbedded && sc.cl.list[c].kind == ckMain && len(sc.lastMain) > 0 {
		return sc.lastMain
	}
	return sc.lastSubj
}

// relFinder finds relations in sentences: verbs, event nouns, titles.
type relFinder struct {
	lx *lexicon
	md modalizer
	mf mentionFinder
	cs clauseSplitter
}

// hostile relations make a reported claim an accusation.
var hostile = map[string]bool{"attacked": true, "invaded": true, "armed": true, "threatened": true, "sanctioned": true, "deployed-to": true}

// placeOK lists relations whose object may be a place.
var placeOK = map[string]bool{"visited": true, "deployed-to": true, "withdrew-from": true, "invaded": true, "attacked": true}

// ofObjectOK lists relations whose object may be named through a noun:
// "recognized the independence of Kosovo", "criticized the policies of
// China".
var ofObjectOK = map[string]bool{"recognized": true, "criticized": true, "rejected": true, "praised": true}

// topicOK lists relations whose object may be a topic (RELATIONS.md).
var topicOK = map[string]bool{"supports": true, "proposed": true, "demanded": true, "denies": true}

// prepositions that mark a noun phrase as no subject.
var prepositions = map[string]bool{
	"of": true, "with": true, "to": true, "from": true, "in": true, "on": true, "at": true, "by": true,
	"for": true, "against": true, "between": true, "about": true, "over": true, "into": true,
	"toward": true, "towards": true, "near": true, "along": true, "after": true, "before": true,
	"than": true, "including": true, "like": true, "within": true, "across": true, "through": true,
	"among": true, "amid": true, "under": true, "via": true, "per": true, "despite": true, "re": true,
}

// skippable words may stand between a verb and its object, or a noun and
// its agent: determiners, common adjectives and adverbs.
var skippable = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"again": true, "also": true, "directly": true, "later": true, "earlier": true, "today": true,
	"yesterday": true, "tomorrow": true, "once": true, "twice": true, "then": true, "all": true,
	"both": true, "other": true, "fellow": true, "new": true, "top": true, "senior": true, "two": true,
	"some": true, "many": true, "several": true, "most": true, "few": true, "any": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "dozens": true, "hundreds": true, "thousands": true,
	"eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"southeastern": true, "northeastern": true, "southwestern": true, "northwestern": true,
}

// sentence finds the relations of one sentence.
func (rf relFinder) sentence(sc *sentCtx) {
	rf.roles(sc)
	rf.memberships(sc)
	toks := sc.ds.toks
	for i := 0; i < len(toks); i++ {
		if sc.mAt[i] >= 0 || skip(toks[i], fNoun|fReport|fVerb) {
			continue // no trigger starts here
		}
		if n := rf.nominal(sc, i); n > 0 {
			i += n - 1
			continue
		}
		if class := rf.cs.reportClass(toks, i); class != "" {
			rf.reporter(sc, i)
		}
		if vi, n := rf.lx.verbs.match(toks, i); n > 0 && (!strings.HasSuffix(toks[i].lower, "ing") || rf.gerundIsVerb(sc, i)) {
			if v, ok := rf.verbUse(toks, i, vi); ok {
				rf.verbal(sc, i, n, v)
				i += n - 1
				if n > 1 && i+1 < len(toks) && toks[i+1].is("between") {
					i-- // "hosted talks between A and B": the talks are A's with B
				}
			}
		}
	}
	rf.denials(sc)
	rf.claims(sc)
	rf.obligations(sc)
	rf.grievances(sc)
	rf.threats(sc)
	rf.visits(sc)
}

// verbUse returns the entry a verb form at i is used in: none when it is
// used as a noun ("the talks"), else the first of its alternatives whose
// condition holds ("sent" with weapons nearby arms, with troops deploys).
func (rf relFinder) verbUse(toks []token, i int, vi verbInfo) (verbInfo, bool) {
	if i > 0 && (verbNounMarkers[toks[i-1].lower] || toks[i-1].kind == tNum ||
		prepositions[toks[i-1].lower] && !toks[i-1].is("to") && !strings.HasSuffix(toks[i].lower, "ing") ||
		strings.HasSuffix(toks[i].lower, "ing") && rf.lx.reporting[toks[i-1].lower] != "") {
		// a noun ("the talks", "diversion of funds", "how much support") or
		// an adjective ("told visiting Secretary of State X")
		return vi, false
	}
	for v := &vi; v != nil; v = v.alt {
		if v.needs == "" || v.needs == "reverse" || rf.near(toks, i, rf.lx.needs[v.needs]) {
			return *v, true
		}
	}
	return vi, false
}

// gerundIsVerb reports whether an -ing form at i is a verb: after a form
// of "be", a conjunction, a preposition, an adverb, a verb taking an -ing
// complement ("continue consulting"), punctuation or an actor ("troops
// massing on the border"); not after another noun ("the ICO meeting").
func (rf relFinder) gerundIsVerb(sc *sentCtx, i int) bool {
	if i == 0 || sc.mAt[i-1] >= 0 {
		return true
	}
	p := sc.ds.toks[i-1]
	return p.kind == tPunct || prepositions[p.lower] || strings.HasSuffix(p.lower, "ly") || p.is(
		"is", "are", "was", "were", "be", "been", "am", "and", "or", "but", "also", "still", "already",
		"not", "while", "when", "without", "just", "now", "again", "to", "he", "she", "they", "we", "it",
		"continue", "continued", "continues", "keep", "kept", "start", "started", "begin", "began", "stop",
		"stopped", "resume", "resumed", "avoid", "consider", "finish", "finished")
}

// verbNounMarkers are words after which a verb form is a noun.
var verbNounMarkers = map[string]bool{
	"the": true, "a": true, "an": true, "'s": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "much": true, "more": true, "less": true, "any": true, "no": true, "some": true, "such": true,
	"strong": true, "broad": true, "full": true, "wide": true, "new": true, "further": true, "fresh": true,
	"show": true, "shows": true, "showed": true, "express": true, "expressed": true, "voice": true,
	"voiced": true, "pledge": true, "pledged": true, "give": true, "gave": true, "lend": true, "lent": true,
}

// near reports whether a word of set stands within six words of i.
func (rf relFinder) near(toks []token, i int, set map[string]bool) bool {
	for j := max(0, i-6); j < min(len(toks), i+7); j++ {
		if set[toks[j].lower] {
			return true
		}
	}
	return false
}

// reporter records the speaker of a reporting verb at i for the clause it
// opens.
func (rf relFinder) reporter(sc *sentCtx, i int) {
	c := sc.cl.of[i]
	speaker, _ := rf.subject(sc, i, c)
	if len(speaker) == 0 && i+1 < len(sc.ds.toks) && sc.mAt[i+1] >= 0 {
		speaker = rf.args(sc, sc.mAt[i+1])
	}
	if len(speaker) == 0 {
		return
	}
	sc.setLast(speaker, c)
	// The clause a reporting verb opens holds the next token (or the one
	// after "that").
	for j := i + 1; j < len(sc.cl.of) && j <= i+2; j++ {
		if k := sc.cl.of[j]; sc.cl.list[k].reporter == i {
			if sc.speakers == nil {
				sc.speakers = map[int][]arg{}
			}
			sc.speakers[k] = speaker
			break
		}
	}
}

// troopMoves are the relations whose direct object may be the troops
// moved: "withdraw Russian troops from Belarus" is done by Russia.
var troopMoves = map[string]bool{"deployed-to": true, "withdrew-from": true}

// verbal extracts the relation of a verb trigger at toks[i:i+n].
func (rf relFinder) verbal(sc *sentCtx, i, n int, vi verbInfo) {
	toks, c := sc.ds.toks, sc.cl.of[i]
	subj, subjEnd := rf.subject(sc, i, c)
	if mi := rf.troopsBefore(sc, i); troopMoves[vi.rel] && mi >= 0 {
		// "thousands of Russian troops massed near …", "U.S. forces and
		// equipment already stationed in Europe": the troops right before
		// the verb are its subject, even after "of".
		subj, subjEnd = rf.args(sc, mi), i
	}
	slots := vi.slots
	if last := toks[i+n-1].lower; n > 1 && contains(slots, last) {
		// The form ends in its preposition ("withdraw troops from"): the
		// object follows directly.
		slots = append([]string{"-"}, slots...)
	}
	objs, theme := rf.objects(sc, i+n, c, slots)
	if rf.passive(toks, i) {
		agent := rf.byAgent(sc, i+n, c)
		switch {
		case len(agent) > 0:
			if len(objs) == 0 {
				objs = subj
			}
			subj = agent
		case !troopMoves[vi.rel]: // "troops are assembled" needs no agent
			return
		case len(subj) == 0 && len(sc.speakers[c]) > 0:
			// "the Pentagon said 2,000 troops would be sent to Poland"
			subj = sc.speakers[c]
		}
	}
	if len(theme) > 0 && troopMoves[vi.rel] {
		subj = theme
	}
	if len(objs) == 0 && troopMoves[vi.rel] {
		objs = rf.whereAntecedent(sc, c)
	}
	if len(subj) == 0 {
		return
	}
	sc.setLast(subj, c)
	if vi.needs == "reverse" {
		subj, objs = objs, subj // "the format includes Germany"
	}
	mod := rf.md.modality(toks, sc.cl, c, subjEnd, i, vi.rel)
	verb := joinText(sc.ds.s.text, toks[i:i+n])
	if len(objs) == 0 && IsSymmetric(vi.rel) && len(subj) > 1 {
		// "A and B met", but not "A and B met British officials" nor "A
		// and B were talking to officials".
		if rf.reciprocal(toks, i, n, vi) {
			rf.pairwise(sc, subj, vi.rel, mod, verb, c, 0.85)
		}
		return
	}
	if len(objs) == 0 && vi.rel == "spoke-with" && len(subj) == 1 && subj[0].typ == Person {
		rf.spokeIn(sc, subj[0], i+n, mod, verb, c) // "Zelensky, who spoke in Munich"
		return
	}
	if topicOK[vi.rel] {
		objs = rf.withTopics(sc, objs, i+n, c, subjStart(sc, subj, subjEnd))
	} else if len(objs) == 0 && ofObjectOK[vi.rel] {
		objs = rf.ofObject(sc, i+n, c, vi.rel == "rejected" || vi.rel == "criticized") // "recognized the independence of Kosovo"
	}
	rel := vi.rel
	if rel == "attacked" && rf.abstractTarget(toks, i+n) {
		rel = "criticized" // "attacked Japan's fiscal policy"
	}
	if rel == "visited" && len(subj) == 1 && rf.troopMention(sc, subjEnd) {
		rel = "deployed-to" // "U.S. soldiers arrived in Poland"
	}
	for _, s := range subj {
		for _, o := range objs {
			r := rel
			if r == "armed" && o.typ == Place && vi.alt != nil && vi.alt.rel == "deployed-to" {
				r = "deployed-to" // jets sent to a region are deployed there
			}
			rf.emit(sc, s, r, o, mod, verb, c, 0.9, vi.topic)
			if vi.rel == "withdrew-from" {
				// Troops withdrawn from a place are there now.
				rf.emit(sc, s, "deployed-to", o, Asserted, verb, c, 0.6, "")
			}
		}
	}
}

// spokeIn adds "A visited P" for a speaker A who spoke in a place P right
// after the verb ending at from ("spoke in Munich on Saturday"): a city,
// or a state A does not serve.
func (rf relFinder) spokeIn(sc *sentCtx, a arg, from int, mod, verb string, c int) {
	toks := sc.ds.toks
	if from+1 >= len(toks) || !toks[from].is("in", "at") || sc.mAt[from+1] < 0 || !endsPhrase(toks, sc.ds.ms[sc.mAt[from+1]].end) {
		return
	}
	loc := rf.args(sc, sc.mAt[from+1])[0]
	if loc.typ == Place || loc.typ == Country && sc.home(a) != "" && sc.home(a) != loc.name {
		rf.emit(sc, a, "visited", loc, mod, verb, c, 0.6, "")
	}
}

// troopsBefore returns the troops mention that ends right before the verb
// at i, past adverbs and other troops or equipment ("forces and equipment
// already"), or -1.
func (rf relFinder) troopsBefore(sc *sentCtx, i int) int {
	troops := rf.lx.needs["troops"]
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		t := sc.ds.toks[j]
		if mi := sc.mAt[j]; mi >= 0 {
			if sc.ds.ms[mi].kind == mkAgent {
				return mi
			}
			return -1
		}
		if !troops[t.lower] && !t.is("and", "already", "still", "now") && !strings.HasSuffix(t.lower, "ly") {
			return -1
		}
	}
	return -1
}

// troopMention reports whether the mention ending at token end names
// troops ("U.S. soldiers").
func (rf relFinder) troopMention(sc *sentCtx, end int) bool {
	if end <= 0 || end > len(sc.mAt) || sc.mAt[end-1] < 0 {
		return false
	}
	m := sc.ds.ms[sc.mAt[end-1]]
	return m.kind == mkAgent && rf.lx.needs["troops"][sc.ds.toks[m.end-1].lower]
}

// abstractTarget reports whether the direct object after i is a
// possessive followed by something other than a physical target.
func (rf relFinder) abstractTarget(toks []token, i int) bool {
	for ; i+1 < len(toks); i++ {
		if toks[i].is("'s") {
			for j := i + 1; j < len(toks) && j < i+4; j++ {
				if rf.lx.needs["targets"][toks[j].lower] {
					return false
				}
			}
			return true
		}
		if toks[i].kind == tPunct || prepositions[toks[i].lower] {
			return false
		}
	}
	return false
}

// reciprocal reports whether a symmetric verb at toks[i:i+n] with a
// coordinated subject and no object found relates its subjects to each
// other: no object or prepositional partner follows it, and "speak" needs
// a reciprocal cue ("spoke by phone", "to each other").
func (rf relFinder) reciprocal(toks []token, i, n int, vi verbInfo) bool {
	j := i + n
	for j < len(toks) && (skippable[toks[j].lower] || isFiller(toks[j]) && !prepositions[toks[j].lower]) {
		j++
	}
	if contains(vi.slots, "-") && rf.directObject(toks, i+n) {
		return false
	}
	for k := j; k < len(toks) && k < j+6 && toks[k].kind != tPunct; k++ {
		if toks[k].is("to") && k+1 < len(toks) && (toks[k+1].flags&(fVerb|fReport) != 0 || toks[k+1].is("continue", "be", "have", "keep", "make", "take", "help", "ensure", "work", "try", "hold", "resume")) {
			break // an infinitive: "agreed to continue consulting with X"
		}
		if contains(vi.slots, toks[k].lower) {
			return false // a partner follows: "reached an agreement in principle with the company"
		}
	}
	if strings.HasPrefix(toks[i].lower, "spo") || strings.HasPrefix(toks[i].lower, "speak") {
		return j+1 < len(toks) && (toks[j].is("by") && toks[j+1].is("phone", "telephone") || toks[j].is("each", "one"))
	}
	return true
}

// directObject reports whether a noun phrase follows a verb ending at i:
// a capitalised word or a noun, not a preposition, adverb or infinitive.
func (rf relFinder) directObject(toks []token, i int) bool {
	for ; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.kind == tPunct || prepositions[t.lower] || t.is("to", "and", "but", "again", "recently", "today"):
			return false
		case t.capital || t.kind == tNum:
			return !fillers[t.lower] && monthIndex(t.lower) == 0
		case skippable[t.lower]:
			continue
		}
		return !strings.HasSuffix(t.lower, "ly") && !fillers[t.lower]
	}
	return false
}

// pairwise relates every two of a coordinated group ("A and B met").
func (rf relFinder) pairwise(sc *sentCtx, group []arg, rel, mod, verb string, c int, conf float64) {
	for a := 0; a < len(group); a++ {
		for b := a + 1; b < len(group); b++ {
			rf.emit(sc, group[a], rel, group[b], mod, verb, c, conf, "")
		}
	}
}

// passive reports whether the verb at i follows a form of "be".
func (rf relFinder) passive(toks []token, i int) bool {
	if strings.HasSuffix(toks[i].lower, "ing") {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch {
		case toks[j].is("was", "were", "is", "are", "been", "being", "be"):
			return true
		case toks[j].is("also", "now", "already", "reportedly", "allegedly", "not"):
			continue
		}
		return false
	}
	return false
}

// byAgent returns the agent of a passive verb: the "by" phrase after it.
func (rf relFinder) byAgent(sc *sentCtx, from, c int) []arg {
	toks := sc.ds.toks
	for k := from; k < len(toks) && k < from+10; k++ {
		if sc.cl.of[k] != c || toks[k].is(".", ";") {
			return nil
		}
		if toks[k].is("by") && k+1 < len(toks) {
			for j := k + 1; j < len(toks) && j < k+4; j++ {
				if sc.mAt[j] >= 0 {
					return rf.coordinatedRight(sc, sc.mAt[j])
				}
				if !skippable[toks[j].lower] {
					break
				}
			}
		}
	}
	return nil
}

// emit adds a triple unless it is a self-loop or breaks the type rules.
func (rf relFinder) emit(sc *sentCtx, s arg, rel string, o arg, mod, verb string, c int, conf float64, topic string) {
	if s.name == "" || o.name == "" || s.name == o.name || s.typ == Place || s.typ == Topic {
		return
	}
	if o.typ == Place && !placeOK[rel] || o.typ == Topic && !topicOK[rel] || !typeOK(objectTypes[rel], o.typ) || !typeOK(subjectTypes[rel], s.typ) {
		return
	}
	t := Triple{
		Doc: sc.doc, Subject: s.name, SubjectType: s.typ, Relation: rel, Object: o.name, ObjectType: o.typ,
		Modality: mod, Sentence: sc.ds.s.text, Verb: verb, Confidence: round2(conf * min(s.conf, o.conf)),
		SubjectText: s.text, ObjectText: o.text, Date: sc.date,
	}
	sc.out = append(sc.out, emitted{t: t, clause: c, topic: topic})
}

// objectTypes restricts the object types of relations whose object must
// be a territory or a body: a person is never invaded, deployed to or led.
var objectTypes = map[string][]string{
	"invaded":       {Country, Place},
	"deployed-to":   {Country, Place},
	"withdrew-from": {Country, Place},
	"visited":       {Country, Place, Person, Organization},
	"leader-of":     {Country, Organization, Group},
	"official-of":   {Country, Organization, Group},
	"member-of":     {Organization},
}

// subjectTypes restricts the subject types of relations: offices are held
// by persons.
var subjectTypes = map[string][]string{
	"leader-of":   {Person},
	"official-of": {Person},
	"hosted":      {Person, Country, Organization},
}

// typeOK reports whether typ is one of allowed, or allowed is empty.
func typeOK(allowed []string, typ string) bool {
	return len(allowed) == 0 || contains(allowed, typ)
}

// memberships emits member-of for an actor described as a member of an
// organization: "France, a member of NATO", "the two permanent members of
// the Security Council".
func (rf relFinder) memberships(sc *sentCtx) {
	toks, ms := sc.ds.toks, sc.ds.ms
	for mi, m := range ms {
		k := m.end
		if !toks[m.end-1].is("member", "members") {
			if k >= len(toks) || !toks[k].is(",") {
				continue
			}
			for k++; k < len(toks) && k < m.end+5 && !toks[k].is("member", "members"); k++ {
				if t := toks[k]; t.kind != tWord || t.capital || t.flags&(fVerb|fReport) != 0 {
					break
				}
			}
			if k >= len(toks) || !toks[k].is("member", "members") {
				continue
			}
			k++
		}
		if k+1 >= len(toks) || !toks[k].is("of") {
			continue
		}
		j := k + 1
		if toks[j].is("the") && j+1 < len(toks) {
			j++
		}
		if oi := sc.mAt[j]; oi >= 0 && ms[oi].typ == Organization && (m.typ == Country || m.typ == Person) {
			// States and persons are members; "OPEC members of the GCC"
			// are some of OPEC, not OPEC.
			for _, a := range rf.args(sc, mi) {
				rf.emit(sc, a, "member-of", rf.args(sc, oi)[0], Asserted, "member of", -1, 0.7, "")
			}
		}
	}
}

// round2 rounds a confidence to two decimals.
func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// roles emits leader-of and official-of for titled persons, and supports
// for state-backed groups.
func (rf relFinder) roles(sc *sentCtx) {
	for _, m := range sc.ds.ms {
		switch {
		case m.role != nil && m.name != "" && m.typ == Person && (m.kind != mkTitle || m.inferred):
			typ := rf.lx.types[m.role.org]
			if typ != Country && typ != Organization {
				continue
			}
			rf.emit(sc, arg{name: m.name, typ: Person, text: m.text, conf: m.conf}, m.role.rel,
				arg{name: m.role.org, typ: typ, text: m.role.org, conf: 1}, Asserted, m.role.role, -1, 0.95, "")
			sc.out[len(sc.out)-1].t.Role = m.role.role
		case m.kind == mkGroup && m.backer != "":
			rf.emit(sc, arg{name: m.backer, typ: Country, text: m.text, conf: 1}, "supports",
				arg{name: m.name, typ: Group, text: m.text, conf: 1}, Asserted, strings.Fields(m.text)[0], -1, 0.8, "")
		}
	}
}
