package ballot

import (
	"slices"

	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// Policy holds the congress's choices on the points of ballot validity that
// the regulation does not settle (rules.md §3 rows 5, 9, 11 and 13). The zero
// Policy is the documented default for each.
type Policy struct {
	// AcceptSigned counts a ballot that is signed, carries identifying marks
	// or extra writing (row 5). Default: such a ballot is invalid, since it
	// breaks the secrecy of the vote.
	AcceptSigned bool `json:"accept_signed,omitempty"`
	// AcceptBlankSingle counts a single-candidate ballot with neither box
	// ticked as valid, with no vote (row 9). Default: invalid.
	AcceptBlankSingle bool `json:"accept_blank_single,omitempty"`
	// RejectBlankRows makes a ballot of several candidates without surplus
	// invalid when every row has both or neither box ticked (row 11).
	// Default: such a ballot is valid and gives no vote.
	RejectBlankRows bool `json:"reject_blank_rows,omitempty"`
	// PartlyStruckIsStruck treats a name only partly struck through as
	// struck (row 13). Default: the name is not struck, and the ballot is
	// flagged for the board to look at.
	PartlyStruckIsStruck bool `json:"partly_struck_is_struck,omitempty"`
}

// Reason is the stable code for why a ballot is valid or invalid, one per
// decisive row of the validity table (rules.md §3). The zero Reason means
// "not classified".
type Reason uint8

// The reasons, in the order of the validity table. Rows 1–5 are checked
// first, in that order, and the first that applies makes the ballot invalid.
const (
	NotIssued       Reason = iota + 1 // row 1, invalid: not issued by the counting board
	TooManyStanding                   // row 2, invalid: more names left standing than seats
	AllStruck                         // row 3, invalid: every name struck
	WrittenIn                         // row 4, invalid: a name written in from outside the list
	Signed                            // row 5, invalid: signed or identifying marks (unless Policy.AcceptSigned)
	ValidStanding                     // row 6, valid: 1..seats names left standing, one vote each
	ValidOneBox                       // row 7, valid: single candidate, exactly one box ticked
	BothBoxes                         // row 8, invalid: single candidate, both boxes ticked
	NoBox                             // row 9, invalid: single candidate, no box ticked (default)
	ValidNoBox                        // row 9, valid with no vote (Policy.AcceptBlankSingle)
	ValidRows                         // row 10, valid: several candidates without surplus, agree rows count
	ValidNoRows                       // row 11, valid with no vote: every row both or neither (default)
	NoRows                            // row 11, invalid: every row both or neither (Policy.RejectBlankRows)
	numReasons
)

var reasons = enumtext.New[Reason]("reason", "lý do", "",
	"not-issued", "too-many-standing", "all-struck", "written-in", "signed",
	"valid-standing", "valid-one-box", "both-boxes", "no-box", "valid-no-box",
	"valid-rows", "valid-no-rows", "no-rows")

var reasonRows = [numReasons]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 11}

var reasonNames = [numReasons]Text{
	{},
	{VI: "phiếu không do Ban kiểm phiếu phát ra (không có dấu)", EN: "not issued by the counting board"},
	{VI: "để lại nhiều tên hơn số lượng cần bầu", EN: "more names left standing than seats"},
	{VI: "gạch hết tên trong danh sách", EN: "every name struck"},
	{VI: "ghi thêm tên người ngoài danh sách", EN: "a name written in from outside the list"},
	{VI: "có ký tên, đánh dấu hoặc viết thêm", EN: "signed, marked or written on"},
	{VI: "hợp lệ", EN: "valid"},
	{VI: "hợp lệ", EN: "valid"},
	{VI: "đánh dấu cả hai ô", EN: "both boxes ticked"},
	{VI: "không đánh dấu ô nào", EN: "no box ticked"},
	{VI: "hợp lệ, không đánh dấu ô nào", EN: "valid, no box ticked"},
	{VI: "hợp lệ", EN: "valid"},
	{VI: "hợp lệ, không đồng ý với ai", EN: "valid, no agree mark"},
	{VI: "không đánh dấu hợp lệ ở dòng nào", EN: "no row validly marked"},
}

// String returns the stable code, e.g. "too-many-standing".
func (r Reason) String() string { return reasons.String(r) }

// Valid reports whether a ballot with this reason is valid.
func (r Reason) Valid() bool {
	switch r {
	case ValidStanding, ValidOneBox, ValidNoBox, ValidRows, ValidNoRows:
		return true
	}
	return false
}

// Row returns the row of the validity table in rules.md §3 that gives this
// reason, or 0 for the zero Reason.
func (r Reason) Row() int {
	if r >= numReasons {
		return 0
	}
	return reasonRows[r]
}

// Name returns the reason as the minutes word it.
func (r Reason) Name(l Lang) string {
	if !reasons.Valid(r) {
		return r.String()
	}
	return reasonNames[r].In(l)
}

// MarshalText returns the stable code.
func (r Reason) MarshalText() ([]byte, error) { return reasons.Marshal(r) }

// UnmarshalText parses a stable code.
func (r *Reason) UnmarshalText(b []byte) error {
	v, err := reasons.Parse(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// Reasons returns every reason, in table order.
func Reasons() []Reason {
	l := make([]Reason, 0, numReasons-1)
	for r := Reason(1); r < numReasons; r++ {
		l = append(l, r)
	}
	return l
}

// A Classification is the board's decision on one ballot.
type Classification struct {
	Reason Reason // why the ballot is valid or invalid
	// Votes lists the positions on the paper that receive a vote, in
	// ascending order; empty when the ballot is invalid.
	Votes []int
	// Review lists the positions whose name is only partly struck and that
	// the board should look at (row 13, default policy), in ascending
	// order.
	Review []int
	// Decides is true when the reading of a partly struck name decides the
	// ballot's validity: read the other way (struck instead of standing, or
	// the reverse), the ballot would be valid where it is invalid, or
	// invalid where it is valid — such as a name read as standing that
	// makes too many standing (row 13 before row 2). The board must look at
	// such a ballot whatever its verdict (rules.md §3).
	Decides bool
}

// ForReview reports whether the board should look at the ballot: a valid
// ballot with a name only partly struck (default policy), or an invalid
// ballot whose validity a partly struck name decides.
func (c Classification) ForReview() bool {
	if c.Valid() {
		return len(c.Review) > 0
	}
	return c.Decides
}

// Valid reports whether the ballot is valid.
func (c Classification) Valid() bool { return c.Reason.Valid() }

// Classify decides whether ballot b is valid on paper p under policy pol, and
// which candidates it gives a vote to, following the validity table of
// rules.md §3 in order: the first invalid row that applies wins.
//
// It returns an error, and no classification, only when b does not fit p (a
// row count that differs from the list, a mark of the other form) or p has
// no form; a ballot that breaks a validity rule is not an error.
func (p Paper) Classify(b Ballot, pol Policy) (Classification, error) {
	var errs ErrorList
	form := p.Form()
	if form == FormNone {
		p.check("", &errs)
	}
	p.checkBallot("", b, &errs)
	if err := errs.Err(); err != nil {
		return Classification{}, err
	}
	c := Classification{Reason: p.reason(b, pol)}
	if slices.Contains(b.Marks, PartlyStruck) {
		flip := pol
		flip.PartlyStruckIsStruck = !pol.PartlyStruckIsStruck
		c.Decides = p.reason(b, flip).Valid() != c.Reason.Valid()
	}
	for i, m := range b.Marks {
		if m == PartlyStruck && !pol.PartlyStruckIsStruck {
			c.Review = append(c.Review, i)
		}
		if c.Reason.Valid() && counts(m, form, pol) {
			c.Votes = append(c.Votes, i)
		}
	}
	return c, nil
}

// counts reports whether a row with mark m gives a vote on a valid ballot of
// form f: a name left standing on a cross-out paper, a ticked đồng ý box on
// an agree paper.
func counts(m Mark, f Form, pol Policy) bool {
	switch m {
	case Unmarked:
		return f == FormCrossOut
	case PartlyStruck:
		return !pol.PartlyStruckIsStruck
	case Agree:
		return true
	}
	return false
}

// reason walks the validity table. b fits p.
func (p Paper) reason(b Ballot, pol Policy) Reason {
	if b.Flags&FlagNotIssued != 0 { // row 1
		return NotIssued
	}
	cross := p.Form() == FormCrossOut
	if cross {
		standing := 0
		for _, m := range b.Marks {
			if counts(m, FormCrossOut, pol) {
				standing++
			}
		}
		if standing > p.Seats { // row 2
			return TooManyStanding
		}
		if standing == 0 { // row 3
			return AllStruck
		}
	}
	if b.Flags&FlagWrittenIn != 0 { // row 4
		return WrittenIn
	}
	if b.Flags&FlagSigned != 0 && !pol.AcceptSigned { // row 5
		return Signed
	}
	if cross { // row 6
		return ValidStanding
	}
	if len(b.Marks) == 1 { // rows 7–9: a single candidate
		switch b.Marks[0] {
		case Agree, Disagree:
			return ValidOneBox
		case Both:
			return BothBoxes
		}
		if pol.AcceptBlankSingle {
			return ValidNoBox
		}
		return NoBox
	}
	for _, m := range b.Marks { // rows 10–11: several candidates
		if m == Agree || m == Disagree {
			return ValidRows
		}
	}
	if pol.RejectBlankRows {
		return NoRows
	}
	return ValidNoRows
}
