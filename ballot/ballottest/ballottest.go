// Package ballottest generates well-formed input for property tests: ballot
// papers (phiếu bầu) of either form, ballots that fit them, policies, and
// whole congress documents (đại hội), as pgregory.net/rapid generators; and,
// deterministically, a box of ballots that adds up to given totals.
//
// It is public so that systems built on kiemphieu can property-test their own
// code on the same input the library is tested on.
package ballottest

import (
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
	"pgregory.net/rapid"
)

// ID generates a candidate or contest id: 1–12 characters of the id alphabet.
func ID() *rapid.Generator[string] {
	return rapid.StringMatching(`[A-Za-z0-9._-]{1,12}`)
}

// vietnameseLetters are letters a Vietnamese name is written with.
var vietnameseLetters = []rune("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐNTLHPVBDKMQSGXY")

// Name generates a full name: one to four words of Vietnamese letters
// separated by single spaces.
func Name() *rapid.Generator[string] {
	word := rapid.StringOfN(rapid.SampledFrom(vietnameseLetters), 1, 8, -1)
	return rapid.Custom(func(t *rapid.T) string {
		words := rapid.SliceOfN(word, 1, 4).Draw(t, "words")
		name := words[0]
		for _, w := range words[1:] {
			name += " " + w
		}
		return name
	})
}

// Month generates a month between 1940-01 and 2010-12.
func Month() *rapid.Generator[ballot.Month] {
	return rapid.Custom(func(t *rapid.T) ballot.Month {
		return ballot.MustMonth(rapid.IntRange(1940, 2010).Draw(t, "year"), rapid.IntRange(1, 12).Draw(t, "month"))
	})
}

// Policy generates any ballot policy.
func Policy() *rapid.Generator[ballot.Policy] {
	return rapid.Custom(func(t *rapid.T) ballot.Policy {
		return ballot.Policy{
			AcceptSigned:         rapid.Bool().Draw(t, "accept_signed"),
			AcceptBlankSingle:    rapid.Bool().Draw(t, "accept_blank_single"),
			RejectBlankRows:      rapid.Bool().Draw(t, "reject_blank_rows"),
			PartlyStruckIsStruck: rapid.Bool().Draw(t, "partly_struck_is_struck"),
		}
	})
}

// Paper generates a paper of either form with up to maxSeats seats and up to
// maxSurplus surplus names, named c1, c2, … in ballot order.
func Paper(maxSeats, maxSurplus int) *rapid.Generator[ballot.Paper] {
	return rapid.Custom(func(t *rapid.T) ballot.Paper {
		seats := rapid.IntRange(1, max(1, maxSeats)).Draw(t, "seats")
		n := seats + rapid.IntRange(0, max(0, maxSurplus)).Draw(t, "surplus")
		p := ballot.Paper{Seats: seats}
		for i := range n {
			p.Candidates = append(p.Candidates, ballot.CandidateID(fmt.Sprintf("c%d", i+1)))
		}
		return p
	})
}

// PaperFrom generates a paper whose list is drawn, in a random order, from ids.
// ids must not be empty.
func PaperFrom(ids []ballot.CandidateID) *rapid.Generator[ballot.Paper] {
	return rapid.Custom(func(t *rapid.T) ballot.Paper {
		list := rapid.Permutation(ids).Draw(t, "order")
		list = list[:rapid.IntRange(1, len(list)).Draw(t, "candidates")]
		return ballot.Paper{Seats: rapid.IntRange(1, len(list)).Draw(t, "seats"), Candidates: slices.Clip(list)}
	})
}

// Ballot generates a ballot that fits paper p: any marks of p's form, and the
// board's flags now and then. p must have a form (see ballot.Paper.Form);
// Ballot panics otherwise, as that is a mistake in the test, not in data.
func Ballot(p ballot.Paper) *rapid.Generator[ballot.Ballot] {
	var choices []ballot.Mark
	switch p.Form() {
	case ballot.FormCrossOut:
		choices = []ballot.Mark{ballot.Unmarked, ballot.Struck, ballot.Struck, ballot.PartlyStruck}
	case ballot.FormAgree:
		choices = []ballot.Mark{ballot.Agree, ballot.Agree, ballot.Disagree, ballot.Both, ballot.Unmarked}
	default:
		panic("ballottest.Ballot: the paper has no form")
	}
	mark := rapid.SampledFrom(choices)
	return rapid.Custom(func(t *rapid.T) ballot.Ballot {
		b := ballot.Ballot{Marks: rapid.SliceOfN(mark, len(p.Candidates), len(p.Candidates)).Draw(t, "marks")}
		if len(b.Marks) == 0 {
			b.Marks = nil
		}
		if rapid.IntRange(0, 9).Draw(t, "flagged") == 0 {
			b.Flags = ballot.Flags(rapid.IntRange(1, 7).Draw(t, "flags"))
		}
		return b
	})
}

// Fill returns valid ballots on paper p, valid of them, that give candidate i
// exactly votes[i] votes, built deterministically: on a cross-out paper the
// names left standing are spread as evenly as possible over the ballots, so
// that each ballot keeps between 1 and p.Seats names; on an agree paper each
// row is đồng ý on votes[i] ballots and không đồng ý on the rest.
//
// It returns an error when no such ballots exist: a count below zero or
// above valid, or on a cross-out paper a sum of votes outside
// [valid, valid·seats].
func Fill(p ballot.Paper, votes []int, valid int) ([]ballot.Ballot, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	if len(votes) != len(p.Candidates) {
		return nil, fmt.Errorf("ballottest.Fill: %d vote counts for %d names", len(votes), len(p.Candidates))
	}
	sum := 0
	for i, v := range votes {
		if v < 0 || v > valid {
			return nil, fmt.Errorf("ballottest.Fill: %s has %d votes, outside 0..%d", p.Candidates[i], v, valid)
		}
		sum += v
	}
	cross := p.Form() == ballot.FormCrossOut
	if cross && valid > 0 && (sum < valid || sum > valid*p.Seats) {
		return nil, fmt.Errorf("ballottest.Fill: %d votes cannot be spread over %d ballots of 1..%d names", sum, valid, p.Seats)
	}
	if cross && valid == 0 && sum > 0 {
		return nil, fmt.Errorf("ballottest.Fill: %d votes and no ballots", sum)
	}
	out := make([]ballot.Ballot, valid)
	fill, rest := ballot.Unmarked, ballot.Struck
	if !cross {
		fill, rest = ballot.Agree, ballot.Disagree
	}
	for j := range out {
		out[j].Marks = slices.Repeat([]ballot.Mark{rest}, len(p.Candidates))
	}
	// Candidate i stands on the votes[i] ballots that follow those given to
	// the candidates before it, cyclically: loads never differ by more than
	// one, so each ballot keeps between ⌊sum/valid⌋ ≥ 1 and ⌈sum/valid⌉ ≤
	// seats names.
	next := 0
	for i, v := range votes {
		for k := range v {
			out[(next+k)%valid].Marks[i] = fill
		}
		if valid > 0 {
			next = (next + v) % valid
		}
	}
	return out, nil
}
