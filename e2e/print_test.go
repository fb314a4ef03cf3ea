package e2e

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

var (
	update   = flag.Bool("update", false, "rewrite the golden files")
	pictures = flag.String("pictures", "", "write a PNG of every printed page and screen to this directory, to look at")
)

// dpi is the resolution the printed pages are checked at: a tenth of a
// millimetre is a quarter of a pixel, so a cut accent (half a millimetre)
// shows.
const dpi = 150

// printed is one printed paper of the sample congress.
type printed struct {
	name   string
	html   func() ([]byte, error)
	sheet  Sheet
	tables []Table
	// unnumbered: a ballot paper carries no page number, nor any mark
	// that could tell one from another.
	unnumbered bool
	readme     string // the name of its first page's screenshot in the README, if any
}

var (
	standingsVI = Table{Name: "votes", Header: regexp.MustCompile(`TT\s+Họ và tên\s+Số phiếu`), Row: regexp.MustCompile(`^\s*\d+\s+\S.*\s\d+\s+\d+,\d\d %`)}
	standingsEN = Table{Name: "votes", Header: regexp.MustCompile(`No\.\s+Name\s+Votes`), Row: regexp.MustCompile(`^\s*\d+\s+\S.*\s\d+\s+\d+\.\d\d%`)}
	verdictVI   = Table{Name: "list check", Header: regexp.MustCompile(`Kết quả\s+Nội dung\s+Căn cứ`), Row: regexp.MustCompile(`^\s*(Đạt|Lưu ý|Không đạt)\s{2,}`)}
)

// sampleOptions are the sample's organisation, place and date, as a board
// would give them.
func sampleOptions(l ballot.Lang) report.Options {
	return report.Options{Lang: l, Organisation: "Đảng bộ phường Hòa An", Place: "Hòa An",
		Date: time.Date(2025, time.July, 15, 0, 0, 0, 0, time.UTC)}
}

// printedPapers are every paper the sample congress prints.
func printedPapers(t *testing.T) []printed {
	r := sample(t)
	var out []printed
	for _, l := range []ballot.Lang{ballot.Vietnamese, ballot.English} {
		opt := sampleOptions(l)
		tb := standingsVI
		if l == ballot.English {
			tb = standingsEN
		}
		out = append(out, printed{name: "minutes-" + l.String(), sheet: A4Minutes, tables: []Table{tb}, html: func() ([]byte, error) {
			var b bytes.Buffer
			err := report.CongressHTML(&b, r, opt)
			return b.Bytes(), err
		}})
	}
	out = append(out, printed{name: "minutes-blank", sheet: A4Minutes, tables: []Table{standingsVI}, html: func() ([]byte, error) {
		// No organisation, place or date: dotted lines to write them by hand.
		var b bytes.Buffer
		err := report.MinutesHTML(&b, r, 0, 0, report.Options{})
		return b.Bytes(), err
	}})
	out = append(out, printed{name: "verdict", sheet: A4Minutes, tables: []Table{verdictVI}, html: func() ([]byte, error) {
		var b bytes.Buffer
		err := report.VerdictHTML(&b, *r.Lists, report.Names(r), sampleOptions(ballot.Vietnamese))
		return b.Bytes(), err
	}})
	out = append(out, printed{name: "summary", sheet: A4Minutes, html: func() ([]byte, error) {
		a := aggregate.New(aggregate.Options{Due: 3})
		a.Add(r)
		a.Add(chiBo(t))
		var b bytes.Buffer
		err := report.SummaryHTML(&b, a.Summary(), sampleOptions(ballot.Vietnamese))
		return b.Bytes(), err
	}})
	chi := chiBo(t)
	out = append(out, printed{name: "chibo", sheet: A4Minutes, readme: "minutes.png", tables: []Table{standingsVI}, html: func() ([]byte, error) {
		var b bytes.Buffer
		err := report.MinutesHTML(&b, chi, 0, 0, report.Options{Organisation: "Chi bộ Khu phố 3"})
		return b.Bytes(), err
	}})
	doc := sampleCongress(t, "../examples/congress/sample.json")
	for _, pr := range []struct {
		contest ballot.ContestID
		k       int
	}{{"bch", 0}, {"bch", 1}, {"pho-bi-thu", 0}, {"bi-thu", 0}} {
		readme := ""
		if pr.contest == "pho-bi-thu" {
			readme = "ballot-papers.png"
		}
		out = append(out, printed{name: fmt.Sprintf("papers-%s-%d", pr.contest, pr.k+1), sheet: A4Papers, unnumbered: true, readme: readme,
			html: func() ([]byte, error) {
				var b bytes.Buffer
				err := report.BallotPapersHTML(&b, doc, pr.contest, pr.k, 0, report.Options{Organisation: "Đảng bộ phường Hòa An"})
				return b.Bytes(), err
			}})
	}
	return out
}

// chiBo counts the tour's chi bộ: four names for the three seats of its
// chi ủy.
func chiBo(t *testing.T) tally.Result {
	t.Helper()
	data, err := os.ReadFile("../examples/tour/chibo.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ballot.ParseCongress(data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tally.Count(c, tally.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// printHTML prints a page to PDF in a new tab.
func printHTML(t *testing.T, browser context.Context, html []byte) []byte {
	t.Helper()
	url, fetched := servePage(t, html)
	ctx := Tab(t, browser, 90*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	pdf, err := PrintPDF(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if f := fetched(); len(f) > 0 {
		t.Errorf("the page fetched %v", f)
	}
	return pdf
}

// savePNG writes an image under the -pictures directory.
func savePNG(t *testing.T, name string, img image.Image) {
	t.Helper()
	if *pictures == "" {
		return
	}
	if err := os.MkdirAll(*pictures, 0o755); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*pictures, name), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPrint prints every paper of the sample congress in Chromium,
// rasterises each page with pdftoppm, and checks it as a board would before
// signing: A4, nothing printed where a printer cannot reach or in the
// margins, no glyph cut at the top or bottom of a page, "Trang X/Y" on every
// page, every table's header above its rows on every page. The number of
// pages of each is a golden figure (testdata/pages.txt).
func TestPrint(t *testing.T) {
	t.Parallel()
	RequirePoppler(t)
	browser := Browser(t)
	papers := printedPapers(t)
	var mu sync.Mutex
	pages := make(map[string]int)
	// The papers print in parallel, each in its own tab: most of the time
	// is spent waiting for Chromium and poppler.
	t.Run("papers", func(t *testing.T) {
		for _, p := range papers {
			t.Run(p.name, func(t *testing.T) {
				t.Parallel()
				html, err := p.html()
				if err != nil {
					t.Fatal(err)
				}
				pdf := printHTML(t, browser, html)
				ctx := t.Context()
				info, err := PDFInfo(ctx, pdf)
				if err != nil {
					t.Fatal(err)
				}
				if info.Paper != "A4" {
					t.Errorf("%d×%d pt (%q), want A4", info.Width, info.Height, info.Paper)
				}
				mu.Lock()
				pages[p.name] = info.Pages
				mu.Unlock()
				texts, err := PDFPages(ctx, pdf)
				if err != nil {
					t.Fatal(err)
				}
				if len(texts) != info.Pages {
					t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(texts), info.Pages)
				}
				if p.unnumbered {
					for i, text := range texts {
						if pageNumber.MatchString(text) {
							t.Errorf("page %d: a page number on a ballot paper", i+1)
						}
					}
				} else {
					for _, e := range PageNumberProblems(texts) {
						t.Error(e)
					}
				}
				for _, e := range HeaderProblems(texts, p.tables) {
					t.Error(e)
				}
				imgs, err := Rasterise(ctx, pdf, dpi)
				if err != nil {
					t.Fatal(err)
				}
				for i, img := range imgs {
					for _, e := range p.sheet.InkProblems(img, dpi) {
						t.Errorf("page %d: %s", i+1, e)
					}
					savePNG(t, fmt.Sprintf("%s-%d.png", p.name, i+1), img)
					if i == 0 && p.readme != "" {
						saveReadme(t, p.readme, img)
					}
				}
			})
		}
	})
	if len(pages) == len(papers) { // not under -run TestPrint/papers/one
		var counts strings.Builder
		for _, p := range papers {
			fmt.Fprintf(&counts, "%s %d\n", p.name, pages[p.name])
		}
		golden(t, "pages.txt", []byte(counts.String()))
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: got\n%s\nwant\n%s(run go test -run %s -update and review the diff)", path, got, want, t.Name())
	}
}
