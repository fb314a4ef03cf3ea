package report_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/chromium"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

// TestPrintedPDF opens the printable minutes of the sample congress in
// headless Chromium, prints them, and checks the PDF: A4 pages, at least one
// per minutes, holding the figures of the first round.
func TestPrintedPDF(t *testing.T) {
	chromium.RequirePoppler(t)
	browser := chromium.ForTest(t)
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
		// Served from a local server that answers nothing else: any fetch
		// the page tried would show in the log as a 404.
		var fetched []string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if req.URL.Path != "/" {
				fetched = append(fetched, req.URL.Path)
				http.NotFound(w, req)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page.Bytes())
		}))
		ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
		p, err := browser.NewPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Navigate(ctx, srv.URL+"/"); err != nil {
			t.Fatal(err)
		}
		pdf, err := p.PrintPDF(ctx)
		if err != nil {
			t.Fatal(err)
		}
		info, err := chromium.PDFInfo(ctx, pdf)
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
		text, err := chromium.PDFText(ctx, pdf)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range tt.texts {
			if !strings.Contains(text, want) {
				t.Errorf("%v: the PDF lacks %q", tt.lang, want)
			}
		}
		if len(fetched) > 0 {
			t.Errorf("the page fetched %v", fetched)
		}
		p.Close(ctx)
		cancel()
		srv.Close()
	}
}
