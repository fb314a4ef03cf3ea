// Package usage gives the example programs one way to explain themselves:
// -h (or -help) prints the program's usage text — what it does, its
// arguments and an example, in Vietnamese and English (cách dùng / usage) —
// and exits with status 0; a flag the program does not know prints the
// usage and exits with status 2, as the flag package's own programs do;
// any other failure exits with status 1.
package usage

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// Error is a mistake on the command line: an unknown flag, a flag without
// its value, a wrong argument. The program exits with status 2.
type Error struct{ Err error }

func (e *Error) Error() string { return e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Parse sets the flag set's usage to text and parses args. It returns
// flag.ErrHelp after printing text on -h, and an *Error after printing the
// parse error and text on any other mistake.
func Parse(fs *flag.FlagSet, text string, args []string) error {
	fs.Usage = func() { fmt.Fprint(fs.Output(), text) }
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return err
	}
	return &Error{err}
}

// Wrong reports a mistake in the arguments that the flag set cannot see (a
// missing file name, a value out of range): it prints the message and the
// usage text to w and returns an *Error.
func Wrong(w io.Writer, text string, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	fmt.Fprintf(w, "%v\n%s", err, text)
	return &Error{err}
}

// Code is the exit status for the error a program's run returned: 0 for
// nil and for -h, 2 for a mistake on the command line, 1 for anything else.
func Code(err error) int {
	var ue *Error
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// Exit ends the program with the status of err (see Code), printing err on
// standard error unless it was already shown with the usage.
func Exit(err error) {
	code := Code(err)
	if code == 1 {
		fmt.Fprintln(os.Stderr, err)
	}
	os.Exit(code)
}
