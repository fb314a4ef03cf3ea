package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden runs the program as the README does and compares its output
// with the golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"testdata/output-vi.txt", nil},
		{"testdata/output-en.txt", []string{"-lang", "en"}},
	} {
		var out bytes.Buffer
		if err := run(&out, tt.args); err != nil {
			t.Fatalf("run %v: %v", tt.args, err)
		}
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(tt.golden, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(tt.golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("run %v differs from %s; run go test ./examples/congress -update and review the diff\n%s", tt.args, tt.golden, out.String())
		}
	}
}

// TestMalformedData checks that a bad document passed with -data is reported
// with every problem and its path, not a panic and not a partial count.
func TestMalformedData(t *testing.T) {
	name := filepath.Join(t.TempDir(), "bad.json")
	bad := strings.Replace(string(sampleJSON), `"official": 150`, `"official": -150`, 1)
	bad = strings.Replace(bad, `"id": "c02"`, `"id": "c01"`, 1)
	if err := os.WriteFile(name, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err := run(&out, []string{"-data", name, "-lang", "en"})
	if err == nil {
		t.Fatalf("no error for a malformed document; output:\n%s", out.String())
	}
	for _, path := range []string{"roster.delegates.official:", "candidates[1].id:"} {
		if !strings.Contains(err.Error(), path) {
			t.Errorf("the error does not name %s:\n%v", path, err)
		}
	}
	if out.Len() != 0 {
		t.Errorf("a malformed document printed a partial count:\n%s", out.String())
	}
}

func TestBadFlag(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, []string{"-lang", "fr"}); err == nil {
		t.Error("-lang fr accepted")
	}
}
