package tally_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// TestResultOK checks Result.OK, what a superior committee reads first: no
// check of the count failed, wherever the failure is — the lists (when
// checked), a round's figures, a check across rounds, a chain rule between
// contests.
func TestResultOK(t *testing.T) {
	// A grassroots congress of 100 delegates; a committee of 3 among list.
	committee := func(list []ballot.CandidateID, issued int, votes ...int) ballot.Contest {
		p := ballot.Paper{Seats: 3, Candidates: list}
		return ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: p,
			Rounds: []ballot.Round{{Paper: p, Issued: issued, Totals: &ballot.Totals{Collected: 100, Valid: 100, Votes: votes}}}}
	}
	congress := func(contests ...ballot.Contest) ballot.Congress {
		c := altCongress(3, 6, 2, 4)
		c.Level = ballot.LevelGrassroots
		c.Contests = contests
		return c
	}
	four := altNames(1, 4)
	good := committee(four, 100, 90, 80, 70, 30) // c1, c2, c3 elected
	// The regime without the working-time rule, which needs birth months.
	g := rules.QD190()
	g.WorkingTime = rules.WorkingTimeRule{}
	lists := tally.Options{CheckLists: true, Regime: &g}

	standing := func(list ...ballot.CandidateID) ballot.Contest {
		p := ballot.Paper{Seats: 1, Candidates: list}
		return ballot.Contest{ID: "btv", Office: ballot.OfficeStanding, Paper: p,
			Meeting: &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 3, Present: 3},
			Rounds:  []ballot.Round{{Paper: p, Issued: 3, Totals: &ballot.Totals{Collected: 3, Valid: 3, Votes: []int{3, 0}}}}}
	}
	secondRound := good
	secondRound.Rounds = []ballot.Round{
		committee(four, 100, 90, 80, 40, 30).Rounds[0], // c1, c2 elected; one seat left
		{Paper: ballot.Paper{Seats: 2, Candidates: altNames(3, 4)}, Issued: 100,
			Totals: &ballot.Totals{Collected: 100, Valid: 100, Votes: []int{60, 40}}},
	}

	tests := []struct {
		name     string
		reason   string
		congress ballot.Congress
		opt      tally.Options
		ok       bool
		failed   []rules.RuleID // the failed findings, lists aside
	}{
		{"all-pass", "every check passes, the lists too", congress(good), lists, true, nil},
		{"list-fails", "a committee list without surplus fails the list check, though the count is right",
			congress(committee(altNames(1, 3), 100, 90, 80, 70)), lists, false, nil},
		{"lists-unchecked", "the same list is not judged without CheckLists",
			congress(committee(altNames(1, 3), 100, 90, 80, 70)), tally.Options{}, true, nil},
		{"round-fails", "more ballots collected than issued",
			congress(committee(four, 99, 90, 80, 70, 30)), tally.Options{}, false, []rules.RuleID{rules.BallotsCollected}},
		{"across-rounds-fails", "a second round for more seats than are left",
			congress(secondRound), tally.Options{}, false, []rules.RuleID{rules.RoundSeats}},
		{"chain-fails", "a standing committee candidate not elected to the committee",
			congress(good, standing("c4", "c1")), tally.Options{}, false, []rules.RuleID{rules.Chain}},
		{"chain-passes", "a standing committee list from the committee",
			congress(good, standing("c1", "c2")), tally.Options{}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tally.Count(tt.congress, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var failed []rules.RuleID
			for _, f := range r.Findings() {
				if f.Outcome == rules.Fail {
					failed = append(failed, f.Rule)
				}
			}
			if diff := cmp.Diff(tt.failed, failed); diff != "" {
				t.Errorf("%s: failed findings (-want +got):\n%s", tt.reason, diff)
			}
			if got := r.OK(); got != tt.ok {
				t.Errorf("%s: OK() = %v, want %v (lists %v)", tt.reason, got, tt.ok, r.Lists)
			}
		})
	}
}
