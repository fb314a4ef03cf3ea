package tally_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// TestCountRoundBoxes counts a round from three ballot boxes, one of them
// empty: each box's figures, their sums on the round (the ballots to review
// included), and each candidate's votes, status and rank.
func TestCountRoundBoxes(t *testing.T) {
	const (
		u  = ballot.Unmarked
		x  = ballot.Struck
		px = ballot.PartlyStruck
	)
	b := func(m ...ballot.Mark) ballot.Ballot { return ballot.Ballot{Marks: m} }
	signed := b(x, u, x, u)
	signed.Flags = ballot.FlagSigned
	r := ballot.Round{
		Paper:  ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"a", "b", "c", "d"}},
		Issued: 11,
		Boxes: []ballot.Box{
			{Name: "Hòm 1", Ballots: []ballot.Ballot{b(x, u, x, u), b(x, px, x, u), b(u, u, u, x)}},
			{Name: "Hòm 2", Ballots: []ballot.Ballot{b(x, x, x, x), b(u, x, x, x), b(x, px, px, x), signed}},
			{Name: "Hòm phụ"},
			{Name: "Hòm 3", Ballots: []ballot.Ballot{b(x, u, u, x), b(x, u, x, u), b(u, x, u, x)}},
		},
	}
	// D = 8: five votes qualify.
	base := tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: 8, Present: 8}})
	res, err := tally.CountRound("contests[0].rounds[0]", 1, r, base, ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	type figures struct {
		Collected, Valid, Invalid, Review int
		InvalidReasons                    []ballot.ReasonCount
		Boxes                             []tally.BoxCount
		Standings                         []tally.Standing
		Elected                           []ballot.CandidateID
	}
	got := figures{res.Collected, res.Valid, res.Invalid, res.Review, res.InvalidReasons, res.Boxes, res.Standings, res.Elected}
	want := figures{
		Collected: 10, Valid: 7, Invalid: 3, Review: 2,
		InvalidReasons: []ballot.ReasonCount{{Reason: ballot.TooManyStanding, Count: 1}, {Reason: ballot.AllStruck, Count: 1}, {Reason: ballot.Signed, Count: 1}},
		Boxes: []tally.BoxCount{
			{Name: "Hòm 1", Collected: 3, Valid: 2, Invalid: 1, Review: 1, InvalidReasons: []ballot.ReasonCount{{Reason: ballot.TooManyStanding, Count: 1}}},
			{Name: "Hòm 2", Collected: 4, Valid: 2, Invalid: 2, Review: 1,
				InvalidReasons: []ballot.ReasonCount{{Reason: ballot.AllStruck, Count: 1}, {Reason: ballot.Signed, Count: 1}}},
			{Name: "Hòm phụ"},
			{Name: "Hòm 3", Collected: 3, Valid: 3},
		},
		// a: 2 votes, b: 5, c: 3, d: 3 — c and d share rank 2, so a is 4th.
		Standings: []tally.Standing{
			{ID: "a", Votes: 2, Status: tally.NotQualified, Rank: 4},
			{ID: "b", Votes: 5, Status: tally.Elected, Rank: 1},
			{ID: "c", Votes: 3, Status: tally.NotQualified, Rank: 2},
			{ID: "d", Votes: 3, Status: tally.NotQualified, Rank: 2},
		},
		Elected: []ballot.CandidateID{"b"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestStandingRank checks the rank of each candidate, part of the
// kiemphieu.tally/1 document: 1 plus the number with more votes, shared by
// equal votes, whatever the status.
func TestStandingRank(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		votes  []int
		want   []int
	}{
		{"distinct", "no two equal", []int{10, 40, 30, 20}, []int{4, 1, 2, 3}},
		{"ties", "equal votes share a rank; the next rank skips", []int{5, 7, 5, 2, 7}, []int{3, 1, 3, 5, 1}},
		{"all-equal", "everyone first", []int{3, 3, 3}, []int{1, 1, 1}},
		{"zeros", "no votes at all ranks last, together", []int{0, 9, 0}, []int{2, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var list []ballot.CandidateID
			for i := range tt.votes {
				list = append(list, ballot.CandidateID(string(rune('a'+i))))
			}
			valid := 0
			for _, v := range tt.votes {
				valid = max(valid, v)
			}
			r := ballot.Round{Paper: ballot.Paper{Seats: 1, Candidates: list}, Issued: valid,
				Totals: &ballot.Totals{Collected: valid, Valid: valid, Votes: tt.votes}}
			res, err := tally.CountRound("", 1, r, tally.Base{D: 20}, ballot.Policy{})
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, s := range res.Standings {
				got = append(got, s.Rank)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: ranks of %v (-want +got):\n%s", tt.reason, tt.votes, diff)
			}
		})
	}
}
