package pipeline

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// slowUpper "extracts" a document into one triple naming it, taking longer
// for some documents so that results finish out of order.
type slowUpper struct{ calls atomic.Int64 }

func (s *slowUpper) Extract(d extract.Document) extract.Result {
	s.calls.Add(1)
	if len(d.Text)%3 == 0 {
		time.Sleep(time.Millisecond)
	}
	return extract.Result{Doc: d.ID, Triples: []extract.Triple{{Subject: strings.ToUpper(d.Text)}}}
}

func source(n int) Source {
	return func(emit func(extract.Document) error) error {
		for i := range n {
			if err := emit(extract.Document{ID: fmt.Sprint(i), Text: strings.Repeat("x", i%7)}); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunKeepsOrderForAnyWorkerCount(t *testing.T) {
	var want []string
	for i := range 200 {
		want = append(want, fmt.Sprint(i))
	}
	for _, workers := range []int{1, 2, 3, 8, 0} {
		var got []string
		err := Run(source(200), &slowUpper{}, Options{Workers: workers}, func(r extract.Result) error {
			got = append(got, r.Doc)
			return nil
		})
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("workers=%d: err %v, order %v", workers, err, got)
		}
	}
}

func TestRunStopsOnConsumerError(t *testing.T) {
	boom := errors.New("disk full")
	x := &slowUpper{}
	seen := 0
	err := Run(source(10000), x, Options{Workers: 2}, func(r extract.Result) error {
		seen++
		if seen == 5 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || seen != 5 {
		t.Errorf("err %v after %d results", err, seen)
	}
	if n := x.calls.Load(); n > 100 {
		t.Errorf("extracted %d documents after the consumer stopped at 5", n)
	}
}

func TestRunReturnsSourceError(t *testing.T) {
	bad := errors.New("corpus.jsonl:3: not JSON")
	src := func(emit func(extract.Document) error) error {
		if err := emit(extract.Document{ID: "a"}); err != nil {
			return err
		}
		return bad
	}
	var got []string
	err := Run(src, &slowUpper{}, Options{Workers: 4}, func(r extract.Result) error {
		got = append(got, r.Doc)
		return nil
	})
	if !errors.Is(err, bad) || !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("err %v, results %v", err, got)
	}
}
