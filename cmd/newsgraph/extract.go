package main

import (
	"bufio"
	"encoding/json"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
)

type extractOptions struct {
	corpusOptions
	minConfidence float64
}

func init() {
	register(&command{
		name:    "extract",
		args:    "INPUT...",
		summary: "print the triples found in articles, as JSON Lines",
		about: `Prints one JSON object per triple on standard output, in input order:

  {"doc":"samples/02-….txt","subject":"Emmanuel Macron","subject_type":"person",
   "relation":"met-with","object":"Vladimir Putin","object_type":"person",
   "modality":"asserted","sentence":"…","verb":"held talks with","confidence":0.9}

subject and object are canonical actor names; relation is one of the fixed
labels (spoke-with, met-with, visited, warned, accused, sanctioned, …);
modality is asserted, planned, hypothetical or negated.

Examples:
  newsgraph extract samples
  newsgraph extract article.txt | jq -r 'select(.modality=="asserted") | .relation'
  cat article.txt | newsgraph extract -`,
		flags: func(fs *pflag.FlagSet) any {
			o := &extractOptions{}
			fs.Float64Var(&o.minConfidence, "min-confidence", 0, "print only triples with at least this confidence (0 to 1)")
			o.addFlags(fs, false)
			return o
		},
		run: runExtract,
	})
}

func runExtract(e env, opts any, args []string) error {
	o := opts.(*extractOptions)
	if o.minConfidence < 0 || o.minConfidence > 1 {
		return usageError("--min-confidence must be between 0 and 1")
	}
	w := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err := eachResult(e, &o.corpusOptions, args, func(r extract.Result) error {
		for _, t := range r.Triples {
			if t.Confidence < o.minConfidence {
				continue
			}
			if err := enc.Encode(t); err != nil {
				return err
			}
		}
		return nil
	})
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}
