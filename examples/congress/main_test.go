package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/tally"
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
			t.Errorf("run %v differs from %s; run go test ./examples/congress -update and review the diff", tt.args, tt.golden)
		}
	}
}

// TestWriteFiles checks -html and -json: a printable page, and a counted
// congress that decodes back.
func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	html, js := filepath.Join(dir, "minutes.html"), filepath.Join(dir, "result.json")
	var out bytes.Buffer
	if err := run(&out, []string{"-html", html}); err != nil {
		t.Fatal(err)
	}
	if err := run(&out, []string{"-json", js, "-rounding", "half-up"}); err != nil {
		t.Fatal(err)
	}
	if out.Len() != 0 {
		t.Errorf("writing files also printed:\n%s", out.String())
	}
	page, _ := os.ReadFile(html)
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) || !bytes.Contains(page, []byte("<svg")) {
		t.Errorf("not a page with a chart")
	}
	data, _ := os.ReadFile(js)
	r, err := tally.ParseResult(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Contests) != 8 || r.Contests[0].Rounds[0].Tie == nil || r.Lists == nil {
		t.Errorf("result: %d contests, tie %v, lists %v", len(r.Contests), r.Contests[0].Rounds[0].Tie, r.Lists)
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

// TestNamesOnly: a document with names only cannot have its lists checked;
// the error says how to count it anyway, and -lists=false does.
func TestNamesOnly(t *testing.T) {
	doc := strings.NewReplacer(`"sex": "male",`, "", `"sex": "female",`, "").Replace(string(sampleJSON))
	name := filepath.Join(t.TempDir(), "names.json")
	os.WriteFile(name, []byte(doc), 0o644)
	var out bytes.Buffer
	err := run(&out, []string{"-data", name})
	if err == nil || !strings.Contains(err.Error(), "candidates[0].sex") || !strings.Contains(err.Error(), "-lists=false") {
		t.Fatalf("err = %v", err)
	}
	if err := run(&out, []string{"-data", name, "-lists=false"}); err != nil || out.Len() == 0 {
		t.Errorf("-lists=false: %v, %d bytes", err, out.Len())
	}
}

func TestBadFlags(t *testing.T) {
	var out bytes.Buffer
	for _, args := range [][]string{{"-lang", "fr"}, {"-rounding", "up"}, {"-data", "/no/such/file"}} {
		if err := run(&out, args); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}
