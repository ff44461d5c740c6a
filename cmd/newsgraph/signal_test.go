package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this test binary as the newsgraph command.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSGRAPH_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestInterrupt checks that Ctrl-C during a build exits with 130 and leaves
// the previous output file as it was, with no temporary file beside it.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "crisis.json")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "build", "-", "-o", out)
	cmd.Env = append(os.Environ(), "NEWSGRAPH_RUN_MAIN=1")
	stdin, err := cmd.StdinPipe() // never closed: the build waits for more text
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := stdin.Write([]byte("Chilean President Gabriel Boric met Argentine President Javier Milei.\n")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let it start reading
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
		t.Fatalf("exit: %v, stderr %q; want code %d", err, stderr.String(), exitInterrupted)
	}
	if data, _ := os.ReadFile(out); string(data) != "previous" {
		t.Errorf("the previous output was changed to %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the output directory: %v", entries)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr %q does not say it was interrupted", stderr.String())
	}
}
