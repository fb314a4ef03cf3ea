package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const src = `package p

func f(a, b int) bool {
	switch {
	case a > b && b != 0:
		return true
	}
	for a < b {
		a++
		break
	}
	return a-b >= 0
}
`

// TestMutate checks that a mutant is applied at its position only, as
// gremlins applies it, and that the case expressions gremlins never runs are
// told apart.
func TestMutate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line, col int
		typ       string
		wantLine  string // the mutated line, trimmed
		inCase    bool
	}{
		{5, 9, "CONDITIONALS_BOUNDARY", "case a >= b && b != 0:", true},
		{5, 13, "INVERT_LOGICAL", "case a > b || b != 0:", true},
		{5, 18, "CONDITIONALS_NEGATION", "case a > b && b == 0:", true},
		{8, 8, "CONDITIONALS_NEGATION", "for a >= b {", false},
		{9, 4, "INCREMENT_DECREMENT", "a--", false},
		{10, 3, "INVERT_LOOPCTRL", "continue", false},
		{12, 10, "ARITHMETIC_BASE", "return a+b >= 0", false},
		{12, 13, "CONDITIONALS_BOUNDARY", "return a-b > 0", false},
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		op := nodeAt(fset, file, tt.line, tt.col)
		if op == nil {
			t.Errorf("%d:%d: no operator", tt.line, tt.col)
			continue
		}
		from := *op.tok
		to := mutations[tt.typ][from]
		m := mutant{File: "p.go", Line: tt.line, Column: tt.col, Type: tt.typ, From: from.String(), To: to.String()}
		out, err := mutate(path, m)
		if err != nil {
			t.Errorf("%d:%d: %v", tt.line, tt.col, err)
			continue
		}
		got := strings.Split(string(out), "\n")
		want := strings.Split(src, "\n")
		want[tt.line-1] = tt.wantLine
		for i := range want {
			if strings.TrimSpace(got[i]) != strings.TrimSpace(want[i]) {
				t.Errorf("%d:%d %s: line %d is %q, want %q", tt.line, tt.col, tt.typ, i+1, got[i], want[i])
			}
		}
		if got := inCaseExpr(fset, file, op.pos); got != tt.inCase {
			t.Errorf("%d:%d: in a case expression: %v, want %v", tt.line, tt.col, got, tt.inCase)
		}
	}
	// A mutant whose operator is no longer there is an error, not a wrong mutant.
	if _, err := mutate(path, mutant{Line: 12, Column: 10, From: "*", To: "/"}); err == nil {
		t.Error("mutate applied a mutant to another operator")
	}
}
