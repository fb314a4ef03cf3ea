package tally_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// The chi bộ of the Q&A on dangcongsan.vn: 11 official members, one absent
// for the whole congress with a reason, so D = 10. Five votes is exactly half
// and is not enough; six is.
func ExampleBaseOf() {
	base := tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: 11, Present: 10, AbsentWithReason: 1}})
	fmt.Println("D =", base.D, "threshold", base.Threshold())
	for _, v := range []int{5, 6} {
		fmt.Println(v, "votes:", base.Qualifies(v))
	}
	// Output:
	// D = 10 threshold 6
	// 5 votes: false
	// 6 votes: true
}

// A committee of 3 from 5 names, counted from the totals the board wrote
// down: two are elected, and two more tie for the last seat above the
// threshold. Nobody of them is elected; a run-off is proposed.
func ExampleCountRound() {
	base := tally.BaseOf(ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 100, Present: 100}})
	round := ballot.Round{
		Paper:  ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"an", "binh", "chi", "dung", "em"}},
		Issued: 100,
		Totals: &ballot.Totals{Collected: 100, Valid: 98, Invalid: 2, Votes: []int{90, 60, 80, 60, 10}},
	}
	r, err := tally.CountRound("contests[0].rounds[0]", 1, round, base, ballot.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.Standings {
		pct := rules.FormatPercent(r.Share(s.Votes, 2, rules.Truncate), 2, ballot.Vietnamese)
		fmt.Printf("%-5s %3d  %8s  %s\n", s.ID, s.Votes, pct, s.Status.Name(ballot.Vietnamese))
	}
	fmt.Println("elected:", r.Elected)
	fmt.Printf("tie: %v at %d votes for %d seat\n", r.Tie.Candidates, r.Tie.Votes, r.Tie.Seats)
	fmt.Println("next:", r.Next.Step, r.Next.Seats, r.Next.Candidates)
	// Output:
	// an     90   90,00 %  trúng cử
	// binh   60   60,00 %  bằng phiếu
	// chi    80   80,00 %  trúng cử
	// dung   60   60,00 %  bằng phiếu
	// em     10   10,00 %  không đủ phiếu
	// elected: [an chi]
	// tie: [binh dung] at 60 votes for 1 seat
	// next: run-off 1 [binh dung]
}

// Filed minutes audited by a superior committee: the figures do not add up,
// a percentage was written wrong, and the declared winner is not the one the
// figures give.
func ExampleCountRound_audit() {
	base := tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: 44, Present: 44}})
	round := ballot.Round{
		Paper:  ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"hai", "ba"}},
		Issued: 44,
		Totals: &ballot.Totals{
			Collected: 44, Valid: 43, Invalid: 2, // 43 + 2 ≠ 44
			Votes:    []int{26, 17},
			Declared: []ballot.CandidateID{"ba"},
			Shares:   []string{"59,09 %", "38,65 %"}, // 26/44 = 59,0909…; 17/44 = 38,6363…
		},
	}
	r, _ := tally.CountRound("contests[0].rounds[0]", 1, round, base, ballot.Policy{})
	for _, f := range r.Findings {
		if f.Outcome != rules.Pass {
			fmt.Printf("%s %s: %s\n", f.Rule, f.Path, f.Message(ballot.English))
		}
	}
	// Output:
	// ballots-add-up contests[0].rounds[0].totals: valid and invalid ballots add up to 45, collected 44
	// declared-elected contests[0].rounds[0].totals.declared: the elected written in the minutes differ from the figures: ba, hai
	// printed-share contests[0].rounds[0].totals.shares.ba: ba: the share written "38,65 %" is the votes over the base neither truncated nor rounded
}
