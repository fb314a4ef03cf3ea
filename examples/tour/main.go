// Command tour is the API tour of the README, verbatim: a test checks that
// the README shows exactly this file from its imports on.
package main

import (
	_ "embed"
	"fmt"
	"log"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
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
	fmt.Println(v) // QĐ 190-QĐ/TW + Chỉ thị 45-CT/TW ngày 14/4/2025: 12 checks, 11 pass, 0 warning, 1 fail (first: working-time at contests[0].candidates[3])

	// The counting board counts every round of every contest. The threshold
	// base D comes from the roster: 11 convened, 1 absent with a reason.
	res, err := tally.Count(c, tally.Options{})
	if err != nil {
		log.Fatal(err)
	}
	chiUy := res.Contests[0].Rounds[0]
	fmt.Println(chiUy.Base.D, chiUy.Valid, chiUy.Elected, chiUy.Next.Step) // 10 7 [c1 c2 c3] done
}
