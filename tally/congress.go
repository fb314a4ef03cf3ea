package tally

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
)

// Options are the choices of a count. The zero Options is the documented
// default.
type Options struct {
	// Regime supplies the chain rules applied between contests, the
	// counting rules and articles, and, with CheckLists, the list checks.
	// Nil means the regime in force for the congress's opening day and
	// level (rules.InForce; an error when the day is needed and only a
	// month is given), or rules.QD190() when the congress gives no opening
	// day.
	Regime *rules.Regime
	// CheckLists includes the organisation committee's check of the lists
	// (rules.Regime.Check) in the result. It needs the personnel data the
	// regime's rules use; off by default, since a counting board may hold
	// only names.
	CheckLists bool
	// SurplusQualifiersAsAlternates makes the candidates who cleared the
	// threshold on the official delegates' ballot but found no seat the
	// first alternates, in vote order, before any alternate ballot
	// (rules.md §4.5: the clause is cut off in every copy found). Off by
	// default: alternates come only from their own ballot.
	SurplusQualifiersAsAlternates bool
}

// A ContestResult is the outcome of a contest across its rounds: who was
// elected, in the order elected (round by round, most votes first), the
// seats left, the step proposed next, and the checks across rounds.
type ContestResult struct {
	ID     ballot.ContestID `json:"id"`
	Office ballot.Office    `json:"office"`
	Seats  int              `json:"seats"`
	// CountingBoard is the board that counted: the contest's own, or the
	// congress's.
	CountingBoard []string `json:"counting_board,omitempty"`
	// FromOfficial are the alternates taken from the official delegates'
	// surplus qualifiers, in vote order (Options.SurplusQualifiersAsAlternates).
	FromOfficial []ballot.CandidateID `json:"from_official,omitempty"`
	Rounds       []RoundResult        `json:"rounds"`
	Elected      []ballot.CandidateID `json:"elected"`
	SeatsLeft    int                  `json:"seats_left"`
	Next         Next                 `json:"next"`
	Findings     []rules.Finding      `json:"findings"`
}

// A Person is someone on the lists of a counted congress, with the data a
// superior committee aggregates, and the bodies they belong to at its end.
type Person struct {
	ID             ballot.CandidateID `json:"id"`
	Name           string             `json:"name"`
	Sex            ballot.Sex         `json:"sex,omitzero"`
	Born           ballot.Month       `json:"born,omitzero"`
	EthnicMinority bool               `json:"ethnic_minority,omitempty"`
	Incumbent      bool               `json:"incumbent,omitempty"`
	Origin         ballot.Origin      `json:"origin,omitzero"`
	Holds          []ballot.Office    `json:"holds,omitempty"`
	// Designated are the offices of Holds held with no vote, designated or
	// ex officio (ballot.Congress.Designated).
	Designated []ballot.Office `json:"designated,omitempty"`
}

// A Result is a counted congress: its base, each contest with each round,
// the checks, and the people with the bodies they hold at the end. It is the
// document a superior committee receives (format "kiemphieu.tally/1").
type Result struct {
	Congress       string          `json:"congress"`
	Level          ballot.Level    `json:"level"`
	Term           string          `json:"term,omitempty"`
	ReferenceMonth ballot.Month    `json:"reference_month,omitzero"` // the one in force: the congress's or the regime's
	Regime         string          `json:"regime"`
	Articles       Articles        `json:"articles"` // what the minutes and checks cite, by the regime
	Base           Base            `json:"base"`     // the congress's own; meetings have theirs in their rounds
	Lists          *rules.Verdict  `json:"lists,omitempty"`
	Contests       []ContestResult `json:"contests"`
	// Designated are the seats held with no vote (chỉ định, đương nhiên),
	// as recorded: no minutes, but they count in the bodies.
	Designated []ballot.Designation `json:"designated,omitempty"`
	// Structure is the regime's structure targets checked on the bodies
	// actually elected (all rounds) with their designated members
	// (rules.md §5), with Options.CheckLists; the base of a share is the
	// body.
	Structure []rules.Finding `json:"structure,omitempty"`
	People    []Person        `json:"people"`
}

// Count counts every contest of congress c in document order, each round
// against its base (the congress's roster, or the meeting's), and applies the
// chain rules between contests with the bodies elected so far: a standing
// committee candidate must by then be on the committee, and so on.
//
// Rules broken by well-formed input are findings. The error is for a
// malformed congress, or, with Options.CheckLists, personnel data the list
// rules need and c lacks.
func Count(c ballot.Congress, opt Options) (Result, error) {
	if err := c.Validate(); err != nil {
		return Result{}, err
	}
	g := rules.QD190()
	switch {
	case opt.Regime != nil:
		g = opt.Regime.Clone()
	case !c.Opening.IsZero():
		var err error
		if g, err = rules.InForce(c.Opening, c.Level); err != nil {
			return Result{}, err
		}
	}
	res := Result{Congress: c.Name, Level: c.Level, Term: c.Term, ReferenceMonth: g.ReferenceMonth(c),
		Regime: g.Name, Articles: ArticlesOf(g), Base: BaseOf(c.Roster)}
	if opt.CheckLists {
		v, err := g.Check(c)
		if err != nil {
			return Result{}, err
		}
		res.Lists = &v
	}

	// The bodies recorded in the input, plus those this congress elects:
	// a chain rule is checked for every body in either.
	holds := make(map[ballot.CandidateID]ballot.Offices, len(c.Candidates))
	var checked ballot.Offices
	for _, p := range c.Candidates {
		holds[p.ID] = p.Holds
		checked |= p.Holds
	}
	designated := make(map[ballot.CandidateID]ballot.Offices, len(c.Designated))
	for _, d := range c.Designated {
		holds[d.ID] = holds[d.ID].With(d.Office)
		designated[d.ID] = designated[d.ID].With(d.Office)
		checked = checked.With(d.Office)
	}
	res.Designated = slices.Clone(c.Designated)
	for _, ct := range c.Contests {
		checked = checked.With(ct.Office)
	}
	electedTo := make(map[ballot.Office]int) // how many sit in each body: designated, then elected
	for _, d := range c.Designated {
		electedTo[d.Office]++
	}
	official := -1 // the index of the last official delegates' contest counted

	for i, ct := range c.Contests {
		at := ballot.Path("contests").Index(i)
		base := res.Base
		if ct.Meeting != nil {
			base = MeetingBase(*ct.Meeting)
		}
		var fromOfficial []Standing
		if ct.Office == ballot.OfficeAlternates && opt.SurplusQualifiersAsAlternates && official >= 0 {
			fromOfficial = surplusQualifiers(res.Contests[official])
		}
		cr, err := countContest(at, c, ct, base, fromOfficial, g.Counting)
		if err != nil {
			return Result{}, err
		}
		// Chain rules, with the bodies held before this contest.
		cr.Findings = append(cr.Findings, g.CheckChain(c.Level, at, ct,
			func(id ballot.CandidateID) ballot.Offices { return holds[id] }, checked)...)
		if m := ct.Meeting; m != nil {
			if n, ok := electedTo[m.Body]; ok {
				cr.Findings = append(cr.Findings, rules.Finding{Rule: rules.MeetingSitting, Path: at.Child("meeting").Child("sitting"),
					Office: ct.Office, Body: m.Body, Bound: rules.Count(rules.Exactly, n), Count: m.Sitting, Source: res.Articles.Result}.Evaluate(rules.Fail))
			}
		}
		for _, id := range cr.Elected {
			holds[id] = holds[id].With(ct.Office)
		}
		electedTo[ct.Office] += len(cr.Elected)
		res.Contests = append(res.Contests, cr)
		if ct.Office == ballot.OfficeDelegates {
			official = len(res.Contests) - 1
		}
	}

	for _, p := range c.Candidates {
		res.People = append(res.People, Person{ID: p.ID, Name: p.Name, Sex: p.Sex, Born: p.Born,
			EthnicMinority: p.EthnicMinority, Incumbent: p.Incumbent, Origin: p.Origin, Holds: holds[p.ID].List(),
			Designated: designated[p.ID].List()})
	}
	if opt.CheckLists {
		s, err := structure(g, c, res)
		if err != nil {
			return Result{}, err
		}
		res.Structure = s
	}
	return res, nil
}

// structure checks the regime's quotas on each body as elected: the
// elected of every contest for it, all rounds, and the members designated
// to it, reported at its last contest (or at "designated").
func structure(g rules.Regime, c ballot.Congress, res Result) ([]rules.Finding, error) {
	var offices ballot.Offices
	for _, q := range g.Quotas {
		offices = offices.With(q.Office)
	}
	var out []rules.Finding
	for _, o := range offices.List() {
		var group []ballot.CandidateID
		at := ballot.Path("designated")
		for i, ct := range res.Contests {
			if ct.Office == o {
				at = ballot.Path("contests").Index(i)
				group = append(group, ct.Elected...)
			}
		}
		for _, d := range c.Designated {
			if d.Office == o && !slices.Contains(group, d.ID) {
				group = append(group, d.ID)
			}
		}
		if len(group) == 0 {
			continue
		}
		fs, err := g.CheckQuotas(c, at, o, group)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}

// surplusQualifiers returns the candidates of the official delegates'
// contest who cleared the threshold but were not elected, most votes first,
// from its last round in which each stood.
func surplusQualifiers(official ContestResult) []Standing {
	seen := make(map[ballot.CandidateID]bool)
	for _, id := range official.Elected {
		seen[id] = true
	}
	var out []Standing
	for k := len(official.Rounds) - 1; k >= 0; k-- {
		for _, s := range official.Rounds[k].Standings {
			if !seen[s.ID] && (s.Status == Qualified || s.Status == Tied) {
				out = append(out, s)
			}
			seen[s.ID] = true
		}
	}
	slices.SortStableFunc(out, func(a, b Standing) int { return cmp.Compare(b.Votes, a.Votes) })
	return out
}

// countContest counts the rounds of contest ct in order, carrying the seats
// left and the elected from round to round.
func countContest(at ballot.Path, c ballot.Congress, ct ballot.Contest, base Base, fromOfficial []Standing, cr0 rules.CountingRule) (ContestResult, error) {
	arts := Articles{Ballots: cr0.Ballots, Result: cr0.Result, Minutes: cr0.Minutes}
	srcResult := arts.Result
	cr := ContestResult{ID: ct.ID, Office: ct.Office, Seats: ct.Seats, CountingBoard: slices.Clone(c.CountingBoard)}
	if len(ct.CountingBoard) > 0 {
		cr.CountingBoard = slices.Clone(ct.CountingBoard)
	}
	seatsLeft := ct.Seats
	next := Next{Step: Vote, Seats: ct.Seats, Candidates: slices.Clone(ct.Candidates)}

	if len(fromOfficial) > 0 {
		// Alternates from the official ballot's surplus qualifiers, in vote
		// order; a tie at the last alternate seat is left to a run-off.
		votes := make([]int, len(fromOfficial))
		for k, s := range fromOfficial {
			votes[k] = s.Votes
		}
		fill := rules.FillSeats(votes, seatsLeft)
		for _, k := range fill.Elected {
			cr.FromOfficial = append(cr.FromOfficial, fromOfficial[k].ID)
		}
		seatsLeft -= len(cr.FromOfficial)
		if len(fill.Tied) > 0 {
			var tied []ballot.CandidateID
			for _, k := range fill.Tied {
				tied = append(tied, fromOfficial[k].ID)
			}
			next = Next{Step: RunOff, Seats: seatsLeft, Candidates: tied}
		} else {
			next = Next{Step: AnotherRound, Seats: seatsLeft, Candidates: without(ct.Candidates, cr.FromOfficial)}
		}
		cr.Elected = slices.Clone(cr.FromOfficial)
		if seatsLeft == 0 {
			next = Next{Step: Done}
		}
	}

	// The chi bộ's secretary, voted on by the congress itself, has a ballot
	// limit under the regime; a secretary elected by a committee's meeting
	// has none.
	chiBoSecretary := cr0.SecretaryBallots > 0 && c.Level == ballot.LevelChiBo && ct.Office == ballot.OfficeSecretary && ct.Meeting == nil
	for k, r := range ct.Rounds {
		rat := at.Child("rounds").Index(k)
		if k > 0 || len(cr.FromOfficial) > 0 {
			f := rules.Finding{Rule: rules.RoundSeats, Path: rat.Child("seats"), Office: ct.Office,
				Bound: rules.Count(rules.AtMost, seatsLeft), Count: r.Seats, Source: srcResult}
			cr.Findings = append(cr.Findings, f.Evaluate(rules.Fail))
			var again []ballot.CandidateID
			for _, id := range r.Candidates {
				if slices.Contains(cr.Elected, id) {
					again = append(again, id)
				}
			}
			cr.Findings = append(cr.Findings, rules.Finding{Rule: rules.RoundList, Path: rat.Child("candidates"),
				Office: ct.Office, Bound: rules.Count(rules.AtMost, 0), Count: len(again), Names: again, Source: srcResult}.Evaluate(rules.Fail))
		}
		rr, err := countRound(rat, k+1, r, base, c.Policy, arts)
		if err != nil {
			return ContestResult{}, err
		}
		for j := range rr.Findings {
			rr.Findings[j].Office = ct.Office
		}
		runOff := next.Step == RunOff
		for _, id := range rr.Elected {
			// Someone elected before and wrongly on this round's paper (a
			// round-list finding) is elected once.
			if !slices.Contains(cr.Elected, id) {
				cr.Elected = append(cr.Elected, id)
			}
		}
		seatsLeft = max(0, ct.Seats-len(cr.Elected))
		// The step after this round, by the rules of the office.
		switch {
		case rr.Tie != nil && runOff:
			rr.Next.Step = CongressDecides // still tied after a run-off: the congress decides
		case rr.Tie != nil:
		case seatsLeft == 0:
			rr.Next = Next{Step: Done}
		case chiBoSecretary && k+1 >= cr0.SecretaryBallots:
			rr.Next = Next{Step: Appointed}
		case chiBoSecretary:
			rr.Next.Step = AnotherRound
		case cr0.AnotherRound.Has(ct.Office) && k == 0:
			rr.Next.Step = AnotherRound
		default:
			rr.Next.Step = CongressDecides
		}
		if rr.Next.Step != Done && rr.Next.Step != Appointed {
			rr.Next.Seats = min(rr.Next.Seats, seatsLeft)
			if rr.Tie == nil {
				rr.Next.Seats = seatsLeft
				rr.Next.Candidates = without(rr.Next.Candidates, cr.Elected)
			}
		}
		next = rr.Next
		cr.Rounds = append(cr.Rounds, rr)
	}
	if chiBoSecretary {
		cr.Findings = append(cr.Findings, rules.Finding{Rule: rules.SecretaryBallots, Path: at.Child("rounds"),
			Office: ct.Office, Bound: rules.Count(rules.AtMost, cr0.SecretaryBallots), Count: len(ct.Rounds), Source: cr0.SecretarySource}.Evaluate(rules.Fail))
	}
	cr.SeatsLeft = seatsLeft
	cr.Next = next
	return cr, nil
}

func without(list, drop []ballot.CandidateID) []ballot.CandidateID {
	var out []ballot.CandidateID
	for _, id := range list {
		if !slices.Contains(drop, id) {
			out = append(out, id)
		}
	}
	return out
}

// OK reports whether no check of the count failed: no list rule, no
// consistency check of the figures, no chain rule.
func (r Result) OK() bool {
	if r.Lists != nil && !r.Lists.OK() {
		return false
	}
	for _, f := range r.Findings() {
		if f.Outcome == rules.Fail {
			return false
		}
	}
	return true
}

// Findings returns every finding of the count, contest by contest, round by
// round, without the list checks.
func (r Result) Findings() []rules.Finding {
	var out []rules.Finding
	for _, ct := range r.Contests {
		for _, rr := range ct.Rounds {
			out = append(out, rr.Findings...)
		}
		out = append(out, ct.Findings...)
	}
	return out
}

// String returns a one-line summary for logs.
func (r Result) String() string {
	elected, open := 0, 0
	for _, ct := range r.Contests {
		elected += len(ct.Elected)
		if ct.Next.Step != Done {
			open++
		}
	}
	return fmt.Sprintf("%s: D=%d, %d contests, %d elected, %d contests awaiting a decision", r.Congress, r.Base.D, len(r.Contests), elected, open)
}
