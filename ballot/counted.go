package ballot

import (
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/internal/strictjson"
)

// Counted is the count of the ballots of one box, taken as they were read
// (ParseCongressCounted) or from the ballots (Congress.CountBoxes), in place
// of the ballots themselves: a box of 200,000 ballots of 60 names is a few
// hundred bytes instead of twelve megabytes. A Box with Counted set has no
// Ballots.
//
// Each ballot was classified by the validity table of Paper.Classify under
// Policy; package tally counts the box only under that same policy.
type Counted struct {
	Policy Policy // the policy the ballots were classified under
	// Reasons are the ballots by the reason of their classification, valid
	// reasons included, in table order, each reason at most once, reasons
	// with no ballot left out.
	Reasons []ReasonCount
	// Review is the number of valid ballots with a name only partly struck
	// for the board to look at (rules.md §3 row 13, default policy).
	Review int
	// ReviewInvalid is the number of invalid ballots whose validity a
	// partly struck name decides (Classification.ForReview).
	ReviewInvalid int
	// Votes holds each candidate's votes from the valid ballots of the box,
	// in ballot order (len(Votes) == len(Paper.Candidates)).
	Votes []int
}

// Collected returns the number of ballots counted.
func (c Counted) Collected() int {
	n := 0
	for _, rc := range c.Reasons {
		n += rc.Count
	}
	return n
}

// ParseCongressCounted decodes a congress document as ParseCongress does,
// with the same errors, but does not keep the ballots: it reads the ballots
// of each box in one pass over the document, classifies each as it reads it
// under the document's ballot policy, and keeps only the count of the box
// (Box.Counted). It allocates nothing per ballot, so its memory is bounded by
// the document and the number of boxes and names, not by the ballots.
//
// It reads a well-formed document in one strict pass; when that pass finds
// anything wrong, or something it does not read itself (an id written with
// a \u escape), ParseCongress reads the document again and gives the errors,
// or the congress whose ballots are then counted.
func ParseCongressCounted(data []byte) (Congress, error) {
	if c, ok := parseCounted(data); ok {
		return c, nil
	}
	c, err := ParseCongress(data)
	if err != nil {
		return Congress{}, err
	}
	return c.CountBoxes()
}

// CountBoxes returns c with the ballots of every box replaced by their count
// (Box.Counted) under c.Policy, each ballot classified by Paper.Classify. The
// error is Validate's. The count of a box already counted is kept.
func (c Congress) CountBoxes() (Congress, error) {
	if err := c.Validate(); err != nil {
		return Congress{}, err
	}
	out := c
	out.Contests = slices.Clone(c.Contests)
	for i, ct := range c.Contests {
		out.Contests[i].Rounds = slices.Clone(ct.Rounds)
		for k, r := range ct.Rounds {
			if len(r.Boxes) == 0 {
				continue
			}
			boxes := make([]Box, len(r.Boxes))
			for b, box := range r.Boxes {
				boxes[b] = Box{Name: box.Name, Counted: box.Counted}
				if box.Counted != nil {
					continue
				}
				var reasons [numReasons]int
				cnt := &Counted{Policy: c.Policy, Votes: make([]int, len(r.Candidates))}
				for _, bl := range box.Ballots {
					cl, err := r.Classify(bl, c.Policy)
					if err != nil {
						return Congress{}, err // Validate has checked every ballot
					}
					reasons[cl.Reason]++
					if !cl.Valid() && cl.ForReview() {
						cnt.ReviewInvalid++
					}
					if cl.Valid() {
						if cl.ForReview() {
							cnt.Review++
						}
						for _, k := range cl.Votes {
							cnt.Votes[k]++
						}
					}
				}
				cnt.Reasons = reasonList(&reasons)
				boxes[b].Counted = cnt
			}
			out.Contests[i].Rounds[k].Boxes = boxes
		}
	}
	return out, nil
}

func reasonList(n *[numReasons]int) []ReasonCount {
	k := 0
	for _, c := range n {
		if c > 0 {
			k++
		}
	}
	if k == 0 {
		return nil
	}
	out := make([]ReasonCount, 0, k)
	for r := Reason(1); r < numReasons; r++ {
		if n[r] > 0 {
			out = append(out, ReasonCount{Reason: r, Count: n[r]})
		}
	}
	return out
}

// parseCounted is the one-pass reading of a well-formed document; false
// means the document is not one it reads, and ParseCongress must judge it.
func parseCounted(data []byte) (Congress, bool) {
	var doc congressJSON
	if len(strictjson.DecodeKeeping(data, &doc)) > 0 {
		return Congress{}, false
	}
	var errs ErrorList
	c := doc.model(&errs)
	if len(errs) > 0 {
		return Congress{}, false
	}
	var sc boxScanner
	for i, ct := range doc.Contests {
		for k, rj := range ct.Rounds {
			if len(rj.Boxes) == 0 {
				continue
			}
			r := &c.Contests[i].Rounds[k]
			if len(rj.Boxes) != 1 || rj.Boxes[0].raw == nil {
				return Congress{}, false // not kept raw: cannot happen
			}
			boxes, ok := sc.scan(rj.Boxes[0].raw, r.Paper, c.Policy)
			if !ok {
				return Congress{}, false
			}
			r.Boxes = boxes
		}
	}
	if c.validate(&errs); len(errs) > 0 {
		return Congress{}, false
	}
	return c, true
}

// boxScanner reads the boxes of a round, raw JSON whose syntax strictjson
// has checked, classifying and counting the ballots. Every method returns
// false at the first thing that is not exactly what a well-formed document
// holds.
type boxScanner struct {
	data []byte
	pos  int

	paper Paper
	form  Form
	pol   Policy
	// slots is an open-addressing hash table of the paper's ids: 1 + the
	// first position of an id, 0 for an empty slot.
	slots []int32
	mask  uint32

	// stamp[i] is the serial of the last ballot that marked row i, so that
	// a row marked twice is seen without clearing anything per ballot.
	stamp  []uint32
	serial uint32
	// rows are the positions of the current ballot that take no vote
	// (cross-out) or the agree rows (agree form).
	rows []int
}

// space are the bytes of JSON white space.
var space = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// strStop are the bytes that end the plain part of a string.
var strStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

func (s *boxScanner) ws() {
	data, i := s.data, s.pos
	for i < len(data) && space[data[i]] {
		i++
	}
	s.pos = i
}

// next skips white space and returns the next byte, or 0 at the end.
func (s *boxScanner) next() byte {
	s.ws()
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

// eat consumes c, the next byte after white space.
func (s *boxScanner) eat(c byte) bool {
	if s.next() != c {
		return false
	}
	s.pos++
	return true
}

// str reads a string without escapes and returns its bytes in the document.
func (s *boxScanner) str() ([]byte, bool) {
	data, i := s.data, s.pos
	for i < len(data) && space[data[i]] {
		i++
	}
	if i >= len(data) || data[i] != '"' {
		return nil, false
	}
	i++
	start := i
	for i < len(data) && !strStop[data[i]] {
		i++
	}
	if i >= len(data) || data[i] != '"' {
		return nil, false // an escape or a control character
	}
	s.pos = i + 1
	return data[start:i], true
}

// more reads what follows an element of an array or object: true after a
// comma, false at the closing byte; ok is false for anything else.
func (s *boxScanner) more(close byte) (more, ok bool) {
	switch s.next() {
	case ',':
		s.pos++
		return true, true
	case close:
		s.pos++
		return false, true
	}
	return false, false
}

// scan reads the boxes of a round on paper p under policy pol.
func (s *boxScanner) scan(raw []byte, p Paper, pol Policy) ([]Box, bool) {
	s.data, s.pos, s.paper, s.form, s.pol = raw, 0, p, p.Form(), pol
	if s.form == FormNone || len(p.Candidates) > MaxCandidates {
		return nil, false // the paper is malformed: ParseCongress says why
	}
	n := len(p.Candidates)
	size := 8
	for size < 4*n {
		size *= 2
	}
	s.slots, s.mask = make([]int32, size), uint32(size-1)
	for i, id := range p.Candidates {
		for k := idHash([]byte(id)) & s.mask; ; k = (k + 1) & s.mask {
			if q := s.slots[k]; q == 0 {
				s.slots[k] = int32(i + 1)
				break
			} else if p.Candidates[q-1] == id {
				break // a repeated id: the first position stands
			}
		}
	}
	s.stamp = make([]uint32, n)
	s.serial = 0
	s.rows = make([]int, 0, n)
	if !s.eat('[') {
		return nil, false
	}
	var boxes []Box
	if s.next() == ']' {
		s.pos++
		return nil, s.end()
	}
	for {
		box, ok := s.box()
		if !ok {
			return nil, false
		}
		boxes = append(boxes, box)
		more, ok := s.more(']')
		if !ok {
			return nil, false
		}
		if !more {
			return boxes, s.end()
		}
	}
}

func (s *boxScanner) end() bool {
	s.ws()
	return s.pos == len(s.data)
}

// box reads one box: its name and its ballots, counted.
func (s *boxScanner) box() (Box, bool) {
	n := len(s.paper.Candidates)
	var (
		box       Box
		reasons   [numReasons]int
		review    [2]int           // valid, invalid
		noVote    = make([]int, n) // cross-out: valid ballots on which the name takes no vote
		votes     = make([]int, n) // agree: valid ballots agreeing
		seenName  bool
		seenBalls bool
	)
	if !s.eat('{') {
		return Box{}, false
	}
	if s.next() == '}' {
		s.pos++
	} else {
		for {
			key, ok := s.str()
			if !ok || !s.eat(':') {
				return Box{}, false
			}
			switch string(key) {
			case "name":
				name, ok := s.str()
				if !ok || seenName {
					return Box{}, false
				}
				seenName, box.Name = true, string(name)
			case "ballots":
				if seenBalls || !s.eat('[') {
					return Box{}, false
				}
				seenBalls = true
				if s.next() == ']' {
					s.pos++
					break
				}
				for {
					if !s.ballot(&reasons, &review, noVote, votes) {
						return Box{}, false
					}
					more, ok := s.more(']')
					if !ok {
						return Box{}, false
					}
					if !more {
						break
					}
				}
			default:
				return Box{}, false
			}
			more, ok := s.more('}')
			if !ok {
				return Box{}, false
			}
			if !more {
				break
			}
		}
	}
	c := &Counted{Policy: s.pol, Reasons: reasonList(&reasons), Review: review[0], ReviewInvalid: review[1], Votes: votes}
	if s.form == FormCrossOut {
		valid := reasons[ValidStanding]
		for i := range votes {
			votes[i] = valid - noVote[i]
		}
	}
	box.Counted = c
	return box, true
}

// The fields of a ballot, as bits of a set.
const (
	fieldStruck = 1 << iota
	fieldPartly
	fieldAgree
	fieldDisagree
	fieldBoth
	fieldFlags
)

// ballot reads one ballot, classifies it and counts it.
func (s *boxScanner) ballot(reasons *[numReasons]int, review *[2]int, noVote, votes []int) bool {
	if !s.eat('{') {
		return false
	}
	s.serial++
	if s.serial == 0 { // wrapped: forget every stamp
		clear(s.stamp)
		s.serial = 1
	}
	s.rows = s.rows[:0]
	var (
		seen                            int
		struck, partly, agree, disagree int
		mark0                           Mark // the mark of row 0, for a single candidate
		flags                           Flags
	)
	if s.next() == '}' {
		s.pos++
	} else {
		for {
			key, ok := s.str()
			if !ok || !s.eat(':') {
				return false
			}
			var field int
			var mark Mark
			switch string(key) {
			case "struck":
				field, mark = fieldStruck, Struck
			case "partly_struck":
				field, mark = fieldPartly, PartlyStruck
			case "agree":
				field, mark = fieldAgree, Agree
			case "disagree":
				field, mark = fieldDisagree, Disagree
			case "both":
				field, mark = fieldBoth, Both
			case "flags":
				field = fieldFlags
			default:
				return false
			}
			if seen&field != 0 || !s.eat('[') {
				return false
			}
			seen |= field
			if s.next() == ']' {
				s.pos++
			} else {
				if field != fieldFlags && !mark.fits(s.form) {
					return false
				}
				for {
					v, ok := s.str()
					if !ok {
						return false
					}
					if field == fieldFlags {
						f := flagOf(v)
						if f == 0 || flags&f != 0 {
							return false
						}
						flags |= f
					} else {
						i, ok := s.position(v)
						if !ok || s.stamp[i] == s.serial {
							return false
						}
						s.stamp[i] = s.serial
						if i == 0 {
							mark0 = mark
						}
						switch mark {
						case Struck:
							struck++
							s.rows = append(s.rows, i)
						case PartlyStruck:
							partly++
							if s.pol.PartlyStruckIsStruck {
								s.rows = append(s.rows, i)
							}
						case Agree:
							agree++
							s.rows = append(s.rows, i)
						case Disagree:
							disagree++
						}
					}
					more, ok := s.more(']')
					if !ok {
						return false
					}
					if !more {
						break
					}
				}
			}
			more, ok := s.more('}')
			if !ok {
				return false
			}
			if !more {
				break
			}
		}
	}

	// Classify by the validity table, as Paper.reason does, from the
	// counts of the marks.
	n := len(s.paper.Candidates)
	var reason Reason
	if s.form == FormCrossOut {
		standing := n - struck
		if s.pol.PartlyStruckIsStruck {
			standing -= partly
		}
		reason = s.crossOut(standing, flags)
		if reason == ValidStanding {
			for _, i := range s.rows {
				noVote[i]++
			}
			if partly > 0 && !s.pol.PartlyStruckIsStruck {
				review[0]++
			}
		} else if partly > 0 {
			// Read the other way, would the partly struck names make the
			// ballot valid? Then they decide it, and the board looks.
			other := n - struck
			if !s.pol.PartlyStruckIsStruck {
				other -= partly
			}
			if s.crossOut(other, flags).Valid() {
				review[1]++
			}
		}
	} else {
		reason = s.agreeForm(n, flags, mark0, agree+disagree > 0)
		if reason.Valid() {
			for _, i := range s.rows {
				votes[i]++
			}
		}
	}
	reasons[reason]++
	return true
}

// position returns the position of id on the paper.
func (s *boxScanner) position(id []byte) (int, bool) {
	h := idHash(id)
	for k := h & s.mask; ; k = (k + 1) & s.mask {
		p := s.slots[k]
		if p == 0 {
			return 0, false
		}
		if string(s.paper.Candidates[p-1]) == string(id) {
			return int(p - 1), true
		}
	}
}

// idHash is FNV-1a, enough for the short ids of one paper.
func idHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

func flagOf(b []byte) Flags {
	for i, n := range flagNames {
		if string(b) == n {
			return 1 << i
		}
	}
	return 0
}

// crossOut walks the validity table for a cross-out ballot with standing
// names left standing and flags f.
func (s *boxScanner) crossOut(standing int, f Flags) Reason {
	switch {
	case f&FlagNotIssued != 0: // row 1
		return NotIssued
	case standing > s.paper.Seats: // row 2
		return TooManyStanding
	case standing == 0: // row 3
		return AllStruck
	case f&FlagWrittenIn != 0: // row 4
		return WrittenIn
	case f&FlagSigned != 0 && !s.pol.AcceptSigned: // row 5
		return Signed
	}
	return ValidStanding // row 6
}

// agreeForm walks the validity table for an agree ballot of n rows with
// flags f, row 0 marked mark0, and ticks an agree or disagree box on some
// row when ticked.
func (s *boxScanner) agreeForm(n int, f Flags, mark0 Mark, ticked bool) Reason {
	switch {
	case f&FlagNotIssued != 0: // row 1
		return NotIssued
	case f&FlagWrittenIn != 0: // row 4
		return WrittenIn
	case f&FlagSigned != 0 && !s.pol.AcceptSigned: // row 5
		return Signed
	case n == 1: // rows 7–9
		switch mark0 {
		case Agree, Disagree:
			return ValidOneBox
		case Both:
			return BothBoxes
		}
		if s.pol.AcceptBlankSingle {
			return ValidNoBox
		}
		return NoBox
	case ticked: // row 10
		return ValidRows
	case s.pol.RejectBlankRows: // row 11
		return NoRows
	}
	return ValidNoRows
}

// CheckCounted returns an ErrorList of every reason the count of box
// (Box.Counted) cannot be the count of ballots on paper p — ballots kept
// beside it, votes for another list, a reason that does not exist or comes
// twice, figures out of range — with paths relative to the box; nil when it
// fits or the box is not counted. Congress.Validate makes the same check.
func (p Paper) CheckCounted(box Box) error {
	if box.Counted == nil {
		return nil
	}
	var errs ErrorList
	box.Counted.check("", box, p, &errs)
	return errs.Err()
}

// check adds to errs every reason the count of a box cannot be the
// count of its ballots on paper p: ballots kept beside it, votes for another
// list, a reason that does not exist or comes twice or out of order,
// figures out of range.
func (c Counted) check(at Path, box Box, p Paper, errs *ErrorList) {
	// Paths are built only for a problem.
	counted := func() Path { return at.Child("counted") }
	if len(box.Ballots) > 0 {
		errs.Addf(counted(), ErrConflict, "", "hòm phiếu đã đếm không giữ phiếu", "a counted box keeps no ballots")
	}
	if len(c.Votes) != len(p.Candidates) {
		errs.Addf(counted().Child("votes"), ErrConflict, fmt.Sprint(len(c.Votes)),
			"có số phiếu của %d người nhưng danh sách có %d người", "votes are given for %d names but the list has %d",
			len(c.Votes), len(p.Candidates))
	}
	for i, v := range c.Votes {
		if v < 0 || v > MaxCount {
			checkCount(counted().Child("votes").Index(i), v, errs)
		}
	}
	last := Reason(0)
	for i, rc := range c.Reasons {
		if !reasons.Valid(rc.Reason) || rc.Reason <= last {
			errs.Addf(counted().Child("reasons").Index(i), ErrInvalid, rc.Reason.String(),
				"lý do %q không hợp lệ hoặc sai thứ tự", "reason %q does not exist or is out of order", rc.Reason)
		}
		last = max(last, rc.Reason)
		if rc.Count < 0 || rc.Count > MaxCount {
			checkCount(counted().Child("reasons").Index(i), rc.Count, errs)
		}
	}
	if c.Review < 0 || c.Review > MaxCount {
		checkCount(counted().Child("review"), c.Review, errs)
	}
	if c.ReviewInvalid < 0 || c.ReviewInvalid > MaxCount {
		checkCount(counted().Child("review_invalid"), c.ReviewInvalid, errs)
	}
}
