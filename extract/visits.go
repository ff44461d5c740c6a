package extract

import "strings"

// Meeting inferences of the relation stage. News writing states a visit
// once and lets the reader infer the rest: when A meets B in B's country,
// B hosted A and A visited that country; when A hosts B, they met and B
// visited A's country.

// countryOf returns the one state a person holds an office in, or "".
func (sc *sentCtx) countryOf(person string) string {
	return onlyOrg(sc.roles[person])
}

// location returns the state or place named as the place of the
// sentence's events: a country, capital, seat or city heading a phrase
// after "in" or "at" ("meet in the Kremlin", "met in Geneva"), not a
// modifier ("in the Ukraine crisis"). It also returns the clause the place
// is named in, or -1.
func (rf relFinder) location(sc *sentCtx) (arg, int) {
	toks := sc.ds.toks
	for _, m := range sc.ds.ms {
		if m.typ != Country && m.typ != Place || m.kind == mkAgent {
			continue
		}
		if p := nearestPrep(toks, max(0, m.start-2), m.start); (p == "in" || p == "at") && endsPhrase(toks, m.end) && rf.placeOfEvent(sc, m.start) {
			return arg{name: m.name, typ: m.typ, text: m.text, conf: 1}, sc.cl.of[m.start]
		}
	}
	return arg{}, -1
}

// placeOfEvent reports whether the place phrase before token i attaches to
// an event, not to a noun ("the crisis in Kyiv"): the word before "in" or
// "at" is a verb, a name, a time word or punctuation, or there is none.
func (rf relFinder) placeOfEvent(sc *sentCtx, i int) bool {
	toks := sc.ds.toks
	j := i - 1
	for j >= 0 && skippable[toks[j].lower] {
		j--
	}
	if j >= 0 && (toks[j].is("in", "at")) {
		j--
	}
	if j < 0 {
		return true
	}
	p := toks[j]
	return p.kind == tPunct || p.kind == tNum || sc.mAt[j] >= 0 || fillers[p.lower] || p.flags&(fVerb|fReport) != 0 ||
		p.capital || strings.HasSuffix(p.lower, "ed")
}

// endsPhrase reports whether token i ends a noun phrase: punctuation, a
// preposition, a conjunction, a date word or the end of the sentence.
func endsPhrase(toks []token, i int) bool {
	if i >= len(toks) {
		return true
	}
	t := toks[i]
	return t.kind == tPunct && !t.is("'s") || prepositions[t.lower] || fillers[t.lower] || t.is("and", "or", "but", "this", "last", "next") || monthIndex(t.lower) > 0
}

// visits adds the hosted and visited triples implied by meetings.
func (rf relFinder) visits(sc *sentCtx) {
	loc, locClause := rf.location(sc)
	visited := map[string]string{} // person -> country visited in this sentence
	for _, e := range sc.out {
		if e.t.Relation == "visited" && e.t.ObjectType == Country {
			visited[e.t.Subject] = e.t.Object
		}
	}
	for _, e := range append([]emitted(nil), sc.out...) {
		t := e.t
		a := arg{name: t.Subject, typ: t.SubjectType, text: t.SubjectText, conf: 1}
		b := arg{name: t.Object, typ: t.ObjectType, text: t.ObjectText, conf: 1}
		switch {
		case t.Relation == "met-with" || t.Relation == "spoke-with" && inPerson(t.Verb) && !remote(sc.ds.toks):
			// Talks are where their own clause places them.
			if loc.name != "" && (t.Relation == "met-with" || locClause == e.clause) {
				rf.meetingIn(sc, a, b, loc, e)
				rf.meetingIn(sc, b, a, loc, e)
			}
			if a.typ == Person && b.typ == Person {
				rf.hostedIf(sc, a, b, visited, e)
				rf.hostedIf(sc, b, a, visited, e)
			}
		case t.Relation == "hosted" && a.typ == Person && b.typ == Person:
			rf.emit(sc, a, "met-with", b, t.Modality, t.Verb, e.clause, 0.6, "")
			if c := sc.countryOf(a.name); c != "" && c != sc.countryOf(b.name) {
				rf.emit(sc, b, "visited", arg{name: c, typ: Country, text: c, conf: 1}, t.Modality, t.Verb, e.clause, 0.6, "")
			}
		}
	}
}

// home returns the state an actor is or serves, or "".
func (sc *sentCtx) home(a arg) string {
	switch a.typ {
	case Country:
		return a.name
	case Person:
		return sc.countryOf(a.name)
	}
	return ""
}

// inPerson reports whether talks named by verb are held face to face
// where they take place: "held talks", "talked", not "spoke" (by phone).
func inPerson(verb string) bool {
	return strings.Contains(strings.ToLower(verb), "talk")
}

// remote reports whether a sentence speaks of a call or video link.
func remote(toks []token) bool {
	for _, t := range toks {
		if t.is("phone", "telephone", "video", "videoconference", "call", "virtual", "virtually", "phoned") {
			return true
		}
	}
	return false
}

// meetingIn handles a meeting of guest and other in loc: a guest from
// elsewhere (or of unknown origin meeting someone from loc) visited the
// state loc, and was hosted by the other when the other is from loc; any
// person meeting in a city or region visited it.
func (rf relFinder) meetingIn(sc *sentCtx, guest, other arg, loc arg, e emitted) {
	if loc.typ == Place {
		if guest.typ == Person {
			rf.emit(sc, guest, "visited", loc, e.t.Modality, e.t.Verb, e.clause, 0.6, "")
		}
		return
	}
	g := sc.home(guest)
	if g == loc.name || g == "" && (guest.typ != Person || sc.home(other) != loc.name) {
		return
	}
	rf.emit(sc, guest, "visited", loc, e.t.Modality, e.t.Verb, e.clause, 0.6, "")
	if other.typ == Person && sc.home(other) == loc.name {
		rf.emit(sc, other, "hosted", guest, e.t.Modality, e.t.Verb, e.clause, 0.6, "")
	}
}

// hostedIf adds "host hosted guest" and "guest visited C" when the guest
// visited C, the host's country, in the same sentence.
func (rf relFinder) hostedIf(sc *sentCtx, guest, host arg, visited map[string]string, e emitted) {
	c := sc.countryOf(host.name)
	if c == "" || c == sc.countryOf(guest.name) || visited[guest.name] != c {
		return
	}
	rf.emit(sc, host, "hosted", guest, e.t.Modality, e.t.Verb, e.clause, 0.6, "")
}
