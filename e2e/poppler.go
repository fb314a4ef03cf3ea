package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// RequirePoppler checks that poppler's pdfinfo, pdftotext and pdftoppm are
// on $PATH; without them it skips the test, or fails it if RequireEnv is
// set.
func RequirePoppler(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			Unavailable(t, "no "+tool+": install poppler-utils")
		}
	}
}

// PDFLayout is what pdfinfo says of a PDF's pages: their number, and the
// size of the first in whole points with its paper name ("A4") if any.
type PDFLayout struct {
	Pages         int
	Width, Height int
	Paper         string
}

// PDFInfo runs pdfinfo on a PDF.
func PDFInfo(ctx context.Context, pdf []byte) (PDFLayout, error) {
	out, err := poppler(ctx, pdf, "pdfinfo", "-")
	if err != nil {
		return PDFLayout{}, err
	}
	return parsePDFInfo(out)
}

func parsePDFInfo(out []byte) (PDFLayout, error) {
	var l PDFLayout
	pages, size := "", ""
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch k {
		case "Pages":
			pages = strings.TrimSpace(v)
		case "Page size":
			size = strings.TrimSpace(v)
		}
	}
	n, err := strconv.Atoi(pages)
	if err != nil || n < 0 {
		return l, fmt.Errorf("pdfinfo: pages %q", pages)
	}
	l.Pages = n
	if n == 0 {
		return l, nil
	}
	// "594.96 x 841.92 pts (A4)"
	f := strings.Fields(size)
	if len(f) < 4 || f[1] != "x" || f[3] != "pts" || len(f) > 5 {
		return l, fmt.Errorf("pdfinfo: page size %q", size)
	}
	w, err1 := strconv.ParseFloat(f[0], 64)
	h, err2 := strconv.ParseFloat(f[2], 64)
	if err1 != nil || err2 != nil || w < 0 || h < 0 || w > 1e6 || h > 1e6 {
		return l, fmt.Errorf("pdfinfo: page size %q", size)
	}
	l.Width, l.Height = int(math.Round(w)), int(math.Round(h))
	if len(f) == 5 {
		name := strings.TrimSuffix(strings.TrimPrefix(f[4], "("), ")")
		if name == "" || name == f[4] {
			return l, fmt.Errorf("pdfinfo: page size %q", size)
		}
		l.Paper = name
	}
	return l, nil
}

// PDFPages runs pdftotext -layout on a PDF and returns the text of each
// page.
func PDFPages(ctx context.Context, pdf []byte) ([]string, error) {
	out, err := poppler(ctx, pdf, "pdftotext", "-layout", "-enc", "UTF-8", "-", "-")
	if err != nil {
		return nil, err
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages, nil
}

// Rasterise renders every page of a PDF in grey at dpi dots per inch with
// pdftoppm.
func Rasterise(ctx context.Context, pdf []byte, dpi int) ([]*image.Gray, error) {
	dir, err := os.MkdirTemp("", "kiemphieu-e2e-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "pdftoppm", "-gray", "-png", "-r", strconv.Itoa(dpi), in, filepath.Join(dir, "p"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if err != nil {
		return nil, err
	}
	// p-1.png … p-10.png, or p-01.png …: the numbers have equal width.
	sort.Strings(files)
	var pages []*image.Gray
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		g, ok := img.(*image.Gray)
		if !ok {
			// pdftoppm may write a grey page as RGB PNG.
			g = image.NewGray(img.Bounds())
			draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
		}
		pages = append(pages, g)
	}
	if len(pages) == 0 {
		return nil, errors.New("pdftoppm rendered no page")
	}
	return pages, nil
}

// poppler runs a poppler tool with the PDF on its standard input.
func poppler(ctx context.Context, pdf []byte, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdin = bytes.NewReader(pdf)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %v: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
