package usage_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/internal/usage"
)

const text = "Cách dùng / Usage: prog [-n N]\n"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name      string
		args      []string
		code      int
		showsText bool
		reason    string
	}{
		{"ok", []string{"-n", "3"}, 0, false, "a good command line prints nothing"},
		{"help", []string{"-h"}, 0, true, "-h asks for the usage: status 0"},
		{"long help", []string{"-help"}, 0, true, "so does -help"},
		{"unknown", []string{"-x"}, 2, true, "an unknown flag is a mistake: status 2, as the flag package's programs"},
		{"bad value", []string{"-n", "three"}, 2, true, "a value that does not parse"},
		{"missing value", []string{"-n"}, 2, true, "a flag without its value"},
	} {
		var out bytes.Buffer
		fs := flag.NewFlagSet("prog", flag.ContinueOnError)
		fs.SetOutput(&out)
		fs.Int("n", 0, "")
		err := usage.Parse(fs, text, tc.args)
		if got := usage.Code(err); got != tc.code {
			t.Errorf("%s (%s): status %d, want %d (%v)", tc.name, tc.reason, got, tc.code, err)
		}
		if got := strings.Contains(out.String(), text); got != tc.showsText {
			t.Errorf("%s (%s): usage shown %v, want %v:\n%s", tc.name, tc.reason, got, tc.showsText, out.String())
		}
	}
}

func TestCode(t *testing.T) {
	var out bytes.Buffer
	if got := usage.Code(usage.Wrong(&out, text, "give a file")); got != 2 || !strings.Contains(out.String(), text) {
		t.Errorf("Wrong: status %d, output %q", got, out.String())
	}
	if got := usage.Code(errors.New("disk full")); got != 1 {
		t.Errorf("another failure: status %d, want 1", got)
	}
	if got := usage.Code(fmt.Errorf("wrapped: %w", flag.ErrHelp)); got != 0 {
		t.Errorf("help, wrapped: status %d, want 0", got)
	}
}

// A program's main ends with usage.Exit(run(…)); -h exits 0, a wrong flag 2.
func ExampleParse() {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	var out bytes.Buffer
	fs.SetOutput(&out)
	err := usage.Parse(fs, text, []string{"-h"})
	fmt.Print(out.String())
	fmt.Println(usage.Code(err))
	// Output:
	// Cách dùng / Usage: prog [-n N]
	// 0
}
