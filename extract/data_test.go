package extract

import (
	"strings"
	"testing"
)

// TestDataFiles checks every lexicon line's shape, so that a bad edit to a
// data file fails here rather than panicking at start-up.
func TestDataFiles(t *testing.T) {
	columns := map[string][2]int{ // file -> min, max columns
		"abbrev.txt": {1, 1}, "agents.txt": {1, 1}, "armed.tsv": {2, 2}, "blocs.tsv": {3, 3},
		"boilerplate.txt": {2, 2}, "cues.tsv": {3, 3}, "demonyms.tsv": {2, 2}, "grievances.tsv": {3, 3},
		"namestop.txt": {2, 2}, "nouns.tsv": {4, 5}, "orgs.tsv": {3, 3}, "places.tsv": {2, 2},
		"reporting.tsv": {2, 2}, "seats.tsv": {2, 2}, "support.tsv": {2, 2}, "targets.txt": {1, 1},
		"titles.tsv": {3, 4}, "topics.tsv": {2, 2}, "troops.txt": {1, 1}, "verbs.tsv": {4, 5}, "weapons.txt": {1, 1},
		"retaliation.txt": {1, 1}, "sectors.txt": {1, 1}, "directive.txt": {1, 1},
	}
	for file, want := range columns {
		for _, l := range lines(file) {
			if len(l) < want[0] || len(l) > want[1] {
				t.Errorf("%s: %d columns in %q, want %d..%d", file, len(l), l, want[0], want[1])
			}
		}
	}
	for _, file := range []string{"verbs.tsv", "nouns.tsv", "grievances.tsv"} {
		for _, l := range lines(file) {
			if !IsRelation(l[0]) && !IsRelation(l[1]) {
				t.Errorf("%s: no relation label in %q", file, l)
			}
		}
	}
	for _, l := range lines("cues.tsv") {
		if !IsModality(l[1]) || l[2] != "aux" && l[2] != "frame" && l[2] != "clause" {
			t.Errorf("cues.tsv: bad line %q", l)
		}
	}
	for _, l := range lines("titles.tsv") {
		if l[1] != "leader-of" && l[1] != "official-of" {
			t.Errorf("titles.tsv: bad relation in %q", l)
		}
	}
	lx := testLexicon(t)
	for _, l := range lines("seats.tsv") {
		if lx.types[l[1]] != Country {
			t.Errorf("seats.tsv: %q is no country of countries.jsonl", l[1])
		}
	}
	for _, l := range lines("demonyms.tsv") {
		if lx.types[l[1]] != Country {
			t.Errorf("demonyms.tsv: %q is no country of countries.jsonl", l[1])
		}
	}
}

// TestNoDeadVerbForms checks that a verb form listed on several lines of
// verbs.tsv is unconditional at most on its last line, since later lines
// are only tried when a condition fails.
func TestNoDeadVerbForms(t *testing.T) {
	unconditional := map[string]string{}
	for _, l := range lines("verbs.tsv") {
		for _, f := range strings.Split(l[3], ",") {
			if rel, ok := unconditional[f]; ok {
				t.Errorf("verbs.tsv: %q of %s is never used: %s lists it unconditionally", f, l[0], rel)
			}
			if len(l) < 5 {
				unconditional[f] = l[0]
			}
		}
	}
}
