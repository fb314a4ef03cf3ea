package bulk_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// surplus is a paper of 4 names for 2 seats: the cross-out form.
var surplus = ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"a", "b", "c", "d"}}

const (
	u  = ballot.Unmarked
	x  = ballot.Struck
	px = ballot.PartlyStruck
)

func marks(m ...ballot.Mark) []ballot.Mark { return m }

// TestCount covers each row of the validity table that applies to a
// cross-out paper, their order, and the policy options, one ballot at a
// time, through Counter, Box and AddStanding.
func TestCount(t *testing.T) {
	invalid := func(r ballot.Reason) bulk.Count {
		return bulk.Count{Collected: 1, Invalid: 1, InvalidReasons: []ballot.ReasonCount{{Reason: r, Count: 1}}, Votes: make([]int, 4)}
	}
	tests := []struct {
		name   string
		reason string // why this case exists
		ballot ballot.Ballot
		policy ballot.Policy
		want   bulk.Count
	}{
		{
			name: "row6/valid", reason: "two names standing for two seats: one vote each",
			ballot: ballot.Ballot{Marks: marks(x, u, x, u)},
			want:   bulk.Count{Collected: 1, Valid: 1, Votes: []int{0, 1, 0, 1}},
		},
		{
			name: "row6/one-standing", reason: "fewer names than seats is valid",
			ballot: ballot.Ballot{Marks: marks(x, x, u, x)},
			want:   bulk.Count{Collected: 1, Valid: 1, Votes: []int{0, 0, 1, 0}},
		},
		{
			name: "row1/not-issued", reason: "a paper the board did not issue is invalid whatever its marks",
			ballot: ballot.Ballot{Marks: marks(u, u, u, u), Flags: ballot.FlagNotIssued | ballot.FlagSigned},
			want:   invalid(ballot.NotIssued),
		},
		{
			name: "row2/too-many", reason: "three names standing for two seats",
			ballot: ballot.Ballot{Marks: marks(u, u, u, x), Flags: ballot.FlagWrittenIn},
			want:   invalid(ballot.TooManyStanding),
		},
		{
			name: "row3/all-struck", reason: "every name struck, before the written-in row",
			ballot: ballot.Ballot{Marks: marks(x, x, x, x), Flags: ballot.FlagWrittenIn},
			want:   invalid(ballot.AllStruck),
		},
		{
			name: "row4/written-in", reason: "a name written in, before the signed row",
			ballot: ballot.Ballot{Marks: marks(x, u, x, u), Flags: ballot.FlagWrittenIn | ballot.FlagSigned},
			want:   invalid(ballot.WrittenIn),
		},
		{
			name: "row5/signed", reason: "signed is invalid by default",
			ballot: ballot.Ballot{Marks: marks(x, u, x, u), Flags: ballot.FlagSigned},
			want:   invalid(ballot.Signed),
		},
		{
			name: "row5/accept-signed", reason: "AcceptSigned counts a signed ballot",
			ballot: ballot.Ballot{Marks: marks(x, u, x, u), Flags: ballot.FlagSigned}, policy: ballot.Policy{AcceptSigned: true},
			want: bulk.Count{Collected: 1, Valid: 1, Votes: []int{0, 1, 0, 1}},
		},
		{
			name: "row13/partly-stands", reason: "by default a partly struck name stands and the ballot goes to review",
			ballot: ballot.Ballot{Marks: marks(x, px, x, u)},
			want:   bulk.Count{Collected: 1, Valid: 1, Review: 1, Votes: []int{0, 1, 0, 1}},
		},
		{
			name: "row13/partly-too-many", reason: "a partly struck name that stands can make too many; an invalid ballot is not reviewed",
			ballot: ballot.Ballot{Marks: marks(u, px, x, u)},
			want:   invalid(ballot.TooManyStanding),
		},
		{
			name: "row13/partly-struck", reason: "PartlyStruckIsStruck strikes it, and there is nothing to review",
			ballot: ballot.Ballot{Marks: marks(u, px, x, u)}, policy: ballot.Policy{PartlyStruckIsStruck: true},
			want: bulk.Count{Collected: 1, Valid: 1, Votes: []int{1, 0, 0, 1}},
		},
		{
			name: "row13/partly-all-struck", reason: "under PartlyStruckIsStruck a partly struck last name leaves nothing standing",
			ballot: ballot.Ballot{Marks: marks(x, px, x, x)}, policy: ballot.Policy{PartlyStruckIsStruck: true},
			want: invalid(ballot.AllStruck),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := bulk.NewCounter(surplus, tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.Add(tt.ballot); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, c.Count()); diff != "" {
				t.Errorf("Counter (-want +got):\n%s", diff)
			}

			box, err := bulk.NewBox(surplus, tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if err := box.Add(tt.ballot); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, box.Count()); diff != "" {
				t.Errorf("Box (-want +got):\n%s", diff)
			}

			cl, err := surplus.Classify(tt.ballot, tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.want.Valid == 1; got != cl.Valid() {
				t.Errorf("the case disagrees with Paper.Classify: %+v", cl)
			}
		})
	}
}

// TestAddStanding counts the ballots of TestCount's kind given as bit sets.
func TestAddStanding(t *testing.T) {
	c, err := bulk.NewCounter(surplus, ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		bits   uint64
		flags  ballot.Flags
		partly int
	}{{0b1010, 0, 0}, {0b0110, 0, 1}, {0b0111, 0, 0}, {0, 0, 0}, {0b0001, ballot.FlagSigned, 0}} {
		if err := c.AddStanding([]uint64{b.bits}, b.flags, b.partly); err != nil {
			t.Fatal(err)
		}
	}
	want := bulk.Count{Collected: 5, Valid: 2, Invalid: 3, Review: 1, Votes: []int{0, 2, 1, 1},
		InvalidReasons: []ballot.ReasonCount{{Reason: ballot.TooManyStanding, Count: 1}, {Reason: ballot.AllStruck, Count: 1}, {Reason: ballot.Signed, Count: 1}}}
	if diff := cmp.Diff(want, c.Count()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// problem is what a test checks of a problem in an ErrorList.
type problem struct {
	Path ballot.Path
	Code ballot.ErrorCode
}

func problems(t *testing.T, err error) []problem {
	t.Helper()
	var list ballot.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %T %v is not an ErrorList", err, err)
	}
	var out []problem
	for _, e := range list {
		if e.Detail.VI == "" || e.Detail.EN == "" {
			t.Errorf("problem without a message in both languages: %+v", e)
		}
		out = append(out, problem{e.Path, e.Code})
	}
	return out
}

// TestCounterErrors checks the papers and ballots a counter refuses, and that
// a refused ballot is not counted.
func TestCounterErrors(t *testing.T) {
	papers := []struct {
		name, reason string
		paper        ballot.Paper
		want         []problem
	}{
		{"agree-form", "a paper without surplus has no names to strike",
			ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"a", "b"}}, []problem{{"", ballot.ErrConflict}}},
		{"no-seats", "a paper that does not check",
			ballot.Paper{Seats: 0, Candidates: []ballot.CandidateID{"a", "a"}}, []problem{{"seats", ballot.ErrOutOfRange}, {"candidates[1]", ballot.ErrDuplicate}}},
	}
	for _, tt := range papers {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := bulk.NewCounter(tt.paper, ballot.Policy{}); err == nil {
				t.Fatal("NewCounter accepted the paper")
			} else if diff := cmp.Diff(tt.want, problems(t, err)); diff != "" {
				t.Errorf("NewCounter (-want +got):\n%s", diff)
			}
			if _, err := bulk.NewBox(tt.paper, ballot.Policy{}); err == nil {
				t.Fatal("NewBox accepted the paper")
			}
			if _, err := bulk.NewWriter(nil, tt.paper); err == nil {
				t.Fatal("NewWriter accepted the paper")
			}
		})
	}

	ballots := []struct {
		name, reason string
		ballot       ballot.Ballot
		want         []problem
	}{
		{"short", "fewer rows than names", ballot.Ballot{Marks: marks(x, u, x)}, []problem{{"marks", ballot.ErrConflict}}},
		{"agree-mark", "a mark of the agree form", ballot.Ballot{Marks: marks(x, ballot.Agree, x, u)}, []problem{{"marks[1]", ballot.ErrConflict}}},
		{"unknown-mark", "a mark that does not exist (invalid, as Classify says)", ballot.Ballot{Marks: marks(x, 99, x, u)}, []problem{{"marks[1]", ballot.ErrInvalid}}},
		{"flags", "flags that do not exist", ballot.Ballot{Marks: marks(x, u, x, u), Flags: 8}, []problem{{"flags", ballot.ErrInvalid}}},
	}
	for _, tt := range ballots {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := bulk.NewCounter(surplus, ballot.Policy{})
			box, _ := bulk.NewBox(surplus, ballot.Policy{})
			for name, add := range map[string]func(ballot.Ballot) error{"Counter": c.Add, "Box": box.Add} {
				err := add(tt.ballot)
				if err == nil {
					t.Fatalf("%s.Add accepted the ballot", name)
				}
				if diff := cmp.Diff(tt.want, problems(t, err)); diff != "" {
					t.Errorf("%s.Add (-want +got):\n%s", name, diff)
				}
			}
			if got := c.Count().Collected + box.Len(); got != 0 {
				t.Errorf("a refused ballot was counted")
			}
		})
	}

	standing := []struct {
		name, reason string
		bits         []uint64
		flags        ballot.Flags
		partly       int
		want         []problem
	}{
		{"words", "two words for a list of 4", []uint64{1, 0}, 0, 0, []problem{{"", ballot.ErrConflict}}},
		{"beyond", "a name past the list", []uint64{1 << 4}, 0, 0, []problem{{"", ballot.ErrOutOfRange}}},
		{"flags", "unknown flags", []uint64{1}, 8, 0, []problem{{"flags", ballot.ErrInvalid}}},
		{"partly", "more partly struck names than names", []uint64{1}, 0, 5, []problem{{"", ballot.ErrOutOfRange}}},
	}
	for _, tt := range standing {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := bulk.NewCounter(surplus, ballot.Policy{})
			box, _ := bulk.NewBox(surplus, ballot.Policy{})
			for name, add := range map[string]func([]uint64, ballot.Flags, int) error{"Counter": c.AddStanding, "Box": box.AddStanding} {
				err := add(tt.bits, tt.flags, tt.partly)
				if err == nil {
					t.Fatalf("%s.AddStanding accepted the ballot", name)
				}
				if diff := cmp.Diff(tt.want, problems(t, err)); diff != "" {
					t.Errorf("%s.AddStanding (-want +got):\n%s", name, diff)
				}
			}
			if got := c.Count().Collected + box.Len(); got != 0 {
				t.Errorf("a refused ballot was counted")
			}
		})
	}
}

// TestCountDoesNotAlias checks that a Count's slices are the caller's and
// that counting goes on after Count.
func TestCountDoesNotAlias(t *testing.T) {
	c, _ := bulk.NewCounter(surplus, ballot.Policy{})
	c.Add(ballot.Ballot{Marks: marks(x, u, x, u)})
	first := c.Count()
	first.Votes[1] = 100
	c.Add(ballot.Ballot{Marks: marks(u, x, x, u)})
	got := c.Count()
	if diff := cmp.Diff([]int{1, 1, 0, 2}, got.Votes); diff != "" {
		t.Errorf("votes after a second Count (-want +got):\n%s", diff)
	}
	tot := got.Totals()
	tot.Votes[0] = 100
	if got.Votes[0] != 1 {
		t.Error("Totals aliases the Count's votes")
	}
}

// TestNoAllocation checks that adding a ballot to a counter allocates
// nothing, and that counting a box allocates the same for 16 ballots as for
// 16,000.
func TestNoAllocation(t *testing.T) {
	c, _ := bulk.NewCounter(surplus, ballot.Policy{})
	b := ballot.Ballot{Marks: marks(x, u, px, u), Flags: ballot.FlagSigned}
	if a := testing.AllocsPerRun(1000, func() { c.Add(b) }); a != 0 {
		t.Errorf("Counter.Add: %v allocations", a)
	}
	bits := []uint64{0b1010}
	if a := testing.AllocsPerRun(1000, func() { c.AddStanding(bits, 0, 0) }); a != 0 {
		t.Errorf("Counter.AddStanding: %v allocations", a)
	}
	boxOf := func(n int) *bulk.Box {
		box, _ := bulk.NewBox(surplus, ballot.Policy{})
		for range n {
			box.Add(b)
		}
		return box
	}
	small, large := boxOf(16), boxOf(16_000)
	if a, b := testing.AllocsPerRun(10, func() { small.Count() }), testing.AllocsPerRun(10, func() { large.Count() }); a != b {
		t.Errorf("Box.Count: %v allocations for 16 ballots, %v for 16,000", a, b)
	}
}
