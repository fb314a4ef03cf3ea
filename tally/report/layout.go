package report

import (
	"bufio"
	"fmt"
	"strings"
	"time"
)

// heading is the top of every printed paper, in the layout of the Party's
// documents: the organisation and the body issuing the paper at the left,
// above a star; the Party's name at the right, underlined, above the place
// and date.
type heading struct {
	Org       string // the organisation, e.g. "ĐẢNG BỘ PHƯỜNG HÒA AN"; dots to fill by hand when not given
	Body      string // "BAN KIỂM PHIẾU"
	Party     string // "ĐẢNG CỘNG SẢN VIỆT NAM"
	PlaceDate string // "Hòa An, ngày 15 tháng 7 năm 2025"
	PageWord  string // "Trang" or "Page", for the page number of every printed page
}

// blankOrg and blankPlace are the dotted lines left for the board to write
// the organisation and the place by hand.
const (
	blankOrg   = "……………………………………"
	blankPlace = "……………"
)

// headingOf builds the heading of a paper issued by body.
func headingOf(body string, opt Options) heading {
	l := lang(opt.Lang)
	h := heading{
		Org:      strings.ToUpper(strings.TrimSpace(opt.Organisation)),
		Body:     body,
		Party:    l.t("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
		PageWord: l.t("Trang", "Page"),
	}
	if h.Org == "" {
		h.Org = blankOrg
	}
	h.PlaceDate = placeDate(opt)
	return h
}

// placeDate is the place-and-date line. Days under 10 and the months
// January and February take a leading zero, as in the Party's documents
// (ngày 05 tháng 02 năm 2025), so that no figure can be added by hand.
func placeDate(opt Options) string {
	l := lang(opt.Lang)
	place := strings.TrimSpace(opt.Place)
	if place == "" {
		place = blankPlace
	}
	if opt.Date.IsZero() {
		return l.f("%s, ngày …… tháng …… năm 20……", "%s, on the …… day of …………, 20……", place)
	}
	d := opt.Date
	if l.t("vi", "en") == "vi" {
		month := fmt.Sprint(int(d.Month()))
		if d.Month() <= time.February {
			month = "0" + month
		}
		return fmt.Sprintf("%s, ngày %02d tháng %s năm %d", place, d.Day(), month, d.Year())
	}
	return fmt.Sprintf("%s, %d %s %d", place, d.Day(), d.Month(), d.Year())
}

// writeHeadingText writes the heading in two columns of half the width,
// each line centred in its column: the organisation, the body and a star at
// the left; the Party's name, underlined, and the place and date at the
// right.
func writeHeadingText(w *bufio.Writer, h heading) {
	rule := strings.Repeat("-", runes(h.Party))
	left := []string{h.Org, h.Body, "*"}
	right := []string{h.Party, rule, h.PlaceDate}
	for i := range left {
		l := padRight(center40(left[i]), Width/2)
		fmt.Fprintln(w, strings.TrimRight(l+center40(right[i]), " "))
	}
}

// PageLines is the number of lines of a printed page of the text reports:
// A4 at 6 lines to the inch is 70 lines, less the printer's margins. The
// last two lines of every page are a blank line and the page number.
const PageLines = 64

// textDoc is a text paper before it is cut into pages: its lines, the lines
// of its table's header (repeated at the top of a page that continues the
// table), and the line from which the end of the paper — the last figures,
// the closing words and the signatures — is kept on one page.
type textDoc struct {
	lines    []string
	head     []string // the table header; its last line is the rule under it
	tailFrom int      // -1: no tail to keep together
	pageWord string
}

// writePaged writes a text paper cut into pages of PageLines lines, each
// ending with "Trang X/Y" and a form feed but the last. Paragraphs (runs of
// lines between blank lines) are not split when they fit a page; a heading
// stays with its paragraph, being part of it; a table runs on over a page
// break under its repeated header; the tail stays together.
func writePaged(w *bufio.Writer, d textDoc) {
	body := PageLines - 2
	// Paragraphs, as line ranges.
	type para struct{ from, to int }
	var paras []para
	for i := 0; i < len(d.lines); {
		if d.lines[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(d.lines) && d.lines[j] != "" {
			j++
		}
		paras = append(paras, para{i, j})
		i = j
	}
	// The tail is one paragraph, when it fits a page.
	if d.tailFrom >= 0 {
		for k, p := range paras {
			if p.to > d.tailFrom {
				if d.tailFrom <= p.from && len(d.lines)-p.from <= body {
					paras = append(paras[:k], para{p.from, len(d.lines)})
				}
				break
			}
		}
	}
	var pages [][]string
	var cur []string
	inTable := false
	flush := func() {
		pages = append(pages, cur)
		cur = nil
	}
	for _, p := range paras {
		lines := d.lines[p.from:p.to]
		gap := 0
		if len(cur) > 0 {
			gap = 1
		}
		if len(cur)+gap+len(lines) > body && len(lines) <= body && len(cur) > 0 {
			flush()
			gap = 0
		}
		switch {
		case gap > 0 && len(cur)+1 >= body:
			flush() // no blank line at the foot of a page, nor at its top
		case gap > 0:
			cur = append(cur, "")
		}
		for _, ln := range lines {
			if len(cur) >= body {
				flush()
				if inTable {
					cur = append(cur, d.head...)
				}
			}
			cur = append(cur, ln)
			switch {
			case len(d.head) > 0 && ln == d.head[len(d.head)-1] && !inTable:
				inTable = true
			case inTable && ln == d.head[len(d.head)-1]:
				inTable = false // the rule closing the table
			}
		}
	}
	if len(cur) > 0 || len(pages) == 0 {
		flush()
	}
	for i, pg := range pages {
		if i > 0 {
			w.WriteString("\f")
		}
		for _, ln := range pg {
			w.WriteString(ln)
			w.WriteString("\n")
		}
		for range body - len(pg) {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "\n%s\n", center(fmt.Sprintf("%s %d/%d", d.pageWord, i+1, len(pages))))
	}
}

// paged renders a paper with write, then writes it cut into pages; head
// and tail, when not empty, are the first line of the table's header and
// the first line of the tail.
func paged(w *bufio.Writer, h heading, head []string, tail string, write func(*bufio.Writer)) {
	var b strings.Builder
	bw := bufio.NewWriter(&b)
	write(bw)
	bw.Flush()
	d := textDoc{lines: strings.Split(strings.TrimRight(b.String(), "\n"), "\n"), head: head, tailFrom: -1, pageWord: h.PageWord}
	if tail != "" {
		for i, ln := range d.lines {
			if strings.HasPrefix(ln, tail) {
				d.tailFrom = i
			}
		}
	}
	writePaged(w, d)
}
