package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fuzzSeeds are hostile inputs shared by the fuzz targets.
var fuzzSeeds = []string{
	"MOSCOW, Feb 15, 2022 (Reuters) - Russia said it would pull back troops.",
	"Date Created 02/21/2022\nAdvertisement\n**Kyiv** [said](http://x) it",
	"\u201cIf China invades Taiwan,\u201d he said. \u201cWe will respond.\u201d",
	"Gen. J. R. R. Smith met U.S. Pres. X... in St. Louis?! (AP) \u2014 ok",
	"1 of 7 | A | B\n\n\n  \t by Jane Doe\n\u2014 Name (@h) May 1, 2022",
	"[[[(((\u201c\u201c\"''..!!??",
	"\xff\xfe invalid \xc3 bytes. And more.",
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	bp := New().bp
	f.Fuzz(func(t *testing.T, text string) {
		c := bp.clean(text)
		if !utf8.ValidString(text) {
			return
		}
		if !utf8.ValidString(c.date) {
			t.Fatalf("invalid date %q", c.date)
		}
		for _, b := range c.blocks {
			if b == "" || !utf8.ValidString(b) {
				t.Fatalf("bad block %q from %q", b, text)
			}
			if len(b) > len(text) {
				t.Fatalf("block %q longer than the input %q", b, text)
			}
		}
	})
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	lx := New().lx
	f.Fuzz(func(t *testing.T, block string) {
		ss := splitSentences(cleaned{blocks: []string{block}}, lx.abbrevs)
		rest := block
		for _, s := range ss {
			if s.text == "" {
				t.Fatalf("empty sentence from %q", block)
			}
			// Sentences are the block's text, in order, with only
			// white space between them.
			rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
			text := strings.TrimLeftFunc(s.text, unicode.IsSpace)
			if !strings.HasPrefix(rest, text) {
				t.Fatalf("sentence %q does not follow in %q", s.text, block)
			}
			rest = rest[len(text):]
			if utf8.ValidString(block) && !utf8.ValidString(s.text) {
				t.Fatalf("invalid UTF-8 sentence %q from %q", s.text, block)
			}
			toks := tokenize(s.text, lx.abbrevs)
			for _, tk := range toks {
				if tk.start < 0 || tk.end > int32(len(s.text)) || tk.start >= tk.end || s.text[tk.start:tk.end] != tk.text {
					t.Fatalf("bad token %+v in %q", tk, s.text)
				}
			}
		}
		if strings.TrimSpace(block) != "" && len(ss) == 0 {
			t.Fatalf("no sentence from %q", block)
		}
	})
}
