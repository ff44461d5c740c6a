package extract

import "testing"

// testLexicon returns the shared lexicon.
func testLexicon(t testing.TB) *lexicon {
	t.Helper()
	return New().lx
}

func TestGazetteer(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		text, name string
		n          int
	}{
		{"United States of America", "United States", 4},
		{"U.S.", "United States", 1},
		{"UK", "United Kingdom", 1},
		{"Beijing", "China", 1},
		{"Kremlin", "Russia", 1},
		{"UN Security Council", "United Nations Security Council", 3},
		{"Rapid Support Forces", "Rapid Support Forces", 3},
		{"IN", "", 0}, // a two-letter code that is not an initialism
		{"AI", "", 0},
	}
	for _, tc := range tests {
		toks := tokenize(tc.text, lx.abbrevs)
		e, n := lx.gaz.match(toks, 0)
		if n != tc.n || e.name != tc.name {
			t.Errorf("gaz.match(%q) = %q/%d, want %q/%d", tc.text, e.name, n, tc.name, tc.n)
		}
	}
	if lx.demonyms["american"] != "United States" || lx.demonyms["israeli"] != "Israel" {
		t.Errorf("demonyms: american=%q israeli=%q", lx.demonyms["american"], lx.demonyms["israeli"])
	}
}

func TestIsInitialsOf(t *testing.T) {
	tests := []struct {
		code  string
		names []string
		want  bool
	}{
		{"US", []string{"United States"}, true},
		{"UAE", []string{"United Arab Emirates"}, true},
		{"USA", []string{"United States of America"}, true},
		{"IN", []string{"India", "Republic of India"}, false},
		{"AI", []string{"Anguilla"}, false},
	}
	for _, tc := range tests {
		if got := isInitialsOf(tc.code, tc.names); got != tc.want {
			t.Errorf("isInitialsOf(%q, %q) = %v", tc.code, tc.names, got)
		}
	}
}
