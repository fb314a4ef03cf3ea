package ballot

import "github.com/kiemphieu/kiemphieu/internal/enumtext"

// Level is the level of the party organisation holding the congress. It
// decides, among other things, the reference month for ages under a regime.
// The zero Level is "not given".
type Level uint8

// The levels.
const (
	LevelChiBo           Level = iota + 1 // "chi-bo": a chi bộ (always a members' congress)
	LevelGrassroots                       // "grassroots": đảng bộ cơ sở
	LevelCommune                          // "commune": đảng bộ xã, phường, đặc khu trực thuộc tỉnh
	LevelAboveGrassroots                  // "above-grassroots": cấp trên trực tiếp cơ sở
	LevelProvince                         // "province": đảng bộ trực thuộc Trung ương
	LevelNational                         // "national": Đại hội đại biểu toàn quốc
	numLevels
)

var levels = enumtext.New[Level]("level", "cấp", "",
	"chi-bo", "grassroots", "commune", "above-grassroots", "province", "national")

var levelNames = [numLevels]Text{
	{},
	{VI: "chi bộ", EN: "party cell (chi bộ)"},
	{VI: "đảng bộ cơ sở", EN: "grassroots party organisation"},
	{VI: "đảng bộ xã, phường, đặc khu trực thuộc tỉnh", EN: "commune or ward party organisation under the province"},
	{VI: "cấp trên trực tiếp cơ sở", EN: "level directly above the grassroots"},
	{VI: "đảng bộ trực thuộc Trung ương", EN: "party organisation directly under the Centre"},
	{VI: "toàn quốc", EN: "national"},
}

// String returns the stable code.
func (l Level) String() string { return levels.String(l) }

// Valid reports whether l is one of the levels above.
func (l Level) Valid() bool { return levels.Valid(l) }

// Name returns the level's name for people.
func (l Level) Name(lang Lang) string {
	if !l.Valid() {
		return l.String()
	}
	return levelNames[l].In(lang)
}

// MarshalText returns the stable code.
func (l Level) MarshalText() ([]byte, error) { return levels.Marshal(l) }

// UnmarshalText parses a stable code.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := levels.Parse(string(b))
	if err == nil {
		*l = v
	}
	return err
}

// A Congress is one đại hội: who was convened, the people on its lists, and
// each contest with the ballots or totals of its rounds. It is the document
// the JSON format (see the package documentation) carries.
type Congress struct {
	Name  string // e.g. "Đại hội Đảng bộ xã Tân Hòa lần thứ I"
	Level Level
	Term  string // the term (nhiệm kỳ), e.g. "2025–2030"; optional
	// ReferenceMonth is the month at which ages and working time are
	// counted (thời điểm tính tuổi). Zero means: the regime's month for the
	// level.
	ReferenceMonth Month
	// Opening is the day the congress opens (khai mạc): it decides the
	// regime in force (rules.InForce). Optional; a month alone is allowed.
	Opening Date
	// TermMonths is the length of the term of the bodies elected, in
	// months: a first-time member needs a full term of working time (60 for
	// five years, 30 for the 2½-year chi bộ terms of the QĐ 244 era). Zero
	// means 60.
	TermMonths int
	Policy     Policy // the congress's choices on ballot validity
	Roster     Roster // who was convened; the basis of the threshold
	// CountingBoard names the counting board (ban kiểm phiếu) the congress
	// elected, its head (trưởng ban) first; the minutes print it and its
	// signature lines. Optional.
	CountingBoard []string
	Candidates    []Candidate
	Contests      []Contest
	// Designated are the members of bodies and the delegates who hold
	// their seat with no vote: designated (chỉ định) or ex officio (đương
	// nhiên). They have no minutes; they count in the bodies' sizes, the
	// chain rules and the summaries.
	Designated []Designation
}

// DefaultTermMonths is the term of a body when a congress does not give
// one: five years.
const DefaultTermMonths = 60

// TermLength returns the term of the bodies elected in months: TermMonths,
// or 60.
func (c Congress) TermLength() int {
	if c.TermMonths > 0 {
		return c.TermMonths
	}
	return DefaultTermMonths
}

// A Designation records a seat held with no vote: a person designated
// (chỉ định) to a body or as a delegate, or sitting ex officio (đương
// nhiên), who, by whom and when.
type Designation struct {
	Office    Office      `json:"office"`
	ID        CandidateID `json:"id"`                   // the person, one of the congress's candidates
	ExOfficio bool        `json:"ex_officio,omitempty"` // đương nhiên; otherwise chỉ định
	By        string      `json:"by,omitempty"`         // the committee that designated, e.g. "Ban Thường vụ Tỉnh ủy"
	On        Date        `json:"on,omitzero"`
}

// Roster is who was convened to the congress: exactly one of Members (a
// congress of all members, đại hội đảng viên, which every chi bộ holds) or
// Delegates (đại hội đại biểu) is set. The threshold for election is more
// than half of a count derived from it (QĐ 190-QĐ/TW Điều 30).
type Roster struct {
	Members   *MembersRoster   `json:"members,omitempty"`
	Delegates *DelegatesRoster `json:"delegates,omitempty"`
}

// MembersRoster is the roster of a members' congress.
type MembersRoster struct {
	Official int `json:"official"` // official members convened (đảng viên chính thức được triệu tập)
	Present  int `json:"present"`  // official members present

	// The members the threshold does not count (Điều 30):
	TemporarilyAttached int `json:"temporarily_attached,omitempty"` // sinh hoạt tạm thời nơi khác
	ExemptAbsent        int `json:"exempt_absent,omitempty"`        // miễn công tác và sinh hoạt đảng, vắng mặt
	Suspended           int `json:"suspended,omitempty"`            // bị đình chỉ sinh hoạt, khởi tố, truy tố, tạm giam
	AbsentWithReason    int `json:"absent_with_reason,omitempty"`   // vắng mặt cả thời gian đại hội có lý do
}

// DelegatesRoster is the roster of a delegates' congress.
type DelegatesRoster struct {
	Official int `json:"official"` // official delegates convened (đại biểu chính thức được triệu tập)
	Present  int `json:"present"`  // official delegates present

	// The delegates the threshold does not count (Điều 30):
	CommitteeAbsent  int `json:"committee_absent,omitempty"`  // convening committee members absent for the whole congress
	AbsentUnreplaced int `json:"absent_unreplaced,omitempty"` // delegates absent for the whole congress, no alternate in their place

	// How the official delegates came, when known (they are part of
	// Official and count in D like the elected): ex officio (đương nhiên)
	// and designated (chỉ định). Đảng bộ Quốc hội 2025: 41 + 259 = 300.
	ExOfficio  int `json:"ex_officio,omitempty"`
	Designated int `json:"designated,omitempty"`
}

// A ContestID identifies a contest within a congress; same form as a
// CandidateID.
type ContestID string

// A Contest is the election of one body or office: its seats, its list, and
// the rounds of voting held for it.
type Contest struct {
	ID     ContestID
	Office Office
	// Paper is the seats to fill and the final list in ballot order, the
	// paper of the first round.
	Paper
	// Meeting is set when a meeting of a body votes (the new committee
	// electing the standing committee, the secretary, the inspection
	// committee…); nil when the congress itself votes.
	Meeting *Meeting
	// Nominations records how the list was formed, when it is known.
	Nominations *Nominations
	// CountingBoard, when not empty, replaces the congress's counting
	// board for this contest, such as the board of the committee's meeting.
	CountingBoard []string
	// Rounds are the rounds of voting held, in order; none yet is allowed.
	Rounds []Round
}

// Meeting is who sits in a body that votes at its own meeting.
type Meeting struct {
	Body     Office `json:"body"`               // committee, standing-committee or inspection-committee
	Sitting  int    `json:"sitting"`            // members of the body
	Present  int    `json:"present"`            // members present
	Excluded int    `json:"excluded,omitempty"` // members the threshold does not count (suspended, …)
}

// Nominations records how a contest's list was formed at the congress
// (QĐ 190-QĐ/TW Điều 14 khoản 2–3).
type Nominations struct {
	// Introduced is the convening committee's list (danh sách cấp ủy giới
	// thiệu), before nominations and withdrawals.
	Introduced []CandidateID `json:"introduced,omitempty"`
	// Nominees are the people nominated from the floor (đề cử) or
	// self-nominated (ứng cử) at the congress, with their opinion vote.
	Nominees []Nominee `json:"nominees,omitempty"`
	// Withdrawn are the withdrawals (xin rút) the congress approved.
	Withdrawn []CandidateID `json:"withdrawn,omitempty"`
	// Attending is the number of delegates (members) attending the opinion
	// vote on the nominees.
	Attending int `json:"attending"`
}

// A Nominee is one person nominated at the congress; their Origin is the
// candidate's.
type Nominee struct {
	ID    CandidateID `json:"id"`
	Agree int         `json:"agree"` // delegates agreeing to put them on the list
}

// A Round is one vote for a contest, with its own paper and its own minutes.
// Its ballots are given either one by one, box by box (Boxes), or as the
// totals the counting board wrote down (Totals); exactly one of the two.
type Round struct {
	Paper        // the paper of this round; the first round's is the contest's
	Issued int   // ballots issued (số phiếu phát ra)
	Boxes  []Box // the ballots, box by box
	Totals *Totals
}

// A Box is one ballot box (hòm phiếu) and the ballots found in it.
type Box struct {
	Name    string
	Ballots []Ballot
}

// Totals are the figures of a round as the counting board wrote them down.
// They are kept as written: figures that do not add up are a finding of the
// minutes audit, not malformed input.
type Totals struct {
	Collected int // ballots collected (số phiếu thu vào)
	Valid     int // valid ballots (phiếu hợp lệ)
	Invalid   int // invalid ballots (phiếu không hợp lệ)
	// InvalidReasons breaks Invalid down by reason, when the board did; in
	// table order, each reason at most once.
	InvalidReasons []ReasonCount
	// Votes holds the votes of each candidate of the round's paper, in
	// ballot order (len(Votes) == len(Paper.Candidates)).
	Votes []int
	// Declared are the elected as the filed minutes write them, in their
	// order; nil when the minutes are not being audited.
	Declared []CandidateID
	// Shares are the percentages of the base as the minutes write them
	// ("52,34 %", "52.34"), in ballot order, "" where none is written; nil
	// when none is.
	Shares []string
}

// ReasonCount is a number of ballots invalid for one reason.
type ReasonCount struct {
	Reason Reason `json:"reason"`
	Count  int    `json:"count"`
}

// MaxCount is the largest count (of people, ballots or votes) accepted.
// It is far above any electorate and keeps every sum and product of counts
// exact in an int64.
const MaxCount = 100_000_000
