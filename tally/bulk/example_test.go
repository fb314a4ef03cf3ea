package bulk_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// A chi bộ of 9 official members elects a committee of 3 from 5 names. The
// counting board types each ballot as the numbers of the names struck; the
// file is counted as it is read, and tally.CountRound decides the round
// from the totals.
func ExampleRead() {
	file := `kiemphieu.ballots/1
seats 3
candidates an binh chi dung em
---
4 5
4 5
1 4
2 5
3 4 | signed
4 5
1 5
2 5 ~4
1 2 3 4 5
`
	p, count, err := bulk.Read(strings.NewReader(file), ballot.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("collected", count.Collected, "valid", count.Valid, "invalid", count.Invalid, count.InvalidReasons, "review", count.Review)
	fmt.Println("votes", count.Votes)

	base := tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: 9, Present: 9}})
	r, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: 9, Totals: count.Totals()}, base, ballot.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("elected", r.Elected, "next", r.Next.Step)
	// Output:
	// collected 9 valid 7 invalid 2 [{all-struck 1} {signed 1}] review 1
	// votes [5 5 7 3 1]
	// elected [chi an binh] next done
}

// Every problem of a bad file is reported at its line, and nothing is
// counted.
func ExampleRead_errors() {
	file := "kiemphieu.ballots/1\nseats 2\ncandidates a b c\n---\n1\n4\n2 2\n3 | stamped\n"
	_, _, err := bulk.Read(strings.NewReader(file), ballot.Policy{})
	for _, e := range err.(ballot.ErrorList) {
		fmt.Println(e.Path, e.Code, e.Value)
	}
	// Output:
	// line 6 out-of-range 4
	// line 7 duplicate 2
	// line 8 invalid stamped
}

// A box of ballots held in memory as bit sets, counted in one pass.
func ExampleBox() {
	p := ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"an", "binh", "chi", "dung"}}
	box, err := bulk.NewBox(p, ballot.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, struck := range [][]ballot.CandidateID{{"an", "binh"}, {"an", "chi"}, {"dung"}, {"chi", "dung"}} {
		b, _ := p.Strike(struck...)
		box.Add(b)
	}
	// Or directly as bits: binh and dung standing.
	box.AddStanding([]uint64{0b1010}, 0, 0)
	c := box.Count()
	fmt.Println(c.Valid, c.Invalid, c.Votes)
	// Output:
	// 4 1 [1 3 1 3]
}

// The canonical form of a ballot file.
func ExampleWriter() {
	p := ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"an", "binh", "chi", "dung"}}
	w, err := bulk.NewWriter(os.Stdout, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Write(ballot.Ballot{Marks: []ballot.Mark{ballot.Unmarked, ballot.Struck, ballot.Unmarked, ballot.Struck}})
	w.Write(ballot.Ballot{Marks: []ballot.Mark{ballot.PartlyStruck, ballot.Struck, ballot.Unmarked, ballot.Unmarked}, Flags: ballot.FlagSigned})
	w.Write(ballot.Ballot{Marks: make([]ballot.Mark, 4)})
	w.Flush()
	// Output:
	// kiemphieu.ballots/1
	// seats 2
	// candidates an binh chi dung
	// ---
	// 2 4
	// ~1 2 | signed
	//
}
