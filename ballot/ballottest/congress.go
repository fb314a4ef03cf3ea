package ballottest

import (
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
	"pgregory.net/rapid"
)

// Roster generates a consistent roster of either kind.
func Roster() *rapid.Generator[ballot.Roster] {
	return rapid.Custom(func(t *rapid.T) ballot.Roster {
		official := rapid.IntRange(1, 2000).Draw(t, "official")
		present := rapid.IntRange(0, official).Draw(t, "present")
		absent := official - present
		if rapid.Bool().Draw(t, "members") {
			exempt := rapid.IntRange(0, absent).Draw(t, "exempt_absent")
			withReason := rapid.IntRange(0, absent-exempt).Draw(t, "absent_with_reason")
			left := official - exempt - withReason
			attached := rapid.IntRange(0, left).Draw(t, "temporarily_attached")
			suspended := rapid.IntRange(0, left-attached).Draw(t, "suspended")
			return ballot.Roster{Members: &ballot.MembersRoster{
				Official: official, Present: present, TemporarilyAttached: attached,
				ExemptAbsent: exempt, Suspended: suspended, AbsentWithReason: withReason,
			}}
		}
		committee := rapid.IntRange(0, absent).Draw(t, "committee_absent")
		unreplaced := rapid.IntRange(0, absent-committee).Draw(t, "absent_unreplaced")
		return ballot.Roster{Delegates: &ballot.DelegatesRoster{
			Official: official, Present: present, CommitteeAbsent: committee, AbsentUnreplaced: unreplaced,
		}}
	})
}

// Candidate generates a person with the given id and random personnel data,
// born before ref when ref is not zero.
func Candidate(id ballot.CandidateID, ref ballot.Month) *rapid.Generator[ballot.Candidate] {
	return rapid.Custom(func(t *rapid.T) ballot.Candidate {
		c := ballot.Candidate{
			ID:             id,
			Name:           Name().Draw(t, "name"),
			Sex:            rapid.SampledFrom([]ballot.Sex{0, ballot.Male, ballot.Female}).Draw(t, "sex"),
			EthnicMinority: rapid.Bool().Draw(t, "ethnic_minority"),
			Incumbent:      rapid.Bool().Draw(t, "incumbent"),
			Origin:         rapid.SampledFrom([]ballot.Origin{ballot.FromCommittee, ballot.FromFloor, ballot.FromSelf}).Draw(t, "origin"),
		}
		if rapid.Bool().Draw(t, "has_born") {
			c.Born = Month().Draw(t, "born")
			if !ref.IsZero() && !c.Born.Before(ref) {
				c.Born = ref.AddMonths(-12 * 30)
			}
			if rapid.IntRange(0, 4).Draw(t, "has_retires") == 0 {
				c.Retires = c.Born.AddMonths(rapid.IntRange(1, 12*70).Draw(t, "retires_after"))
			}
		}
		for _, o := range []ballot.Office{ballot.OfficeCommittee, ballot.OfficeStanding, ballot.OfficeInspection} {
			if rapid.IntRange(0, 3).Draw(t, "holds") == 0 {
				c.Holds = c.Holds.With(o)
			}
		}
		return c
	})
}

// Congress generates a well-formed congress document: a consistent roster, up
// to 16 candidates, up to 4 contests, each with up to 3 rounds whose ballots
// are given box by box or as totals. Every value it generates passes
// Congress.Validate and survives a JSON round trip.
func Congress() *rapid.Generator[ballot.Congress] {
	return rapid.Custom(func(t *rapid.T) ballot.Congress {
		c := ballot.Congress{
			Name:   Name().Draw(t, "name"),
			Level:  ballot.Level(rapid.IntRange(1, 6).Draw(t, "level")),
			Policy: Policy().Draw(t, "policy"),
			Roster: Roster().Draw(t, "roster"),
		}
		if rapid.Bool().Draw(t, "has_term") {
			c.Term = "2025–2030"
		}
		if rapid.Bool().Draw(t, "has_board") {
			c.CountingBoard = rapid.SliceOfN(Name(), 1, 5).Draw(t, "counting_board")
		}
		if rapid.Bool().Draw(t, "has_reference_month") {
			c.ReferenceMonth = ballot.MustMonth(rapid.IntRange(2015, 2030).Draw(t, "ref_year"), rapid.IntRange(1, 12).Draw(t, "ref_month"))
		}
		rawIDs := rapid.SliceOfNDistinct(ID(), 0, 16, rapid.ID[string]).Draw(t, "candidate_ids")
		var ids []ballot.CandidateID
		for _, id := range rawIDs {
			ids = append(ids, ballot.CandidateID(id))
			c.Candidates = append(c.Candidates, Candidate(ballot.CandidateID(id), c.ReferenceMonth).Draw(t, "candidate"))
		}
		if len(ids) == 0 {
			return c
		}
		nContests := rapid.IntRange(0, 4).Draw(t, "contests")
		for i := range nContests {
			c.Contests = append(c.Contests, contest(t, fmt.Sprintf("k%d", i), ids))
		}
		return c
	})
}

func contest(t *rapid.T, id string, ids []ballot.CandidateID) ballot.Contest {
	ct := ballot.Contest{
		ID:     ballot.ContestID(id),
		Office: ballot.Office(rapid.IntRange(1, 8).Draw(t, "office")),
		Paper:  PaperFrom(ids).Draw(t, "paper"),
	}
	if rapid.IntRange(0, 4).Draw(t, "has_board") == 0 {
		ct.CountingBoard = rapid.SliceOfN(Name(), 1, 3).Draw(t, "counting_board")
	}
	if rapid.Bool().Draw(t, "has_meeting") {
		sitting := rapid.IntRange(1, 60).Draw(t, "sitting")
		ct.Meeting = &ballot.Meeting{
			Body:     rapid.SampledFrom([]ballot.Office{ballot.OfficeCommittee, ballot.OfficeStanding, ballot.OfficeInspection}).Draw(t, "body"),
			Sitting:  sitting,
			Present:  rapid.IntRange(0, sitting).Draw(t, "present"),
			Excluded: rapid.IntRange(0, sitting).Draw(t, "excluded"),
		}
	}
	if rapid.Bool().Draw(t, "has_nominations") {
		order := rapid.Permutation(ids).Draw(t, "nomination_order")
		cut := rapid.IntRange(0, len(order)).Draw(t, "introduced")
		n := &ballot.Nominations{Attending: rapid.IntRange(0, 500).Draw(t, "attending")}
		n.Introduced = slices.Clip(order[:cut])
		for _, id := range order[cut:rapid.IntRange(cut, len(order)).Draw(t, "nominated")] {
			n.Nominees = append(n.Nominees, ballot.Nominee{ID: id, Agree: rapid.IntRange(0, n.Attending).Draw(t, "agree")})
		}
		for _, id := range order[:cut+len(n.Nominees)] {
			if rapid.IntRange(0, 4).Draw(t, "withdrawn") == 0 {
				n.Withdrawn = append(n.Withdrawn, id)
			}
		}
		if len(n.Introduced) == 0 {
			n.Introduced = nil
		}
		ct.Nominations = n
	}
	nRounds := rapid.IntRange(0, 3).Draw(t, "rounds")
	for i := range nRounds {
		p := ct.Paper
		if i > 0 || rapid.IntRange(0, 4).Draw(t, "own_paper") == 0 {
			p = PaperFrom(ids).Draw(t, "round_paper")
		}
		p.Candidates = slices.Clone(p.Candidates)
		ct.Rounds = append(ct.Rounds, round(t, p))
	}
	return ct
}

func round(t *rapid.T, p ballot.Paper) ballot.Round {
	r := ballot.Round{Paper: p, Issued: rapid.IntRange(0, 3000).Draw(t, "issued")}
	if rapid.Bool().Draw(t, "by_box") {
		nBoxes := rapid.IntRange(1, 3).Draw(t, "boxes")
		for i := range nBoxes {
			box := ballot.Box{Name: fmt.Sprintf("Hòm phiếu số %d", i+1)}
			box.Ballots = rapid.SliceOfN(Ballot(p), 0, 12).Draw(t, "ballots")
			if len(box.Ballots) == 0 {
				box.Ballots = nil
			}
			r.Boxes = append(r.Boxes, box)
		}
		return r
	}
	tot := &ballot.Totals{
		Collected: rapid.IntRange(0, 3000).Draw(t, "collected"),
		Valid:     rapid.IntRange(0, 3000).Draw(t, "valid"),
		Invalid:   rapid.IntRange(0, 3000).Draw(t, "invalid"),
	}
	for _, reason := range ballot.Reasons() {
		if !reason.Valid() && rapid.IntRange(0, 3).Draw(t, "has_reason") == 0 {
			tot.InvalidReasons = append(tot.InvalidReasons, ballot.ReasonCount{Reason: reason, Count: rapid.IntRange(0, 50).Draw(t, "count")})
		}
	}
	for range p.Candidates {
		tot.Votes = append(tot.Votes, rapid.IntRange(0, 3000).Draw(t, "votes"))
	}
	if rapid.IntRange(0, 3).Draw(t, "audited") == 0 {
		// the filed minutes' own declarations, as a superior committee enters them
		tot.Declared = rapid.Permutation(p.Candidates).Draw(t, "declared")[:rapid.IntRange(0, len(p.Candidates)).Draw(t, "n_declared")]
		if len(tot.Declared) == 0 {
			tot.Declared = nil
		}
		tot.Shares = make([]string, len(p.Candidates))
		for i := range tot.Shares {
			if rapid.Bool().Draw(t, "has_share") {
				tot.Shares[i] = rapid.StringMatching(`[0-9]{1,2}([,.][0-9]{2})? ?%?`).Draw(t, "share")
			}
		}
		tot.Shares[0] = "50,00 %"
	}
	r.Totals = tot
	return r
}
