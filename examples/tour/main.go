// Command tour is the API tour of the README, verbatim: a test checks that
// the README shows exactly this file from its imports on.
package main

import (
	_ "embed"
	"fmt"
	"log"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
)

//go:embed chibo.json
var document []byte // a chi bộ congress: roster, candidates, contests, ballots

func main() {
	// Decode the congress; malformed input lists every problem with its path.
	c, err := ballot.ParseCongress(document)
	if err != nil {
		log.Fatal(err)
	}

	// The organisation committee checks the lists under the current regime.
	v, err := rules.QD190().Check(c)
	if err != nil {
		log.Fatal(err) // personnel data a rule needs is missing
	}
	fmt.Println(v) // QĐ 190-QĐ/TW: 12 checks, 11 pass, 0 warning, 1 fail (first: working-time at contests[0].candidates[3])

	// The counting board classifies the ballots of the chi ủy's first round.
	round := c.Contests[0].Rounds[0]
	valid := 0
	for _, b := range round.Boxes[0].Ballots {
		cl, err := round.Classify(b, c.Policy)
		if err != nil {
			log.Fatal(err)
		}
		if cl.Valid() {
			valid++
		}
	}
	fmt.Println(valid, "valid of", len(round.Boxes[0].Ballots)) // 7 valid of 10
}
