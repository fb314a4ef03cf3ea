package e2e

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

// TestUsage runs every example program as a person would, built: -h prints
// the usage — what it does, its arguments and an example, in Vietnamese and
// English — and exits 0; a flag it does not know prints the usage and exits
// 2.
func TestUsage(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"aggregate", "ballotpapers", "bulkcount", "congress", "station"} {
		bin := program(t, name)
		for _, tc := range []struct {
			args   []string
			status int
			reason string
		}{
			{[]string{"-h"}, 0, "asking for help is not a failure"},
			{[]string{"-help"}, 0, "nor is the long form"},
			{[]string{"-no-such-flag"}, 2, "a mistake on the command line, as the flag package's programs"},
		} {
			var out bytes.Buffer
			cmd := exec.Command(bin, tc.args...)
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			status := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				status = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if status != tc.status {
				t.Errorf("%s %v (%s): status %d, want %d", name, tc.args, tc.reason, status, tc.status)
			}
			for _, want := range []string{"Cách dùng / Usage:", "Ví dụ / Example:", name + " "} {
				if !strings.Contains(out.String(), want) {
					t.Errorf("%s %v: the output lacks %q:\n%s", name, tc.args, want, out.String())
				}
			}
		}
	}
}
