package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFailures checks that an output that cannot be written gives one
// clear message and exit code 1, and never harms a file already there.
func TestOutputFailures(t *testing.T) {
	dir := t.TempDir()
	previous := filepath.Join(dir, "kept.svg")
	if err := os.WriteFile(previous, []byte("<svg>the previous diagram</svg>"), 0o644); err != nil {
		t.Fatal(err)
	}
	corrupt := filepath.Join(dir, "corrupt.json")
	if err := os.WriteFile(corrupt, []byte(`{"format":"newsgraph-graph","nodes":[`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "taken.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing directory", []string{"build", samples, "-o", filepath.Join(dir, "no", "such", "g.json")}, "no such file or directory"},
		{"output is a directory", []string{"build", samples, "-o", filepath.Join(dir, "taken.json")}, "is not a regular file"},
		{"render fails", []string{"build", samples, "-o", previous, "--engine", "bogus"}, `unknown layout engine "bogus"`},
		{"corrupt saved graph", []string{"build", "--graph", corrupt, "-o", previous}, "corrupt.json"},
	}
	for _, tt := range tests {
		code, _, errOut := call(t, "", append(tt.args, "-q")...)
		if code != exitError || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and one message with %q", tt.name, code, errOut, tt.want)
		}
	}
	if data, _ := os.ReadFile(previous); string(data) != "<svg>the previous diagram</svg>" {
		t.Errorf("a failed build changed the previous file: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("a failed build left a temporary file: %s", e.Name())
		}
	}
}
