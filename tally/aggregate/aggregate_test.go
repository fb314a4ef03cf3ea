package aggregate_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
	"pgregory.net/rapid"
)

// chiBoCongress is a chi bộ congress of 24 members: a chi ủy of 5 from 6
// names with the votes given, then a secretary; people are c1..c6.
func chiBoCongress(votes []int, people []ballot.Candidate) ballot.Congress {
	list := []ballot.CandidateID{"c1", "c2", "c3", "c4", "c5", "c6"}
	return ballot.Congress{
		Name: "Đại hội Chi bộ", Level: ballot.LevelChiBo, ReferenceMonth: ballot.MustMonth(2025, 4),
		Roster:     ballot.Roster{Members: &ballot.MembersRoster{Official: 24, Present: 24}},
		Candidates: people,
		Contests: []ballot.Contest{
			{ID: "chi-uy", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 5, Candidates: list},
				Rounds: []ballot.Round{{Paper: ballot.Paper{Seats: 5, Candidates: list}, Issued: 24,
					Totals: &ballot.Totals{Collected: 24, Valid: 24, Votes: votes}}}},
			{ID: "bi-thu", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: list[:1]},
				Rounds: []ballot.Round{{Paper: ballot.Paper{Seats: 1, Candidates: list[:1]}, Issued: 24,
					Totals: &ballot.Totals{Collected: 24, Valid: 24, Votes: []int{20}}}}},
		},
	}
}

// chiBo counts chiBoCongress, with the list checks when check is set.
func chiBo(t testing.TB, votes []int, people []ballot.Candidate, check bool) tally.Result {
	t.Helper()
	g := rules.QD190()
	r, err := tally.Count(chiBoCongress(votes, people), tally.Options{Regime: &g, CheckLists: check})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func person(id string, sex ballot.Sex, born string, incumbent, minority bool, origin ballot.Origin) ballot.Candidate {
	m, _ := ballot.ParseMonth(born)
	return ballot.Candidate{ID: ballot.CandidateID(id), Name: "Người " + id, Sex: sex, Born: m,
		Incumbent: incumbent, EthnicMinority: minority, Origin: origin}
}

func people() []ballot.Candidate {
	return []ballot.Candidate{
		person("c1", ballot.Female, "1975-01", true, false, ballot.FromCommittee), // 50 at 2025-04
		person("c2", ballot.Male, "1990-01", false, true, ballot.FromCommittee),   // 35: young
		person("c3", ballot.Male, "1980-01", true, false, ballot.FromCommittee),
		person("c4", ballot.Female, "1988-01", false, false, ballot.FromCommittee), // 37: young
		person("c5", ballot.Male, "1970-01", true, false, ballot.FromCommittee),
		person("c6", ballot.Male, "1985-01", false, false, ballot.FromFloor),
	}
}

func TestSummary(t *testing.T) {
	a := aggregate.New(aggregate.Options{Due: 3})
	// c1..c5 elected; c6 (floor) not.
	a.Add(chiBo(t, []int{20, 19, 18, 17, 16, 10}, people(), true))
	// c6 elected instead of c5 (a planned name not elected); c2 and c3 tie
	// for the last seat? no: c3 and c4 and c5 each 13 for the last 2 seats.
	a.Add(chiBo(t, []int{22, 20, 13, 13, 13, 19}, people(), false))
	got := a.Summary()
	want := aggregate.Summary{
		Due: 3, Held: 2, YoungUnder: 40,
		ListsChecked: 1, ListsOK: 1, SurplusCompliant: 1,
		Awaiting: 1, // the second chi ủy awaits a run-off
		Bodies: []aggregate.Body{
			{Office: ballot.OfficeCommittee, Contests: 2, Seats: 10, Filled: 8,
				// first: c1..c5 (2 women, young c2 c4, minority c2, re-elected c1 c3 c5);
				// second: c1, c2, c6 (c3, c4, c5 tie for 2 seats)
				FirstTime: 2 + 2, Reelected: 3 + 1, Women: 2 + 1, Young: 2 + 1, EthnicMinority: 1 + 1,
				Planned: 10, PlannedNotElected: 0 + 3, Unfilled: 1, Ties: 1},
			{Office: ballot.OfficeSecretary, Contests: 2, Seats: 2, Filled: 2, Reelected: 2, Women: 2, Planned: 2},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
}

// TestSummaryProperties: the summary does not depend on the order the
// congresses are added in, and the summary of many is the sum of the
// summaries of each.
func TestSummaryProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		congresses := rapid.SliceOfN(ballottest.Congress(), 1, 5).Draw(t, "congresses")
		var results []tally.Result
		for _, c := range congresses {
			r, err := tally.Count(c, tally.Options{})
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, r)
		}
		all := aggregate.New(aggregate.Options{})
		for _, r := range results {
			all.Add(r)
		}
		shuffled := aggregate.New(aggregate.Options{})
		for _, r := range rapid.Permutation(results).Draw(t, "order") {
			shuffled.Add(r)
		}
		if diff := cmp.Diff(all.Summary(), shuffled.Summary()); diff != "" {
			t.Fatalf("order changed the summary:\n%s", diff)
		}
		held, filled := 0, 0
		for _, r := range results {
			one := aggregate.New(aggregate.Options{})
			one.Add(r)
			s := one.Summary()
			held += s.Held
			for _, b := range s.Bodies {
				filled += b.Filled
			}
		}
		s := all.Summary()
		total := 0
		for _, b := range s.Bodies {
			total += b.Filled
			if b.Filled > b.Seats || b.Women+b.SexUnknown > b.Filled || b.Young+b.AgeUnknown > b.Filled ||
				b.FirstTime+b.Reelected != b.Filled || b.PlannedNotElected > b.Planned {
				t.Fatalf("inconsistent body: %+v", b)
			}
		}
		if s.Held != held || total != filled {
			t.Fatalf("held %d filled %d, sums of each %d %d", s.Held, total, held, filled)
		}
	})
}

// TestReadStream: a stream with a malformed line and a blank line counts
// every good line and names the bad one by its line number.
func TestReadStream(t *testing.T) {
	good, _ := json.Marshal(chiBo(t, []int{20, 19, 18, 17, 16, 10}, people(), false))
	stream := string(good) + "\n\n" + `{"format":"kiemphieu.tally/1","congress":""}` + "\r\n" + string(good) + "\n" + "not json\n" + string(good)
	a := aggregate.New(aggregate.Options{})
	rejected, err := a.ReadStream(strings.NewReader(stream), "results.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, r := range rejected {
		sources = append(sources, r.Source)
	}
	if diff := cmp.Diff([]string{"results.jsonl:3", "results.jsonl:5"}, sources); diff != "" {
		t.Errorf("rejected (-want +got):\n%s", diff)
	}
	if a.Summary().Held != 3 {
		t.Errorf("held %d, want 3", a.Summary().Held)
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		r := chiBo(t, []int{20, 19, 18, 17, 16, 10}, people(), false)
		r.Congress = fmt.Sprintf("Đại hội Chi bộ %d", i)
		data, _ := json.MarshalIndent(r, "", "  ")
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("chibo-%d.json", i)), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"format":"kiemphieu.tally/1"`), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a result"), 0o644)
	a := aggregate.New(aggregate.Options{Due: 4})
	rejected, err := a.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rejected) != 1 || filepath.Base(rejected[0].Source) != "broken.json" || a.Summary().Held != 3 {
		t.Errorf("rejected %v, held %d", rejected, a.Summary().Held)
	}
}
