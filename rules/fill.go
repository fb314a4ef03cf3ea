package rules

import (
	"cmp"
	"slices"
)

// A Fill is the outcome of filling seats by votes (rules.md §4.2–4.3): the
// positions elected, most votes first (equal votes in input order), and,
// when candidates with equal votes straddle the last seat, the tied, in
// input order, none of whom is elected. Rest are the positions neither
// elected nor tied, most votes first.
type Fill struct {
	Elected []int
	Tied    []int
	// Seats is the number of seats the tied contend for (zero when there is
	// no tie).
	Seats int
	Rest  []int
}

// FillSeats fills seats places from votes, the votes of the candidates who
// may take a seat (already through any threshold): the most votes win, high
// to low, until the seats are filled; a tie across the last seat is
// reported, never broken — not by age, not by list order. It is the one
// definition used for the elected of a round (package tally), alternates
// taken from the official ballot, and nominees kept on an over-long list
// (Regime.Check).
func FillSeats(votes []int, seats int) Fill {
	order := make([]int, len(votes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(votes[b], votes[a]) })
	seats = max(seats, 0)
	if len(order) <= seats {
		return Fill{Elected: order}
	}
	var f Fill
	if seats == 0 || votes[order[seats-1]] != votes[order[seats]] {
		f.Elected, f.Rest = order[:seats:seats], order[seats:]
		return f
	}
	cut := votes[order[seats]]
	for _, i := range order {
		switch {
		case votes[i] > cut:
			f.Elected = append(f.Elected, i)
		case votes[i] < cut:
			f.Rest = append(f.Rest, i)
		}
	}
	for i, v := range votes { // input order
		if v == cut {
			f.Tied = append(f.Tied, i)
		}
	}
	f.Seats = seats - len(f.Elected)
	return f
}
