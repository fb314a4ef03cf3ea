package chromium

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPrintPDF(t *testing.T) {
	t.Parallel()
	b := ForTest(t)
	RequirePoppler(t)
	s := serve(t, map[string]string{"/minutes": `<!doctype html><meta charset=utf-8>
<style>@page { size: A4; margin: 15mm } .break { break-before: page }</style>
<h1>Biên bản kiểm phiếu</h1>
<p>Tỷ lệ: 14,28 %</p>
<p class=break>Trang hai</p>`})
	ctx := timeout(t, 60*time.Second)
	p := newPage(t, ctx, b)
	if err := p.Navigate(ctx, s.URL+"/minutes"); err != nil {
		t.Fatal(err)
	}
	pdf, err := p.PrintPDF(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	info, err := PDFInfo(ctx, pdf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(PDFLayout{Pages: 2, Width: 595, Height: 842, Paper: "A4"}, info); diff != "" {
		t.Errorf("layout (-want +got):\n%s", diff)
	}
	text, err := PDFText(ctx, pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Biên bản kiểm phiếu", "14,28 %", "Trang hai"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if pages := strings.Count(text, "\f"); pages != 2 {
		t.Errorf("PDF text has %d form feeds; want one after each of 2 pages", pages)
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
