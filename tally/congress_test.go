package tally_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// cong builds a congress of n people c1..cn with the given roster and
// contests.
func cong(level ballot.Level, roster ballot.Roster, n int, contests ...ballot.Contest) ballot.Congress {
	c := ballot.Congress{Name: "Đại hội thử", Level: level, Roster: roster, Contests: contests}
	for i := range n {
		c.Candidates = append(c.Candidates, ballot.Candidate{ID: ballot.CandidateID(fmt.Sprintf("c%d", i+1)), Name: fmt.Sprintf("Người %d", i+1)})
	}
	return c
}

func members(n int) ballot.Roster {
	return ballot.Roster{Members: &ballot.MembersRoster{Official: n, Present: n}}
}

func delegates(n int) ballot.Roster {
	return ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: n, Present: n}}
}

// round is a round from totals with the given paper.
func round(seats int, list []ballot.CandidateID, valid int, votes ...int) ballot.Round {
	return ballot.Round{Paper: ballot.Paper{Seats: seats, Candidates: list}, Issued: valid,
		Totals: &ballot.Totals{Collected: valid, Valid: valid, Votes: votes}}
}

func list(ids ...string) []ballot.CandidateID {
	out := make([]ballot.CandidateID, len(ids))
	for i, s := range ids {
		out[i] = ballot.CandidateID(s)
	}
	return out
}

func count(t *testing.T, c ballot.Congress, opt tally.Options) tally.Result {
	t.Helper()
	r, err := tally.Count(c, opt)
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return r
}

func failures(r tally.Result) []rules.RuleID {
	var out []rules.RuleID
	for _, f := range r.Findings() {
		if f.Outcome == rules.Fail {
			out = append(out, f.Rule)
		}
	}
	return out
}

// TestSecretaryThirdBallot: a chi bộ votes for its secretary at most three
// times; then the superior committee appoints.
func TestSecretaryThirdBallot(t *testing.T) {
	// 10 members; two names for secretary; nobody reaches 6 votes.
	two := list("c1", "c2")
	rounds := []ballot.Round{round(1, two, 10, 5, 5), round(1, two, 10, 5, 5), round(1, two, 10, 5, 5)}
	sec := ballot.Contest{ID: "bt", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: two}}

	var steps []tally.Step
	for k := 1; k <= 3; k++ {
		sec.Rounds = rounds[:k]
		r := count(t, cong(ballot.LevelChiBo, members(10), 2, sec), tally.Options{})
		steps = append(steps, r.Contests[0].Next.Step)
	}
	if want := []tally.Step{tally.AnotherRound, tally.AnotherRound, tally.Appointed}; !cmp.Equal(steps, want) {
		t.Errorf("steps after ballots 1–3 = %v, want %v", steps, want)
	}
	// A fourth ballot is recorded as a failure of the rule.
	sec.Rounds = append(rounds, round(1, two, 10, 6, 4))
	r := count(t, cong(ballot.LevelChiBo, members(10), 2, sec), tally.Options{})
	if got := failures(r); !cmp.Equal(got, []rules.RuleID{rules.SecretaryBallots}) {
		t.Errorf("a fourth ballot: failures %v", got)
	}
	// The same at a đảng bộ's committee meeting is for the congress to decide.
	sec.Rounds = rounds[:1]
	sec.Meeting = &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 10, Present: 10}
	r = count(t, cong(ballot.LevelGrassroots, delegates(100), 2, sec), tally.Options{})
	if r.Contests[0].Next.Step != tally.CongressDecides {
		t.Errorf("a đảng bộ secretary not elected: %v", r.Contests[0].Next)
	}
}

// TestRunOff: a tie at the last seat leads to a run-off among the tied for
// the seats they contend for; still tied, the congress decides.
func TestRunOff(t *testing.T) {
	bch := ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 3, Candidates: ids(5)}}
	bch.Rounds = []ballot.Round{round(3, ids(5), 100, 90, 80, 60, 60, 10)}
	r := count(t, cong(ballot.LevelGrassroots, delegates(100), 5, bch), tally.Options{})
	ct := r.Contests[0]
	if want := (tally.Next{Step: tally.RunOff, Seats: 1, Candidates: list("c3", "c4")}); !cmp.Equal(ct.Next, want) || ct.SeatsLeft != 1 {
		t.Errorf("after round 1: next %v, left %d", ct.Next, ct.SeatsLeft)
	}

	bch.Rounds = append(bch.Rounds, round(1, list("c3", "c4"), 100, 50, 50)) // still tied, and neither over half
	ct = count(t, cong(ballot.LevelGrassroots, delegates(100), 5, bch), tally.Options{}).Contests[0]
	if ct.Next.Step != tally.CongressDecides || ct.Rounds[1].Tie != nil {
		t.Errorf("a run-off where neither qualifies: %v", ct.Next)
	}

	bch.Rounds[1] = round(1, list("c3", "c4"), 100, 51, 49)
	ct = count(t, cong(ballot.LevelGrassroots, delegates(100), 5, bch), tally.Options{}).Contests[0]
	if ct.Next.Step != tally.Done || !cmp.Equal(ct.Elected, list("c1", "c2", "c3")) {
		t.Errorf("a decisive run-off: next %v, elected %v", ct.Next, ct.Elected)
	}

	// Tied again in a run-off of three for two seats.
	bch.Rounds = []ballot.Round{round(3, ids(5), 100, 95, 60, 60, 60, 10), round(2, list("c2", "c3", "c4"), 100, 60, 60, 60)}
	ct = count(t, cong(ballot.LevelGrassroots, delegates(100), 5, bch), tally.Options{}).Contests[0]
	if ct.Next.Step != tally.CongressDecides || ct.Rounds[1].Tie == nil {
		t.Errorf("still tied after a run-off: %v", ct.Next)
	}

	// A later round that puts an elected person on its list, for more seats
	// than are left.
	bch.Rounds = []ballot.Round{round(3, ids(5), 100, 90, 80, 60, 60, 10), round(2, list("c1", "c3", "c4"), 100, 10, 95, 60)}
	r = count(t, cong(ballot.LevelGrassroots, delegates(100), 5, bch), tally.Options{})
	if got := failures(r); !cmp.Equal(got, []rules.RuleID{rules.RoundSeats, rules.RoundList}) {
		t.Errorf("a round with an elected name, for too many seats: failures %v", got)
	}
}

// TestDelegates: official delegates first, then the alternates among the
// rest, ranked by votes; and the option that surplus qualifiers of the
// official ballot become alternates.
func TestDelegates(t *testing.T) {
	names := ids(6)
	official := ballot.Contest{ID: "dbct", Office: ballot.OfficeDelegates, Paper: ballot.Paper{Seats: 3, Candidates: names}}
	// D = 100: c1, c2, c3 elected; c4 (55) and c5 (52) clear the threshold with no seat; c6 does not.
	official.Rounds = []ballot.Round{round(3, names, 100, 65, 60, 57, 55, 52, 11)}
	alternates := ballot.Contest{ID: "dbdk", Office: ballot.OfficeAlternates, Paper: ballot.Paper{Seats: 2, Candidates: list("c4", "c5", "c6")}}
	alternates.Rounds = []ballot.Round{round(2, list("c4", "c5", "c6"), 100, 52, 70, 60)}
	c := cong(ballot.LevelProvince, delegates(100), 6, official, alternates)

	r := count(t, c, tally.Options{})
	if got := r.Contests[1].Elected; !cmp.Equal(got, list("c5", "c6")) {
		t.Errorf("alternates by their own ballot = %v, want c5 then c6 (by votes)", got)
	}
	r = count(t, c, tally.Options{SurplusQualifiersAsAlternates: true})
	alt := r.Contests[1]
	if !cmp.Equal(alt.FromOfficial, list("c4", "c5")) || alt.SeatsLeft != 0 {
		t.Errorf("with the option: from official %v, left %d", alt.FromOfficial, alt.SeatsLeft)
	}
	// Its own ballot, still in the document, is then one round too many.
	if got := failures(r); !cmp.Equal(got, []rules.RuleID{rules.RoundSeats, rules.RoundList}) {
		t.Errorf("an alternate ballot after the option filled the seats: failures %v", got)
	}

	// Delegates: round 1 unfilled → another round; round 2 unfilled → the congress decides.
	official.Rounds = []ballot.Round{round(3, names, 100, 90, 40, 40, 40, 40, 30)} // only c1 over half
	r = count(t, cong(ballot.LevelProvince, delegates(100), 6, official), tally.Options{})
	if n := r.Contests[0].Next; n.Step != tally.AnotherRound || n.Seats != 2 || !cmp.Equal(n.Candidates, list("c2", "c3", "c4", "c5", "c6")) {
		t.Errorf("delegates after round 1: %v", n)
	}
	official.Rounds = append(official.Rounds, round(2, list("c2", "c3", "c4", "c5", "c6"), 100, 45, 45, 40, 40, 30))
	r = count(t, cong(ballot.LevelProvince, delegates(100), 6, official), tally.Options{})
	if n := r.Contests[0].Next; n.Step != tally.CongressDecides || n.Seats != 2 {
		t.Errorf("delegates after round 2: %v", n)
	}
}

// TestChainAcrossContests: a standing committee candidate not elected to the
// committee, and the planned secretary not elected to the standing
// committee, are named with the body they miss.
func TestChainAcrossContests(t *testing.T) {
	bch := ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 3, Candidates: ids(4)},
		Rounds: []ballot.Round{round(3, ids(4), 100, 90, 80, 70, 30)}} // c1, c2, c3 elected
	meeting := &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 3, Present: 3}
	btv := ballot.Contest{ID: "btv", Office: ballot.OfficeStanding, Paper: ballot.Paper{Seats: 1, Candidates: list("c2", "c4")}, Meeting: meeting,
		Rounds: []ballot.Round{round(1, list("c2", "c4"), 3, 3, 0)}} // c4 is not on the committee
	sec := ballot.Contest{ID: "bt", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: list("c1")}, Meeting: meeting,
		Rounds: []ballot.Round{round(1, list("c1"), 3, 3)}} // c1 is not on the standing committee
	r := count(t, cong(ballot.LevelGrassroots, delegates(100), 4, bch, btv, sec), tally.Options{})
	var got []string
	for _, f := range r.Findings() {
		if f.Rule == rules.Chain && f.Outcome == rules.Fail {
			got = append(got, fmt.Sprintf("%s %s ∉ %s", f.Path, f.Subject, f.Body))
		}
	}
	want := []string{"contests[1].candidates[1] c4 ∉ committee", "contests[2].candidates[0] c1 ∉ standing-committee"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chain failures (-want +got):\n%s", diff)
	}
	// At the end, each holds what they were elected to.
	holds := map[ballot.CandidateID][]ballot.Office{}
	for _, p := range r.People {
		holds[p.ID] = p.Holds
	}
	if !cmp.Equal(holds["c1"], []ballot.Office{ballot.OfficeCommittee, ballot.OfficeSecretary}) || holds["c4"] != nil {
		t.Errorf("holds: %v", holds)
	}

	// A meeting that records more members than the congress elected.
	btv.Meeting = &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 4, Present: 4}
	r = count(t, cong(ballot.LevelGrassroots, delegates(100), 4, bch, btv), tally.Options{})
	found := false
	for _, f := range r.Findings() {
		if f.Rule == rules.MeetingSitting {
			found = f.Outcome == rules.Fail && f.Count == 4 && f.Excess == 1
		}
	}
	if !found {
		t.Errorf("a meeting of 4 for a committee of 3 is not reported")
	}
}

// TestCheckLists includes the organisation committee's verdict, and reports
// the personnel data it lacks as an error.
func TestCheckLists(t *testing.T) {
	bch := ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 3, Candidates: ids(4)},
		Rounds: []ballot.Round{round(3, ids(4), 100, 90, 80, 70, 30)}}
	c := cong(ballot.LevelGrassroots, delegates(100), 4, bch)
	if r := count(t, c, tally.Options{}); r.Lists != nil {
		t.Error("lists checked without CheckLists")
	}
	if _, err := tally.Count(c, tally.Options{CheckLists: true}); err == nil {
		t.Error("no error for the birth months the working-time rule needs")
	}
	g := rules.QD190()
	g.WorkingTime = rules.WorkingTimeRule{}
	r := count(t, c, tally.Options{CheckLists: true, Regime: &g})
	if r.Lists == nil || !r.Lists.OK() || r.Regime != g.Name {
		t.Errorf("lists = %v", r.Lists)
	}
}
