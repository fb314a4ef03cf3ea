package rules

import (
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// Check evaluates every rule of g that applies to the lists of congress c, as
// the organisation committee (ban tổ chức) prepares them: the surplus of
// each list and of the committee's prepared list, the nominations at the
// congress, the chi bộ rules, the chain rules on the bodies recorded in
// each candidate's Holds, the structure quotas, and the working time left.
//
// A rule broken by well-formed input is a finding in the verdict. The error
// is for input that cannot be judged: a malformed congress (the ErrorList of
// Congress.Validate), or personnel data that a rule of g needs and c lacks —
// a sex, a birth month, a reference month — each with its path.
func (g Regime) Check(c ballot.Congress) (Verdict, error) {
	if err := c.Validate(); err != nil {
		return Verdict{}, err
	}
	ck := newChecker(g, c)
	if c.Level == ballot.LevelChiBo {
		ck.chiBo()
	}
	ck.add(g.CheckStanding(c)...)
	for i, ct := range c.Contests {
		at := ballot.Path("contests").Index(i)
		ck.add(g.CheckList(c, i)...)
		ck.nominations(at, ct)
		ck.add(g.CheckChain(c.Level, at, ct, ck.recordedHolds, ck.recordedBodies)...)
		fs, err := g.CheckQuotas(c, at, ct.Office, ct.Candidates)
		ck.add(fs...)
		ck.fail(err)
		fs, err = g.CheckWorkingTime(c, i)
		ck.add(fs...)
		ck.fail(err)
	}
	if err := ck.errs.Err(); err != nil {
		return Verdict{}, err
	}
	return Verdict{Regime: g.Name, Findings: ck.findings}, nil
}

type checker struct {
	g        Regime
	c        ballot.Congress
	people   map[ballot.CandidateID]ballot.Candidate
	findings []Finding
	errs     ballot.ErrorList
	// recordedBodies are the bodies someone in the congress is recorded as
	// holding: a chain rule is checked from Holds only for those.
	recordedBodies ballot.Offices
}

func newChecker(g Regime, c ballot.Congress) *checker {
	ck := &checker{g: g, c: c, people: make(map[ballot.CandidateID]ballot.Candidate, len(c.Candidates))}
	for _, p := range c.Candidates {
		ck.people[p.ID] = p
		ck.recordedBodies |= p.Holds
	}
	return ck
}

func (ck *checker) add(f ...Finding) { ck.findings = append(ck.findings, f...) }

func (ck *checker) fail(err error) {
	if list, ok := err.(ballot.ErrorList); ok {
		for _, e := range list {
			if !slices.ContainsFunc(ck.errs, func(o *ballot.Error) bool { return o.Path == e.Path && o.Code == e.Code }) {
				ck.errs = append(ck.errs, e)
			}
		}
	}
}

func (ck *checker) recordedHolds(id ballot.CandidateID) ballot.Offices { return ck.people[id].Holds }

// CheckList evaluates the surplus rules of g on contest i of c: the list
// printed (Final) and the convening committee's list (Prepared).
func (g Regime) CheckList(c ballot.Congress, i int) []Finding {
	ct := c.Contests[i]
	at := ballot.Path("contests").Index(i)
	overridden := make(map[RuleID]bool)
	for _, r := range g.Lists {
		if r.appliesTo(ct.Office, ct.Seats) {
			for _, o := range r.Overrides {
				overridden[o] = true
			}
		}
	}
	var out []Finding
	for _, r := range g.Lists {
		if !r.appliesTo(ct.Office, ct.Seats) || overridden[r.Rule] {
			continue
		}
		list, path := ct.Candidates, at
		if r.Stage == Prepared {
			list, path = preparedList(c, ct), at.Child("nominations").Child("introduced")
			if ct.Nominations == nil {
				path = at
			}
		}
		f := Finding{Rule: r.Rule, Path: path, Office: ct.Office, Bound: r.Bound,
			Count: len(list) - ct.Seats, Source: r.Source}
		if r.Bound.Unit == OfShare {
			f.Base = ct.Seats
		}
		f = f.Evaluate(r.Severity)
		if lo, hi, ok := g.preparedBand(r, ct.Office, ct.Seats); ok && lo > hi && f.Count == lo && f.Outcome != Pass {
			// No whole number lies in the band: the smallest above its
			// minimum satisfies it (rules.md §2).
			f.Outcome, f.Needed, f.Excess, f.Note = Pass, 0, 0, NoWholeNumber
		}
		out = append(out, f)
	}
	return out
}

// preparedBand returns, for a rule r on the prepared list, the band of
// whole surpluses that the prepared list's lower and upper share bounds
// allow at seats: the smallest surplus meeting the lower bound and the
// largest meeting the upper. ok is false unless r is one of such a pair.
func (g Regime) preparedBand(r ListRule, o ballot.Office, seats int) (lo, hi int, ok bool) {
	if r.Stage != Prepared || r.Bound.Unit != OfShare {
		return 0, 0, false
	}
	var haveLo, haveHi bool
	for _, q := range g.Lists {
		if q.Stage != Prepared || q.Bound.Unit != OfShare || !q.appliesTo(o, seats) {
			continue
		}
		switch q.Bound.Cmp {
		case AtLeast, MoreThan:
			lo, haveLo = q.Bound.MinCount(seats), true
		case AtMost, LessThan:
			hi, haveHi = q.Bound.MaxCount(seats), true
		}
	}
	return lo, hi, haveLo && haveHi
}

// preparedList is the convening committee's list of a contest: its
// nominations' introduced list, or the names of the final list whose origin
// is the committee.
func preparedList(c ballot.Congress, ct ballot.Contest) []ballot.CandidateID {
	if ct.Nominations != nil {
		return ct.Nominations.Introduced
	}
	origin := make(map[ballot.CandidateID]ballot.Origin, len(c.Candidates))
	for _, p := range c.Candidates {
		origin[p.ID] = p.Origin
	}
	var list []ballot.CandidateID
	for _, id := range ct.Candidates {
		if origin[id] == ballot.FromCommittee {
			list = append(list, id)
		}
	}
	return list
}

// MaxSurplus returns the largest surplus the final list of a contest for
// office o with the given seats may have under g's list rules, and false
// when no rule caps it.
func (g Regime) MaxSurplus(o ballot.Office, seats int) (int, bool) {
	overridden := make(map[RuleID]bool)
	for _, r := range g.Lists {
		if r.appliesTo(o, seats) {
			for _, ov := range r.Overrides {
				overridden[ov] = true
			}
		}
	}
	best, capped := 0, false
	for _, r := range g.Lists {
		if r.Stage != Final || !r.appliesTo(o, seats) || overridden[r.Rule] || (r.Bound.Cmp != AtMost && r.Bound.Cmp != LessThan) {
			continue
		}
		s := r.Bound.MaxCount(seats)
		if !capped || s < best {
			best, capped = s, true
		}
	}
	return max(best, 0), capped
}

// nominations evaluates the opinion-vote gate for each nominee, the trimming
// of a list over the cap, and whether the printed list is the one the
// nominations give.
func (ck *checker) nominations(at ballot.Path, ct ballot.Contest) {
	n := ct.Nominations
	if n == nil {
		return
	}
	at = at.Child("nominations")
	onList := make(map[ballot.CandidateID]bool, len(ct.Candidates))
	for _, id := range ct.Candidates {
		onList[id] = true
	}
	withdrawn := make(map[ballot.CandidateID]bool, len(n.Withdrawn))
	for _, id := range n.Withdrawn {
		withdrawn[id] = true
	}
	gate := ck.g.Nomination.Gate
	var admitted []ballot.Nominee // nominees through the gate, not withdrawn
	for j, nom := range n.Nominees {
		pass := gate.Cmp == 0 || gate.Holds(nom.Agree, n.Attending)
		if pass && !withdrawn[nom.ID] {
			admitted = append(admitted, nom)
		}
		if gate.Cmp == 0 {
			continue
		}
		f := Finding{Rule: NomineeGate, Path: at.Child("nominees").Index(j), Subject: nom.ID, Office: ct.Office,
			Bound: gate, Count: nom.Agree, Base: n.Attending, Source: ck.g.Nomination.Source}
		f.Needed, f.Excess = gate.Fix(nom.Agree, n.Attending)
		f.Outcome = Pass
		if !pass && onList[nom.ID] {
			f.Outcome = Fail
		}
		ck.add(f)
	}
	var committeeKept []ballot.CandidateID
	for _, id := range n.Introduced {
		if !withdrawn[id] {
			committeeKept = append(committeeKept, id)
		}
	}

	// Trim to the cap, from the most votes down; a tie at the cut is
	// reported, not broken.
	kept, tied := admitted, []ballot.Nominee(nil)
	if maxS, capped := ck.g.MaxSurplus(ct.Office, ct.Seats); capped && len(committeeKept)+len(admitted) > ct.Seats+maxS {
		places := max(0, ct.Seats+maxS-len(committeeKept))
		votes := make([]int, len(admitted))
		for k, nom := range admitted {
			votes[k] = nom.Agree
		}
		fill := FillSeats(votes, places)
		kept = nil
		for _, k := range fill.Elected {
			kept = append(kept, admitted[k])
		}
		for _, k := range fill.Tied {
			tied = append(tied, admitted[k])
		}
		var dropped []ballot.CandidateID
		if len(tied) == 0 {
			for _, k := range fill.Rest {
				dropped = append(dropped, admitted[k].ID)
			}
		}
		f := Finding{Rule: NomineeTrim, Path: at, Office: ct.Office, Bound: Count(AtMost, places),
			Count: len(admitted), Names: dropped, Source: ck.g.Nomination.Source}
		f.Needed, f.Excess = f.Bound.Fix(f.Count, 0)
		f.Outcome = Pass
		if len(tied) > 0 {
			f.Outcome = Fail
			f.Names = nil
			for _, nom := range tied {
				f.Names = append(f.Names, nom.ID)
			}
			f.Needed = places - len(kept)
		}
		ck.add(f)
	}

	// The printed list must be the committee's, less withdrawals, plus the
	// nominees kept; the tied may be on it or not.
	want := make(map[ballot.CandidateID]bool)
	for _, id := range committeeKept {
		want[id] = true
	}
	for _, nom := range kept {
		want[nom.ID] = true
	}
	undecided := make(map[ballot.CandidateID]bool)
	for _, nom := range tied {
		undecided[nom.ID] = true
	}
	var wrong []ballot.CandidateID
	for _, id := range ct.Candidates {
		if !want[id] && !undecided[id] {
			wrong = append(wrong, id) // on the list but should not be
		}
	}
	for _, id := range append(slices.Clone(committeeKept), ids(kept)...) {
		if !onList[id] {
			wrong = append(wrong, id) // should be on the list but is not
		}
	}
	f := Finding{Rule: NomineeList, Path: at, Office: ct.Office, Bound: Count(AtMost, 0),
		Count: len(wrong), Names: wrong, Source: ck.g.Nomination.Source}
	ck.add(f.Evaluate(Fail))
}

func ids(noms []ballot.Nominee) []ballot.CandidateID {
	out := make([]ballot.CandidateID, len(noms))
	for i, n := range noms {
		out[i] = n.ID
	}
	return out
}

// chiBo evaluates the chi bộ rules of QĐ 294.
func (ck *checker) chiBo() {
	r, c := ck.g.ChiBo, ck.c
	members := 0
	if c.Roster.Members != nil {
		members = 1
	}
	ck.add(Finding{Rule: ChiBoMembers, Path: "roster", Bound: Count(AtLeast, 1), Count: members, Source: r.Source}.Evaluate(Fail))
	for i, ct := range c.Contests {
		at := ballot.Path("contests").Index(i)
		switch ct.Office {
		case ballot.OfficeCommittee:
			if r.CommitteeFrom > 0 && c.Roster.Members != nil {
				ck.add(Finding{Rule: ChiBoCommittee, Path: at, Office: ct.Office, Bound: Count(AtLeast, r.CommitteeFrom),
					Count: c.Roster.Members.Official, Source: r.Source}.Evaluate(Fail))
			}
			if r.MaxCommittee > 0 {
				ck.add(Finding{Rule: ChiBoCommitteeSize, Path: at.Child("seats"), Office: ct.Office, Bound: Count(AtMost, r.MaxCommittee),
					Count: ct.Seats, Source: r.Source}.Evaluate(Fail))
			}
		case ballot.OfficeInspection, ballot.OfficeInspectionChair, ballot.OfficeInspectionVice:
			if r.NoInspection {
				ck.add(Finding{Rule: ChiBoNoInspection, Path: at.Child("office"), Office: ct.Office, Bound: Count(AtMost, 0),
					Count: 1, Source: r.InspectionSource}.Evaluate(Fail))
			}
		case ballot.OfficeDeputySecretary:
			if r.MaxDeputies > 0 {
				ck.add(Finding{Rule: ChiBoDeputies, Path: at.Child("seats"), Office: ct.Office, Bound: Count(AtMost, r.MaxDeputies),
					Count: ct.Seats, Source: r.Source}.Evaluate(Fail))
			}
		}
	}
}

// CheckStanding evaluates the standing rule of g on congress c: at the
// levels it names, a contest for the standing committee needs a committee
// of at least CommitteeFrom members — the seats of the committee's contests
// plus the members designated to it (a commune short of 9 gets "chỉ định bổ
// sung cấp ủy viên"), or, when c holds no committee contest, the sitting
// members of the committee's meeting that votes. Under that, only the
// secretary and deputies are elected (rules.md §1). When c tells nothing of
// the committee's size, nothing is checked.
func (g Regime) CheckStanding(c ballot.Congress) []Finding {
	r := g.Standing
	if r.CommitteeFrom <= 0 || !slices.Contains(r.Levels, c.Level) {
		return nil
	}
	size, known := 0, false
	for _, ct := range c.Contests {
		if ct.Office == ballot.OfficeCommittee {
			size, known = size+ct.Seats, true
		}
	}
	for _, d := range c.Designated {
		if d.Office == ballot.OfficeCommittee {
			size, known = size+1, true
		}
	}
	var out []Finding
	for i, ct := range c.Contests {
		size := size
		if m := ct.Meeting; !known && m != nil && m.Body == ballot.OfficeCommittee {
			size = m.Sitting
		} else if !known {
			continue
		}
		if ct.Office == ballot.OfficeStanding {
			out = append(out, Finding{Rule: StandingFrom, Path: ballot.Path("contests").Index(i), Office: ct.Office,
				Bound: Count(AtLeast, r.CommitteeFrom), Count: size, Source: r.Source}.Evaluate(Fail))
		}
	}
	return out
}

// CheckChain evaluates the chain rules of g for the list of contest ct (at
// path at) in a congress of the given level: each candidate for an office
// drawn from a body must belong to it. holds tells the bodies a person
// belongs to; a rule is checked only when its body is in checked (the
// bodies elected so far, or recorded in the input).
func (g Regime) CheckChain(level ballot.Level, at ballot.Path, ct ballot.Contest,
	holds func(ballot.CandidateID) ballot.Offices, checked ballot.Offices) []Finding {
	var out []Finding
	for _, r := range g.Chains {
		if r.Office != ct.Office || !r.appliesAt(level) || !checked.Has(r.Body) || checked.Has(r.Unless) {
			continue
		}
		for k, id := range ct.Candidates {
			in := 0
			if holds(id).Has(r.Body) {
				in = 1
			}
			out = append(out, Finding{Rule: Chain, Path: at.Child("candidates").Index(k), Subject: id,
				Office: ct.Office, Body: r.Body, Bound: Count(AtLeast, 1), Count: in, Source: r.Source}.Evaluate(Fail))
		}
	}
	return out
}

// CheckQuotas evaluates the quotas of g for office o over group, the people
// of a list or of an elected body, reported at path at. The base of a share
// is the size of the group. It needs each person's sex for a women's quota
// and birth month, with a reference month, for an age quota; what is missing
// is returned as an ErrorList with the paths in c.
func (g Regime) CheckQuotas(c ballot.Congress, at ballot.Path, o ballot.Office, group []ballot.CandidateID) ([]Finding, error) {
	var errs ballot.ErrorList
	var out []Finding
	ref := g.ReferenceMonth(c)
	index := registry(c)
	for _, q := range g.Quotas {
		if q.Office != o || !q.appliesAt(c.Level) {
			continue
		}
		count := 0
		for _, id := range group {
			k := index[id]
			p := c.Candidates[k]
			has, ok := hasTrait(p, q.Trait, ref)
			if !ok {
				missing(&errs, k, q.Trait, ref)
				continue
			}
			if has {
				count++
			}
		}
		f := Finding{Rule: Quota, Path: at, Office: o, Trait: q.Trait, Bound: q.Bound, Upper: q.Upper, Count: count, Source: q.Source}
		if q.Bound.Unit == OfShare {
			f.Base = len(group)
		}
		out = append(out, f.Evaluate(q.Severity))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func registry(c ballot.Congress) map[ballot.CandidateID]int {
	index := make(map[ballot.CandidateID]int, len(c.Candidates))
	for k, p := range c.Candidates {
		index[p.ID] = k
	}
	return index
}

// hasTrait reports whether p has trait t at the reference month ref, and
// false for ok when the data to tell is missing.
func hasTrait(p ballot.Candidate, t Trait, ref ballot.Month) (has, ok bool) {
	switch t.Kind {
	case Women:
		return p.Sex == ballot.Female, p.Sex != 0
	case EthnicMinority:
		return p.EthnicMinority, true
	case FirstTime:
		return !p.Incumbent, true
	case AgeBracket:
		if p.Born.IsZero() || ref.IsZero() {
			return false, false
		}
		age := AgeAt(p.Born, ref)
		return age >= t.MinAge && (t.MaxAge == 0 || age <= t.MaxAge), true
	}
	return false, true
}

// AgeAt returns the age in whole years at month ref of a person born in
// month born (the birthday month counts as reached).
func AgeAt(born, ref ballot.Month) int {
	return born.MonthsUntil(ref) / 12
}

func missing(errs *ballot.ErrorList, k int, t Trait, ref ballot.Month) {
	at := ballot.Path("candidates").Index(k)
	switch {
	case t.Kind == Women:
		errs.Addf(at.Child("sex"), ballot.ErrRequired, "", "cần giới tính để tính chỉ tiêu nữ", "the sex is needed for the women's quota")
	case ref.IsZero():
		errs.Addf("reference_month", ballot.ErrRequired, "", "cần thời điểm tính tuổi", "the reference month for ages is needed")
	default:
		errs.Addf(at.Child("born"), ballot.ErrRequired, "", "cần tháng năm sinh để tính tuổi", "the birth month is needed for the age quotas")
	}
}

// CheckWorkingTime evaluates the working-time rule of g for the list of
// contest i of c: months from the reference month to the month of
// retirement, at least NeededMonths for each person. The bound belongs to
// the person, so a person's verdict is the same on every list the rule
// covers. It needs each person's sex and birth month (or an individual
// retirement month) and a reference month.
func (g Regime) CheckWorkingTime(c ballot.Congress, i int) ([]Finding, error) {
	w, ct := g.WorkingTime, c.Contests[i]
	applies := w.Offices.Has(ct.Office)
	for _, e := range w.Exceptions {
		if e.Office == ct.Office && e.Level == c.Level {
			applies = true // a deputy secretary's own list is under the rule too
		}
	}
	if !applies {
		return nil, nil
	}
	ref := g.ReferenceMonth(c)
	src := w.Source
	if g.ReferenceAssumed(c) {
		src += srcAssumedReference
	}
	index := registry(c)
	var errs ballot.ErrorList
	var out []Finding
	at := ballot.Path("contests").Index(i)
	for k, id := range ct.Candidates {
		p := c.Candidates[index[id]]
		need := g.NeededMonths(c, p)
		if need == 0 {
			continue
		}
		if ref.IsZero() {
			errs.Addf("reference_month", ballot.ErrRequired, "", "cần thời điểm tính tuổi để tính thời gian công tác",
				"the reference month is needed for the working-time rule")
			break
		}
		retires := p.Retires
		if retires.IsZero() {
			var err error
			if retires, err = g.Retirement.RetirementMonth(p.Sex, p.Born); err != nil {
				pat := ballot.Path("candidates").Index(index[id])
				if p.Sex == 0 {
					errs.Addf(pat.Child("sex"), ballot.ErrRequired, "", "cần giới tính để tính tuổi nghỉ hưu", "the sex is needed for the retirement age")
				}
				if p.Born.IsZero() {
					errs.Addf(pat.Child("born"), ballot.ErrRequired, "", "cần tháng năm sinh để tính tuổi nghỉ hưu", "the birth month is needed for the retirement age")
				}
				continue
			}
		}
		out = append(out, Finding{Rule: WorkingTime, Path: at.Child("candidates").Index(k), Subject: id, Office: ct.Office,
			Bound: Count(AtLeast, need), Count: ref.MonthsUntil(retires), Source: src}.Evaluate(w.Severity))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// NeededMonths returns the months of working time person p needs at
// congress c under g's working-time rule, zero when none is checked: the
// body's full term (or FirstTime) for a first-time member; for a
// re-nominated one (Incumbent, or holding a post in the outgoing term)
// Reelection, or an exception's months when p holds its office in the
// outgoing term at a congress of its level. It depends on the person and
// the congress only, never on the list.
func (g Regime) NeededMonths(c ballot.Congress, p ballot.Candidate) int {
	w := g.WorkingTime
	if !p.Incumbent && p.Outgoing == 0 {
		if w.FullTerm {
			return c.TermLength()
		}
		return w.FirstTime
	}
	need := w.Reelection
	for _, e := range w.Exceptions {
		if e.Level == c.Level && p.Outgoing.Has(e.Office) {
			need = e.Reelection
		}
	}
	return need
}
