package aggregate_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
)

// A superior committee sums the chi bộ congresses it received, out of three
// due: one elected its whole chi ủy, the other left a tie at the last seats.
func ExampleAggregator() {
	g := rules.QD190()
	a := aggregate.New(aggregate.Options{Due: 3})
	for _, votes := range [][]int{{20, 19, 18, 17, 16, 10}, {22, 20, 13, 13, 13, 19}} {
		r, err := tally.Count(chiBoCongress(votes, people()), tally.Options{Regime: &g, CheckLists: true})
		if err != nil {
			fmt.Println(err)
			return
		}
		a.Add(r)
	}
	s := a.Summary()
	fmt.Println(s)
	for _, b := range s.Bodies {
		fmt.Printf("%s: %d of %d seats, %d women, %d young, %d ties\n", b.Office, b.Filled, b.Seats, b.Women, b.Young, b.Ties)
	}
	// Output:
	// 2 congresses held of 3 due; 10 of 12 seats filled; lists checked 2, ok 2; 1 awaiting a decision
	// committee: 8 of 10 seats, 3 women, 3 young, 1 ties
	// secretary: 2 of 2 seats, 2 women, 0 young, 0 ties
}
