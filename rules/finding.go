package rules

import (
	"fmt"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// RuleID identifies a rule of the regulation, stably: it is what a finding
// is about, what programs branch on, and what the JSON carries.
type RuleID uint8

// The rules. The text form of each (String) is stable.
const (
	// The candidate list and its surplus (số dư), rules.md §2.
	SurplusRequired  RuleID = iota + 1 // "surplus-required": more candidates than seats
	SurplusMax                         // "surplus-max": surplus/seats at most 30 %, or the congress's lower cap
	SurplusSmallBody                   // "surplus-small-body": bodies of 3–5 seats, at most one extra
	SurplusMin                         // "surplus-min": a minimum ratio set by local guidance
	PreparedMin                        // "prepared-min": the committee's list at least 10 % over (warning)
	PreparedMax                        // "prepared-max": the committee's list at most 15 % over (warning)
	// Nominations at the congress.
	NomineeGate // "nominee-gate": a floor or self nominee enters only with more than 30 % of attendees agreeing
	NomineeTrim // "nominee-trim": an over-cap list keeps nominees from the most votes down; a tie at the cut is not broken
	NomineeList // "nominee-list": the list printed is the one the nominations give
	// Chi bộ congresses (QĐ 294).
	ChiBoCommittee     // "chibo-committee": a chi ủy is elected only with at least 9 official members
	ChiBoCommitteeSize // "chibo-committee-size": a chi ủy has at most 7 members
	ChiBoDeputies      // "chibo-deputies": at most one deputy secretary
	ChiBoMembers       // "chibo-members": a chi bộ holds a congress of all its members
	// Who may stand for what.
	Chain // "chain": a candidate for an office must already belong to the body it is drawn from
	// The personnel plan.
	Quota       // "quota": a structure target (women, young, ethnic minorities, renewal, ages)
	WorkingTime // "working-time": enough working time left before retirement
	// Counting (package tally) and the consistency of the minutes, rules.md §4 and §6.
	BallotsCollected    // "ballots-collected": ballots collected ≤ ballots issued
	BallotsAddUp        // "ballots-add-up": valid + invalid = collected
	InvalidReasonsAddUp // "invalid-reasons-add-up": the invalid ballots by reason add up to the invalid
	VotesPerCandidate   // "votes-per-candidate": a candidate's votes ≤ valid ballots
	VotesTotalMin       // "votes-total-min": on a cross-out paper, total votes ≥ valid ballots
	VotesTotalMax       // "votes-total-max": total votes ≤ valid ballots × seats
	DeclaredElected     // "declared-elected": the winners written in the minutes are the ones the figures give
	PrintedShare        // "printed-share": a percentage written in the minutes is the share of the base, truncated or rounded half up
	RoundSeats          // "round-seats": a further round fills at most the seats left
	RoundList           // "round-list": a further round's list holds nobody already elected
	SecretaryBallots    // "secretary-ballots": a chi bộ votes at most three times for its secretary
	MeetingSitting      // "meeting-sitting": a meeting's sitting members are the members the congress elected
	// Bodies a congress may elect.
	StandingFrom      // "standing-from": a grassroots đảng ủy elects a standing committee only with at least 9 committee members
	ChiBoNoInspection // "chibo-no-inspection": a chi bộ congress elects no inspection committee
	numRules
)

var ruleIDs = enumtext.New[RuleID]("rule", "quy tắc", "",
	"surplus-required", "surplus-max", "surplus-small-body", "surplus-min", "prepared-min", "prepared-max",
	"nominee-gate", "nominee-trim", "nominee-list",
	"chibo-committee", "chibo-committee-size", "chibo-deputies", "chibo-members",
	"chain", "quota", "working-time",
	"ballots-collected", "ballots-add-up", "invalid-reasons-add-up", "votes-per-candidate",
	"votes-total-min", "votes-total-max", "declared-elected", "printed-share",
	"round-seats", "round-list", "secretary-ballots", "meeting-sitting",
	"standing-from", "chibo-no-inspection")

// String returns the stable code, e.g. "surplus-max".
func (r RuleID) String() string { return ruleIDs.String(r) }

// MarshalText returns the stable code.
func (r RuleID) MarshalText() ([]byte, error) { return ruleIDs.Marshal(r) }

// UnmarshalText parses a stable code.
func (r *RuleID) UnmarshalText(b []byte) error {
	v, err := ruleIDs.Parse(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// Outcome is the verdict of one rule evaluation.
type Outcome uint8

// The outcomes, in increasing gravity.
const (
	Pass    Outcome = iota + 1 // "pass": the rule holds
	Warning                    // "warning": a target or recommendation is missed
	Fail                       // "fail": a requirement is broken
)

var outcomes = enumtext.New[Outcome]("outcome", "kết quả", "", "pass", "warning", "fail")

// String returns "pass", "warning" or "fail".
func (o Outcome) String() string { return outcomes.String(o) }

// Name returns the outcome for people.
func (o Outcome) Name(l ballot.Lang) string {
	switch o {
	case Pass:
		return ballot.Text{VI: "đạt", EN: "pass"}.In(l)
	case Warning:
		return ballot.Text{VI: "lưu ý", EN: "warning"}.In(l)
	case Fail:
		return ballot.Text{VI: "không đạt", EN: "fail"}.In(l)
	}
	return o.String()
}

// MarshalText returns the stable code.
func (o Outcome) MarshalText() ([]byte, error) { return outcomes.Marshal(o) }

// UnmarshalText parses a stable code.
func (o *Outcome) UnmarshalText(b []byte) error {
	v, err := outcomes.Parse(string(b))
	if err == nil {
		*o = v
	}
	return err
}

// A Finding is one evaluation of one rule: which rule, where, about whom, the
// outcome, and the figures that decided it — the bound, the value counted,
// and how far it is from the bound. Its messages are derived from these
// fields; programs should read the fields.
type Finding struct {
	Rule    RuleID             `json:"rule"`
	Path    ballot.Path        `json:"path"`              // what was checked, e.g. contests[0] or contests[0].candidates[3]
	Outcome Outcome            `json:"outcome"`           // pass, warning or fail
	Subject ballot.CandidateID `json:"subject,omitempty"` // the person, for rules about one person
	Office  ballot.Office      `json:"office,omitzero"`   // the office of the list checked
	Body    ballot.Office      `json:"body,omitzero"`     // for Chain: the body the person must belong to
	Trait   Trait              `json:"trait,omitzero"`    // for Quota: who is counted
	Bound   Bound              `json:"bound"`             // the limit that decided
	// Upper is the upper end of a band ("khoảng 40–50 %"), whose lower end
	// is Bound; zero for a single bound.
	Upper  Bound `json:"upper,omitzero"`
	Count  int   `json:"count"`            // the value counted
	Base   int   `json:"base,omitempty"`   // the base of a share bound
	Needed int   `json:"needed,omitempty"` // how many more would meet the bound
	Excess int   `json:"excess,omitempty"` // how many fewer would meet the bound
	// Names lists people the finding is about beyond Subject: the
	// candidates tied at a cut, the names missing from or extra on a list.
	Names []ballot.CandidateID `json:"names,omitempty"`
	// Written is a figure as written in filed minutes, for the checks of
	// printed figures.
	Written string `json:"written,omitempty"`
	// Note qualifies the outcome, such as a band with no whole number in it.
	Note   Note   `json:"note,omitzero"`
	Source string `json:"source"` // the article or guidance the rule comes from
}

// Note qualifies a finding's outcome.
type Note uint8

// The notes.
const (
	// NoWholeNumber: no whole number of extra candidates lies in the
	// prepared list's 10–15 % band (6, 11, 12, 13 seats, and 1–5), so the
	// smallest above 10 % satisfies it (rules.md §2, a library decision).
	NoWholeNumber Note = iota + 1 // "no-whole-number-in-band"
)

var notes = enumtext.New[Note]("note", "ghi chú", "", "no-whole-number-in-band")

// String returns the stable code.
func (n Note) String() string { return notes.String(n) }

// MarshalText returns the stable code.
func (n Note) MarshalText() ([]byte, error) { return notes.Marshal(n) }

// UnmarshalText parses a stable code.
func (n *Note) UnmarshalText(b []byte) error {
	v, err := notes.Parse(string(b))
	if err == nil {
		*n = v
	}
	return err
}

// Evaluate returns f with Outcome, Needed and Excess filled in from Bound
// (and Upper, for a band), Count and Base: Pass when the bound holds, sev
// when it does not.
func (f Finding) Evaluate(sev Outcome) Finding {
	f.Outcome = Pass
	f.Needed, f.Excess = f.Bound.Fix(f.Count, f.Base)
	if !f.Bound.Holds(f.Count, f.Base) {
		f.Outcome = sev
	} else if f.Upper.Cmp != 0 && !f.Upper.Holds(f.Count, f.Base) {
		f.Outcome = sev
		f.Needed, f.Excess = f.Upper.Fix(f.Count, f.Base)
	}
	return f
}

// String returns the finding on one line for logs, in English.
func (f Finding) String() string {
	return fmt.Sprintf("%s %s %s: %s", f.Outcome, f.Rule, f.Path, f.Message(ballot.English))
}

// Message returns the finding for people in language l, derived from its
// fields, naming people by their ids.
func (f Finding) Message(l ballot.Lang) string { return f.Describe(l, nil) }

// Describe is Message with people named by name(id), such as the full name
// from the congress's candidates; a nil name uses the ids.
func (f Finding) Describe(l ballot.Lang, name func(ballot.CandidateID) string) string {
	if name == nil {
		name = func(id ballot.CandidateID) string { return string(id) }
	}
	subject := name(f.Subject)
	t := func(vi, en string, args ...any) string {
		if l == ballot.English {
			return fmt.Sprintf(en, args...)
		}
		return fmt.Sprintf(vi, args...)
	}
	value := fmt.Sprint(f.Count)
	if f.Bound.Unit == OfShare && f.Base > 0 {
		value = fmt.Sprintf("%d/%d (%s)", f.Count, f.Base, FormatPercent(Percent(int64(f.Count), int64(f.Base), 2, Truncate), 2, l))
	}
	gap := ""
	switch {
	case f.Needed > 0:
		gap = t("; cần thêm %d", "; %d more needed", f.Needed)
	case f.Excess > 0:
		gap = t("; thừa %d", "; %d too many", f.Excess)
	}
	// office prefixes a message with the list it is about, when known.
	office := ""
	if f.Office.Valid() {
		office = f.Office.Name(l) + ": "
	}
	names := make([]string, len(f.Names))
	for i, id := range f.Names {
		names[i] = name(id)
	}
	list := strings.Join(names, ", ")
	switch f.Rule {
	case SurplusRequired, SurplusMax, SurplusSmallBody, SurplusMin:
		return t("%ssố dư %s, yêu cầu %s%s", "%ssurplus %s, required %s%s", office, value, f.Bound.Format(l), gap)
	case PreparedMin, PreparedMax:
		if f.Note == NoWholeNumber {
			return t("%sdanh sách cấp ủy giới thiệu có số dư %s; không có số nguyên nào trong khoảng 10–15 %%, số nhỏ nhất trên 10 %% được chấp nhận",
				"%sthe committee's list has surplus %s; no whole number lies in 10–15 %%, the smallest above 10 %% is accepted", office, value)
		}
		return t("%sdanh sách cấp ủy giới thiệu có số dư %s, nên %s%s", "%sthe committee's list has surplus %s, recommended %s%s",
			office, value, f.Bound.Format(l), gap)
	case NomineeGate:
		if f.Bound.Holds(f.Count, f.Base) {
			return t("%s được %s đại biểu dự đồng ý, %s: đủ điều kiện vào danh sách", "%s has %s of attendees agreeing, %s: eligible for the list",
				subject, value, f.Bound.Format(l))
		}
		if f.Outcome == Fail {
			return t("%s chỉ được %s đồng ý, cần %s, nhưng có tên trong danh sách", "%s has only %s agreeing, %s needed, yet is on the list",
				subject, value, f.Bound.Format(l))
		}
		return t("%s chỉ được %s đồng ý, cần %s: không vào danh sách", "%s has only %s agreeing, %s needed: not on the list",
			subject, value, f.Bound.Format(l))
	case NomineeTrim:
		if f.Outcome == Fail {
			return t("%svượt mức số dư tối đa, còn %d chỗ cho người được đề cử nhưng %s bằng phiếu nhau; đại hội quyết định",
				"%sover the surplus cap, %d places left for nominees but %s are tied; the congress decides",
				office, f.Needed, list)
		}
		return t("%svượt mức số dư tối đa, giữ %d người được đề cử theo số phiếu từ cao xuống; không giữ: %s",
			"%sover the surplus cap, %d nominees kept from the most votes down; not kept: %s", office, f.Count-f.Excess, list)
	case NomineeList:
		if f.Outcome == Pass {
			return t("%sdanh sách bầu cử khớp với kết quả giới thiệu, đề cử, ứng cử và xin rút", "%sthe list matches the nominations and withdrawals", office)
		}
		return t("%sdanh sách bầu cử không khớp với kết quả giới thiệu, đề cử, ứng cử và xin rút: %s", "%sthe list does not match the nominations and withdrawals: %s", office, list)
	case ChiBoCommittee:
		return t("chi bộ có %s đảng viên chính thức; bầu chi ủy khi %s", "the chi bộ has %s official members; a chi ủy is elected with %s", value, f.Bound.Format(l))
	case ChiBoCommitteeSize:
		return t("chi ủy bầu %s người, %s%s", "the chi ủy has %s seats, %s%s", value, f.Bound.Format(l), gap)
	case ChiBoDeputies:
		return t("bầu %s phó bí thư, %s%s", "%s deputy secretaries, %s%s", value, f.Bound.Format(l), gap)
	case ChiBoMembers:
		return t("đại hội chi bộ là đại hội đảng viên", "a chi bộ congress is a congress of all its members")
	case Chain:
		if f.Outcome == Pass {
			return t("%s ứng cử %s và là thành viên %s", "%s stands for %s and belongs to the %s", subject, f.Office.Name(l), f.Body.Name(l))
		}
		return t("%s ứng cử %s nhưng không phải thành viên %s", "%s stands for %s but does not belong to the %s", subject, f.Office.Name(l), f.Body.Name(l))
	case Quota:
		target := f.Bound.Format(l)
		if f.Upper.Cmp != 0 {
			target = t("khoảng %s–%s", "about %s–%s", f.Bound.limitIn(l), f.Upper.limitIn(l))
		}
		return t("%s%s là %s, mục tiêu %s%s", "%s%s are %s, target %s%s", office, f.Trait.Name(l), value, target, gap)
	case WorkingTime:
		return t("%s còn %d tháng công tác, cần %s tháng%s", "%s has %d months of working time left, %s months required%s",
			subject, f.Count, f.Bound.Format(l), gap)
	case BallotsCollected:
		return t("số phiếu thu vào %d, số phiếu phát ra %d", "%d ballots collected, %d issued", f.Count, f.Bound.Limit.Num())
	case BallotsAddUp:
		return t("phiếu hợp lệ và không hợp lệ cộng lại %d, số phiếu thu vào %d", "valid and invalid ballots add up to %d, collected %d",
			f.Count, f.Bound.Limit.Num())
	case InvalidReasonsAddUp:
		return t("phiếu không hợp lệ theo lý do cộng lại %d, số phiếu không hợp lệ %d", "invalid ballots by reason add up to %d, invalid %d",
			f.Count, f.Bound.Limit.Num())
	case VotesPerCandidate:
		return t("%s được %d phiếu, số phiếu hợp lệ %d", "%s has %d votes, valid ballots %d", subject, f.Count, f.Bound.Limit.Num())
	case VotesTotalMin, VotesTotalMax:
		return t("%stổng số phiếu bầu %d, yêu cầu %s", "%s%d votes in all, required %s", office, f.Count, f.Bound.Format(l))
	case DeclaredElected:
		if f.Outcome == Pass {
			return t("%sngười trúng cử ghi trong biên bản đúng với số phiếu", "%sthe elected written in the minutes are the ones the figures give", office)
		}
		return t("%sngười trúng cử ghi trong biên bản khác với số phiếu: %s", "%sthe elected written in the minutes differ from the figures: %s", office, list)
	case PrintedShare:
		if f.Outcome == Pass {
			return t("%s: tỉ lệ ghi %q đúng", "%s: the share written %q is right", subject, f.Written)
		}
		return t("%s: tỉ lệ ghi %q không phải số phiếu so với tổng số, dù cắt bỏ hay làm tròn", "%s: the share written %q is the votes over the base neither truncated nor rounded",
			subject, f.Written)
	case RoundSeats:
		return t("%slần bầu này bầu %d, %s số còn thiếu", "%sthis round fills %d seats, %s the seats left", office, f.Count, f.Bound.Format(l))
	case RoundList:
		if f.Outcome == Pass {
			return t("%sdanh sách lần bầu này không có người đã trúng cử", "%snobody on this round's list is already elected", office)
		}
		return t("%sdanh sách lần bầu này có người đã trúng cử: %s", "%sthis round's list holds people already elected: %s", office, list)
	case SecretaryBallots:
		return t("bầu bí thư chi bộ lần thứ %d; %s lần, sau đó cấp ủy cấp trên chỉ định", "chi bộ secretary, ballot %d; %s ballots, then the superior committee appoints",
			f.Count, f.Bound.Format(l))
	case StandingFrom:
		return t("%scấp ủy có %d ủy viên, cần %s để bầu ban thường vụ", "%sthe committee has %d members, %s needed to elect a standing committee",
			office, f.Count, f.Bound.Format(l))
	case ChiBoNoInspection:
		return t("%sđại hội chi bộ không bầu Ủy ban Kiểm tra", "%sa chi bộ congress elects no inspection committee", office)
	case MeetingSitting:
		return t("%s có %d thành viên dự hội nghị, đại hội bầu %d", "the %s has %d members sitting, the congress elected %d",
			f.Body.Name(l), f.Count, f.Bound.Limit.Num())
	}
	return t("quy tắc %s: %s", "rule %s: %s", f.Rule, value)
}

// VerdictFormat is the value of the "format" field of a verdict document.
const VerdictFormat = "kiemphieu.verdict/1"

// A Verdict is the audit trail of a check: every rule evaluated, passes
// included, in a deterministic order (contest by contest, in the order of the
// regime's rules, person by person in list order).
type Verdict struct {
	Regime   string    // the name of the regime applied
	Findings []Finding // every evaluation
}

// OK reports whether no finding failed. Warnings do not make a verdict fail.
func (v Verdict) OK() bool {
	for _, f := range v.Findings {
		if f.Outcome == Fail {
			return false
		}
	}
	return true
}

// Counts returns the number of findings of each outcome.
func (v Verdict) Counts() (pass, warning, fail int) {
	for _, f := range v.Findings {
		switch f.Outcome {
		case Pass:
			pass++
		case Warning:
			warning++
		case Fail:
			fail++
		}
	}
	return pass, warning, fail
}

// Worst returns the findings of the gravest outcome present (fails, or else
// warnings), or nil when everything passed.
func (v Verdict) Worst() []Finding {
	worst := Pass
	for _, f := range v.Findings {
		worst = max(worst, f.Outcome)
	}
	if worst == Pass {
		return nil
	}
	var out []Finding
	for _, f := range v.Findings {
		if f.Outcome == worst {
			out = append(out, f)
		}
	}
	return out
}

// String returns a one-line summary for logs, naming the first failure or
// warning.
func (v Verdict) String() string {
	p, w, f := v.Counts()
	s := fmt.Sprintf("%s: %d checks, %d pass, %d warning, %d fail", v.Regime, len(v.Findings), p, w, f)
	if worst := v.Worst(); len(worst) > 0 {
		s += fmt.Sprintf(" (first: %s at %s)", worst[0].Rule, worst[0].Path)
	}
	return s
}
