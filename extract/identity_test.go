package extract

import (
	"strings"
	"testing"
)

// resolved runs the pipeline up to identity resolution and lists, per
// sentence, "surface=canonical" for every kept mention.
func resolved(t *testing.T, text string) [][]string {
	t.Helper()
	x := New()
	sents := x.analyse(x.bp.clean(text))
	resolveIdentities(sents)
	x.resolveQuotes(sents)
	out := make([][]string, len(sents))
	for k, ds := range sents {
		for _, m := range ds.ms {
			out[k] = append(out[k], m.text+"="+m.name)
		}
	}
	return out
}

func TestIdentities(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // mentions of each sentence, joined by "; "
	}{
		{
			name: "surname, spelling variant and title without name",
			text: "Israeli Prime Minister Benjamin Netanyahu spoke to Iranian President Masoud Pezeshkian. " +
				"Netanyahou said the Israeli leader would not wait. Pezeshkian disagreed.",
			want: []string{
				"Israeli Prime Minister Benjamin Netanyahu=Benjamin Netanyahu; Iranian President Masoud Pezeshkian=Masoud Pezeshkian",
				"Netanyahou=Benjamin Netanyahu; the Israeli leader=Benjamin Netanyahu",
				"Pezeshkian=Masoud Pezeshkian",
			},
		},
		{
			name: "pronouns and the two leaders",
			text: "Chinese President Xi Jinping met Brazilian President Luiz Lula da Silva. " +
				"He praised the talks. The two leaders signed a deal.",
			want: []string{
				"Chinese President Xi Jinping=Xi Jinping; Brazilian President Luiz Lula da Silva=Luiz Lula da Silva",
				"He=Xi Jinping",
				"The two leaders=Luiz Lula da Silva & Xi Jinping",
			},
		},
		{
			name: "handle and apposition possessive",
			text: "Javier Milei, Argentina's president, met Luis Caputo, Milei's economy minister. Thanks @JMilei for the call.",
			want: []string{
				"Javier Milei, Argentina's president=Javier Milei; Luis Caputo, Milei's economy minister=Luis Caputo",
				"@JMilei=Javier Milei",
			},
		},
		{
			name: "title resolved to the person named just before",
			text: "William Ruto arrived in Addis Ababa. The Kenyan president met Abiy Ahmed.",
			want: []string{
				"William Ruto=William Ruto; Addis Ababa=Ethiopia",
				"The Kenyan president=William Ruto; Abiy Ahmed=Abiy Ahmed",
			},
		},
		{
			name: "we inside a quotation is its speaker",
			text: "“We will defend every inch,” Zelenskyy said. Volodymyr Zelenskyy spoke.",
			want: []string{"We=Volodymyr Zelenskyy; Zelenskyy=Volodymyr Zelenskyy", "Volodymyr Zelenskyy=Volodymyr Zelenskyy"},
		},
		{
			name: "unknown single names are dropped",
			text: "Serious concerns grew as Attention turned to Gaza.",
			want: []string{"Gaza=Gaza"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := resolved(t, tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d sentences %q", len(got), got)
			}
			for k := range got {
				if g := strings.Join(got[k], "; "); g != tc.want[k] {
					t.Errorf("sentence %d:\n got  %s\n want %s", k, g, tc.want[k])
				}
			}
		})
	}
}

func TestSimilarNames(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"macron", "marcon", true},
		{"zelensky", "zelenskyy", true},
		{"olaf", "olof", true},
		{"biden", "bidan", true},
		{"xi", "li", false},
		{"putin", "patel", false},
		{"johnson", "jackson", false},
	}
	for _, tc := range tests {
		if got := similar(tc.a, tc.b); got != tc.want {
			t.Errorf("similar(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestHonorificsAndIt(t *testing.T) {
	got := resolved(t, "Keir Starmer spoke. Mr Starmer said Britain would act. Iran said it had fired missiles at Israel.")
	want := []string{
		"Keir Starmer=Keir Starmer",
		"Mr Starmer=Keir Starmer; Britain=United Kingdom",
		"Iran=Iran; it=Iran; Israel=Israel",
	}
	for k := range want {
		if g := strings.Join(got[k], "; "); g != want[k] {
			t.Errorf("sentence %d:\n got  %s\n want %s", k, g, want[k])
		}
	}
}
