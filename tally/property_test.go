package tally_test

import (
	"encoding/json"
	"math/big"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/tally"
	"pgregory.net/rapid"
)

// box draws a paper, a base and a box of ballots for it.
func box(t *rapid.T) (ballot.Paper, tally.Base, []ballot.Ballot, ballot.Policy) {
	p := ballottest.Paper(6, 5).Draw(t, "paper")
	ballots := rapid.SliceOfN(ballottest.Ballot(p), 0, 80).Draw(t, "ballots")
	roster := ballottest.Roster().Draw(t, "roster")
	// a base near the number of ballots, so that the threshold matters
	base := tally.BaseOf(roster)
	if rapid.Bool().Draw(t, "small_base") {
		base = tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: max(1, len(ballots)), Present: len(ballots)})
	}
	return p, base, ballots, ballottest.Policy().Draw(t, "policy")
}

func countBox(t *rapid.T, p ballot.Paper, base tally.Base, ballots []ballot.Ballot, pol ballot.Policy) tally.RoundResult {
	r, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: len(ballots), Boxes: []ballot.Box{{Name: "1", Ballots: ballots}}}, base, pol)
	if err != nil {
		t.Fatalf("CountRound: %v", err)
	}
	return r
}

// TestOrderIndependence: the order of the ballots does not change a single
// byte of the result.
func TestOrderIndependence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, base, ballots, pol := box(t)
		a, _ := json.Marshal(countBox(t, p, base, ballots, pol))
		b, _ := json.Marshal(countBox(t, p, base, rapid.Permutation(ballots).Draw(t, "order"), pol))
		if string(a) != string(b) {
			t.Fatalf("a permutation of the ballots changed the result:\n%s\n%s", a, b)
		}
	})
}

// TestRoundInvariants: conservation of ballots; the elected are qualified,
// no more than the seats, and never among the tied; a tie is only reported
// when the tied are more than the seats left for them.
func TestRoundInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, base, ballots, pol := box(t)
		r := countBox(t, p, base, ballots, pol)
		if r.Valid+r.Invalid != r.Collected || r.Collected != len(ballots) {
			t.Fatalf("valid %d + invalid %d != collected %d (%d ballots)", r.Valid, r.Invalid, r.Collected, len(ballots))
		}
		sumReasons := 0
		for _, rc := range r.InvalidReasons {
			sumReasons += rc.Count
		}
		if sumReasons != r.Invalid {
			t.Fatalf("invalid by reason %d != invalid %d", sumReasons, r.Invalid)
		}
		if len(r.Elected) > r.Seats || r.SeatsLeft != r.Seats-len(r.Elected) {
			t.Fatalf("%d elected for %d seats, %d left", len(r.Elected), r.Seats, r.SeatsLeft)
		}
		tied := 0
		for _, s := range r.Standings {
			elected := slices.Contains(r.Elected, s.ID)
			if elected != (s.Status == tally.Elected) {
				t.Fatalf("%s: status %v, elected %v", s.ID, s.Status, elected)
			}
			if elected && !base.Qualifies(s.Votes) {
				t.Fatalf("%s elected with %d votes, D = %d", s.ID, s.Votes, base.D)
			}
			if s.Status == tally.Tied {
				tied++
				if r.Tie == nil || s.Votes != r.Tie.Votes {
					t.Fatalf("%s tied without a matching tie: %+v", s.ID, r.Tie)
				}
			}
			// nobody with more votes than an elected candidate is left out
			for _, e := range r.Standings {
				if e.Status == tally.Elected && base.Qualifies(s.Votes) && s.Votes > e.Votes && s.Status != tally.Elected {
					t.Fatalf("%s (%d) not elected, %s (%d) elected", s.ID, s.Votes, e.ID, e.Votes)
				}
			}
		}
		if r.Tie != nil && (tied <= r.Tie.Seats || r.Tie.Seats != r.SeatsLeft || len(r.Elected)+r.Tie.Seats != r.Seats) {
			t.Fatalf("tie %+v with %d tied, %d elected, %d seats", r.Tie, tied, len(r.Elected), r.Seats)
		}
	})
}

// TestBallotsAndTotalsAgree: counting the ballots, and counting the totals
// written from that count, give the same decision.
func TestBallotsAndTotalsAgree(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, base, ballots, pol := box(t)
		a := countBox(t, p, base, ballots, pol)
		tot := &ballot.Totals{Collected: a.Collected, Valid: a.Valid, Invalid: a.Invalid, InvalidReasons: a.InvalidReasons}
		for _, s := range a.Standings {
			tot.Votes = append(tot.Votes, s.Votes)
		}
		b, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: len(ballots), Totals: tot}, base, pol)
		if err != nil {
			t.Fatal(err)
		}
		type decision struct {
			Standings                 []tally.Standing
			Elected                   []ballot.CandidateID
			Tie                       *tally.Tie
			Next                      tally.Next
			Collected, Valid, Invalid int
			Reasons                   []ballot.ReasonCount
		}
		da := decision{a.Standings, a.Elected, a.Tie, a.Next, a.Collected, a.Valid, a.Invalid, a.InvalidReasons}
		db := decision{b.Standings, b.Elected, b.Tie, b.Next, b.Collected, b.Valid, b.Invalid, b.InvalidReasons}
		if diff := cmp.Diff(da, db); diff != "" {
			t.Fatalf("ballots and totals disagree (-ballots +totals):\n%s", diff)
		}
		for _, f := range b.Findings {
			if f.Outcome != 1 {
				t.Fatalf("the totals of a real count fail a consistency check: %v", f)
			}
		}
	})
}

// TestMonotone: one more vote for an elected candidate never unelects them.
func TestMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, base, ballots, pol := box(t)
		r := countBox(t, p, base, ballots, pol)
		if len(r.Elected) == 0 {
			return
		}
		who := rapid.SampledFrom(r.Elected).Draw(t, "who")
		tot := &ballot.Totals{Collected: r.Collected, Valid: r.Valid, Invalid: r.Invalid}
		for _, s := range r.Standings {
			v := s.Votes
			if s.ID == who {
				v++
			}
			tot.Votes = append(tot.Votes, v)
		}
		r2, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: r.Issued, Totals: tot}, base, pol)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(r2.Elected, who) {
			t.Fatalf("one more vote unelected %s: %v → %v", who, r.Elected, r2.Elected)
		}
	})
}

// TestThresholdOracle: 2·votes > D decides exactly as votes/D > 1/2 in
// math/big.Rat, at and around the boundary.
func TestThresholdOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := rapid.IntRange(1, ballot.MaxCount).Draw(t, "d")
		votes := max(0, d/2+rapid.IntRange(-2, 2).Draw(t, "delta"))
		b := tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: d})
		want := big.NewRat(int64(votes), int64(d)).Cmp(big.NewRat(1, 2)) > 0
		if got := b.Qualifies(votes); got != want {
			t.Fatalf("Qualifies(%d) with D = %d: %v, oracle %v", votes, d, got, want)
		}
	})
}

// TestResultJSON: counting a generated congress and encoding the result is
// deterministic, and the decoder gives back the same value.
func TestResultJSON(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ballottest.Congress().Draw(t, "congress")
		r, err := tally.Count(c, tally.Options{SurplusQualifiersAsAlternates: rapid.Bool().Draw(t, "option")})
		if err != nil {
			t.Fatalf("Count: %v", err)
		}
		enc, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := tally.ParseResult(enc)
		if err != nil {
			t.Fatalf("ParseResult: %v\n%s", err, enc)
		}
		for _, ct := range r.Contests {
			seen := map[ballot.CandidateID]bool{}
			for _, id := range ct.Elected {
				if seen[id] {
					t.Fatalf("contest %s elects %s twice: %v", ct.ID, id, ct.Elected)
				}
				seen[id] = true
			}
		}
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("(-count +decoded):\n%s", diff)
		}
		r2, _ := tally.Count(c, tally.Options{})
		r3, _ := tally.Count(c, tally.Options{})
		e2, _ := json.Marshal(r2)
		e3, _ := json.Marshal(r3)
		if string(e2) != string(e3) {
			t.Fatal("the same congress counted twice gave different bytes")
		}
	})
}

// FuzzParseResult checks that no input makes the result decoder panic, and
// that what it accepts survives a round trip.
func FuzzParseResult(f *testing.F) {
	for _, c := range seedCongresses(f) {
		r, err := tally.Count(c, tally.Options{})
		if err != nil {
			f.Fatal(err)
		}
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"format":"kiemphieu.tally/1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := tally.ParseResult(data)
		if err != nil {
			return
		}
		enc, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := tally.ParseResult(enc)
		if err != nil {
			t.Fatalf("re-decoding: %v\n%s", err, enc)
		}
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("(-first +second):\n%s", diff)
		}
	})
}

// seedCongresses are small congresses that exercise every part of a result.
func seedCongresses(tb testing.TB) []ballot.Congress {
	names := ids(6)
	official := ballot.Contest{ID: "dbct", Office: ballot.OfficeDelegates, Paper: ballot.Paper{Seats: 3, Candidates: names},
		Rounds: []ballot.Round{round(3, names, 100, 65, 60, 57, 55, 52, 11)}}
	alternates := ballot.Contest{ID: "dbdk", Office: ballot.OfficeAlternates, Paper: ballot.Paper{Seats: 2, Candidates: list("c4", "c5", "c6")}}
	bch := ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 3, Candidates: ids(5)},
		Rounds: []ballot.Round{round(3, ids(5), 100, 90, 80, 60, 60, 10), round(1, list("c3", "c4"), 100, 51, 49)}}
	p := ballot.Paper{Seats: 2, Candidates: ids(3)}
	ballots, err := ballottest.Fill(p, []int{6, 4, 5}, 8)
	if err != nil {
		tb.Fatal(err)
	}
	boxed := ballot.Contest{ID: "ubkt", Office: ballot.OfficeInspection, Paper: p,
		Meeting: &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 3, Present: 3},
		Rounds:  []ballot.Round{{Paper: p, Issued: 9, Boxes: []ballot.Box{{Name: "Hòm 1", Ballots: append(ballots, ballot.Ballot{Marks: make([]ballot.Mark, 3)})}}}}}
	return []ballot.Congress{
		cong(ballot.LevelProvince, delegates(100), 6, official, alternates),
		cong(ballot.LevelGrassroots, delegates(100), 6, bch, boxed),
	}
}
