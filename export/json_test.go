package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestJSONRoundTrip(t *testing.T) {
	// JSON keeps control characters (escaped) and turns invalid UTF-8 into
	// U+FFFD.
	checkRoundTrip(t, JSON, func(s string) string { return string([]rune(s)) })
}

// TestJSONCoversEdge fails when graph.Edge gains a field that the JSON file
// does not carry (Node, RelationCount and Evidence are checked by the
// compiler through struct conversions).
func TestJSONCoversEdge(t *testing.T) {
	var got []string
	for _, f := range reflect.VisibleFields(reflect.TypeOf(graph.Edge{})) {
		got = append(got, f.Name)
	}
	var want []string
	for _, f := range reflect.VisibleFields(reflect.TypeOf(jsonEdge{})) {
		want = append(want, f.Name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("graph.Edge fields %v, JSON edge fields %v: update json.go (and its version)", got, want)
	}
}

func TestJSONHeader(t *testing.T) {
	out := render(t, fixture(), JSON, Options{Title: "T"})
	if !bytes.HasPrefix(out, []byte("{\n  \"format\": \"newsgraph-graph\",\n  \"version\": 1,\n  \"title\": \"T\",")) {
		t.Errorf("unexpected header:\n%.200s", out)
	}
}

func TestJSONReadErrors(t *testing.T) {
	for name, tc := range map[string]struct{ in, want string }{
		"format":     {`{"format":"other","version":1}`, `format is "other"`},
		"version":    {`{"format":"newsgraph-graph","version":2}`, "version 2 is not supported"},
		"syntax":     {`{"format":`, "unexpected EOF"},
		"duplicate":  {`{"format":"newsgraph-graph","version":1,"nodes":[{"name":"a"},{"name":"a"}]}`, `node "a" is listed twice`},
		"endpoint":   {`{"format":"newsgraph-graph","version":1,"nodes":[{"name":"a"}],"edges":[{"source":"a","target":"b"}]}`, `node "b" is not declared`},
		"date":       {`{"format":"newsgraph-graph","version":1,"nodes":[{"name":"a"},{"name":"b"}],"edges":[{"source":"a","target":"b","relations":[{"relation":"met-with","count":1,"first_seen":"x\"<&;/:"}]}]}`, `date "x\"<&;/:" is not YYYY-MM-DD`},
		"edge twice": {`{"format":"newsgraph-graph","version":1,"nodes":[{"name":"a"},{"name":"b"}],"edges":[{"source":"a","target":"b"},{"source":"a","target":"b"}]}`, "listed twice"},
	} {
		_, err := Read(strings.NewReader(tc.in), JSON)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tc.want)
		}
	}
}
