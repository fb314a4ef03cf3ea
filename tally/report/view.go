package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// Options are the choices of a report. The zero Options is Vietnamese with
// percentages truncated to two places, as Party guidance prints them.
type Options struct {
	Lang     ballot.Lang
	Rounding rules.Rounding
	// Seal, when not empty, is printed above the signatures of the minutes:
	// the head of a counting kiosk's journal, so that the signed paper pins
	// the electronic record.
	Seal string
	// Organisation is the party organisation holding the congress, printed
	// above the issuing body at the top left of every paper, e.g. "Đảng bộ
	// phường Hòa An" (printed in capitals). Empty: a dotted line for the
	// board to write it by hand.
	Organisation string
	// Place and Date make the line under the Party's name ("Hòa An, ngày
	// 15 tháng 7 năm 2025"). Empty: dotted blanks, filled in by hand when
	// the board signs; the zero Date leaves the day, month and year blank.
	Place string
	Date  time.Time
}

// Places is the number of decimals every percentage is printed with.
const Places = 2

// minutes is everything the minutes of one round print, already in words:
// the text and HTML renderings read the same values.
type minutes struct {
	Lang         string // "vi" or "en", for the HTML lang attribute
	Head         heading
	Party        string
	Board        string // "BAN KIỂM PHIẾU"
	Title        string
	Subtitle     string
	Congress     string
	Term         string
	Seats        string
	ListTitle    string
	List         []string
	BaseTitle    string
	BaseLines    []line
	BaseResult   line
	BallotsTitle string
	Counts       []line
	Invalid      []line
	Boxes        []boxLine
	BoxHeads     [4]string
	Basis        string // how the percentages are computed
	Cite         string // the regime's articles on the minutes and the result
	Heads        [5]string
	Rows         []row
	ElTitle      string
	VotesWord    string // "phiếu", after the votes of each elected
	Elected      []row
	Tie          string
	Next         string
	Review       string
	ChecksHead   string
	Checks       []string
	ChecksOK     string
	Closing      string
	Seal         string
	SignHint     string
	Signers      []signer
	Chart        chart
}

type line struct {
	Label string
	Value string
}

type boxLine struct {
	Name                      string
	Collected, Valid, Invalid int
}

type row struct {
	No     int
	Name   string
	Votes  int
	Share  string
	Status string
	Class  string // "elected", "tied", "qualified", "not-qualified"
}

type signer struct {
	Role string
	Name string
}

// t picks the language.
type lang ballot.Lang

func (l lang) t(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(ballot.Lang(l)) }

func (l lang) f(vi, en string, args ...any) string {
	return fmt.Sprintf(l.t(vi, en), args...)
}

// names maps ids to the full names of a result's people.
func names(r tally.Result) func(ballot.CandidateID) string {
	m := make(map[ballot.CandidateID]string, len(r.People))
	for _, p := range r.People {
		m[p.ID] = p.Name
	}
	return func(id ballot.CandidateID) string {
		if n, ok := m[id]; ok {
			return n
		}
		return string(id)
	}
}

// minutesOf builds the minutes of round k of contest i of a counted congress.
func minutesOf(r tally.Result, i, k int, opt Options) minutes {
	l := lang(opt.Lang)
	name := names(r)
	ct := r.Contests[i]
	rr := ct.Rounds[k]
	office := ct.Office.NameAt(r.Level, opt.Lang)
	pct := func(votes int) string {
		return rules.FormatPercent(rr.Share(votes, Places, opt.Rounding), Places, opt.Lang)
	}
	m := minutes{
		Lang:     ballot.Lang(opt.Lang).String(),
		Head:     headingOf(l.t("BAN KIỂM PHIẾU", "COUNTING BOARD"), opt),
		Party:    l.t("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
		Board:    l.t("BAN KIỂM PHIẾU", "COUNTING BOARD"),
		Title:    l.t("BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
		Subtitle: l.f("Bầu %s — lần bầu thứ %d", "Election of the %s — round %d", office, rr.Number),
		Congress: r.Congress,
		Term:     r.Term,
		Seats:    l.f("Số lượng cần bầu: %d", "Seats to fill: %d", rr.Seats),
	}
	if r.Term != "" {
		m.Term = l.f("Nhiệm kỳ %s", "Term %s", r.Term)
	}
	m.ListTitle = l.f("Danh sách bầu cử (theo thứ tự trên phiếu bầu): %d người", "The list (in ballot order): %d names", len(rr.Standings))
	for _, s := range rr.Standings {
		m.List = append(m.List, name(s.ID))
	}

	// The base D and how it was derived.
	b := rr.Base
	switch b.Electorate {
	case tally.Members:
		m.BaseTitle = l.t("Đảng viên chính thức", "Official members")
		m.BaseLines = []line{{l.t("Tổng số đảng viên chính thức được triệu tập", "Official members convened"), fmt.Sprint(b.Convened)}}
	case tally.Delegates:
		m.BaseTitle = l.t("Đại biểu chính thức", "Official delegates")
		m.BaseLines = []line{{l.t("Tổng số đại biểu chính thức được triệu tập", "Official delegates convened"), fmt.Sprint(b.Convened)}}
	default:
		m.BaseTitle = l.f("Ủy viên %s", "Members of the %s", b.Body.Name(opt.Lang))
		m.BaseLines = []line{{l.f("Tổng số ủy viên %s", "Members of the %s", b.Body.Name(opt.Lang)), fmt.Sprint(b.Convened)}}
	}
	m.BaseLines = append(m.BaseLines,
		line{l.t("Có mặt", "Present"), fmt.Sprint(b.Present)},
		line{l.t("Vắng mặt", "Absent"), fmt.Sprint(b.Convened - b.Present)})
	for _, e := range b.Excluded {
		m.BaseLines = append(m.BaseLines, line{l.t("Không tính: ", "Not counted: ") + e.Kind.Name(opt.Lang), fmt.Sprint(e.Count)})
	}
	m.BaseResult = line{l.t("Số làm căn cứ tính kết quả (D)", "Base of the result (D)"),
		l.f("%d — trúng cử phải được quá một nửa, ít nhất %d phiếu", "%d — election needs more than half, at least %d votes", b.D, b.Threshold())}

	m.BallotsTitle = l.t("Phiếu bầu", "Ballots")
	m.Counts = []line{
		{l.t("Số phiếu phát ra", "Ballots issued"), fmt.Sprint(rr.Issued)},
		{l.t("Số phiếu thu vào", "Ballots collected"), fmt.Sprint(rr.Collected)},
		{l.t("Số phiếu hợp lệ", "Valid ballots"), fmt.Sprint(rr.Valid)},
		{l.t("Số phiếu không hợp lệ", "Invalid ballots"), fmt.Sprint(rr.Invalid)},
	}
	for _, rc := range rr.InvalidReasons {
		m.Invalid = append(m.Invalid, line{rc.Reason.Name(opt.Lang), fmt.Sprint(rc.Count)})
	}
	for _, bx := range rr.Boxes {
		m.Boxes = append(m.Boxes, boxLine{bx.Name, bx.Collected, bx.Valid, bx.Invalid})
	}
	m.BoxHeads = [4]string{l.t("Hòm phiếu", "Ballot box"), l.t("Thu vào", "Collected"), l.t("Hợp lệ", "Valid"), l.t("Không hợp lệ", "Invalid")}
	switch {
	case rr.ReviewInvalid > 0:
		m.Review = l.f("Phiếu có tên bị gạch chưa hết: %d (%d phiếu hợp lệ, %d phiếu không hợp lệ do cách đọc tên đó); Ban kiểm phiếu đã xem xét.",
			"Ballots with a name only partly struck: %d (%d valid, %d invalid by how that name was read); the board reviewed them.",
			rr.Review+rr.ReviewInvalid, rr.Review, rr.ReviewInvalid)
	case rr.Review > 0:
		m.Review = l.f("%d phiếu hợp lệ có tên bị gạch chưa hết; Ban kiểm phiếu đã xem xét.",
			"%d valid ballots had a name only partly struck; the board reviewed them.", rr.Review)
	}

	mode := l.t("cắt bỏ", "truncated")
	if opt.Rounding == rules.HalfUp {
		mode = l.t("làm tròn", "rounded half up")
	}
	m.Basis = l.f("Tỉ lệ phần trăm tính trên D = %d, %s đến %d chữ số thập phân.",
		"Percentages are of D = %d, %s to %d places.", b.D, mode, Places)
	if a := r.Articles; a.Minutes != "" {
		m.Cite = l.f("Căn cứ: %s (biên bản); %s (kết quả bầu cử).", "Under: %s (minutes); %s (result).", a.Minutes, a.Result)
	}
	m.Heads = [5]string{l.t("TT", "No."), l.t("Họ và tên", "Name"), l.t("Số phiếu", "Votes"), l.t("Tỉ lệ", "Share"), l.t("Kết quả", "Result")}
	for j, s := range rr.Standings {
		m.Rows = append(m.Rows, row{No: j + 1, Name: name(s.ID), Votes: s.Votes, Share: pct(s.Votes),
			Status: s.Status.Name(opt.Lang), Class: s.Status.String()})
	}
	m.VotesWord = l.t("phiếu", "votes")
	m.ElTitle = l.f("Những người trúng cử (theo số phiếu từ cao xuống): %d/%d", "Elected, most votes first: %d of %d",
		len(rr.Elected), rr.Seats)
	votes := make(map[ballot.CandidateID]int, len(rr.Standings))
	for _, s := range rr.Standings {
		votes[s.ID] = s.Votes
	}
	for j, id := range rr.Elected {
		m.Elected = append(m.Elected, row{No: j + 1, Name: name(id), Votes: votes[id], Share: pct(votes[id])})
	}
	if t := rr.Tie; t != nil {
		ns := make([]string, len(t.Candidates))
		for j, id := range t.Candidates {
			ns[j] = name(id)
		}
		m.Tie = l.f("Bằng phiếu: %s cùng được %d phiếu (%s), tranh %d chỗ còn lại; không ai trong số này trúng cử ở lần bầu này.",
			"Tied: %s have %d votes each (%s) for the %d seats left; none of them is elected in this round.",
			strings.Join(ns, ", "), t.Votes, pct(t.Votes), t.Seats)
	}
	if rr.Next.Step != tally.Done {
		ns := make([]string, len(rr.Next.Candidates))
		for j, id := range rr.Next.Candidates {
			ns[j] = name(id)
		}
		m.Next = l.f("Đề nghị: %s", "Proposed: %s", rr.Next.Step.Name(opt.Lang))
		if len(ns) > 0 {
			m.Next += l.f(" — bầu %d trong số: %s.", " — %d seats among: %s.", rr.Next.Seats, strings.Join(ns, ", "))
		} else {
			m.Next += "."
		}
	}

	m.ChecksHead = l.t("Kiểm tra số liệu", "Checks of the figures")
	for _, f := range rr.Findings {
		if f.Outcome != rules.Pass {
			m.Checks = append(m.Checks, f.Outcome.Name(opt.Lang)+": "+f.Describe(opt.Lang, name))
		}
	}
	if k == 0 {
		for _, f := range ct.Findings {
			if f.Outcome != rules.Pass {
				m.Checks = append(m.Checks, f.Outcome.Name(opt.Lang)+": "+f.Describe(opt.Lang, name))
			}
		}
	}
	m.ChecksOK = l.f("Các số liệu khớp nhau (%d kiểm tra đạt).", "The figures agree (%d checks pass).", len(rr.Findings))
	m.Closing = l.t("Biên bản lập thành 03 bản, có chữ ký của các thành viên Ban kiểm phiếu; phiếu bầu được niêm phong và lưu giữ theo quy định.",
		"These minutes are made in 3 copies signed by the members of the counting board; the ballots are sealed and kept as the regulation requires.")
	m.Seal = opt.Seal
	m.SignHint = l.t("(ký, ghi rõ họ tên)", "(signature and full name)")
	m.Signers = signers(ct.CountingBoard, l)
	m.Chart = chartOf(rr, name, l)
	return m
}

// signers are the signature lines: the head of the board, then the others;
// blank lines to sign by hand when the board is not given.
func signers(board []string, l lang) []signer {
	head := l.t("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD")
	member := l.t("ỦY VIÊN", "MEMBER")
	if len(board) == 0 {
		return []signer{{Role: head}, {Role: member}, {Role: member}}
	}
	out := []signer{{Role: head, Name: board[0]}}
	for _, n := range board[1:] {
		out = append(out, signer{Role: member, Name: n})
	}
	return out
}
