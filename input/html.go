package input

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/newsgraph/extract"
)

// maxHTMLBytes bounds one HTML page.
const maxHTMLBytes = 64 << 20

// dropped are the elements whose text is page furniture, not article.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Svg: true, atom.Button: true, atom.Iframe: true,
}

// Breaks after and before block elements.
const (
	lineBreak      = 1
	paragraphBreak = 2
)

// blocks gives the break that block elements put around their text.
var blocks = map[atom.Atom]int{
	atom.P: paragraphBreak, atom.H1: paragraphBreak, atom.H2: paragraphBreak,
	atom.H3: paragraphBreak, atom.H4: paragraphBreak, atom.H5: paragraphBreak,
	atom.H6: paragraphBreak, atom.Blockquote: paragraphBreak, atom.Pre: paragraphBreak,
	atom.Section: paragraphBreak, atom.Article: paragraphBreak, atom.Main: paragraphBreak,
	atom.Table: paragraphBreak, atom.Ul: paragraphBreak, atom.Ol: paragraphBreak,
	atom.Dl: paragraphBreak, atom.Figure: paragraphBreak, atom.Hr: paragraphBreak,
	atom.Address: paragraphBreak, atom.Details: paragraphBreak,
	atom.Br: lineBreak, atom.Div: lineBreak, atom.Li: lineBreak, atom.Tr: lineBreak,
	atom.Td: lineBreak, atom.Th: lineBreak, atom.Dt: lineBreak, atom.Dd: lineBreak,
	atom.Figcaption: lineBreak, atom.Caption: lineBreak, atom.Summary: lineBreak,
}

// readHTML emits the article of the page read from in, with its title, date,
// URL and site name when the page gives them.
func readHTML(path string, in io.Reader, s *sink) error {
	data, err := io.ReadAll(io.LimitReader(in, maxHTMLBytes+1))
	if err != nil {
		return err
	}
	if len(data) > maxHTMLBytes {
		return fmt.Errorf("HTML page larger than %d MiB", maxHTMLBytes>>20)
	}
	d, text := scanPage(data)
	d.ID = path
	return s.text(d, text)
}

// scanPage returns the metadata and the article text of a page: the text of
// the longest <article>, else of <main>, else of the whole page.
//
// It reads the page's tokens in one pass rather than building its tree, as
// html.Parse takes time quadratic in the nesting depth of hostile pages. It
// keeps a stack of the elements that matter (furniture, <article>, <main>)
// so that an end tag also closes the elements left open inside.
func scanPage(data []byte) (extract.Document, string) {
	p := page{meta: make(map[string]string), open: make(map[atom.Atom]int)}
	z := html.NewTokenizer(bytes.NewReader(data))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		p.token(tt, z.Token())
	}
	if p.open[atom.Article] > 0 {
		p.endArticle()
	}
	d := extract.Document{
		Title:  firstOf(p.meta["og:title"], strings.Join(strings.Fields(p.title.String()), " ")),
		Date:   firstOf(p.meta["article:published_time"], p.time),
		URL:    p.meta["og:url"],
		Source: p.meta["og:site_name"],
	}
	text := firstOf(p.best, firstOf(p.main.String(), p.body.String()))
	return d, text
}

// page gathers what is kept of an HTML page as its tokens go by.
type page struct {
	meta      map[string]string // <meta> content by property or name; the first wins
	title     strings.Builder   // the text of the first <title>
	inTitle   bool
	titleDone bool
	time      string // the first <time datetime>

	stack   []atom.Atom       // the open elements that matter, innermost last
	open    map[atom.Atom]int // how many of each are open
	dropped int               // how many furniture elements are open

	body, main, article textWriter
	best                string // the text of the longest article
}

func (p *page) token(tt html.TokenType, t html.Token) {
	switch tt {
	case html.TextToken:
		p.text(t.Data)
	case html.StartTagToken:
		p.tag(t)
		p.push(t.DataAtom)
	case html.SelfClosingTagToken:
		p.tag(t)
	case html.EndTagToken:
		p.pop(t.DataAtom)
		p.tag(t)
	}
}

// text takes the text of a text token.
func (p *page) text(s string) {
	switch {
	case p.inTitle:
		if !p.titleDone {
			p.title.WriteString(s)
		}
	case p.dropped == 0:
		p.each(func(w *textWriter) { w.text(s) })
	}
}

// tag takes what a tag says by itself: metadata, title and breaks.
func (p *page) tag(t html.Token) {
	if p.dropped > 0 {
		return
	}
	switch t.DataAtom {
	case atom.Meta:
		key := strings.ToLower(firstOf(attr(t, "property"), attr(t, "name")))
		if _, seen := p.meta[key]; !seen && key != "" {
			p.meta[key] = strings.TrimSpace(attr(t, "content"))
		}
	case atom.Time:
		p.time = firstOf(p.time, strings.TrimSpace(attr(t, "datetime")))
	case atom.Title:
		p.inTitle = t.Type == html.StartTagToken
		p.titleDone = p.titleDone || (!p.inTitle && p.title.Len() > 0)
	}
	if brk := blocks[t.DataAtom]; brk > 0 {
		p.each(func(w *textWriter) { w.brk = max(w.brk, brk) })
	}
}

// each calls f with the writers of the text at this point of the page.
func (p *page) each(f func(*textWriter)) {
	f(&p.body)
	if p.open[atom.Main] > 0 {
		f(&p.main)
	}
	if p.open[atom.Article] > 0 {
		f(&p.article)
	}
}

// push opens the element a when it matters.
func (p *page) push(a atom.Atom) {
	if !dropped[a] && a != atom.Article && a != atom.Main {
		return
	}
	if a == atom.Article && p.open[a] == 0 {
		p.article = textWriter{}
	}
	p.stack = append(p.stack, a)
	p.open[a]++
	if dropped[a] {
		p.dropped++
	}
}

// pop closes the element a, when open, and those opened inside it.
func (p *page) pop(a atom.Atom) {
	if p.open[a] == 0 {
		return
	}
	for {
		top := p.stack[len(p.stack)-1]
		p.stack = p.stack[:len(p.stack)-1]
		p.open[top]--
		if dropped[top] {
			p.dropped--
		}
		if top == atom.Article && p.open[top] == 0 {
			p.endArticle()
		}
		if top == a {
			return
		}
	}
}

// endArticle keeps the article just read if it is the longest so far.
func (p *page) endArticle() {
	if t := p.article.String(); len(t) > len(p.best) {
		p.best = t
	}
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// attr returns the attribute key of t, "" when t lacks it.
func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textWriter lays out the text of a page: spaces collapsed, and lines and
// paragraphs ended by block elements.
type textWriter struct {
	b     strings.Builder
	brk   int  // the break due before the next word
	space bool // a space is due before the next word
}

// String returns the text written.
func (w *textWriter) String() string { return w.b.String() }

// text writes the words of s.
func (w *textWriter) text(s string) {
	if s == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	w.space = w.space || unicode.IsSpace(first)
	for _, word := range strings.Fields(s) {
		w.word(word)
		w.space = true
	}
	w.space = unicode.IsSpace(last)
}

func (w *textWriter) word(word string) {
	if w.b.Len() > 0 {
		switch {
		case w.brk == paragraphBreak:
			w.b.WriteString("\n\n")
		case w.brk == lineBreak:
			w.b.WriteByte('\n')
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.brk, w.space = 0, false
	w.b.WriteString(word)
}
