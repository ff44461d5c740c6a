package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/graph"
)

// The newsgraph graph file: every field of every node and edge, evidence
// included, so that reading it back rebuilds the same graph.
const (
	jsonFormatName = "newsgraph-graph"
	jsonVersion    = 1
)

// jsonFile is the top level of a newsgraph graph file. The file format is
// declared here, not by the graph package's struct tags, so that it only
// changes on purpose (and with a new version). jsonNode, jsonRelation and
// jsonEvidence have exactly the fields of their graph counterparts: the
// conversions between them stop compiling if graph gains a field.
type jsonFile struct {
	Format  string     `json:"format"`
	Version int        `json:"version"`
	Title   string     `json:"title,omitempty"`
	Nodes   []jsonNode `json:"nodes"`
	Edges   []jsonEdge `json:"edges"`
}

type jsonNode struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Articles int      `json:"articles"`
}

type jsonEdge struct {
	Source    string         `json:"source"`
	Target    string         `json:"target"`
	Relations []jsonRelation `json:"relations"`
	Articles  int            `json:"articles"`
	FirstSeen string         `json:"first_seen,omitempty"`
	LastSeen  string         `json:"last_seen,omitempty"`
	Evidence  []jsonEvidence `json:"evidence"`
}

type jsonRelation struct {
	Relation   string         `json:"relation"`
	Count      int            `json:"count"`
	Modalities map[string]int `json:"modalities"`
	FirstSeen  string         `json:"first_seen,omitempty"`
	LastSeen   string         `json:"last_seen,omitempty"`
}

// jsonEvidence is one statement; GraphML reuses it for its evidence key.
type jsonEvidence struct {
	Doc        string  `json:"doc"`
	Date       string  `json:"date,omitempty"`
	Relation   string  `json:"relation"`
	Modality   string  `json:"modality"`
	Verb       string  `json:"verb,omitempty"`
	Sentence   string  `json:"sentence"`
	Confidence float64 `json:"confidence,omitempty"`
	Title      string  `json:"title,omitempty"`
	URL        string  `json:"url,omitempty"`
	Source     string  `json:"source,omitempty"`
}

// writeJSON writes the lossless newsgraph graph file. Lists are never null,
// so consumers need no special case.
func writeJSON(w io.Writer, g *graph.Graph, opts Options) error {
	out, err := encodeGraph(g, opts)
	if err != nil {
		return err
	}
	// encoding/json writes invalid UTF-8 as U+FFFD (escaped \ufffd, while
	// a real U+FFFD is written as is). Names and aliases so changed can sort
	// differently, and aliases merge, so the graph read back from such
	// output would be written differently. Writing the graph read back
	// gives the stable form.
	if bytes.Contains(out, []byte(`\ufffd`)) {
		back, err := readJSON(bytes.NewReader(out))
		if err != nil {
			return err
		}
		if out, err = encodeGraph(back, opts); err != nil {
			return err
		}
	}
	_, err = w.Write(out)
	return err
}

// encodeGraph encodes g as a graph file. It refuses names that only differ
// in invalid UTF-8, which would read back as one, and dates the reader would
// refuse.
func encodeGraph(g *graph.Graph, opts Options) ([]byte, error) {
	nodes := g.Nodes()
	if _, err := uniqueNames(nodes, validUTF8, "invalid UTF-8 is replaced"); err != nil {
		return nil, err
	}
	f := jsonFile{Format: jsonFormatName, Version: jsonVersion, Title: validUTF8(opts.Title),
		Nodes: []jsonNode{}, Edges: []jsonEdge{}}
	for _, n := range nodes {
		jn := jsonNode(n)
		jn.Aliases = append([]string{}, n.Aliases...)
		f.Nodes = append(f.Nodes, jn)
	}
	for _, e := range g.Edges() {
		if err := checkDates(e); err != nil {
			return nil, err
		}
		je := jsonEdge{Source: e.Source, Target: e.Target, Relations: []jsonRelation{},
			Articles: e.Articles, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen,
			Evidence: evidenceToJSON(e.Evidence)}
		for _, r := range e.Relations {
			jr := jsonRelation(r)
			if jr.Modalities == nil {
				jr.Modalities = map[string]int{}
			}
			je.Relations = append(je.Relations, jr)
		}
		f.Edges = append(f.Edges, je)
	}
	return encodeJSON(f)
}

// encodeJSON encodes a graph file, indented by two spaces, without HTML
// escaping.
func encodeJSON(f jsonFile) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(f)
	return b.Bytes(), err
}

// readJSON reads a newsgraph graph file.
func readJSON(r io.Reader) (*graph.Graph, error) {
	var f jsonFile
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, err
	}
	if f.Format != jsonFormatName {
		return nil, fmt.Errorf("format is %q, want %q", f.Format, jsonFormatName)
	}
	if f.Version != jsonVersion {
		return nil, fmt.Errorf("version %d is not supported (this newsgraph reads version %d)", f.Version, jsonVersion)
	}
	b := newBuilder()
	for _, n := range f.Nodes {
		if err := b.node(graph.Node(n)); err != nil {
			return nil, err
		}
	}
	for _, je := range f.Edges {
		e := graph.Edge{Source: je.Source, Target: je.Target, Articles: je.Articles,
			FirstSeen: je.FirstSeen, LastSeen: je.LastSeen, Evidence: evidenceFromJSON(je.Evidence)}
		for _, r := range je.Relations {
			e.Relations = append(e.Relations, graph.RelationCount(r))
		}
		if err := b.edge(e); err != nil {
			return nil, err
		}
	}
	return b.g, nil
}

// evidenceToJSON converts evidence for a file; the result is never nil.
func evidenceToJSON(ev []graph.Evidence) []jsonEvidence {
	out := make([]jsonEvidence, len(ev))
	for i, x := range ev {
		out[i] = jsonEvidence(x)
	}
	return out
}

// evidenceFromJSON converts evidence read from a file; empty gives nil, as
// the graph returns it.
func evidenceFromJSON(ev []jsonEvidence) []graph.Evidence {
	if len(ev) == 0 {
		return nil
	}
	out := make([]graph.Evidence, len(ev))
	for i, x := range ev {
		out[i] = graph.Evidence(x)
	}
	return out
}
