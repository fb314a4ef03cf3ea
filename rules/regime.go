package rules

import (
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// A Regime is a named, documented set of rules and their parameters: the
// regulation in force with its guidance, plus whatever local guidance adds.
// It is plain data. QD190 and QD244 return fresh values, which a caller may
// change freely (Clone copies one deeply); nothing in this package keeps
// global settings.
type Regime struct {
	Name string // e.g. "QĐ 190-QĐ/TW"
	// Lists are the rules on the surplus of candidate lists, in the order
	// they are evaluated.
	Lists []ListRule
	// Nomination is the opinion-vote gate for floor and self nominees.
	Nomination NominationRule
	// ChiBo holds the rules for chi bộ congresses.
	ChiBo ChiBoRule
	// Chains are the rules on who may stand for an office.
	Chains []ChainRule
	// Quotas are the structure targets of the personnel plan.
	Quotas []QuotaRule
	// WorkingTime is the rule on working time left; its zero value checks
	// nothing.
	WorkingTime WorkingTimeRule
	// Retirement decides the month a person reaches retirement age.
	Retirement RetirementPolicy
	// ReferenceMonths are the months at which ages are counted, by level,
	// used when a congress does not give its own.
	ReferenceMonths []LevelMonth
}

// Clone returns a deep copy of g, so that changing one does not change the
// other.
func (g Regime) Clone() Regime {
	c := g
	c.Lists = slices.Clone(g.Lists)
	c.Chains = slices.Clone(g.Chains)
	c.Quotas = slices.Clone(g.Quotas)
	c.ReferenceMonths = slices.Clone(g.ReferenceMonths)
	c.WorkingTime.Exceptions = slices.Clone(g.WorkingTime.Exceptions)
	for i := range c.Lists {
		c.Lists[i].Overrides = slices.Clone(g.Lists[i].Overrides)
	}
	for i := range c.Chains {
		c.Chains[i].Levels = slices.Clone(g.Chains[i].Levels)
	}
	return c
}

// Stage is which list a list rule looks at.
type Stage uint8

// The stages.
const (
	// Final is the list printed on the ballot (danh sách bầu cử), after
	// nominations and withdrawals: the contest's candidates.
	Final Stage = iota
	// Prepared is the list the convening committee introduced (danh sách
	// cấp ủy giới thiệu): the contest's nominations.introduced, or, when the
	// contest has no nominations, the names on the final list whose origin
	// is the committee.
	Prepared
)

var stages = enumtext.New[Stage]("stage", "giai đoạn", "final", "prepared")

// String returns "final" or "prepared".
func (s Stage) String() string { return stages.String(s) }

// A ListRule bounds the surplus (số dư) of the lists of some offices: the
// surplus itself (Bound.Unit OfCount) or the surplus ratio surplus/seats
// (OfShare).
type ListRule struct {
	Rule    RuleID
	Offices ballot.Offices // the lists it applies to
	Stage   Stage
	// MinSeats and MaxSeats limit the rule to bodies of that size; zero
	// means no limit.
	MinSeats, MaxSeats int
	Bound              Bound
	Severity           Outcome // the outcome when the bound does not hold
	// Overrides names rules that do not apply to a list this rule applies
	// to: the 3–5 seat rule replaces the 30 % cap and the 10–15 % band.
	Overrides []RuleID
	Source    string
}

func (r ListRule) appliesTo(o ballot.Office, seats int) bool {
	return r.Offices.Has(o) && (r.MinSeats == 0 || seats >= r.MinSeats) && (r.MaxSeats == 0 || seats <= r.MaxSeats)
}

// NominationRule is the opinion-vote gate for people nominated at the
// congress (QĐ 190-QĐ/TW Điều 14 khoản 2–3): a floor or self nominee enters
// the list only if the share of attendees agreeing meets Gate.
type NominationRule struct {
	Gate   Bound // more than 30 % of the delegates (members) attending
	Source string
}

// ChiBoRule holds the numbers of QĐ 294 for chi bộ congresses. A zero field
// is not checked.
type ChiBoRule struct {
	CommitteeFrom int // official members needed to elect a chi ủy (9)
	MaxCommittee  int // the largest chi ủy (7)
	MaxDeputies   int // deputy secretaries (1)
	Source        string
}

// A ChainRule says that a candidate for Office must already belong to Body,
// at the levels listed (all levels when Levels is empty). Regime.Check applies
// it when someone in the congress is recorded as holding Body (Candidate.Holds);
// package tally applies it once the congress has elected Body.
type ChainRule struct {
	Office ballot.Office
	Body   ballot.Office
	Levels []ballot.Level
	Source string
}

func (r ChainRule) appliesAt(l ballot.Level) bool {
	return len(r.Levels) == 0 || slices.Contains(r.Levels, l)
}

// TraitKind is what a quota counts.
type TraitKind uint8

// The traits.
const (
	Women          TraitKind = iota + 1 // "women": nữ
	EthnicMinority                      // "ethnic-minority": người dân tộc thiểu số
	FirstTime                           // "first-time": tham gia lần đầu (renewal, đổi mới)
	AgeBracket                          // "age": aged MinAge..MaxAge whole years at the reference month
)

var traitKinds = enumtext.New[TraitKind]("trait", "tiêu chí", "", "women", "ethnic-minority", "first-time", "age")

// String returns the stable code.
func (k TraitKind) String() string { return traitKinds.String(k) }

// MarshalText returns the stable code.
func (k TraitKind) MarshalText() ([]byte, error) { return traitKinds.Marshal(k) }

// UnmarshalText parses a stable code.
func (k *TraitKind) UnmarshalText(b []byte) error {
	v, err := traitKinds.Parse(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// A Trait is who a quota counts. For AgeBracket, the age is in whole years
// at the reference month, between MinAge and MaxAge inclusive; a MaxAge of
// zero means no upper limit. "Under 40" is MaxAge 39; "40 to 50" is 40–50.
type Trait struct {
	Kind   TraitKind `json:"kind"`
	MinAge int       `json:"min_age,omitempty"`
	MaxAge int       `json:"max_age,omitempty"`
}

// IsZero reports whether t is the zero Trait (no trait).
func (t Trait) IsZero() bool { return t == Trait{} }

// Name returns the trait for people, e.g. "nữ" or "dưới 40 tuổi".
func (t Trait) Name(l ballot.Lang) string {
	switch t.Kind {
	case Women:
		return ballot.Text{VI: "nữ", EN: "women"}.In(l)
	case EthnicMinority:
		return ballot.Text{VI: "người dân tộc thiểu số", EN: "ethnic minority members"}.In(l)
	case FirstTime:
		return ballot.Text{VI: "người tham gia lần đầu", EN: "first-time members"}.In(l)
	case AgeBracket:
		switch {
		case t.MinAge == 0 && t.MaxAge > 0:
			return ballot.Text{VI: fmt.Sprintf("người dưới %d tuổi", t.MaxAge+1), EN: fmt.Sprintf("members under %d", t.MaxAge+1)}.In(l)
		case t.MaxAge == 0:
			return ballot.Text{VI: fmt.Sprintf("người từ %d tuổi trở lên", t.MinAge), EN: fmt.Sprintf("members aged %d or more", t.MinAge)}.In(l)
		}
		return ballot.Text{VI: fmt.Sprintf("người từ %d đến %d tuổi", t.MinAge, t.MaxAge), EN: fmt.Sprintf("members aged %d to %d", t.MinAge, t.MaxAge)}.In(l)
	}
	return t.Kind.String()
}

// A QuotaRule is a structure target for the lists of one office: the number
// or share of people with a trait. On a candidate list the base of a share is
// the number of names on the list; on an elected body (package tally) it is
// the number elected. Targets are reported, never used to invalidate ballots.
type QuotaRule struct {
	Office   ballot.Office
	Trait    Trait
	Bound    Bound
	Severity Outcome // the outcome when the target is missed, usually Warning
	Source   string
}

// WorkingTimeRule is the rule on working time left (thời gian công tác còn
// lại) for candidates to the lists of Offices, counted in whole months from
// the reference month to the month of retirement. A zero FirstTime or
// Reelection is not checked.
type WorkingTimeRule struct {
	Offices    ballot.Offices
	FirstTime  int // months a first-time member needs (a full term: 60)
	Reelection int // months an incumbent needs (48 under CT 45, 30 under CT 35)
	// Exceptions replace Reelection for one office at one level, such as
	// 42 months for a provincial deputy secretary.
	Exceptions []WorkingTimeException
	Severity   Outcome
	Source     string
}

// A WorkingTimeException sets the months needed for re-election to one
// office at one level. It also brings that office's lists under the rule.
type WorkingTimeException struct {
	Office     ballot.Office
	Level      ballot.Level
	Reelection int
}

// LevelMonth is a reference month for one level.
type LevelMonth struct {
	Level ballot.Level
	Month ballot.Month
}

// ReferenceMonth returns the month at which ages are counted for congress c:
// its own, or the regime's for its level, or the zero Month.
func (g Regime) ReferenceMonth(c ballot.Congress) ballot.Month {
	if !c.ReferenceMonth.IsZero() {
		return c.ReferenceMonth
	}
	for _, lm := range g.ReferenceMonths {
		if lm.Level == c.Level {
			return lm.Month
		}
	}
	return ballot.Month{}
}

var (
	bodies      = ballot.OfficesOf(ballot.OfficeCommittee, ballot.OfficeStanding, ballot.OfficeInspection)
	committee   = ballot.OfficesOf(ballot.OfficeCommittee)
	notChiBo    = []ballot.Level{ballot.LevelGrassroots, ballot.LevelCommune, ballot.LevelAboveGrassroots, ballot.LevelProvince, ballot.LevelNational}
	chiBoOnly   = []ballot.Level{ballot.LevelChiBo}
	src190Art14 = "QĐ 190-QĐ/TW Điều 14 khoản 1"
)

// surplusRules are the list rules QĐ 190 and QĐ 244 share. The lists of the
// committee (BCH) and the standing committee (BTV) are confirmed (Điều 14
// khoản 1); the inspection committee (UBKT) is held to the same rules by
// default, which is not confirmed (rules.md §2): remove it from Offices if
// the congress decides otherwise.
func surplusRules(src, srcSmall string) []ListRule {
	return []ListRule{
		{Rule: SurplusRequired, Offices: bodies, Bound: Count(AtLeast, 1), Severity: Fail, Source: src},
		{Rule: SurplusSmallBody, Offices: bodies, MinSeats: 3, MaxSeats: 5, Bound: Count(AtMost, 1), Severity: Fail,
			Overrides: []RuleID{SurplusMax, PreparedMin, PreparedMax}, Source: srcSmall},
		{Rule: SurplusMax, Offices: bodies, Bound: Share(AtMost, MustRatio("30%")), Severity: Fail, Source: src},
		{Rule: PreparedMin, Offices: bodies, Stage: Prepared, Bound: Share(AtLeast, MustRatio("10%")), Severity: Warning, Source: src},
		{Rule: PreparedMax, Offices: bodies, Stage: Prepared, Bound: Share(AtMost, MustRatio("15%")), Severity: Warning, Source: src},
	}
}

// QD190 returns the current regime, the default for new elections:
// Quyết định 190-QĐ/TW (10/10/2024) with Hướng dẫn 04-HD/TW (31/12/2024),
// Chỉ thị 45-CT/TW (14/4/2025) and Quy định 294-QĐ/TW.
//
// Its choices where the sources are silent (rules.md status [U]):
//   - the inspection committee's list follows the committee's surplus rules;
//   - in a đảng bộ a deputy secretary is drawn from the standing committee,
//     as the secretary is;
//   - no structure quota: the quotas of Chỉ thị 45 for women and young cadres
//     were not found. Append CT35Quotas, or the local guidance, to Quotas.
func QD190() Regime {
	return Regime{
		Name:       "QĐ 190-QĐ/TW",
		Lists:      surplusRules(src190Art14, "HD 04-HD/TW"),
		Nomination: NominationRule{Gate: Share(MoreThan, MustRatio("30%")), Source: "QĐ 190-QĐ/TW Điều 14 khoản 2–3"},
		ChiBo:      ChiBoRule{CommitteeFrom: 9, MaxCommittee: 7, MaxDeputies: 1, Source: "QĐ 294-QĐ/TW"},
		Chains:     chainRules("QĐ 190-QĐ/TW", "QĐ 294-QĐ/TW"),
		WorkingTime: WorkingTimeRule{
			Offices: committee, FirstTime: 60, Reelection: 48,
			Exceptions: []WorkingTimeException{{Office: ballot.OfficeDeputySecretary, Level: ballot.LevelProvince, Reelection: 42}},
			Severity:   Fail, Source: "CT 45-CT/TW",
		},
		Retirement: LabourCode2019(),
		ReferenceMonths: []LevelMonth{
			{ballot.LevelChiBo, ballot.MustMonth(2025, 4)},
			{ballot.LevelGrassroots, ballot.MustMonth(2025, 4)},
			{ballot.LevelAboveGrassroots, ballot.MustMonth(2025, 6)},
			{ballot.LevelCommune, ballot.MustMonth(2025, 7)},
			{ballot.LevelProvince, ballot.MustMonth(2025, 9)},
		},
	}
}

// QD244 returns the previous regime, for recounts and audits of the
// 2020–2025 term: Quyết định 244-QĐ/TW (9/6/2014) with Hướng dẫn 03-HD/TW
// (20/3/2020) and Chỉ thị 35-CT/TW (30/5/2019).
//
// Its choices where the sources are silent: the surplus rules are QĐ 190's
// (190 "basically keeps" 244; the 3–5 seat rule is from HD 04 and assumed
// here); retirement at a flat 60 for men and 55 for women, the law before
// 2021, as the 2020 guidance computed it; no reference months (the congress
// gives its own); the quotas of CT 35.
func QD244() Regime {
	return Regime{
		Name:       "QĐ 244-QĐ/TW",
		Lists:      surplusRules("QĐ 244-QĐ/TW Điều 13", "HD 04-HD/TW (assumed)"),
		Nomination: NominationRule{Gate: Share(MoreThan, MustRatio("30%")), Source: "QĐ 244-QĐ/TW Điều 13"},
		ChiBo:      ChiBoRule{CommitteeFrom: 9, MaxCommittee: 7, MaxDeputies: 1, Source: "Điều lệ Đảng; QĐ 244-QĐ/TW"},
		Chains:     chainRules("QĐ 244-QĐ/TW", "QĐ 244-QĐ/TW"),
		Quotas:     CT35Quotas(),
		WorkingTime: WorkingTimeRule{
			Offices: committee, FirstTime: 60, Reelection: 30, Severity: Fail, Source: "CT 35-CT/TW; HD 26-HD/BTCTW",
		},
		Retirement: Flat(60, 55),
	}
}

func chainRules(src, srcChiBo string) []ChainRule {
	return []ChainRule{
		{Office: ballot.OfficeStanding, Body: ballot.OfficeCommittee, Source: src},
		{Office: ballot.OfficeSecretary, Body: ballot.OfficeStanding, Levels: notChiBo, Source: src},
		{Office: ballot.OfficeDeputySecretary, Body: ballot.OfficeStanding, Levels: notChiBo, Source: src + " (assumed)"},
		{Office: ballot.OfficeSecretary, Body: ballot.OfficeCommittee, Levels: chiBoOnly, Source: srcChiBo},
		{Office: ballot.OfficeDeputySecretary, Body: ballot.OfficeCommittee, Levels: chiBoOnly, Source: srcChiBo},
		{Office: ballot.OfficeInspectionChair, Body: ballot.OfficeInspection, Source: src},
	}
}

// CT35Quotas returns the structure targets of Chỉ thị 35-CT/TW for the
// committee, as warnings: women at least 15 % and a woman in the standing
// committee; members under 40 at least 10 %; members aged 40 to 50 about
// 40–50 %. (Ethnic minorities have no number: add one from local guidance.)
func CT35Quotas() []QuotaRule {
	const src = "CT 35-CT/TW"
	return []QuotaRule{
		{Office: ballot.OfficeCommittee, Trait: Trait{Kind: Women}, Bound: Share(AtLeast, MustRatio("15%")), Severity: Warning, Source: src},
		{Office: ballot.OfficeStanding, Trait: Trait{Kind: Women}, Bound: Count(AtLeast, 1), Severity: Warning, Source: src},
		{Office: ballot.OfficeCommittee, Trait: Trait{Kind: AgeBracket, MaxAge: 39}, Bound: Share(AtLeast, MustRatio("10%")), Severity: Warning, Source: src},
		{Office: ballot.OfficeCommittee, Trait: Trait{Kind: AgeBracket, MinAge: 40, MaxAge: 50}, Bound: Share(AtLeast, MustRatio("40%")), Severity: Warning, Source: src},
		{Office: ballot.OfficeCommittee, Trait: Trait{Kind: AgeBracket, MinAge: 40, MaxAge: 50}, Bound: Share(AtMost, MustRatio("50%")), Severity: Warning, Source: src},
	}
}
