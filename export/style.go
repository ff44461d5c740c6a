package export

import (
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// This file holds what several writers share: how actor types and edges are
// drawn, the text normalizer, and the relation and modality summaries.

// typeStyle is how one actor type is drawn: fill color (#RRGGBB, also the
// GraphML color) and Graphviz shape.
type typeStyle struct {
	Color string
	Shape string
}

// typeStyles maps each actor type to its style. Colors are light enough for
// black text.
var typeStyles = map[string]typeStyle{
	extract.Person:       {"#8DD3C7", "ellipse"},
	extract.Country:      {"#FFED6F", "box"},
	extract.Organization: {"#BEBADA", "component"},
	extract.Group:        {"#FB8072", "hexagon"},
	extract.Place:        {"#80B1D3", "house"},
	extract.Topic:        {"#FDB462", "note"},
}

// otherType styles nodes whose type is empty or unknown; otherTypeName is how
// the legend names them.
var otherType = typeStyle{"#D9D9D9", "ellipse"}

const otherTypeName = "other"

// styleOf returns the style of an actor type.
func styleOf(typ string) typeStyle {
	if s, ok := typeStyles[typ]; ok {
		return s
	}
	return otherType
}

// legendTypes returns the type names present among nodes, in the order of
// extract.ActorTypes, then "other" when some node has no known type.
func legendTypes(nodes []graph.Node) []string {
	present := map[string]bool{}
	for _, n := range nodes {
		if _, ok := typeStyles[n.Type]; ok {
			present[n.Type] = true
		} else {
			present[otherTypeName] = true
		}
	}
	var out []string
	for _, t := range append(append([]string(nil), extract.ActorTypes...), otherTypeName) {
		if present[t] {
			out = append(out, t)
		}
	}
	return out
}

// Edge line styles: an edge is drawn dashed when every statement on it is
// planned, dotted when every statement is hypothetical or negated, and solid
// otherwise.
const (
	styleSolid  = "solid"
	styleDashed = "dashed"
	styleDotted = "dotted"
)

// edgeStyles lists the edge styles in legend order with their legend text.
var edgeStyles = []struct{ Style, Legend string }{
	{styleSolid, "asserted (or mixed)"},
	{styleDashed, "planned"},
	{styleDotted, "hypothetical / negated"},
}

// edgeStyle returns the line style of an edge from its modalities.
func edgeStyle(e graph.Edge) string {
	total, planned, unreal := 0, 0, 0
	for m, n := range modalityTotals(e) {
		total += n
		switch m {
		case extract.Planned:
			planned += n
		case extract.Hypothetical, extract.Negated:
			unreal += n
		}
	}
	switch {
	case total == 0:
		return styleSolid
	case planned == total:
		return styleDashed
	case unreal == total:
		return styleDotted
	}
	return styleSolid
}

// modalityTotals sums the modalities of every relation on the edge.
func modalityTotals(e graph.Edge) map[string]int {
	out := map[string]int{}
	for _, r := range e.Relations {
		for m, n := range r.Modalities {
			out[m] += n
		}
	}
	return out
}

// sortedModalities returns the keys of a modality map: the known modalities
// in extract.Modalities order, then any others sorted.
func sortedModalities(m map[string]int) []string {
	var out, other []string
	for _, k := range extract.Modalities {
		if _, ok := m[k]; ok {
			out = append(out, k)
		}
	}
	for k := range m {
		if !extract.IsModality(k) {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

// countList is an ordered list of (label, count) pairs, written
// "a:3;b:1". Labels must not contain ';' or ':' (newsgraph's relation and
// modality labels never do).
type countList []labelCount

type labelCount struct {
	Label string
	Count int
}

func (l countList) String() string {
	parts := make([]string, len(l))
	for i, p := range l {
		parts[i] = p.Label + ":" + strconv.Itoa(p.Count)
	}
	return strings.Join(parts, ";")
}

// parseCountList reads the "a:3;b:1" form back.
func parseCountList(s string) (countList, error) {
	if s == "" {
		return nil, nil
	}
	var out countList
	for _, part := range strings.Split(s, ";") {
		i := strings.LastIndexByte(part, ':')
		if i < 0 {
			return nil, fmt.Errorf("bad count %q: want label:count", part)
		}
		n, err := strconv.Atoi(part[i+1:])
		if err != nil {
			return nil, fmt.Errorf("bad count %q: %w", part, err)
		}
		out = append(out, labelCount{part[:i], n})
	}
	return out, nil
}

// relationCounts lists the relations of an edge with their statement counts,
// in the edge's order (most statements first).
func relationCounts(e graph.Edge) countList {
	out := make(countList, len(e.Relations))
	for i, r := range e.Relations {
		out[i] = labelCount{r.Relation, r.Count}
	}
	return out
}

// modalityCounts lists the modality totals of an edge (see sortedModalities
// for the order).
func modalityCounts(e graph.Edge) countList { return modalityList(modalityTotals(e)) }

// modalityList lists modality counts in sortedModalities order.
func modalityList(m map[string]int) countList {
	var out countList
	for _, k := range sortedModalities(m) {
		out = append(out, labelCount{k, m[k]})
	}
	return out
}

// maxLabelRelations is how many relations an edge label spells out before
// summing up the rest as "+N more".
const maxLabelRelations = 3

// edgeLabelLines returns the label of an edge, one line per relation
// ("spoke-with ×3"), the top maxLabelRelations then "+N more".
func edgeLabelLines(e graph.Edge) []string {
	var lines []string
	for i, r := range e.Relations {
		if i == maxLabelRelations {
			lines = append(lines, fmt.Sprintf("+%d more", len(e.Relations)-i))
			break
		}
		lines = append(lines, fmt.Sprintf("%s ×%d", r.Relation, r.Count))
	}
	return lines
}

// clean normalizes text for XML-based and Graphviz output: control characters
// other than tab, newline and carriage return are dropped, and invalid UTF-8
// (as well as the XML-forbidden U+FFFE and U+FFFF) becomes U+FFFD.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // invalid UTF-8 comes out as utf8.RuneError (U+FFFD)
		switch {
		case r == 0xFFFE || r == 0xFFFF:
			b.WriteRune(unicode.ReplacementChar)
		case unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether clean would leave s as it is.
func isClean(s string) bool {
	for i, r := range s {
		if r == unicode.ReplacementChar && !strings.HasPrefix(s[i:], "\uFFFD") {
			return false
		}
		if r == 0xFFFE || r == 0xFFFF || (unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r') {
			return false
		}
	}
	return true
}

// unnamed is how diagrams label an actor whose name is empty or blank.
const unnamed = "(no name)"

// displayName is the text a diagram shows for an actor.
func displayName(name string) string {
	if strings.TrimSpace(clean(name)) == "" {
		return unnamed
	}
	return name
}

// validUTF8 is what JSON makes of a string: each byte of invalid UTF-8
// becomes U+FFFD.
func validUTF8(s string) string { return string([]rune(s)) }

// cleanNames returns the cleaned name of every node, keyed by the original
// name. It fails when two names become the same once cleaned, since the
// output would then merge two actors.
func cleanNames(nodes []graph.Node) (map[string]string, error) {
	return uniqueNames(nodes, clean, "control characters and invalid UTF-8 are cleaned")
}

// uniqueNames returns norm(name) for every node, keyed by name. It fails,
// saying how names were changed, when two names become the same.
func uniqueNames(nodes []graph.Node, norm func(string) string, how string) (map[string]string, error) {
	out := make(map[string]string, len(nodes))
	owner := make(map[string]string, len(nodes))
	for _, n := range nodes {
		c := norm(n.Name)
		if prev, ok := owner[c]; ok {
			return nil, fmt.Errorf("actor names %q and %q are the same once %s", prev, n.Name, how)
		}
		owner[c] = n.Name
		out[n.Name] = c
	}
	return out, nil
}

// xmlText cleans s and escapes it for XML text or attribute values.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(clean(s))) // writing to a strings.Builder cannot fail
	return b.String()
}

// rgb returns the red, green and blue of a #RRGGBB color.
func rgb(color string) (r, g, b uint8) {
	var x uint32
	if _, err := fmt.Sscanf(color, "#%06x", &x); err != nil {
		return 0, 0, 0
	}
	return uint8(x >> 16), uint8(x >> 8), uint8(x)
}
