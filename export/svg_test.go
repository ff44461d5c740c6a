package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// svgNodes returns the titles of the <g class="node"> groups of an SVG,
// checking on the way that it is well-formed XML.
func svgNodes(t *testing.T, svg []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var titles []string
	inNode, inTitle := false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return titles
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "g" {
				inNode = false
				for _, a := range tok.Attr {
					if a.Name.Local == "class" && a.Value == "node" {
						inNode = true
					}
				}
			}
			inTitle = inNode && tok.Name.Local == "title"
		case xml.CharData:
			if inTitle {
				titles = append(titles, string(tok))
				inTitle, inNode = false, false
			}
		case xml.EndElement:
			if inTitle { // an empty title
				titles = append(titles, "")
				inTitle, inNode = false, false
			}
		}
	}
}

func TestSVGStructure(t *testing.T) {
	g := fixture()
	svg := render(t, g, SVG, Options{})
	if bytes.Contains(svg, []byte(graphvizFontFamily)) || !bytes.Contains(svg, []byte(svgFontFamily)) {
		t.Errorf("SVG fonts are not %s", svgFontFamily)
	}
	titles := svgNodes(t, svg)
	actors := map[string]bool{}
	for _, title := range titles {
		if !strings.HasPrefix(title, "legend:") {
			actors[title] = true
		}
	}
	if len(actors) != g.Order() {
		t.Errorf("SVG has %d actor nodes, want %d: %q", len(actors), g.Order(), titles)
	}
	for _, n := range g.Nodes() {
		if !actors[svgTitle(n.Name)] {
			t.Errorf("SVG has no node for %q", n.Name)
		}
	}
}

func TestSVGEngines(t *testing.T) {
	g := syntheticGraph(sfdpAbove+10, 2)
	for _, opts := range []Options{{}, {Engine: "neato"}} {
		titles := svgNodes(t, render(t, g, SVG, opts))
		if len(titles) < g.Order() {
			t.Errorf("%+v: %d nodes drawn, want at least %d", opts, len(titles), g.Order())
		}
	}
}

func TestSVGConcurrent(t *testing.T) {
	want := render(t, fixture(), SVG, Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			if err := Write(&b, fixture(), SVG, Options{}); err != nil {
				errs <- err
			} else if !bytes.Equal(b.Bytes(), want) {
				errs <- errors.New("concurrent render differs")
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRenderTooLarge(t *testing.T) {
	for _, tc := range []struct {
		nodes  int
		engine string
	}{{MaxRenderNodes + 1, ""}, {MaxLayoutNodes + 1, "dot"}, {MaxLayoutNodes + 1, "neato"}} {
		g := graph.New()
		for i := range tc.nodes {
			g.AddNode(graph.Node{Name: fmt.Sprint(i)})
		}
		for _, f := range []Format{SVG, PNG} {
			err := Write(&bytes.Buffer{}, g, f, Options{Engine: tc.engine})
			if f == PNG && errors.Is(err, errNoGraphviz) {
				continue
			}
			if err == nil || !strings.Contains(err.Error(), "--top") {
				t.Errorf("%s of %d nodes with engine %q: %v, want a refusal suggesting --top", f, g.Order(), tc.engine, err)
			}
		}
	}
}

// TestRenderOverlap checks that go-graphviz gets its fast overlap removal
// and the system Graphviz prism.
func TestRenderOverlap(t *testing.T) {
	g := syntheticGraph(sfdpAbove+1, 1)
	for _, tc := range []struct {
		inProcess bool
		want      string
	}{{true, "overlap=scale"}, {false, "overlap=prism"}} {
		src, engine, err := renderInput(g, Options{}, tc.inProcess)
		if err != nil || engine != "sfdp" || !bytes.Contains(src, []byte(tc.want)) {
			t.Errorf("renderInput(inProcess=%v): engine %q, err %v; want sfdp and %s", tc.inProcess, engine, err, tc.want)
		}
	}
}
