// Package bulkgen generates large boxes of realistic cross-out ballots
// (phiếu gạch tên), deterministically from a seed, for the benchmarks of
// package tally/bulk and the -generate mode of examples/bulkcount.
//
// A generated box looks like a congress's: each voter strikes the surplus
// (60 %) or one to three more, some names far more often than others, so most ballots are
// valid and the votes differ; about 4 % leave too many names standing, 0.3 %
// strike every name, 1 % have a name only partly struck, and 0.8 % carry a
// flag of the board (signed, written in, not issued).
package bulkgen

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// Paper returns the paper of seats seats with candidates names c1, c2, … in
// ballot order.
func Paper(candidates, seats int) ballot.Paper {
	p := ballot.Paper{Seats: seats, Candidates: make([]ballot.CandidateID, candidates)}
	for i := range p.Candidates {
		p.Candidates[i] = ballot.CandidateID(fmt.Sprintf("c%d", i+1))
	}
	return p
}

// A Gen generates the ballots of one box.
type Gen struct {
	n, seats int
	rng      *rand.Rand
	cum      []uint64 // cumulative weights: how much more often a name is struck
}

// New returns a generator of ballots for paper p, which must be of the
// cross-out form, from seed.
func New(p ballot.Paper, seed uint64) *Gen {
	if p.Form() != ballot.FormCrossOut {
		panic("bulkgen.New: not a cross-out paper") // a mistake in the caller, not in data
	}
	g := &Gen{n: len(p.Candidates), seats: p.Seats, rng: rand.New(rand.NewPCG(seed, 0x6b69656d70686965))}
	g.cum = make([]uint64, g.n)
	var total uint64
	for i := range g.cum {
		x := uint64(g.rng.IntN(10))
		total += 1 + x*x
		g.cum[i] = total
	}
	return g
}

// Next overwrites b with the next ballot, reusing its marks.
func (g *Gen) Next(b *ballot.Ballot) {
	if cap(b.Marks) < g.n {
		b.Marks = make([]ballot.Mark, g.n)
	}
	b.Marks = b.Marks[:g.n]
	b.Flags = 0
	surplus := g.n - g.seats
	var k int // names to strike
	switch u := g.rng.IntN(1000); {
	case u < 3:
		k = g.n // every name struck
	case u < 40:
		k = g.rng.IntN(surplus) // too many left standing
	default: // valid: the surplus, or up to three more, leaving at least one
		extra := 0
		switch v := g.rng.IntN(20); {
		case v >= 19:
			extra = 3
		case v >= 17:
			extra = 2
		case v >= 12:
			extra = 1
		}
		k = surplus + min(extra, g.seats-1)
	}
	if 2*k > g.n {
		// Strike all, then keep n−k names standing, uniformly.
		for i := range b.Marks {
			b.Marks[i] = ballot.Struck
		}
		for kept := 0; kept < g.n-k; {
			if i := g.rng.IntN(g.n); b.Marks[i] == ballot.Struck {
				b.Marks[i] = ballot.Unmarked
				kept++
			}
		}
	} else {
		clear(b.Marks)
		total := g.cum[len(g.cum)-1]
		for struck := 0; struck < k; {
			i, _ := slices.BinarySearch(g.cum, g.rng.Uint64N(total)+1)
			if b.Marks[i] == ballot.Unmarked {
				b.Marks[i] = ballot.Struck
				struck++
			}
		}
	}
	if k > 0 && g.rng.IntN(100) == 0 {
		for i := g.rng.IntN(g.n); ; i = (i + 1) % g.n {
			if b.Marks[i] == ballot.Struck {
				b.Marks[i] = ballot.PartlyStruck
				break
			}
		}
	}
	switch u := g.rng.IntN(1000); {
	case u < 5:
		b.Flags = ballot.FlagSigned
	case u < 7:
		b.Flags = ballot.FlagWrittenIn
	case u < 8:
		b.Flags = ballot.FlagNotIssued
	}
}
