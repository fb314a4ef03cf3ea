package bulk_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/internal/bulkgen"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
	"pgregory.net/rapid"
)

// crossOutBox draws a cross-out paper (now and then of more than 64 or 128
// names, so that a ballot spans several words), a box of ballots for it with
// flags and partly struck names, a policy, and a base near the number of
// ballots so that the threshold matters.
func crossOutBox(t *rapid.T) (ballot.Paper, []ballot.Ballot, ballot.Policy, tally.Base) {
	var p ballot.Paper
	var most int
	if rapid.IntRange(0, 4).Draw(t, "large") == 0 {
		p = ballottest.Paper(90, 80).Filter(crossOut).Draw(t, "paper")
		most = 40
	} else {
		p = ballottest.Paper(6, 5).Filter(crossOut).Draw(t, "paper")
		most = 200
	}
	ballots := rapid.SliceOfN(ballottest.Ballot(p), 0, most).Draw(t, "ballots")
	pol := ballottest.Policy().Draw(t, "policy")
	d := rapid.IntRange(0, 2*len(ballots)+1).Draw(t, "d")
	base := tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: d, Present: d})
	return p, ballots, pol, base
}

func crossOut(p ballot.Paper) bool { return p.Form() == ballot.FormCrossOut }

// fromBallots counts a box with tally.CountRound, ballot by ballot: the
// oracle.
func fromBallots(t *rapid.T, p ballot.Paper, ballots []ballot.Ballot, pol ballot.Policy, base tally.Base) tally.RoundResult {
	r, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: len(ballots), Boxes: []ballot.Box{{Name: "1", Ballots: ballots}}}, base, pol)
	if err != nil {
		t.Fatalf("CountRound: %v", err)
	}
	return r
}

// countOf is the part of a round result a Count holds.
func countOf(r tally.RoundResult) bulk.Count {
	c := bulk.Count{Collected: r.Collected, Valid: r.Valid, Invalid: r.Invalid, InvalidReasons: r.InvalidReasons, Review: r.Review}
	for _, s := range r.Standings {
		c.Votes = append(c.Votes, s.Votes)
	}
	return c
}

// TestMatchesCountRound: the fast path (a Counter fed one ballot at a time
// and counted midway, a Box, and bit sets given directly, with the vertical
// counters drained at any period) counts every box exactly as
// tally.CountRound does from the same ballots, and the round decided from
// its totals is the same: standings, elected, tie, next step.
func TestMatchesCountRound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, ballots, pol, base := crossOutBox(t)
		oracle := fromBallots(t, p, ballots, pol, base)
		want := countOf(oracle)
		drain := rapid.SampledFrom([]int{1, 2, 3, 255}).Draw(t, "drain")

		c, err := bulk.NewCounter(p, pol)
		if err != nil {
			t.Fatal(err)
		}
		bulk.SetDrain(c, nil, drain)
		box, _ := bulk.NewBox(p, pol)
		bulk.SetDrain(nil, box, drain)
		bits, _ := bulk.NewCounter(p, pol)
		split := rapid.IntRange(0, len(ballots)).Draw(t, "split")
		for i, b := range ballots {
			if i == split {
				c.Count() // counting midway changes nothing
			}
			if err := c.Add(b); err != nil {
				t.Fatal(err)
			}
			if err := box.Add(b); err != nil {
				t.Fatal(err)
			}
			standing, partly := standingBits(b, pol, bits.Words())
			if err := bits.AddStanding(standing, b.Flags, partly); err != nil {
				t.Fatal(err)
			}
		}
		for name, got := range map[string]bulk.Count{"Counter": c.Count(), "Box": box.Count(), "AddStanding": bits.Count()} {
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s differs from CountRound (-CountRound +%s):\n%s", name, name, diff)
			}
		}
		if got := box.Count(); !cmp.Equal(want, got) {
			t.Fatalf("a box counted twice differs: %+v", got)
		}

		fast, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: len(ballots), Totals: c.Count().Totals()}, base, pol)
		if err != nil {
			t.Fatal(err)
		}
		type decision struct {
			Standings []tally.Standing
			Elected   []ballot.CandidateID
			Tie       *tally.Tie
			Next      tally.Next
		}
		if diff := cmp.Diff(decision{oracle.Standings, oracle.Elected, oracle.Tie, oracle.Next},
			decision{fast.Standings, fast.Elected, fast.Tie, fast.Next}); diff != "" {
			t.Fatalf("the decision from the fast totals differs (-ballots +fast):\n%s", diff)
		}
	})
}

// standingBits is a ballot as AddStanding takes it, built the obvious way.
func standingBits(b ballot.Ballot, pol ballot.Policy, words int) ([]uint64, int) {
	standing := make([]uint64, words)
	partly := 0
	for i, m := range b.Marks {
		stands := m == ballot.Unmarked || m == ballot.PartlyStruck && !pol.PartlyStruckIsStruck
		if stands {
			standing[i/64] |= 1 << (i % 64)
		}
		if m == ballot.PartlyStruck && !pol.PartlyStruckIsStruck {
			partly++
		}
	}
	return standing, partly
}

// TestFileRoundTrip: ballots written to a file read back as the same
// ballots, with \n or \r\n line ends, and counting the file as it is read
// gives the count of the ballots.
func TestFileRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, ballots, pol, _ := crossOutBox(t)
		var buf bytes.Buffer
		w, err := bulk.NewWriter(&buf, p)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := bulk.NewCounter(p, pol)
		for _, b := range ballots {
			if err := w.Write(b); err != nil {
				t.Fatal(err)
			}
			c.Add(b)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		file := buf.String()
		if rapid.Bool().Draw(t, "crlf") {
			file = strings.ReplaceAll(file, "\n", "\r\n")
		}

		gotPaper, gotBallots, err := bulk.Decode(strings.NewReader(file))
		if err != nil {
			t.Fatalf("Decode: %v\n%s", err, file)
		}
		if diff := cmp.Diff(p, gotPaper); diff != "" {
			t.Fatalf("paper (-written +read):\n%s", diff)
		}
		if diff := cmp.Diff(ballots, gotBallots, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("ballots (-written +read):\n%s", diff)
		}
		_, got, err := bulk.Read(iotest.HalfReader(strings.NewReader(file)), pol)
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		if diff := cmp.Diff(c.Count(), got); diff != "" {
			t.Fatalf("count (-ballots +file):\n%s", diff)
		}
	})
}

// TestLargeBox counts generated boxes larger than a drain period (4,080
// ballots) on lists of one to three words, against tally.CountRound.
func TestLargeBox(t *testing.T) {
	for _, size := range []struct{ ballots, candidates, seats int }{
		{9_000, 7, 5}, {5_000, 64, 57}, {5_000, 130, 117},
	} {
		p := bulkgen.Paper(size.candidates, size.seats)
		g := bulkgen.New(p, uint64(size.ballots))
		ballots := make([]ballot.Ballot, size.ballots)
		for i := range ballots {
			g.Next(&ballots[i])
		}
		for _, pol := range []ballot.Policy{{}, {PartlyStruckIsStruck: true, AcceptSigned: true}} {
			r, err := tally.CountRound("", 1, ballot.Round{Paper: p, Boxes: []ballot.Box{{Ballots: ballots}}}, tally.Base{}, pol)
			if err != nil {
				t.Fatal(err)
			}
			box, _ := bulk.NewBox(p, pol)
			for _, b := range ballots {
				box.Add(b)
			}
			if diff := cmp.Diff(countOf(r), box.Count()); diff != "" {
				t.Errorf("%d×%d %+v (-CountRound +Box):\n%s", size.ballots, size.candidates, pol, diff)
			}
		}
	}
}
