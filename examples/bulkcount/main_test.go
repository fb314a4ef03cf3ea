package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden runs the program on the sample file as the README does and
// compares its output with the golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name   string
		reason string // why this case exists
		golden string
		args   []string
	}{
		{"vi", "the default: Vietnamese, D = the ballots collected; a tie at the last seat", "testdata/output-vi.txt", []string{"testdata/small.txt"}},
		{"en", "the same in English", "testdata/output-en.txt", []string{"-lang", "en", "testdata/small.txt"}},
		{"policy", "a partly struck name struck, a larger D and more ballots issued: the audit fails, fewer are elected",
			"testdata/output-policy.txt", []string{"-lang", "en", "-partly-struck", "-d", "24", "-issued", "20", "testdata/small.txt"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := run(&out, &errOut, tt.args); err != nil {
				t.Fatalf("run %v: %v", tt.args, err)
			}
			if !strings.Contains(errOut.String(), "21") {
				t.Errorf("the time taken is not on standard error: %q", errOut.String())
			}
			if *update {
				if err := os.WriteFile(tt.golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(tt.golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), out.String()); diff != "" {
				t.Errorf("run %v differs from %s; run go test ./examples/bulkcount -update and review the diff (-want +got):\n%s", tt.args, tt.golden, diff)
			}
		})
	}
}

// TestBadFile checks that a file with bad lines is reported with every bad
// line's number, and that nothing is counted or printed.
func TestBadFile(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(&out, &errOut, []string{"-lang", "en", "testdata/bad.txt"})
	if err == nil {
		t.Fatalf("no error for a bad file; output:\n%s", out.String())
	}
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		at, _, _ := strings.Cut(l, ":")
		lines = append(lines, at)
	}
	if diff := cmp.Diff([]string{"line 6", "line 7", "line 8", "line 9", "line 11"}, lines); diff != "" {
		t.Errorf("the lines reported (-want +got):\n%s\n%v", diff, err)
	}
	if out.Len() != 0 {
		t.Errorf("a bad file printed a partial count:\n%s", out.String())
	}
}

// TestGenerate checks that -generate writes a file the reader accepts, with
// the ballots and the paper asked for, the same for the same seed.
func TestGenerate(t *testing.T) {
	gen := func(seed string) []byte {
		var out bytes.Buffer
		if err := run(&out, nil, []string{"-generate", "500", "-candidates", "70", "-seats", "60", "-seed", seed}); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	a, b, c := gen("7"), gen("7"), gen("8")
	if !bytes.Equal(a, b) {
		t.Error("the same seed gave two files")
	}
	if bytes.Equal(a, c) {
		t.Error("two seeds gave the same file")
	}
	p, count, err := bulk.Read(bytes.NewReader(a), ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Seats != 60 || len(p.Candidates) != 70 || count.Collected != 500 {
		t.Errorf("paper %d of %d, %d ballots", p.Seats, len(p.Candidates), count.Collected)
	}
	if count.Valid < 400 || count.Invalid == 0 {
		t.Errorf("not realistic: %d valid, %d invalid of 500", count.Valid, count.Invalid)
	}

	// The generated file counts, end to end.
	name := filepath.Join(t.TempDir(), "b.txt")
	if err := os.WriteFile(name, a, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run(&out, &errOut, []string{name}); err != nil {
		t.Fatal(err)
	}
}

func TestBadArgs(t *testing.T) {
	for _, tt := range []struct {
		name   string
		reason string
		args   []string
	}{
		{"lang", "only vi and en", []string{"-lang", "fr", "testdata/small.txt"}},
		{"no-file", "a file is needed", nil},
		{"two-files", "one file at a time", []string{"testdata/small.txt", "testdata/small.txt"}},
		{"missing", "a file that does not exist", []string{"testdata/none.txt"}},
		{"flag", "an unknown flag", []string{"-x"}},
		{"generate-paper", "no cross-out paper with as many seats as names", []string{"-generate", "3", "-candidates", "5", "-seats", "5"}},
		{"generate-list", "a list of no names", []string{"-generate", "3", "-candidates", "-5"}},
		{"negative-d", "D is a count of people", []string{"-d", "-2", "testdata/small.txt"}},
		{"zero-d", "D = 0 would elect everyone with one vote", []string{"-d", "0", "testdata/small.txt"}},
		{"d-below-ballots", "D counts at least everyone who cast a ballot", []string{"-d", "1", "testdata/small.txt"}},
		{"huge-d", "D above the largest count", []string{"-d", "100000001", "testdata/small.txt"}},
		{"overflowing-d", "D that overflows", []string{"-d", "99999999999999999999", "testdata/small.txt"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := run(&out, &errOut, tt.args); err == nil {
				t.Errorf("run %v succeeded", tt.args)
			}
		})
	}
}
