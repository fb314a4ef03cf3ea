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
