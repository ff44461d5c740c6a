package graph

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/extract"
)

// Key folds a name for loose matching: lower case, accents removed,
// punctuation turned into spaces, a leading "the" and a trailing possessive
// dropped. "The Kremlin’s" and "kremlin" share a key.
func Key(name string) string {
	folded := strings.TrimSpace(stripAccents(name))
	for _, possessive := range []string{"’s", "'s", "’", "'"} {
		folded = strings.TrimSuffix(folded, possessive)
	}
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(folded) {
		switch {
		case r == '’' || r == '\'':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	k := strings.TrimSpace(b.String())
	return strings.TrimPrefix(k, "the ")
}

// stripAccents removes combining marks ("São Tomé" → "Sao Tome"). ASCII
// text, the common case, is returned as is without building a transformer.
func stripAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			if out, _, err := transform.String(t, s); err == nil {
				return out
			}
			return s
		}
	}
	return s
}

// surname is the key of a person's last name, or "" for a one-word name.
func surname(name string) string {
	k := strings.Fields(Key(name))
	if len(k) < 2 {
		return ""
	}
	return k[len(k)-1]
}

// Consolidate merges actors that are one across documents, in three passes:
// names that share a key ("Nato" and "NATO"); person names written two ways
// ("Olof Scholz" and "Olaf Scholz", "Zelenskyy" and "Zelensky", see
// spellingVariant); and one-word person names that are the surname of
// exactly one fuller person name ("Macron" into "Emmanuel Macron"). The
// merged name becomes an alias of the one kept. It returns the number of
// nodes merged away.
func (g *Graph) Consolidate() int {
	return g.mergeSameKey() + g.mergeVariants() + g.mergeSurnames()
}

// mergeSameKey merges names that share a key.
func (g *Graph) mergeSameKey() int {
	merged := 0
	byKey := map[string]string{}
	for _, name := range sortedNodeNames(g) {
		k := Key(name)
		if into, ok := byKey[k]; ok {
			g.merge(g.preferred(name, into))
			merged++
			continue
		}
		byKey[k] = name
	}
	return merged
}

// mergeVariants merges person names of as many words that are the same but
// for one word, when that word is a spelling variant of the other.
func (g *Graph) mergeVariants() int {
	slots := map[string][]string{} // a name's key with one word blanked → names
	for _, name := range sortedNodeNames(g) {
		words := strings.Fields(Key(name))
		if g.nodes[name].Type != extract.Person || len(words) < 2 {
			continue
		}
		for i := range words {
			blanked := append([]string(nil), words...)
			blanked[i] = "*"
			k := strings.Join(blanked, " ")
			slots[k] = append(slots[k], name)
		}
	}
	keys := make([]string, 0, len(slots))
	for k := range slots {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	merged := 0
	for _, k := range keys {
		names := slots[k]
		for i, a := range names {
			for _, b := range names[i+1:] {
				if g.nodes[a] == nil || g.nodes[b] == nil || !variantNames(a, b) {
					continue // merged already, or not variants
				}
				g.merge(g.preferred(a, b))
				merged++
			}
		}
	}
	return merged
}

// variantNames reports whether two names of as many words differ in exactly
// one word, and there by a spelling variant.
func variantNames(a, b string) bool {
	wa, wb := strings.Fields(Key(a)), strings.Fields(Key(b))
	diff := -1
	for i := range wa {
		if wa[i] != wb[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return diff >= 0 && spellingVariant(wa[diff], wb[diff])
}

// spellingVariant reports whether two words of at least four letters are
// one name spelled two ways: one letter added or dropped ("zelensky",
// "zelenskyy"; "antony", "anthony") or one vowel for another ("olaf",
// "olof"; "dmitry", "dmitri"). A consonant for another, or a consonant for
// a vowel, makes another name ("mark" and "marc" may be one man, "john" and
// "joan" are not), so those stay apart.
func spellingVariant(x, y string) bool {
	rx, ry := []rune(x), []rune(y)
	if len(rx) < 4 || len(ry) < 4 || extract.EditDistance(x, y) != 1 {
		return false
	}
	if len(rx) != len(ry) {
		return true
	}
	for i := range rx {
		if rx[i] != ry[i] {
			return isVowel(rx[i]) && isVowel(ry[i])
		}
	}
	return false
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouy", r) }

// mergeSurnames merges one-word person names into the one fuller person
// name they are the surname of.
func (g *Graph) mergeSurnames() int {
	bySurname := map[string][]string{}
	for _, name := range sortedNodeNames(g) {
		if n := g.nodes[name]; n.Type == extract.Person {
			if s := surname(name); s != "" {
				bySurname[s] = append(bySurname[s], name)
			}
		}
	}
	merged := 0
	for _, name := range sortedNodeNames(g) {
		n := g.nodes[name]
		if n.Type != extract.Person || strings.Contains(Key(name), " ") {
			continue
		}
		if full := bySurname[Key(name)]; len(full) == 1 {
			g.merge(name, full[0])
			merged++
		}
	}
	return merged
}

// preferred orders two names that share a key: the one seen in more
// documents survives (ties: the one that sorts first).
func (g *Graph) preferred(a, b string) (from, into string) {
	na, nb := len(g.nodes[a].docs)+g.nodes[a].Articles, len(g.nodes[b].docs)+g.nodes[b].Articles
	if na > nb || (na == nb && a < b) {
		return b, a
	}
	return a, b
}

func sortedNodeNames(g *Graph) []string {
	names := make([]string, 0, len(g.nodes))
	for name := range g.nodes {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// merge folds node from into node into: aliases, documents and every edge.
func (g *Graph) merge(from, into string) {
	src, dst := g.nodes[from], g.nodes[into]
	dst.aliases[from] = true
	for a := range src.aliases {
		if a != into {
			dst.aliases[a] = true
		}
	}
	for d := range src.docs {
		dst.docs[d] = true
	}
	dst.Articles += src.Articles
	if dst.Type == "" {
		dst.Type = src.Type
	}
	var touched [][2]string
	for k := range g.edges {
		if k[0] == from || k[1] == from {
			touched = append(touched, k)
		}
	}
	sort.Slice(touched, func(i, j int) bool {
		return touched[i][0]+"\x00"+touched[i][1] < touched[j][0]+"\x00"+touched[j][1]
	})
	for _, k := range touched {
		e := g.edges[k]
		delete(g.edges, k)
		_ = g.g.RemoveEdge(k[0], k[1])
		s, t := rename(k[0], from, into), rename(k[1], from, into)
		if s == t {
			continue // the two ends were one actor: no self-loops
		}
		g.rehome(e, s, t)
	}
	delete(g.nodes, from)
	_ = g.g.RemoveVertex(from)
}

func rename(name, from, into string) string {
	if name == from {
		return into
	}
	return name
}

// rehome adds the statements of edge e to the edge s→t, moving symmetric
// relations onto the edge whose source sorts first.
func (g *Graph) rehome(e *edge, s, t string) {
	rels := make([]string, 0, len(e.relations))
	for rel := range e.relations {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		rc := e.relations[rel]
		a, b := s, t
		if extract.IsSymmetric(rel) && b < a {
			a, b = b, a
		}
		x := g.ensureEdge(a, b)
		y := x.relations[rel]
		if y == nil {
			y = &RelationCount{Relation: rel, Modalities: map[string]int{}}
			x.relations[rel] = y
		}
		y.Count += rc.Count
		for m, k := range rc.Modalities {
			y.Modalities[m] += k
		}
		y.seen(rc.FirstSeen)
		y.seen(rc.LastSeen)
		for d := range e.docs {
			x.docs[d] = true
		}
		if x.baseArticles < e.baseArticles {
			x.baseArticles = e.baseArticles
		}
		x.seen(e.firstSeen)
		x.seen(e.lastSeen)
		for _, ev := range e.evidence {
			if ev.Relation == rel {
				x.evidence = append(x.evidence, ev)
			}
		}
	}
}
