package extract

// modRank orders modalities by strength: when several cues apply, the
// strongest wins, so that nothing hypothetical or negated is asserted.
var modRank = map[string]int{Asserted: 0, Planned: 1, Hypothetical: 2, Negated: 3}

// strongest returns the stronger of two modalities.
func strongest(a, b string) string {
	if modRank[b] > modRank[a] {
		return b
	}
	return a
}

// modalizer computes the modality of a relation from its sentence.
type modalizer struct{ lx *lexicon }

// modality returns the modality of a trigger at toks[t] in clause c, whose
// subject ends at token from: cues between the subject and the trigger, an
// infinitive "to" before it, and the clauses around it.
func (md modalizer) modality(toks []token, cl clauses, c, from, t int, rel string) string {
	m := strongest(md.cues(toks, cl, c, from, t), md.frameCues(toks, cl, c, adjunctStart(toks, cl, c, t), from))
	aim := infinitive(toks, t)
	if aim && blockedPlan(toks, t) {
		return Negated // "Hungary blocked an EU plan to sanction Russia"
	}
	if aim && rel == "supports" && m == Hypothetical {
		// Aiming at a goal is support for it: "in order to secure a
		// ceasefire"; a refusal stays negated.
		m = Asserted
	}
	if m == Hypothetical && reportedFuture(toks, cl, c, from, t) && rel != "attacked" && rel != "invaded" {
		// "Putin said the two would speak again": future in the past;
		// a reported attack stays a possibility.
		m = Planned
	}
	if aim && modRank[m] < modRank[Planned] && rel != "supports" {
		// An infinitive states an aim, not an event: "sought to meet";
		// the aim of a journey is planned: "his visit to Moscow to meet".
		// Aiming at a goal is support for it: "to secure a ceasefire".
		m = Hypothetical
		if md.afterJourney(toks, t-1) {
			m = Planned
		}
	}
	if cl.hypo[t] {
		m = strongest(m, Hypothetical)
	}
	return strongest(m, md.clauseModality(cl, c))
}

// planBlockers are verbs that stop a plan: what it planned does not
// happen. ("rejected" and "opposed" are not: the owner may go ahead.)
var planBlockers = map[string]bool{
	"blocked": true, "blocks": true, "block": true, "vetoed": true, "vetoes": true, "veto": true,
	"scuttled": true, "thwarted": true, "torpedoed": true, "foiled": true, "shelved": true,
	"scrapped": true, "abandoned": true, "dropped": true,
}

// blockedPlan reports whether the infinitive at t completes a plan noun
// that a blocking verb governs within a few words before it: "blocked an
// EU plan to", "vetoed Sweden's bid to".
func blockedPlan(toks []token, t int) bool {
	if t < 3 || !planNouns[toks[t-2].lower] {
		return false
	}
	for j := t - 3; j >= 0 && j >= t-7; j-- {
		if toks[j].kind == tPunct && !toks[j].is("'s", "'", ".") || toks[j].is("that") {
			return false
		}
		if planBlockers[toks[j].lower] {
			return true
		}
	}
	return false
}

// infinitive reports whether the verb at t is an infinitive of aim: it
// follows "to", maybe across a quotation mark (to “obtain a commitment”),
// but not after a verb of aspect, which states the event ("continued to
// arrive", "began to withdraw").
func infinitive(toks []token, t int) bool {
	j := t - 1
	for j >= 0 && toks[j].is("\"", "'") {
		j--
	}
	return j >= 0 && toks[j].is("to") && (j == 0 || !aspectual[toks[j-1].lower])
}

// aspectual are verbs of aspect: the event after them takes place.
var aspectual = map[string]bool{
	"continued": true, "continues": true, "continue": true, "began": true, "begun": true, "begins": true,
	"started": true, "starts": true, "kept": true, "resumed": true,
}

// cues scans toks[from:to] in clause c for modality cues.
func (md modalizer) cues(toks []token, cl clauses, c, from, to int) string {
	m := Asserted
	for i := max(from, 0, to-cueWindow); i < to && i < len(toks); i++ {
		if cl.of[i] != c {
			continue
		}
		if isVerbCoordination(toks, i) || toks[i].is("but") {
			m = Asserted // "… without a breakthrough but agreed to …"
			continue
		}
		ci, n := md.lx.cues.match(toks, i)
		if n == 0 || ci.scope == "clause" || i+n > to {
			continue
		}
		m = strongest(m, ci.mod)
		i += n - 1
	}
	return m
}

// afterJourney reports whether a journey (a visit noun or travel verb)
// stands within eight words before token i.
func (md modalizer) afterJourney(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if ni, n := md.lx.nouns.match(toks, j); n > 0 && ni.rel == "visited" {
			return true
		}
		if vi, n := md.lx.verbs.match(toks, j); n > 0 && vi.rel == "visited" {
			return true
		}
	}
	return false
}

// reportedFuture reports whether the only modal between subject and trigger
// is "would" in a clause reported by a plain reporting verb.
func reportedFuture(toks []token, cl clauses, c, from, t int) bool {
	if cl.list[c].report != "say" {
		return false
	}
	would := false
	for i := max(from, 0); i < t; i++ {
		switch {
		case toks[i].is("would", "'d"):
			would = true
		case toks[i].is("could", "might", "may", "not", "n't", "never", "if"):
			return false
		}
	}
	return would
}

// frameCues scans toks[from:to] in clause c for frame cues only: words
// before a subject that govern the whole clause ("demanded that NATO …").
func (md modalizer) frameCues(toks []token, cl clauses, c, from, to int) string {
	m := Asserted
	for i := max(from, 0, to-cueWindow); i < to && i < len(toks); i++ {
		if cl.of[i] != c {
			continue
		}
		if isVerbCoordination(toks, i) || toks[i].is("but") {
			m = Asserted
			continue
		}
		if ci, n := md.lx.cues.match(toks, i); n > 0 && ci.scope == "frame" && i+n <= to {
			m = strongest(m, ci.mod)
			i += n - 1
		}
	}
	return m
}

// clauseModality is the modality that clause c and the clauses above it
// impose: conditionals make events hypothetical, denials negate them,
// fears and beliefs make them hypothetical.
func (md modalizer) clauseModality(cl clauses, c int) string {
	m := Asserted
	for k, d := c, 0; k >= 0 && d < maxDepth; k, d = cl.list[k].parent, d+1 {
		x := cl.list[k]
		if x.hypothetical {
			m = strongest(m, Hypothetical)
		}
		switch x.report {
		case "deny":
			m = strongest(m, Negated)
		case "fear":
			m = strongest(m, Hypothetical)
		}
	}
	return m
}

// nominalModality is the modality of an event noun at t: its default from
// nouns.tsv unless dated in the past ("the 2014 annexation"), or the cues
// before it in its clause (only inside its noun phrase when its agent is
// explicit), combined with the modality of its clause.
func (md modalizer) nominalModality(toks []token, cl clauses, c, t int, def string, explicit bool) string {
	if def != "context" {
		if pastDated(toks, t) {
			return Asserted
		}
		return strongest(def, md.clauseModality(cl, c))
	}
	from := adjunctStart(toks, cl, c, t)
	if explicit {
		// "Russia's demands", "deployments by Russia": the phrase presents
		// the event as real; only words inside it count ("a possible visit").
		from = t - 3
	}
	m := md.cues(toks, cl, c, from, t)
	if cl.hypo[t] {
		m = strongest(m, Hypothetical)
	}
	return strongest(m, md.clauseModality(cl, c))
}

// adjunctStart returns where the cues of an event noun at t begin: the
// start of its clause, or the word after a temporal preposition heading
// the noun's phrase ("sought to … ahead of X's visit": the visit is no
// aim).
func adjunctStart(toks []token, cl clauses, c, t int) int {
	// Cues farther than a window back do not govern the trigger; the bound
	// also keeps run-on text linear.
	start := max(firstOf(cl, c), t-cueWindow)
	for j := t - 1; j > start; j-- {
		if toks[j].is("before", "after", "during", "following", "since", "amid") || toks[j].is("of") && toks[j-1].is("ahead") {
			return j + 1
		}
	}
	return start
}

// cueWindow is how many words before a trigger modality cues are looked
// for.
const cueWindow = 40

// pastDated reports whether a year stands among the three words before an
// event noun ("the 2014 Russian annexation").
func pastDated(toks []token, t int) bool {
	for j := t - 1; j >= 0 && j >= t-3; j-- {
		if toks[j].kind == tNum && len(toks[j].text) == 4 && (toks[j].text[:2] == "19" || toks[j].text[:2] == "20") {
			return true
		}
	}
	return false
}

// firstOf returns the first token index of clause c.
func firstOf(cl clauses, c int) int {
	if c >= 0 && c < len(cl.list) {
		return cl.list[c].first
	}
	return 0
}
