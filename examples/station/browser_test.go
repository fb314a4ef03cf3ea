package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/kiemphieu/kiemphieu/internal/chromium"
)

// startStation runs the program on addr with the journal at path, as main
// does, and returns its address and a function that stops it.
func startStation(t *testing.T, addr, path string, extra ...string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		var out bytes.Buffer
		done <- run(ctx, &out, append([]string{"-addr", addr, "-journal", path}, extra...), ready)
	}()
	select {
	case a := <-ready:
		return a, func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("the station stopped with %v", err)
			}
		}
	case err := <-done:
		cancel()
		t.Fatalf("the station did not start: %v", err)
	}
	return "", nil
}

// TestBrowser drives the station in headless Chromium from the keyboard:
// ballots entered, one undone, the projector's figures checked as they
// change, then the station restarted and both pages reloaded — nothing lost,
// and entry goes on.
func TestBrowser(t *testing.T) {
	browser := chromium.ForTest(t)
	path := filepath.Join(t.TempDir(), "station.journal")
	addr, stop := startStation(t, "127.0.0.1:0", path, "-new")
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()

	entry, err := browser.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	projector, err := browser.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(entry.Navigate(ctx, "http://"+addr+"/"))
	must(projector.Navigate(ctx, "http://"+addr+"/projector"))

	// The chi ủy paper: 4 names for 3 seats. Each ballot strikes the names
	// typed, then Enter records it.
	ballots := [][]string{{"4"}, {"4"}, {"3"}, {"4"}, {"2"}, {"1", "4"}, {}, {"1", "2", "3", "4"}}
	for i, struck := range ballots {
		for _, n := range struck {
			must(entry.Type(ctx, n))
			must(entry.Press(ctx, "Space"))
		}
		must(entry.Press(ctx, "Enter"))
		if i%2 == 0 {
			// Every other ballot, wait for the count; the others are typed
			// at once, as a fast operator does, while the last is written.
			must(entry.WaitFor(ctx, fmt.Sprintf(`document.getElementById("collected").textContent === "%d"`, i+1)))
		}
	}
	// Undo the last ballot (the one with every name struck), typed at once:
	// the page sends requests in order, so the undo follows the entry.
	must(entry.Press(ctx, "Control+z"))
	// The undo asks to be confirmed.
	must(entry.WaitFor(ctx, `!document.getElementById("confirm").hidden`))
	must(entry.Press(ctx, "y"))
	must(entry.WaitFor(ctx, `document.getElementById("collected").textContent === "7"`))
	must(entry.WaitFor(ctx, `document.querySelector('#entries li[data-seq="8"]').classList.contains("voided")`))

	// Valid, as the names left standing: 123, 123, 124, 123, 134, 23;
	// "1234" keeps too many. c1 5, c2 5, c3 5, c4 2 of 6 valid; D = 10, so
	// 6 votes elect.
	want := []int{5, 5, 5, 2}
	projected := func(p *chromium.Page) []int {
		var votes []int
		must(p.Evaluate(ctx, `Array.from(document.querySelectorAll("#standings td.votes")).map(td => Number(td.textContent))`, &votes))
		return votes
	}
	must(projector.WaitFor(ctx, `document.getElementById("collected").textContent === "7"`))
	if got := projected(projector); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("projector votes %v, want %v", got, want)
	}
	var valid, invalid string
	must(projector.Evaluate(ctx, `document.getElementById("valid").textContent`, &valid))
	must(projector.Evaluate(ctx, `document.getElementById("invalid").textContent`, &invalid))
	if valid != "6" || invalid != "1" {
		t.Errorf("projector: %s valid, %s invalid", valid, invalid)
	}

	// Restart the station on the same address and journal; reload both.
	var headBefore string
	must(entry.Evaluate(ctx, `document.getElementById("head").textContent`, &headBefore))
	stop()
	_, stop = startStation(t, addr, path)
	defer func() { stop() }()
	must(entry.Reload(ctx))
	must(projector.Reload(ctx))
	must(entry.WaitFor(ctx, `document.getElementById("collected").textContent === "7"`))
	var headAfter string
	must(entry.Evaluate(ctx, `document.getElementById("head").textContent`, &headAfter))
	if headAfter != headBefore {
		t.Errorf("the head changed across the restart: %q → %q", headBefore, headAfter)
	}
	must(projector.WaitFor(ctx, `document.getElementById("collected").textContent === "7"`))
	if got := projected(projector); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after the restart, projector votes %v, want %v", got, want)
	}
	// Entry goes on: one more ballot striking c4 reaches the projector live.
	must(entry.Type(ctx, "4"))
	must(entry.Press(ctx, "Space", "Enter"))
	must(projector.WaitFor(ctx, `document.getElementById("collected").textContent === "8"`))
	if got := projected(projector); fmt.Sprint(got) != fmt.Sprint([]int{6, 6, 6, 2}) {
		t.Errorf("after one more ballot, projector votes %v", got)
	}
	var status string
	must(projector.Evaluate(ctx, `document.querySelector('#standings tr[data-no="2"]').className`, &status))
	if status != "elected" {
		t.Errorf("c2 with 6 of D = 10 is %q, want elected", status)
	}
}
