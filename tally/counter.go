package tally

import (
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
)

// A Counter counts one round incrementally, as a counting kiosk enters the
// paper ballots one by one: Enter adds a ballot and returns its sequence
// number; Void undoes an entry, recording the correction instead of erasing
// it. At any moment Result is exactly what CountRound gives for the ballots
// that survive, in the order entered.
//
// A Counter is not safe for concurrent use.
type Counter struct {
	round   ballot.Round // the paper, the issued count; Boxes holds nothing
	base    Base
	pol     ballot.Policy
	entries []Entered
	// running totals of the surviving entries
	votes         []int
	valid         int
	invalid       int
	reasons       []int
	review        int
	reviewInvalid int
	live          int
}

// Entered is one entry of a Counter: the ballot as entered, its
// classification, and whether a later correction voided it.
type Entered struct {
	Seq            int // from 1, in the order entered
	Ballot         ballot.Ballot
	Classification ballot.Classification
	Voided         bool
	VoidReason     string // why the entry was voided, as the operator said
}

// NewCounter returns a counter for a round of paper p with issued ballots
// issued, against base, under policy pol. The error is for a paper that
// cannot be printed.
func NewCounter(p ballot.Paper, issued int, base Base, pol ballot.Policy) (*Counter, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	return &Counter{
		round:   ballot.Round{Paper: ballot.Paper{Seats: p.Seats, Candidates: slices.Clone(p.Candidates)}, Issued: issued},
		base:    base,
		pol:     pol,
		votes:   make([]int, len(p.Candidates)),
		reasons: make([]int, len(ballot.Reasons())+1),
	}, nil
}

// Paper returns the round's paper.
func (c *Counter) Paper() ballot.Paper {
	return ballot.Paper{Seats: c.round.Seats, Candidates: slices.Clone(c.round.Candidates)}
}

// Enter adds ballot b and returns its entry. The error, for a ballot that
// does not fit the paper, adds nothing.
func (c *Counter) Enter(b ballot.Ballot) (Entered, error) {
	cl, err := c.round.Classify(b, c.pol)
	if err != nil {
		return Entered{}, err
	}
	e := Entered{Seq: len(c.entries) + 1, Ballot: ballot.Ballot{Marks: slices.Clone(b.Marks), Flags: b.Flags}, Classification: cl}
	c.entries = append(c.entries, e)
	c.apply(cl, +1)
	return e, nil
}

// Void undoes the entry with sequence number seq, for the reason given. The
// entry stays in the record, marked voided. Voiding an entry that does not
// exist or is already voided is an error and changes nothing.
func (c *Counter) Void(seq int, reason string) error {
	if seq < 1 || seq > len(c.entries) {
		return fmt.Errorf("tally: no entry %d (there are %d)", seq, len(c.entries))
	}
	e := &c.entries[seq-1]
	if e.Voided {
		return fmt.Errorf("tally: entry %d is already voided", seq)
	}
	e.Voided, e.VoidReason = true, reason
	c.apply(e.Classification, -1)
	return nil
}

func (c *Counter) apply(cl ballot.Classification, sign int) {
	c.live += sign
	if !cl.Valid() {
		c.invalid += sign
		c.reasons[cl.Reason] += sign
		if cl.ForReview() {
			c.reviewInvalid += sign
		}
		return
	}
	c.valid += sign
	if cl.ForReview() {
		c.review += sign
	}
	for _, i := range cl.Votes {
		c.votes[i] += sign
	}
}

// Entries returns every entry, voided ones included, in order.
func (c *Counter) Entries() []Entered { return slices.Clone(c.entries) }

// Len returns the number of entries, voided ones included.
func (c *Counter) Len() int { return len(c.entries) }

// Ballots returns the surviving ballots, in the order entered.
func (c *Counter) Ballots() []ballot.Ballot {
	out := make([]ballot.Ballot, 0, c.live)
	for _, e := range c.entries {
		if !e.Voided {
			out = append(out, e.Ballot)
		}
	}
	return out
}

// Result returns the round's result now: the same as CountRound of the
// surviving ballots entered as one box named box, reported at path at.
// It is computed from running totals, without recounting.
func (c *Counter) Result(at ballot.Path, number int, box string) RoundResult {
	res := RoundResult{Number: number, Entry: FromBallots, Form: c.round.Form(), Seats: c.round.Seats,
		Base: c.base, Issued: c.round.Issued, Collected: c.live, Valid: c.valid, Invalid: c.invalid, Review: c.review, ReviewInvalid: c.reviewInvalid}
	res.InvalidReasons = reasonCounts(c.reasons)
	res.Boxes = []BoxCount{{Name: box, Collected: c.live, Valid: c.valid, Invalid: c.invalid,
		InvalidReasons: slices.Clone(res.InvalidReasons), Review: c.review, ReviewInvalid: c.reviewInvalid}}
	res.decide(c.round.Candidates, slices.Clone(c.votes))
	res.audit(at, c.round, ArticlesOf(rules.QD190()))
	return res
}
