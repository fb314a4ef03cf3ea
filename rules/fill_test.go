package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/kiemphieu/kiemphieu/rules"
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
