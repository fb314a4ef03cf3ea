package e2e

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

// sample counts the main job's sample congress (a ward's delegates'
// congress with a tie, a run-off, delegates and a committee meeting), with
// the list checks of the current regime and the CT 35 targets, as
// tally/report's own tests do.
func sample(t testing.TB) tally.Result {
	t.Helper()
	data, err := os.ReadFile("../examples/congress/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ballot.ParseCongress(data)
	if err != nil {
		t.Fatal(err)
	}
	c.CountingBoard = []string{"Nguyễn Thị Hạnh", "Trần Văn Lực", "Lê Thị Mơ"}
	g := rules.QD190()
	g.Quotas = rules.CT35Quotas()
	r, err := tally.Count(c, tally.Options{Regime: &g, CheckLists: true})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// servePage serves one HTML page at / from a server that answers nothing
// else, and returns its URL and a function listing what else the page
// tried to fetch.
func servePage(t *testing.T, html []byte) (string, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var fetched []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/" {
			mu.Lock()
			fetched = append(fetched, req.URL.Path)
			mu.Unlock()
			http.NotFound(w, req)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(html)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/", func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), fetched...)
	}
}

// TestPrintedPDF opens the printable minutes of the sample congress in
// headless Chromium, prints them, and checks the PDF: A4 pages, at least one
// per minutes, holding the figures of the first round, and nothing fetched.
func TestPrintedPDF(t *testing.T) {
	RequirePoppler(t)
	browser := Browser(t)
	r := sample(t)
	for _, tt := range []struct {
		lang  ballot.Lang
		texts []string
	}{
		// Nguyễn Văn Hùng: 140 of D = 147 → 95,23 % truncated; the tie at 96
		// votes (65,30 %); 145 valid of 147.
		{ballot.Vietnamese, []string{"BIÊN BẢN KIỂM PHIẾU", "Nguyễn Văn Hùng", "95,23 %", "65,30 %", "147", "145", "Lương Thị Yến"}},
		{ballot.English, []string{"COUNTING MINUTES", "Nguyễn Văn Hùng", "95.23%", "65.30%"}},
	} {
		var page bytes.Buffer
		if err := report.CongressHTML(&page, r, report.Options{Lang: tt.lang}); err != nil {
			t.Fatal(err)
		}
		url, fetched := servePage(t, page.Bytes())
		ctx := Tab(t, browser, 60*time.Second)
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
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
		rounds := 0
		for _, ct := range r.Contests {
			rounds += len(ct.Rounds)
		}
		if info.Paper != "A4" || info.Width != 595 || info.Height != 842 || info.Pages < rounds+1 {
			t.Errorf("%v: %d pages of %d×%d pt (%q); want A4 and at least %d pages", tt.lang, info.Pages, info.Width, info.Height, info.Paper, rounds+1)
		}
		pages, err := PDFPages(ctx, pdf)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(pages, "\f")
		for _, want := range tt.texts {
			if !strings.Contains(text, want) {
				t.Errorf("%v: the PDF lacks %q", tt.lang, want)
			}
		}
		if f := fetched(); len(f) > 0 {
			t.Errorf("the page fetched %v", f)
		}
	}
}
