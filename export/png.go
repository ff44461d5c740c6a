package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// pngTimeout bounds one run of the Graphviz command.
const pngTimeout = 2 * time.Minute

// pngDPI is the resolution of PNG output (Graphviz's default is 96).
const pngDPI = 110

// errNoGraphviz explains why PNG output is unavailable.
var errNoGraphviz = errors.New("PNG output needs Graphviz's dot command, which is not on PATH (install it with: apt-get install graphviz); .svg output works without it")

// writePNG rasterizes g with the system's Graphviz dot command: go-graphviz's
// own PNG renderer is broken.
func writePNG(w io.Writer, g *graph.Graph, opts Options) error {
	dot, err := exec.LookPath("dot")
	if err != nil {
		return errNoGraphviz
	}
	src, engine, err := renderInput(g, opts, false)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), pngTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, dot, "-K"+engine, "-Tpng", fmt.Sprintf("-Gdpi=%d", pngDPI))
	cmd.Stdin = bytes.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s -K%s -Tpng took longer than %s: keep fewer actors with --top or a filter", dot, engine, pngTimeout)
		}
		return fmt.Errorf("%s -K%s -Tpng: %w: %s", dot, engine, err, strings.TrimSpace(stderr.String()))
	}
	_, err = w.Write(out.Bytes())
	return err
}
