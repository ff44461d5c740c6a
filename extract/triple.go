// Package extract turns the text of news articles into actor–relation
// triples ("Emmanuel Macron –spoke-with→ Joe Biden").
//
// The rule-based extractor is a pipeline of small stages, each in its own
// file and each taking the previous stage's output: clean → sentences →
// tokens → actor mentions → clauses → triples. Lexicons and gazetteers are
// data files under data/, embedded with go:embed.
package extract

// Document is one article handed to an Extractor.
type Document struct {
	// ID names the document in every triple it yields: the input path, or a
	// corpus id for JSON Lines input.
	ID string
	// Text is the article body (it may still hold page noise).
	Text string
	// Optional metadata that travels with the triples.
	Title  string
	Date   string
	URL    string
	Source string
}

// Triple is one statement found in a document: subject –relation→ object.
// Its JSON form is the extract command's JSON Lines contract.
type Triple struct {
	Doc         string `json:"doc"`
	Subject     string `json:"subject"`
	SubjectType string `json:"subject_type"`
	Relation    string `json:"relation"`
	Object      string `json:"object"`
	ObjectType  string `json:"object_type"`
	Modality    string `json:"modality"`
	// Sentence is the sentence the triple came from, as cleaned text.
	Sentence string `json:"sentence"`
	// Verb holds the surface words that triggered the relation.
	Verb string `json:"verb"`
	// Confidence in [0,1] reflects how direct the evidence is.
	Confidence float64 `json:"confidence"`
	// Role is the office for official-of and leader-of ("foreign minister").
	Role string `json:"role,omitempty"`
	// SubjectText and ObjectText are the mentions as written.
	SubjectText string `json:"subject_text,omitempty"`
	ObjectText  string `json:"object_text,omitempty"`
	// Date is the document's date when known; Title, URL and Source are the
	// document's metadata when the input gave them.
	Date   string `json:"date,omitempty"`
	Title  string `json:"title,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
}

// Actor is one actor of a document under its canonical name, with the
// surface names it was mentioned by.
type Actor struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}

// Result is everything an Extractor found in one document.
type Result struct {
	Doc  string
	Date string
	// Bytes is the length of the document's text; Sentences the number of
	// sentences it was split into.
	Bytes     int
	Sentences int
	Actors    []Actor
	Triples   []Triple
}

// Extractor turns a document into triples. Implementations must be safe for
// concurrent use by several goroutines.
type Extractor interface {
	Extract(doc Document) Result
}
