package ballot

import (
	"strings"

	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// Office is the body or office a contest elects. The zero Office is not an
// office ("not given").
type Office uint8

// The offices elected in the Party's congresses and committee meetings
// (QĐ 190-QĐ/TW Điều 3).
const (
	OfficeCommittee           Office = iota + 1 // "committee": ban chấp hành (cấp ủy); in a chi bộ, the chi ủy
	OfficeStanding                              // "standing-committee": ban thường vụ (BTV)
	OfficeSecretary                             // "secretary": bí thư
	OfficeDeputySecretary                       // "deputy-secretary": phó bí thư
	OfficeInspection                            // "inspection-committee": ủy ban kiểm tra (UBKT)
	OfficeInspectionChair                       // "inspection-chair": chủ nhiệm ủy ban kiểm tra
	OfficeDelegates                             // "delegates": đại biểu chính thức dự đại hội cấp trên
	OfficeAlternates                            // "alternate-delegates": đại biểu dự khuyết
	OfficeInspectionVice                        // "inspection-vice-chair": phó chủ nhiệm ủy ban kiểm tra, elected by the UBKT's meeting
	OfficeCommitteeAlternates                   // "committee-alternates": ủy viên dự khuyết Ban Chấp hành (Trung ương), a contest of the national congress
	numOffices
)

var offices = enumtext.New[Office]("office", "chức danh",
	"", "committee", "standing-committee", "secretary", "deputy-secretary",
	"inspection-committee", "inspection-chair", "delegates", "alternate-delegates",
	"inspection-vice-chair", "committee-alternates")

var officeNames = [numOffices]Text{
	{},
	{VI: "Ban Chấp hành", EN: "Executive Committee"},
	{VI: "Ban Thường vụ", EN: "Standing Committee"},
	{VI: "Bí thư", EN: "Secretary"},
	{VI: "Phó Bí thư", EN: "Deputy Secretary"},
	{VI: "Ủy ban Kiểm tra", EN: "Inspection Committee"},
	{VI: "Chủ nhiệm Ủy ban Kiểm tra", EN: "Chair of the Inspection Committee"},
	{VI: "Đại biểu chính thức dự Đại hội cấp trên", EN: "Delegates to the superior congress"},
	{VI: "Đại biểu dự khuyết dự Đại hội cấp trên", EN: "Alternate delegates to the superior congress"},
	{VI: "Phó Chủ nhiệm Ủy ban Kiểm tra", EN: "Vice Chair of the Inspection Committee"},
	{VI: "Ủy viên dự khuyết Ban Chấp hành", EN: "Alternate members of the Executive Committee"},
}

// String returns the stable code, e.g. "standing-committee".
func (o Office) String() string { return offices.String(o) }

// Valid reports whether o is one of the offices above.
func (o Office) Valid() bool { return offices.Valid(o) }

// Name returns the office's name for people, e.g. "Ban Thường vụ".
func (o Office) Name(l Lang) string {
	if !o.Valid() {
		return o.String()
	}
	return officeNames[o].In(l)
}

// NameAt returns the office's name at a congress of level lv: a chi bộ's
// committee is its chi ủy; every other name is Name's.
func (o Office) NameAt(lv Level, l Lang) string {
	if o == OfficeCommittee && lv == LevelChiBo {
		return Text{VI: "Chi ủy", EN: "Cell Committee (chi ủy)"}.In(l)
	}
	return o.Name(l)
}

// MarshalText returns the stable code.
func (o Office) MarshalText() ([]byte, error) { return offices.Marshal(o) }

// UnmarshalText parses a stable code.
func (o *Office) UnmarshalText(b []byte) error {
	v, err := offices.Parse(string(b))
	if err == nil {
		*o = v
	}
	return err
}

// Offices is a set of offices, such as the bodies a person already belongs to
// in this congress. The zero value is the empty set.
type Offices uint16

// OfficesOf returns the set holding os.
func OfficesOf(os ...Office) Offices {
	var s Offices
	for _, o := range os {
		s = s.With(o)
	}
	return s
}

// Has reports whether o is in the set.
func (s Offices) Has(o Office) bool { return o.Valid() && s&(1<<o) != 0 }

// With returns the set with o added; an invalid o is ignored.
func (s Offices) With(o Office) Offices {
	if !o.Valid() {
		return s
	}
	return s | 1<<o
}

// List returns the offices in the set in the order of the constants above.
func (s Offices) List() []Office {
	var l []Office
	for o := OfficeCommittee; o < numOffices; o++ {
		if s.Has(o) {
			l = append(l, o)
		}
	}
	return l
}

// String returns the codes joined by "+", or "none".
func (s Offices) String() string {
	l := s.List()
	if len(l) == 0 {
		return "none"
	}
	names := make([]string, len(l))
	for i, o := range l {
		names[i] = o.String()
	}
	return strings.Join(names, "+")
}
