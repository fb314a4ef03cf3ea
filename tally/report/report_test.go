package report_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample counts the main job's sample congress (a ward's delegates'
// congress with a tie, a run-off, delegates and a committee meeting), with
// the list checks of the current regime and the CT 35 targets.
func sample(t testing.TB) tally.Result {
	t.Helper()
	data, err := os.ReadFile("../../examples/congress/sample.json")
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
		t.Fatalf("%v (run go test ./tally/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./tally/report -update and review the diff", path)
	}
}

// TestGolden renders the whole sample congress — list verdict and the
// minutes of every round — as text and HTML, in Vietnamese and English.
func TestGolden(t *testing.T) {
	r := sample(t)
	for _, tt := range []struct {
		name string
		opt  report.Options
	}{
		{"vi", report.Options{}},
		{"en", report.Options{Lang: ballot.English}},
	} {
		var txt, html bytes.Buffer
		if err := report.CongressText(&txt, r, tt.opt); err != nil {
			t.Fatal(err)
		}
		if err := report.CongressHTML(&html, r, tt.opt); err != nil {
			t.Fatal(err)
		}
		golden(t, "congress-"+tt.name+".txt", txt.Bytes())
		golden(t, "congress-"+tt.name+".html", html.Bytes())
	}
}

// TestTextWidth checks that no line of a text report is wider than the
// printer.
func TestTextWidth(t *testing.T) {
	r := sample(t)
	for _, l := range []ballot.Lang{ballot.Vietnamese, ballot.English} {
		var b bytes.Buffer
		if err := report.CongressText(&b, r, report.Options{Lang: l}); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(b.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > report.Width {
				t.Errorf("%v line %d is %d columns: %q", l, i+1, n, line)
			}
		}
	}
}

// TestRounding checks that the caller's percentage mode reaches the printed
// minutes, with the decimal comma in Vietnamese: 140/147 = 95,238…%.
func TestRounding(t *testing.T) {
	r := sample(t)
	tests := []struct {
		name   string
		opt    report.Options
		want   string
		reason string
	}{
		{"truncate-vi", report.Options{}, "95,23 %", "truncated, decimal comma"},
		{"half-up-vi", report.Options{Rounding: rules.HalfUp}, "95,24 %", "rounded half up"},
		{"half-up-en", report.Options{Lang: ballot.English, Rounding: rules.HalfUp}, "95.24%", "decimal point in English"},
	}
	for _, tt := range tests {
		var txt, html bytes.Buffer
		if err := report.MinutesText(&txt, r, 0, 0, tt.opt); err != nil {
			t.Fatal(err)
		}
		if err := report.MinutesHTML(&html, r, 0, 0, tt.opt); err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{txt.String(), html.String()} {
			if !strings.Contains(out, tt.want) {
				t.Errorf("%s (%s): %q not printed", tt.name, tt.reason, tt.want)
			}
		}
	}
}

// TestSelfContained checks that the HTML page fetches nothing: no external
// URL, script, stylesheet link or image source.
func TestSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := report.CongressHTML(&b, sample(t), report.Options{}); err != nil {
		t.Fatal(err)
	}
	// An empty inline icon keeps the browser from asking for /favicon.ico.
	page := strings.Replace(b.String(), `<link rel="icon" href="data:,">`, "", 1)
	for _, bad := range []string{"<script", "<link", "<img", "src=", "url(", "@import", "http://", "https://"} {
		if bad == "http://" && strings.Count(page, bad) == strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
			continue // the SVG namespace is a name, not a fetch
		}
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	if !strings.Contains(page, "size: A4") || !strings.Contains(page, "<svg") {
		t.Error("no A4 print stylesheet or no inline chart")
	}
}

func TestBadIndex(t *testing.T) {
	r := sample(t)
	var b bytes.Buffer
	if err := report.MinutesText(&b, r, 99, 0, report.Options{}); err == nil {
		t.Error("no error for a contest that does not exist")
	}
	if err := report.MinutesHTML(&b, r, 0, 9, report.Options{}); err == nil {
		t.Error("no error for a round that does not exist")
	}
}

// TestSummaryGolden renders a superior committee's summary of the sample
// congress counted twice, out of three due.
func TestSummaryGolden(t *testing.T) {
	a := aggregate.New(aggregate.Options{Due: 3})
	a.Add(sample(t))
	a.Add(sample(t))
	for _, tt := range []struct {
		name string
		opt  report.Options
	}{
		{"vi", report.Options{}},
		{"en", report.Options{Lang: ballot.English}},
	} {
		var txt, html bytes.Buffer
		if err := report.SummaryText(&txt, a.Summary(), tt.opt); err != nil {
			t.Fatal(err)
		}
		if err := report.SummaryHTML(&html, a.Summary(), tt.opt); err != nil {
			t.Fatal(err)
		}
		golden(t, "summary-"+tt.name+".txt", txt.Bytes())
		golden(t, "summary-"+tt.name+".html", html.Bytes())
		for i, line := range strings.Split(txt.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > report.Width {
				t.Errorf("%s line %d is %d columns", tt.name, i+1, n)
			}
		}
	}
}

// TestTextPages cuts the minutes of a 70-name list into pages: no page
// longer than PageLines, every page numbered "Trang X/Y", and on every page
// the votes table's header above its first row.
func TestTextPages(t *testing.T) {
	const n = 70
	c := ballot.Congress{Name: "Đại hội đại biểu Đảng bộ tỉnh Thử Nghiệm", Level: ballot.LevelProvince,
		Roster: ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 300, Present: 300}}}
	p := ballot.Paper{Seats: 60}
	votes := make([]int, n)
	for i := range n {
		id := ballot.CandidateID(fmt.Sprintf("c%02d", i+1))
		c.Candidates = append(c.Candidates, ballot.Candidate{ID: id, Name: fmt.Sprintf("Nguyễn Thị Phương %02d", i+1)})
		p.Candidates = append(p.Candidates, id)
		votes[i] = 100 + 2*i
	}
	c.Contests = []ballot.Contest{{ID: "bch", Office: ballot.OfficeCommittee, Paper: p,
		Rounds: []ballot.Round{{Paper: p, Issued: 300, Totals: &ballot.Totals{Collected: 300, Valid: 300, Votes: votes}}}}}
	r, err := tally.Count(c, tally.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.MinutesText(&b, r, 0, 0, report.Options{}); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages; want the 70 names to run over at least 3", len(pages))
	}
	row := regexp.MustCompile(`^\s+\d+ Nguyễn Thị Phương \d\d\s+\d+\s+\d+,\d\d %`)
	for i, pg := range pages {
		lines := strings.Split(strings.TrimSuffix(pg, "\n"), "\n")
		if len(lines) != report.PageLines {
			t.Errorf("page %d has %d lines, want %d", i+1, len(lines), report.PageLines)
		}
		if want := fmt.Sprintf("Trang %d/%d", i+1, len(pages)); strings.TrimSpace(lines[len(lines)-1]) != want {
			t.Errorf("page %d ends with %q, want %q", i+1, lines[len(lines)-1], want)
		}
		header := false
		for _, ln := range lines {
			if strings.Contains(ln, "Họ và tên") && strings.Contains(ln, "Số phiếu") {
				header = true
			}
			if row.MatchString(ln) && !header {
				t.Errorf("page %d: the row %q has no header above it", i+1, ln)
				break
			}
		}
	}
}
