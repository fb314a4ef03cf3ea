package bulk

import (
	"fmt"
	"math/bits"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// A Count is the count of a box of cross-out ballots: the figures of the
// minutes and each candidate's votes. Its slices are the caller's.
type Count struct {
	Collected int // ballots counted (số phiếu thu vào)
	Valid     int // valid ballots (phiếu hợp lệ)
	Invalid   int // invalid ballots (phiếu không hợp lệ)
	// InvalidReasons breaks Invalid down by reason, in the order of the
	// validity table, reasons with no ballot left out.
	InvalidReasons []ballot.ReasonCount
	// Review is the number of valid ballots with a name only partly struck
	// that the board should look at (rules.md §3 row 13, default policy).
	Review int
	// Votes holds each candidate's votes, in ballot order.
	Votes []int
}

// Totals returns the count as the totals of a round, ready for
// tally.CountRound. Review has no place in Totals; it stays in the Count.
func (c Count) Totals() *ballot.Totals {
	return &ballot.Totals{
		Collected:      c.Collected,
		Valid:          c.Valid,
		Invalid:        c.Invalid,
		InvalidReasons: slices.Clone(c.InvalidReasons),
		Votes:          slices.Clone(c.Votes),
	}
}

const (
	// group is the number of ballots whose bits go through one carry-save
	// adder tree: ballot j of a group is row j.
	group = 16
	// planes is the number of bit planes of the vertical counters that
	// count, per name, the sixteens the adder trees carry out.
	planes = 8
	// drainEvery is the number of groups after which the planes are
	// emptied into the votes, before they can overflow.
	drainEvery = 1<<planes - 1
)

// A Counter counts cross-out ballots given one at a time, in one pass and in
// memory bounded by the number of candidates, whatever the number of
// ballots: it classifies each ballot as Paper.Classify does and adds its
// standing names to bit-sliced counters, sixteen ballots at a time through a
// carry-save adder tree. Adding a ballot allocates nothing.
//
// A Counter is not safe for concurrent use.
type Counter struct {
	paper ballot.Paper
	pol   ballot.Policy
	words int    // uint64 words per ballot: ⌈candidates/64⌉
	last  uint64 // the bits of the last word that name a candidate
	// badFlags are the flags that make a ballot invalid under pol.
	badFlags ballot.Flags

	// The ballots added but not yet counted, fewer than a group, laid out
	// as in a Box group: word k of row j at pend[k*group+j].
	pend       []uint64
	pendFlags  [group]ballot.Flags
	pendPartly [group]uint16
	npend      int

	// The carry-save state of each word column: the bits of weight 1, 2,
	// 4 and 8 not yet carried, and the vertical counters of sixteens,
	// plane p of column k at sixteens[k*planes+p].
	ones, twos, fours, eights []uint64
	sixteens                  []uint64
	groups                    int // groups since the planes were drained
	drainAt                   int // drainEvery, or fewer in tests

	votes     []int
	collected int
	review    int
	reasons   [ballot.ValidStanding + 1]int
}

// NewCounter returns a counter for paper p under policy pol. The paper must
// be well formed (ballot.Paper.Check) and of the cross-out form (more
// candidates than seats); otherwise the error is a ballot.ErrorList, with
// code ballot.ErrConflict at the root for a paper of another form.
func NewCounter(p ballot.Paper, pol ballot.Policy) (*Counter, error) {
	if err := checkPaper(p); err != nil {
		return nil, err
	}
	n := len(p.Candidates)
	w := (n + 63) / 64
	// One allocation for the words of the state, one for the votes.
	state := make([]uint64, w*(group+4+planes))
	take := func(k int) []uint64 {
		s := state[:k:k]
		state = state[k:]
		return s
	}
	c := &Counter{
		paper:    ballot.Paper{Seats: p.Seats, Candidates: slices.Clone(p.Candidates)},
		pol:      pol,
		words:    w,
		last:     lastMask(n),
		badFlags: ballot.FlagNotIssued | ballot.FlagWrittenIn,
		pend:     take(w * group),
		ones:     take(w),
		twos:     take(w),
		fours:    take(w),
		eights:   take(w),
		sixteens: take(w * planes),
		votes:    make([]int, n),
		drainAt:  drainEvery,
	}
	if !pol.AcceptSigned {
		c.badFlags |= ballot.FlagSigned
	}
	return c, nil
}

// checkPaper returns why p cannot be counted here.
func checkPaper(p ballot.Paper) error {
	if err := p.Check(); err != nil {
		return err
	}
	if f := p.Form(); f != ballot.FormCrossOut {
		var errs ballot.ErrorList
		errs.Addf("", ballot.ErrConflict, f.String(),
			"chỉ đếm được phiếu gạch tên (số người trong danh sách nhiều hơn số lượng cần bầu); phiếu này theo mẫu %q",
			"only cross-out ballots (more candidates than seats) are counted here; this paper is of the %q form", f)
		return errs.Err()
	}
	return nil
}

// lastMask returns the bits of the last word that name one of n candidates.
func lastMask(n int) uint64 {
	if n%64 == 0 {
		return ^uint64(0)
	}
	return 1<<(n%64) - 1
}

// Paper returns the paper the counter counts, a copy.
func (c *Counter) Paper() ballot.Paper {
	return ballot.Paper{Seats: c.paper.Seats, Candidates: slices.Clone(c.paper.Candidates)}
}

// Words returns the number of uint64 words of a ballot's bit set:
// ⌈candidates/64⌉.
func (c *Counter) Words() int { return c.words }

// Add counts ballot b. It returns an error, and counts nothing, when b does
// not fit the paper: a row count that differs from the list, a mark of the
// agree form, unknown flags; the paths are relative to the ballot, as
// ballot.Paper.Classify gives them. A partly struck name stands or is
// struck as the policy says.
func (c *Counter) Add(b ballot.Ballot) error {
	if err := c.paper.CheckBallot(b); err != nil {
		return err
	}
	j := c.slot()
	partly := 0
	for i, m := range b.Marks {
		if m == ballot.PartlyStruck {
			if c.pol.PartlyStruckIsStruck {
				continue
			}
			partly++
		}
		if m != ballot.Struck {
			c.pend[(i>>6)*group+j] |= 1 << (i & 63)
		}
	}
	c.push(b.Flags, partly)
	return nil
}

// AddStanding counts one ballot given as a bit set: bit i of
// standing[i/64] is set when name i is left standing, with the policy on
// partly struck names already applied; flags are the board's flags, and
// partly is the number of names only partly struck that the board should
// look at (zero under ballot.Policy.PartlyStruckIsStruck). It returns an
// error, and counts nothing, when standing does not have Words() words or
// sets a bit past the list, or flags are unknown. It allocates nothing
// unless it fails.
func (c *Counter) AddStanding(standing []uint64, flags ballot.Flags, partly int) error {
	if err := c.checkStanding(standing, flags, partly); err != nil {
		return err
	}
	j := c.npend
	for k, x := range standing {
		c.pend[k*group+j] = x
	}
	c.push(flags, partly)
	return nil
}

// checkStanding returns why a ballot given as a bit set does not fit.
func (c *Counter) checkStanding(standing []uint64, flags ballot.Flags, partly int) error {
	var errs ballot.ErrorList
	switch {
	case len(standing) != c.words:
		errs.Addf("", ballot.ErrConflict, fmt.Sprint(len(standing)),
			"phiếu có %d từ 64 bit nhưng danh sách cần %d", "the ballot has %d 64-bit words but the list needs %d",
			len(standing), c.words)
	case standing[c.words-1]&^c.last != 0:
		errs.Addf("", ballot.ErrOutOfRange, fmt.Sprintf("%#x", standing[c.words-1]),
			"phiếu có tên ở vị trí ngoài danh sách %d người", "the ballot marks a position beyond the list of %d names",
			len(c.paper.Candidates))
	}
	if flags >= ballot.FlagSigned<<1 {
		errs.Addf(ballot.Path("").Child("flags"), ballot.ErrInvalid, fmt.Sprint(uint8(flags)),
			"dấu hiệu %d không tồn tại", "flags %d do not exist", uint8(flags))
	}
	if partly < 0 || partly > len(c.paper.Candidates) {
		errs.Addf("", ballot.ErrOutOfRange, fmt.Sprint(partly),
			"số tên bị gạch một phần %d phải từ 0 đến %d", "the number of partly struck names %d must be from 0 to %d",
			partly, len(c.paper.Candidates))
	}
	return errs.Err()
}

// slot returns the row of the next ballot in the pending group, zeroed; the
// reader fills it and calls push.
func (c *Counter) slot() int {
	j := c.npend
	for k := range c.words {
		c.pend[k*group+j] = 0
	}
	return j
}

// push completes the ballot whose bits are in the pending row and counts
// the group when it is full.
func (c *Counter) push(flags ballot.Flags, partly int) {
	c.pendFlags[c.npend] = flags
	c.pendPartly[c.npend] = uint16(partly)
	c.npend++
	if c.npend == group {
		c.addGroup(c.pend, c.pendFlags[:], c.pendPartly[:])
		c.npend = 0
	}
}

// Count returns the count of every ballot added so far. Adding may go on
// after it.
func (c *Counter) Count() Count {
	if c.npend > 0 {
		c.addGroup(c.pend, c.pendFlags[:c.npend], c.pendPartly[:c.npend])
		c.npend = 0
	}
	c.drain(true)
	out := Count{Collected: c.collected, Review: c.review, Votes: slices.Clone(c.votes)}
	for _, r := range ballot.Reasons() {
		if int(r) >= len(c.reasons) || c.reasons[r] == 0 {
			continue
		}
		if r.Valid() {
			out.Valid += c.reasons[r]
			continue
		}
		out.Invalid += c.reasons[r]
		out.InvalidReasons = append(out.InvalidReasons, ballot.ReasonCount{Reason: r, Count: c.reasons[r]})
	}
	return out
}

// csa is a carry-save adder: the high and low bits of a+b+c, bit by bit.
func csa(a, b, c uint64) (hi, lo uint64) {
	u := a ^ b
	return a&b | u&c, u ^ c
}

// addGroup classifies and counts the ballots of one group: rows
// 0..len(flags)-1 of blk, word k of row j at blk[k*group+j]. Rows past
// len(flags) are ignored, whatever they hold.
func (c *Counter) addGroup(blk []uint64, flags []ballot.Flags, partly []uint16) {
	w := c.words
	blk = blk[:w*group]

	// Classify: the popcount of each row decides rows 2 and 3 of the
	// validity table, the flags rows 1, 4 and 5.
	var pop [group]int
	for k := range w {
		col := (*[group]uint64)(blk[k*group:])
		for j := range group {
			pop[j] += bits.OnesCount64(col[j])
		}
	}
	var mask [group]uint64
	seats := c.paper.Seats
	for j, f := range flags {
		p := pop[j]
		if f&c.badFlags == 0 && p != 0 && p <= seats {
			mask[j] = ^uint64(0)
			c.reasons[ballot.ValidStanding]++
			if partly[j] != 0 {
				c.review++
			}
			continue
		}
		c.reasons[c.reason(p, f)]++
	}
	c.collected += len(flags)

	// Count: each column of sixteen masked words through a carry-save
	// adder tree into the column's ones, twos, fours and eights; what
	// the tree carries out of the eights goes into the vertical counter.
	ones, twos, fours, eights := c.ones[:w], c.twos[:w], c.fours[:w], c.eights[:w]
	six := c.sixteens[:w*planes]
	for k := range w {
		col := (*[group]uint64)(blk[k*group:])
		o, t, f, e := ones[k], twos[k], fours[k], eights[k]
		var tA, tB, fA, fB, eA, eB, s uint64
		tA, o = csa(o, col[0]&mask[0], col[1]&mask[1])
		tB, o = csa(o, col[2]&mask[2], col[3]&mask[3])
		fA, t = csa(t, tA, tB)
		tA, o = csa(o, col[4]&mask[4], col[5]&mask[5])
		tB, o = csa(o, col[6]&mask[6], col[7]&mask[7])
		fB, t = csa(t, tA, tB)
		eA, f = csa(f, fA, fB)
		tA, o = csa(o, col[8]&mask[8], col[9]&mask[9])
		tB, o = csa(o, col[10]&mask[10], col[11]&mask[11])
		fA, t = csa(t, tA, tB)
		tA, o = csa(o, col[12]&mask[12], col[13]&mask[13])
		tB, o = csa(o, col[14]&mask[14], col[15]&mask[15])
		fB, t = csa(t, tA, tB)
		eB, f = csa(f, fA, fB)
		s, e = csa(e, eA, eB)
		ones[k], twos[k], fours[k], eights[k] = o, t, f, e

		// Add s to the vertical counter, ripple carry, branch-free.
		pl := (*[planes]uint64)(six[k*planes:])
		pl[0], s = pl[0]^s, pl[0]&s
		pl[1], s = pl[1]^s, pl[1]&s
		pl[2], s = pl[2]^s, pl[2]&s
		pl[3], s = pl[3]^s, pl[3]&s
		pl[4], s = pl[4]^s, pl[4]&s
		pl[5], s = pl[5]^s, pl[5]&s
		pl[6], s = pl[6]^s, pl[6]&s
		pl[7] ^= s
	}
	c.groups++
	if c.groups >= c.drainAt {
		c.drain(false)
	}
}

// reason walks the validity table for a cross-out ballot with pop names
// standing and flags f, as ballot.Paper.Classify does.
func (c *Counter) reason(pop int, f ballot.Flags) ballot.Reason {
	switch {
	case f&ballot.FlagNotIssued != 0: // row 1
		return ballot.NotIssued
	case pop > c.paper.Seats: // row 2
		return ballot.TooManyStanding
	case pop == 0: // row 3
		return ballot.AllStruck
	case f&ballot.FlagWrittenIn != 0: // row 4
		return ballot.WrittenIn
	case f&ballot.FlagSigned != 0 && !c.pol.AcceptSigned: // row 5
		return ballot.Signed
	}
	return ballot.ValidStanding // row 6
}

// drain empties the vertical counters of sixteens into the votes and, when
// all is true, the carry-save state too.
func (c *Counter) drain(all bool) {
	for k := range c.words {
		base := k * 64
		votes := c.votes[base:min(base+64, len(c.votes))]
		for p := range planes {
			weight := 16 << p
			x := c.sixteens[k*planes+p]
			for x != 0 {
				votes[bits.TrailingZeros64(x)] += weight
				x &= x - 1
			}
			c.sixteens[k*planes+p] = 0
		}
		if !all {
			continue
		}
		for _, st := range [...]struct {
			x      *uint64
			weight int
		}{{&c.ones[k], 1}, {&c.twos[k], 2}, {&c.fours[k], 4}, {&c.eights[k], 8}} {
			for x := *st.x; x != 0; x &= x - 1 {
				votes[bits.TrailingZeros64(x)] += st.weight
			}
			*st.x = 0
		}
	}
	c.groups = 0
}
