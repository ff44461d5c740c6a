package main

import (
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// stmt is a short way to write a test statement.
func stmt(doc, s, st, rel, o, ot, m string) extract.Triple {
	return extract.Triple{Doc: doc, Subject: s, SubjectType: st, Relation: rel, Object: o,
		ObjectType: ot, Modality: m, Sentence: s + " " + rel + " " + o + ".", Verb: rel}
}

// fixedGraph saves a small graph of three articles and returns its path.
func fixedGraph(t *testing.T) string {
	t.Helper()
	const p, c, o = extract.Person, extract.Country, extract.Organization
	g := graph.New()
	g.Add(extract.Result{Doc: "a.txt", Date: "2024-03-01",
		Actors: []extract.Actor{
			{Name: "Emmanuel Macron", Type: p, Aliases: []string{"Macron", "French President Emmanuel Macron"}},
			{Name: "Russia", Type: c, Aliases: []string{"Kremlin", "Moscow"}},
		},
		Triples: []extract.Triple{
			stmt("a.txt", "Emmanuel Macron", p, "met-with", "Vladimir Putin", p, "asserted"),
			stmt("a.txt", "Vladimir Putin", p, "leader-of", "Russia", c, "asserted"),
			stmt("a.txt", "European Union", o, "sanctioned", "Russia", c, "asserted"),
		}})
	g.Add(extract.Result{Doc: "b.txt", Date: "2024-03-02",
		Triples: []extract.Triple{
			stmt("b.txt", "Vladimir Putin", p, "spoke-with", "Emmanuel Macron", p, "asserted"),
			stmt("b.txt", "Vladimir Putin", p, "warned", "European Union", o, "asserted"),
			stmt("b.txt", "Imran Khan", p, "criticized", "Vladimir Putin", p, "asserted"),
			stmt("b.txt", "Ayesha Khan", p, "praised", "Vladimir Putin", p, "asserted"),
		}})
	g.Add(extract.Result{Doc: "c.txt",
		Triples: []extract.Triple{
			stmt("c.txt", "Emmanuel Macron", p, "visited", "Ukraine", c, "planned"),
			stmt("c.txt", "Russia", c, "attacked", "Ukraine", c, "hypothetical"),
			stmt("c.txt", "Ukraine", c, "accused", "Russia", c, "asserted"),
			stmt("c.txt", "Emmanuel Macron", p, "met-with", "Vladimir Putin", p, "planned"),
		}})
	path := filepath.Join(t.TempDir(), "fixed.json")
	if err := export.WriteFile(path, g, export.JSON, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// callOK runs a command line that must succeed and returns its output.
func callOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := call(t, "", args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}
