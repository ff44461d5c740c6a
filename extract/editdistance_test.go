package extract

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"zelensky", "zelenskyy", 1},
		{"erdogan", "erdoğan", 1}, // one rune, two bytes
		{"Erdoğan", "Erdogan", 1},
		{"Анкара", "Анкарa", 1}, // Cyrillic against Latin a
		{"北京", "南京", 1},
		{"flaw", "lawn", 2},
		{"same", "same", 0},
		{"a very long name of more than thirty-two runes", "a very long name of more than thirty-two rune", 1},
	}
	for _, tc := range tests {
		if got := EditDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := EditDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetry)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestEditDistanceDoesNotAllocateOnNames(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { EditDistance("Volodymyr Zelenskyy", "Wolodymyr Selenskyj") }); n != 0 {
		t.Errorf("EditDistance allocates %v times on short names", n)
	}
}

func BenchmarkEditDistance(b *testing.B) {
	for b.Loop() {
		EditDistance("Mohammed bin Salman", "Muhammad bin Salman")
	}
}

// naiveEditDistance is the textbook full-matrix Levenshtein distance over
// runes, the reference for FuzzEditDistance.
func naiveEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
		}
	}
	return d[len(ra)][len(rb)]
}

func FuzzEditDistance(f *testing.F) {
	f.Add("Zelensky", "Zelenskyy")
	f.Add("Erdoğan", "Erdogan")
	f.Add("", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 200 || len(b) > 200 {
			return
		}
		if got, want := EditDistance(a, b), naiveEditDistance(a, b); got != want {
			t.Fatalf("EditDistance(%q, %q) = %d, want %d", a, b, got, want)
		}
	})
}
