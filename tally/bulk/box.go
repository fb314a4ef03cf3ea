package bulk

import (
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// A Box is a large box of cross-out ballots (hòm phiếu lớn) held in memory as
// bit sets: ⌈candidates/64⌉ words per ballot, bit i set when name i is left
// standing, plus the board's flags and the number of names partly struck for
// review — about 4 bytes per ballot for a list of 30 names, 35 for 200. The
// policy on partly struck names is applied as each ballot enters the box.
//
// The ballots are stored sixteen to a group, in the layout the counter's
// adder trees read, so that Count reads them in place, in one pass.
type Box struct {
	c    *Counter // the paper, the policy and the layout; its counts stay zero
	bits []uint64 // groups of group ballots: word k of ballot j at [j/group*words*group + k*group + j%group]
	flag []ballot.Flags
	part []uint16
}

// NewBox returns an empty box for paper p under policy pol, with the errors
// of NewCounter.
func NewBox(p ballot.Paper, pol ballot.Policy) (*Box, error) {
	c, err := NewCounter(p, pol)
	if err != nil {
		return nil, err
	}
	return &Box{c: c}, nil
}

// Len returns the number of ballots in the box.
func (b *Box) Len() int { return len(b.flag) }

// Paper returns the paper of the box, a copy.
func (b *Box) Paper() ballot.Paper { return b.c.Paper() }

// Words returns the number of uint64 words of a ballot's bit set.
func (b *Box) Words() int { return b.c.words }

// row makes room for one more ballot and returns its group's words and its
// row in the group; the row is zero.
func (b *Box) row() ([]uint64, int) {
	j := len(b.flag) % group
	if j == 0 {
		n := b.c.words * group
		b.bits = slices.Grow(b.bits, n)[:len(b.bits)+n]
		clear(b.bits[len(b.bits)-n:])
	}
	return b.bits[len(b.bits)-b.c.words*group:], j
}

// Add puts ballot b in the box, with the errors of Counter.Add.
func (b *Box) Add(bl ballot.Ballot) error {
	if err := b.c.paper.CheckBallot(bl); err != nil {
		return err
	}
	blk, j := b.row()
	partly := 0
	for i, m := range bl.Marks {
		if m == ballot.PartlyStruck {
			if b.c.pol.PartlyStruckIsStruck {
				continue
			}
			partly++
		}
		if m != ballot.Struck {
			blk[(i>>6)*group+j] |= 1 << (i & 63)
		}
	}
	b.flag = append(b.flag, bl.Flags)
	b.part = append(b.part, uint16(partly))
	return nil
}

// AddStanding puts one ballot given as a bit set in the box, with the
// meaning and errors of Counter.AddStanding.
func (b *Box) AddStanding(standing []uint64, flags ballot.Flags, partly int) error {
	if err := b.c.checkStanding(standing, flags, partly); err != nil {
		return err
	}
	blk, j := b.row()
	for k, x := range standing {
		blk[k*group+j] = x
	}
	b.flag = append(b.flag, flags)
	b.part = append(b.part, uint16(partly))
	return nil
}

// Count classifies and counts every ballot in the box, in one pass over its
// memory, with a counter whose state is bounded by the number of candidates.
// It allocates only that state and the result.
func (b *Box) Count() Count {
	c, _ := NewCounter(b.c.paper, b.c.pol) // the paper was checked by NewBox
	c.drainAt = b.c.drainAt
	size := c.words * group
	for g := 0; g*group < len(b.flag); g++ {
		lo, hi := g*group, min(g*group+group, len(b.flag))
		c.addGroup(b.bits[g*size:(g+1)*size], b.flag[lo:hi], b.part[lo:hi])
	}
	return c.Count()
}
