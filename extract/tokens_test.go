package extract

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. President Joe Biden's aides didn't comment.", []string{"U.S.", "President", "Joe", "Biden", "'s", "aides", "did", "n't", "comment", "."}},
		{"Pro-Iran militants fired 1,200 rockets at Haifa.", []string{"Pro-Iran", "militants", "fired", "1,200", "rockets", "at", "Haifa", "."}},
		{"Pres. Lula met Gen. Ramos in St. Paul", []string{"Pres.", "Lula", "met", "Gen.", "Ramos", "in", "St.", "Paul"}},
		{"\u201cWe will act,\u201d Modi\u2019s office said", []string{"\u201c", "We", "will", "act", ",", "\u201d", "Modi", "\u2019s", "office", "said"}},
		{"Thanks @NarendraModi for the call", []string{"Thanks", "@NarendraModi", "for", "the", "call"}},
		{"J. K. Rowling", []string{"J.", "K.", "Rowling"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range tokenize(tc.in, lx.abbrevs) {
			got = append(got, tok.text)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenLowerAndOffsets(t *testing.T) {
	lx := testLexicon(t)
	s := "Sudan\u2019s Army Chief"
	toks := tokenize(s, lx.abbrevs)
	if toks[1].lower != "'s" || toks[2].lower != "army" || !toks[2].capital {
		t.Fatalf("bad normalisation: %+v", toks)
	}
	for _, tok := range toks {
		if s[tok.start:tok.end] != tok.text {
			t.Errorf("offsets of %q wrong: %d..%d", tok.text, tok.start, tok.end)
		}
	}
}
