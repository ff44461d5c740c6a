package extract

import "testing"

// modalityOf extracts text and returns the modality of the one triple with
// the given relation, or "" when there is none.
func modalityOf(t *testing.T, text, rel string) string {
	t.Helper()
	r := New().Extract(Document{ID: "m", Text: text})
	for _, tr := range r.Triples {
		if tr.Relation == rel {
			return tr.Modality
		}
	}
	return ""
}

func TestModality(t *testing.T) {
	tests := []struct{ text, rel, want string }{
		{"Israel struck Iran on Friday.", "attacked", Asserted},
		{"Israel did not strike Iran.", "attacked", Negated},
		{"Israel has never attacked Iran.", "attacked", Negated},
		{"Israel could attack Iran within days.", "attacked", Hypothetical},
		{"Israel may strike Iran.", "attacked", Hypothetical},
		{"Israel appears to be preparing to attack Iran.", "attacked", Hypothetical},
		{"Iran warned that Israel would attack Iran's allies.", "warned", Asserted},
		{"Israel will attack Iran if talks fail.", "attacked", Hypothetical},
		{"Should Iran attack Israel, Washington will respond.", "attacked", Hypothetical},
		{"In the event Iran attacks Israel, Washington will respond.", "attacked", Hypothetical},
		{"Iran denied it had attacked Israel.", "attacked", Negated},
		{"Iran denied it had attacked Israel.", "denies", Asserted},
		{"Benjamin Netanyahu is due to meet Donald Trump on Monday.", "met-with", Planned},
		{"Benjamin Netanyahu is scheduled to meet Donald Trump.", "met-with", Planned},
		{"Benjamin Netanyahu will meet Donald Trump.", "met-with", Planned},
		{"Benjamin Netanyahu heads to Washington to meet Donald Trump.", "met-with", Planned},
		{"Benjamin Netanyahu met Donald Trump.", "met-with", Asserted},
		{"Officials said Benjamin Netanyahu would meet Donald Trump next week.", "met-with", Planned},
		{"Officials said Israel would attack Iran.", "attacked", Hypothetical},
		{"Western powers fear that Iran is planning an attack on Israel.", "attacked", Hypothetical},
		{"Iran urged Israel to withdraw its troops from Syria.", "withdrew-from", Hypothetical},
		{"Iran urged Israel to withdraw its troops from Syria.", "urged", Asserted},
		{"Israel sought to attack Iran.", "attacked", Hypothetical},
		{"Russia launched a full-scale invasion of Ukraine in 2022.", "invaded", Asserted},
		{"Russia is preparing an invasion of Ukraine.", "invaded", Hypothetical},
	}
	for _, tc := range tests {
		if got := modalityOf(t, tc.text, tc.rel); got != tc.want {
			t.Errorf("%q %s: modality %q, want %q", tc.text, tc.rel, got, tc.want)
		}
	}
}

func TestStrongest(t *testing.T) {
	if strongest(Planned, Hypothetical) != Hypothetical || strongest(Negated, Planned) != Negated || strongest(Asserted, Asserted) != Asserted {
		t.Error("strongest ranks modalities wrongly")
	}
}
