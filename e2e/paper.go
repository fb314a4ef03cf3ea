package e2e

import (
	"fmt"
	"image"
	"regexp"
	"strconv"
	"strings"
)

// Sheet describes the printed sheet the checks hold a page to, in
// millimetres: the paper, the margins of the page's @page rule, the part
// of the paper no office printer can reach, and where the page number sits
// in the bottom margin.
type Sheet struct {
	Width, Height            float64 // the paper: A4 is 210 × 297
	Top, Right, Bottom, Left float64 // the @page margins
	Unprintable              float64 // from every edge
	// Footer is the zone of the bottom margin where the page number is
	// printed: from FooterTop to FooterBottom millimetres above the bottom
	// edge, in the middle FooterWidth of the page.
	FooterTop, FooterBottom, FooterWidth float64
}

// A4Minutes is the sheet of tally/report's printed papers: @page margins
// 15 mm 15 mm 15 mm 20 mm, the number centred in the bottom margin.
var A4Minutes = Sheet{Width: 210, Height: 297, Top: 15, Right: 15, Bottom: 15, Left: 20, Unprintable: 5,
	FooterTop: 12.5, FooterBottom: 5, FooterWidth: 60}

// ink is the grey level under which a pixel is ink.
const ink = 160

// edgeStrip is how far into the page area, from its top and bottom edges,
// only ruled lines may reach: a glyph whose top Chromium cut at the edge of
// the page area (a clipped "Ể" in "KIỂM") leaves its stump there. In mm.
const edgeStrip = 0.6

// ruleMin is the shortest run of ink, in mm, taken for a ruled line (a
// table border) rather than a glyph.
const ruleMin = 12.0

// InkProblems returns what is wrong with the ink of one printed page,
// rendered at dpi: ink where the printer cannot reach, ink in a margin
// (bar the page number's zone), or the stump of a glyph cut at the top or
// bottom edge of the page area. Each problem names the place in mm.
func (s Sheet) InkProblems(img *image.Gray, dpi int) []string {
	px := func(mm float64) int { return int(mm * float64(dpi) / 25.4) }
	mm := func(p int) float64 { return float64(p) * 25.4 / float64(dpi) }
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dark := func(x, y int) bool { return img.GrayAt(b.Min.X+x, b.Min.Y+y).Y < ink }
	var out []string
	report := func(what string, x, y int) {
		if len(out) < 8 {
			out = append(out, fmt.Sprintf("%s at %.1f mm from the left, %.1f mm from the top", what, mm(x), mm(y)))
		}
	}
	// inFooter: the page number's zone.
	inFooter := func(x, y int) bool {
		return y >= h-px(s.FooterTop) && y < h-px(s.FooterBottom) &&
			x >= w/2-px(s.FooterWidth/2) && x < w/2+px(s.FooterWidth/2)
	}
	top, bottom := px(s.Top), h-px(s.Bottom)
	left, right := px(s.Left), w-px(s.Right)
	edge := px(s.Unprintable)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			if !dark(x, y) {
				continue
			}
			switch {
			case x < edge || x >= w-edge || y < edge || y >= h-edge:
				report("ink outside the printable area", x, y)
			case inFooter(x, y):
			case y < top:
				report("ink in the top margin", x, y)
			case y >= bottom:
				report("ink in the bottom margin", x, y)
			case x < left || x >= right:
				report("ink in a side margin", x, y)
			}
		}
	}
	// The strips at the top and bottom edges of the page area: ruled lines
	// only. A ruled line is measured on every pixel darker than paper, as
	// its edges are smoothed into lighter greys.
	strip := px(edgeStrip)
	marked := func(x, y int) bool {
		return x >= 0 && x < w && img.GrayAt(b.Min.X+x, b.Min.Y+y).Y < 230
	}
	// vertical: a column border reaching the edge, ink for 3 mm into the
	// page area.
	vertical := func(x, y int) bool {
		dir := 1
		if y >= bottom-strip {
			dir = -1
		}
		for d := 0; d < px(3); d++ {
			yy := y + dir*d
			if yy < 0 || yy >= h || !(marked(x, yy) || marked(x+1, yy) || marked(x-1, yy)) {
				return false
			}
		}
		return true
	}
	for _, band := range [][2]int{{top, top + strip}, {bottom - strip, bottom}} {
		for y := band[0]; y < band[1]; y++ {
			for x := left; x < right; {
				if !marked(x, y) {
					x++
					continue
				}
				start, hasInk := x, false
				for ; x < right && marked(x, y); x++ {
					hasInk = hasInk || dark(x, y)
				}
				if hasInk && mm(x-start) < ruleMin && !(mm(x-start) <= 0.5 && vertical(start, y)) {
					report("a glyph cut at the edge of the page area", start, y)
				}
			}
		}
	}
	return out
}

var pageNumber = regexp.MustCompile(`(?:Trang|Page) (\d+)/(\d+)`)

// PageNumberProblems checks that every page's text carries its number, "Trang
// X/Y" (or "Page X/Y"), X counting from 1 and Y the number of pages.
func PageNumberProblems(pages []string) []string {
	var out []string
	for i, p := range pages {
		m := pageNumber.FindAllStringSubmatch(p, -1)
		if len(m) != 1 {
			out = append(out, fmt.Sprintf("page %d: %d page numbers, want one", i+1, len(m)))
			continue
		}
		x, _ := strconv.Atoi(m[0][1])
		y, _ := strconv.Atoi(m[0][2])
		if x != i+1 || y != len(pages) {
			out = append(out, fmt.Sprintf("page %d: numbered %d/%d, want %d/%d", i+1, x, y, i+1, len(pages)))
		}
	}
	return out
}

// A Table is how the checks know a table in a page's text: its header row,
// and a pattern that matches the lines of its body rows.
type Table struct {
	Name   string
	Header *regexp.Regexp
	Row    *regexp.Regexp
}

// HeaderProblems checks that on every page, the first body row of each
// table comes after a header row: a table that runs on over a page break
// repeats its header.
func HeaderProblems(pages []string, tables []Table) []string {
	var out []string
	for i, p := range pages {
		for _, tb := range tables {
			for _, line := range strings.Split(p, "\n") {
				if tb.Header.MatchString(line) {
					break
				}
				if tb.Row.MatchString(line) {
					out = append(out, fmt.Sprintf("page %d: a row of the %s table (%q) with no header above it", i+1, tb.Name, strings.TrimSpace(line)))
					break
				}
			}
		}
	}
	return out
}
