package input

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// newsPage is a news page as sites serve them: navigation, scripts, ads,
// teasers, the article, a newsletter form and a footer.
const newsPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Peru and Colombia agree to talks | Daily Planet</title>
  <meta property="og:title" content="Peru and Colombia agree to border talks">
  <meta property="og:url" content="https://planet.example/world/peru-colombia">
  <meta property="og:site_name" content="Daily Planet">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <style>body { font-family: serif }</style>
  <script>window.dataLayer = [{"page": "article"}];</script>
</head>
<body>
  <header><a href="/">Daily Planet</a><nav><ul><li>World</li><li>Business</li></ul></nav></header>
  <div class="ad"><script>showAd("top")</script><noscript>Enable JavaScript</noscript></div>
  <main>
    <article>
      <header><h1>Peru and Colombia agree to border talks</h1><time datetime="2024-03-05">March 5</time></header>
      <p>The foreign minister of Peru met his Colombian counterpart in
         Bogot&aacute; on Tuesday, <em>officials said</em>.</p>
      <figure><img src="x.jpg"><figcaption>The ministers in Bogotá.</figcaption></figure>
      <p>Talks will resume<br>next week.</p>
      <aside>Read more: <a href="/x">Election results</a></aside>
      <ul><li>First point</li><li>Second point</li></ul>
      <button>Share</button>
      <svg><text>icon</text></svg>
      <iframe src="video"></iframe>
    </article>
    <section class="related">
      <article><h2>Teaser</h2><p>Short.</p></article>
    </section>
    <form><input name="email"><p>Sign up for our newsletter</p></form>
  </main>
  <footer><p>&copy; 2024 Daily Planet</p></footer>
</body>
</html>`

func TestHTML(t *testing.T) {
	tests := []struct {
		name, page string
		want       extract.Document
	}{
		{"news page", newsPage, extract.Document{
			Title:  "Peru and Colombia agree to border talks",
			Date:   "2024-03-05T09:30:00Z",
			URL:    "https://planet.example/world/peru-colombia",
			Source: "Daily Planet",
			Text: "The foreign minister of Peru met his Colombian counterpart in Bogotá on Tuesday, officials said.\n\n" +
				"The ministers in Bogotá.\n\nTalks will resume\nnext week.\n\nFirst point\nSecond point",
		}},
		{"main, title and time", `<title> A  page </title><body><nav>Menu</nav><main><div>One</div><div>Two <time datetime="2024-01-02">today</time></div></main><p>Outside</p>`,
			extract.Document{Title: "A page", Date: "2024-01-02", Text: "One\nTwo today"}},
		{"body only", `<p>Hello <b>big</b>world</p><script>x()</script><p>Again</p><!-- note -->`,
			extract.Document{Text: "Hello bigworld\n\nAgain"}},
		{"furniture left open", `<article><p>Kept.</p><nav>Menu</article><article><aside><article>Teaser teaser teaser</article></aside><p>Also</p></article>`,
			extract.Document{Text: "Kept."}},
		{"deeply nested", strings.Repeat("<div>", 200_000) + "Deep." + strings.Repeat("<span>x", 100),
			extract.Document{Text: "Deep." + strings.Repeat("x", 100)}},
		{"no text", `<html><head><title>Empty</title></head><body><nav>Menu</nav></body></html>`, extract.Document{}},
	}
	for _, tt := range tests {
		docs, err := readBytes(t, htmlPage, []byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		var want []extract.Document
		if tt.want.Text != "" {
			tt.want.ID = "page.html"
			want = []extract.Document{tt.want}
		}
		if !reflect.DeepEqual(docs, want) {
			t.Errorf("%s: got %+q\nwant %+q", tt.name, docs, want)
		}
	}
}

func TestHTMLTooLarge(t *testing.T) {
	s := &sink{r: NewReader(Options{}), emit: func(extract.Document) error { return nil }}
	err := readHTML("big.html", &repeat{block: "<p>x</p>", n: maxHTMLBytes + 8}, s)
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Errorf("error = %v, want the page to be too large", err)
	}
}

// readBytes reads data as an input of format f named page.html (or
// page.jsonl) and returns its documents.
func readBytes(t testing.TB, f format, data []byte) ([]extract.Document, error) {
	var docs []extract.Document
	r := NewReader(Options{MaxDocBytes: 512})
	s := &sink{r: r, emit: func(d extract.Document) error {
		docs = append(docs, d)
		return nil
	}}
	name := map[format]string{htmlPage: "page.html", jsonLines: "page.jsonl"}[f]
	err := r.readStream(name, f, false, bytes.NewReader(data), s)
	return docs, err
}

// checkDocs fails when a document is not valid UTF-8 or is too long.
func checkDocs(t *testing.T, docs []extract.Document) {
	for _, d := range docs {
		for _, s := range []string{d.ID, d.Text, d.Title, d.Date, d.URL, d.Source} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %+q", d)
			}
		}
		if len(d.Text) > 512 || strings.TrimSpace(d.Text) == "" {
			t.Fatalf("text of %d bytes, want 1 to 512: %q", len(d.Text), d.Text)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(newsPage))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := readBytes(t, htmlPage, data)
		checkDocs(t, docs)
	})
}
