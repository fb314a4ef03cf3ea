package ballottest_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
)

// Fill builds ballots that add up to given totals: here a chi ủy of 3 from 4
// names, 3 valid ballots giving 3, 2, 2 and 1 votes.
func ExampleFill() {
	paper := ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"a", "b", "c", "d"}}
	ballots, err := ballottest.Fill(paper, []int{3, 2, 2, 1}, 3)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range ballots {
		c, _ := paper.Classify(b, ballot.Policy{})
		fmt.Println(b.Marks, c.Reason, c.Votes)
	}
	// Output:
	// [unmarked unmarked unmarked struck] valid-standing [0 1 2]
	// [unmarked unmarked struck unmarked] valid-standing [0 1 3]
	// [unmarked struck unmarked struck] valid-standing [0 2]
}
