// Command mutation measures how many small changes to the decision code of
// kiemphieu its tests notice: the mutation score of each package.
//
// go-gremlins finds the mutants (its token mutators, in --dry-run mode);
// this program applies each one and runs the tests of the package that owns
// the file. It runs every mutant, including those gremlins marks "not
// covered": gremlins takes coverage blocks for reachability, and a `case …:`
// expression lies outside every block, so gremlins never runs a mutant there
// (Bound.Holds, the tie loop, the validity table's rows are such cases).
//
// A mutant is applied as gremlins applies it (the operator of one AST node
// changed, the file printed again with go/printer), through go test
// -overlay, so the working tree is never written to and several runs can
// share it. The tests run with -vet=off: a mutant only vet would notice is
// a mutant the tests miss.
//
// Usage (from the repository root, or give -root):
//
//	go run . -root ../.. ballot=classify.go,validate.go tally/bulk=count.go,file.go,box.go
//
// Each argument is a package directory, "=", and the decision files in it.
// It prints each surviving mutant with its line, then the score of each
// package: (killed + timed out) / (killed + timed out + lived). It exits 1 if
// a package's tests fail before any mutation.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Statuses of a mutant.
const (
	killed    = "KILLED"
	lived     = "LIVED"
	timedOut  = "TIMED OUT"
	notViable = "NOT VIABLE"
)

// A mutant is one change to one token of a decision file.
type mutant struct {
	File       string `json:"file"` // relative to the package directory
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Type       string `json:"type"`    // gremlins' mutator
	From       string `json:"from"`    // the token
	To         string `json:"to"`      // what it becomes
	Covered    bool   `json:"covered"` // as gremlins' coverage sees it
	InCase     bool   `json:"in_case"` // inside a `case …:` expression
	Status     string `json:"status"`
	SourceLine string `json:"source_line"`
}

// A result is the mutants of one package.
type result struct {
	Dir     string   `json:"dir"`
	Files   []string `json:"files"`
	Mutants []mutant `json:"mutants"`
}

func (r result) count(status string) int {
	n := 0
	for _, m := range r.Mutants {
		if m.Status == status {
			n++
		}
	}
	return n
}

// score returns detected and detected+lived.
func (r result) score() (int, int) {
	d := r.count(killed) + r.count(timedOut)
	return d, d + r.count(lived)
}

func main() {
	root := flag.String("root", ".", "the module root of kiemphieu")
	gremlins := flag.String("gremlins", "gremlins", "the go-gremlins v0.6.0 binary")
	workers := flag.Int("workers", 1, "mutants tested at once")
	out := flag.String("o", "", "write every mutant and its status to this JSON file")
	only := flag.String("only", "", "test only the mutants whose file:line matches this regexp")
	rerun := flag.String("rerun", "", "test again only the mutants LIVED in this JSON file (from -o); others keep their status")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mutation [flags] dir=file.go,file.go ...")
		os.Exit(2)
	}
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		fatal(err)
	}
	var onlyRE *regexp.Regexp
	if *only != "" {
		if onlyRE, err = regexp.Compile(*only); err != nil {
			fatal(err)
		}
	}
	var previous map[string]result
	if *rerun != "" {
		data, err := os.ReadFile(*rerun)
		if err != nil {
			fatal(err)
		}
		var rs []result
		if err := json.Unmarshal(data, &rs); err != nil {
			fatal(fmt.Errorf("%s: %w", *rerun, err))
		}
		previous = make(map[string]result)
		for _, r := range rs {
			previous[r.Dir] = r
		}
	}

	var results []result
	for _, arg := range flag.Args() {
		dir, list, ok := strings.Cut(arg, "=")
		if !ok || list == "" {
			fatal(fmt.Errorf("%q: want dir=file.go,file.go", arg))
		}
		r := result{Dir: filepath.Clean(dir), Files: strings.Split(list, ",")}
		ms, err := findMutants(absRoot, r.Dir, r.Files, *gremlins)
		if err != nil {
			fatal(err)
		}
		r.Mutants = ms
		keep := func(m mutant) bool {
			if onlyRE != nil && !onlyRE.MatchString(fmt.Sprintf("%s:%d", m.File, m.Line)) {
				return false
			}
			if previous != nil {
				for _, p := range previous[r.Dir].Mutants {
					if p.File == m.File && p.Line == m.Line && p.Column == m.Column && p.To == m.To {
						return p.Status == lived
					}
				}
			}
			return true
		}
		if err := run(absRoot, &r, keep, *workers, previous[r.Dir]); err != nil {
			fatal(err)
		}
		results = append(results, r)
		if *out != "" { // after each package, so that a run cut short keeps what it measured
			data, err := json.MarshalIndent(results, "", "\t")
			if err != nil {
				fatal(err)
			}
			if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
				fatal(err)
			}
		}
	}

	fmt.Println()
	fmt.Println("| package | files | mutants | killed | timed out | lived | not viable | not run by gremlins (in `case`) | score |")
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	for _, r := range results {
		d, n := r.score()
		notCov, inCase := 0, 0
		for _, m := range r.Mutants {
			if !m.Covered {
				notCov++
				if m.InCase {
					inCase++
				}
			}
		}
		score := "-"
		if n > 0 {
			score = fmt.Sprintf("%.1f %%", 100*float64(d)/float64(n))
		}
		fmt.Printf("| %s | %s | %d | %d | %d | %d | %d | %d (%d) | %s |\n", r.Dir, strings.Join(r.Files, ", "),
			len(r.Mutants), r.count(killed), r.count(timedOut), r.count(lived), r.count(notViable), notCov, inCase, score)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "mutation:", err)
	os.Exit(1)
}

// gremlinsReport is the part of gremlins' JSON output read here.
type gremlinsReport struct {
	Files []struct {
		Name      string `json:"file_name"`
		Mutations []struct {
			Type   string `json:"type"`
			Status string `json:"status"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"mutations"`
	} `json:"files"`
}

// findMutants runs gremlins in dry-run mode on the package in dir, limited
// to files, and returns its mutants, one per distinct change.
func findMutants(root, dir string, files []string, gremlins string) ([]mutant, error) {
	entries, err := os.ReadDir(filepath.Join(root, dir))
	if err != nil {
		return nil, err
	}
	// gremlins walks the directory down: leave out subdirectories and the
	// files that are not decision files.
	args := []string{"unleash", "--dry-run", "--silent",
		"--invert-logical", "--invert-loopctrl", "--invert-assignments",
		"-E", "/"}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(root, dir, f)); err != nil {
			return nil, err
		}
	}
	for _, e := range entries {
		if !e.IsDir() && !slices.Contains(files, e.Name()) {
			args = append(args, "-E", "^"+regexp.QuoteMeta(e.Name())+"$")
		}
	}
	tmp, err := os.CreateTemp("", "gremlins-*.json")
	if err != nil {
		return nil, err
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	args = append(args, "-o", tmp.Name(), "./"+dir)
	cmd := exec.Command(gremlins, args...)
	cmd.Dir = root
	if outb, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s %s: %v\n%s", gremlins, strings.Join(args, " "), err, outb)
	}
	data, err := os.ReadFile(tmp.Name())
	if err != nil {
		return nil, err
	}
	var rep gremlinsReport
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("gremlins output: %w", err)
	}

	var out []mutant
	seen := make(map[string]bool)
	for _, f := range rep.Files {
		if !slices.Contains(files, f.Name) {
			return nil, fmt.Errorf("gremlins reports %s/%s, not a decision file", dir, f.Name)
		}
		src, err := os.ReadFile(filepath.Join(root, dir, f.Name))
		if err != nil {
			return nil, err
		}
		lines := strings.Split(string(src), "\n")
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f.Name, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, g := range f.Mutations {
			n := nodeAt(fset, file, g.Line, g.Column)
			if n == nil {
				return nil, fmt.Errorf("%s/%s:%d:%d: no operator there", dir, f.Name, g.Line, g.Column)
			}
			from := *n.tok
			to, ok := mutations[g.Type][from]
			if !ok {
				return nil, fmt.Errorf("%s/%s:%d:%d: no %s mutation of %s", dir, f.Name, g.Line, g.Column, g.Type, from)
			}
			key := fmt.Sprintf("%s:%d:%d:%s", f.Name, g.Line, g.Column, to)
			if to == from || seen[key] {
				continue // gremlins' REM_ASSIGN→REM_ASSIGN; unary - under two mutators
			}
			seen[key] = true
			out = append(out, mutant{
				File: f.Name, Line: g.Line, Column: g.Column, Type: g.Type,
				From: from.String(), To: to.String(),
				Covered:    g.Status != "NOT COVERED",
				InCase:     inCaseExpr(fset, file, n.pos),
				SourceLine: strings.TrimSpace(lines[g.Line-1]),
			})
		}
	}
	slices.SortFunc(out, func(a, b mutant) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Column != b.Column {
			return a.Column - b.Column
		}
		return strings.Compare(a.To, b.To)
	})
	return out, nil
}

// run tests every mutant of r that keep accepts, workers at a time, and sets
// its status; the others keep their status in prev, if any.
func run(root string, r *result, keep func(mutant) bool, workers int, prev result) error {
	pkg := "./" + filepath.ToSlash(r.Dir)
	start := time.Now()
	base, err := testRun(root, pkg, "", 10*time.Minute)
	if err != nil || base.status != lived {
		return fmt.Errorf("the tests of %s fail before any mutation (%v):\n%s", pkg, err, base.output)
	}
	// The timeout of the test binary: ten times the tests' own run, at
	// least 20 s (the machine may be shared). A mutant that loops forever
	// is detected; each one costs this much.
	timeout := max(20*time.Second, 10*base.elapsed)
	fmt.Printf("== %s: %d mutants in %s; tests pass unmutated in %s (%s with the build); timeout %s\n",
		pkg, len(r.Mutants), strings.Join(r.Files, ", "), base.elapsed, time.Since(start).Round(time.Millisecond), timeout)

	tmp, err := os.MkdirTemp("", "mutation-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	sem := make(chan struct{}, max(1, workers))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for i := range r.Mutants {
		m := &r.Mutants[i]
		if !keep(*m) {
			for _, p := range prev.Mutants {
				if p.File == m.File && p.Line == m.Line && p.Column == m.Column && p.To == m.To {
					m.Status = p.Status
				}
			}
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			status, err := testMutant(root, r.Dir, pkg, *m, filepath.Join(tmp, strconv.Itoa(i)), timeout)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				return
			}
			m.Status = status
			inCase := ""
			if m.InCase {
				inCase = " (in case)"
			}
			fmt.Printf("%-10s %s/%s:%d:%d %s %s→%s%s\n", status, r.Dir, m.File, m.Line, m.Column, m.Type, m.From, m.To, inCase)
			if status == lived {
				fmt.Printf("\t%s\n", m.SourceLine)
			}
		}()
	}
	wg.Wait()
	fmt.Printf("== %s done in %s\n", pkg, time.Since(start).Round(time.Second))
	return firstErr
}

// testMutant applies m through an overlay in dir and runs the tests of pkg.
func testMutant(root, pkgDir, pkg string, m mutant, dir string, timeout time.Duration) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(root, pkgDir, m.File)
	src, err := mutate(path, m)
	if err != nil {
		return "", err
	}
	mutated := filepath.Join(dir, m.File)
	if err := os.WriteFile(mutated, src, 0o644); err != nil {
		return "", err
	}
	ov, err := json.Marshal(map[string]map[string]string{"Replace": {path: mutated}})
	if err != nil {
		return "", err
	}
	overlay := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(overlay, ov, 0o644); err != nil {
		return "", err
	}
	res, err := testRun(root, pkg, overlay, timeout)
	return res.status, err
}

type testResult struct {
	status  string
	elapsed time.Duration // the test binary's own time, from go test's "ok" line
	output  []byte
}

var okLine = regexp.MustCompile(`(?m)^ok\s+\S+\s+([0-9.]+)s`)

// testRun runs go test on pkg, with overlay if not empty, and tells whether
// the tests passed (lived), failed (killed), timed out or did not build.
func testRun(root, pkg, overlay string, timeout time.Duration) (testResult, error) {
	args := []string{"test", "-count=1", "-vet=off", "-failfast", "-timeout", timeout.String()}
	if overlay != "" {
		args = append(args, "-overlay", overlay)
	}
	args = append(args, pkg)
	// A backstop for a build that hangs, or a test binary that ignores its
	// timeout: the whole process group goes.
	ctx, cancel := context.WithTimeout(context.Background(), timeout+10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	res := testResult{output: buf.Bytes()}
	var exit *exec.ExitError
	switch {
	case err == nil:
		res.status = lived
		if m := okLine.FindSubmatch(res.output); m != nil {
			s, _ := strconv.ParseFloat(string(m[1]), 64)
			res.elapsed = time.Duration(s * float64(time.Second))
		}
	case ctx.Err() != nil:
		res.status = timedOut
	case !errors.As(err, &exit):
		return res, fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	case bytes.Contains(res.output, []byte("[build failed]")) || bytes.Contains(res.output, []byte("[setup failed]")):
		res.status = notViable
	case bytes.Contains(res.output, []byte("panic: test timed out after")):
		res.status = timedOut
	default:
		res.status = killed
	}
	return res, nil
}

// operator is the operator of one AST node, as gremlins sees it.
type operator struct {
	tok *token.Token
	pos token.Pos
}

// nodeAt returns the operator gremlins mutates at line:col.
func nodeAt(fset *token.FileSet, file *ast.File, line, col int) *operator {
	var found *operator
	ast.Inspect(file, func(n ast.Node) bool {
		var op operator
		switch n := n.(type) {
		case *ast.AssignStmt:
			op = operator{&n.Tok, n.TokPos}
		case *ast.BinaryExpr:
			op = operator{&n.Op, n.OpPos}
		case *ast.BranchStmt:
			op = operator{&n.Tok, n.TokPos}
		case *ast.IncDecStmt:
			op = operator{&n.Tok, n.TokPos}
		case *ast.UnaryExpr:
			op = operator{&n.Op, n.OpPos}
		default:
			return true
		}
		if p := fset.Position(op.pos); p.Line == line && p.Column == col {
			found = &op
			return false
		}
		return true
	})
	return found
}

// inCaseExpr reports whether pos is inside the expression of a case clause.
func inCaseExpr(fset *token.FileSet, file *ast.File, pos token.Pos) bool {
	in := false
	ast.Inspect(file, func(n ast.Node) bool {
		if cc, ok := n.(*ast.CaseClause); ok {
			for _, e := range cc.List {
				if e.Pos() <= pos && pos < e.End() {
					in = true
				}
			}
		}
		return !in
	})
	return in
}

// mutate returns the source of path with m applied: the operator changed and
// the file printed again, as gremlins does.
func mutate(path string, m mutant) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Base(path), src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	op := nodeAt(fset, file, m.Line, m.Column)
	if op == nil || op.tok.String() != m.From {
		return nil, fmt.Errorf("%s:%d:%d: %s is no longer there; run gremlins again", path, m.Line, m.Column, m.From)
	}
	*op.tok = tokens[m.To]
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, fset, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// tokens maps the text of a token back to it.
var tokens = func() map[string]token.Token {
	m := make(map[string]token.Token)
	for t := token.ILLEGAL; t <= token.TILDE; t++ {
		m[t.String()] = t
	}
	return m
}()

// mutations is gremlins' table (internal/engine/mappings.go, v0.6.0).
var mutations = map[string]map[token.Token]token.Token{
	"ARITHMETIC_BASE": {
		token.ADD: token.SUB, token.MUL: token.QUO, token.QUO: token.MUL, token.REM: token.MUL, token.SUB: token.ADD,
	},
	"CONDITIONALS_BOUNDARY": {
		token.GEQ: token.GTR, token.GTR: token.GEQ, token.LEQ: token.LSS, token.LSS: token.LEQ,
	},
	"CONDITIONALS_NEGATION": {
		token.EQL: token.NEQ, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR, token.LSS: token.GEQ, token.NEQ: token.EQL,
	},
	"INCREMENT_DECREMENT": {token.DEC: token.INC, token.INC: token.DEC},
	"INVERT_ASSIGNMENTS": {
		token.ADD_ASSIGN: token.SUB_ASSIGN, token.MUL_ASSIGN: token.QUO_ASSIGN, token.QUO_ASSIGN: token.MUL_ASSIGN,
		token.REM_ASSIGN: token.REM_ASSIGN, token.SUB_ASSIGN: token.ADD_ASSIGN,
	},
	"INVERT_BITWISE": {
		token.AND: token.OR, token.OR: token.AND, token.XOR: token.AND, token.AND_NOT: token.AND, token.SHL: token.SHR, token.SHR: token.SHL,
	},
	"INVERT_BWASSIGN": {
		token.AND_ASSIGN: token.OR_ASSIGN, token.OR_ASSIGN: token.AND_ASSIGN, token.XOR_ASSIGN: token.AND_ASSIGN,
		token.AND_NOT_ASSIGN: token.AND_ASSIGN, token.SHL_ASSIGN: token.SHR_ASSIGN, token.SHR_ASSIGN: token.SHL_ASSIGN,
	},
	"INVERT_LOGICAL":   {token.LAND: token.LOR, token.LOR: token.LAND},
	"INVERT_LOOPCTRL":  {token.BREAK: token.CONTINUE, token.CONTINUE: token.BREAK},
	"INVERT_NEGATIVES": {token.SUB: token.ADD},
	"REMOVE_SELF_ASSIGNMENTS": {
		token.ADD_ASSIGN: token.ASSIGN, token.AND_ASSIGN: token.ASSIGN, token.AND_NOT_ASSIGN: token.ASSIGN,
		token.MUL_ASSIGN: token.ASSIGN, token.OR_ASSIGN: token.ASSIGN, token.QUO_ASSIGN: token.ASSIGN,
		token.REM_ASSIGN: token.ASSIGN, token.SHL_ASSIGN: token.ASSIGN, token.SHR_ASSIGN: token.ASSIGN,
		token.SUB_ASSIGN: token.ASSIGN, token.XOR_ASSIGN: token.ASSIGN,
	},
}
