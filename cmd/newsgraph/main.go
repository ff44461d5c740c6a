// Command newsgraph reads news articles and builds a knowledge graph of who
// did what to whom. Run "newsgraph help" for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/export"
)

// Exit codes.
const (
	exitOK      = 0
	exitError   = 1 // bad usage, or input that gave nothing to show
	exitPartial = 2 // done, but some input was skipped
)

// env is what a command reads from and writes to.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	status *status
}

// status is what a command leaves for run to report once it is done.
type status struct {
	// partial summarizes the skipped input when some was.
	partial string
}

// command is one subcommand.
type command struct {
	name    string
	args    string // the positional arguments, for usage lines
	summary string
	// about is the longer help text, after the usage line.
	about string
	flags func(*pflag.FlagSet) any
	run   func(e env, opts any, args []string) error
}

// commands is filled by each subcommand's file.
var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// gcPercent paces the garbage collector. A run's live heap (the graph) is
// small next to the garbage it makes (text, tokens, sentences), so
// collecting at 4× the live heap instead of 2× saves about a tenth of the
// CPU for a few tens of MB. GOGC in the environment still wins.
const gcPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	go exitOnSignal()
	os.Exit(run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

// exitInterrupted is the exit code after Ctrl-C or SIGTERM (128 + SIGINT).
const exitInterrupted = 130

// exitOnSignal waits for Ctrl-C or SIGTERM, then abandons any output file
// being written (its temporary file is removed, a previous file is left as
// it was) and exits.
func exitOnSignal() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	export.RemoveUnfinished()
	fmt.Fprintln(os.Stderr, "newsgraph: interrupted; output files are as they were")
	os.Exit(exitInterrupted)
}

// run executes one command line and returns the exit code.
func run(args []string, e env) int {
	if e.status == nil {
		e.status = &status{}
	}
	if len(args) == 0 {
		usage(e.stderr)
		return exitError
	}
	name := args[0]
	switch name {
	case "-h", "--help":
		usage(e.stdout)
		return exitOK
	case "help":
		return help(e, args[1:])
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "newsgraph: unknown command %q\n\n", name)
		usage(e.stderr)
		return exitError
	}
	fs := c.flagSet(e.stderr)
	opts := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			c.help(e.stdout)
			return exitOK
		}
		fmt.Fprintf(e.stderr, "newsgraph %s: %v\nRun 'newsgraph help %s' for usage.\n", name, err, name)
		return exitError
	}
	if err := c.run(e, opts, fs.Args()); err != nil {
		fmt.Fprintf(e.stderr, "newsgraph %s: %v\n", name, err)
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintf(e.stderr, "Run 'newsgraph help %s' for usage.\n", name)
		}
		return exitError
	}
	if e.status.partial != "" {
		fmt.Fprintf(e.stderr, "newsgraph %s: partial results: %s\n", name, e.status.partial)
		return exitPartial
	}
	return exitOK
}

// usageError marks an error in how the command was called.
type usageError string

func (u usageError) Error() string { return string(u) }

func (c *command) flagSet(stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	return fs
}

// help prints a command's usage, its text and its flags.
func (c *command) help(w io.Writer) {
	fmt.Fprintf(w, "Usage: newsgraph %s [flags] %s\n\n%s\n", c.name, c.args, strings.TrimSpace(c.about))
	fs := c.flagSet(w)
	c.flags(fs)
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
}

func help(e env, args []string) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "newsgraph help: unknown command %q\n", args[0])
		return exitError
	}
	c.help(e.stdout)
	return exitOK
}

func usage(w io.Writer) {
	fmt.Fprint(w, `newsgraph reads news articles and builds a graph of who did what to whom.

Usage: newsgraph COMMAND [flags] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Inputs are files (.txt, .md, .html, or .jsonl with one article a line, each
also gzipped as .gz), directories (searched recursively; hidden ones and
README.md are skipped) or - for standard input (text, or JSON Lines when it
starts with "{"). Bad files and lines are skipped with a warning; --strict
stops at the first.

Exit codes: 0 done, 1 bad usage or nothing readable, 2 done but some input
was skipped (the summary on standard error says what), 130 interrupted
(output files are left as they were).

Run 'newsgraph help COMMAND' for a command's flags and examples.
`)
}
