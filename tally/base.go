package tally

import (
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// Electorate is who votes, and so whom the threshold base counts.
type Electorate uint8

// The electorates.
const (
	Members   Electorate = iota + 1 // "members": a congress of all members (đại hội đảng viên)
	Delegates                       // "delegates": a congress of delegates (đại hội đại biểu)
	Meeting                         // "meeting": a meeting of a body (the new committee, …)
)

var electorates = enumtext.New[Electorate]("electorate", "thành phần bầu", "", "members", "delegates", "meeting")

// String returns the stable code.
func (e Electorate) String() string { return electorates.String(e) }

// MarshalText returns the stable code.
func (e Electorate) MarshalText() ([]byte, error) { return electorates.Marshal(e) }

// UnmarshalText parses a stable code.
func (e *Electorate) UnmarshalText(b []byte) error {
	v, err := electorates.Parse(string(b))
	if err == nil {
		*e = v
	}
	return err
}

// Exclusion is a category of people convened whom the threshold does not
// count (QĐ 190-QĐ/TW Điều 30).
type Exclusion uint8

// The exclusions.
const (
	TemporarilyAttached Exclusion = iota + 1 // "temporarily-attached": sinh hoạt tạm thời nơi khác
	ExemptAbsent                             // "exempt-absent": miễn công tác và sinh hoạt đảng, vắng mặt
	Suspended                                // "suspended": đình chỉ sinh hoạt, khởi tố, truy tố, tạm giam
	AbsentWithReason                         // "absent-with-reason": vắng mặt cả thời gian đại hội có lý do
	CommitteeAbsent                          // "committee-absent": cấp ủy viên cấp triệu tập vắng mặt cả thời gian đại hội
	AbsentUnreplaced                         // "absent-unreplaced": đại biểu chính thức vắng mặt, không có dự khuyết thay
	ExcludedByMeeting                        // "excluded": thành viên không tính, do hội nghị quyết định
)

var exclusions = enumtext.New[Exclusion]("exclusion", "loại trừ", "",
	"temporarily-attached", "exempt-absent", "suspended", "absent-with-reason",
	"committee-absent", "absent-unreplaced", "excluded")

var exclusionNames = map[Exclusion]ballot.Text{
	TemporarilyAttached: {VI: "đảng viên sinh hoạt tạm thời nơi khác", EN: "members temporarily attached elsewhere"},
	ExemptAbsent:        {VI: "đảng viên được miễn công tác và sinh hoạt đảng, vắng mặt", EN: "members exempted from work and party activity, absent"},
	Suspended:           {VI: "đảng viên bị đình chỉ sinh hoạt, khởi tố, truy tố, tạm giam", EN: "members suspended, prosecuted or detained"},
	AbsentWithReason:    {VI: "đảng viên vắng mặt cả thời gian đại hội có lý do", EN: "members absent for the whole congress with a reason"},
	CommitteeAbsent:     {VI: "cấp ủy viên vắng mặt cả thời gian đại hội", EN: "committee members absent for the whole congress"},
	AbsentUnreplaced:    {VI: "đại biểu vắng mặt cả thời gian đại hội, không có đại biểu dự khuyết thay", EN: "delegates absent for the whole congress, with no alternate"},
	ExcludedByMeeting:   {VI: "thành viên không tính", EN: "members not counted"},
}

// String returns the stable code.
func (x Exclusion) String() string { return exclusions.String(x) }

// Name returns the category for people.
func (x Exclusion) Name(l ballot.Lang) string {
	if t, ok := exclusionNames[x]; ok {
		return t.In(l)
	}
	return x.String()
}

// MarshalText returns the stable code.
func (x Exclusion) MarshalText() ([]byte, error) { return exclusions.Marshal(x) }

// UnmarshalText parses a stable code.
func (x *Exclusion) UnmarshalText(b []byte) error {
	v, err := exclusions.Parse(string(b))
	if err == nil {
		*x = v
	}
	return err
}

// Excluded is the number of people of one category not counted.
type Excluded struct {
	Kind  Exclusion `json:"kind"`
	Count int       `json:"count"`
}

// A Base is the threshold base D of a vote and how it was derived: a count
// of people, not of ballots (QĐ 190-QĐ/TW Điều 30). A candidate qualifies
// only with more than half of D: 2·votes > D, so exactly half fails.
type Base struct {
	Electorate Electorate    `json:"electorate"`
	Body       ballot.Office `json:"body,omitzero"` // for a meeting: the body that meets
	Convened   int           `json:"convened"`      // official members, official delegates, or sitting members
	Present    int           `json:"present"`
	Excluded   []Excluded    `json:"excluded,omitempty"` // the categories not counted, in a fixed order, zeros left out
	D          int           `json:"d"`                  // Convened minus every exclusion
}

// BaseOf returns the base of a congress from its roster. The roster must be
// well formed (ballot.Congress.Validate).
func BaseOf(r ballot.Roster) Base {
	var b Base
	var ex []Excluded
	switch {
	case r.Members != nil:
		m := r.Members
		b = Base{Electorate: Members, Convened: m.Official, Present: m.Present}
		ex = []Excluded{{TemporarilyAttached, m.TemporarilyAttached}, {ExemptAbsent, m.ExemptAbsent},
			{Suspended, m.Suspended}, {AbsentWithReason, m.AbsentWithReason}}
	case r.Delegates != nil:
		d := r.Delegates
		b = Base{Electorate: Delegates, Convened: d.Official, Present: d.Present}
		ex = []Excluded{{CommitteeAbsent, d.CommitteeAbsent}, {AbsentUnreplaced, d.AbsentUnreplaced}}
	}
	return b.exclude(ex)
}

// MeetingBase returns the base of a vote at a meeting of a body: its sitting
// members, less those the meeting does not count.
func MeetingBase(m ballot.Meeting) Base {
	b := Base{Electorate: Meeting, Body: m.Body, Convened: m.Sitting, Present: m.Present}
	return b.exclude([]Excluded{{ExcludedByMeeting, m.Excluded}})
}

func (b Base) exclude(ex []Excluded) Base {
	b.D = b.Convened
	for _, e := range ex {
		if e.Count > 0 {
			b.Excluded = append(b.Excluded, e)
			b.D -= e.Count
		}
	}
	return b
}

// Qualifies reports whether votes are more than half of D (quá một nửa).
func (b Base) Qualifies(votes int) bool { return 2*votes > b.D }

// Threshold returns the fewest votes that qualify: ⌊D/2⌋ + 1.
func (b Base) Threshold() int { return b.D/2 + 1 }
