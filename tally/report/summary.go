package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
)

// summary is everything the aggregate report prints, in words.
type summary struct {
	Lang    string
	Head    heading
	Party   string
	Board   string
	Title   string
	Lines   []line
	Bodies  []bodyView
	Failed  []line
	FailTit string
}

type bodyView struct {
	Title string
	Lines []line
}

func summaryOf(s aggregate.Summary, opt Options) summary {
	l := lang(opt.Lang)
	share := func(part, whole int) string {
		if whole <= 0 {
			return fmt.Sprint(part)
		}
		return fmt.Sprintf("%d (%s)", part, rules.FormatPercent(rules.Percent(int64(part), int64(whole), Places, opt.Rounding), Places, opt.Lang))
	}
	out := summary{
		Lang:    ballot.Lang(opt.Lang).String(),
		Party:   l.t("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
		Board:   l.t("BÁO CÁO TỔNG HỢP", "SUMMARY REPORT"),
		Title:   l.t("TỔNG HỢP KẾT QUẢ ĐẠI HỘI", "RESULTS OF THE CONGRESSES"),
		FailTit: l.t("Các quy định không đạt (số lần)", "Rules failed (times)"),
	}
	held := fmt.Sprint(s.Held)
	if s.Due > 0 {
		held = fmt.Sprintf("%d/%d (%s)", s.Held, s.Due,
			rules.FormatPercent(rules.Percent(int64(s.Held), int64(s.Due), Places, opt.Rounding), Places, opt.Lang))
	}
	out.Lines = []line{
		{l.t("Số đại hội đã tiến hành", "Congresses held"), held},
		{l.t("Có kết quả kiểm tra danh sách", "With the list check"), fmt.Sprint(s.ListsChecked)},
		{l.t("Danh sách đạt mọi quy định", "Lists meeting every rule"), share(s.ListsOK, s.ListsChecked)},
		{l.t("Số dư đạt quy định", "Surplus within the rules"), share(s.SurplusCompliant, s.ListsChecked)},
		{l.t("Có số liệu kiểm phiếu không đạt", "With a failed check of the count"), share(s.CountsFailed, s.Held)},
		{l.t("Còn chờ quyết định (bầu lại, bầu tiếp, chỉ định)", "Awaiting a decision (run-off, another round, appointment)"), share(s.Awaiting, s.Held)},
	}
	for _, b := range s.Bodies {
		bv := bodyView{Title: l.f("%s — %d cuộc bầu, %d chỗ", "%s — %d contests, %d seats", b.Office.Name(opt.Lang), b.Contests, b.Seats)}
		bv.Lines = []line{{l.t("Đã bầu", "Filled"), share(b.Filled, b.Seats)}}
		// Members who sit with no vote count in the body beside the elected.
		members := b.Filled + b.Designated
		if b.Designated > 0 {
			bv.Lines = append(bv.Lines, line{l.t("Chỉ định, đương nhiên (không bầu)", "Designated or ex officio (no vote)"), fmt.Sprint(b.Designated)})
		}
		if b.Office != ballot.OfficeDelegates && b.Office != ballot.OfficeAlternates {
			// Delegates are chosen anew for each congress: nobody is re-elected.
			bv.Lines = append(bv.Lines,
				line{l.t("Tham gia lần đầu", "First-time members"), share(b.FirstTime, members)},
				line{l.t("Tái cử", "Re-elected"), share(b.Reelected, members)})
		}
		bv.Lines = append(bv.Lines, []line{
			{l.t("Nữ", "Women"), share(b.Women, members)},
			{l.f("Trẻ (dưới %d tuổi)", "Young (under %d)", s.YoungUnder), share(b.Young, members)},
			{l.t("Dân tộc thiểu số", "Ethnic minorities"), share(b.EthnicMinority, members)},
			{l.t("Nhân sự cấp ủy giới thiệu không trúng cử", "Committee's candidates not elected"), share(b.PlannedNotElected, b.Planned)},
			{l.t("Cuộc bầu chưa đủ số lượng", "Contests with seats unfilled"), share(b.Unfilled, b.Contests)},
			{l.t("Cuộc bầu phải bầu nhiều lần", "Contests with further rounds"), share(b.FurtherRounds, b.Contests)},
			{l.t("Lần bầu có bằng phiếu", "Rounds with a tie"), fmt.Sprint(b.Ties)},
		}...)
		if b.TargetsMissed > 0 {
			bv.Lines = append(bv.Lines, line{l.t("Chỉ tiêu cơ cấu chưa đạt", "Structure targets missed"), fmt.Sprint(b.TargetsMissed)})
		}
		if b.SexUnknown > 0 || b.AgeUnknown > 0 {
			bv.Lines = append(bv.Lines, line{l.t("Thiếu giới tính / tuổi", "Sex / age not given"), fmt.Sprintf("%d / %d", b.SexUnknown, b.AgeUnknown)})
		}
		out.Bodies = append(out.Bodies, bv)
	}
	for _, f := range s.Failed {
		out.Failed = append(out.Failed, line{f.Rule.String(), fmt.Sprint(f.Count)})
	}
	out.Head = headingOf(out.Board, opt)
	return out
}

// SummaryText writes a superior committee's summary of many congresses as
// plain text of at most Width columns.
func SummaryText(w io.Writer, s aggregate.Summary, opt Options) error {
	out := bufio.NewWriter(w)
	v := summaryOf(s, opt)
	paged(out, v.Head, nil, "", func(bw *bufio.Writer) { writeSummaryText(bw, v) })
	return out.Flush()
}

func writeSummaryText(bw *bufio.Writer, v summary) {
	writeHeadingText(bw, v.Head)
	bw.WriteString("\n")
	fmt.Fprintln(bw, center(v.Title))
	bw.WriteString("\n")
	keyValue(bw, "", v.Lines)
	for _, b := range v.Bodies {
		bw.WriteString("\n")
		para(bw, "", b.Title)
		keyValue(bw, "  ", b.Lines)
	}
	if len(v.Failed) > 0 {
		bw.WriteString("\n")
		fmt.Fprintln(bw, v.FailTit)
		keyValue(bw, "  ", v.Failed)
	}
}

// SummaryHTML writes the summary as one self-contained printable HTML page.
func SummaryHTML(w io.Writer, s aggregate.Summary, opt Options) error {
	v := summaryOf(s, opt)
	return page.ExecuteTemplate(w, "page", pageView{Lang: v.Lang, Title: v.Title, Summary: &v})
}
