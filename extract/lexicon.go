package extract

import (
	"bufio"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/*.tsv data/*.txt data/countries.jsonl
var dataFS embed.FS

// phrase is one lexicon entry spelled as lower-case tokens.
type phrase[V any] struct {
	words []string
	// exact, when set, is the entry as written: short capitalised codes
	// ("US", "EU") must appear in capitals.
	exact string
	val   V
}

// phraseTable finds multi-word lexicon entries in a token slice. Entries
// are indexed by their first lower-case word, longest first.
type phraseTable[V any] struct {
	first map[string][]phrase[V]
	// bit is the token flag of words that start an entry.
	bit uint32
}

// newPhraseTable returns an empty table whose first words carry the token
// flag bit.
func newPhraseTable[V any](bit uint32) *phraseTable[V] {
	return &phraseTable[V]{first: map[string][]phrase[V]{}, bit: bit}
}

// Token flags: one map look-up per token tells which lexicons its word
// starts an entry of, so that the stages skip most words at once.
const (
	fLooked uint32 = 1 << iota // flags were looked up
	fGaz
	fTitle
	fAgent
	fVerb
	fNoun
	fCue
	fTopic
	fReport
	fArmed
	fStarter
	fDemonym
	fStop
	fClause // a word that may open or close a clause
	fBloc   // an adjective naming a bloc ("Western")
	fGrief  // a grievance word ("ignored", "provocations")
	fHead   // an office a portfolio word precedes ("minister")
)

// clauseWords are the words the clause splitter looks at.
var clauseWords = []string{
	";", ":", ",", "-", "if", "unless", "whether", "should", "in", "who", "which", "where", "whom", "whose",
	"while", "although", "though", "because", "whereas", "despite", "after", "before", "when", "since",
	"until", "and", "but", "that", "whoever", "whomever",
}

// skip reports whether a token flagged as looked up starts no entry with
// this table's bit.
func skip(t token, bit uint32) bool {
	return t.flags&fLooked != 0 && t.flags&bit == 0
}

// add adds the entry text with value v. Entries of one to three capital
// letters are matched case-sensitively.
func (pt *phraseTable[V]) add(text string, v V, abbrevs map[string]bool) {
	toks := tokenize(text, abbrevs)
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.lower
	}
	p := phrase[V]{words: words, val: v}
	if isShortCode(text) {
		p.exact = strings.ReplaceAll(text, ".", "")
	}
	pt.first[words[0]] = append(pt.first[words[0]], p)
}

// finish sorts entries longest first so that matching is greedy.
func (pt *phraseTable[V]) finish() {
	for _, ps := range pt.first {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
}

// match returns the longest entry starting at toks[i] and its token length.
func (pt *phraseTable[V]) match(toks []token, i int) (V, int) {
	var zero V
	if skip(toks[i], pt.bit) {
		return zero, 0
	}
	for _, p := range pt.first[toks[i].lower] {
		if i+len(p.words) > len(toks) {
			continue
		}
		if p.exact != "" && strings.ReplaceAll(toks[i].text, ".", "") != p.exact {
			continue
		}
		if n := spanOf(toks, i, p.words); n > 0 {
			return p.val, n
		}
	}
	return zero, 0
}

// spanOf returns how many tokens from i spell words, letting quotation
// marks stand inside a phrase (acting "in unity"), or 0.
func spanOf(toks []token, i int, words []string) int {
	j := i + 1
	for k := 1; k < len(words); k++ {
		for j < len(toks) && toks[j].lower != words[k] && toks[j].kind == tPunct && (toks[j].lower == "\"" || toks[j].lower == "'") {
			j++
		}
		if j >= len(toks) || toks[j].lower != words[k] {
			return 0
		}
		j++
	}
	return j - i
}

// isShortCode reports whether s is a code of one to three capital letters,
// possibly dotted ("US", "U.N.", "EU").
func isShortCode(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 1 && n <= 3
}

// gazEntry is an actor name in the gazetteer.
type gazEntry struct {
	name string
	typ  string
	// seat marks capitals and seats of government standing for a state.
	seat bool
	// lower allows the name in lower case ("international community").
	lower bool
	// demonym marks a demonym of several words ("North Korean"): a
	// modifier, an actor only with an agent noun.
	demonym bool
}

// titleInfo is an office from titles.tsv; org is the state the title
// belongs to when none is written beside it, or "".
// rank marks a military or police rank from ranks.tsv ("Major General"),
// a title that may stand between another title and a name; plural marks
// the plural form of a title ("representatives").
type titleInfo struct {
	rel, role, org string
	rank, plural   bool
}

// verbInfo is a verb-form entry from verbs.tsv.
type verbInfo struct {
	rel   string
	slots []string // "-" direct object, prepositions, "that"
	topic string
	// needs names a word list (weapons, troops) one of whose words must
	// stand near the verb.
	needs string
	// alt is the next entry for the same form, tried when needs fails.
	alt *verbInfo
}

// nounInfo is an event-noun entry from nouns.tsv.
type nounInfo struct {
	rel   string
	preps []string
	def   string
	needs string // a word list that must have a word near the noun
}

// cueInfo is a modality cue from cues.tsv.
type cueInfo struct{ mod, scope string }

// lexicon holds every gazetteer and word list, loaded once.
type lexicon struct {
	abbrevs   map[string]bool
	gaz       *phraseTable[gazEntry]
	demonyms  map[string]string // lower demonym -> country
	blocAdj   map[string]string // lower adjective -> bloc
	titles    *phraseTable[titleInfo]
	agents    *phraseTable[bool]
	armed     map[string]string
	verbs     *phraseTable[verbInfo]
	nouns     *phraseTable[nounInfo]
	reporting map[string]string
	cues      *phraseTable[cueInfo]
	// nameStop holds capitalised words that never start or continue a
	// person's name: "word" for function and calendar words, "org" for the
	// heads of organisation names.
	nameStop map[string]string
	// flags maps words to the lexicons they start entries of; byteFlags
	// holds the flags of one-byte words (punctuation, "a"), the most
	// frequent tokens, without a map look-up.
	flags     map[string]uint32
	byteFlags [utf8.RuneSelf]uint32
	// maybe is a Bloom-like filter of the words in flags: most words of a
	// text start no entry, and the filter rules them out without hashing.
	maybe [1 << 16 / 64]uint64
	// types maps canonical gazetteer names to their actor type.
	types      map[string]string
	topics     *phraseTable[string]
	grievances map[string]grievance
	support    map[string]string
	// needs holds the word lists that verb conditions name.
	needs map[string]map[string]bool
	// sectors are nouns that make a demonym phrase an actor of its own.
	sectors map[string]bool
	// generics are nouns and pronouns naming nobody in particular ("those",
	// "anyone", "countries"): a relative clause after them has a generic
	// subject ("those who threaten …"), never the sentence's named one.
	generics map[string]bool
}

// loadLexicon reads every data file. It panics on malformed embedded data,
// which is a build defect, not an input error.
func loadLexicon() *lexicon {
	lx := &lexicon{
		abbrevs:    map[string]bool{},
		gaz:        newPhraseTable[gazEntry](fGaz),
		demonyms:   map[string]string{},
		blocAdj:    map[string]string{},
		titles:     newPhraseTable[titleInfo](fTitle),
		agents:     newPhraseTable[bool](fAgent),
		armed:      map[string]string{},
		verbs:      newPhraseTable[verbInfo](fVerb),
		nouns:      newPhraseTable[nounInfo](fNoun),
		reporting:  map[string]string{},
		cues:       newPhraseTable[cueInfo](fCue),
		nameStop:   map[string]string{},
		types:      map[string]string{},
		topics:     newPhraseTable[string](fTopic),
		needs:      map[string]map[string]bool{"weapons": {}, "troops": {}, "targets": {}, "retaliation": {}, "directive": {}},
		grievances: map[string]grievance{},
	}
	for _, l := range lines("abbrev.txt") {
		lx.abbrevs[l[0]] = true
	}
	lx.loadCountries()
	for _, l := range lines("demonyms.tsv") {
		lx.addDemonym(l[0], l[1], true)
	}
	for _, l := range lines("seats.tsv") {
		lx.gaz.add(l[0], gazEntry{name: l[1], typ: Country, seat: true}, lx.abbrevs)
	}
	for _, l := range lines("orgs.tsv") {
		for _, a := range strings.Split(l[2], "|") {
			lx.gaz.add(a, gazEntry{name: l[0], typ: l[1]}, lx.abbrevs)
		}
	}
	for _, l := range lines("places.tsv") {
		for _, a := range strings.Split(l[1], "|") {
			lx.gaz.add(a, gazEntry{name: l[0], typ: Place}, lx.abbrevs)
		}
	}
	lx.loadBlocs()
	for _, l := range lines("titles.tsv") {
		ti := titleInfo{rel: l[1], role: l[2]}
		if len(l) > 3 {
			ti.org = l[3]
		}
		lx.titles.add(l[0], ti, lx.abbrevs)
		if p := plural(l[0]); p != "" {
			pl := ti
			pl.plural = true
			lx.titles.add(p, pl, lx.abbrevs) // "foreign ministers, A and B"
		}
	}
	for _, l := range lines("ranks.tsv") {
		lx.titles.add(l[0], titleInfo{rel: "official-of", role: l[1], rank: true}, lx.abbrevs)
	}
	for _, l := range lines("agents.txt") {
		lx.agents.add(l[0], true, lx.abbrevs)
	}
	for _, l := range lines("armed.tsv") {
		lx.armed[l[0]] = l[1]
	}
	lx.loadVerbs()
	for _, l := range lines("nouns.tsv") {
		ni := nounInfo{rel: l[0], preps: strings.Split(l[2], ","), def: l[3]}
		if len(l) > 4 {
			ni.needs = l[4]
		}
		for _, f := range strings.Split(l[1], ",") {
			lx.nouns.add(f, ni, lx.abbrevs)
		}
	}
	for _, l := range lines("reporting.tsv") {
		lx.reporting[l[0]] = l[1]
	}
	for _, l := range lines("cues.tsv") {
		lx.cues.add(l[0], cueInfo{mod: l[1], scope: l[2]}, lx.abbrevs)
	}
	for _, l := range lines("namestop.txt") {
		lx.nameStop[l[0]] = l[1]
	}
	for _, l := range lines("topics.tsv") {
		for _, a := range strings.Split(l[1], "|") {
			lx.topics.add(a, l[0], lx.abbrevs)
		}
	}
	lx.support = map[string]string{}
	for _, l := range lines("support.tsv") {
		lx.support[l[0]] = l[1]
	}
	for _, l := range lines("grievances.tsv") {
		lx.grievances[l[0]] = grievance{rel: l[1], frame: l[2]}
	}
	lx.generics = map[string]bool{}
	for _, l := range lines("generics.txt") {
		lx.generics[l[0]] = true
	}
	lx.sectors = map[string]bool{}
	for _, l := range lines("sectors.txt") {
		lx.sectors[l[0]] = true
	}
	for name, set := range lx.needs {
		for _, l := range lines(name + ".txt") {
			set[l[0]] = true
		}
	}
	for _, ps := range lx.gaz.first {
		for _, p := range ps {
			lx.types[p.val.name] = p.val.typ
		}
	}
	lx.gaz.finish()
	lx.topics.finish()
	lx.buildFlags()
	lx.titles.finish()
	lx.agents.finish()
	lx.verbs.finish()
	lx.nouns.finish()
	lx.cues.finish()
	return lx
}

// loadVerbs reads verbs.tsv.
func (lx *lexicon) loadVerbs() {
	for _, l := range lines("verbs.tsv") {
		topic := l[2]
		if topic == "-" {
			topic = ""
		}
		vi := verbInfo{rel: l[0], slots: strings.Split(l[1], ","), topic: topic}
		if len(l) > 4 {
			vi.needs = l[4]
		}
		for _, f := range strings.Split(l[3], ",") {
			lx.addVerb(f, vi)
		}
	}
}

// buildFlags records, for every word that starts a lexicon entry, which
// lexicons it starts entries of.
func (lx *lexicon) buildFlags() {
	lx.flags = map[string]uint32{}
	set := func(w string, bit uint32) { lx.flags[w] |= bit }
	for w := range lx.gaz.first {
		set(w, fGaz|fStarter)
	}
	for w := range lx.titles.first {
		set(w, fTitle|fStarter)
	}
	for _, w := range []string{"the", "he", "she", "they", "it", "his", "her"} {
		set(w, fStarter)
	}
	for w := range lx.agents.first {
		set(w, fAgent)
	}
	for w := range lx.verbs.first {
		set(w, fVerb)
	}
	for w := range lx.nouns.first {
		set(w, fNoun)
	}
	for w := range lx.cues.first {
		set(w, fCue)
	}
	for w := range lx.topics.first {
		set(w, fTopic)
	}
	for w := range lx.reporting {
		set(w, fReport)
	}
	for w := range lx.armed {
		set(w, fArmed)
	}
	for w := range lx.demonyms {
		set(w, fDemonym)
	}
	for w := range lx.nameStop {
		set(w, fStop)
	}
	for _, w := range clauseWords {
		set(w, fClause)
	}
	for w := range lx.blocAdj {
		set(w, fBloc)
	}
	for w := range lx.grievances {
		set(w, fGrief)
	}
	for w := range portfolioHeads {
		set(w, fHead)
	}
	for c := range lx.byteFlags {
		lx.byteFlags[c] = lx.flags[string(rune(c))] | fLooked
	}
	for w := range lx.flags {
		k := filterKey(w)
		lx.maybe[k/64] |= 1 << (k % 64)
	}
}

// stopKind returns the nameStop kind of a token ("word", "org" or "").
func (lx *lexicon) stopKind(t token) string {
	if skip(t, fStop) {
		return ""
	}
	return lx.nameStop[t.lower]
}

// bloc returns the bloc an adjective token names, or "".
func (lx *lexicon) bloc(t token) string {
	if skip(t, fBloc) {
		return ""
	}
	return lx.blocAdj[t.lower]
}

// flag sets the lexicon flags of every token.
func (lx *lexicon) flag(toks []token) {
	for i := range toks {
		w := toks[i].lower
		switch k := filterKey(w); {
		case len(w) == 1 && w[0] < utf8.RuneSelf:
			toks[i].flags = lx.byteFlags[w[0]]
		case lx.maybe[k/64]&(1<<(k%64)) == 0:
			toks[i].flags = fLooked // in no lexicon
		default:
			toks[i].flags = lx.flags[w] | fLooked
		}
	}
}

// filterKey is the position of a word in the lexicon's filter, from its
// length and first, second and last bytes.
func filterKey(w string) uint32 {
	if w == "" {
		return 0
	}
	n := uint32(len(w))
	k := n*0x9E37 ^ uint32(w[0])<<8 ^ uint32(w[n-1])*0x45D9 ^ uint32(w[n/2])*0x3B
	return (k ^ k>>16) & (1<<16 - 1)
}

// addVerb adds a verb form; a form already listed gets vi as its last
// alternative.
func (lx *lexicon) addVerb(form string, vi verbInfo) {
	toks := tokenize(form, lx.abbrevs)
	ps := lx.verbs.first[toks[0].lower]
	for k := range ps {
		if sameWords(ps[k].words, toks) {
			last := &ps[k].val
			for last.alt != nil {
				last = last.alt
			}
			last.alt = &vi
			return
		}
	}
	lx.verbs.add(form, vi, lx.abbrevs)
}

// sameWords reports whether words spell toks.
func sameWords(words []string, toks []token) bool {
	if len(words) != len(toks) {
		return false
	}
	for i, w := range words {
		if toks[i].lower != w {
			return false
		}
	}
	return true
}

// loadBlocs reads blocs.tsv.
func (lx *lexicon) loadBlocs() {
	for _, l := range lines("blocs.tsv") {
		for _, w := range strings.Split(l[2], "|") {
			switch l[1] {
			case "the":
				lx.gaz.add("the "+w, gazEntry{name: l[0], typ: Group}, lx.abbrevs)
			case "adj":
				lx.blocAdj[w] = l[0]
			default:
				lx.gaz.add(w, gazEntry{name: l[0], typ: Group, lower: true}, lx.abbrevs)
			}
		}
	}
}

// country is one line of countries.jsonl.
type country struct {
	Name     string   `json:"name"`
	Official string   `json:"official"`
	CCA2     string   `json:"cca2"`
	Capitals []string `json:"capitals"`
	Demonyms []string `json:"demonyms"`
	Alt      []string `json:"alt"`
	// Independent states win shared demonyms ("American").
	Independent bool `json:"independent"`
}

// loadCountries adds countries, their official names, Latin-script
// alternative spellings, capitals and demonyms. Short codes ("US", "UK")
// are kept only when they are the initials of one of the country's names.
func (lx *lexicon) loadCountries() {
	var all []country
	shorts := map[string]int{}
	for _, l := range rawLines("countries.jsonl") {
		var c country
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			panic(fmt.Sprintf("countries.jsonl: %v", err))
		}
		all = append(all, c)
		for _, s := range shortForms(append([]string{c.Official}, c.Alt...)) {
			shorts[s]++
		}
	}
	for _, c := range all {
		names := append([]string{c.Name, c.Official}, c.Alt...)
		for _, s := range shortForms(append([]string{c.Official}, c.Alt...)) {
			if shorts[s] == 1 { // "Congo" names two states: left out
				names = append(names, s)
			}
		}
		e := gazEntry{name: c.Name, typ: Country}
		for _, n := range names {
			if !isLatin(n) || strings.Contains(n, ",") {
				continue
			}
			if toks := tokenize(n, lx.abbrevs); len(toks) > 0 {
				if prev, k := lx.gaz.match(toks, 0); k == len(toks) && prev.name != c.Name {
					continue // a short form another country already has ("China")
				}
			}
			if isShortCode(n) && !isInitialsOf(n, names) {
				continue
			}
			lx.gaz.add(n, e, lx.abbrevs)
			if isShortCode(n) && len(n) <= 3 {
				lx.gaz.add(dotted(n), e, lx.abbrevs)
			}
		}
		for _, cap := range c.Capitals {
			cap = strings.TrimSuffix(cap, " D.C.")
			lx.gaz.add(cap, gazEntry{name: c.Name, typ: Country, seat: true}, lx.abbrevs)
		}
		for _, d := range c.Demonyms {
			lx.addDemonym(d, c.Name, c.Independent)
		}
	}
}

// plural returns the plural of a title ("foreign minister" -> "foreign
// ministers", "secretary" -> "secretaries"), or "" for abbreviations and
// titles with a complement ("minister of defence").
func plural(title string) string {
	if strings.HasSuffix(title, ".") || strings.Contains(title, " of ") || strings.HasSuffix(title, "s") {
		return ""
	}
	if strings.HasSuffix(title, "y") && !strings.HasSuffix(title, "ey") {
		return title[:len(title)-1] + "ies"
	}
	return title + "s"
}

// addDemonym records a demonym. Independent states win shared ones
// ("American"); demonyms of several words go to the gazetteer.
func (lx *lexicon) addDemonym(d, country string, independent bool) {
	if d == "" {
		return
	}
	if strings.Contains(d, " ") {
		lx.gaz.add(d, gazEntry{name: country, typ: Country, demonym: true}, lx.abbrevs)
		return
	}
	if _, dup := lx.demonyms[strings.ToLower(d)]; !dup || independent {
		lx.demonyms[strings.ToLower(d)] = country
	}
}

// shortForms derives the short names hidden in formal ones: "Republic of
// Turkey" gives "Turkey".
func shortForms(names []string) []string {
	var out []string
	for _, n := range names {
		if i := strings.LastIndex(n, " of "); i > 0 && (strings.HasSuffix(n[:i], "Republic") || strings.HasSuffix(n[:i], "Kingdom") || strings.HasSuffix(n[:i], "State")) {
			if short := strings.TrimPrefix(n[i+4:], "the "); len(short) >= 4 {
				out = append(out, short)
			}
		}
	}
	return out
}

// dotted writes a code with periods: "US" -> "U.S.".
func dotted(code string) string {
	var b strings.Builder
	for _, r := range code {
		b.WriteRune(r)
		b.WriteByte('.')
	}
	return b.String()
}

// isLatin reports whether s is written in Latin letters (with accents).
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

// isInitialsOf reports whether code spells the initials of one of names,
// ignoring the words "of", "the" and "and".
func isInitialsOf(code string, names []string) bool {
	for _, n := range names {
		var ini strings.Builder
		for _, w := range strings.Fields(n) {
			if w == "of" || w == "the" || w == "and" {
				continue
			}
			r := []rune(w)[0]
			ini.WriteRune(unicode.ToUpper(r))
		}
		if ini.String() == code && len(strings.Fields(n)) > 1 {
			return true
		}
	}
	return false
}

// lines reads a tab-separated data file, skipping comments and blank lines.
func lines(name string) [][]string {
	var out [][]string
	for _, l := range rawLines(name) {
		out = append(out, strings.Split(l, "\t"))
	}
	return out
}

// rawLines reads the non-comment, non-blank lines of a data file.
func rawLines(name string) []string {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("extract: missing data file %s: %v", name, err))
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r ")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}
