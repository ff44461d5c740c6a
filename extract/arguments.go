package extract

// Argument finding of the relation stage: the subject and objects of a
// trigger, coordination, prepositions and topics.

import "strings"

// withTopics completes the objects of a relation that may point at a
// topic: a topic after the verb replaces its owner ("backs Ukraine's
// sovereignty"), joins other objects ("support the TCG and a ceasefire"),
// or comes from an object relative ("guarantees that Moscow sought").
func (rf relFinder) withTopics(sc *sentCtx, objs []arg, from, c, subjStart int) []arg {
	if len(objs) == 0 {
		objs = rf.ofObject(sc, from, c, false)
	}
	topics := append(rf.topicAfter(sc, from, c), rf.topicBefore(sc, subjStart)...)
	for _, tp := range topics {
		if len(objs) == 1 && strings.HasPrefix(tp.name, objs[0].name+"'s ") {
			objs = nil
		}
	}
	return append(objs, topics...)
}

// subjStart returns where the subject ending at subjEnd starts, or -1.
func subjStart(sc *sentCtx, subj []arg, subjEnd int) int {
	if len(subj) == 0 || subjEnd <= 0 || subjEnd > len(sc.mAt) || sc.mAt[subjEnd-1] < 0 {
		return -1
	}
	return sc.ds.ms[sc.mAt[subjEnd-1]].start
}

// whereAntecedent returns the place a "where" clause describes:
// "Ukraine's border, where troops are massed".
func (rf relFinder) whereAntecedent(sc *sentCtx, c int) []arg {
	cl := sc.cl.list[c]
	if cl.kind != ckRelative || cl.antecedent < 0 || !sc.ds.toks[cl.antecedent+1].is(",", "where") {
		return nil
	}
	toks := sc.ds.toks
	for j := cl.antecedent; j >= 0 && j > cl.antecedent-3; j-- {
		if mi := sc.mAt[j]; mi >= 0 {
			m := sc.ds.ms[mi]
			if isBorder(toks, m) || m.typ == Place || j == cl.antecedent && m.typ == Country {
				return rf.args(sc, mi)
			}
			return nil
		}
	}
	return nil
}

// subject finds the subject of a predicate at token t in clause c: the
// nearest mention to its left in the clause that is not the object of a
// preposition nor a possessive, with the mentions coordinated with it.
// Relative clauses take their antecedent, reported clauses without a
// subject their speaker, and a coordinated verb phrase the subject before.
// It also returns the token where the subject ends.
func (rf relFinder) subject(sc *sentCtx, t, c int) ([]arg, int) {
	toks, cl, ms := sc.ds.toks, sc.cl, sc.ds.ms
	// After "and", only a subject-position mention heads the coordinated
	// verb phrases ("NATO stop its weapons and pull out"). An infinitive's
	// subject is no object of another verb ("visited Kyiv to show support"),
	// except of verbs of urging ("convinced Putin to hold talks"). In a
	// headline a name after a verb is its object ("carries Putin talks").
	coord := -1
	infinitive := t > 0 && toks[t-1].is("to")
	for j := t - 1; j >= 0; j-- {
		if cj := cl.of[j]; cj != c {
			if isInside(cl, cj, c) {
				continue
			}
			break
		}
		if mi := sc.mAt[j]; mi >= 0 {
			m := ms[mi]
			j = m.start
			gerundSubject := m.end == t && strings.HasSuffix(toks[t].lower, "ing") // "despite Biden declaring"
			if infinitive && planOwner(toks, m, t) {
				// "Sweden's bid to join", "an EU plan to sanction": the
				// plan's owner acts, though a possessive or an object.
				return rf.coordinated(sc, mi), m.end
			}
			// The first mention after a reporting verb heads the reported
			// clause ("said Tehran had no plans to strike"), no object.
			verbObject := !reportedHead(toks, cl, c, m) && rf.objectOfVerb(toks, m)
			if isObject(toks, m) && !rf.travels(toks, m, t) && !gerundSubject || coord >= 0 && !subjectPosition(toks, m.start) ||
				infinitive && verbObject || sc.ds.s.headline && verbObject {
				continue
			}
			return rf.coordinated(sc, mi), m.end
		}
		if toks[j].is("and", "but") && coord < 0 && t-j <= 4 {
			coord = j
		}
	}
	if last := sc.inherited(c); coord >= 0 && len(last) > 0 {
		return last, coord
	}
	cla := cl.list[c]
	switch cla.kind {
	case ckRelative:
		if cla.antecedent >= 0 && sc.mAt[cla.antecedent] >= 0 {
			return rf.coordinated(sc, sc.mAt[cla.antecedent]), firstOf(cl, c)
		}
	case ckReported:
		// "Moscow denied any plans to attack Kyiv": a denied or
		// infinitive event is the speaker's; a reported clause otherwise
		// has a subject of its own.
		if sp := sc.speakers[c]; len(sp) > 0 && (cla.report == "deny" || t > 0 && toks[t-1].is("to")) {
			return sp, firstOf(cl, c)
		}
	case ckMain:
		// A subjectless quoted sentence: "Informed @X about …,” he tweeted.
		if sc.quoted != nil && cla.parent < 0 && firstOf(cl, c) == firstOf(cl, 0) {
			m := *sc.quoted
			return []arg{{name: m.name, typ: m.typ, text: m.text, conf: 0.5}}, firstOf(cl, c)
		}
	case ckSub:
		// "Before visiting Kyiv, Macron will …": the main clause's subject.
		// A speaker ("the White House said Macron …") is skipped.
		for j := t + 1; j < len(toks); j++ {
			mi := sc.mAt[j]
			if mi < 0 || cl.of[j] == c || isObject(toks, ms[mi]) {
				continue
			}
			if k := cl.list[cl.of[j]].kind; k != ckMain && k != ckReported {
				continue
			}
			if rf.speaks(toks, ms[mi].end) {
				j = ms[mi].end - 1
				continue
			}
			return rf.coordinatedRight(sc, mi), firstOf(cl, c)
		}
	}
	return nil, -1
}

// planNouns name an actor's plan or attempt; the infinitive after them is
// the owner's act: "Sweden's bid to join NATO".
var planNouns = map[string]bool{
	"plan": true, "plans": true, "bid": true, "proposal": true, "move": true, "decision": true,
	"effort": true, "efforts": true, "attempt": true, "attempts": true, "push": true, "offer": true,
	"pledge": true, "promise": true, "intention": true, "readiness": true, "request": true,
}

// planOwner reports whether mention m owns a plan noun right before the
// infinitive at t: "[Sweden]'s bid to t", "an [EU] plan to t".
func planOwner(toks []token, m mention, t int) bool {
	k := m.end
	if k < len(toks) && toks[k].is("'s", "'") {
		k++
	}
	return k+2 == t && planNouns[toks[k].lower] && toks[k+1].is("to")
}

// reportedHead reports whether mention m opens reported clause c, right
// after its reporting verb or its "that": the reported clause's subject.
func reportedHead(toks []token, cl clauses, c int, m mention) bool {
	cla := cl.list[c]
	if cla.kind != ckReported || cla.reporter < 0 {
		return false
	}
	j := m.start - 1
	for j > cla.reporter && (toks[j].is("that") || skippable[toks[j].lower]) {
		j--
	}
	return j == cla.reporter
}

// objectOfVerb reports whether a mention directly follows a verb other
// than one of urging, as its object.
func (rf relFinder) objectOfVerb(toks []token, m mention) bool {
	j := m.start - 1
	for j >= 0 && skippable[toks[j].lower] {
		j--
	}
	if j < 0 || toks[j].kind != tWord || toks[j].capital || subjectPosition(toks, m.start) || prepositions[toks[j].lower] {
		return false
	}
	w := toks[j].lower
	if objectControl[w] {
		return false // "cleared Estonia to send": Estonia sends
	}
	if vi, n := rf.lx.verbs.match(toks, j); n > 0 {
		return vi.rel != "urged" && vi.rel != "demanded"
	}
	// an unknown word is taken for a verb when it looks like one
	return toks[j].flags&fReport != 0 || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ing")
}

// objectControl are verbs whose object is the subject of the infinitive
// after it ("allowed Estonia to send").
var objectControl = map[string]bool{
	"allowed": true, "allow": true, "allows": true, "cleared": true, "authorized": true, "authorised": true,
	"permitted": true, "let": true, "enabled": true, "told": true, "ordered": true, "forced": true,
	"invited": true, "encouraged": true, "helped": true, "expects": true, "expected": true, "wants": true,
}

// travels reports whether a possessive mention owns a journey whose purpose
// is the infinitive at t: "X's visit to Moscow to meet Y" (X meets Y).
func (rf relFinder) travels(toks []token, m mention, t int) bool {
	if m.end+1 >= len(toks) || !toks[m.end].is("'s") || t == 0 || !toks[t-1].is("to") {
		return false
	}
	ni, n := rf.lx.nouns.match(toks, m.end+1)
	return n > 0 && ni.rel == "visited"
}

// speaks reports whether a reporting verb follows token i closely
// ("the White House on Sunday said").
func (rf relFinder) speaks(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+4; j++ {
		if rf.cs.reportClass(toks, j) != "" {
			return true
		}
	}
	return false
}

// isInside reports whether clause k is nested inside clause c (a relative
// or subordinate clause interrupting it).
func isInside(cl clauses, k, c int) bool {
	return cl.list[k].kind == ckRelative && cl.ancestor(k, c)
}

// isObject reports whether a mention is governed by a preposition or is a
// possessive ("Russia's buildup"), and so is no subject.
func isObject(toks []token, m mention) bool {
	if m.end < len(toks) && toks[m.end].is("'s") && m.kind != mkPronoun && m.kind != mkPair && m.kind != mkIt {
		return true // "Russia's buildup"; but "he's" is "he is"
	}
	j := m.start - 1
	for j >= 0 && (skippable[toks[j].lower] || toks[j].is("'", "\"")) {
		j--
	}
	return j >= 0 && prepositions[toks[j].lower]
}

// coordinated returns the args of mention mi and of the mentions
// coordinated before it ("A, B and C"): the link next to mi must hold
// "and" or "&", links further left may be commas.
func (rf relFinder) coordinated(sc *sentCtx, mi int) []arg {
	ms := sc.ds.ms
	out := rf.args(sc, mi)
	for k := mi; k > 0; k-- {
		conj, ok := rf.link(sc, ms[k-1].end, ms[k].start)
		if !ok || k == mi && !conj {
			break
		}
		out = append(rf.args(sc, k-1), out...)
	}
	return out
}

// coordinatedRight returns the args of mention mi and of the mentions
// coordinated after it, up to the last one joined by "and", "&" or "or"
// ("Russia, US, Ukraine and UK").
func (rf relFinder) coordinatedRight(sc *sentCtx, mi int) []arg {
	ms := sc.ds.ms
	last := mi
	for k := mi; k+1 < len(ms); k++ {
		conj, ok := rf.link(sc, ms[k].end, ms[k+1].start)
		if !ok {
			break
		}
		if conj {
			last = k + 1
		}
	}
	var out []arg
	for k := mi; k <= last; k++ {
		out = append(out, rf.args(sc, k)...)
	}
	return out
}

// link reports whether toks[a:b] joins two coordinated mentions (commas,
// "and", "&", "or", "other") and whether it holds a conjunction.
func (rf relFinder) link(sc *sentCtx, a, b int) (conj, ok bool) {
	if a >= b || b-a > 6 {
		return false, false
	}
	toks := sc.ds.toks
	for k := a; k < b; k++ {
		t := toks[k]
		switch {
		case t.is("and", "&", "or"):
			conj = true
		case t.is(",", "other", "both", "the", "later", "then", "also", "with", "to", "its", "their"):
		case t.is("(") && k+2 < b && toks[k+2].is(")"):
			k += 2 // "Putin (L) and Macron (R)"
		default:
			return false, false
		}
	}
	return conj, true
}

// args turns a mention into relation participants (two for a pair).
func (rf relFinder) args(sc *sentCtx, mi int) []arg {
	m := sc.ds.ms[mi]
	if m.kind == mkPair {
		return []arg{{name: m.pair[0], typ: m.typ, text: m.text, conf: m.conf}, {name: m.pair[1], typ: m.typ, text: m.text, conf: m.conf}}
	}
	return []arg{{name: m.name, typ: m.typ, text: m.text, conf: m.conf}}
}

// objects finds the objects of a verb ending at token from: the first
// mention whose governing preposition is one of slots ("-" for none,
// "that" for the subject of a that-clause), with its coordinated mentions.
// Troops as direct object ("send 3,000 troops to", "withdraw Russian
// troops from") are passed over and returned as the theme.
func (rf relFinder) objects(sc *sentCtx, from, c int, slots []string) (objs, theme []arg) {
	toks, cl := sc.ds.toks, sc.cl
	thatOK := contains(slots, "that")
	troops, weapons := rf.lx.needs["troops"], rf.lx.needs["weapons"]
	for k := from; k < len(toks) && k < from+12; k++ {
		ck := cl.of[k]
		if ck != c && !(thatOK && cl.list[ck].parent == c) && !isInside(cl, ck, c) {
			break
		}
		if mi := sc.mAt[k]; mi >= 0 {
			m := sc.ds.ms[mi]
			gov := governor(toks, from, m.start)
			if gov == "" && nearestPrep(toks, from, m.start) == "including" && slotBefore(toks, from, m.start, slots) {
				gov = "-" // "consulting with allies, including Ukraine"
				slots = []string{"-"}
			}
			switch {
			case contains(slots, gov):
				objs = rf.coordinatedRight(sc, mi)
				return append(objs, rf.laterPartners(sc, c, gov, m.end)...), theme
			case gov != "" && gov != "-" && gov != "that":
				// another prepositional phrase: "meet in the Kremlin with
				// X", "sent from the United States to Poland"
				from = m.end
			case gov == "-" && m.kind == mkAgent && troops[toks[m.end-1].lower]:
				theme, from = rf.args(sc, mi), m.end
			}
			k = m.end - 1
			continue
		}
		t := toks[k]
		if troops[t.lower] || weapons[t.lower] {
			from = k + 1 // "send 3,000 troops to", "send anti-tank missiles to"
			continue
		}
		if t.is(",", "and") && k > 0 && (troops[toks[k-1].lower] || weapons[toks[k-1].lower]) {
			continue // "sent troops, ships and aircraft to"
		}
		if t.kind == tPunct && !t.is("\"", "'") || t.is("that") && !thatOK || rf.lx.reporting[t.lower] != "" {
			break
		}
		if _, n := rf.lx.verbs.match(toks, k); n > 0 && k > from {
			break
		}
		if _, n := rf.lx.nouns.match(toks, k); n > 0 {
			break
		}
	}
	return nil, theme
}

// laterPartners finds partners added later in clause c with the same
// preposition: "spoke with Putin for an hour and later with Biden".
func (rf relFinder) laterPartners(sc *sentCtx, c int, prep string, from int) []arg {
	toks := sc.ds.toks
	if prep == "-" || prep == "that" {
		return nil
	}
	for k := from; k+2 < len(toks) && k < from+15 && sc.cl.of[k] == c; k++ {
		if !toks[k].is("and") {
			continue
		}
		j := k + 1
		for j < len(toks) && toks[j].is("later", "then", "also", "again", "separately") {
			j++
		}
		if j+1 < len(toks) && toks[j].lower == prep {
			for x := j + 1; x < len(toks) && x < j+4; x++ {
				if mi := sc.mAt[x]; mi >= 0 {
					return rf.coordinatedRight(sc, mi)
				}
				if !isDeterminer(toks[x]) {
					break
				}
			}
		}
	}
	return nil
}

// slotBefore reports whether one of slots, a preposition, stands in
// toks[from:to].
func slotBefore(toks []token, from, to int, slots []string) bool {
	for k := from; k < to; k++ {
		if prepositions[toks[k].lower] && contains(slots, toks[k].lower) {
			return true
		}
	}
	return false
}

// governor tells how a mention starting at token to attaches to the verb
// ending at from: "-" when only determiners and adverbs stand between them
// (a direct object); the preposition (or "that") right before the mention
// when all words before it are fillers such as time phrases ("spoke on
// Sunday with X"); "" when other words intervene ("discussed efforts in
// response to X").
func governor(toks []token, from, to int) string {
	j := to - 1
	for j >= from && isDeterminer(toks[j]) {
		j--
	}
	if j < from {
		return "-"
	}
	w := toks[j].lower
	if !prepositions[w] && w != "that" {
		return ""
	}
	for k := from; k < j; k++ {
		if !isFiller(toks[k]) {
			return ""
		}
	}
	return w
}

// nearestPrep returns the preposition right before a mention starting at
// token to, looking back over determiners, or "".
func nearestPrep(toks []token, from, to int) string {
	j := to - 1
	for j >= from && isDeterminer(toks[j]) {
		j--
	}
	if j >= from && prepositions[toks[j].lower] {
		return toks[j].lower
	}
	return ""
}

// isDeterminer reports whether t may stand between a preposition and its
// noun: a determiner, common adjective or number ("on five Russian banks").
func isDeterminer(t token) bool {
	return skippable[t.lower] || t.kind == tNum
}

// fillers are time and manner words that may stand between a verb and its
// prepositional object.
var fillers = map[string]bool{
	"week": true, "month": true, "year": true, "night": true, "morning": true, "afternoon": true,
	"evening": true, "weekend": true, "phone": true, "telephone": true, "video": true, "link": true,
	"last": true, "next": true, "this": true, "times": true, "days": true, "hours": true, "again": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, ",": true, "once": true, "twice": true, "late": true, "early": true,
}

// isFiller reports whether a token may stand between a verb and its
// prepositional object.
func isFiller(t token) bool {
	return skippable[t.lower] || prepositions[t.lower] || fillers[t.lower] || t.kind == tNum ||
		monthIndex(t.lower) > 0 || strings.HasSuffix(t.lower, "ly")
}

// topicAfter finds the topics after a verb ("called for de-escalation",
// "dialogue with Russia and de-escalation"), keeping a state's possessive
// ("Ukraine's sovereignty"). It looks past other noun phrases up to the end
// of the clause's phrase, and stops at a verb after the first topic.
func (rf relFinder) topicAfter(sc *sentCtx, from, c int) []arg {
	toks := sc.ds.toks
	owner := ""
	var out []arg
	for k := from; k < len(toks) && k < from+14 && sc.cl.of[k] == c; k++ {
		if mi := sc.mAt[k]; mi >= 0 {
			m := sc.ds.ms[mi]
			owner = ""
			if m.end < len(toks) && toks[m.end].is("'s") && m.typ == Country {
				owner = m.name + "'s "
			}
			k = m.end
			if owner == "" {
				k--
			}
			continue
		}
		if name, n := rf.lx.topics.match(toks, k); n > 0 {
			if against(toks, k) {
				return out // "support Ukraine against an invasion"
			}
			out = append(out, arg{name: owner + name, typ: Topic, text: joinText(sc.ds.s.text, toks[k:k+n]), conf: 0.8})
			owner = ""
			k += n - 1
			continue
		}
		if toks[k].is("\"", "'") {
			continue // quotes keep the owner: Ukraine's "sovereignty"
		}
		owner = ""
		if toks[k].kind == tPunct && !toks[k].is(",") || rf.lx.reporting[toks[k].lower] != "" ||
			len(out) > 0 && (toks[k].flags&fVerb != 0 || toks[k].is("but", "while", "which", "that")) {
			return out
		}
	}
	return out
}

// against reports whether a stance-reversing preposition stands within
// four words before k.
func against(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if toks[j].is("against", "despite", "without") {
			return true
		}
	}
	return false
}

// topicBefore finds a topic that an object relative clause describes:
// "security guarantees that Moscow was seeking".
func (rf relFinder) topicBefore(sc *sentCtx, subjStart int) []arg {
	toks := sc.ds.toks
	if subjStart < 2 || !toks[subjStart-1].is("that", "which") {
		return nil
	}
	for j := subjStart - 2; j >= 0 && j >= subjStart-5; j-- {
		if name, n := rf.lx.topics.match(toks, j); n > 0 && j+n == subjStart-1 {
			return []arg{{name: name, typ: Topic, text: joinText(sc.ds.s.text, toks[j:j+n]), conf: 0.7}}
		}
	}
	return nil
}

// ofObject finds the actor of an event named as a verb's object: "support
// the immediate convening of the TCG", and with from set, "rejected the
// ultimatum from Washington".
func (rf relFinder) ofObject(sc *sentCtx, start, c int, from bool) []arg {
	toks := sc.ds.toks
	for k := start; k < len(toks) && k < start+5 && sc.cl.of[k] == c; k++ {
		t := toks[k]
		if (t.is("of") || t.is("from") && from) && k+1 < len(toks) {
			for j := k + 1; j < len(toks) && j < k+3; j++ {
				if mi := sc.mAt[j]; mi >= 0 {
					return rf.coordinatedRight(sc, mi)
				}
			}
			return nil
		}
		if t.kind != tWord || t.capital || sc.mAt[k] >= 0 {
			return nil
		}
	}
	return nil
}
