package extract

import "strings"

// Reported-speech inferences of the relation stage: denials, claims of
// hostile acts, grievances and conditional threats say something about the
// speaker as well as about the reported event.

// grievance is an entry of grievances.tsv.
type grievance struct{ rel, frame string }

// denials adds "A denies <event>" for events negated under A's denial,
// also when the event has no object ("Kyiv denied any plans to attack").
func (rf relFinder) denials(sc *sentCtx) {
	rf.objectlessDenials(sc)
	rf.disavowals(sc)
	for _, e := range append([]emitted(nil), sc.out...) {
		if e.clause < 0 || e.topic == "" {
			continue
		}
		for k, d := e.clause, 0; k >= 0 && d < maxDepth; k, d = sc.cl.list[k].parent, d+1 {
			if sc.cl.list[k].report == "deny" && len(sc.speakers[k]) > 0 {
				topic := arg{name: e.topic, typ: Topic, text: e.t.Verb, conf: 1}
				for _, sp := range sc.speakers[k] {
					rf.emit(sc, sp, "denies", topic, Asserted, "denied", -1, 0.8, "")
				}
				break
			}
		}
	}
}

// disavowals adds "A denies <event>" when A is said to have no plan or
// intention of a hostile act: "Moscow has no plans to attack", "it does
// not plan to invade".
func (rf relFinder) disavowals(sc *sentCtx) {
	toks := sc.ds.toks
	for i := 2; i < len(toks); i++ {
		if skip(toks[i], fVerb|fNoun) || sc.mAt[i] >= 0 || !toks[i-1].is("to", "of") || !toks[i-2].is("plans", "plan", "planning", "intention", "intentions", "intend", "intends", "intending") || !negatedBefore(toks, i-2) {
			continue
		}
		_, topic := rf.hostileAt(toks, i)
		if topic == "" {
			continue
		}
		subj, _ := rf.subject(sc, i, sc.cl.of[i])
		for _, s := range subj {
			rf.emit(sc, s, "denies", arg{name: topic, typ: Topic, text: toks[i].text, conf: 1}, Asserted, toks[i-2].text, -1, 0.7, "")
		}
	}
}

// negatedBefore reports whether a negation stands within three words
// before token i: "no plans", "does not plan".
func negatedBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if toks[j].is("no", "not", "n't", "never") {
			return true
		}
	}
	return false
}

// objectlessDenials adds "A denies <event>" for event verbs and nouns in a
// clause A denies.
func (rf relFinder) objectlessDenials(sc *sentCtx) {
	toks := sc.ds.toks
	for i := range toks {
		k := sc.cl.of[i]
		if sc.cl.list[k].report != "deny" || len(sc.speakers[k]) == 0 || sc.mAt[i] >= 0 {
			continue
		}
		_, topic := rf.hostileAt(toks, i)
		if topic == "" {
			continue
		}
		for _, sp := range sc.speakers[k] {
			rf.emit(sc, sp, "denies", arg{name: topic, typ: Topic, text: toks[i].text, conf: 1}, Asserted, "denied", -1, 0.7, "")
		}
	}
}

// claims adds "A accused B" when A claims that B committed a hostile act:
// the subject of a hostile triple in the claimed clause, or else the
// clause's first subject when it names a hostile act without one ("US
// officials claimed that Russia has gathered forces to launch an invasion").
func (rf relFinder) claims(sc *sentCtx) {
	for k, cl := range sc.cl.list {
		if cl.kind != ckReported || cl.report != "claim" || len(sc.speakers[k]) == 0 {
			continue
		}
		targets := rf.hostileSubjects(sc, k)
		for _, sp := range sc.speakers[k] {
			for _, t := range targets {
				rf.emit(sc, sp, "accused", t, Asserted, sc.ds.toks[cl.reporter].text, -1, 0.7, "")
			}
		}
	}
}

// obligations adds "A demanded B" when A's reported words say what B must
// do: "Scholz and Biden agreed that Russia must take real steps".
func (rf relFinder) obligations(sc *sentCtx) {
	toks := sc.ds.toks
	for mi, m := range sc.ds.ms {
		k := sc.cl.of[m.start]
		cl := sc.cl.list[k]
		if cl.kind != ckReported || cl.report == "deny" || cl.report == "fear" || len(sc.speakers[k]) == 0 || isObject(toks, m) {
			continue
		}
		j := m.end
		for j < len(toks) && j < m.end+2 && (toks[j].is("also", "now", "still") || strings.HasSuffix(toks[j].lower, "ly")) {
			j++
		}
		if j >= len(toks) || !toks[j].is("must") || sc.cl.of[j] != k {
			continue
		}
		for _, sp := range sc.speakers[k] {
			for _, b := range rf.args(sc, mi) {
				rf.emit(sc, sp, "demanded", b, Asserted, toks[j].text, -1, 0.6, "")
			}
		}
	}
}

// hostileSubjects returns who a clause says committed a hostile act.
func (rf relFinder) hostileSubjects(sc *sentCtx, k int) []arg {
	var out []arg
	for _, e := range sc.out {
		if e.clause == k && hostile[e.t.Relation] {
			out = append(out, arg{name: e.t.Subject, typ: e.t.SubjectType, text: e.t.SubjectText, conf: 1})
		}
	}
	if len(out) > 0 || !rf.namesHostileAct(sc, k) {
		return out
	}
	if agents := rf.hostileNounAgents(sc, k); len(agents) > 0 {
		return agents // "the military support from the West"
	}
	for mi, m := range sc.ds.ms {
		if sc.cl.of[m.start] == k && !isObject(sc.ds.toks, m) {
			return rf.args(sc, mi)
		}
	}
	return nil
}

// hostileNounAgents returns the agent named in a "by" or "from" phrase of
// a hostile event noun in clause k.
func (rf relFinder) hostileNounAgents(sc *sentCtx, k int) []arg {
	toks := sc.ds.toks
	for i := range toks {
		if sc.cl.of[i] != k {
			continue
		}
		if ni, n := rf.lx.nouns.match(toks, i); n > 0 && hostile[ni.rel] {
			if agents := rf.nounByAgent(sc, i+n, ni.preps); len(agents) > 0 {
				return agents
			}
		}
	}
	return nil
}

// namesHostileAct reports whether clause k holds a hostile verb or noun.
func (rf relFinder) namesHostileAct(sc *sentCtx, k int) bool {
	for i := range sc.ds.toks {
		if sc.cl.of[i] == k {
			if rel, _ := rf.hostileAt(sc.ds.toks, i); rel != "" {
				return true
			}
		}
	}
	return false
}

// hostileAt returns the hostile relation a verb or noun at i names and
// the topic noun of the event ("attack"), or "" when it names none.
func (rf relFinder) hostileAt(toks []token, i int) (rel, topic string) {
	if vi, n := rf.lx.verbs.match(toks, i); n > 0 {
		if v, ok := rf.verbUse(toks, i, vi); ok && hostile[v.rel] {
			return v.rel, v.topic
		}
	}
	if ni, n := rf.lx.nouns.match(toks, i); n > 0 && hostile[ni.rel] && (ni.needs == "" || rf.near(toks, i, rf.lx.needs[ni.needs])) {
		return ni.rel, toks[i].lower
	}
	return "", ""
}

// grievances adds "A criticized B" or "A accused B" when A's reported
// words complain about B: a grievance verb whose subject is B, or a
// grievance noun followed by "from", "by" or "of" B.
func (rf relFinder) grievances(sc *sentCtx) {
	toks := sc.ds.toks
	for i, t := range toks {
		if skip(t, fGrief) || sc.mAt[i] >= 0 {
			continue
		}
		g, ok := rf.lx.grievances[t.lower]
		if !ok {
			continue
		}
		k := sc.cl.of[i]
		speakers := sc.speakers[k]
		if len(speakers) == 0 || sc.cl.list[k].report == "deny" {
			continue
		}
		var targets []arg
		if g.frame == "verb" {
			targets, _ = rf.subject(sc, i, k)
		} else {
			targets = rf.agentAfter(sc, i+1)
		}
		for _, sp := range speakers {
			for _, tg := range targets {
				rf.emit(sc, sp, g.rel, tg, Asserted, t.text, -1, 0.6, "")
			}
		}
	}
}

// agentAfter returns the actor after "from", "by" or "of" within a few
// words of i ("bombardments within the country by pro-Russia militants").
func (rf relFinder) agentAfter(sc *sentCtx, i int) []arg {
	toks := sc.ds.toks
	for limit := i + 6; i < len(toks) && !toks[i].is("from", "by", "of"); i++ {
		if i >= limit {
			return nil
		}
		if toks[i].kind == tPunct || sc.mAt[i] >= 0 {
			return nil
		}
	}
	if i >= len(toks) {
		return nil
	}
	for j := i + 1; j < len(toks) && j < i+4; j++ {
		if mi := sc.mAt[j]; mi >= 0 {
			return rf.coordinatedRight(sc, mi)
		}
		if !skippable[toks[j].lower] {
			return nil
		}
	}
	return nil
}

// threats adds "A threatened B" for a conditional threat: a clause of A's
// conditioned on a hostile act of B ("Biden promised he would end the
// pipeline if Russia invaded Ukraine").
func (rf relFinder) threats(sc *sentCtx) {
	for k, cl := range sc.cl.list {
		if cl.kind != ckCond || !rf.namesHostileAct(sc, k) && !rf.namesWar(sc, k) && !rf.retaliates(sc, k) || rf.negatedClause(sc, k) {
			continue
		}
		start := firstOf(sc.cl, k)
		b := rf.condSubject(sc, k, start)
		a := rf.threatener(sc, start)
		for _, x := range a {
			for _, y := range b {
				rf.emit(sc, x, "threatened", y, Asserted, "if", -1, 0.6, "")
			}
		}
	}
}

// condSubject returns the subject of conditional clause k, which starts at
// token start: "if Russia", "in the event Russia", "should Russia".
func (rf relFinder) condSubject(sc *sentCtx, k, start int) []arg {
	for mi, m := range sc.ds.ms {
		if sc.cl.of[m.start] == k && m.start <= start+3 && !isObject(sc.ds.toks, m) && m.typ != Place {
			return rf.args(sc, mi)
		}
	}
	return nil
}

// threatener returns who makes a conditional threat whose condition
// starts at token start: the speaker of the reported clause it is in
// ("Biden said that if Russia invades, …"), else the nearest subject
// before it, else the first subject after it ("If Russia invades, the US
// will respond").
func (rf relFinder) threatener(sc *sentCtx, start int) []arg {
	toks, ms := sc.ds.toks, sc.ds.ms
	if start > 0 {
		k := sc.cl.of[start-1]
		if sp := sc.speakers[k]; len(sp) > 0 {
			// "A said B would respond if C attacked": the reported
			// clause's own subject B makes the threat. A speaks for B
			// when B is A's own state; A known to serve another state
			// does not share the threat; else both make it.
			own := rf.reportedSubject(sc, k, start)
			switch {
			case len(own) == 0 || speaksFor(sc, sp, own):
				return sp
			case servesOthers(sc, sp):
				return own
			}
			return append(append([]arg(nil), sp...), own...)
		}
	}
	for mi := len(ms) - 1; mi >= 0; mi-- {
		if m := ms[mi]; m.end <= start && subjectPosition(toks, m.start) && !isObject(toks, m) && m.typ != Place {
			return rf.args(sc, mi)
		}
	}
	for mi, m := range ms {
		if m.start > start && sc.cl.list[sc.cl.of[m.start]].kind != ckCond && subjectPosition(toks, m.start) && m.typ != Place {
			return rf.args(sc, mi)
		}
	}
	return nil
}

// reportedSubject returns the subject of reported clause k before token
// end: a mention after the clause's "that" or right after its reporting
// verb, not the addressee of "told Putin that".
func (rf relFinder) reportedSubject(sc *sentCtx, k, end int) []arg {
	subj, subjEnd := rf.subject(sc, end, k)
	if len(subj) == 0 || subjEnd <= 0 || sc.mAt[subjEnd-1] < 0 {
		return nil
	}
	toks, cl := sc.ds.toks, sc.cl
	m := sc.ds.ms[sc.mAt[subjEnd-1]]
	if cl.of[m.start] != k || isObject(toks, m) || m.typ == Place {
		return nil
	}
	if reportedHead(toks, cl, k, m) {
		return subj
	}
	for j := cl.list[k].reporter + 1; j < m.start; j++ {
		if toks[j].is("that") && cl.of[j] == k {
			return subj
		}
	}
	return nil
}

// speaksFor reports whether the speakers sp are, or hold an office in,
// every actor of subj.
func speaksFor(sc *sentCtx, sp, subj []arg) bool {
	for _, b := range subj {
		own := false
		for _, a := range sp {
			if a.name == b.name || contains(sc.roles[a.name], b.name) {
				own = true
				break
			}
		}
		if !own {
			return false
		}
	}
	return true
}

// servesOthers reports whether every speaker is known to hold an office,
// so that speaksFor has said they speak for someone else.
func servesOthers(sc *sentCtx, sp []arg) bool {
	for _, a := range sp {
		if len(sc.roles[a.name]) == 0 {
			return false
		}
	}
	return true
}

// retaliates reports whether the sentence outside conditional clause k
// speaks of retaliation ("would respond with sanctions").
func (rf relFinder) retaliates(sc *sentCtx, k int) bool {
	for i, t := range sc.ds.toks {
		conditioned := sc.cl.hypo[i] || sc.cl.list[sc.cl.of[i]].hypothetical
		if sc.cl.of[i] != k && conditioned && rf.lx.needs["retaliation"][t.lower] {
			return true
		}
	}
	return false
}

// negatedClause reports whether clause k is negated ("if Russia does not
// invade" is a promise, not a threat).
func (rf relFinder) negatedClause(sc *sentCtx, k int) bool {
	for i, t := range sc.ds.toks {
		if sc.cl.of[i] == k && t.is("not", "n't", "never", "no") {
			return true
		}
	}
	return false
}

// namesWar reports whether clause k speaks of war or escalation.
func (rf relFinder) namesWar(sc *sentCtx, k int) bool {
	for i, t := range sc.ds.toks {
		if sc.cl.of[i] == k && t.is("war", "escalation", "aggression", "invasion") {
			return true
		}
	}
	return false
}
