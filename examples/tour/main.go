// Command tour is the API tour of the README, verbatim: a test checks that
// the README shows exactly this file.
package main

import (
	"fmt"
	"log"

	"github.com/kiemphieu/kiemphieu/ballot"
)

func main() {
	// The paper of a chi ủy election: 3 seats, 4 names in ballot order.
	paper := ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"lan", "binh", "chien", "duc"}}

	// One voter crossed out Đức: three names stand, three votes.
	b, err := paper.Strike("duc")
	if err != nil {
		log.Fatal(err)
	}
	c, err := paper.Classify(b, ballot.Policy{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Reason, c.Valid(), c.Votes) // valid-standing true [0 1 2]

	// Another left all four standing, one more than the seats.
	c, _ = paper.Classify(ballot.Ballot{Marks: make([]ballot.Mark, 4)}, ballot.Policy{})
	fmt.Println(c.Reason, c.Reason.Name(ballot.Vietnamese)) // too-many-standing để lại nhiều tên hơn số lượng cần bầu
}
