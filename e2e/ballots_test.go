package e2e

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

// A4Papers is the sheet of the ballot papers: 10 mm margins all round, and
// no page number.
var A4Papers = Sheet{Width: 210, Height: 297, Top: 10, Right: 10, Bottom: 10, Left: 10, Unprintable: 5}

// sampleCongress is the sample congress document, as the count reads it.
func sampleCongress(t *testing.T, path string) ballot.Congress {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ballot.ParseCongress(data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// paperRound is one round's paper of a congress document.
type paperRound struct {
	contest ballot.ContestID
	k       int
	paper   ballot.Paper
}

func paperRounds(c ballot.Congress) []paperRound {
	var out []paperRound
	for _, ct := range c.Contests {
		if len(ct.Rounds) == 0 {
			out = append(out, paperRound{ct.ID, 0, ct.Paper})
		}
		for k, rd := range ct.Rounds {
			out = append(out, paperRound{ct.ID, k, rd.Paper})
		}
	}
	return out
}

var (
	paperTitle = regexp.MustCompile(`PHIẾU BẦU CỬ`)
	// A name's line: its number, then the name; in the cross-out form
	// "1. Nguyễn Văn Hùng", in the table "1 Nguyễn Văn Hùng".
	nameLine = regexp.MustCompile(`^\s*(\d+)\.?\s+(\S.*?)\s*$`)
)

// TestBallotPapers prints the papers of every round of the sample congress
// and of a chi bộ (the three forms: cross-out, agree on several rows, one
// candidate), reads each paper back with pdftotext, and checks that its
// names are the round's list, in order.
func TestBallotPapers(t *testing.T) {
	t.Parallel()
	RequirePoppler(t)
	browser := Browser(t)
	for _, doc := range []string{"../examples/congress/sample.json", "../examples/tour/chibo.json"} {
		c := sampleCongress(t, doc)
		names := make(map[ballot.CandidateID]string)
		for _, cand := range c.Candidates {
			names[cand.ID] = cand.Name
		}
		for _, pr := range paperRounds(c) {
			t.Run(fmt.Sprintf("%s/%s/%d", c.Name, pr.contest, pr.k+1), func(t *testing.T) {
				var html bytes.Buffer
				if err := report.BallotPapersHTML(&html, c, pr.contest, pr.k, 0, report.Options{Organisation: "Đảng bộ phường Hòa An"}); err != nil {
					t.Fatal(err)
				}
				pdf := printHTML(t, browser, html.Bytes())
				out, err := poppler(t.Context(), pdf, "pdftotext", "-raw", "-enc", "UTF-8", "-", "-")
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				for _, id := range pr.paper.Candidates {
					want = append(want, names[id])
				}
				papers := paperTitle.Split(string(out), -1)[1:]
				if len(papers) < 1 {
					t.Fatalf("no paper in the PDF:\n%s", out)
				}
				for i, p := range papers {
					var got []string
					for _, line := range strings.Split(p, "\n") {
						if m := nameLine.FindStringSubmatch(line); m != nil && m[1] == fmt.Sprint(len(got)+1) {
							got = append(got, m[2])
						}
					}
					if strings.Join(got, "|") != strings.Join(want, "|") {
						t.Errorf("paper %d of %d: names\n%q\nwant\n%q", i+1, len(papers), got, want)
					}
				}
			})
		}
	}
}
