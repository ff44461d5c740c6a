package extract

import (
	"fmt"
	"strings"
	"testing"
)

// findMentions runs the cleaning, sentence, token and mention stages on
// one sentence.
func findMentions(t *testing.T, text string) ([]mention, []token) {
	t.Helper()
	x := New()
	ss := splitSentences(x.bp.clean(text), x.lx.abbrevs)
	if len(ss) != 1 {
		t.Fatalf("%q: %d sentences", text, len(ss))
	}
	toks := tokenize(ss[0].text, x.lx.abbrevs)
	return x.mf.find(ss[0], toks), toks
}

// describe renders a mention as "text=name/type[role]".
func describe(m mention) string {
	name := m.name
	if name == "" {
		name = m.nm
	}
	s := fmt.Sprintf("%s=%s/%s", m.text, name, m.typ)
	if m.role != nil {
		s += fmt.Sprintf("[%s %s %s]", m.role.rel, m.role.role, m.role.org)
	}
	return s
}

func TestMentions(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Indian Prime Minister Narendra Modi met Pakistan's army chief Asim Munir.", []string{
			"Indian Prime Minister Narendra Modi=Narendra Modi/person[leader-of prime minister India]",
			"Pakistan's army chief Asim Munir=Asim Munir/person[official-of army chief Pakistan]",
		}},
		{"Israeli troops and Iran-backed militias clashed near the Golan Heights.", []string{
			"Israeli troops=Israel/country", "Iran-backed militias=pro-Iranian militias/group", "Golan Heights=Golan Heights/place",
		}},
		{"The Kremlin and Beijing said the West and NATO were to blame.", []string{
			"Kremlin=Russia/country", "Beijing=China/country", "the West=West/group", "NATO=NATO/organization",
		}},
		{"Ali Karti, Sudan's foreign minister, spoke to the UN Security Council.", []string{
			"Ali Karti, Sudan's foreign minister=Ali Karti/person[official-of foreign minister Sudan]",
			"UN Security Council=United Nations Security Council/organization",
		}},
		{"President of Venezuela, Nicolas Maduro, thanked the international community.", []string{
			"President of Venezuela, Nicolas Maduro=Nicolas Maduro/person[leader-of president Venezuela]",
			"international community=international community/group",
		}},
		{"Senior Hungarian officials met the Taiwanese president in the Taiwanese capital.", []string{
			"Hungarian officials=Hungary/country", "the Taiwanese president=/person[leader-of president Taiwan]", "Taiwanese capital=Taiwan/country",
		}},
		{"U.S. and Japanese leaders met in Washington.", []string{
			"U.S.=United States/country", "Japanese leaders=Japan/country", "Washington=United States/country",
		}},
		{"He said Fox News and the New York Times reported it.", []string{"He=/person"}},
	}
	for _, tc := range tests {
		ms, _ := findMentions(t, tc.text)
		var got []string
		for _, m := range ms {
			if m.kind != mkSurname { // single capitalised words are only candidates
				got = append(got, describe(m))
			}
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%q:\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

func TestPairTitles(t *testing.T) {
	ms, _ := findMentions(t, "Indian and Chinese foreign ministers, Subrahmanyam Jaishankar and Wang Yi, met.")
	var got []string
	for _, m := range ms {
		got = append(got, describe(m))
	}
	want := "Chinese foreign ministers, Subrahmanyam Jaishankar=Subrahmanyam Jaishankar/person[official-of foreign minister India]; " +
		"Wang Yi=Wang Yi/person[official-of foreign minister China]"
	if strings.Join(got, "; ") != want {
		t.Errorf("got %q", got)
	}
}
