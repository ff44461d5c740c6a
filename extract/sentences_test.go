package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitSentences(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		name   string
		blocks []string
		want   []string
		heads  []bool
	}{
		{
			name:   "abbreviations and initials",
			blocks: []string{"U.S. Secretary of State Antony Blinken met Gen. Abdel Fattah al-Burhan on Feb. 3 in Port Sudan. They discussed a truce. J. Smith, a U.N. envoy, attended."},
			want: []string{
				"U.S. Secretary of State Antony Blinken met Gen. Abdel Fattah al-Burhan on Feb. 3 in Port Sudan.",
				"They discussed a truce.",
				"J. Smith, a U.N. envoy, attended.",
			},
			heads: []bool{false, false, false},
		},
		{
			name:   "headline is a sentence of its own",
			blocks: []string{"Taiwan Says Chinese Jets Crossed Median Line", "China sent 20 jets. Taipei protested."},
			want:   []string{"Taiwan Says Chinese Jets Crossed Median Line", "China sent 20 jets.", "Taipei protested."},
			heads:  []bool{true, false, false},
		},
		{
			name:   "quotes close sentences",
			blocks: []string{"\u201cWe will respond.\u201d The minister left. \u201cIs this war?\u201d she asked."},
			want:   []string{"\u201cWe will respond.\u201d", "The minister left.", "\u201cIs this war?\u201d she asked."},
			heads:  []bool{false, false, false},
		},
		{
			name:   "no split before lower case",
			blocks: []string{"Troops moved to approx. 20 km from the border."},
			want:   []string{"Troops moved to approx. 20 km from the border."},
			heads:  []bool{false},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := splitSentences(cleaned{blocks: tc.blocks}, lx.abbrevs)
			var got []string
			var heads []bool
			for _, s := range ss {
				got = append(got, s.text)
				heads = append(heads, s.headline)
			}
			if !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(heads, tc.heads) {
				t.Errorf("got %q %v, want %q %v", got, heads, tc.want, tc.heads)
			}
		})
	}
}

func BenchmarkSplitSentences(b *testing.B) {
	lx := testLexicon(b)
	text := benchText(b)
	c := New().bp.clean(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		splitSentences(c, lx.abbrevs)
	}
}

func TestSplitSentencesBoundsLength(t *testing.T) {
	lx := testLexicon(t)
	for _, block := range []string{
		strings.Repeat("Ethiopia and Eritrea signed a deal ", 300),
		strings.Repeat("\u00e9", 3000) + ".",
	} {
		ss := splitSentences(cleaned{blocks: []string{block}}, lx.abbrevs)
		if len(ss) < 2 {
			t.Fatalf("a %d-byte block was not cut", len(block))
		}
		total := 0
		for _, s := range ss {
			if len(s.text) > maxSentence || !utf8.ValidString(s.text) {
				t.Errorf("piece of %d bytes, valid UTF-8 %v", len(s.text), utf8.ValidString(s.text))
			}
			total += len(strings.ReplaceAll(s.text, " ", ""))
		}
		if want := len(strings.ReplaceAll(block, " ", "")); total != want {
			t.Errorf("pieces hold %d bytes of text, want %d", total, want)
		}
	}
}
