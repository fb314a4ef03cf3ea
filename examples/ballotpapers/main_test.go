package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/internal/usage"
)

// TestRun writes the papers of the sample's committee and checks the
// command line: -h, a wrong flag, a missing document, a round not there.
func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		papers int
		reason string
	}{
		{"committee", []string{"-contest", "bch", "../congress/sample.json"}, 0, 2, "18 names: two papers to a sheet"},
		{"copies", []string{"-contest", "bi-thu", "-copies", "9", "../congress/sample.json"}, 0, 9, "as many as asked"},
		{"run-off", []string{"-contest", "bch", "-round", "2", "-copies", "1", "../congress/sample.json"}, 0, 1, "the second round's paper"},
		{"help", []string{"-h"}, 0, 0, "-h prints the usage and exits 0"},
		{"wrong flag", []string{"-nope", "../congress/sample.json"}, 2, 0, "an unknown flag: usage, status 2"},
		{"no document", nil, 2, 0, "the document is required"},
		{"negative copies", []string{"-copies", "-1", "../congress/sample.json"}, 2, 0, "a count out of range"},
		{"no round", []string{"-contest", "btv", "-round", "2", "../congress/sample.json"}, 1, 0, "a round the document does not hold"},
		{"no contest", []string{"-contest", "nope", "../congress/sample.json"}, 1, 0, "a contest the document does not hold"},
		{"no file", []string{"nope.json"}, 1, 0, "a file that is not there"},
	} {
		var out, errw bytes.Buffer
		err := run(&out, &errw, tc.args)
		if got := usage.Code(err); got != tc.code {
			t.Errorf("%s (%s): status %d, want %d (%v)", tc.name, tc.reason, got, tc.code, err)
		}
		if got := strings.Count(out.String(), `<section class="paper`); got != tc.papers {
			t.Errorf("%s (%s): %d papers, want %d", tc.name, tc.reason, got, tc.papers)
		}
		if shown := strings.Contains(errw.String(), "Cách dùng / Usage"); shown != (tc.code == 2 || tc.name == "help") {
			t.Errorf("%s (%s): usage shown %v:\n%s", tc.name, tc.reason, shown, errw.String())
		}
	}
}
