package extract

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// hostileInputs builds inputs of about n bytes that stress one stage each.
var hostileInputs = map[string]func(n int) string{
	"sentence without punctuation": func(n int) string {
		return repeatTo("the army said that troops moved near the border and ", n)
	},
	"capitalised words": func(n int) string {
		return repeatTo("President Vladimir Putin Met Olaf Scholz In Moscow ", n)
	},
	"single token": func(n int) string {
		return strings.Repeat("a", n)
	},
	"dotted token": func(n int) string {
		return repeatTo("U.", n)
	},
	"periods without spaces": func(n int) string {
		return repeatTo("word.", n)
	},
	"nested quotes and parentheses": func(n int) string {
		half := repeatTo("(\u201c", n/2)
		return half + " Israel struck Iran " + repeatTo("\u201d)", n/2)
	},
	"distinct names": func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "Ka%x Lo%x met Mu%x. ", i, i*7, i*13)
		}
		return b.String()
	},
	"relative clauses": func(n int) string {
		return repeatTo("Iran, which Israel attacked, who said that if China, ", n)
	},
}

// repeatTo repeats s up to about n bytes.
func repeatTo(s string, n int) string {
	return strings.Repeat(s, max(1, n/len(s)))
}

// TestHostileInputScales checks that each hostile input is extracted in
// time linear in its size: 1 MB in under a second, and four times the size
// in at most 2.5² times the time.
func TestHostileInputScales(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	x := New()
	// The collector's work grows with the heap; time the algorithms alone.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	timeOf := func(text string) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			runtime.GC()
			start := time.Now()
			x.Extract(Document{ID: "hostile", Text: text})
			best = min(best, time.Since(start))
		}
		return best
	}
	for name, gen := range hostileInputs {
		t.Run(name, func(t *testing.T) {
			// Four times the input may take at most 2.5² times as long:
			// 2.5× per doubling, measured over two doublings to damp noise.
			small, large := timeOf(gen(1<<18)), timeOf(gen(1<<20))
			if large > time.Second {
				t.Errorf("1 MB took %v", large)
			}
			// Small timings are noisy: allow a floor before comparing.
			if ratio := float64(large) / float64(max(small, 20*time.Millisecond)); ratio > 2.5*2.5 {
				t.Errorf("four times the input took %.1f× the time (%v → %v)", ratio, small, large)
			}
			t.Logf("256 KB %v, 1 MB %v", small, large)
		})
	}
}
