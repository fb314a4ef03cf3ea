package ballot_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
)

// wellFormed returns a small well-formed congress built in Go, not through
// JSON: a members' congress of 10 and one contest of 3 names for 2 seats,
// counted from totals.
func wellFormed() ballot.Congress {
	ids := []ballot.CandidateID{"c1", "c2", "c3"}
	c := ballot.Congress{
		Name:   "Đại hội chi bộ thử",
		Level:  ballot.LevelChiBo,
		Roster: ballot.Roster{Members: &ballot.MembersRoster{Official: 10, Present: 10}},
		Contests: []ballot.Contest{{
			ID: "chi-uy", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 2, Candidates: ids},
			Rounds: []ballot.Round{{
				Paper: ballot.Paper{Seats: 2, Candidates: ids}, Issued: 10,
				Totals: &ballot.Totals{Collected: 10, Valid: 10, Votes: []int{9, 8, 3}},
			}},
		}},
	}
	for i, id := range ids {
		c.Candidates = append(c.Candidates, ballot.Candidate{ID: id, Name: "Người " + string(rune('A'+i))})
	}
	return c
}

// problems returns the path and code of each problem of c.Validate.
func problems(t *testing.T, c ballot.Congress) []problem {
	t.Helper()
	err := c.Validate()
	if err == nil {
		return nil
	}
	var list ballot.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Validate: %v, want an ErrorList", err)
	}
	var out []problem
	for _, e := range list {
		out = append(out, problem{e.Path, e.Code})
	}
	return out
}

// TestValidateRoster checks the sums of a roster built in Go: figures that
// cannot describe real people are refused, each at its path, and figures at
// the limit are accepted. A roster gives the base D of every threshold, so
// each term of each sum is exercised on its own.
func TestValidateRoster(t *testing.T) {
	mem := func(m ballot.MembersRoster) ballot.Roster { return ballot.Roster{Members: &m} }
	del := func(d ballot.DelegatesRoster) ballot.Roster { return ballot.Roster{Delegates: &d} }
	const (
		members   = ballot.Path("roster.members")
		delegates = ballot.Path("roster.delegates")
	)
	tests := []struct {
		name   string
		reason string
		roster ballot.Roster
		want   []problem
	}{
		{
			name: "members/all-present", reason: "everyone convened is present",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 5}),
		},
		{
			name: "members/none-convened", reason: "a congress convenes at least one member",
			roster: mem(ballot.MembersRoster{Official: 0, Present: 0}),
			want:   []problem{{members + ".official", ballot.ErrOutOfRange}},
		},
		{
			name: "members/more-present", reason: "more present than convened",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 6}),
			want:   []problem{{members + ".present", ballot.ErrConflict}},
		},
		{
			name: "members/all-excluded", reason: "every member convened attached elsewhere: excluded may equal the convened",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 5, TemporarilyAttached: 5}),
		},
		{
			name: "members/attached", reason: "more attached elsewhere than convened",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 5, TemporarilyAttached: 6}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/attached-and-exempt", reason: "attached plus exempt exceed the convened, though each alone does not and the exempt fit the absent",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 2, TemporarilyAttached: 3, ExemptAbsent: 3}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/suspended", reason: "more suspended than convened",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 5, Suspended: 6}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/attached-and-absent", reason: "attached plus absent with a reason exceed the convened; the absent fit",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 0, TemporarilyAttached: 3, AbsentWithReason: 3}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/absences-fit", reason: "as many excluded for absence as are absent",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 3, ExemptAbsent: 1, AbsentWithReason: 1}),
		},
		{
			name: "members/exempt-and-absent", reason: "exempt plus absent with a reason exceed the absent, though each alone does not",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 4, ExemptAbsent: 1, AbsentWithReason: 1}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/exempt-none-absent", reason: "an exempt absentee when every member is present",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 5, ExemptAbsent: 1}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/more-present-and-absent", reason: "more present than convened is reported alone: the absent are not a number",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 6, AbsentWithReason: 1}),
			want:   []problem{{members + ".present", ballot.ErrConflict}},
		},
		{
			name: "members/exempt-absent", reason: "more exempt absentees than absent",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 4, ExemptAbsent: 2}),
			want:   []problem{{members, ballot.ErrConflict}},
		},
		{
			name: "members/negative", reason: "a negative count is out of range, and no sum is judged on it",
			roster: mem(ballot.MembersRoster{Official: 5, Present: 5, Suspended: -1, AbsentWithReason: 9}),
			want:   []problem{{members + ".suspended", ballot.ErrOutOfRange}},
		},
		{
			name: "delegates/all-present", reason: "every delegate present",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 5}),
		},
		{
			name: "delegates/none-convened", reason: "a congress convenes at least one delegate",
			roster: del(ballot.DelegatesRoster{Official: 0, Present: 0}),
			want:   []problem{{delegates + ".official", ballot.ErrOutOfRange}},
		},
		{
			name: "delegates/more-present", reason: "more present than convened",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 6}),
			want:   []problem{{delegates + ".present", ballot.ErrConflict}},
		},
		{
			name: "delegates/committee-absent", reason: "more committee members absent than convened",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 0, CommitteeAbsent: 6}),
			want:   []problem{{delegates, ballot.ErrConflict}},
		},
		{
			name: "delegates/more-present-and-excluded", reason: "more present and more excluded than convened: two problems",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 6, CommitteeAbsent: 3, AbsentUnreplaced: 3}),
			want:   []problem{{delegates + ".present", ballot.ErrConflict}, {delegates, ballot.ErrConflict}},
		},
		{
			name: "delegates/absences-fit", reason: "as many excluded as are absent",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 3, CommitteeAbsent: 1, AbsentUnreplaced: 1}),
		},
		{
			name: "delegates/both-absences", reason: "committee absentees plus unreplaced delegates exceed the absent, though each alone does not",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 4, CommitteeAbsent: 1, AbsentUnreplaced: 1}),
			want:   []problem{{delegates, ballot.ErrConflict}},
		},
		{
			name: "delegates/unreplaced", reason: "more unreplaced absentees than absent",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: 4, AbsentUnreplaced: 2}),
			want:   []problem{{delegates, ballot.ErrConflict}},
		},
		{
			name: "delegates/too-large", reason: "a count above MaxCount is out of range, and no sum is judged on it",
			roster: del(ballot.DelegatesRoster{Official: 5, Present: ballot.MaxCount + 1}),
			want:   []problem{{delegates + ".present", ballot.ErrOutOfRange}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := wellFormed()
			c.Roster = tt.roster
			if diff := cmp.Diff(tt.want, problems(t, c)); diff != "" {
				t.Errorf("%s\nproblems (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestValidateRounds checks what Validate reports of a round built in Go:
// the first round's own paper when it differs from the contest's, and the
// reasons given as invalid.
func TestValidateRounds(t *testing.T) {
	const r0 = ballot.Path("contests[0].rounds[0]")
	tests := []struct {
		name   string
		reason string
		edit   func(c *ballot.Congress)
		want   []problem
	}{
		{
			name: "first-round/own-paper", reason: "a first round on a paper other than the contest's is checked against the candidates",
			edit: func(c *ballot.Congress) {
				r := &c.Contests[0].Rounds[0]
				r.Paper = ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"c1", "c2", "c9"}}
			},
			want: []problem{{r0 + ".candidates[2]", ballot.ErrUnknown}},
		},
		{
			name: "first-round/own-paper-seats", reason: "a first round's own paper with no seat",
			edit: func(c *ballot.Congress) { c.Contests[0].Rounds[0].Seats = 0 },
			want: []problem{{r0 + ".seats", ballot.ErrOutOfRange}},
		},
		{
			name: "first-round/contest-paper", reason: "a first round on the contest's paper: its problem is reported once, on the contest",
			edit: func(c *ballot.Congress) {
				list := []ballot.CandidateID{"c1", "c2", "c9"}
				c.Contests[0].Candidates = list
				c.Contests[0].Rounds[0].Candidates = list
			},
			want: []problem{{"contests[0].candidates[2]", ballot.ErrUnknown}},
		},
		{
			name: "second-round/same-paper", reason: "a later round's paper is its own even when it repeats the contest's",
			edit: func(c *ballot.Congress) {
				list := []ballot.CandidateID{"c1", "c2", "c9"}
				ct := &c.Contests[0]
				ct.Candidates = list
				ct.Rounds[0].Candidates = list
				ct.Rounds = append(ct.Rounds, ballot.Round{Paper: ct.Paper, Issued: 10,
					Totals: &ballot.Totals{Collected: 10, Valid: 10, Votes: []int{9, 8, 3}}})
			},
			want: []problem{
				{"contests[0].candidates[2]", ballot.ErrUnknown},
				{"contests[0].rounds[1].candidates[2]", ballot.ErrUnknown},
			},
		},
		{
			name: "boxes/after-a-bad-paper", reason: "a paper without seats cannot judge ballots, but every box's name is still checked",
			edit: func(c *ballot.Congress) {
				r := &c.Contests[0].Rounds[0]
				r.Seats, r.Totals = 0, nil
				r.Boxes = []ballot.Box{{Name: "Hòm 1"}, {Name: ""}, {Name: "Hòm 3"}}
			},
			want: []problem{{r0 + ".seats", ballot.ErrOutOfRange}, {r0 + ".boxes[1].name", ballot.ErrRequired}},
		},
		{
			name: "invalid-reasons/valid-reason", reason: "a reason that makes a ballot valid is not a reason it is invalid",
			edit: func(c *ballot.Congress) {
				c.Contests[0].Rounds[0].Totals.InvalidReasons = []ballot.ReasonCount{{Reason: ballot.ValidStanding, Count: 1}}
			},
			want: []problem{{r0 + ".totals.invalid_reasons[0]", ballot.ErrInvalid}},
		},
		{
			name: "invalid-reasons/unknown", reason: "a reason that does not exist",
			edit: func(c *ballot.Congress) {
				c.Contests[0].Rounds[0].Totals.InvalidReasons = []ballot.ReasonCount{{Reason: ballot.Reason(200), Count: 1}}
			},
			want: []problem{{r0 + ".totals.invalid_reasons[0]", ballot.ErrInvalid}},
		},
		{
			name: "invalid-reasons/ok", reason: "invalid reasons each given once",
			edit: func(c *ballot.Congress) {
				t := c.Contests[0].Rounds[0].Totals
				t.Valid, t.Invalid = 8, 2
				t.InvalidReasons = []ballot.ReasonCount{{Reason: ballot.AllStruck, Count: 1}, {Reason: ballot.Signed, Count: 1}}
			},
		},
		{
			name: "invalid-reasons/twice", reason: "the same invalid reason given twice, after a bad one",
			edit: func(c *ballot.Congress) {
				t := c.Contests[0].Rounds[0].Totals
				t.InvalidReasons = []ballot.ReasonCount{
					{Reason: ballot.ValidStanding, Count: 1}, {Reason: ballot.Signed, Count: 1}, {Reason: ballot.Signed, Count: 1},
				}
			},
			want: []problem{
				{r0 + ".totals.invalid_reasons[0]", ballot.ErrInvalid},
				{r0 + ".totals.invalid_reasons.signed", ballot.ErrDuplicate},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := wellFormed()
			tt.edit(&c)
			if diff := cmp.Diff(tt.want, problems(t, c)); diff != "" {
				t.Errorf("%s\nproblems (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
	if got := problems(t, wellFormed()); got != nil {
		t.Errorf("the well-formed congress has problems: %v", got)
	}
}
