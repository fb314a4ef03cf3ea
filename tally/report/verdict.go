package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// verdict is everything the list report prints, in words.
type verdict struct {
	Lang    string
	Head    heading
	Party   string
	Board   string
	Title   string
	Regime  string
	Summary string
	Heads   [3]string
	Rows    []verdictRow
	Worst   string
}

type verdictRow struct {
	Outcome string
	Class   string
	Message string
	Source  string
}

func verdictOf(v rules.Verdict, name func(ballot.CandidateID) string, opt Options) verdict {
	l := lang(opt.Lang)
	pass, warn, fail := v.Counts()
	out := verdict{
		Lang:   ballot.Lang(opt.Lang).String(),
		Party:  l.t("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
		Board:  l.t("BAN TỔ CHỨC", "ORGANISATION COMMITTEE"),
		Title:  l.t("KẾT QUẢ KIỂM TRA DANH SÁCH BẦU CỬ", "CHECK OF THE CANDIDATE LISTS"),
		Regime: l.f("Theo: %s", "Under: %s", v.Regime),
		Summary: l.f("%d quy định được kiểm tra: %d đạt, %d lưu ý, %d không đạt.",
			"%d rules checked: %d pass, %d warnings, %d fail.", len(v.Findings), pass, warn, fail),
		Heads: [3]string{l.t("Kết quả", "Outcome"), l.t("Nội dung", "Finding"), l.t("Căn cứ", "Source")},
	}
	switch {
	case fail > 0:
		out.Worst = l.t("Danh sách chưa đạt yêu cầu: xem các dòng “không đạt”.", "The lists do not meet the requirements: see the lines marked “fail”.")
	case warn > 0:
		out.Worst = l.t("Danh sách đạt yêu cầu; có điểm cần lưu ý.", "The lists meet the requirements, with points to note.")
	default:
		out.Worst = l.t("Danh sách đạt mọi yêu cầu được kiểm tra.", "The lists meet every requirement checked.")
	}
	for _, f := range v.Findings {
		out.Rows = append(out.Rows, verdictRow{Outcome: f.Outcome.Name(opt.Lang), Class: f.Outcome.String(),
			Message: f.Describe(opt.Lang, name), Source: f.Source})
	}
	out.Head = headingOf(out.Board, opt)
	return out
}

// VerdictText writes the organisation committee's list verdict as plain text
// of at most Width columns; name gives people's names (nil prints ids).
func VerdictText(w io.Writer, v rules.Verdict, name func(ballot.CandidateID) string, opt Options) error {
	bw := bufio.NewWriter(w)
	vv := verdictOf(v, name, opt)
	paged(bw, vv.Head, nil, "", func(w *bufio.Writer) { writeVerdictText(w, vv) })
	return bw.Flush()
}

func writeVerdictText(w *bufio.Writer, v verdict) {
	writeHeadingText(w, v.Head)
	w.WriteString("\n")
	fmt.Fprintln(w, center(v.Title))
	for _, s := range wrap(v.Regime, Width) {
		fmt.Fprintln(w, center(s))
	}
	w.WriteString("\n")
	para(w, "", v.Summary)
	para(w, "", v.Worst)
	w.WriteString("\n")
	for _, r := range v.Rows {
		para(w, padRight(r.Outcome, 10)+" ", r.Message)
		para(w, "           ", "["+r.Source+"]")
	}
}

// VerdictHTML writes the list verdict as one self-contained printable HTML
// page.
func VerdictHTML(w io.Writer, v rules.Verdict, name func(ballot.CandidateID) string, opt Options) error {
	vv := verdictOf(v, name, opt)
	return page.ExecuteTemplate(w, "page", pageView{Lang: vv.Lang, Title: vv.Title, Verdict: &vv})
}

// Names returns the full names of a counted congress's people by id, for
// the reports; an unknown id prints as itself.
func Names(r tally.Result) func(ballot.CandidateID) string { return names(r) }
