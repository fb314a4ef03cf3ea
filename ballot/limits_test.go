package ballot_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
)

// TestValidateLimits checks that a text or a figure at its limit is
// accepted and one past it refused, at its path.
func TestValidateLimits(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   func(c *ballot.Congress)
		want   []problem
	}{
		{"term/longest", "a term of MaxNameLen bytes",
			func(c *ballot.Congress) { c.Term = strings.Repeat("x", ballot.MaxNameLen) }, nil},
		{"term/too-long", "a term one byte longer",
			func(c *ballot.Congress) { c.Term = strings.Repeat("x", ballot.MaxNameLen+1) }, []problem{{"term", ballot.ErrOutOfRange}}},
		{"count/largest", "MaxCount members convened and present",
			func(c *ballot.Congress) {
				c.Roster.Members.Official, c.Roster.Members.Present = ballot.MaxCount, ballot.MaxCount
			}, nil},
		{"count/too-large", "one more is out of range",
			func(c *ballot.Congress) {
				c.Roster.Members.Official, c.Roster.Members.Present = ballot.MaxCount+1, ballot.MaxCount
			}, []problem{{"roster.members.official", ballot.ErrOutOfRange}}},
		{"count/negative", "a negative count of ballots issued",
			func(c *ballot.Congress) { c.Contests[0].Rounds[0].Issued = -1 }, []problem{{"contests[0].rounds[0].issued", ballot.ErrOutOfRange}}},
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
}

// TestReasonRow checks that every reason has its row of the validity table
// and that a value that is no reason has none, rather than a panic.
func TestReasonRow(t *testing.T) {
	all := ballot.Reasons()
	for _, r := range all {
		if row := r.Row(); row < 1 {
			t.Errorf("%v.Row() = %d, want a row of the table", r, row)
		}
	}
	for _, r := range []ballot.Reason{0, ballot.Reason(len(all) + 1), ballot.Reason(len(all) + 2), 255} {
		if row := r.Row(); row != 0 {
			t.Errorf("Reason(%d).Row() = %d, want 0", r, row)
		}
	}
}

// TestValidateNominations checks the record of nominations from the floor:
// a nominee is nominated once and not already introduced, agrees are at most
// the attending, a withdrawal is of someone introduced or nominated.
func TestValidateNominations(t *testing.T) {
	const at = ballot.Path("contests[0].nominations")
	tests := []struct {
		name   string
		reason string
		n      ballot.Nominations
		want   []problem
	}{
		{"ok", "one introduced, one nominated, each withdrawing",
			ballot.Nominations{Introduced: ids("c1"), Nominees: []ballot.Nominee{{ID: "c2", Agree: 10}}, Withdrawn: ids("c1", "c2"), Attending: 10}, nil},
		{"nominated-twice", "the same person nominated twice",
			ballot.Nominations{Nominees: []ballot.Nominee{{ID: "c2", Agree: 3}, {ID: "c2", Agree: 4}}, Attending: 10},
			[]problem{{at + ".nominees[1].id", ballot.ErrDuplicate}}},
		{"introduced-and-nominated", "a person introduced by the committee and nominated from the floor",
			ballot.Nominations{Introduced: ids("c1"), Nominees: []ballot.Nominee{{ID: "c1", Agree: 3}}, Attending: 10},
			[]problem{{at + ".nominees[0].id", ballot.ErrDuplicate}}},
		{"unknown", "a nominee who is not a candidate",
			ballot.Nominations{Nominees: []ballot.Nominee{{ID: "c9", Agree: 3}}, Attending: 10},
			[]problem{{at + ".nominees[0].id", ballot.ErrUnknown}}},
		{"agree-all", "every attendee agrees",
			ballot.Nominations{Nominees: []ballot.Nominee{{ID: "c3", Agree: 10}}, Attending: 10}, nil},
		{"agree-more", "more agreeing than attending",
			ballot.Nominations{Nominees: []ballot.Nominee{{ID: "c3", Agree: 11}}, Attending: 10},
			[]problem{{at + ".nominees[0].agree", ballot.ErrConflict}}},
		{"withdrawn-unlisted", "a withdrawal of someone neither introduced nor nominated",
			ballot.Nominations{Introduced: ids("c1"), Withdrawn: ids("c3"), Attending: 10},
			[]problem{{at + ".withdrawn[0]", ballot.ErrConflict}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := wellFormed()
			n := tt.n
			c.Contests[0].Nominations = &n
			if diff := cmp.Diff(tt.want, problems(t, c)); diff != "" {
				t.Errorf("%s\nproblems (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func ids(s ...string) []ballot.CandidateID {
	out := make([]ballot.CandidateID, len(s))
	for i, id := range s {
		out[i] = ballot.CandidateID(id)
	}
	return out
}
