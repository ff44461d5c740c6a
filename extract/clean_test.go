package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	bp := New().bp
	tests := []struct {
		name, in string
		want     []string
		date     string
	}{
		{
			name: "boilerplate lines",
			in: "Advertisement\n\nIndia and Pakistan agree to a ceasefire\n(Photo : REUTERS/Adnan Abidi)\n" +
				"Related Article: Modi visits Gulf states\nRead Also: Markets fall\nSource link\nLatest Headlines",
			want: []string{"India and Pakistan agree to a ceasefire"},
		},
		{
			name: "markdown and emphasis",
			in:   "The **army** said it [repelled](https://x.y/z) an *attack* on __Khartoum__.",
			want: []string{"The army said it repelled an attack on Khartoum."},
		},
		{
			name: "dateline",
			in:   "March 3 (Reuters) -- Israel struck targets in Syria, the army said.",
			want: []string{"Israel struck targets in Syria, the army said."},
			date: "March 3",
		},
		{
			name: "gallery caption repeated and credit",
			in: "Maduro greets Lula in Caracas on Friday. Photo by Juan Perez/AFP\n" +
				"1 of 5 | Maduro greets Lula in Caracas on Friday. Photo by Juan Perez/AFP",
			want: []string{"Maduro greets Lula in Caracas on Friday."},
		},
		{
			name: "tweet signature, byline, tags and date",
			in:   "The talks failed.\n\n\u2014 Jane Roe (@janeroe) March 1, 2023\n\nby John Doe\n\nTags\n\n1. Sudan\n2. Africa\n\nDate Created\n\n03/01/2023",
			want: []string{"The talks failed."},
			date: "2023-03-01",
		},
		{
			name: "date label on the line",
			in:   "Date Created 02/21/2022\nKhartoum said the army took the bridge.",
			want: []string{"Khartoum said the army took the bridge."},
			date: "2022-02-21",
		},
		{
			name: "dateline with a year",
			in:   "CARACAS, Feb 15, 2022 (Reuters) - Venezuela expelled the envoy.",
			want: []string{"Venezuela expelled the envoy."},
			date: "2022-02-15",
		},
		{
			name: "dotted dateline with a year",
			in:   "Feb. 7, 2022 (UPI) -- Taiwan said Chinese jets crossed the line.",
			want: []string{"Taiwan said Chinese jets crossed the line."},
			date: "2022-02-07",
		},
		{
			name: "dateline without a year",
			in:   "Feb. 7 (UPI) -- Taiwan said Chinese jets crossed the line.",
			want: []string{"Taiwan said Chinese jets crossed the line."},
			date: "Feb 7",
		},
		{
			name: "wrapped newswire lines are joined",
			in:   "TAIWAN SAYS CHINA HELD DRILLS\n\nTaiwan said on Monday that China\nheld military drills near the island.\n    Reuter",
			want: []string{"TAIWAN SAYS CHINA HELD DRILLS", "Taiwan said on Monday that China held military drills near the island."},
		},
		{
			name: "desk slug",
			in:   "ISRAEL/IRAN: Israel warned Iran on Sunday.",
			want: []string{"Israel warned Iran on Sunday."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := bp.clean(tc.in)
			if !reflect.DeepEqual(got.blocks, tc.want) {
				t.Errorf("blocks = %q, want %q", got.blocks, tc.want)
			}
			if got.date != tc.date {
				t.Errorf("date = %q, want %q", got.date, tc.date)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"02/21/2022": "2022-02-21", "21/02/2022": "2022-02-21", "2022-02-21": "2022-02-21",
		"Feb. 15, 2022": "2022-02-15", "15 February 2022": "2022-02-15", "March 3": "", "13/13/2022": "",
	} {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnmarkdownKeepsPlainText(t *testing.T) {
	for _, s := range []string{"plain text", "a_b c", "5 * 3"} {
		if got := unmarkdown(s); !strings.Contains(got, strings.Fields(s)[0]) {
			t.Errorf("unmarkdown(%q) = %q", s, got)
		}
	}
}
