package journal

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// A Difference is a position where independent entries of the same ballot
// box disagree: the board re-reads that paper.
type Difference struct {
	Position int // the ballot's place among each journal's surviving entries, from 1
	// Ballots holds each journal's ballot at that place, in the order the
	// journals were given; nil where a journal has fewer ballots.
	Ballots []*ballot.Ballot
}

// A Comparison is the ballot-by-ballot comparison of independent entries of
// one ballot box by different operators (nhập độc lập).
type Comparison struct {
	Ballots     []int // the surviving ballots of each journal
	Differences []Difference
}

// Agree reports whether every journal holds the same ballots in the same
// order.
func (c Comparison) Agree() bool { return len(c.Differences) == 0 }

// String lists the positions that differ, for the board.
func (c Comparison) String() string {
	if c.Agree() {
		return fmt.Sprintf("the %d entries agree on all %d ballots", len(c.Ballots), c.Ballots[0])
	}
	pos := make([]string, len(c.Differences))
	for i, d := range c.Differences {
		pos[i] = fmt.Sprint(d.Position)
	}
	return fmt.Sprintf("the entries differ at ballots %s", strings.Join(pos, ", "))
}

// Compare compares two or three journals of the same round and ballot box,
// entered independently, ballot by ballot in the order of the paper stack
// (see Replay.Stack): a voided entry is not compared, and one re-entered in
// its place, or restored, is compared at that place, so an undo corrected
// is not a difference.
// The error is for journals that are not of the same round and box.
func Compare(reps ...*Replay) (Comparison, error) {
	if len(reps) < 2 {
		return Comparison{}, fmt.Errorf("journal: compare needs two journals or more, not %d", len(reps))
	}
	first := reps[0].Round
	var ballots [][]ballot.Ballot
	var c Comparison
	for i, r := range reps {
		if !sameRound(first, r.Round) {
			return Comparison{}, fmt.Errorf("journal: journal %d is of %s round %d box %q, not %s round %d box %q",
				i+1, r.Round.Contest, r.Round.Number, r.Round.Box, first.Contest, first.Number, first.Box)
		}
		b := r.Stack()
		ballots = append(ballots, b)
		c.Ballots = append(c.Ballots, len(b))
	}
	for pos := 0; pos < slices.Max(c.Ballots); pos++ {
		d := Difference{Position: pos + 1, Ballots: make([]*ballot.Ballot, len(reps))}
		same := true
		for i, b := range ballots {
			if pos < len(b) {
				d.Ballots[i] = &b[pos]
			}
			same = same && d.Ballots[i] != nil && equalBallots(*d.Ballots[i], *d.Ballots[0])
		}
		if !same {
			c.Differences = append(c.Differences, d)
		}
	}
	return c, nil
}

// Stack returns the surviving ballots in the order of the stack of papers:
// the order entered, except that an entry made in place of a voided one
// (Event.Replaces) takes that entry's place.
func (r *Replay) Stack() []ballot.Ballot {
	ents := r.Counter.Entries()
	place := make([]int, len(ents)) // the place in the stack: the seq of the first entry of that paper
	for i := range ents {
		place[i] = i + 1
		if i < len(r.Replaces) && r.Replaces[i] > 0 && r.Replaces[i] <= i {
			place[i] = place[r.Replaces[i]-1]
		}
	}
	order := make([]int, 0, len(ents))
	for i, e := range ents {
		if !e.Voided {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return place[a] - place[b] })
	out := make([]ballot.Ballot, len(order))
	for k, i := range order {
		out[k] = ents[i].Ballot
	}
	return out
}

// Accept returns the round's result when the independent entries agree, and
// otherwise an error holding the comparison, so that no result is accepted
// before the board has resolved every difference.
func Accept(at ballot.Path, reps ...*Replay) (tally.RoundResult, Comparison, error) {
	c, err := Compare(reps...)
	if err != nil {
		return tally.RoundResult{}, c, err
	}
	if !c.Agree() {
		return tally.RoundResult{}, c, fmt.Errorf("journal: %s; re-read those papers", c)
	}
	r := reps[0]
	return r.Counter.Result(at, r.Round.Number, r.Round.Box), c, nil
}

func sameRound(a, b Round) bool {
	return a.Contest == b.Contest && a.Number == b.Number && a.Box == b.Box && a.Seats == b.Seats &&
		slices.Equal(a.Candidates, b.Candidates) && a.Issued == b.Issued && a.Policy == b.Policy && a.Base.D == b.Base.D
}

func equalBallots(a, b ballot.Ballot) bool {
	return a.Flags == b.Flags && slices.Equal(a.Marks, b.Marks)
}
