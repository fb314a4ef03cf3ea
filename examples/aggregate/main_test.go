package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// results counts the main job's sample congress and writes it n times into
// a directory, as `go run ./examples/congress -json` would.
func results(t *testing.T, n int) (dir string, one []byte) {
	t.Helper()
	data, err := os.ReadFile("../congress/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ballot.ParseCongress(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tally.Count(c, tally.Options{})
	if err != nil {
		t.Fatal(err)
	}
	one, _ = json.Marshal(r)
	dir = t.TempDir()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, "c"+string(rune('0'+i))+".json"), one, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, one
}

func TestGolden(t *testing.T) {
	dir, _ := results(t, 3)
	var out, errs bytes.Buffer
	if err := run(nil, &out, &errs, []string{"-due", "4", dir}); err != nil {
		t.Fatalf("%v\n%s", err, errs.String())
	}
	golden := "testdata/summary-vi.txt"
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(golden, out.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s; run go test ./examples/aggregate -update and review the diff\n%s", golden, out.String())
	}
}

// TestRejected: a bad file in the directory and a bad line on standard input
// are listed with where they are; the others are summed; the run fails.
func TestRejected(t *testing.T) {
	dir, one := results(t, 2)
	os.WriteFile(filepath.Join(dir, "zz-broken.json"), []byte(`{"format":"kiemphieu.tally/1","congress":""}`), 0o644)
	stdin := strings.NewReader(string(one) + "\nnot json\n" + string(one) + "\n")
	var out, errs bytes.Buffer
	jsonOut := filepath.Join(t.TempDir(), "s.json")
	err := run(stdin, &out, &errs, []string{"-json", jsonOut, dir, "-"})
	if !errors.Is(err, errRejected) {
		t.Fatalf("err = %v", err)
	}
	lines := strings.Split(strings.TrimSpace(errs.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "zz-broken.json") || !strings.HasPrefix(lines[1], "stdin:2:") {
		t.Errorf("rejected:\n%s", errs.String())
	}
	var s aggregate.Summary
	data, _ := os.ReadFile(jsonOut)
	if err := json.Unmarshal(data, &s); err != nil || s.Held != 4 {
		t.Errorf("summary: held %d, %v", s.Held, err)
	}
}

func TestBadArgs(t *testing.T) {
	var out, errs bytes.Buffer
	for _, args := range [][]string{{}, {"-lang", "fr", "."}, {"-due", "-1", "."}, {"/no/such/dir"}} {
		if err := run(nil, &out, &errs, args); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}
