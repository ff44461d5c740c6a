package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/newsgraph/newsgraph/graph"
)

// Size limits of SVG and PNG rendering. Graphviz's time grows fast with the
// graph and go-graphviz cannot be interrupted, so larger graphs are refused
// rather than left to hang. MaxRenderNodes holds for sfdp (about 3 s for
// 3000 nodes in go-graphviz); the other engines stop at MaxLayoutNodes (dot
// takes about 7 s for 500 labelled nodes, 45 s for 1000).
const (
	MaxRenderNodes = 3000
	MaxLayoutNodes = 500
	MaxRenderEdges = 10000
)

// sfdpAbove is the node count above which the default engine is sfdp: dot's
// layered layout gets slow and unreadable past it.
const sfdpAbove = 150

// Node overlaps left by the force-directed engines (sfdp, neato, …) are
// removed with prism by the system Graphviz (PNG, and DOT files opened
// elsewhere). go-graphviz's prism is not the real one: it is slow (14 s for
// 1000 nodes, 7 min for 3000) and spreads the layout 10× wider than native
// prism; overlap=scale is 20× faster and 3× tighter there, so in-process
// layouts use it.
const (
	overlapNative    = "prism"
	overlapInProcess = "scale"
)

// graphvizMu serializes every go-graphviz call: the library runs one
// process-wide WebAssembly instance that concurrent calls corrupt.
var graphvizMu sync.Mutex

// renderInput checks that g can be rendered and returns its DOT source and
// the layout engine to use. inProcess tells that go-graphviz will lay it out.
func renderInput(g *graph.Graph, opts Options, inProcess bool) ([]byte, string, error) {
	engine := opts.Engine
	if engine == "" {
		engine = "dot"
		if g.Order() > sfdpAbove {
			engine = "sfdp"
		}
	}
	maxNodes := MaxLayoutNodes
	if engine == "sfdp" {
		maxNodes = MaxRenderNodes
	}
	if g.Order() > maxNodes || g.Size() > MaxRenderEdges {
		return nil, "", fmt.Errorf("graph too large to draw with %s (%d nodes, %d edges; the limits are %d nodes with sfdp, %d with other engines, and %d edges): keep the strongest actors with --top or apply a filter, or write .dot, .graphml or .json instead",
			engine, g.Order(), g.Size(), MaxRenderNodes, MaxLayoutNodes, MaxRenderEdges)
	}
	overlap := overlapNative
	if inProcess {
		overlap = overlapInProcess
	}
	var src bytes.Buffer
	if err := writeDOTLayout(&src, g, opts, engine, overlap); err != nil {
		return nil, "", err
	}
	return src.Bytes(), engine, nil
}

// writeSVG renders g to SVG in-process with go-graphviz.
func writeSVG(w io.Writer, g *graph.Graph, opts Options) error {
	src, engine, err := renderInput(g, opts, true)
	if err != nil {
		return err
	}
	out, err := renderSVG(src, engine)
	if err != nil {
		return err
	}
	_, err = w.Write(bytes.ReplaceAll(out, []byte(graphvizFontFamily), []byte(svgFontFamily)))
	return err
}

// Graphviz writes the Helvetica font (fontName) as graphvizFontFamily; the
// SVG writer replaces it with svgFontFamily so that viewers without Helvetica
// (and no alias for it) fall back to Arial before a generic sans.
const (
	graphvizFontFamily = `font-family="Helvetica,sans-Serif"`
	svgFontFamily      = `font-family="Helvetica,Arial,sans-serif"`
)

// renderSVG lays out DOT source with engine and renders it as SVG.
func renderSVG(src []byte, engine string) ([]byte, error) {
	graphvizMu.Lock()
	defer graphvizMu.Unlock()
	ctx := context.Background()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	defer gv.Close()
	gr, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("graphviz cannot parse the DOT: %w", err)
	}
	defer gr.Close()
	var out bytes.Buffer
	if err := gv.SetLayout(graphviz.Layout(engine)).Render(ctx, gr, graphviz.SVG, &out); err != nil {
		return nil, fmt.Errorf("graphviz %s layout: %w", engine, err)
	}
	return out.Bytes(), nil
}
