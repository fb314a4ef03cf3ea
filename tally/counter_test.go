package tally_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/tally"
	"pgregory.net/rapid"
)

// TestCounterMachine drives a Counter with random entries and undos and, at
// every step, compares its result with batch counting of the ballots that a
// trivial model says survive.
func TestCounterMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := ballottest.Paper(5, 4).Draw(t, "paper")
		pol := ballottest.Policy().Draw(t, "policy")
		base := tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: rapid.IntRange(1, 30).Draw(t, "d")})
		c, err := tally.NewCounter(p, 30, base, pol)
		if err != nil {
			t.Fatal(err)
		}
		type entry struct {
			b    ballot.Ballot
			live bool
		}
		var model []entry
		t.Repeat(map[string]func(*rapid.T){
			"enter": func(t *rapid.T) {
				b := ballottest.Ballot(p).Draw(t, "ballot")
				e, err := c.Enter(b)
				if err != nil || e.Seq != len(model)+1 {
					t.Fatalf("Enter: %v, seq %d", err, e.Seq)
				}
				model = append(model, entry{b, true})
			},
			"void": func(t *rapid.T) {
				if len(model) == 0 {
					t.Skip("nothing to void")
				}
				seq := rapid.IntRange(1, len(model)).Draw(t, "seq")
				err := c.Void(seq, "đọc nhầm")
				if model[seq-1].live != (err == nil) {
					t.Fatalf("Void(%d) = %v, but live = %v", seq, err, model[seq-1].live)
				}
				model[seq-1].live = false
			},
			"": func(t *rapid.T) {
				var survive []ballot.Ballot
				for _, e := range model {
					if e.live {
						survive = append(survive, e.b)
					}
				}
				want, err := tally.CountRound("r", 1, ballot.Round{Paper: p, Issued: 30,
					Boxes: []ballot.Box{{Name: "Hòm 1", Ballots: survive}}}, base, pol)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, c.Result("r", 1, "Hòm 1")); diff != "" {
					t.Fatalf("incremental != batch (-batch +incremental):\n%s", diff)
				}
				if diff := cmp.Diff(survive, c.Ballots(), cmpBallots); diff != "" {
					t.Fatalf("surviving ballots (-model +counter):\n%s", diff)
				}
			},
		})
	})
}

var cmpBallots = cmp.Transformer("nilEmpty", func(b []ballot.Ballot) []ballot.Ballot {
	if len(b) == 0 {
		return nil
	}
	return b
})

func TestCounterErrors(t *testing.T) {
	p := ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"a", "b"}}
	c, err := tally.NewCounter(p, 10, tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 3}), ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Enter(ballot.Ballot{Marks: []ballot.Mark{ballot.Agree, ballot.Unmarked}}); err == nil {
		t.Error("an agree mark on a cross-out paper entered")
	}
	if c.Len() != 0 {
		t.Error("a refused ballot was recorded")
	}
	if _, err := c.Enter(ballot.Ballot{Marks: []ballot.Mark{ballot.Unmarked, ballot.Struck}}); err != nil {
		t.Fatal(err)
	}
	for _, seq := range []int{0, 2} {
		if err := c.Void(seq, ""); err == nil {
			t.Errorf("Void(%d) accepted", seq)
		}
	}
	if err := c.Void(1, "đọc nhầm"); err != nil {
		t.Fatal(err)
	}
	if err := c.Void(1, "again"); err == nil {
		t.Error("voided twice")
	}
	if e := c.Entries()[0]; !e.Voided || e.VoidReason != "đọc nhầm" {
		t.Errorf("the correction is not recorded: %+v", e)
	}
	if _, err := tally.NewCounter(ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"a"}}, 1, tally.Base{}, ballot.Policy{}); err == nil {
		t.Error("a paper with fewer names than seats accepted")
	}
}
