package extract

import "strings"

// cKind tells what kind of clause a clause is.
type cKind uint8

const (
	ckMain     cKind = iota // main clause, or a sibling after ";" or ":"
	ckReported              // content of a reporting verb: "A said [B attacked C]"
	ckCond                  // conditional: "if …", "should Russia …", "in the event …"
	ckRelative              // relative: "Macron, [who is due to meet X],"
	ckSub                   // other subordinate clause: "while …", "before …"
)

// clause is one clause of a sentence. Its tokens need not be contiguous: a
// relative clause can interrupt its main clause.
type clause struct {
	kind   cKind
	parent int // index of the parent clause, -1 for top-level clauses
	// report is the class of the reporting verb (say, claim, deny, fear,
	// warn) and reporter its token, for reported clauses.
	report   string
	reporter int
	// antecedent is the token just before a relative clause (the end of
	// the noun phrase it describes).
	antecedent int
	// hypothetical is set on clauses whose events are conditional: the
	// conditional clause itself and a main clause after a preposed one.
	hypothetical bool
	// first is the clause's first token.
	first int
}

// clauses is the clause structure of one sentence: the clauses and the
// clause each token belongs to.
type clauses struct {
	list []clause
	of   []int // token index -> clause index
	// hypo marks tokens conditioned by a following conditional clause:
	// "we will sanction them [if they invade]".
	hypo []bool
}

// clauseSplitter splits sentences into clauses.
type clauseSplitter struct{ lx *lexicon }

// split assigns every token of a sentence to a clause; mAt maps tokens to
// the actor mention they are in (-1 outside any), whose commas do not close
// clauses. Reported speech
// opens at a reporting verb; conditional, relative and subordinate clauses
// open at their first word and close at the next comma.
func (cs clauseSplitter) split(toks []token, mAt []int) clauses {
	c := clauses{list: []clause{{kind: ckMain, parent: -1, reporter: -1, antecedent: -1}}, of: make([]int, len(toks))}
	cur := 0
	// closeAtComma holds the clause to return to at the next comma.
	closeAtComma := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if skip(t, fClause|fReport) {
			c.of[i] = cur
			continue
		}
		switch {
		case t.is(";", ":"):
			cur = c.open(clause{kind: ckMain, parent: c.list[cur].parent})
			closeAtComma = -1
		case t.is(",", "-") && closeAtComma >= 0 && mAt[i] < 0 && !listComma(mAt, i):
			c.of[i] = cur
			cur, closeAtComma = c.reopen(closeAtComma, cur), -1
			continue
		case cs.opensCond(toks, i):
			closeAtComma = cur
			cur = c.open(clause{kind: ckCond, parent: c.list[cur].parent, hypothetical: true})
		case cs.opensRelative(toks, i):
			closeAtComma = cur
			cur = c.open(clause{kind: ckRelative, parent: cur, antecedent: relativeAntecedent(toks, i)})
		case cs.opensSub(toks, i):
			closeAtComma = cur
			cur = c.open(clause{kind: ckSub, parent: c.list[cur].parent})
		case cs.opensCoordinate(toks, i, c.list[cur]):
			cur = c.open(clause{kind: ckMain, parent: c.list[c.list[cur].parent].parent})
		}
		c.of[i] = cur
		if class := cs.reportClass(toks, i); class != "" && mAt[i] < 0 {
			cur = c.open(clause{kind: ckReported, parent: cur, report: class, reporter: i})
			if i+1 < len(toks) && toks[i+1].is("that") {
				i++
				c.of[i] = cur
			}
		}
	}
	c.markConditioned(toks, mAt)
	for k := range c.list {
		c.list[k].first = -1
	}
	for i, k := range c.of {
		if c.list[k].first < 0 {
			c.list[k].first = i
		}
	}
	for k := range c.list {
		c.list[k].first = max(c.list[k].first, 0)
	}
	return c
}

// listComma reports whether the comma at i separates two names of a list
// ("to France, Germany and Italy"), which does not close a clause.
func listComma(mAt []int, i int) bool {
	return i > 0 && i+1 < len(mAt) && mAt[i-1] >= 0 && mAt[i+1] >= 0
}

// maxDepth bounds the walks up the clause tree: real sentences nest a few
// levels, and run-on text must stay linear.
const maxDepth = 8

// ancestor reports whether clause c is an ancestor of clause k.
func (c *clauses) ancestor(k, anc int) bool {
	x := c.list[k].parent
	for d := 0; x >= 0 && d < maxDepth; d++ {
		if x == anc {
			return true
		}
		x = c.list[x].parent
	}
	return false
}

// open appends a clause and returns its index.
func (c *clauses) open(cl clause) int {
	if cl.parent < -1 {
		cl.parent = -1
	}
	if cl.kind != ckReported {
		cl.reporter = -1
	}
	if cl.kind != ckRelative {
		cl.antecedent = -1
	}
	c.list = append(c.list, cl)
	return len(c.list) - 1
}

// reopen returns the clause to continue after a comma closes clause cur:
// back to the interrupted clause, except that a sentence-initial
// conditional or subordinate clause is followed by a new main clause.
func (c *clauses) reopen(back, cur int) int {
	if c.list[cur].kind == ckCond {
		return c.open(clause{kind: ckMain, parent: c.list[cur].parent, hypothetical: true})
	}
	return back
}

// markConditioned marks the tokens that a postposed conditional clause
// conditions: back from its first word to the nearest comma, semicolon,
// coordinating conjunction or clause boundary ("met X and promised he
// would act [if …]").
func (c *clauses) markConditioned(toks []token, mAt []int) {
	c.hypo = make([]bool, len(toks))
	for i := 1; i < len(toks); i++ {
		if c.list[c.of[i]].kind != ckCond || c.of[i-1] == c.of[i] {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			t := toks[j]
			if mAt[j] < 0 && (t.is(",", ";", ":") || isVerbCoordination(toks, j)) || c.of[j] != c.of[i-1] {
				break
			}
			c.hypo[j] = true
		}
	}
}

// isVerbCoordination reports whether "and"/"but" at j joins two verb
// phrases: the next word looks like a finite verb ("and promised").
func isVerbCoordination(toks []token, j int) bool {
	if !toks[j].is("and", "but") || j+1 >= len(toks) {
		return false
	}
	n := toks[j+1]
	return n.kind == tWord && !n.capital && (strings.HasSuffix(n.lower, "ed") || n.is("will", "would", "could", "said", "says", "told", "met", "spoke", "sent", "made", "took", "gave"))
}

// opensCond reports whether token i opens a conditional clause.
func (cs clauseSplitter) opensCond(toks []token, i int) bool {
	t := toks[i]
	switch {
	case t.is("if", "unless", "whether"):
		return true
	case t.is("should"):
		// Inverted conditional: "…, should Russia invade": "should" right
		// after a noun or comma and before a capitalised subject.
		return i+1 < len(toks) && toks[i+1].capital && (i == 0 || toks[i-1].is(",") || toks[i-1].kind == tWord && !toks[i-1].capital)
	case t.is("in") && i+2 < len(toks) && toks[i+1].is("the") && toks[i+2].is("event"):
		return true
	case t.is("in") && i+1 < len(toks) && toks[i+1].is("case") && (i+2 == len(toks) || !toks[i+2].is("of")):
		return true
	}
	return false
}

// opensRelative reports whether token i opens a relative clause: ", who",
// ", which", ", where", or "who" right after a name.
// A relative pronoun after a generic ("those who", "countries that",
// "anyone who") or "whoever" opens one too.
func (cs clauseSplitter) opensRelative(toks []token, i int) bool {
	if toks[i].is("whoever", "whomever") {
		return true
	}
	if !toks[i].is("who", "which", "where", "whom", "whose", "that") || i == 0 {
		return false
	}
	if cs.lx.generics[toks[i-1].lower] && !toks[i-1].capital {
		return !toks[i].is("where")
	}
	if toks[i].is("that") {
		return false
	}
	return toks[i-1].is(",", "-") || toks[i].is("who") && toks[i-1].capital
}

// relativeAntecedent returns the last token before a relative pronoun,
// skipping a comma, dash or closing quote, or -1 for "whoever", which has
// none.
func relativeAntecedent(toks []token, i int) int {
	if toks[i].is("whoever", "whomever") {
		return -1 // the pronoun is its own, generic, antecedent
	}
	j := i - 1
	for j >= 0 && toks[j].is(",", "-", "'", "\"") {
		j--
	}
	return j
}

// opensSub reports whether token i opens an adverbial subordinate clause.
func (cs clauseSplitter) opensSub(toks []token, i int) bool {
	t := toks[i]
	if t.is("while", "although", "though", "because", "whereas", "despite", "after", "before", "when", "since", "until") {
		// "before Monday's meeting" is a phrase, not a clause; both are
		// treated alike, which is harmless for subjects.
		return true
	}
	return false
}

// opensCoordinate reports whether "and"/"but" at i coordinates a new verb
// phrase out of a reported clause ("denied any plans … and demanded that
// …"), which returns to the reporting clause's level.
func (cs clauseSplitter) opensCoordinate(toks []token, i int, cur clause) bool {
	if cur.kind != ckReported || cur.parent < 0 || !toks[i].is("and", "but") || i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	if cs.lx.reporting[next.lower] != "" {
		return true
	}
	_, n := cs.lx.verbs.match(toks, i+1)
	return n > 0 && (next.lower[len(next.lower)-1] == 'd' || next.lower[len(next.lower)-1] == 's')
}

// eventObject reports whether an event noun heads the noun phrase at i
// ("a new loan", "sweeping sanctions").
func (cs clauseSplitter) eventObject(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+4; j++ {
		t := toks[j]
		if _, n := cs.lx.nouns.match(toks, j); n > 0 {
			return true
		}
		if t.kind != tWord || t.capital || t.is("that", "to") || t.flags&(fVerb|fReport) != 0 {
			return false
		}
	}
	return false
}

// directive reports whether "told" at i gives an order rather than a
// report: "told Israelis to stay in shelters".
func directive(toks []token, i int) bool {
	if !toks[i].is("told", "tells", "tell") {
		return false
	}
	for j := i + 1; j < len(toks) && j < i+6; j++ {
		switch {
		case toks[j].is("to"):
			return j+1 < len(toks) && toks[j+1].kind == tWord && !toks[j+1].capital
		case toks[j].is("that") || toks[j].kind == tPunct:
			return false
		}
	}
	return false
}

// reportClass returns the class of a reporting verb at i, or "" when the
// word is not used as one: "said to" and "expected to" are raising verbs,
// and "the claims" is a noun.
func (cs clauseSplitter) reportClass(toks []token, i int) string {
	if skip(toks[i], fReport) {
		return ""
	}
	class := cs.lx.reporting[toks[i].lower]
	if class == "" {
		return ""
	}
	if c, ok := strings.CutSuffix(class, "-that"); ok {
		j := i + 1
		for j < len(toks) && toks[j].kind == tPunct && toks[j].lower == "\"" {
			j++ // he's "convinced" that …
		}
		if j >= len(toks) || !toks[j].is("that") {
			return ""
		}
		return c
	}
	if i+1 < len(toks) && toks[i+1].is("to", "by", "of") || directive(toks, i) {
		return ""
	}
	if i > 0 && toks[i-1].is("the", "a", "an", "their", "his", "her", "its", "our", "these", "those") {
		return ""
	}
	if toks[i].is("announced", "announces", "announce", "confirmed", "confirms", "declared", "declares", "disclosed") && cs.eventObject(toks, i+1) {
		return "" // "announced sanctions", "announced a new loan": no report
	}
	return class
}
