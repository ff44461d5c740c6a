package extract

import "strings"

// Nominal patterns of the relation stage: events named by nouns, "talks
// between A and B", "A's visit to Moscow", "the Russian invasion of
// Ukraine", "deployments by Russia in Belarus".

// nounDeterminers mark the word after them as a noun, not a verb.
var nounDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "'s": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "of": true, "for": true, "any": true, "no": true, "further": true, "latest": true,
	"ongoing": true, "possible": true, "new": true, "military": true, "full-scale": true, "deeper": true,
	"future": true, "recent": true, "joint": true, "diplomatic": true, "phone": true, "telephone": true,
	"in-person": true, "trilateral": true, "bilateral": true, "direct": true, "first": true, "virtual": true,
	"massive": true, "continued": true, "such": true, "more": true, "fresh": true, "renewed": true,
	"major": true, "large-scale": true, "imminent": true, "planned": true,
}

// nominal extracts the relation of an event noun at i and returns its
// length, or 0 when i holds no event noun.
func (rf relFinder) nominal(sc *sentCtx, i int) int {
	toks := sc.ds.toks
	ni, n := rf.lx.nouns.match(toks, i)
	if n == 0 || ni.needs != "" && !rf.near(toks, i, rf.lx.needs[ni.needs]) {
		return 0
	}
	if _, vn := rf.lx.verbs.match(toks, i); vn > 0 && !rf.nounContext(sc, i, n) && rf.hyphenPair(toks, i) == nil {
		return 0
	}
	if ni.def == "ended" {
		// "suspended cooperation with", "cut ties with": such nouns
		// count only as the object of a verb that ends them.
		if k, _ := rf.supportVerb(toks, i); k != "cancel" {
			return 0
		}
	}
	c := sc.cl.of[i]
	verb := joinText(sc.ds.s.text, toks[i:i+n])
	if group := rf.between(sc, i+n); len(group) > 1 {
		mod := rf.md.nominalModality(toks, sc.cl, c, i, ni.def, false)
		if proposedEvent(toks, i) {
			mod = strongest(mod, Hypothetical)
		}
		if rf.cancelled(toks, i, n) {
			mod = Negated // "cancelled planned talks between A and B"
		}
		rf.pairwise(sc, group, ni.rel, mod, verb, c, 0.75)
		if ni.rel == "attacked" {
			rf.pairwise(sc, reversed(group), ni.rel, mod, verb, c, 0.75)
		}
		return n
	}
	if IsSymmetric(ni.rel) {
		if pair := rf.hyphenPair(toks, i); pair != nil {
			// "US-China talks", "the Armenia-Azerbaijan accord"
			mod := rf.md.nominalModality(toks, sc.cl, c, i, ni.def, false)
			if i > 1 && toks[i-2].is("planned", "proposed", "possible", "potential", "upcoming", "future", "expected", "prospective", "draft", "new") {
				mod = strongest(mod, Planned) // "the planned US-China talks"
			}
			if rf.cancelled(toks, i, n) {
				mod = Negated // "Serbia-Kosovo talks were cancelled"
			}
			rf.pairwise(sc, pair, ni.rel, mod, verb, c, 0.7)
			return n
		}
	}
	agents, pronoun := rf.nounAgent(sc, i)
	explicit := len(agents) > 0
	if pronoun {
		// "X affirmed their support for Y": the owner is the subject, or
		// the speaker in reported speech ("X said his priority is …").
		agents, _ = rf.subject(sc, i, c)
		if len(agents) == 0 {
			agents = sc.speakers[c]
		}
	}
	if len(agents) == 0 {
		agents = rf.nounByAgent(sc, i+n, ni.preps)
		explicit = len(agents) > 0
	}
	support, at := rf.supportVerb(toks, i)
	if support == "cancel" && (ni.rel == "visited" || ni.rel == "attacked" || ni.rel == "invaded") && toks[at].is("ended", "ends", "ending", "concluded", "concludes") {
		// "Kenya ended a visit to China": a visit or an offensive that
		// ended took place. Ending talks or ties breaks them off.
		support = "realize"
	}
	subjEnd := -1
	if len(agents) == 0 && support != "" {
		agents, subjEnd = rf.subject(sc, at, sc.cl.of[at]) // the support verb's subject
	}
	def := ni.def
	if support == "realize" || rf.begun(toks, i) || def == "ended" || def == Hypothetical && tookToll(toks, i+n) {
		def = "context"
	}
	mod := rf.md.nominalModality(toks, sc.cl, c, i, def, explicit)
	if support != "" {
		// The event is as real as its verb: "needed to launch an
		// invasion", "agreed to hold a summit", "canceled a meeting".
		mod = strongest(mod, rf.md.modality(toks, sc.cl, c, subjEnd, at, ni.rel))
	}
	// refusal is the modality of calling off a meeting with someone, which
	// rejects them ("canceled a meeting with X"); "" when there is none.
	refusal := ""
	switch support {
	case "plan":
		mod = strongest(mod, Hypothetical)
	case "cancel":
		if k, _ := rf.supportVerb(toks, at); k == "plan" {
			mod = strongest(mod, Hypothetical) // "considering breaking off ties"
		}
		if ni.rel == "met-with" || ni.rel == "spoke-with" || ni.rel == "cooperates-with" {
			refusal = mod
		}
		mod = Negated
	}
	if support != "cancel" && proposedEvent(toks, i) {
		// A cancelled plan is negated: "called off the planned summit".
		mod = strongest(mod, Hypothetical)
	}
	objs := rf.nounObjects(sc, i+n, c, ni)
	if topicOK[ni.rel] {
		if t := rf.topicAfter(sc, i+n, c); len(t) > 0 {
			objs = t
		}
	}
	if len(objs) == 0 && IsSymmetric(ni.rel) && support == "light" && toks[at].is("in", "during") {
		if s, o, v, end := rf.adjunctPartners(sc, at); len(s) > 0 {
			// "told Putin in a phone call": the call is as real as the
			// telling.
			agents, objs = s, o
			mod = rf.md.modality(toks, sc.cl, sc.cl.of[v], end, v, ni.rel)
		}
	}
	if len(objs) == 0 && IsSymmetric(ni.rel) && len(agents) > 1 && (pronoun || support != "") && ni.def != "ended" {
		// "Russia and Belarus will extend their joint drills"
		rf.pairwise(sc, agents, ni.rel, mod, verb, c, 0.7)
		return n
	}
	for _, a := range agents {
		for _, o := range objs {
			rf.emit(sc, a, ni.rel, o, mod, verb, c, 0.75, "")
			if refusal != "" {
				rf.emit(sc, a, "rejected", o, refusal, toks[at].text, c, 0.6, "")
			}
		}
	}
	return n
}

// nounContext reports whether a form that is both verb and noun is a noun
// at i: after a determiner, possessive, demonym or number, before
// "between" ("Talks between A and B resumed"), or after a name that is
// itself a verb's object ("carries Putin talks to Kyiv").
func (rf relFinder) nounContext(sc *sentCtx, i, n int) bool {
	toks := sc.ds.toks
	if i+n < len(toks) && toks[i+n].is("between") {
		return true // "talks between …"
	}
	if i > 0 && rf.lx.support[toks[i-1].lower] != "" || i > 1 && rf.lx.support[toks[i-2].lower+" "+toks[i-1].lower] != "" {
		return true // "announced sanctions", "called off talks"
	}
	if k, _ := rf.cancelVerb(toks, i); k != "" {
		return true // "suspends climate talks", "called off next week's summit"
	}
	if i > 0 && sc.mAt[i-1] >= 0 && rf.objectOfVerb(toks, sc.ds.ms[sc.mAt[i-1]]) {
		return true
	}
	return i > 0 && (nounDeterminers[toks[i-1].lower] || rf.mf.demonym(toks[i-1]) != "" || toks[i-1].kind == tNum)
}

// supportVerb returns the kind and position of a support verb standing
// within three words before the noun at i ("launched a full-scale
// invasion"), or "".
func (rf relFinder) supportVerb(toks []token, i int) (string, int) {
	if k, at := rf.cancelVerb(toks, i); k != "" {
		return k, at // the cancelling verb wins over "planned" in "called off the planned summit"
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := toks[j]
		if j+1 < i {
			if k := rf.lx.support[t.lower+" "+toks[j+1].lower]; k != "" {
				return k, j // a phrasal verb: "called off"
			}
		}
		if k := rf.lx.support[t.lower]; k != "" {
			return k, j
		}
		if t.kind == tPunct || t.capital || t.flags&(fVerb|fReport) != 0 || strings.HasSuffix(t.lower, "ed") {
			return "", -1 // "cited other loans": another verb's object
		}
	}
	return "", -1
}

// cancelModifiers may stand between a cancelling verb and its event noun
// though they look like verbs or end in "-ed": "called off the planned
// summit", "postponed the scheduled talks".
var cancelModifiers = map[string]bool{
	"planned": true, "scheduled": true, "proposed": true, "expected": true, "long-awaited": true,
	"anticipated": true, "high-level": true, "round": true, "rounds": true, "of": true, "'s": true,
	"upcoming": true, "next": true, "week": true, "month": true, "year": true, "this": true,
	"second": true, "third": true, "fourth": true, "latest": true, "the": true, "a": true, "an": true,
	"its": true, "his": true, "her": true, "their": true, "all": true, "further": true,
}

// cancelVerb returns "cancel" and the position of a cancelling verb that
// governs the event noun at i across up to five modifier words:
// "suspends climate talks", "called off next week's planned summit",
// "cancelled the second round of talks". It returns "" when another verb,
// a name, a clause boundary or a preposition other than "of" stands
// between them.
func (rf relFinder) cancelVerb(toks []token, i int) (string, int) {
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		t := toks[j]
		if j+1 < i {
			if rf.lx.support[t.lower+" "+toks[j+1].lower] == "cancel" {
				return "cancel", j // "broke off", "pulled out of"
			}
		}
		if rf.lx.support[t.lower] == "cancel" && !t.capital {
			return "cancel", j
		}
		if cancelModifiers[t.lower] {
			continue
		}
		if t.kind != tWord || t.capital || prepositions[t.lower] || t.flags&(fVerb|fReport) != 0 ||
			strings.HasSuffix(t.lower, "ed") || rf.lx.support[t.lower] != "" {
			return "", -1
		}
	}
	return "", -1
}

// adjunctPartners returns who took part in an event noun that is an
// adjunct of a verb ("told Putin in a phone call", "pressed Xi during
// talks"): the verb's subject, and its object, the mention right before
// the adjunct's preposition at. It also returns the verb's position and
// where its subject ends.
func (rf relFinder) adjunctPartners(sc *sentCtx, at int) (subj, obj []arg, verb, subjEnd int) {
	toks := sc.ds.toks
	if at == 0 || sc.mAt[at-1] < 0 {
		return nil, nil, -1, -1
	}
	mi := sc.mAt[at-1]
	v := sc.ds.ms[mi].start - 1
	for v >= 0 && isDeterminer(toks[v]) {
		v--
	}
	if v < 0 || toks[v].capital || toks[v].flags&(fVerb|fReport) == 0 {
		return nil, nil, -1, -1
	}
	subj, subjEnd = rf.subject(sc, v, sc.cl.of[v])
	return subj, rf.args(sc, mi), v, subjEnd
}

// begun reports whether the event noun at i is said to have begun: "the
// beginning of a Russian invasion", "the outbreak of fighting".
func (rf relFinder) begun(toks []token, i int) bool {
	for j := i - 1; j >= 1 && j >= i-4; j-- {
		if toks[j].is("of") {
			return toks[j-1].is("beginning", "start", "outbreak", "onset")
		}
		if t := toks[j]; t.kind != tWord || t.capital && rf.mf.demonym(t) == "" {
			return false
		}
	}
	return false
}

// nounByAgent returns the agent of an event noun in a "by" phrase right
// after it or after its object: "deployments by Russia", "the pumping of
// Ukraine with weapons by NATO countries"; or in a "from" phrase when
// "from" introduces no object of the noun ("military aid from the West").
func (rf relFinder) nounByAgent(sc *sentCtx, from int, preps []string) []arg {
	toks := sc.ds.toks
	for k := from; k < len(toks) && k < from+12; k++ {
		t := toks[k]
		if t.is("by") || t.is("from") && !contains(preps, "from") {
			return rf.agentAfter(sc, k)
		}
		if t.kind == tPunct && !t.is("\"", "'") || t.flags&(fVerb|fReport) != 0 ||
			t.is("would", "will", "was", "were", "is", "are", "be", "been", "has", "have", "had", "could", "may") {
			return nil // "summit would be prepared by X": the verb's agent
		}
	}
	return nil
}

// reversed returns a reversed copy of args.
func reversed(a []arg) []arg {
	out := make([]arg, len(a))
	for i, x := range a {
		out[len(a)-1-i] = x
	}
	return out
}

// between reads "between A and B" at i.
func (rf relFinder) between(sc *sentCtx, i int) []arg {
	toks := sc.ds.toks
	if i >= len(toks) || !toks[i].is("between") {
		return nil
	}
	for j := i + 1; j < len(toks) && j < i+6; j++ {
		if mi := sc.mAt[j]; mi >= 0 {
			return rf.coordinatedRight(sc, mi)
		}
		// "between French and Russian ministers, A and B"
		if !skippable[toks[j].lower] && !toks[j].is("and") && rf.mf.demonym(toks[j]) == "" {
			return nil
		}
	}
	return nil
}

// nounAgent finds the agent named before an event noun: a possessive
// ("Russia's buildup") or a demonym ("the Russian invasion"). It reports
// a possessive pronoun ("their support") instead, whose owner is the
// clause's subject.
func (rf relFinder) nounAgent(sc *sentCtx, i int) ([]arg, bool) {
	toks := sc.ds.toks
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		t := toks[j]
		if t.is("'s") && j > 0 && sc.mAt[j-1] >= 0 {
			return rf.args(sc, sc.mAt[j-1]), false
		}
		if mi := sc.mAt[j]; mi >= 0 {
			if sc.ds.ms[mi].kind == mkAgent {
				return rf.args(sc, mi), false // "Russia's military build-up"
			}
			return nil, false
		}
		if t.is("his", "her", "their", "its") {
			return nil, true
		}
		if rf.lx.needs["weapons"][t.lower] || rf.lx.needs["troops"][t.lower] {
			continue // a compound: "Western arms deliveries"
		}
		if d, typ := rf.mf.modifierAt(t); d != "" {
			if _, n := rf.lx.titles.match(toks, j+1); n > 0 {
				return nil, false // "the French president's visit": an unresolved title
			}
			return []arg{{name: d, typ: typ, text: t.text, conf: 0.8}}, false
		}
		if t.kind == tPunct || t.capital || prepositions[t.lower] || t.flags&(fVerb|fReport) != 0 || t.is("have", "has", "had", "is", "are", "was", "were") {
			return nil, false
		}
	}
	return nil, false
}

// nounObjects finds the object of an event noun: a mention after one of
// its prepositions, or the state whose border is named ("along its border
// with Ukraine", "on Ukraine's borders").
func (rf relFinder) nounObjects(sc *sentCtx, from, c int, ni nounInfo) []arg {
	toks := sc.ds.toks
	for k := from; k < len(toks) && k < from+10; k++ {
		if sc.cl.of[k] != c {
			return nil
		}
		if mi := sc.mAt[k]; mi >= 0 {
			m := sc.ds.ms[mi]
			gov := nearestPrep(toks, from, m.start)
			if gov == "" && m.start > 0 && toks[m.start-1].is("that") {
				gov = "that" // "his demand that NATO stop expanding"
			}
			if contains(ni.preps, gov) || isBorder(toks, m) {
				return rf.coordinatedRight(sc, mi)
			}
			k = m.end - 1
			continue
		}
		t := toks[k]
		if t.kind == tPunct && !t.is("\"", "'", ",", "$", "%") && !isCurrency(t.text) || rf.lx.reporting[t.lower] != "" {
			return nil
		}
		if _, n := rf.lx.verbs.match(toks, k); n > 0 && !rf.isNounUse(toks, k) {
			return nil
		}
	}
	return nil
}

// isCurrency reports whether s is a currency sign.
func isCurrency(s string) bool {
	return s == "\u20ac" || s == "\u00a3" || s == "\u00a5"
}

// isNounUse reports whether a verb form at k is used as a noun.
func (rf relFinder) isNounUse(toks []token, k int) bool {
	return k > 0 && nounDeterminers[toks[k-1].lower]
}

// isBorder reports whether a mention names a state by its border:
// "border with X", "X's border(s)".
func isBorder(toks []token, m mention) bool {
	if m.end+1 < len(toks) && toks[m.end].is("'s") && toks[m.end+1].is("border", "borders", "frontier") {
		return true
	}
	return m.start >= 2 && toks[m.start-1].is("with") && toks[m.start-2].is("border", "borders", "frontier")
}

// hyphenPair returns the two states of a hyphenated pair of country names
// right before the event noun at i ("US-China talks", "the
// Armenia-Azerbaijan accord"), or nil. Both halves must be whole country
// names; demonyms ("Franco-German") and other compounds do not count.
func (rf relFinder) hyphenPair(toks []token, i int) []arg {
	if i == 0 {
		return nil
	}
	t := toks[i-1]
	if t.kind != tWord || !t.capital || strings.Count(t.text, "-") != 1 {
		return nil
	}
	a, b, _ := strings.Cut(t.text, "-")
	out := make([]arg, 0, 2)
	for _, w := range []string{a, b} {
		ws := tokenize(w, rf.lx.abbrevs)
		if len(ws) == 0 {
			return nil
		}
		e, n := rf.lx.gaz.match(ws, 0)
		if n != len(ws) || e.typ != Country || e.demonym || e.seat {
			return nil
		}
		out = append(out, arg{name: e.name, typ: Country, text: w, conf: 0.9})
	}
	if out[0].name == out[1].name {
		return nil
	}
	return out
}

// cancelled reports whether the event noun of n tokens at i is called off:
// by a cancelling verb before it ("cancelled planned talks between …") or
// after it ("the talks were postponed").
func (rf relFinder) cancelled(toks []token, i, n int) bool {
	k, _ := rf.cancelVerb(toks, i)
	return k != "" || calledOff(toks, i+n)
}

// calledOff reports whether the words from i say that the event named
// before them did not happen: "talks were cancelled", "the meeting has been
// called off". Ended or suspended talks did take place.
func calledOff(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+4; j++ {
		t := toks[j]
		if t.is("was", "were", "has", "have", "had", "been", "be", "is", "are", "reportedly") {
			continue
		}
		if j+1 < len(toks) && toks[j+1].is("off") {
			return t.is("called", "put")
		}
		return t.is("cancelled", "canceled", "postponed", "scrapped", "never", "not")
	}
	return false
}

// tookToll reports whether the phrase of an event noun ending at i is
// followed by a past verb of its toll, which shows the event took place:
// "Israeli strikes on Lebanon killed ten people", "the shelling of Kharkiv
// damaged a school".
func tookToll(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+8; j++ {
		t := toks[j]
		switch {
		case t.is("killed", "wounded", "injured", "destroyed", "damaged", "flattened", "levelled", "leveled"):
			return true
		case t.is("which", "that") && j > i || t.is(",") && j+1 < len(toks) && toks[j+1].is("which"):
			// "strikes on Lebanon, which killed ten"
		case t.kind == tPunct || t.flags&(fVerb|fReport) != 0 || t.is("that", "which", "could", "would", "might", "may", "will", "can", "if"):
			return false
		}
	}
	return false
}

// proposedEvent reports whether an adjective right before the event noun
// at i says it is only put forward: "a proposed treaty", "the draft
// agreement".
func proposedEvent(toks []token, i int) bool {
	return i > 0 && toks[i-1].is("proposed", "draft", "prospective", "mooted", "hoped-for", "would-be")
}
