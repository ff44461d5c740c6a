package extract

import (
	"strings"
	"testing"
)

// clauseMarks splits a sentence into clauses and renders every token as
// "word/K" where K is its clause kind: m main, r reported, c conditional,
// l relative, s subordinate.
func clauseMarks(t *testing.T, text string) string {
	t.Helper()
	x := New()
	toks := tokenize(text, x.lx.abbrevs)
	outside := make([]int, len(toks)) // no token in a mention
	for i := range outside {
		outside[i] = -1
	}
	cl := x.cs.split(toks, outside)
	kinds := "mrcls"
	var b strings.Builder
	for i, tk := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.text + "/" + string(kinds[cl.list[cl.of[i]].kind]))
	}
	return b.String()
}

func TestClauses(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Seoul said Pyongyang fired missiles", "Seoul/m said/m Pyongyang/r fired/r missiles/r"},
		{"Tehran denied that it attacked ships", "Tehran/m denied/m that/r it/r attacked/r ships/r"},
		{"Israel will strike if Iran attacks", "Israel/m will/m strike/m if/c Iran/c attacks/c"},
		{"If Serbia attacks, Kosovo will respond", "If/c Serbia/c attacks/c ,/c Kosovo/m will/m respond/m"},
		{"Ruto, who visited Kigali, met Kagame", "Ruto/m ,/m who/l visited/l Kigali/l ,/l met/m Kagame/m"},
		{"Lula spoke while Milei listened", "Lula/m spoke/m while/s Milei/s listened/s"},
		{"Delhi is expected to respond", "Delhi/m is/m expected/m to/m respond/m"},
		{"sanctions should Caracas refuse", "sanctions/m should/c Caracas/c refuse/c"},
	}
	for _, tc := range tests {
		if got := clauseMarks(t, tc.text); got != tc.want {
			t.Errorf("%q:\n got  %s\n want %s", tc.text, got, tc.want)
		}
	}
}

func TestConditionedTokens(t *testing.T) {
	x := New()
	toks := tokenize("Washington met Seoul and warned it would strike if Pyongyang fired", x.lx.abbrevs)
	outside := make([]int, len(toks)) // no token in a mention
	for i := range outside {
		outside[i] = -1
	}
	cl := x.cs.split(toks, outside)
	var hypo []string
	for i, tk := range toks {
		if cl.hypo[i] {
			hypo = append(hypo, tk.text)
		}
	}
	if got := strings.Join(hypo, " "); got != "it would strike" {
		t.Errorf("conditioned tokens = %q", got)
	}
}
