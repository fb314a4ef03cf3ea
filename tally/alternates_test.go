package tally_test

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// altNames returns the ids c1..cn.
func altNames(from, to int) []ballot.CandidateID {
	var out []ballot.CandidateID
	for i := from; i <= to; i++ {
		out = append(out, ballot.CandidateID(fmt.Sprintf("c%d", i)))
	}
	return out
}

// altRound is a round from totals of 100 valid ballots.
func altRound(seats int, list []ballot.CandidateID, votes ...int) ballot.Round {
	return ballot.Round{Paper: ballot.Paper{Seats: seats, Candidates: list}, Issued: 100,
		Totals: &ballot.Totals{Collected: 100, Valid: 100, Votes: votes}}
}

// altCongress is a province congress of 100 delegates (D = 100) with 10
// people c1..c10: the official delegates' contest for offSeats among
// c1..c{offN} with the given rounds, then the alternates' contest for
// altSeats among c{altFrom}..c10, before its ballot.
func altCongress(offSeats, offN, altSeats, altFrom int, official ...ballot.Round) ballot.Congress {
	c := ballot.Congress{Name: "Đại hội đại biểu thử", Level: ballot.LevelProvince,
		Roster: ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 100, Present: 100}}}
	for _, id := range altNames(1, 10) {
		c.Candidates = append(c.Candidates, ballot.Candidate{ID: id, Name: "Người " + string(id)})
	}
	c.Contests = []ballot.Contest{
		{ID: "dbct", Office: ballot.OfficeDelegates, Paper: ballot.Paper{Seats: offSeats, Candidates: altNames(1, offN)}, Rounds: official},
		{ID: "dbdk", Office: ballot.OfficeAlternates, Paper: ballot.Paper{Seats: altSeats, Candidates: altNames(altFrom, 10)}},
	}
	return c
}

// TestSurplusQualifiersAsAlternates checks the option that makes those who
// cleared the threshold on the official delegates' ballot without a seat the
// first alternates, in vote order: the seats they fill, a tie at the last
// seat they would fill (left to a run-off, never broken), and what is left
// for the alternates' own ballot.
func TestSurplusQualifiersAsAlternates(t *testing.T) {
	type outcome struct {
		FromOfficial []ballot.CandidateID
		Elected      []ballot.CandidateID
		SeatsLeft    int
		Next         tally.Next
	}
	six, seven := altNames(1, 6), altNames(1, 7)
	// Each qualifier has more than 50 votes of 100, and the votes of a
	// round add up to at most 100 per seat.
	tests := []struct {
		name     string
		reason   string
		offSeats int // among c1..c6, or c1..c7 for 4 seats
		seats    int // among c4..c10, or c5..c10 after 4 official seats
		official []ballot.Round
		want     outcome
	}{
		{
			name: "fill-some", reason: "two qualifiers without a seat (55, 52) take two of three alternate seats; the ballot is for the third, without them",
			offSeats: 3, seats: 3,
			official: []ballot.Round{altRound(3, six, 60, 58, 57, 55, 52, 11)},
			want: outcome{FromOfficial: altNames(4, 5), Elected: altNames(4, 5), SeatsLeft: 1,
				Next: tally.Next{Step: tally.AnotherRound, Seats: 1, Candidates: altNames(6, 10)}},
		},
		{
			name: "fill-all", reason: "as many qualifiers as seats: nothing left to vote",
			offSeats: 3, seats: 2,
			official: []ballot.Round{altRound(3, six, 60, 58, 57, 55, 52, 11)},
			want:     outcome{FromOfficial: altNames(4, 5), Elected: altNames(4, 5), Next: tally.Next{Step: tally.Done}},
		},
		{
			name: "vote-order", reason: "more qualifiers than seats: the most votes first, whatever the list order",
			offSeats: 3, seats: 1,
			official: []ballot.Round{altRound(3, six, 60, 58, 57, 52, 55, 11)},
			want:     outcome{FromOfficial: altNames(5, 5), Elected: altNames(5, 5), Next: tally.Next{Step: tally.Done}},
		},
		{
			name: "tie-at-the-seat", reason: "two qualifiers with 55 for one seat: nobody is taken, a run-off between them",
			offSeats: 3, seats: 1,
			official: []ballot.Round{altRound(3, six, 60, 58, 57, 55, 55, 11)},
			want:     outcome{SeatsLeft: 1, Next: tally.Next{Step: tally.RunOff, Seats: 1, Candidates: altNames(4, 5)}},
		},
		{
			name: "tie-below-one", reason: "56 takes a seat; 55 and 55 tie for the second",
			offSeats: 4, seats: 2,
			official: []ballot.Round{altRound(4, seven, 60, 58, 57, 57, 56, 55, 55)},
			want: outcome{FromOfficial: altNames(5, 5), Elected: altNames(5, 5), SeatsLeft: 1,
				Next: tally.Next{Step: tally.RunOff, Seats: 1, Candidates: altNames(6, 7)}},
		},
		{
			name: "tie-past-the-seats", reason: "a tie below the last seat taken changes nothing",
			offSeats: 4, seats: 1,
			official: []ballot.Round{altRound(4, seven, 60, 58, 57, 57, 56, 55, 55)},
			want:     outcome{FromOfficial: altNames(5, 5), Elected: altNames(5, 5), Next: tally.Next{Step: tally.Done}},
		},
		{
			name: "later-round", reason: "a qualifier of the official contest's second round (c4, 52); those who did not qualify there are not taken",
			offSeats: 3, seats: 2,
			official: []ballot.Round{
				altRound(3, six, 90, 40, 40, 40, 40, 30),
				altRound(2, altNames(2, 6), 56, 53, 52, 20, 10),
			},
			want: outcome{FromOfficial: altNames(4, 4), Elected: altNames(4, 4), SeatsLeft: 1,
				Next: tally.Next{Step: tally.AnotherRound, Seats: 1, Candidates: altNames(5, 10)}},
		},
		{
			name: "lost-run-off", reason: "tied at the last official seat, then beaten below the threshold in the run-off: the last round decides, so no qualifier is left",
			offSeats: 3, seats: 2,
			official: []ballot.Round{
				altRound(3, six, 60, 58, 55, 55, 11, 11),
				altRound(1, altNames(3, 4), 60, 40),
			},
			want: outcome{SeatsLeft: 2, Next: tally.Next{Step: tally.Vote, Seats: 2, Candidates: altNames(4, 10)}},
		},
		{
			name: "no-qualifier", reason: "nobody cleared the threshold without a seat: the alternates' ballot fills every seat",
			offSeats: 3, seats: 2,
			official: []ballot.Round{altRound(3, six, 65, 60, 57, 50, 30, 11)},
			want:     outcome{SeatsLeft: 2, Next: tally.Next{Step: tally.Vote, Seats: 2, Candidates: altNames(4, 10)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := altCongress(tt.offSeats, 3+tt.offSeats, tt.seats, 1+tt.offSeats, tt.official...)
			r, err := tally.Count(c, tally.Options{SurplusQualifiersAsAlternates: true})
			if err != nil {
				t.Fatal(err)
			}
			alt := r.Contests[1]
			got := outcome{alt.FromOfficial, alt.Elected, alt.SeatsLeft, alt.Next}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.reason, diff)
			}
			if !r.OK() {
				t.Errorf("a count without a failed check is not OK: %v", r.Findings())
			}

			// Without the option, the alternates come from their own ballot only.
			r, err = tally.Count(c, tally.Options{})
			if err != nil {
				t.Fatal(err)
			}
			alt = r.Contests[1]
			want := outcome{SeatsLeft: tt.seats, Next: tally.Next{Step: tally.Vote, Seats: tt.seats, Candidates: altNames(1+tt.offSeats, 10)}}
			if diff := cmp.Diff(want, outcome{alt.FromOfficial, alt.Elected, alt.SeatsLeft, alt.Next}); diff != "" {
				t.Errorf("without the option (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAlternatesBeforeOfficial: with the option, an alternates' contest
// counted before any official delegates' contest has no qualifiers to take.
func TestAlternatesBeforeOfficial(t *testing.T) {
	c := altCongress(3, 6, 2, 4, altRound(3, altNames(1, 6), 60, 58, 57, 55, 52, 11))
	c.Contests[0], c.Contests[1] = c.Contests[1], c.Contests[0]
	r, err := tally.Count(c, tally.Options{SurplusQualifiersAsAlternates: true})
	if err != nil {
		t.Fatal(err)
	}
	if alt := r.Contests[0]; alt.FromOfficial != nil || alt.Elected != nil || alt.SeatsLeft != 2 {
		t.Errorf("alternates before the official contest: from official %v, elected %v, left %d", alt.FromOfficial, alt.Elected, alt.SeatsLeft)
	}
}
