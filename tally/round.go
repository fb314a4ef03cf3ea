package tally

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/enumtext"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/shopspring/decimal"
)

// Status is where a candidate stands after a round.
type Status uint8

// The statuses.
const (
	Elected      Status = iota + 1 // "elected": qualified and within the seats (trúng cử)
	Tied                           // "tied": qualified, tied with others for the last seats; not elected
	Qualified                      // "qualified": more than half of the base, but no seat left
	NotQualified                   // "not-qualified": half of the base or less (không đủ số phiếu)
)

var statuses = enumtext.New[Status]("status", "kết quả", "", "elected", "tied", "qualified", "not-qualified")

// String returns the stable code.
func (s Status) String() string { return statuses.String(s) }

// Name returns the status for people.
func (s Status) Name(l ballot.Lang) string {
	switch s {
	case Elected:
		return ballot.Text{VI: "trúng cử", EN: "elected"}.In(l)
	case Tied:
		return ballot.Text{VI: "bằng phiếu", EN: "tied"}.In(l)
	case Qualified:
		return ballot.Text{VI: "đủ phiếu, hết chỗ", EN: "qualified, no seat left"}.In(l)
	case NotQualified:
		return ballot.Text{VI: "không đủ phiếu", EN: "not enough votes"}.In(l)
	}
	return s.String()
}

// MarshalText returns the stable code.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText parses a stable code.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := statuses.Parse(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// Entry is how a round's figures reached the library.
type Entry uint8

// The entries.
const (
	FromBallots Entry = iota + 1 // "ballots": every ballot, classified here
	FromTotals                   // "totals": the totals the board wrote down
)

var entries = enumtext.New[Entry]("entry", "nguồn số liệu", "", "ballots", "totals")

// String returns the stable code.
func (e Entry) String() string { return entries.String(e) }

// MarshalText returns the stable code.
func (e Entry) MarshalText() ([]byte, error) { return entries.Marshal(e) }

// UnmarshalText parses a stable code.
func (e *Entry) UnmarshalText(b []byte) error {
	v, err := entries.Parse(string(b))
	if err == nil {
		*e = v
	}
	return err
}

// Step is what the congress must decide or do after a round.
type Step uint8

// The steps.
const (
	Done            Step = iota + 1 // "done": every seat is filled
	Vote                            // "vote": no round has been held yet
	RunOff                          // "run-off": re-vote among the tied only, for the seats they contend for
	AnotherRound                    // "another-round": vote again for the seats left, among the candidates left
	CongressDecides                 // "congress-decides": the congress decides whether to vote again (on the proposal) or to elect fewer (bầu thiếu)
	Appointed                       // "appointed": the superior committee appoints (a chi bộ secretary after the third ballot)
)

var steps = enumtext.New[Step]("step", "bước tiếp theo", "", "done", "vote", "run-off", "another-round", "congress-decides", "appointed")

// String returns the stable code.
func (s Step) String() string { return steps.String(s) }

// Name returns the step for people.
func (s Step) Name(l ballot.Lang) string {
	switch s {
	case Done:
		return ballot.Text{VI: "đã bầu đủ", EN: "every seat filled"}.In(l)
	case Vote:
		return ballot.Text{VI: "chưa bỏ phiếu", EN: "not yet voted"}.In(l)
	case RunOff:
		return ballot.Text{VI: "bầu lại trong số những người bằng phiếu", EN: "a run-off among the tied"}.In(l)
	case AnotherRound:
		return ballot.Text{VI: "bầu tiếp số còn thiếu", EN: "another round for the seats left"}.In(l)
	case CongressDecides:
		return ballot.Text{VI: "đại hội quyết định bầu tiếp hay bầu thiếu", EN: "the congress decides whether to vote again or elect fewer"}.In(l)
	case Appointed:
		return ballot.Text{VI: "cấp ủy cấp trên chỉ định", EN: "the superior committee appoints"}.In(l)
	}
	return s.String()
}

// MarshalText returns the stable code.
func (s Step) MarshalText() ([]byte, error) { return steps.Marshal(s) }

// UnmarshalText parses a stable code.
func (s *Step) UnmarshalText(b []byte) error {
	v, err := steps.Parse(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// Next is the step proposed after a round, with the paper it proposes for
// the next vote: the seats and the list, in ballot order.
type Next struct {
	Step       Step                 `json:"step"`
	Seats      int                  `json:"seats,omitempty"`
	Candidates []ballot.CandidateID `json:"candidates,omitempty"`
}

// A Tie is a tie at the last seats: qualified candidates with equal votes
// who are more than the seats left for them. It is reported, never broken —
// not by age, not by list order (rules.md §4.3).
type Tie struct {
	Candidates []ballot.CandidateID `json:"candidates"` // in ballot order
	Votes      int                  `json:"votes"`
	Seats      int                  `json:"seats"` // the seats they contend for
}

// A Standing is one candidate's result in a round.
type Standing struct {
	ID     ballot.CandidateID `json:"id"`
	Votes  int                `json:"votes"`
	Status Status             `json:"status"`
	// Rank is 1 plus the number of candidates with more votes, so that
	// equal votes share a rank.
	Rank int `json:"rank"`
}

// BoxCount is the count of one ballot box.
type BoxCount struct {
	Name           string               `json:"name"`
	Collected      int                  `json:"collected"`
	Valid          int                  `json:"valid"`
	Invalid        int                  `json:"invalid"`
	InvalidReasons []ballot.ReasonCount `json:"invalid_reasons,omitempty"`
	Review         int                  `json:"review,omitempty"`         // valid ballots with a name only partly struck
	ReviewInvalid  int                  `json:"review_invalid,omitempty"` // invalid ballots a partly struck name made invalid
}

// A RoundResult is the count of one round and its verdict: the figures of
// the minutes, each candidate's votes and standing, who is elected (most
// votes first), a tie at the last seats, the seats left, the proposed next
// step, and every consistency check of the figures.
type RoundResult struct {
	Number         int                  `json:"round"` // 1 for the first round
	Entry          Entry                `json:"entry"`
	Form           ballot.Form          `json:"form"`
	Seats          int                  `json:"seats"`
	Base           Base                 `json:"base"`
	Issued         int                  `json:"issued"`
	Collected      int                  `json:"collected"`
	Valid          int                  `json:"valid"`
	Invalid        int                  `json:"invalid"`
	InvalidReasons []ballot.ReasonCount `json:"invalid_reasons,omitempty"`
	// The ballots for the board's review (rules.md §3 row 13) are Review
	// plus ReviewInvalid. Review counts the valid ballots with a name only
	// partly struck. ReviewInvalid counts the invalid ballots whose reason
	// (too many standing, all struck) holds only because of how a partly
	// struck name was read ("partly struck decides").
	Review        int                  `json:"review,omitempty"`
	ReviewInvalid int                  `json:"review_invalid,omitempty"`
	Boxes         []BoxCount           `json:"boxes,omitempty"`
	Standings     []Standing           `json:"standings"` // in ballot order
	Elected       []ballot.CandidateID `json:"elected"`   // most votes first; equal votes in ballot order
	Tie           *Tie                 `json:"tie,omitempty"`
	SeatsLeft     int                  `json:"seats_left"`
	Next          Next                 `json:"next"`
	Findings      []rules.Finding      `json:"findings"`
}

// Share returns a candidate's votes as a percentage of the base D, cut to
// places decimals by mode, as the minutes print it ("% so với tổng số đảng
// viên chính thức"); zero when D is zero.
func (r RoundResult) Share(votes, places int, mode rules.Rounding) decimal.Decimal {
	return rules.Percent(int64(votes), int64(r.Base.D), places, mode)
}

// Articles are the articles of a regime a count cites: on the minutes and
// on each check of its figures (rules.CountingRule).
type Articles struct {
	Ballots string `json:"ballots"` // ballots and their validity (QĐ 190 Điều 15; QĐ 244 Điều 17)
	Result  string `json:"result"`  // the result and its base D (QĐ 190 Điều 30; QĐ 244 Điều 32)
	Minutes string `json:"minutes"` // the counting minutes (QĐ 190 Điều 31; QĐ 244)
}

// ArticlesOf returns the articles regime g's count cites.
func ArticlesOf(g rules.Regime) Articles {
	return Articles{Ballots: g.Counting.Ballots, Result: g.Counting.Result, Minutes: g.Counting.Minutes}
}

// CountRound counts round r, reported at path at, against base and under the
// ballot policy pol: from its ballots, classified one by one, or from the
// totals the board wrote down. Candidates qualify with 2·votes > D; the
// qualified with the most votes are elected until the seats are filled; a tie
// across the last seats is reported with the tied and the seats they contend
// for, and nobody of them is elected. The proposed next step is a run-off for
// a tie, another round for seats left, or done; package-level rules for
// particular offices (Count) may change it.
//
// It checks the figures as the minutes audit does (collected ≤ issued,
// valid + invalid = collected, each candidate's votes ≤ valid, valid ≤ Σ
// votes ≤ valid·seats on a cross-out paper, the winners and percentages
// written in the minutes) and reports each check as a finding; figures that
// do not add up are findings, not errors. The error is for a round that does
// not fit its own paper.
//
// Its checks cite the articles of rules.QD190; Count cites its regime's.
func CountRound(at ballot.Path, number int, r ballot.Round, base Base, pol ballot.Policy) (RoundResult, error) {
	return countRound(at, number, r, base, pol, ArticlesOf(rules.QD190()))
}

func countRound(at ballot.Path, number int, r ballot.Round, base Base, pol ballot.Policy, arts Articles) (RoundResult, error) {
	if err := r.Paper.Check(); err != nil {
		return RoundResult{}, err
	}
	if err := checkTotals(at, r); err != nil {
		return RoundResult{}, err
	}
	res := RoundResult{Number: number, Form: r.Form(), Seats: r.Seats, Base: base, Issued: r.Issued}
	votes := make([]int, len(r.Candidates))
	switch {
	case r.Totals != nil:
		t := r.Totals
		res.Entry = FromTotals
		res.Collected, res.Valid, res.Invalid = t.Collected, t.Valid, t.Invalid
		res.InvalidReasons = slices.Clone(t.InvalidReasons)
		copy(votes, t.Votes)
	default:
		res.Entry = FromBallots
		reasons := make([]int, len(ballot.Reasons())+1)
		for i, box := range r.Boxes {
			bc := BoxCount{Name: box.Name, Collected: len(box.Ballots)}
			boxReasons := make([]int, len(reasons))
			for j, b := range box.Ballots {
				c, err := r.Classify(b, pol)
				if err != nil {
					return RoundResult{}, prefix(at.Child("boxes").Index(i).Child("ballots").Index(j), err)
				}
				if !c.Valid() {
					bc.Invalid++
					boxReasons[c.Reason]++
					if c.ForReview() {
						bc.ReviewInvalid++
					}
					continue
				}
				bc.Valid++
				if c.ForReview() {
					bc.Review++
				}
				for _, k := range c.Votes {
					votes[k]++
				}
			}
			bc.InvalidReasons = reasonCounts(boxReasons)
			for k, n := range boxReasons {
				reasons[k] += n
			}
			res.Collected += bc.Collected
			res.Valid += bc.Valid
			res.Invalid += bc.Invalid
			res.Review += bc.Review
			res.ReviewInvalid += bc.ReviewInvalid
			res.Boxes = append(res.Boxes, bc)
		}
		res.InvalidReasons = reasonCounts(reasons)
	}
	res.decide(r.Candidates, votes)
	res.audit(at, r, arts)
	return res, nil
}

// checkTotals rejects totals that cannot be counted: a vote for each name
// of the paper is needed, and every figure within 0..ballot.MaxCount (what
// ballot.Congress.Validate guarantees for a document; a Go caller may pass
// anything). Figures that merely disagree are the audit's findings.
func checkTotals(at ballot.Path, r ballot.Round) error {
	t := r.Totals
	if t == nil {
		return nil
	}
	var errs ballot.ErrorList
	issued, at := at.Child("issued"), at.Child("totals")
	if len(t.Votes) != len(r.Candidates) {
		errs.Addf(at.Child("votes"), ballot.ErrConflict, fmt.Sprint(len(t.Votes)),
			"có số phiếu của %d người nhưng danh sách có %d người", "votes are given for %d names but the list has %d",
			len(t.Votes), len(r.Candidates))
	}
	check := func(p ballot.Path, n int) {
		if n < 0 || n > ballot.MaxCount {
			errs.Addf(p, ballot.ErrOutOfRange, fmt.Sprint(n), "số %d phải từ 0 đến %d", "%d must be from 0 to %d", n, ballot.MaxCount)
		}
	}
	check(issued, r.Issued)
	check(at.Child("collected"), t.Collected)
	check(at.Child("valid"), t.Valid)
	check(at.Child("invalid"), t.Invalid)
	for i, v := range t.Votes {
		check(at.Child("votes").Index(i), v)
	}
	for _, rc := range t.InvalidReasons {
		check(at.Child("invalid_reasons").Key(rc.Reason.String()), rc.Count)
	}
	return errs.Err()
}

func reasonCounts(n []int) []ballot.ReasonCount {
	var out []ballot.ReasonCount
	for _, r := range ballot.Reasons() {
		if int(r) < len(n) && n[r] > 0 {
			out = append(out, ballot.ReasonCount{Reason: r, Count: n[r]})
		}
	}
	return out
}

// prefix puts the paths of an ErrorList under at.
func prefix(at ballot.Path, err error) error {
	list, ok := err.(ballot.ErrorList)
	if !ok {
		return err
	}
	out := make(ballot.ErrorList, len(list))
	for i, e := range list {
		c := *e
		if c.Path == "" {
			c.Path = at
		} else {
			c.Path = ballot.Path(string(at) + "." + string(e.Path))
		}
		out[i] = &c
	}
	return out
}

// decide sets the standings, the elected, a tie and the next step.
func (res *RoundResult) decide(list []ballot.CandidateID, votes []int) {
	order := make([]int, len(list)) // positions, most votes first, then ballot order
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(votes[b], votes[a]) })

	var qualified []int
	for _, i := range order {
		if res.Base.Qualifies(votes[i]) {
			qualified = append(qualified, i)
		}
	}
	status := make([]Status, len(list))
	for i := range status {
		status[i] = NotQualified
	}
	qv := make([]int, len(qualified))
	for k, i := range qualified {
		qv[k] = votes[i]
	}
	fill := rules.FillSeats(qv, res.Seats)
	for _, k := range fill.Rest {
		status[qualified[k]] = Qualified
	}
	if len(fill.Tied) > 0 {
		tie := &Tie{Votes: qv[fill.Tied[0]], Seats: fill.Seats}
		for _, k := range fill.Tied {
			status[qualified[k]] = Tied
		}
		for i := range list { // ballot order
			if status[i] == Tied {
				tie.Candidates = append(tie.Candidates, list[i])
			}
		}
		res.Tie = tie
	}
	for _, k := range fill.Elected {
		status[qualified[k]] = Elected
		res.Elected = append(res.Elected, list[qualified[k]])
	}
	res.SeatsLeft = res.Seats - len(res.Elected)

	res.Standings = make([]Standing, len(list))
	for i, id := range list {
		rank := 1
		for _, v := range votes {
			if v > votes[i] {
				rank++
			}
		}
		res.Standings[i] = Standing{ID: id, Votes: votes[i], Status: status[i], Rank: rank}
	}

	switch {
	case res.Tie != nil:
		res.Next = Next{Step: RunOff, Seats: res.Tie.Seats, Candidates: slices.Clone(res.Tie.Candidates)}
	case res.SeatsLeft > 0:
		res.Next = Next{Step: AnotherRound, Seats: res.SeatsLeft}
		for i, id := range list {
			if status[i] != Elected {
				res.Next.Candidates = append(res.Next.Candidates, id)
			}
		}
	default:
		res.Next = Next{Step: Done}
	}
}

// audit records the consistency checks of the round's figures.
func (res *RoundResult) audit(at ballot.Path, r ballot.Round, arts Articles) {
	srcMinutes, srcResult := arts.Minutes, arts.Result
	add := func(f rules.Finding, sev rules.Outcome) { res.Findings = append(res.Findings, f.Evaluate(sev)) }
	// Totals are checked where they are written; counts of ballots are
	// checked on the round.
	totals, field := at.Child("totals"), func(p ballot.Path, name string) ballot.Path { return p.Child(name) }
	if r.Totals == nil {
		totals, field = at, func(p ballot.Path, _ string) ballot.Path { return p }
	}
	key := func(p ballot.Path, name string, id ballot.CandidateID) ballot.Path {
		if r.Totals == nil {
			return p
		}
		return p.Child(name).Key(string(id))
	}
	add(rules.Finding{Rule: rules.BallotsCollected, Path: field(totals, "collected"), Bound: rules.Count(rules.AtMost, res.Issued),
		Count: res.Collected, Source: srcMinutes}, rules.Fail)
	add(rules.Finding{Rule: rules.BallotsAddUp, Path: totals, Bound: rules.Count(rules.Exactly, res.Collected),
		Count: res.Valid + res.Invalid, Source: srcMinutes}, rules.Fail)
	if len(res.InvalidReasons) > 0 {
		sum := 0
		for _, rc := range res.InvalidReasons {
			sum += rc.Count
		}
		add(rules.Finding{Rule: rules.InvalidReasonsAddUp, Path: field(totals, "invalid_reasons"),
			Bound: rules.Count(rules.Exactly, res.Invalid), Count: sum, Source: srcMinutes}, rules.Fail)
	}
	sum := 0
	for _, s := range res.Standings {
		sum += s.Votes
		add(rules.Finding{Rule: rules.VotesPerCandidate, Path: key(totals, "votes", s.ID), Subject: s.ID,
			Bound: rules.Count(rules.AtMost, res.Valid), Count: s.Votes, Source: srcMinutes}, rules.Fail)
	}
	if res.Form == ballot.FormCrossOut {
		add(rules.Finding{Rule: rules.VotesTotalMin, Path: field(totals, "votes"), Bound: rules.Count(rules.AtLeast, res.Valid),
			Count: sum, Source: srcMinutes}, rules.Fail)
	}
	add(rules.Finding{Rule: rules.VotesTotalMax, Path: field(totals, "votes"), Bound: rules.Count(rules.AtMost, res.Valid*res.Seats),
		Count: sum, Source: srcMinutes}, rules.Fail)

	if r.Totals == nil {
		return
	}
	if d := r.Totals.Declared; d != nil {
		var diff []ballot.CandidateID
		for _, id := range d {
			if !slices.Contains(res.Elected, id) {
				diff = append(diff, id) // declared, not elected by the figures
			}
		}
		for _, id := range res.Elected {
			if !slices.Contains(d, id) {
				diff = append(diff, id) // elected by the figures, not declared
			}
		}
		add(rules.Finding{Rule: rules.DeclaredElected, Path: totals.Child("declared"), Bound: rules.Count(rules.AtMost, 0),
			Count: len(diff), Names: diff, Source: srcResult}, rules.Fail)
	}
	for i, w := range r.Totals.Shares {
		if w == "" {
			continue
		}
		s := res.Standings[i]
		ok := 0
		if res.Base.D > 0 && writtenShareMatches(w, s.Votes, res.Base.D) {
			ok = 1
		}
		add(rules.Finding{Rule: rules.PrintedShare, Path: totals.Child("shares").Key(string(s.ID)), Subject: s.ID,
			Bound: rules.Count(rules.AtLeast, 1), Count: ok, Base: 0, Written: w, Source: srcResult}, rules.Fail)
	}
}

// writtenShareMatches reports whether w, a percentage as minutes write it,
// is votes/d·100 truncated or rounded half up to the places w shows.
func writtenShareMatches(w string, votes, d int) bool {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(w), "%"))
	s = strings.Replace(s, ",", ".", 1)
	written, err := decimal.NewFromString(s)
	if err != nil {
		return false
	}
	places := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		places = len(frac)
	}
	for _, mode := range []rules.Rounding{rules.Truncate, rules.HalfUp} {
		if rules.Percent(int64(votes), int64(d), places, mode).Equal(written) {
			return true
		}
	}
	return false
}

// String returns a one-line summary for logs.
func (r RoundResult) String() string {
	s := fmt.Sprintf("round %d: %d seats, D=%d, %d valid of %d, elected %v", r.Number, r.Seats, r.Base.D, r.Valid, r.Collected, r.Elected)
	if r.Tie != nil {
		s += fmt.Sprintf(", tie %v at %d for %d", r.Tie.Candidates, r.Tie.Votes, r.Tie.Seats)
	}
	return s + ", next " + r.Next.Step.String()
}
