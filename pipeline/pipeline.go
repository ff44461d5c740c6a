// Package pipeline runs an extractor over a stream of documents on a pool
// of workers and hands the results back in the order the documents came,
// so that what is built from them does not depend on the number of workers.
package pipeline

import (
	"errors"
	"runtime"
	"sync"

	"github.com/newsgraph/newsgraph/extract"
)

// Source produces documents: it calls emit once per document, in order, and
// stops when emit returns an error (returning that error or its own).
type Source func(emit func(extract.Document) error) error

// Options tunes Run. The zero value uses every core.
type Options struct {
	// Workers is the number of extracting goroutines (≤ 0: one per core).
	Workers int
}

// inFlightPerWorker bounds the documents read ahead of the one the consumer
// waits for, per worker.
const inFlightPerWorker = 32

// errStopped tells the source that the consumer has stopped.
var errStopped = errors.New("pipeline stopped")

// job is one document with its place in the stream.
type job struct {
	seq int
	doc extract.Document
}

// done is one extracted document with its place in the stream.
type done struct {
	seq    int
	result extract.Result
}

// Run extracts every document of src with x and calls fn with each result,
// in source order, from the calling goroutine. At most inFlightPerWorker
// documents per worker are in flight, so memory does not grow with the
// corpus. The first
// error from src or fn stops the run and is returned.
func Run(src Source, x extract.Extractor, opt Options, fn func(extract.Result) error) error {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// Documents in flight: enough that one long article does not hold the
	// other workers idle while the results behind it wait for it.
	window := make(chan struct{}, inFlightPerWorker*workers)
	stop := make(chan struct{})
	jobs := make(chan job, workers)
	results := make(chan done, workers)

	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = src(func(d extract.Document) error {
			select {
			case window <- struct{}{}:
			case <-stop:
				return errStopped
			}
			select {
			case jobs <- job{seq, d}:
			case <-stop:
				return errStopped
			}
			seq++
			return nil
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- done{j.seq, x.Extract(j.doc)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var fnErr error
	pending := map[int]extract.Result{}
	next := 0
	for d := range results {
		if fnErr != nil {
			continue // drain, so the workers can finish
		}
		pending[d.seq] = d.result
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if fnErr = fn(r); fnErr != nil {
				close(stop)
				break
			}
		}
	}
	// results is closed only after the source returned and closed jobs.
	if fnErr != nil {
		return fnErr
	}
	if errors.Is(readErr, errStopped) {
		return nil
	}
	return readErr
}
