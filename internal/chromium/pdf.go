package chromium

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// PrintPDF prints the page to PDF as Chromium's print preview would, with
// the page size and margins the page's CSS @page rule gives (Letter when it
// gives none) and backgrounds printed, and returns the PDF file.
func (p *Page) PrintPDF(ctx context.Context) ([]byte, error) {
	var r struct {
		Data []byte `json:"data"` // base64 in JSON
	}
	params := map[string]any{"preferCSSPageSize": true, "printBackground": true}
	if err := p.call(ctx, "Page.printToPDF", params, &r); err != nil {
		return nil, fmt.Errorf("chromium: printing to PDF: %w", err)
	}
	if !bytes.HasPrefix(r.Data, []byte("%PDF-")) {
		return nil, fmt.Errorf("chromium: printing to PDF: the browser returned %d bytes that are not a PDF", len(r.Data))
	}
	return r.Data, nil
}

// PDFLayout is what poppler's pdfinfo says about a PDF's pages.
type PDFLayout struct {
	Pages int // the number of pages
	// Width and Height are the size of the first page in PostScript points
	// (1/72 inch), rounded to the nearest point. Chromium 156 prints A4 as
	// 594.96 × 841.92 pt, that is 595 × 842.
	Width, Height int
	// Paper is the name pdfinfo gives that size, such as "A4" or "letter",
	// within its tolerance; "" if none.
	Paper string
}

// PDFInfo runs poppler's pdfinfo on pdf and reports its pages.
func PDFInfo(ctx context.Context, pdf []byte) (PDFLayout, error) {
	out, err := poppler(ctx, pdf, "pdfinfo")
	if err != nil {
		return PDFLayout{}, err
	}
	l, err := parsePDFInfo(out)
	if err != nil {
		return PDFLayout{}, fmt.Errorf("chromium: pdfinfo: %w", err)
	}
	return l, nil
}

// PDFText runs poppler's pdftotext on pdf, keeping the layout (-layout), and
// returns the text as UTF-8, pages separated by form feeds.
func PDFText(ctx context.Context, pdf []byte) (string, error) {
	out, err := poppler(ctx, pdf, "pdftotext", "-layout", "-enc", "UTF-8")
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// poppler runs tool with args, then a temporary copy of pdf, then "-" for
// the tools that write to a file, and returns its standard output.
func poppler(ctx context.Context, pdf []byte, tool string, args ...string) ([]byte, error) {
	f, err := os.CreateTemp("", "kiemphieu-*.pdf")
	if err != nil {
		return nil, fmt.Errorf("chromium: %s: %w", tool, err)
	}
	defer os.Remove(f.Name())
	_, err = f.Write(pdf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("chromium: %s: writing the PDF: %w", tool, err)
	}
	args = append(args, f.Name())
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	cmd := exec.CommandContext(ctx, tool, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("chromium: %s: %w: %s", tool, err, clip(strings.TrimSpace(stderr.String()), 500))
	}
	return out, nil
}

// parsePDFInfo reads the Pages and Page size lines of pdfinfo's output:
//
//	Pages:           1
//	Page size:       595.92 x 842.88 pts (A4)
func parsePDFInfo(out []byte) (PDFLayout, error) {
	var l PDFLayout
	var havePages, haveSize bool
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch name {
		case "Pages":
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 {
				return PDFLayout{}, fmt.Errorf("bad page count %q", value)
			}
			l.Pages, havePages = n, true
		case "Page size":
			w, h, paper, err := parsePageSize(value)
			if err != nil {
				return PDFLayout{}, err
			}
			l.Width, l.Height, l.Paper, haveSize = w, h, paper, true
		}
	}
	if err := sc.Err(); err != nil {
		return PDFLayout{}, err
	}
	if !havePages {
		return PDFLayout{}, fmt.Errorf("no page count in %q", clip(string(out), 500))
	}
	if !haveSize && l.Pages > 0 {
		return PDFLayout{}, fmt.Errorf("no page size in %q", clip(string(out), 500))
	}
	return l, nil
}

// parsePageSize reads "595.92 x 842.88 pts (A4)"; the paper name is
// optional.
func parsePageSize(s string) (w, h int, paper string, err error) {
	f := strings.Fields(s)
	if len(f) < 4 || f[1] != "x" || f[3] != "pts" {
		return 0, 0, "", fmt.Errorf("bad page size %q", s)
	}
	if w, err = roundPoints(f[0]); err == nil {
		h, err = roundPoints(f[2])
	}
	if err != nil {
		return 0, 0, "", fmt.Errorf("bad page size %q: %w", s, err)
	}
	if rest := strings.Join(f[4:], " "); rest != "" {
		name, open := strings.CutPrefix(rest, "(")
		name, closed := strings.CutSuffix(name, ")")
		if !open || !closed || name == "" {
			return 0, 0, "", fmt.Errorf("bad page size %q", s)
		}
		paper = name
	}
	return w, h, paper, nil
}

// roundPoints rounds a decimal such as "842.88" to the nearest whole
// number, halves up, without going through a float.
func roundPoints(s string) (int, error) {
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil || n < 0 || len(whole) > 9 {
		return 0, fmt.Errorf("bad length %q", s)
	}
	for _, c := range frac {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad length %q", s)
		}
	}
	if frac != "" && frac[0] >= '5' {
		n++
	}
	return n, nil
}
