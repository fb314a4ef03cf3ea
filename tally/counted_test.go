package tally_test

import (
	"errors"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// TestCountRoundCounted: a box counted as it was read is counted as its
// ballots would be, and only under the policy it was counted under; a count
// that cannot be the count of the paper's ballots is an error at its path.
func TestCountRoundCounted(t *testing.T) {
	data, err := os.ReadFile("../ballot/testdata/chibo.json")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := ballot.ParseCongress(data)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ballot.ParseCongressCounted(data)
	if err != nil {
		t.Fatal(err)
	}
	base := tally.BaseOf(c.Roster)
	r, refRound := c.Contests[0].Rounds[0], ref.Contests[0].Rounds[0]
	want, err := tally.CountRound("contests[0].rounds[0]", 1, refRound, base, ref.Policy)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tally.CountRound("contests[0].rounds[0]", 1, r, base, c.Policy)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("counted box differs from its ballots (-ballots +counted):\n%s", diff)
	}

	broken := func(f func(*ballot.Counted)) ballot.Round {
		cnt := *r.Boxes[0].Counted
		cnt.Votes = append([]int(nil), cnt.Votes...)
		f(&cnt)
		return ballot.Round{Paper: r.Paper, Issued: r.Issued, Boxes: []ballot.Box{{Name: "Hòm phiếu số 1", Counted: &cnt}}}
	}
	for _, tc := range []struct {
		why  string
		r    ballot.Round
		pol  ballot.Policy
		path ballot.Path
		code ballot.ErrorCode
	}{
		{"counted under another policy", r, ballot.Policy{AcceptSigned: true}, "contests[0].rounds[0].boxes[0].counted.policy", ballot.ErrConflict},
		{"votes for another list", broken(func(c *ballot.Counted) { c.Votes = c.Votes[:3] }), c.Policy, "contests[0].rounds[0].boxes[0].counted.votes", ballot.ErrConflict},
		{"negative votes", broken(func(c *ballot.Counted) { c.Votes[1] = -1 }), c.Policy, "contests[0].rounds[0].boxes[0].counted.votes[1]", ballot.ErrOutOfRange},
		{"a reason twice", broken(func(c *ballot.Counted) { c.Reasons = append(c.Reasons, c.Reasons[0]) }), c.Policy, "contests[0].rounds[0].boxes[0].counted.reasons[4]", ballot.ErrInvalid},
		{"ballots beside the count", func() ballot.Round {
			b := broken(func(*ballot.Counted) {})
			b.Boxes[0].Ballots = refRound.Boxes[0].Ballots
			return b
		}(), c.Policy, "contests[0].rounds[0].boxes[0].counted", ballot.ErrConflict},
	} {
		_, err := tally.CountRound("contests[0].rounds[0]", 1, tc.r, base, tc.pol)
		var list ballot.ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Path != tc.path || list[0].Code != tc.code {
			t.Errorf("%s: want %v at %s, got %v", tc.why, tc.code, tc.path, err)
		}
	}
}
