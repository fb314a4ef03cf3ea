package tally_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

func ids(n int) []ballot.CandidateID {
	out := make([]ballot.CandidateID, n)
	for i := range out {
		out[i] = ballot.CandidateID(fmt.Sprintf("c%d", i+1))
	}
	return out
}

// totalsRound is a round entered from totals: seats, votes of c1..cn, and
// the valid, invalid, collected and issued counts.
func totalsRound(seats int, votes []int, issued, collected, valid, invalid int) ballot.Round {
	return ballot.Round{
		Paper:  ballot.Paper{Seats: seats, Candidates: ids(len(votes))},
		Issued: issued,
		Totals: &ballot.Totals{Collected: collected, Valid: valid, Invalid: invalid, Votes: votes},
	}
}

func membersBase(official, absentWithReason int) tally.Base {
	return tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{
		Official: official, Present: official - absentWithReason, AbsentWithReason: absentWithReason}})
}

func delegatesBase(n int) tally.Base {
	return tally.BaseOf(ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: n, Present: n}})
}

func TestBase(t *testing.T) {
	tests := []struct {
		name      string
		reason    string
		base      tally.Base
		d, thresh int
	}{
		{"chibo-qa", "11 members, 1 absent with reason: D = 10, 6 votes needed", membersBase(11, 1), 10, 6},
		{"XII", "XII Congress: 1,510 delegates, none absent", delegatesBase(1510), 1510, 756},
		{"XIII", "XIII Congress: 1,587 delegates, no exclusions", delegatesBase(1587), 1587, 794},
		{"XIV", "XIV Congress (22/1/2026): 1,586 delegates, no exclusions", delegatesBase(1586), 1586, 794},
		{"members-all", "every category of members excluded", tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{
			Official: 100, Present: 90, TemporarilyAttached: 3, ExemptAbsent: 2, Suspended: 1, AbsentWithReason: 4}}), 90, 46},
		{"delegates-absent", "a committee member and two delegates without alternates absent", tally.BaseOf(ballot.Roster{Delegates: &ballot.DelegatesRoster{
			Official: 150, Present: 147, CommitteeAbsent: 1, AbsentUnreplaced: 2}}), 147, 74},
		{"meeting", "a committee of 15 meets, one member suspended", tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 15, Present: 14, Excluded: 1}), 14, 8},
	}
	for _, tt := range tests {
		if tt.base.D != tt.d || tt.base.Threshold() != tt.thresh {
			t.Errorf("%s (%s): D = %d, threshold %d; want %d, %d", tt.name, tt.reason, tt.base.D, tt.base.Threshold(), tt.d, tt.thresh)
		}
		if tt.base.Qualifies(tt.thresh-1) || !tt.base.Qualifies(tt.thresh) {
			t.Errorf("%s: Qualifies is not 2·votes > D at %d", tt.name, tt.thresh)
		}
	}
}

func statuses(r tally.RoundResult) []tally.Status {
	var out []tally.Status
	for _, s := range r.Standings {
		out = append(out, s.Status)
	}
	return out
}

const (
	E = tally.Elected
	T = tally.Tied
	Q = tally.Qualified
	N = tally.NotQualified
)

// TestCountRound covers how a round decides: the threshold, ties at the last
// seat, more or fewer qualified than seats, and the published figures.
func TestCountRound(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		base     tally.Base
		round    ballot.Round
		statuses []tally.Status
		elected  []ballot.CandidateID
		tie      *tally.Tie
		left     int
		next     tally.Next
	}{
		{
			name: "exactly-half", reason: "D = 10: 5 votes is exactly half and fails, 6 passes (the Q&A of dangcongsan.vn)",
			base: membersBase(11, 1), round: totalsRound(2, []int{5, 6, 9}, 10, 10, 10, 0),
			statuses: []tally.Status{N, E, E}, elected: []ballot.CandidateID{"c3", "c2"}, next: tally.Next{Step: tally.Done},
		},
		{
			name: "half-only", reason: "nobody above half: the seat stays open, another round proposed among the same",
			base: membersBase(11, 1), round: totalsRound(1, []int{5, 5}, 10, 10, 10, 0),
			statuses: []tally.Status{N, N}, left: 1,
			next: tally.Next{Step: tally.AnotherRound, Seats: 1, Candidates: ids(2)},
		},
		{
			name: "tie-2-last-seat", reason: "two qualified with equal votes for the last of 3 seats: neither elected, a run-off for 1",
			base: delegatesBase(100), round: totalsRound(3, []int{90, 80, 60, 60, 10}, 100, 100, 100, 0),
			statuses: []tally.Status{E, E, T, T, N}, elected: ids(2),
			tie: &tally.Tie{Candidates: []ballot.CandidateID{"c3", "c4"}, Votes: 60, Seats: 1}, left: 1,
			next: tally.Next{Step: tally.RunOff, Seats: 1, Candidates: []ballot.CandidateID{"c3", "c4"}},
		},
		{
			name: "tie-3-last-seat", reason: "three tied for the last of 3 seats (with 2 seats, 4 qualified would need more than 2·valid votes)",
			base: delegatesBase(100), round: totalsRound(3, []int{52, 70, 52, 52, 65}, 100, 100, 100, 0),
			statuses: []tally.Status{T, E, T, T, E}, elected: []ballot.CandidateID{"c2", "c5"},
			tie: &tally.Tie{Candidates: []ballot.CandidateID{"c1", "c3", "c4"}, Votes: 52, Seats: 1}, left: 1,
			next: tally.Next{Step: tally.RunOff, Seats: 1, Candidates: []ballot.CandidateID{"c1", "c3", "c4"}},
		},
		{
			name: "tie-3-for-2", reason: "three tied for the last two seats",
			base: delegatesBase(100), round: totalsRound(3, []int{95, 60, 60, 60}, 100, 100, 100, 0),
			statuses: []tally.Status{E, T, T, T}, elected: []ballot.CandidateID{"c1"},
			tie: &tally.Tie{Candidates: []ballot.CandidateID{"c2", "c3", "c4"}, Votes: 60, Seats: 2}, left: 2,
			next: tally.Next{Step: tally.RunOff, Seats: 2, Candidates: []ballot.CandidateID{"c2", "c3", "c4"}},
		},
		{
			name: "tie-within-seats", reason: "equal votes that all fit the seats are no tie",
			base: delegatesBase(100), round: totalsRound(3, []int{70, 70, 70, 40}, 100, 100, 100, 0),
			statuses: []tally.Status{E, E, E, N}, elected: ids(3), next: tally.Next{Step: tally.Done},
		},
		{
			name: "tie-below-threshold", reason: "a tie among the unqualified decides nothing",
			base: delegatesBase(100), round: totalsRound(2, []int{60, 55, 40, 40}, 100, 100, 100, 0),
			statuses: []tally.Status{E, E, N, N}, elected: ids(2), next: tally.Next{Step: tally.Done},
		},
		{
			name: "more-qualified", reason: "three qualified for two seats: the two with most votes; the third qualified without a seat",
			base: delegatesBase(100), round: totalsRound(2, []int{60, 80, 55, 5}, 100, 100, 100, 0),
			statuses: []tally.Status{E, E, Q, N}, elected: []ballot.CandidateID{"c2", "c1"}, next: tally.Next{Step: tally.Done},
		},
		{
			name: "fewer-qualified", reason: "one qualified for three seats: two seats left, another round among the rest",
			base: delegatesBase(100), round: totalsRound(3, []int{51, 50, 49, 48}, 100, 100, 100, 0),
			statuses: []tally.Status{E, N, N, N}, elected: []ballot.CandidateID{"c1"}, left: 2,
			next: tally.Next{Step: tally.AnotherRound, Seats: 2, Candidates: []ballot.CandidateID{"c2", "c3", "c4"}},
		},
		{
			name: "XII-threshold", reason: "XII Congress, D = 1,510: 756 votes elect, 755 do not",
			base: delegatesBase(1510), round: totalsRound(2, []int{756, 755, 1000}, 1510, 1510, 1510, 0),
			statuses: []tally.Status{E, N, E}, elected: []ballot.CandidateID{"c3", "c1"}, next: tally.Next{Step: tally.Done},
		},
		{
			name: "XIII-threshold", reason: "XIII Congress, D = 1,587: 794 votes elect, 793 do not",
			base: delegatesBase(1587), round: totalsRound(2, []int{794, 793, 1500}, 1587, 1587, 1587, 0),
			statuses: []tally.Status{E, N, E}, elected: []ballot.CandidateID{"c3", "c1"}, next: tally.Next{Step: tally.Done},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tally.CountRound("", 1, tt.round, tt.base, ballot.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			got := struct {
				Statuses []tally.Status
				Elected  []ballot.CandidateID
				Tie      *tally.Tie
				Left     int
				Next     tally.Next
			}{statuses(r), r.Elected, r.Tie, r.SeatsLeft, r.Next}
			want := got
			want.Statuses, want.Elected, want.Tie, want.Left, want.Next = tt.statuses, tt.elected, tt.tie, tt.left, tt.next
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.reason, diff)
			}
			for _, f := range r.Findings {
				if f.Outcome != rules.Pass {
					t.Errorf("consistent figures gave %v", f)
				}
			}
		})
	}
}

// TestHue2025 reproduces the published figures of Huế 2025: 52 elected from
// 58, 400 ballots issued and collected, all valid.
func TestHue2025(t *testing.T) {
	votes := make([]int, 58)
	for i := range votes {
		votes[i] = 390 - 3*i // 390, 387, … 237 for the first 52: above half of 400
		if i >= 52 {
			votes[i] = 150 - 10*(i-52) // the last 6: 150 … 100
		}
	}
	r, err := tally.CountRound("", 1, totalsRound(52, votes, 400, 400, 400, 0), delegatesBase(400), ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Elected) != 52 || r.SeatsLeft != 0 || r.Next.Step != tally.Done || r.Tie != nil {
		t.Errorf("elected %d, left %d, next %v, tie %v", len(r.Elected), r.SeatsLeft, r.Next.Step, r.Tie)
	}
	// 6 extra names for 52 seats: 11.54 % truncated, as published.
	if got := rules.FormatPercent(rules.Percent(6, 52, 2, rules.Truncate), 2, ballot.Vietnamese); got != "11,53 %" {
		t.Errorf("surplus share = %s", got) // 6/52 = 11.538…: 11,53 truncated, 11,54 half up
	}
	if got := rules.FormatPercent(rules.Percent(6, 52, 2, rules.HalfUp), 2, ballot.Vietnamese); got != "11,54 %" {
		t.Errorf("surplus share half up = %s", got)
	}
}

// TestAllInvalid counts a box where every ballot is invalid.
func TestAllInvalid(t *testing.T) {
	p := ballot.Paper{Seats: 2, Candidates: ids(3)}
	standing := ballot.Ballot{Marks: make([]ballot.Mark, 3)}                                                // too many standing
	struck := ballot.Ballot{Marks: []ballot.Mark{ballot.Struck, ballot.Struck, ballot.Struck}}              // all struck
	foreign := ballot.Ballot{Marks: []ballot.Mark{ballot.Unmarked, ballot.Struck, ballot.Struck}, Flags: 1} // not issued
	r, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: 10,
		Boxes: []ballot.Box{{Name: "1", Ballots: []ballot.Ballot{standing, struck, foreign, standing}}}}, membersBase(10, 0), ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	want := []ballot.ReasonCount{{Reason: ballot.NotIssued, Count: 1}, {Reason: ballot.TooManyStanding, Count: 2}, {Reason: ballot.AllStruck, Count: 1}}
	if r.Valid != 0 || r.Invalid != 4 || r.Collected != 4 || !cmp.Equal(r.InvalidReasons, want) {
		t.Errorf("valid %d invalid %d collected %d reasons %v", r.Valid, r.Invalid, r.Collected, r.InvalidReasons)
	}
	if len(r.Elected) != 0 || r.SeatsLeft != 2 || r.Next.Step != tally.AnotherRound {
		t.Errorf("elected %v, left %d, next %v", r.Elected, r.SeatsLeft, r.Next)
	}
}

// TestAudit checks each consistency check of filed minutes on figures that
// break it, and on the published way of writing percentages.
func TestAudit(t *testing.T) {
	base := membersBase(163, 0)
	tests := []struct {
		name    string
		reason  string
		round   ballot.Round
		rule    rules.RuleID
		want    rules.Outcome
		subject ballot.CandidateID
	}{
		{"collected>issued", "more ballots in the box than were issued", totalsRound(1, []int{90, 10}, 99, 100, 100, 0), rules.BallotsCollected, rules.Fail, ""},
		{"add-up", "valid + invalid ≠ collected", totalsRound(1, []int{90, 8}, 100, 100, 98, 1), rules.BallotsAddUp, rules.Fail, ""},
		{"votes>valid", "a candidate with more votes than valid ballots", totalsRound(1, []int{101, 0}, 100, 100, 100, 0), rules.VotesPerCandidate, rules.Fail, "c1"},
		{"sum<valid", "on a cross-out paper each valid ballot keeps a name: Σ votes ≥ valid", totalsRound(1, []int{50, 40}, 100, 100, 100, 0), rules.VotesTotalMin, rules.Fail, ""},
		{"sum>valid*seats", "Σ votes ≤ valid × seats", totalsRound(1, []int{60, 50}, 100, 100, 100, 0), rules.VotesTotalMax, rules.Fail, ""},
		{"agree-sum", "on an agree paper Σ agree ≤ valid × seats holds", ballot.Round{Paper: ballot.Paper{Seats: 2, Candidates: ids(2)}, Issued: 100,
			Totals: &ballot.Totals{Collected: 100, Valid: 100, Votes: []int{100, 100}}}, rules.VotesTotalMax, rules.Pass, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tally.CountRound("contests[0].rounds[0]", 1, tt.round, base, ballot.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			var got []rules.Outcome
			for _, f := range r.Findings {
				if f.Rule == tt.rule && (tt.subject == "" || f.Subject == tt.subject) {
					got = append(got, f.Outcome)
				}
			}
			if !cmp.Equal(got, []rules.Outcome{tt.want}) {
				t.Errorf("%s: %v = %v, want %v", tt.reason, tt.rule, got, tt.want)
			}
		})
	}

	// Bắc Trà My 2020: 80 of 163 printed "49,07 %" (truncated); HD 03 prints
	// truncated, state guidance half up; anything else is wrong.
	r := totalsRound(2, []int{80, 120, 100}, 163, 163, 163, 0)
	r.Totals.Shares = []string{"49,07 %", "73,62", "61.36%"} // 80/163 = 49.079…, 120/163 = 73.619…, 100/163 = 61.349…
	r.Totals.Declared = []ballot.CandidateID{"c3", "c1"}     // the minutes name c3 and c1; the figures elect c2 and c3
	res, err := tally.CountRound("contests[0].rounds[0]", 1, r, base, ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	var shares []rules.Outcome
	var declared rules.Finding
	for _, f := range res.Findings {
		switch f.Rule {
		case rules.PrintedShare:
			shares = append(shares, f.Outcome)
		case rules.DeclaredElected:
			declared = f
		}
	}
	if want := []rules.Outcome{rules.Pass, rules.Pass, rules.Fail}; !cmp.Equal(shares, want) {
		t.Errorf("printed shares = %v, want %v (49,07 truncated; 73,62 half up; 61.36 neither)", shares, want)
	}
	if declared.Outcome != rules.Fail || !cmp.Equal(declared.Names, []ballot.CandidateID{"c1", "c2"}) || declared.Path != "contests[0].rounds[0].totals.declared" {
		t.Errorf("declared = %+v", declared)
	}
}

// TestCountRoundMalformed: totals that cannot be counted are an error with
// paths, not a silent truncation.
func TestCountRoundMalformed(t *testing.T) {
	r := totalsRound(1, []int{5, 6}, 10, 10, 10, 0)
	r.Totals.Votes = []int{5}
	r.Totals.Collected = -1
	_, err := tally.CountRound("contests[0].rounds[0]", 1, r, membersBase(11, 1), ballot.Policy{})
	var list ballot.ErrorList
	if !errors.As(err, &list) || len(list) != 2 || list[0].Path != "contests[0].rounds[0].totals.votes" || list[1].Path != "contests[0].rounds[0].totals.collected" {
		t.Errorf("err = %v", err)
	}
}
