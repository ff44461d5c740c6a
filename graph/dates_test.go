package graph

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestNormalizeDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// ISO and its variants
		{"2022-02-21", "2022-02-21"},
		{"2022-02-21T10:04:00Z", "2022-02-21"},
		{"2022-02-21 10:04", "2022-02-21"},
		{"2022/2/1", "2022-02-01"},
		{"20220221", "2022-02-21"},
		// numeric, month first unless the first number cannot be a month
		{"02/21/2022", "2022-02-21"},
		{"Date Created 02/21/2022", "2022-02-21"},
		{"21/02/2022", "2022-02-21"},
		{"03/04/2022", "2022-03-04"},
		// Reuters-21578
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{" 2-MAR-1987 08:27:41.16", "1987-03-02"},
		// written months
		{"February 21, 2022", "2022-02-21"},
		{"Feb. 21, 2022", "2022-02-21"},
		{"Sept. 3, 2021", "2021-09-03"},
		{"February 21st, 2022", "2022-02-21"},
		{"21 February 2022", "2022-02-21"},
		{"Mon, 21 Feb 2022 10:04:00 GMT", "2022-02-21"},
		{"2022 Feb 21", "2022-02-21"},
		{"10:04 Feb 21, 2022", "2022-02-21"},
		// no year, no day, nonsense: no date
		{"Feb 8", ""},
		{"Feb. 7 (UPI) --", ""},
		{"Jan 21", ""},
		{"February 2022", ""},
		{"2022", ""},
		{"", ""},
		{"   ", ""},
		{"yesterday", ""},
		{"12:30", ""},
		{"2022-13-01", ""},
		{"2022-02-30", ""},
		{"2023-02-29", ""},
		{"2024-02-29", "2024-02-29"},
		{"31/31/2022", ""},
		{"0000-01-01", ""},
		{"99999999999999-01-01", ""},
		{"Caf\xe9 2022-02-21", "2022-02-21"},
	} {
		if got := NormalizeDate(tc.in); got != tc.want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRelationDates follows per-relation first/last dates through Add (raw
// dates normalized, dates without a year dropped), a merge of two actors
// and a copy by AddEdge.
func TestRelationDates(t *testing.T) {
	g := New()
	g.Add(extract.Result{Doc: "a", Date: "Feb. 7", Triples: []extract.Triple{
		triple("a", "Emmanuel Macron", "person", "met-with", "Vladimir Putin", "person", "asserted"),
	}})
	g.Add(extract.Result{Doc: "b", Date: "02/21/2022", Triples: []extract.Triple{
		triple("b", "Macron", "person", "spoke-with", "Vladimir Putin", "person", "asserted"),
		triple("b", "Emmanuel Macron", "person", "urged", "Vladimir Putin", "person", "asserted"),
	}})
	g.Add(extract.Result{Doc: "c", Date: "26-FEB-2022 10:00:00.00", Triples: []extract.Triple{
		triple("c", "Emmanuel Macron", "person", "spoke-with", "Vladimir Putin", "person", "asserted"),
	}})
	g.Add(extract.Result{Doc: "d", Triples: []extract.Triple{
		func() extract.Triple {
			tr := triple("d", "Emmanuel Macron", "person", "urged", "Vladimir Putin", "person", "asserted")
			tr.Date = "2022-02-10T08:00:00Z"
			return tr
		}(),
	}})
	g.Consolidate()
	e, ok := g.Edge("Emmanuel Macron", "Vladimir Putin")
	if !ok {
		t.Fatal("no merged edge")
	}
	want := map[string][2]string{
		"met-with":   {"", ""},
		"spoke-with": {"2022-02-21", "2022-02-26"},
		"urged":      {"2022-02-10", "2022-02-21"},
	}
	check := func(e Edge) {
		t.Helper()
		for _, rc := range e.Relations {
			if got := [2]string{rc.FirstSeen, rc.LastSeen}; got != want[rc.Relation] {
				t.Errorf("%s dates %v, want %v", rc.Relation, got, want[rc.Relation])
			}
		}
		if e.FirstSeen != "2022-02-10" || e.LastSeen != "2022-02-26" {
			t.Errorf("edge dates %s…%s", e.FirstSeen, e.LastSeen)
		}
	}
	check(e)
	for _, ev := range e.Evidence {
		if ev.Date != "" && NormalizeDate(ev.Date) != ev.Date {
			t.Errorf("evidence date %q is not normalized", ev.Date)
		}
	}
	copied := New()
	copied.AddEdge(e)
	e2, _ := copied.Edge("Emmanuel Macron", "Vladimir Putin")
	check(e2)
}
