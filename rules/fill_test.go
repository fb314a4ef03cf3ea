package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kiemphieu/kiemphieu/rules"
	"pgregory.net/rapid"
)

func TestFillSeats(t *testing.T) {
	tests := []struct {
		why   string
		votes []int
		seats int
		want  rules.Fill
	}{
		{"fewer than the seats: all elected, most votes first", []int{3, 9}, 3, rules.Fill{Elected: []int{1, 0}}},
		{"clean cut", []int{5, 9, 7, 1}, 2, rules.Fill{Elected: []int{1, 2}, Rest: []int{0, 3}}},
		{"equal votes within the seats are no tie", []int{7, 7, 1}, 2, rules.Fill{Elected: []int{0, 1}, Rest: []int{2}}},
		{"tie across the last seat: not broken", []int{6, 9, 6, 6, 2}, 2,
			rules.Fill{Elected: []int{1}, Tied: []int{0, 2, 3}, Seats: 1, Rest: []int{4}}},
		{"tie for every seat", []int{4, 4, 4}, 2, rules.Fill{Tied: []int{0, 1, 2}, Seats: 2}},
		{"no seat: nobody, no tie", []int{4, 4}, 0, rules.Fill{Rest: []int{0, 1}}},
	}
	for _, tt := range tests {
		got := rules.FillSeats(tt.votes, tt.seats)
		if d := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: FillSeats(%v, %d) (-want +got):\n%s", tt.why, tt.votes, tt.seats, d)
		}
	}
}

// TestFillSeatsProperties: the elected, the tied and the rest partition the
// candidates; nobody under the cut is elected; a tie is reported only across
// the last seat, among equal votes; the outcome does not depend on the
// order of the input beyond naming positions.
func TestFillSeatsProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		votes := rapid.SliceOfN(rapid.IntRange(0, 6), 0, 12).Draw(t, "votes")
		seats := rapid.IntRange(0, 8).Draw(t, "seats")
		f := rules.FillSeats(votes, seats)
		seen := make([]int, len(votes))
		for _, part := range [][]int{f.Elected, f.Tied, f.Rest} {
			for _, i := range part {
				seen[i]++
			}
		}
		for i, n := range seen {
			if n != 1 {
				t.Fatalf("position %d appears %d times: %+v", i, n, f)
			}
		}
		if len(f.Elected) > seats {
			t.Fatalf("%d elected for %d seats", len(f.Elected), seats)
		}
		if len(f.Tied) > 0 {
			if f.Seats != seats-len(f.Elected) || len(f.Tied) <= f.Seats || f.Seats < 1 {
				t.Fatalf("a tie that does not straddle the last seat: %+v", f)
			}
			for _, i := range f.Tied {
				if votes[i] != votes[f.Tied[0]] {
					t.Fatalf("tied with different votes: %+v", f)
				}
			}
		}
		low := 1 << 30
		for _, i := range f.Elected {
			low = min(low, votes[i])
		}
		for _, part := range [][]int{f.Tied, f.Rest} {
			for _, i := range part {
				if votes[i] >= low && len(f.Elected) > 0 {
					t.Fatalf("position %d with %d votes left out above an elected with %d: %+v", i, votes[i], low, f)
				}
			}
		}
		for k := 1; k < len(f.Elected); k++ {
			if votes[f.Elected[k]] > votes[f.Elected[k-1]] {
				t.Fatalf("elected not most votes first: %+v", f)
			}
		}
		// Reversing the input elects the same multiset of votes and ties the same.
		rev := make([]int, len(votes))
		for i, v := range votes {
			rev[len(votes)-1-i] = v
		}
		g := rules.FillSeats(rev, seats)
		if len(g.Elected) != len(f.Elected) || len(g.Tied) != len(f.Tied) || g.Seats != f.Seats {
			t.Fatalf("order changes the outcome: %+v vs %+v", f, g)
		}
	})
}
