package ballot_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"pgregory.net/rapid"
)

// TestClassifyProperties checks what must hold for every ballot that fits its
// paper, whatever the policy.
func TestClassifyProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ballottest.Paper(8, 6).Draw(t, "paper")
		b := ballottest.Ballot(p).Draw(t, "ballot")
		pol := ballottest.Policy().Draw(t, "policy")
		c, err := p.Classify(b, pol)
		if err != nil {
			t.Fatalf("a generated ballot does not fit its paper: %v", err)
		}
		if c.Reason == 0 || c.Reason.Row() == 0 {
			t.Fatalf("no reason: %+v", c)
		}
		if !c.Valid() && len(c.Votes) > 0 {
			t.Fatalf("an invalid ballot (%v) gives votes %v", c.Reason, c.Votes)
		}
		if !slices.IsSorted(c.Votes) || !slices.IsSorted(c.Review) {
			t.Fatalf("positions not ascending: %+v", c)
		}
		if c.Valid() && len(c.Votes) > p.Seats {
			t.Fatalf("a valid ballot gives %d votes for %d seats", len(c.Votes), p.Seats)
		}
		if p.Form() == ballot.FormCrossOut && c.Valid() && len(c.Votes) == 0 {
			t.Fatalf("a valid cross-out ballot keeps no name")
		}
		if b.Flags&ballot.FlagNotIssued != 0 && c.Reason != ballot.NotIssued {
			t.Fatalf("a paper not issued by the board is %v", c.Reason)
		}
		// Accepting signed ballots changes the verdict only of signed ones.
		if b.Flags&ballot.FlagSigned == 0 {
			pol2 := pol
			pol2.AcceptSigned = !pol.AcceptSigned
			c2, _ := p.Classify(b, pol2)
			if diff := cmp.Diff(c, c2); diff != "" {
				t.Fatalf("AcceptSigned changed an unsigned ballot:\n%s", diff)
			}
		}
	})
}

// TestFill checks that the ballots Fill builds are all valid and add up to
// exactly the votes asked for.
func TestFill(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ballottest.Paper(8, 6).Draw(t, "paper")
		valid := rapid.IntRange(0, 60).Draw(t, "valid")
		votes := make([]int, len(p.Candidates))
		if p.Form() == ballot.FormCrossOut && valid > 0 {
			// a feasible total: between valid and valid·seats
			sum := rapid.IntRange(valid, valid*p.Seats).Draw(t, "sum")
			for sum > 0 {
				i := rapid.IntRange(0, len(votes)-1).Draw(t, "who")
				if votes[i] < valid {
					votes[i]++
					sum--
				}
			}
		} else if p.Form() == ballot.FormAgree {
			for i := range votes {
				votes[i] = rapid.IntRange(0, valid).Draw(t, "votes")
			}
		}
		ballots, err := ballottest.Fill(p, votes, valid)
		if err != nil {
			t.Fatalf("Fill: %v", err)
		}
		got := make([]int, len(votes))
		for _, b := range ballots {
			c, err := p.Classify(b, ballot.Policy{})
			if err != nil || !c.Valid() {
				t.Fatalf("Fill built a ballot that is %v (%v): %+v", c.Reason, err, b)
			}
			for _, i := range c.Votes {
				got[i]++
			}
		}
		if len(ballots) != valid {
			t.Fatalf("Fill built %d ballots, want %d", len(ballots), valid)
		}
		if diff := cmp.Diff(votes, got); diff != "" {
			t.Fatalf("votes (-want +got):\n%s", diff)
		}
	})
}

// TestCongressRoundTrip checks, on generated congresses, that the generator
// makes well-formed documents and that decode(encode(c)) == c with a stable
// encoding.
func TestCongressRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ballottest.Congress().Draw(t, "congress")
		if err := c.Validate(); err != nil {
			t.Fatalf("generated congress is malformed: %v", err)
		}
		enc, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		back, err := ballot.ParseCongress(enc)
		if err != nil {
			t.Fatalf("ParseCongress: %v\n%s", err, enc)
		}
		if diff := cmp.Diff(c, back); diff != "" {
			t.Fatalf("decode(encode(c)) != c (-c +back):\n%s", diff)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(enc) {
			t.Fatalf("encoding not stable")
		}
	})
}

// TestMonthProperties checks the text round trip and month arithmetic.
func TestMonthProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := ballottest.Month().Draw(t, "m")
		back, err := ballot.ParseMonth(m.String())
		if err != nil || back != m {
			t.Fatalf("ParseMonth(%q) = %v, %v", m.String(), back, err)
		}
		n := rapid.IntRange(-600, 600).Draw(t, "n")
		if got := m.MonthsUntil(m.AddMonths(n)); got != n {
			t.Fatalf("%v.MonthsUntil(%v + %d) = %d", m, m, n, got)
		}
		if m2 := m.AddMonths(n); (n > 0) != m.Before(m2) {
			t.Fatalf("%v + %d = %v, Before = %v", m, n, m2, m.Before(m2))
		}
	})
}
