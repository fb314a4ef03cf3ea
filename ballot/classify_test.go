package ballot_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
)

// Papers of each form used by the table below.
var (
	// 4 names for 2 seats: the cross-out form.
	surplus = ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"a", "b", "c", "d"}}
	// 1 name for 1 seat: the agree form with a single candidate.
	single = ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"a"}}
	// 3 names for 3 seats: the agree form with several candidates.
	noSurplus = ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"a", "b", "c"}}
)

const (
	u  = ballot.Unmarked
	x  = ballot.Struck
	px = ballot.PartlyStruck
	ag = ballot.Agree
	dg = ballot.Disagree
	bo = ballot.Both
)

func marks(m ...ballot.Mark) []ballot.Mark { return m }

// TestClassify covers every row of the validity table in rules.md §3, the
// order in which the rows are applied, and each policy option.
func TestClassify(t *testing.T) {
	tests := []struct {
		name   string
		reason string // why this case exists
		paper  ballot.Paper
		ballot ballot.Ballot
		policy ballot.Policy
		want   ballot.Classification
	}{
		// Row 1.
		{
			name: "row1/not-issued", reason: "a paper without the board's stamp is invalid whatever its marks",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, u, x, u), Flags: ballot.FlagNotIssued},
			want: ballot.Classification{Reason: ballot.NotIssued},
		},
		{
			name: "row1/before-row2", reason: "row 1 is checked before row 2: a foreign paper with too many names is 'not issued'",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, u, u, u), Flags: ballot.FlagNotIssued},
			want: ballot.Classification{Reason: ballot.NotIssued},
		},
		{
			name: "row1/agree-form", reason: "row 1 applies to agree papers too",
			paper: single, ballot: ballot.Ballot{Marks: marks(ag), Flags: ballot.FlagNotIssued},
			want: ballot.Classification{Reason: ballot.NotIssued},
		},
		// Row 2.
		{
			name: "row2/too-many-standing", reason: "three names left standing on a paper for two seats",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, u, u, x)},
			want: ballot.Classification{Reason: ballot.TooManyStanding},
		},
		{
			name: "row2/nothing-struck", reason: "a surplus paper returned untouched keeps every name: too many",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, u, u, u)},
			want: ballot.Classification{Reason: ballot.TooManyStanding},
		},
		{
			name: "row2/before-row4", reason: "row 2 is checked before row 4",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, u, u, x), Flags: ballot.FlagWrittenIn},
			want: ballot.Classification{Reason: ballot.TooManyStanding},
		},
		{
			name: "row2/partly-struck-stands", reason: "by default a partly struck name stands, so it counts toward too many; read as struck the ballot would be valid, so the reading decides it",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, u, px, x)},
			want: ballot.Classification{Reason: ballot.TooManyStanding, Review: []int{2}, Decides: true},
		},
		{
			name: "row2/partly-struck-does-not-decide", reason: "too many standing even if the partly struck name were struck: the reading decides nothing",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, u, px, u)},
			want: ballot.Classification{Reason: ballot.TooManyStanding, Review: []int{2}},
		},
		// Row 3.
		{
			name: "row3/all-struck", reason: "every name crossed out",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, x, x, x)},
			want: ballot.Classification{Reason: ballot.AllStruck},
		},
		{
			name: "row3/partly-struck-is-struck", reason: "with the row-13 option a partly struck last name is struck, so all are",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, x, px, x)},
			policy: ballot.Policy{PartlyStruckIsStruck: true},
			want:   ballot.Classification{Reason: ballot.AllStruck, Decides: true},
		},
		{
			name: "row3/before-row5", reason: "row 3 is checked before row 5",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, x, x, x), Flags: ballot.FlagSigned},
			want: ballot.Classification{Reason: ballot.AllStruck},
		},
		// Row 4.
		{
			name: "row4/written-in", reason: "a name added from outside the list",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, x, u, x), Flags: ballot.FlagWrittenIn},
			want: ballot.Classification{Reason: ballot.WrittenIn},
		},
		{
			name: "row4/before-row5", reason: "row 4 is checked before row 5",
			paper: noSurplus, ballot: ballot.Ballot{Marks: marks(ag, ag, ag), Flags: ballot.FlagWrittenIn | ballot.FlagSigned},
			want: ballot.Classification{Reason: ballot.WrittenIn},
		},
		// Row 5.
		{
			name: "row5/signed", reason: "signed or marked: invalid by default",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, x, u, x), Flags: ballot.FlagSigned},
			want: ballot.Classification{Reason: ballot.Signed},
		},
		{
			name: "row5/accepted", reason: "with AcceptSigned the ballot is judged on its marks",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, x, u, x), Flags: ballot.FlagSigned},
			policy: ballot.Policy{AcceptSigned: true},
			want:   ballot.Classification{Reason: ballot.ValidStanding, Votes: []int{0, 2}},
		},
		{
			name: "row5/before-row8", reason: "row 5 is checked before row 8",
			paper: single, ballot: ballot.Ballot{Marks: marks(bo), Flags: ballot.FlagSigned},
			want: ballot.Classification{Reason: ballot.Signed},
		},
		// Row 6.
		{
			name: "row6/seats-standing", reason: "exactly as many names standing as seats",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(u, x, u, x)},
			want: ballot.Classification{Reason: ballot.ValidStanding, Votes: []int{0, 2}},
		},
		{
			name: "row6/one-standing", reason: "a single name standing is a valid ballot with one vote",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, x, x, u)},
			want: ballot.Classification{Reason: ballot.ValidStanding, Votes: []int{3}},
		},
		{
			name: "row13/default", reason: "a partly struck name stands and the ballot is flagged for the board",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, px, x, u)},
			want: ballot.Classification{Reason: ballot.ValidStanding, Votes: []int{1, 3}, Review: []int{1}},
		},
		{
			name: "row13/struck", reason: "with PartlyStruckIsStruck the name is struck and nothing is flagged",
			paper: surplus, ballot: ballot.Ballot{Marks: marks(x, px, x, u)},
			policy: ballot.Policy{PartlyStruckIsStruck: true},
			want:   ballot.Classification{Reason: ballot.ValidStanding, Votes: []int{3}},
		},
		// Rows 7–9: a single candidate.
		{
			name: "row7/agree", reason: "single candidate, đồng ý ticked: a vote",
			paper: single, ballot: ballot.Ballot{Marks: marks(ag)},
			want: ballot.Classification{Reason: ballot.ValidOneBox, Votes: []int{0}},
		},
		{
			name: "row7/disagree", reason: "single candidate, không đồng ý ticked: valid, no vote",
			paper: single, ballot: ballot.Ballot{Marks: marks(dg)},
			want: ballot.Classification{Reason: ballot.ValidOneBox},
		},
		{
			name: "row8/both", reason: "single candidate, both boxes ticked",
			paper: single, ballot: ballot.Ballot{Marks: marks(bo)},
			want: ballot.Classification{Reason: ballot.BothBoxes},
		},
		{
			name: "row9/default", reason: "single candidate, no box: invalid by default",
			paper: single, ballot: ballot.Ballot{Marks: marks(u)},
			want: ballot.Classification{Reason: ballot.NoBox},
		},
		{
			name: "row9/accepted", reason: "with AcceptBlankSingle: valid, no vote",
			paper: single, ballot: ballot.Ballot{Marks: marks(u)},
			policy: ballot.Policy{AcceptBlankSingle: true},
			want:   ballot.Classification{Reason: ballot.ValidNoBox},
		},
		// Rows 10–11: several candidates without surplus.
		{
			name: "row10/all-rows", reason: "every row has one box: each đồng ý is a vote",
			paper: noSurplus, ballot: ballot.Ballot{Marks: marks(ag, dg, ag)},
			want: ballot.Classification{Reason: ballot.ValidRows, Votes: []int{0, 2}},
		},
		{
			name: "row10/some-rows-blank", reason: "rows with both or neither count for nobody; the ballot stays valid",
			paper: noSurplus, ballot: ballot.Ballot{Marks: marks(ag, bo, u)},
			want: ballot.Classification{Reason: ballot.ValidRows, Votes: []int{0}},
		},
		{
			name: "row10/only-disagree", reason: "one row validly marked không đồng ý is enough for row 10",
			paper: noSurplus, ballot: ballot.Ballot{Marks: marks(u, dg, bo)},
			want: ballot.Classification{Reason: ballot.ValidRows},
		},
		{
			name: "row11/default", reason: "every row both or neither: valid with no votes by default",
			paper: noSurplus, ballot: ballot.Ballot{Marks: marks(bo, u, bo)},
			want: ballot.Classification{Reason: ballot.ValidNoRows},
		},
		{
			name: "row11/rejected", reason: "with RejectBlankRows: invalid",
			paper: noSurplus, ballot: ballot.Ballot{Marks: marks(u, u, u)},
			policy: ballot.Policy{RejectBlankRows: true},
			want:   ballot.Classification{Reason: ballot.NoRows},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.paper.Classify(tt.ballot, tt.policy)
			if err != nil {
				t.Fatalf("Classify: %v (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nClassify mismatch (-want +got):\n%s", tt.reason, diff)
			}
			if got.Valid() != tt.want.Reason.Valid() {
				t.Errorf("Valid() = %v, want %v", got.Valid(), tt.want.Reason.Valid())
			}
		})
	}
}

// TestClassifyRows checks that every reason reports the table row it stands
// for, so the minutes can cite it.
func TestClassifyRows(t *testing.T) {
	want := map[ballot.Reason]int{
		ballot.NotIssued: 1, ballot.TooManyStanding: 2, ballot.AllStruck: 3, ballot.WrittenIn: 4,
		ballot.Signed: 5, ballot.ValidStanding: 6, ballot.ValidOneBox: 7, ballot.BothBoxes: 8,
		ballot.NoBox: 9, ballot.ValidNoBox: 9, ballot.ValidRows: 10, ballot.ValidNoRows: 11, ballot.NoRows: 11,
	}
	if got := len(ballot.Reasons()); got != len(want) {
		t.Fatalf("Reasons() has %d reasons, the table here %d", got, len(want))
	}
	for _, r := range ballot.Reasons() {
		if r.Row() != want[r] {
			t.Errorf("%v.Row() = %d, want %d", r, r.Row(), want[r])
		}
		var back ballot.Reason
		if err := back.UnmarshalText([]byte(r.String())); err != nil || back != r {
			t.Errorf("reason %v does not survive its text form: %v, %v", r, back, err)
		}
	}
}

// TestClassifyMalformed checks that a ballot that does not fit its paper is an
// error with a code and a path, never a panic or a classification.
func TestClassifyMalformed(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		paper    ballot.Paper
		ballot   ballot.Ballot
		wantPath ballot.Path
		wantCode ballot.ErrorCode
	}{
		{"short", "fewer rows than names on the paper", surplus, ballot.Ballot{Marks: marks(u, x)}, "marks", ballot.ErrConflict},
		{"agree-on-cross-out", "a box mark on a paper with surplus", surplus, ballot.Ballot{Marks: marks(u, ag, x, x)}, "marks[1]", ballot.ErrConflict},
		{"strike-on-agree", "a strike on a paper without surplus", noSurplus, ballot.Ballot{Marks: marks(x, ag, ag)}, "marks[0]", ballot.ErrConflict},
		{"unknown-mark", "a mark value outside the enumeration", single, ballot.Ballot{Marks: marks(ballot.Mark(99))}, "marks[0]", ballot.ErrInvalid},
		{"unknown-flag", "a flag bit outside the enumeration", single, ballot.Ballot{Marks: marks(ag), Flags: 1 << 7}, "flags", ballot.ErrInvalid},
		{"no-form", "a paper with fewer names than seats", ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"a"}}, ballot.Ballot{Marks: marks(ag)}, "candidates", ballot.ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.paper.Classify(tt.ballot, ballot.Policy{})
			var list ballot.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("%s: err = %v, want an ErrorList", tt.reason, err)
			}
			if !errors.Is(err, tt.wantCode) {
				t.Errorf("%s: errors.Is(err, %v) is false: %v", tt.reason, tt.wantCode, err)
			}
			found := false
			for _, e := range list {
				found = found || (e.Path == tt.wantPath && e.Code == tt.wantCode)
			}
			if !found {
				t.Errorf("%s: no %v at %q in %v", tt.reason, tt.wantCode, tt.wantPath, list)
			}
		})
	}
}

func TestPaperForm(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		paper  ballot.Paper
		want   ballot.Form
	}{
		{"surplus", "more names than seats: cross out", surplus, ballot.FormCrossOut},
		{"single", "one name for one seat: agree/disagree", single, ballot.FormAgree},
		{"no-surplus", "as many names as seats: agree/disagree", noSurplus, ballot.FormAgree},
		{"too-few", "fewer names than seats: no form", ballot.Paper{Seats: 2, Candidates: []ballot.CandidateID{"a"}}, ballot.FormNone},
		{"no-seats", "zero seats: no form", ballot.Paper{Candidates: []ballot.CandidateID{"a"}}, ballot.FormNone},
	}
	for _, tt := range tests {
		if got := tt.paper.Form(); got != tt.want {
			t.Errorf("%s: Form() = %v, want %v (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}

// TestNameAt: a chi bộ calls its committee the chi ủy; every other name is
// the same at every level.
func TestNameAt(t *testing.T) {
	for o := ballot.OfficeCommittee; o.Valid(); o++ {
		for lv := ballot.LevelChiBo; lv.Valid(); lv++ {
			got, plain := o.NameAt(lv, ballot.Vietnamese), o.Name(ballot.Vietnamese)
			if special := o == ballot.OfficeCommittee && lv == ballot.LevelChiBo; special == (got == plain) {
				t.Errorf("%v at %v: %q (plain %q)", o, lv, got, plain)
			}
		}
	}
}

func TestLangText(t *testing.T) {
	for _, l := range []ballot.Lang{ballot.Vietnamese, ballot.English} {
		b, _ := l.MarshalText()
		var back ballot.Lang
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("%v: %q reads back as %v, %v", l, b, back, err)
		}
	}
	var l ballot.Lang
	if err := l.UnmarshalText([]byte("fr")); err == nil {
		t.Error(`"fr" accepted`)
	}
}
