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
//
// A regime is composed of two dated parts (Compose): the election rules
// (ElectionRules: lists, nominations, chi bộ, chains, counting) and the
// round's directive (Directive: working time, quotas, reference months).
// InForce picks both for a congress from its opening day and level.
type Regime struct {
	Name string // e.g. "QĐ 190-QĐ/TW + Chỉ thị 45-CT/TW ngày 14/4/2025"
	// RulesName and DirectiveName name the two parts the regime was
	// composed of.
	RulesName, DirectiveName string
	// Lists are the rules on the surplus of candidate lists, in the order
	// they are evaluated.
	Lists []ListRule
	// Nomination is the opinion-vote gate for floor and self nominees.
	Nomination NominationRule
	// ChiBo holds the rules for chi bộ congresses.
	ChiBo ChiBoRule
	// Chains are the rules on who may stand for an office.
	Chains []ChainRule
	// Standing is the rule on which congresses elect a standing committee.
	Standing StandingRule
	// Counting is what the regime decides about the count: the articles
	// cited, the chi bộ secretary's ballot limit, the next step after a
	// round.
	Counting CountingRule
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
	// OpeningIsReference counts ages at the congress's opening month when
	// neither the congress nor ReferenceMonths gives one [U].
	OpeningIsReference bool
}

// Clone returns a deep copy of g, so that changing one does not change the
// other.
func (g Regime) Clone() Regime {
	c := g
	c.Lists = slices.Clone(g.Lists)
	c.Chains = slices.Clone(g.Chains)
	c.Quotas = slices.Clone(g.Quotas)
	for i := range c.Quotas {
		c.Quotas[i].Levels = slices.Clone(g.Quotas[i].Levels)
	}
	c.Standing.Levels = slices.Clone(g.Standing.Levels)
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
	// NoInspection: a chi bộ congress elects no inspection committee, nor
	// its chair or vice chairs.
	NoInspection     bool
	InspectionSource string
}

// A ChainRule says that a candidate for Office must already belong to Body,
// at the levels listed (all levels when Levels is empty). Regime.Check applies
// it when someone in the congress is recorded as holding Body (Candidate.Holds);
// package tally applies it once the congress has elected Body.
type ChainRule struct {
	Office ballot.Office
	Body   ballot.Office
	Levels []ballot.Level
	// Unless, when set, limits the rule to congresses without that body:
	// where there is no standing committee, the secretary must be a
	// committee member.
	Unless ballot.Office
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
// the number elected, designated members included. Targets are reported,
// never used to invalidate ballots.
type QuotaRule struct {
	Office ballot.Office
	// Levels is the rule's scope: the levels of congress it applies to; all
	// levels when empty. CT 35 (2019) names province and district.
	Levels []ballot.Level
	Trait  Trait
	// Bound is a minimum ("từ 10% trở lên"), or, with Upper set, the lower
	// end of a band ("khoảng 40%-50%": about, reported as a band, never as
	// "at most 50 %" alone).
	Bound    Bound
	Upper    Bound
	Severity Outcome // the outcome when the target is missed, usually Warning
	Source   string
}

func (q QuotaRule) appliesAt(l ballot.Level) bool {
	return len(q.Levels) == 0 || slices.Contains(q.Levels, l)
}

// StandingRule says which congresses elect a standing committee (ban
// thường vụ): at the levels listed, only when the committee has at least
// CommitteeFrom members (designated members included). Zero CommitteeFrom
// checks nothing.
type StandingRule struct {
	CommitteeFrom int
	Levels        []ballot.Level
	Source        string
}

// CountingRule is what a regime decides about counting (rules.md §4.4, §6):
// the articles the minutes and the checks cite, the chi bộ secretary's
// ballot limit and the next step after a round that leaves seats.
type CountingRule struct {
	// SecretaryBallots is how many times a chi bộ votes for its secretary
	// before the superior committee designates one (3); zero: no limit.
	SecretaryBallots int
	SecretarySource  string
	// AnotherRound are the offices for which a first round that leaves
	// seats is followed by another round (the delegates); for the others
	// the congress decides whether to vote again or elect fewer.
	AnotherRound       ballot.Offices
	AnotherRoundSource string
	Ballots            string // the article on ballots and their validity
	Result             string // the article on the result and its base D
	Minutes            string // the article on the counting minutes
}

// WorkingTimeRule is the rule on working time left (thời gian công tác còn
// lại) for candidates to the lists of Offices, counted in whole months from
// the reference month to the month of retirement. A zero FirstTime or
// Reelection is not checked.
//
// The bound belongs to the person, not the list (rules.md §5.1): it is fixed
// once per person from whether they are re-nominated and the post they hold
// in the outgoing term, and is the same on every list of the congress.
type WorkingTimeRule struct {
	Offices ballot.Offices
	// FirstTime is the months a first-time member needs; with FullTerm it
	// is ignored and the body's term is used (ballot.Congress.TermLength:
	// 60 for five years, 30 for a 2½-year chi bộ term).
	FirstTime  int
	FullTerm   bool
	Reelection int // months a re-nominated member needs (48 under CT 45, 30 under CT 35)
	// Exceptions replace Reelection for a person who holds an office in the
	// outgoing term (ballot.Candidate.Outgoing) at a congress of one level,
	// such as 42 months for a provincial deputy secretary, on every list.
	Exceptions []WorkingTimeException
	Severity   Outcome
	Source     string
}

// A WorkingTimeException sets the months a re-nominated person needs who
// holds Office in the outgoing term, at a congress of Level.
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
// its own, or the regime's for its level, or, when the regime says so, the
// month of its opening, or the zero Month.
func (g Regime) ReferenceMonth(c ballot.Congress) ballot.Month {
	if !c.ReferenceMonth.IsZero() {
		return c.ReferenceMonth
	}
	for _, lm := range g.ReferenceMonths {
		if lm.Level == c.Level {
			return lm.Month
		}
	}
	if g.OpeningIsReference {
		return c.Opening.Month
	}
	return ballot.Month{}
}

// ReferenceAssumed reports whether ReferenceMonth(c) is the opening month
// taken for want of a published reference month [U]: findings that count
// from it say so in their source.
func (g Regime) ReferenceAssumed(c ballot.Congress) bool {
	if !c.ReferenceMonth.IsZero() || !g.OpeningIsReference {
		return false
	}
	for _, lm := range g.ReferenceMonths {
		if lm.Level == c.Level {
			return false
		}
	}
	return !c.Opening.IsZero()
}

// srcAssumedReference is appended to the source of a finding counted from
// an assumed reference month.
const srcAssumedReference = " (thời điểm tính tuổi: tháng khai mạc, giả định; reference month: the opening month, assumed)"
