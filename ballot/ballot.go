package ballot

import (
	"fmt"
	"strings"

	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// A Paper is the ballot paper of one round: the list of candidates in the
// order printed (usually alphabetical) and the number of seats that round
// fills. The paper decides the ballot's form (QĐ 190-QĐ/TW Điều 15).
type Paper struct {
	Seats      int           // how many to elect in this round (số lượng cần bầu)
	Candidates []CandidateID // the list in ballot order (danh sách bầu cử)
}

// Form is the layout of a ballot paper.
type Form uint8

// The ballot forms.
const (
	// FormNone is no valid form: no seats, or fewer candidates than seats.
	FormNone Form = iota
	// FormCrossOut is the paper of a list with surplus (candidates > seats):
	// the voter crosses out (gạch tên) the names they do not vote for.
	FormCrossOut
	// FormAgree is the paper of a list without surplus (candidates ==
	// seats): one row per candidate with the boxes đồng ý (agree) and
	// không đồng ý (disagree).
	FormAgree
)

var forms = enumtext.New[Form]("form", "mẫu phiếu", "none", "cross-out", "agree")

// String returns "cross-out", "agree" or "none".
func (f Form) String() string { return forms.String(f) }

// MarshalText returns the stable code.
func (f Form) MarshalText() ([]byte, error) { return forms.Marshal(f) }

// UnmarshalText parses a stable code.
func (f *Form) UnmarshalText(b []byte) error {
	v, err := forms.Parse(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// Form returns the form the paper is printed in.
func (p Paper) Form() Form {
	n := len(p.Candidates)
	switch {
	case p.Seats < 1 || n < p.Seats:
		return FormNone
	case n > p.Seats:
		return FormCrossOut
	}
	return FormAgree
}

// Surplus returns candidates minus seats (số dư).
func (p Paper) Surplus() int { return len(p.Candidates) - p.Seats }

// Index returns the position of id on the paper, or −1.
func (p Paper) Index(id CandidateID) int {
	for i, c := range p.Candidates {
		if c == id {
			return i
		}
	}
	return -1
}

// Limits on the size of a paper, so that no count can overflow.
const (
	MaxSeats      = 10_000
	MaxCandidates = 10_000
)

// Check returns an error listing every reason the paper cannot be printed:
// seats outside 1..MaxSeats, fewer candidates than seats, an invalid or
// repeated id. The paths are relative to the paper.
func (p Paper) Check() error {
	var errs ErrorList
	p.check("", &errs)
	return errs.Err()
}

func (p Paper) check(at Path, errs *ErrorList) {
	if p.Seats < 1 || p.Seats > MaxSeats {
		errs.Addf(at.Child("seats"), ErrOutOfRange, fmt.Sprint(p.Seats),
			"số lượng cần bầu %d phải từ 1 đến %d", "seats %d must be from 1 to %d", p.Seats, MaxSeats)
	}
	if len(p.Candidates) > MaxCandidates {
		errs.Addf(at.Child("candidates"), ErrOutOfRange, fmt.Sprint(len(p.Candidates)),
			"danh sách có %d người, tối đa %d", "the list has %d names, at most %d", len(p.Candidates), MaxCandidates)
	}
	if p.Seats >= 1 && len(p.Candidates) < p.Seats {
		errs.Addf(at.Child("candidates"), ErrConflict, fmt.Sprint(len(p.Candidates)),
			"danh sách có %d người, ít hơn số lượng cần bầu %d", "the list has %d names, fewer than the %d seats",
			len(p.Candidates), p.Seats)
	}
	seen := make(map[CandidateID]int, len(p.Candidates))
	for i, id := range p.Candidates {
		if t := checkID(string(id)); t != (Text{}) {
			errs.Add(at.Child("candidates").Index(i), ErrInvalid, string(id), t)
			continue
		}
		if j, dup := seen[id]; dup {
			errs.Addf(at.Child("candidates").Index(i), ErrDuplicate, string(id),
				"%q đã có ở vị trí %d của danh sách", "%q is already on the list at position %d", id, j)
			continue
		}
		seen[id] = i
	}
}

// Mark is what the voter did to one row of a ballot.
type Mark uint8

// The marks. The zero Mark means the row was left alone: on a cross-out
// ballot the name stands (a vote), on an agree ballot neither box is ticked.
const (
	Unmarked     Mark = iota // "unmarked": name left standing / no box ticked
	Struck                   // "struck": name crossed out (cross-out form)
	PartlyStruck             // "partly-struck": the line covers only part of the name (cross-out form)
	Agree                    // "agree": the đồng ý box (agree form)
	Disagree                 // "disagree": the không đồng ý box (agree form)
	Both                     // "both": both boxes ticked (agree form)
	numMarks
)

var marks = enumtext.New[Mark]("mark", "dấu", "unmarked", "struck", "partly-struck", "agree", "disagree", "both")

// String returns the stable code.
func (m Mark) String() string { return marks.String(m) }

// fits reports whether m can appear on a paper of form f.
func (m Mark) fits(f Form) bool {
	switch m {
	case Unmarked:
		return true
	case Struck, PartlyStruck:
		return f == FormCrossOut
	case Agree, Disagree, Both:
		return f == FormAgree
	}
	return false
}

// Flags are the physical facts the counting board records about a ballot,
// beyond its marks. The zero value is a clean ballot.
type Flags uint8

// The flags.
const (
	// FlagNotIssued: the paper was not issued by the counting board (no
	// stamp, foreign paper).
	FlagNotIssued Flags = 1 << iota
	// FlagWrittenIn: a name was written in from outside the list.
	FlagWrittenIn
	// FlagSigned: signed, carrying identifying marks, or extra writing.
	FlagSigned
	numFlags = iota
)

var flagNames = [numFlags]string{"not-issued", "written-in", "signed"}

// FlagNames lists the stable codes of the flags, lowest bit first.
func FlagNames() []string { return append([]string(nil), flagNames[:]...) }

// ParseFlag returns the flag whose code is s.
func ParseFlag(s string) (Flags, error) {
	for i, n := range flagNames {
		if n == s {
			return 1 << i, nil
		}
	}
	return 0, textError{
		VI: fmt.Sprintf("dấu hiệu %q không hợp lệ (các giá trị: %s)", s, strings.Join(flagNames[:], ", ")),
		EN: fmt.Sprintf("unknown flag %q (one of: %s)", s, strings.Join(flagNames[:], ", "))}
}

// List returns the codes of the flags set, lowest bit first.
func (f Flags) List() []string {
	var l []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			l = append(l, n)
		}
	}
	return l
}

// String returns the codes joined by "+", or "none".
func (f Flags) String() string {
	if f == 0 {
		return "none"
	}
	return strings.Join(f.List(), "+")
}

// A Ballot is one paper as the counting board read it: a mark for each row of
// the paper, in ballot order, and the board's flags.
type Ballot struct {
	Marks []Mark // len(Marks) == len(paper.Candidates)
	Flags Flags
}

// Strike returns the cross-out ballot of p with the given names struck and
// every other name standing.
func (p Paper) Strike(ids ...CandidateID) (Ballot, error) {
	b := Ballot{Marks: make([]Mark, len(p.Candidates))}
	var errs ErrorList
	for i, id := range ids {
		j := p.Index(id)
		switch {
		case j < 0:
			errs.Addf(Path("").Index(i), ErrUnknown, string(id),
				"%q không có trong danh sách", "%q is not on the list", id)
		case b.Marks[j] == Struck:
			errs.Addf(Path("").Index(i), ErrDuplicate, string(id),
				"%q bị gạch hai lần", "%q is struck twice", id)
		default:
			b.Marks[j] = Struck
		}
	}
	if p.Form() != FormCrossOut {
		errs.Addf("", ErrConflict, p.Form().String(),
			"phiếu không có số dư thì không gạch tên", "a paper without surplus has no names to strike")
	}
	return b, errs.Err()
}

// CheckBallot returns an ErrorList of every reason ballot b does not fit
// paper p — a row count that differs from the list, a mark of the other
// form or of no form, an unknown flag — with paths relative to the ballot;
// nil when it fits. Classify makes the same check.
func (p Paper) CheckBallot(b Ballot) error {
	var errs ErrorList
	p.checkBallot("", b, &errs)
	return errs.Err()
}

// checkBallot adds to errs every reason b does not fit paper p.
func (p Paper) checkBallot(at Path, b Ballot, errs *ErrorList) {
	if len(b.Marks) != len(p.Candidates) {
		errs.Addf(at.Child("marks"), ErrConflict, fmt.Sprint(len(b.Marks)),
			"phiếu có %d dòng nhưng danh sách có %d người", "the ballot has %d rows but the list has %d names",
			len(b.Marks), len(p.Candidates))
	}
	f := p.Form()
	for i, m := range b.Marks {
		if m >= numMarks {
			errs.Addf(at.Child("marks").Index(i), ErrInvalid, m.String(),
				"dấu %d không tồn tại", "mark %d does not exist", uint8(m))
		} else if !m.fits(f) {
			errs.Addf(at.Child("marks").Index(i), ErrConflict, m.String(),
				"dấu %q không dùng được trên phiếu mẫu %q", "mark %q does not belong on a %q paper", m, f)
		}
	}
	if b.Flags >= 1<<numFlags {
		errs.Addf(at.Child("flags"), ErrInvalid, fmt.Sprint(uint8(b.Flags)),
			"dấu hiệu %d không tồn tại", "flags %d do not exist", uint8(b.Flags))
	}
}
