// Package aggregate sums the counted congresses of many party organisations
// into the summary a superior committee writes (báo cáo tổng hợp kết quả đại
// hội): how many congresses were held out of those due, seats filled, new and
// re-elected members, women, young cadres, ethnic minorities, surplus
// compliance, ties and further rounds, and planned personnel (the convening
// committee's candidates, đề án nhân sự) not elected.
//
// An Aggregator keeps counters only: its memory is bounded by the summary,
// not by the number of congresses added, so a province can stream the
// results of every chi bộ through one (see ReadStream and ReadDir).
package aggregate

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// Options are the choices of a summary. The zero Options is the documented
// default.
type Options struct {
	// Due is the number of congresses due; zero means unknown, and the
	// summary reports only those held.
	Due int
	// YoungUnder is the age under which an elected member counts as a young
	// cadre, in whole years at each congress's reference month. Zero means
	// 40, the limit of Chỉ thị 35 at province and district level.
	YoungUnder int
}

// Body sums the contests for one office across congresses.
type Body struct {
	Office   ballot.Office `json:"office"`
	Contests int           `json:"contests"`
	Seats    int           `json:"seats"`
	Filled   int           `json:"filled"` // members elected (at most the seats of each contest)
	// Designated are the members who hold a seat with no vote (chỉ định,
	// đương nhiên, tally.Result.Designated); they are counted below with
	// the elected.
	Designated int `json:"designated,omitempty"`
	// TargetsMissed counts the structure targets missed by the body as
	// elected (tally.Result.Structure: warnings and failures), summed over
	// congresses.
	TargetsMissed int `json:"targets_missed,omitempty"`
	// Of the elected and the designated:
	FirstTime      int `json:"first_time"` // tham gia lần đầu
	Reelected      int `json:"reelected"`  // tái cử
	Women          int `json:"women"`
	SexUnknown     int `json:"sex_unknown"`
	Young          int `json:"young"`
	AgeUnknown     int `json:"age_unknown"` // no birth month or no reference month
	EthnicMinority int `json:"ethnic_minority"`
	// Planned are the names of the convening committee's list (origin
	// "committee") on the first round's paper; PlannedNotElected those of
	// them the congress did not elect.
	Planned           int `json:"planned"`
	PlannedNotElected int `json:"planned_not_elected"`
	// Contests whose seats are not all filled, and those whose count
	// needed more than one round.
	Unfilled      int `json:"unfilled"`
	FurtherRounds int `json:"further_rounds"`
	Ties          int `json:"ties"` // rounds with a tie at the last seats
}

// RuleCount is the number of failed findings of one rule.
type RuleCount struct {
	Rule  rules.RuleID `json:"rule"`
	Count int          `json:"count"`
}

// A Summary is the superior committee's summary of many counted congresses.
type Summary struct {
	Due        int `json:"due,omitempty"`
	Held       int `json:"held"`
	YoungUnder int `json:"young_under"`
	// Congresses whose results carry the list check, and of those the ones
	// whose lists broke no rule, and whose surplus rules all passed.
	ListsChecked     int `json:"lists_checked"`
	ListsOK          int `json:"lists_ok"`
	SurplusCompliant int `json:"surplus_compliant"`
	// Congresses with a check of the count that failed (figures that do not
	// add up, a chain rule broken, …).
	CountsFailed int `json:"counts_failed"`
	// Congresses with a contest still awaiting a decision (a run-off,
	// another round, the superior committee's appointment).
	Awaiting int    `json:"awaiting"`
	Bodies   []Body `json:"bodies"` // in the order of the offices, only those seen
	// Failed counts the failed findings by rule, lists and counts together,
	// in the order of the rules.
	Failed []RuleCount `json:"failed"`
}

// An Aggregator sums counted congresses. Its zero value is not ready: use
// New.
type Aggregator struct {
	opt     Options
	sum     Summary
	bodies  map[ballot.Office]*Body
	failed  map[rules.RuleID]int
	surplus map[rules.RuleID]bool
}

// New returns an empty aggregator.
func New(opt Options) *Aggregator {
	if opt.YoungUnder == 0 {
		opt.YoungUnder = 40
	}
	return &Aggregator{
		opt: opt, sum: Summary{Due: opt.Due, YoungUnder: opt.YoungUnder},
		bodies: make(map[ballot.Office]*Body), failed: make(map[rules.RuleID]int),
		surplus: map[rules.RuleID]bool{rules.SurplusRequired: true, rules.SurplusMax: true, rules.SurplusSmallBody: true, rules.SurplusMin: true},
	}
}

// Add sums one counted congress.
func (a *Aggregator) Add(r tally.Result) {
	a.sum.Held++
	people := make(map[ballot.CandidateID]tally.Person, len(r.People))
	for _, p := range r.People {
		people[p.ID] = p
	}
	if r.Lists != nil {
		a.sum.ListsChecked++
		ok, surplusOK := true, true
		for _, f := range r.Lists.Findings {
			if f.Outcome == rules.Fail {
				ok = false
				a.failed[f.Rule]++
				if a.surplus[f.Rule] {
					surplusOK = false
				}
			}
		}
		if ok {
			a.sum.ListsOK++
		}
		if surplusOK {
			a.sum.SurplusCompliant++
		}
	}
	countFailed, awaiting := false, false
	for _, f := range r.Findings() {
		if f.Outcome == rules.Fail {
			countFailed = true
			a.failed[f.Rule]++
		}
	}
	for _, ct := range r.Contests {
		b := a.bodies[ct.Office]
		if b == nil {
			b = &Body{Office: ct.Office}
			a.bodies[ct.Office] = b
		}
		b.Contests++
		b.Seats += ct.Seats
		elected := make(map[ballot.CandidateID]bool, len(ct.Elected))
		for _, id := range ct.Elected {
			elected[id] = true
		}
		// More elected than seats only follows a round for more seats than
		// were left, which the count reports; the seats are what is filled.
		filled := ct.Elected[:min(len(ct.Elected), ct.Seats)]
		b.Filled += len(filled)
		for _, id := range filled {
			a.addElected(b, people[id], r.ReferenceMonth)
		}
		if len(ct.Rounds) > 0 {
			for _, s := range ct.Rounds[0].Standings {
				if p, ok := people[s.ID]; ok && p.Origin == ballot.FromCommittee {
					b.Planned++
					if !elected[s.ID] {
						b.PlannedNotElected++
					}
				}
			}
		}
		if len(ct.Elected) < ct.Seats {
			b.Unfilled++
		}
		if len(ct.Rounds) > 1 {
			b.FurtherRounds++
		}
		for _, rr := range ct.Rounds {
			if rr.Tie != nil {
				b.Ties++
			}
		}
		if ct.Next.Step != tally.Done {
			awaiting = true
		}
	}
	for _, f := range r.Structure {
		if f.Outcome == rules.Pass {
			continue
		}
		b := a.bodies[f.Office]
		if b == nil {
			b = &Body{Office: f.Office}
			a.bodies[f.Office] = b
		}
		b.TargetsMissed++
	}
	for _, d := range r.Designated {
		b := a.bodies[d.Office]
		if b == nil {
			b = &Body{Office: d.Office}
			a.bodies[d.Office] = b
		}
		b.Designated++
		a.addElected(b, people[d.ID], r.ReferenceMonth)
	}
	if countFailed {
		a.sum.CountsFailed++
	}
	if awaiting {
		a.sum.Awaiting++
	}
}

func (a *Aggregator) addElected(b *Body, p tally.Person, ref ballot.Month) {
	if p.Incumbent {
		b.Reelected++
	} else {
		b.FirstTime++
	}
	switch p.Sex {
	case ballot.Female:
		b.Women++
	case ballot.Male:
	default:
		b.SexUnknown++
	}
	if p.Born.IsZero() || ref.IsZero() {
		b.AgeUnknown++
	} else if rules.AgeAt(p.Born, ref) < a.opt.YoungUnder {
		b.Young++
	}
	if p.EthnicMinority {
		b.EthnicMinority++
	}
}

// Summary returns the summary of everything added so far. It copies: adding
// more afterwards does not change a summary already returned.
func (a *Aggregator) Summary() Summary {
	s := a.sum
	s.Bodies = nil
	for o := ballot.Office(1); o.Valid(); o++ {
		if b, ok := a.bodies[o]; ok {
			s.Bodies = append(s.Bodies, *b)
		}
	}
	s.Failed = nil
	for r := rules.RuleID(1); ; r++ {
		if _, err := r.MarshalText(); err != nil {
			break
		}
		if n := a.failed[r]; n > 0 {
			s.Failed = append(s.Failed, RuleCount{Rule: r, Count: n})
		}
	}
	return s
}

// String returns a one-line summary for logs.
func (s Summary) String() string {
	filled, seats := 0, 0
	for _, b := range s.Bodies {
		filled += b.Filled
		seats += b.Seats
	}
	due := ""
	if s.Due > 0 {
		due = fmt.Sprintf(" of %d due", s.Due)
	}
	return fmt.Sprintf("%d congresses held%s; %d of %d seats filled; lists checked %d, ok %d; %d awaiting a decision",
		s.Held, due, filled, seats, s.ListsChecked, s.ListsOK, s.Awaiting)
}
