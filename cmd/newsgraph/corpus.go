package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/input"
	"github.com/newsgraph/newsgraph/pipeline"
)

// corpusOptions are the flags of every command that reads articles.
type corpusOptions struct {
	workers  int
	evidence int
	quiet    bool
	strict   bool
	fields   input.Fields
}

// defaultEvidencePerEdge bounds the evidence sentences kept per edge.
const defaultEvidencePerEdge = 20

// maxWarnings is how many skipped inputs are named one by one on standard
// error; the summary counts them all.
const maxWarnings = 10

func (o *corpusOptions) addFlags(fs *pflag.FlagSet, graphs bool) {
	fs.IntVar(&o.workers, "workers", 0, "extract on this many goroutines (default: one per core); the output is the same for any number")
	if graphs {
		fs.IntVar(&o.evidence, "evidence-per-edge", defaultEvidencePerEdge, "keep at most this many evidence sentences per edge (0: all); counts stay exact")
	}
	fs.BoolVar(&o.strict, "strict", false, "stop at the first bad file or JSON line instead of skipping it")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "print no progress bar or summary on standard error")
	d := input.DefaultFields()
	fs.StringVar(&o.fields.Text, "text-field", d.Text, "JSON Lines field holding the article text")
	fs.StringVar(&o.fields.ID, "id-field", d.ID, "JSON Lines field holding the article id")
	fs.StringVar(&o.fields.Title, "title-field", d.Title, "JSON Lines field holding the title")
	fs.StringVar(&o.fields.Date, "date-field", d.Date, "JSON Lines field holding the date")
	fs.StringVar(&o.fields.URL, "url-field", d.URL, "JSON Lines field holding the URL")
	fs.StringVar(&o.fields.Source, "source-field", d.Source, "JSON Lines field holding the source")
}

// eachResult extracts every document of the inputs and calls fn with the
// results in input order. Bad inputs are skipped with a warning (or stop the
// run with --strict), and the run is marked partial (exit code 2) once the
// command is done. Unless quiet, a progress bar runs while it reads from a
// terminal and a summary ends it.
func eachResult(e env, o *corpusOptions, paths []string, fn func(extract.Result) error) error {
	warnings := 0
	r := input.NewReader(input.Options{Fields: o.fields, Strict: o.strict, Warn: func(err error) {
		warnings++
		switch {
		case warnings <= maxWarnings:
			fmt.Fprintf(e.stderr, "newsgraph: skipped %v\n", err)
		case warnings == maxWarnings+1:
			fmt.Fprintln(e.stderr, "newsgraph: more skipped input not shown; the summary counts it")
		}
	}})
	files, total, err := r.Expand(paths)
	if err != nil {
		return err
	}
	src := func(emit func(extract.Document) error) error {
		return r.Read(files, e.stdin, emit)
	}
	t := tally{start: time.Now()}
	stop := o.progress(e, r, total)
	err = pipeline.Run(src, extract.New(), pipeline.Options{Workers: o.workers}, func(res extract.Result) error {
		t.add(res)
		return fn(res)
	})
	stop()
	if err != nil {
		return err
	}
	if !o.quiet {
		t.report(e.stderr)
	}
	if s := r.Stats(); s.FilesSkipped > 0 || s.LinesSkipped > 0 {
		e.status.partial = r.Summary()
	}
	return nil
}

// progress shows a progress bar on standard error while the reader runs,
// when that is a terminal and the run is not quiet. It returns the function
// that takes the bar away.
func (o *corpusOptions) progress(e env, r *input.Reader, total int64) (stop func()) {
	f, ok := e.stderr.(*os.File)
	if o.quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("reading"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetElapsedTime(true),
	)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			s := r.Stats()
			bar.Describe(fmt.Sprintf("%d documents", s.Documents))
			_ = bar.Set64(s.Bytes)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		_ = bar.Clear()
	}
}

// buildGraph extracts the inputs and merges them into one graph, with actors
// consolidated across documents.
func buildGraph(e env, o *corpusOptions, paths []string) (*graph.Graph, error) {
	g := graph.New()
	g.SetEvidenceLimit(o.evidence)
	err := eachResult(e, o, paths, func(r extract.Result) error {
		g.Add(r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.Consolidate()
	return g, nil
}

// loadGraph reads a saved graph when graphFile is set, and builds one from
// the inputs otherwise.
func loadGraph(e env, o *corpusOptions, graphFile string, paths []string) (*graph.Graph, error) {
	if graphFile == "" {
		return buildGraph(e, o, paths)
	}
	if len(paths) > 0 {
		return nil, usageError("give either --graph FILE or input articles, not both")
	}
	return export.ReadFile(graphFile)
}

// tally counts what a run has extracted.
type tally struct {
	start                    time.Time
	docs, sentences, triples int
	bytes                    int64
}

func (t *tally) add(r extract.Result) {
	t.docs++
	t.sentences += r.Sentences
	t.triples += len(r.Triples)
	t.bytes += int64(r.Bytes)
}

// report writes one line: what was read, how fast.
func (t *tally) report(w io.Writer) {
	secs := max(time.Since(t.start).Seconds(), 1e-9)
	fmt.Fprintf(w, "read %d documents (%s), %d sentences, %d triples in %.2f s: %s/s, %.0f documents/s, %.0f sentences/s\n",
		t.docs, size(float64(t.bytes)), t.sentences, t.triples, secs, size(float64(t.bytes)/secs), float64(t.docs)/secs, float64(t.sentences)/secs)
}

// size writes a number of bytes in kB below a megabyte, in MB above.
func size(bytes float64) string {
	if bytes < 1e6 {
		return fmt.Sprintf("%.1f kB", bytes/1e3)
	}
	return fmt.Sprintf("%.1f MB", bytes/1e6)
}
