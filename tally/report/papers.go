package report

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// MaxCopies is the most ballot papers BallotPapersHTML writes at once.
const MaxCopies = 5000

// ballotPaper is everything one printed ballot paper (phiếu bầu) shows.
type ballotPaper struct {
	Org       string
	Congress  string
	Party     string
	Title     string
	Body      string // "Bầu Ban Chấp hành — lần bầu thứ 1"
	Seats     string // "Số lượng cần bầu: 15 người"
	Form      string // "cross-out" or "agree"
	Heads     [4]string
	Names     []string
	Columns   bool // the names in two columns: a long cross-out list
	Wide      bool // the paper takes the sheet's width
	Rule      string
	SealLabel string
}

type papersView struct {
	Lang   string
	Title  string
	Papers []ballotPaper
}

var papersPage = template.Must(template.New("").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).ParseFS(templates, "templates/papers.html"))

// BallotPapersHTML writes the ballot papers (phiếu bầu) of round k (from 0)
// of a contest as one printable HTML page: copies papers, as many to an A4
// sheet as fit, each with a dashed line to cut along. The names are the
// round's paper in the congress document, in its order — the order the
// count reads the ballots in — so the printed paper and the count cannot
// differ.
//
// The form follows the paper (QĐ 190-QĐ/TW Điều 15): a list with surplus
// is crossed out, with the instruction to strike the names not voted for;
// a list without surplus, one candidate included, has the boxes đồng ý and
// không đồng ý on every row. Every paper names the congress, the body and
// the round, the number to elect, and leaves a place for the seal without
// which a paper is invalid. Copies 0 prints one sheet. A round the document
// does not hold (k past its rounds, or k > 0 with no rounds), a contest
// that is not there or a paper with no valid form is an error.
func BallotPapersHTML(w io.Writer, c ballot.Congress, contest ballot.ContestID, k, copies int, opt Options) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if copies < 0 || copies > MaxCopies {
		return fmt.Errorf("report: %d copies; give 0 (one sheet) to %d", copies, MaxCopies)
	}
	var ct *ballot.Contest
	for i := range c.Contests {
		if c.Contests[i].ID == contest {
			ct = &c.Contests[i]
		}
	}
	if ct == nil {
		return fmt.Errorf("report: no contest %q", contest)
	}
	p := ct.Paper
	switch {
	case k < 0 || (k > 0 && k >= len(ct.Rounds)):
		return fmt.Errorf("report: contest %s has no round %d in the document", ct.ID, k+1)
	case k < len(ct.Rounds):
		p = ct.Rounds[k].Paper
	}
	if p.Form() == ballot.FormNone {
		return errors.New("report: the paper has no valid form: fewer names than seats")
	}
	names := make(map[ballot.CandidateID]string, len(c.Candidates))
	for _, cand := range c.Candidates {
		names[cand.ID] = cand.Name
	}
	bp := paperOf(c, *ct, k, p, names, opt)
	if copies == 0 {
		copies = perSheet(bp)
	}
	v := papersView{Lang: lang(opt.Lang).t("vi", "en"), Title: bp.Title + " — " + bp.Body}
	for range copies {
		v.Papers = append(v.Papers, bp)
	}
	return papersPage.ExecuteTemplate(w, "papers", v)
}

func paperOf(c ballot.Congress, ct ballot.Contest, k int, p ballot.Paper, names map[ballot.CandidateID]string, opt Options) ballotPaper {
	l := lang(opt.Lang)
	org := strings.ToUpper(strings.TrimSpace(opt.Organisation))
	bp := ballotPaper{
		Org:       org,
		Congress:  c.Name,
		Party:     l.t("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
		Title:     l.t("PHIẾU BẦU CỬ", "BALLOT PAPER"),
		Body:      l.f("Bầu %s — lần bầu thứ %d", "Election of the %s — round %d", ct.Office.NameAt(c.Level, opt.Lang), k+1),
		Seats:     l.f("Số lượng cần bầu: %d", "To elect: %d", p.Seats),
		Form:      p.Form().String(),
		Heads:     [4]string{l.t("TT", "No."), l.t("Họ và tên", "Name"), l.t("Đồng ý", "Agree"), l.t("Không đồng ý", "Disagree")},
		SealLabel: l.t("Dấu", "Seal"),
	}
	if c.Term != "" {
		bp.Congress += " — " + l.f("nhiệm kỳ %s", "term %s", c.Term)
	}
	for _, id := range p.Candidates {
		bp.Names = append(bp.Names, names[id])
	}
	n := len(p.Candidates)
	switch {
	case p.Form() == ballot.FormCrossOut:
		bp.Rule = l.f("Bầu người nào thì để nguyên họ tên người đó; không bầu người nào thì gạch ngang cả họ tên người đó. Phiếu để lại quá %d tên, hoặc gạch hết tên, là phiếu không hợp lệ.",
			"Leave standing the name of everyone you vote for; strike through the whole name of everyone you do not. A paper leaving more than %d names, or striking every name, is invalid.", p.Seats)
	case n == 1:
		bp.Rule = l.t("Đánh dấu X vào một trong hai ô: “Đồng ý” hoặc “Không đồng ý”. Đánh dấu cả hai ô là phiếu không hợp lệ.",
			"Mark X in one of the two boxes: “Agree” or “Disagree”. Marking both boxes makes the paper invalid.")
	default:
		bp.Rule = l.t("Ở mỗi dòng, đánh dấu X vào một trong hai ô: “Đồng ý” hoặc “Không đồng ý”.",
			"On every row, mark X in one of the two boxes: “Agree” or “Disagree”.")
	}
	longest := 0
	for _, s := range bp.Names {
		longest = max(longest, runes(s))
	}
	bp.Wide = n > 12 || longest > 26
	bp.Columns = bp.Form == "cross-out" && n > 16
	return bp
}

// perSheet is how many papers fill one A4 sheet: two across when narrow,
// as many down as their height allows. The heights, in mm, were measured
// on papers printed by Chromium from the stylesheet (e2e's TestPrint keeps
// each sample sheet to its page count).
func perSheet(bp ballotPaper) int {
	rows := len(bp.Names)
	if bp.Columns {
		rows = (rows + 1) / 2
	}
	height := 64 + 15*rows/2 // the cross-out form: heading, rule and seal, 7.5 mm a name
	if bp.Form != "cross-out" {
		height = 82 + 8*rows // the table of boxes, with its header
	}
	down := max(1, 275/height)
	if bp.Wide {
		return down
	}
	return 2 * down
}
