package ballot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// A CandidateID identifies a person on the lists of one congress. It is 1 to
// 64 characters from A–Z, a–z, 0–9 and "._-"; it is compared exactly.
// The zero CandidateID ("") is not an id.
type CandidateID string

// MaxIDLen is the longest CandidateID or ContestID, in bytes.
const MaxIDLen = 64

// checkID returns why s is not an id, or "" when it is one.
func checkID(s string) Text {
	switch {
	case s == "":
		return Text{VI: "thiếu mã", EN: "the id is missing"}
	case len(s) > MaxIDLen:
		return Text{
			VI: fmt.Sprintf("mã dài %d ký tự, tối đa %d", len(s), MaxIDLen),
			EN: fmt.Sprintf("the id is %d characters long, at most %d", len(s), MaxIDLen)}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return Text{
				VI: fmt.Sprintf("mã %q chỉ được gồm chữ cái không dấu, chữ số và . _ -", s),
				EN: fmt.Sprintf("id %q may hold only the letters A–Z, a–z, digits and . _ -", s)}
		}
	}
	return Text{}
}

// Sex is a person's sex as recorded in the party file; it decides the
// statutory retirement age and the women's quota. The zero Sex is "not given".
type Sex uint8

// The values of Sex.
const (
	Male   Sex = iota + 1 // "male": nam
	Female                // "female": nữ
)

var sexes = enumtext.New[Sex]("sex", "giới tính", "", "male", "female")

// String returns "male" or "female".
func (s Sex) String() string { return sexes.String(s) }

// Name returns "nam"/"nữ" or "male"/"female".
func (s Sex) Name(l Lang) string {
	switch {
	case s == Male && l == Vietnamese:
		return "nam"
	case s == Female && l == Vietnamese:
		return "nữ"
	}
	return s.String()
}

// MarshalText returns the stable code.
func (s Sex) MarshalText() ([]byte, error) { return sexes.Marshal(s) }

// UnmarshalText parses a stable code.
func (s *Sex) UnmarshalText(b []byte) error {
	v, err := sexes.Parse(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// Origin is where a candidate's nomination came from (QĐ 190-QĐ/TW Điều 14).
// The zero Origin is the convening committee's list, the official nomination.
type Origin uint8

// The values of Origin.
const (
	FromCommittee Origin = iota // "committee": introduced by the convening committee (cấp ủy triệu tập giới thiệu)
	FromFloor                   // "floor": nominated at the congress by others (đề cử)
	FromSelf                    // "self": self-nominated (ứng cử)
)

var origins = enumtext.New[Origin]("origin", "nguồn giới thiệu", "committee", "floor", "self")

// String returns the stable code.
func (o Origin) String() string { return origins.String(o) }

// Name returns how the minutes call it.
func (o Origin) Name(l Lang) string {
	switch o {
	case FromCommittee:
		return Text{VI: "cấp ủy giới thiệu", EN: "introduced by the committee"}.In(l)
	case FromFloor:
		return Text{VI: "đề cử", EN: "nominated from the floor"}.In(l)
	case FromSelf:
		return Text{VI: "ứng cử", EN: "self-nominated"}.In(l)
	}
	return o.String()
}

// MarshalText returns the stable code.
func (o Origin) MarshalText() ([]byte, error) { return origins.Marshal(o) }

// UnmarshalText parses a stable code.
func (o *Origin) UnmarshalText(b []byte) error {
	v, err := origins.Parse(string(b))
	if err == nil {
		*o = v
	}
	return err
}

// A Candidate is a person who may appear on the lists of a congress, with the
// personnel data that the list rules need.
type Candidate struct {
	ID   CandidateID
	Name string // full name as printed on the ballot, any Unicode (họ và tên)

	Sex            Sex   // needed by the retirement and women's-quota rules
	Born           Month // birth month (tháng năm sinh); needed by the age rules
	EthnicMinority bool  // người dân tộc thiểu số
	// Incumbent is true for a member of the outgoing body standing again
	// (tái cử), false for a first-time candidate (lần đầu).
	Incumbent bool
	Origin    Origin // where the nomination came from
	// Holds lists the bodies the person already belongs to in this congress
	// (the new committee, standing committee, inspection committee), for the
	// chain rules: BTV ⊂ BCH, secretary ∈ BTV, UBKT chair ∈ UBKT.
	Holds Offices
	// Outgoing lists the posts the person holds in the outgoing term (nhiệm
	// kỳ trước) at the reference month, such as deputy secretary: a
	// per-person attribute, the same on every list of the congress. CT 45
	// gives a re-nominated provincial deputy secretary 42 months of working
	// time instead of 48 on every list, the committee's included.
	Outgoing Offices
	// Retires, when not zero, is the person's retirement month set
	// individually (an extension, a special regime), overriding the
	// retirement policy.
	Retires Month
}

// MaxNameLen is the longest candidate name accepted, in bytes.
const MaxNameLen = 200

// checkName returns why s is not a usable name, or "" when it is one.
func checkName(s string) Text {
	switch {
	case strings.TrimSpace(s) == "":
		return Text{VI: "thiếu họ tên", EN: "the name is missing"}
	case len(s) > MaxNameLen:
		return Text{
			VI: fmt.Sprintf("họ tên dài %d byte, tối đa %d", len(s), MaxNameLen),
			EN: fmt.Sprintf("the name is %d bytes long, at most %d", len(s), MaxNameLen)}
	case !utf8.ValidString(s):
		return Text{VI: "họ tên có mã UTF-8 không hợp lệ", EN: "the name is not valid UTF-8"}
	case strings.TrimSpace(s) != s:
		return Text{VI: "họ tên có khoảng trắng thừa ở đầu hoặc cuối", EN: "the name has leading or trailing spaces"}
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return Text{VI: "họ tên chứa ký tự điều khiển", EN: "the name contains a control character"}
	}
	return Text{}
}
