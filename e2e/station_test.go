package e2e

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var (
	buildMu  sync.Mutex // one build at a time; tests run in parallel
	buildDir string
)

// program builds one of the example programs (./examples/NAME of the
// library's module) once per test binary and returns its path.
func program(t *testing.T, name string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if buildDir == "" {
		dir, err := os.MkdirTemp("", "kiemphieu-e2e-bin-")
		if err != nil {
			t.Fatal(err)
		}
		buildDir = dir
	}
	bin := filepath.Join(buildDir, name)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	cmd := exec.Command("go", "build", "-o", bin, "./examples/"+name)
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./examples/%s: %v\n%s", name, err, out)
	}
	return bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// startStation runs the station program on addr with the journal at path,
// reads the address it listens on from what it prints, and returns it with a
// function that stops the program as Ctrl+C would.
func startStation(t *testing.T, bin, addr, path string, args ...string) (string, func()) {
	t.Helper()
	args = append([]string{"-addr", addr, "-journal", path}, args...)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		args = append(args, "-new") // a new round; without it the station resumes, or refuses
	}
	cmd := exec.Command(bin, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			// "entry http://127.0.0.1:41213/   projector …"
			if rest, ok := strings.CutPrefix(sc.Text(), "entry http://"); ok {
				a, _, _ := strings.Cut(rest, "/")
				found <- a
			}
		}
		io.Copy(io.Discard, out)
		close(found)
	}()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(os.Interrupt)
		if err := cmd.Wait(); err != nil {
			t.Errorf("the station stopped with %v: %s", err, stderr.String())
		}
	}
	select {
	case a, ok := <-found:
		if !ok {
			stop()
			t.Fatalf("the station did not start: %s", stderr.String())
		}
		return a, stop
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the station did not start in 30 s: %s", stderr.String())
	}
	return "", nil
}

// TestStation drives the station in headless Chromium from the keyboard:
// ballots entered, one undone, the projector's figures checked as they
// change, then the station restarted and both pages reloaded — nothing lost,
// and entry goes on.
func TestStation(t *testing.T) {
	t.Parallel()
	browser := Browser(t)
	bin := program(t, "station")
	path := filepath.Join(t.TempDir(), "station.journal")
	addr, stop := startStation(t, bin, "127.0.0.1:0", path, "-new")
	defer func() { stop() }()
	entry := Tab(t, browser, 90*time.Second)
	projector := Tab(t, browser, 90*time.Second)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(chromedp.Do(entry, chromedp.Navigate("http://"+addr+"/")))
	must(chromedp.Do(projector, chromedp.Navigate("http://"+addr+"/projector")))

	// The chi ủy paper: 4 names for 3 seats. Each ballot strikes the names
	// typed, then Enter records it.
	ballots := [][]string{{"4"}, {"4"}, {"3"}, {"4"}, {"2"}, {"1", "4"}, {}, {"1", "2", "3", "4"}}
	for i, struck := range ballots {
		keys := ""
		for _, n := range struck {
			keys += n + " "
		}
		must(chromedp.Do(entry, chromedp.KeyEvent(keys+kb.Enter)))
		if i%2 == 0 {
			// Every other ballot, wait for the count; the others are typed
			// at once, as a fast operator does, while the last is written.
			must(chromedp.Do(entry, WaitFor(fmt.Sprintf(`document.getElementById("collected").textContent === "%d"`, i+1))))
		}
	}
	// Undo the last ballot (the one with every name struck), typed at once:
	// the page sends requests in order, so the undo follows the entry. The
	// undo asks to be confirmed first.
	must(chromedp.Do(entry, chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		WaitFor(`!document.getElementById("confirm").hidden`),
		chromedp.KeyEvent("y"),
		WaitFor(`document.getElementById("collected").textContent === "7"`),
		WaitFor(`document.querySelector('#entries li[data-seq="8"]').classList.contains("voided")`)))

	// Valid, as the names left standing: 123, 123, 124, 123, 134, 23;
	// "1234" keeps too many. c1 5, c2 5, c3 5, c4 2 of 6 valid; D = 10, so
	// 6 votes elect.
	projected := func() string {
		v, err := Eval[[]int](projector, `Array.from(document.querySelectorAll("#standings td.votes")).map(td => Number(td.textContent))`)
		must(err)
		return fmt.Sprint(v)
	}
	must(chromedp.Do(projector, WaitFor(`document.getElementById("collected").textContent === "7"`)))
	if got := projected(); got != "[5 5 5 2]" {
		t.Fatalf("projector votes %v, want [5 5 5 2]", got)
	}
	counts, err := Eval[[]string](projector, `[document.getElementById("valid").textContent, document.getElementById("invalid").textContent]`)
	must(err)
	if fmt.Sprint(counts) != "[6 1]" {
		t.Errorf("projector: valid and invalid %v, want [6 1]", counts)
	}

	// Restart the station on the same address and journal; reload both.
	headBefore, err := Eval[string](entry, `document.getElementById("head").textContent`)
	must(err)
	stop()
	_, stop = startStation(t, bin, addr, path)
	must(chromedp.Do(entry, chromedp.Reload(), WaitFor(`document.getElementById("collected").textContent === "7"`)))
	headAfter, err := Eval[string](entry, `document.getElementById("head").textContent`)
	must(err)
	if headAfter != headBefore {
		t.Errorf("the head changed across the restart: %q → %q", headBefore, headAfter)
	}
	must(chromedp.Do(projector, chromedp.Reload(), WaitFor(`document.getElementById("collected").textContent === "7"`)))
	if got := projected(); got != "[5 5 5 2]" {
		t.Fatalf("after the restart, projector votes %v, want [5 5 5 2]", got)
	}
	// Entry goes on: one more ballot striking c4 reaches the projector live.
	must(chromedp.Do(entry, chromedp.KeyEvent("4 "+kb.Enter)))
	must(chromedp.Do(projector, WaitFor(`document.getElementById("collected").textContent === "8"`)))
	if got := projected(); got != "[6 6 6 2]" {
		t.Errorf("after one more ballot, projector votes %v", got)
	}
	// Until the round is closed the projector says "counting", whatever
	// the standing; then the result.
	row2 := `document.querySelector('#standings tr[data-no="2"]')`
	status, err := Eval[[]string](projector, `[`+row2+`.className, `+row2+`.dataset.standing]`)
	must(err)
	if fmt.Sprint(status) != "[counting elected]" {
		t.Errorf("c2 with 6 of D = 10 while counting: class and standing %v, want [counting elected]", status)
	}
	code, err := Eval[int](entry, `fetch("/api/close", {method: "POST", body: "{}", headers: {"Content-Type": "application/json",
		"X-Kiemphieu-Token": document.querySelector('meta[name="kiemphieu-token"]').content}}).then(r => r.status)`)
	if err != nil || code != 200 {
		t.Fatalf("closing the round: %d, %v", code, err)
	}
	must(chromedp.Do(projector, WaitFor(row2+`.className === "elected"`)))
}

// TestStationDoubleEntry: two operators enter the same box, one at / and
// one at /2 (as in Kiesraad's Abacus); they differ at the second paper. The
// station shows that one difference by position and will not accept; the
// second operator undoes their entry (confirming the undo) and re-enters it
// in its place; the entries agree, and the result is accepted, closing both
// journals.
func TestStationDoubleEntry(t *testing.T) {
	browser := Browser(t)
	bin := program(t, "station")
	dir := t.TempDir()
	addr, stop := startStation(t, bin, "127.0.0.1:0", filepath.Join(dir, "a.journal"), "-new", "-second", filepath.Join(dir, "b.journal"))
	defer stop()
	first := Tab(t, browser, 90*time.Second)
	second := Tab(t, browser, 90*time.Second)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(chromedp.Do(first, chromedp.Navigate("http://"+addr+"/")))
	must(chromedp.Do(second, chromedp.Navigate("http://"+addr+"/2")))
	must(chromedp.Do(first, chromedp.KeyEvent("4 "+kb.Enter+"3 "+kb.Enter+"1 "+kb.Enter),
		WaitFor(`document.getElementById("collected").textContent === "3"`)))
	// The second operator misreads paper 2: name 2 instead of 3.
	must(chromedp.Do(second, chromedp.KeyEvent("4 "+kb.Enter+"2 "+kb.Enter+"1 "+kb.Enter),
		WaitFor(`document.getElementById("collected").textContent === "3"`)))
	positions := func(tab context.Context) string {
		v, err := Eval[[]string](tab, `Array.from(document.querySelectorAll("#differences tbody tr")).map(tr => tr.dataset.position)`)
		must(err)
		return fmt.Sprint(v)
	}
	must(chromedp.Do(first, WaitFor(`document.querySelectorAll("#differences tbody tr").length === 1`)))
	if got := positions(first); got != "[2]" {
		t.Fatalf("differences at %s, want [2]", got)
	}
	cells, err := Eval[[]string](first, `Array.from(document.querySelectorAll("#differences tbody tr td")).map(td => td.textContent)`)
	must(err)
	if fmt.Sprint(cells) != "[2 gạch tên 3 gạch tên 2]" {
		t.Errorf("the difference reads %q", cells)
	}
	shot(t, second, "double-entry-differ.png")
	disabled, err := Eval[bool](first, `document.getElementById("accept").disabled`)
	must(err)
	if !disabled {
		t.Error("the result can be accepted while the entries differ")
	}
	// The board re-reads paper 2: it strikes name 3. The second operator
	// undoes their entry 2, confirms, and re-enters the paper in its place.
	must(chromedp.Do(second, chromedp.Click(`#entries li[data-seq="2"] button.undo`),
		WaitFor(`!document.getElementById("confirm").hidden`)))
	shot(t, second, "double-entry-confirm.png")
	must(chromedp.Do(second, chromedp.KeyEvent("y"),
		WaitFor(`document.querySelector('#entries li[data-seq="2"]').classList.contains("voided")`),
		WaitFor(`!document.getElementById("replacing").hidden`)))
	shot(t, second, "double-entry-undone.png")
	must(chromedp.Do(second, chromedp.KeyEvent("3 "+kb.Enter),
		WaitFor(`document.querySelector('#entries li[data-seq="4"]') !== null`)))
	must(chromedp.Do(first, WaitFor(`document.querySelectorAll("#differences tbody tr").length === 0`),
		WaitFor(`!document.getElementById("accept").disabled`),
		chromedp.Click(`#accept`),
		WaitFor(`document.getElementById("accept").disabled`)))
	shot(t, first, "double-entry-accepted.png")
	closed, err := Eval[[]bool](first, `Promise.all(["/api/state", "/api/state?j=2"].map(u => fetch(u).then(r => r.json()).then(s => s.closed && s.compare.accepted)))`)
	must(err)
	if fmt.Sprint(closed) != "[true true]" {
		t.Errorf("after accepting, closed and accepted: %v", closed)
	}
	replaces, err := Eval[int](second, `fetch("/api/state?j=2").then(r => r.json()).then(s => s.entries[3].replaces)`)
	must(err)
	if replaces != 2 {
		t.Errorf("the re-entry replaces %d, want 2", replaces)
	}
}

// shot saves a screenshot of the tab to $KIEMPHIEU_SHOTS/name when that is
// set, for people to look at what the test saw.
func shot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	dir := os.Getenv("KIEMPHIEU_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
