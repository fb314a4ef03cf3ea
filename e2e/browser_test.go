package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"
)

// serve serves each page of pages, HTML by path, and /count, a page that
// says how many times it has been loaded.
func serve(t *testing.T, pages map[string]string) *httptest.Server {
	t.Helper()
	var loads atomic.Int64
	mux := http.NewServeMux()
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		})
	}
	mux.HandleFunc("/count", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><script>window.loads = %d</script>`, loads.Add(1))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// TestPage checks what the other tests rely on: Vietnamese text read back
// from a page, a page's exception reported as an error, waiting for a
// condition, and a reload that loads the page again.
func TestPage(t *testing.T) {
	ctx := Tab(t, Browser(t), 60*time.Second)
	s := serve(t, map[string]string{
		"/blank": `<!doctype html><meta charset=utf-8><title>blank</title><p>trống</p>`,
		"/later": `<!doctype html><script>setTimeout(() => { window.ready = true }, 200)</script>`,
	})
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/blank")); err != nil {
		t.Fatal(err)
	}
	text, err := Eval[string](ctx, "document.querySelector('p').textContent")
	if err != nil || text != "trống" {
		t.Errorf("text: got %q, %v; want %q", text, err, "trống")
	}
	type obj struct {
		A int
		B []string
	}
	o, err := Eval[obj](ctx, "Promise.resolve({A: 1, B: ['x', 'y']})")
	if diff := cmp.Diff(obj{1, []string{"x", "y"}}, o); err != nil || diff != "" {
		t.Errorf("object: %v (-want +got):\n%s", err, diff)
	}
	for _, expr := range []string{"throw new Error('boom')", "1 +", "Promise.reject(new RangeError('far'))", "undefined"} {
		if v, err := Eval[int](ctx, expr); err == nil {
			t.Errorf("%s: got %d and no error", expr, v)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/later"), WaitFor("window.ready === true")); err != nil {
		t.Error(err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	err = chromedp.Do(short, WaitFor("window.never === true"))
	cancel()
	if err == nil {
		t.Error("waiting for what never comes: no error")
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/count")); err != nil {
		t.Fatal(err)
	}
	before, err1 := Eval[int](ctx, "window.loads")
	err2 := chromedp.Do(ctx, chromedp.Reload())
	after, err3 := Eval[int](ctx, "window.loads")
	if err1 != nil || err2 != nil || err3 != nil || after != before+1 {
		t.Errorf("loads after reload: got %d after %d (%v, %v, %v); want one more", after, before, err1, err2, err3)
	}
}

// TestKeyboard types into a page as an operator of the counting station
// does: figures, Backspace, the undo shortcut, Tab, and Vietnamese names.
func TestKeyboard(t *testing.T) {
	ctx := Tab(t, Browser(t), 60*time.Second)
	s := serve(t, map[string]string{
		"/keys": `<!doctype html><meta charset=utf-8>
<input id=f><input id=g>
<script>
window.keys = [];
document.addEventListener('keydown', e => keys.push((e.ctrlKey && e.key !== 'Control' ? 'Control+' : '') + e.key));
document.getElementById('f').focus();
</script>`,
		"/entry": `<!doctype html>
<input id=votes autofocus onkeydown="if (event.key === 'Enter') window.saved = this.value">`,
	})
	// Type as soon as a page whose field has autofocus is loaded and the
	// field focused: Chromium focuses it at the first rendering after the
	// load event, and keys sent before go to the page.
	for i := range 3 {
		if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/entry"), WaitFor(`document.activeElement.id === "votes"`),
			chromedp.KeyEvent("1428"+kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if saved, err := Eval[string](ctx, "String(window.saved)"); err != nil || saved != "1428" {
			t.Fatalf("load %d of the autofocus page: saved %q, %v; want 1428", i, saved, err)
		}
	}
	value := func() string {
		v, err := Eval[string](ctx, "document.getElementById('f').value")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/keys"), chromedp.KeyEvent("12,5x"+kb.Backspace)); err != nil {
		t.Fatal(err)
	}
	if got := value(); got != "12,5" {
		t.Errorf("value after Backspace: got %q; want %q", got, "12,5")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	if got := value(); got != "12,5x" {
		t.Errorf("value after Control+z: got %q; want %q", got, "12,5x")
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab+"Nguyễn Văn Đức 7")); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Keys   []string
		Active string
		G      string
	}
	got, err := Eval[state](ctx, "({Keys: keys, Active: document.activeElement.id, G: document.getElementById('g').value})")
	if err != nil {
		t.Fatal(err)
	}
	// The keys of the shortcuts and of what an operator types are named; a
	// letter with a diacritic has no key of its own on the keyboard the
	// browser pretends to have, but reaches the field all the same.
	got.Keys = got.Keys[:min(len(got.Keys), 8)]
	want := state{
		Keys:   []string{"1", "2", ",", "5", "x", "Backspace", "Control+z", "Tab"},
		Active: "g",
		G:      "Nguyễn Văn Đức 7",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}

// TestPrintPDF prints a two-page Vietnamese page and reads it back with
// poppler: A4, two pages, the text with its diacritics.
func TestPrintPDF(t *testing.T) {
	RequirePoppler(t)
	ctx := Tab(t, Browser(t), 60*time.Second)
	s := serve(t, map[string]string{"/minutes": `<!doctype html><meta charset=utf-8>
<style>@page { size: A4; margin: 15mm } .break { break-before: page }</style>
<h1>Biên bản kiểm phiếu</h1>
<p>Tỷ lệ: 14,28 %</p>
<p class=break>Trang hai</p>`})
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/minutes")); err != nil {
		t.Fatal(err)
	}
	pdf, err := PrintPDF(ctx)
	if err != nil {
		t.Fatal(err)
	}
	info, err := PDFInfo(ctx, pdf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(PDFLayout{Pages: 2, Width: 595, Height: 842, Paper: "A4"}, info); diff != "" {
		t.Errorf("layout (-want +got):\n%s", diff)
	}
	pages, err := PDFPages(ctx, pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || !strings.Contains(pages[0], "Biên bản kiểm phiếu") || !strings.Contains(pages[0], "14,28 %") ||
		!strings.Contains(pages[1], "Trang hai") {
		t.Errorf("PDF text by page: %q", pages)
	}
	imgs, err := Rasterise(ctx, pdf, 50)
	if err != nil {
		t.Fatal(err)
	}
	// A4 at 50 dpi: 8.27 × 11.69 in.
	if len(imgs) != 2 || imgs[0].Bounds().Dx() != 414 || imgs[0].Bounds().Dy() != 585 {
		t.Errorf("rasterised: %d pages of %v", len(imgs), imgs[0].Bounds())
	}
	if _, err := PDFInfo(ctx, []byte("%PDF-1.4 garbage")); err == nil {
		t.Error("PDFInfo of a broken PDF: no error")
	}
}

func TestParsePDFInfo(t *testing.T) {
	for _, tc := range []struct {
		name, out string
		want      PDFLayout
		reason    string
	}{
		{"chromium A4", "Title: x\nPages:           2\nEncrypted:       no\nPage size:       594.96 x 841.92 pts (A4)\nPage rot:        0\n",
			PDFLayout{Pages: 2, Width: 595, Height: 842, Paper: "A4"}, "what Chromium 156 prints for @page { size: A4 }"},
		{"letter", "Pages: 1\nPage size: 612 x 792 pts (letter)\n",
			PDFLayout{Pages: 1, Width: 612, Height: 792, Paper: "letter"}, "whole points, no fraction"},
		{"no name", "Pages: 1\nPage size: 282.5 x 282.49 pts\n",
			PDFLayout{Pages: 1, Width: 283, Height: 282}, "halves round up; a size with no paper name"},
		{"no pages", "Pages: 0\n", PDFLayout{}, "an empty document has no page size"},
	} {
		got, err := parsePDFInfo([]byte(tc.out))
		if err != nil {
			t.Errorf("%s (%s): %v", tc.name, tc.reason, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (%s) (-want +got):\n%s", tc.name, tc.reason, diff)
		}
	}
	for _, bad := range []string{"", "Pages: x\n", "Pages: -1\n", "Pages: 1\n", "Pages: 1\nPage size: 1 by 2\n",
		"Pages: 1\nPage size: a x 2 pts\n", "Pages: 1\nPage size: 1 x 2.x pts\n", "Pages: 1\nPage size: 1 x 2 pts A4\n",
		"Pages: 1\nPage size: 1 x 2 pts ()\n"} {
		if got, err := parsePDFInfo([]byte(bad)); err == nil {
			t.Errorf("parsePDFInfo(%q) = %+v; want an error", bad, got)
		}
	}
}

func FuzzParsePDFInfo(f *testing.F) {
	f.Add([]byte("Pages: 2\nPage size: 594.96 x 841.92 pts (A4)\n"))
	f.Add([]byte("Pages: 1\nPage size: 612 x 792 pts\n"))
	f.Fuzz(func(t *testing.T, out []byte) {
		l, err := parsePDFInfo(out)
		if err == nil && (l.Pages < 0 || l.Width < 0 || l.Height < 0) {
			t.Errorf("parsePDFInfo(%q) = %+v", out, l)
		}
	})
}
