package ballot_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestParseExample decodes the worked example and checks the parts that the
// JSON layer converts (positions from names, defaults of the first round).
func TestParseExample(t *testing.T) {
	c, err := ballot.ParseCongress(readFile(t, "testdata/chibo.json"))
	if err != nil {
		t.Fatalf("ParseCongress: %v", err)
	}
	if c.Roster.Members == nil || c.Roster.Members.Official != 11 || c.Roster.Members.AbsentWithReason != 1 {
		t.Errorf("roster = %+v", c.Roster.Members)
	}
	if got, want := c.Candidates[3].Origin, ballot.FromFloor; got != want {
		t.Errorf("candidates[3].origin = %v, want %v", got, want)
	}
	chiUy := c.Contests[0]
	r := chiUy.Rounds[0]
	if diff := cmp.Diff(chiUy.Paper, r.Paper); diff != "" {
		t.Errorf("the first round's paper is not the contest's (-contest +round):\n%s", diff)
	}
	wantFirst := ballot.Ballot{Marks: []ballot.Mark{ballot.Unmarked, ballot.Unmarked, ballot.Unmarked, ballot.Struck}}
	if diff := cmp.Diff(wantFirst, r.Boxes[0].Ballots[0]); diff != "" {
		t.Errorf("ballots[0] (-want +got):\n%s", diff)
	}
	if got := r.Boxes[0].Ballots[9].Flags; got != ballot.FlagSigned {
		t.Errorf("ballots[9].flags = %v, want signed", got)
	}
	dep := c.Contests[2].Rounds[0].Totals
	if dep == nil || !cmp.Equal(dep.Votes, []int{9}) || dep.Collected != 10 {
		t.Errorf("deputy totals = %+v", dep)
	}
}

// TestRoundTrip checks that encoding then decoding gives an equal value and
// that encoding is stable, on the worked example.
func TestRoundTrip(t *testing.T) {
	c, err := ballot.ParseCongress(readFile(t, "testdata/chibo.json"))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := json.Marshal(c)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	back, err := ballot.ParseCongress(enc)
	if err != nil {
		t.Fatalf("ParseCongress(Marshal(c)): %v\n%s", err, enc)
	}
	if diff := cmp.Diff(c, back); diff != "" {
		t.Errorf("decode(encode(c)) != c (-c +back):\n%s", diff)
	}
	again, err := json.Marshal(back)
	if err != nil || string(again) != string(enc) {
		t.Errorf("encoding is not stable:\n%s\n%s", enc, again)
	}
}

// doc builds a document from the worked example by applying edits to its
// generic form, so that each malformed case below states only what it breaks.
func doc(t *testing.T, edit func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(readFile(t, "testdata/chibo.json"), &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func at(m map[string]any, path ...any) map[string]any {
	var cur any = m
	for _, p := range path {
		switch k := p.(type) {
		case string:
			cur = cur.(map[string]any)[k]
		case int:
			cur = cur.([]any)[k]
		}
	}
	return cur.(map[string]any)
}

type problem struct {
	Path ballot.Path
	Code ballot.ErrorCode
}

// TestParseMalformed checks that each kind of malformed input is reported with
// its path and code, and that every problem of a document is reported at once.
func TestParseMalformed(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		data   func(t *testing.T) []byte
		want   []problem
	}{
		{
			name: "syntax", reason: "not JSON at all: one syntax problem, nothing else",
			data: func(*testing.T) []byte { return []byte(`{"format": "kiemphieu.congress/1",`) },
			want: []problem{{"", ballot.ErrSyntax}},
		},
		{
			name: "trailing", reason: "a second document after the first",
			data: func(t *testing.T) []byte { return append(readFile(t, "testdata/chibo.json"), "{}"...) },
			want: []problem{{"", ballot.ErrSyntax}},
		},
		{
			name: "invalid-utf8", reason: "names must be UTF-8; bytes that are not are not silently replaced",
			data: func(t *testing.T) []byte {
				return []byte(strings.Replace(string(readFile(t, "testdata/chibo.json")), "Lan", "L\xffn", 1))
			},
			want: []problem{{"", ballot.ErrSyntax}},
		},
		{
			name: "format", reason: "a document of another format or version is refused",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) { m["format"] = "kiemphieu.congress/2" })
			},
			want: []problem{{"format", ballot.ErrInvalid}},
		},
		{
			name: "unknown-and-duplicate-fields", reason: "a typo and a repeated key are both reported, with paths",
			data: func(t *testing.T) []byte {
				s := strings.Replace(string(readFile(t, "testdata/chibo.json")), `"term": "2025–2027",`, `"term": "2025–2027", "trem": 1, "term": "x",`, 1)
				return []byte(s)
			},
			want: []problem{{"trem", ballot.ErrUnknownField}, {"term", ballot.ErrDuplicate}},
		},
		{
			name: "duplicate-candidate-id", reason: "the example in the issue: a repeated id names both places",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) { at(m, "candidates", 3)["id"] = "c1" })
			},
			want: []problem{
				{"candidates[3].id", ballot.ErrDuplicate},
				// c4 no longer exists, so every reference to it is unknown.
				{"contests[0].candidates[3]", ballot.ErrUnknown},
				{"contests[0].nominations.nominees[0].id", ballot.ErrUnknown},
			},
		},
		{
			name: "types-and-ranges", reason: "wrong JSON types, a negative count, a fraction and an overflow",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					at(m, "roster", "members")["present"] = -1
					at(m, "roster", "members")["official"] = "11"
					at(m, "contests", 0)["seats"] = 2.5
					at(m, "contests", 0, "rounds", 0)["issued"] = json.Number("100000000000000000000")
					at(m, "contests", 1, "rounds", 0)["issued"] = json.Number("1e3")
				})
			},
			want: []problem{ // document order: json.Marshal sorted the keys
				{"contests[0].rounds[0].issued", ballot.ErrOutOfRange},
				{"contests[0].seats", ballot.ErrType},
				{"contests[1].rounds[0].issued", ballot.ErrType},
				{"roster.members.official", ballot.ErrType},
				{"roster.members.present", ballot.ErrOutOfRange},
			},
		},
		{
			name: "impossible-dates", reason: "month 13, and a birth after the reference month",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					at(m, "candidates", 0)["born"] = "1976-13"
					at(m, "candidates", 1)["born"] = "2030-01"
				})
			},
			want: []problem{{"candidates[0].born", ballot.ErrInvalid}, {"candidates[1].born", ballot.ErrConflict}},
		},
		{
			name: "marks", reason: "marks for unknown names, a name marked twice, marks of the wrong form",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					box := at(m, "contests", 0, "rounds", 0, "boxes", 0)
					box["ballots"].([]any)[0] = map[string]any{"struck": []any{"c9"}}
					box["ballots"].([]any)[1] = map[string]any{"struck": []any{"c4"}, "partly_struck": []any{"c4"}}
					box["ballots"].([]any)[2] = map[string]any{"agree": []any{"c1"}}
					sec := at(m, "contests", 1, "rounds", 0, "boxes", 0)
					sec["ballots"].([]any)[0] = map[string]any{"struck": []any{"c1"}, "flags": []any{"stamped"}}
				})
			},
			want: []problem{
				{"contests[1].rounds[0].boxes[0].ballots[0].flags[0]", ballot.ErrInvalid},
				{"contests[0].rounds[0].boxes[0].ballots[0].struck[0]", ballot.ErrUnknown},
				{"contests[0].rounds[0].boxes[0].ballots[1].partly_struck[0]", ballot.ErrDuplicate},
				{"contests[0].rounds[0].boxes[0].ballots[2].agree", ballot.ErrConflict},
				{"contests[1].rounds[0].boxes[0].ballots[0].struck", ballot.ErrConflict},
			},
		},
		{
			name: "paper", reason: "fewer names than seats, a repeated name, an unknown office",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					at(m, "contests", 1)["seats"] = 2
					at(m, "contests", 2)["candidates"] = []any{"c2", "c2"}
					at(m, "contests", 2)["office"] = "president"
				})
			},
			want: []problem{
				{"contests[2].office", ballot.ErrInvalid},
				{"contests[1].candidates", ballot.ErrConflict},
				{"contests[2].candidates[1]", ballot.ErrDuplicate},
			},
		},
		{
			name: "totals", reason: "votes for a name not on the list, a missing name, a reason that is not an invalid one",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					tot := at(m, "contests", 2, "rounds", 0, "totals")
					tot["votes"] = map[string]any{"c3": 9}
					tot["invalid_reasons"] = map[string]any{"valid-rows": 1}
				})
			},
			want: []problem{
				{"contests[2].rounds[0].totals.invalid_reasons.valid-rows", ballot.ErrInvalid},
				{"contests[2].rounds[0].totals.votes.c3", ballot.ErrUnknown},
				{"contests[2].rounds[0].totals.votes.c2", ballot.ErrRequired},
			},
		},
		{
			name: "rounds", reason: "a later round without its paper, a round with neither ballots nor totals, no issued count",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					ct := at(m, "contests", 2)
					ct["rounds"] = append(ct["rounds"].([]any), map[string]any{"issued": 10})
					delete(at(m, "contests", 1, "rounds", 0), "issued")
				})
			},
			want: []problem{
				{"contests[1].rounds[0].issued", ballot.ErrRequired},
				{"contests[2].rounds[1]", ballot.ErrRequired},
			},
		},
		{
			name: "roster", reason: "both kinds of roster; and absences that exceed the absent",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) {
					at(m, "roster")["delegates"] = map[string]any{"official": 5, "present": 5}
				})
			},
			want: []problem{{"roster", ballot.ErrConflict}},
		},
		{
			name: "roster-sums", reason: "more excluded for absence than are absent",
			data: func(t *testing.T) []byte {
				return doc(t, func(m map[string]any) { at(m, "roster", "members")["absent_with_reason"] = 2 })
			},
			want: []problem{{"roster.members", ballot.ErrConflict}},
		},
		{
			name: "null", reason: "null is not a value; leave the field out",
			data: func(t *testing.T) []byte { return doc(t, func(m map[string]any) { m["candidates"] = nil }) },
			want: []problem{
				{"candidates", ballot.ErrType},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ballot.ParseCongress(tt.data(t))
			var list ballot.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("%s: err = %v, want an ErrorList", tt.reason, err)
			}
			var got []problem
			for _, e := range list {
				got = append(got, problem{e.Path, e.Code})
				if e.Detail.VI == "" || e.Detail.EN == "" {
					t.Errorf("%v at %s has no message in both languages: %+v", e.Code, e.Path, e.Detail)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s\nproblems (-want +got):\n%s\nerror: %s", tt.reason, diff, list.Format(ballot.English))
			}
		})
	}
}

// TestErrorsIs checks that a code can be found in a returned error without
// knowing its shape.
func TestErrorsIs(t *testing.T) {
	_, err := ballot.ParseCongress([]byte(`{"format":"kiemphieu.congress/1","name":"x","level":"chi-bo","roster":{"members":{"official":1,"present":1}},"candidates":[{"id":"a","name":"A"},{"id":"a","name":"B"}],"contests":[]}`))
	if !errors.Is(err, ballot.ErrDuplicate) {
		t.Errorf("errors.Is(err, ErrDuplicate) = false for %v", err)
	}
	if errors.Is(err, ballot.ErrUnknown) {
		t.Errorf("errors.Is(err, ErrUnknown) = true for %v", err)
	}
}

// TestMarshalRefusesMalformed checks that nothing malformed leaves the process.
func TestMarshalRefusesMalformed(t *testing.T) {
	c, err := ballot.ParseCongress(readFile(t, "testdata/chibo.json"))
	if err != nil {
		t.Fatal(err)
	}
	c.Contests[0].Seats = 0
	if _, err := json.Marshal(c); !errors.Is(err, ballot.ErrOutOfRange) {
		t.Errorf("Marshal of a contest with 0 seats: err = %v, want out-of-range", err)
	}
}

// TestNewFieldsRoundTrip: the fields added for the 2025–2030 round (the
// opening day, the term, the posts held in the outgoing term, the seats held
// with no vote) are read, kept and written back.
func TestNewFieldsRoundTrip(t *testing.T) {
	doc := `{"format": "kiemphieu.congress/1", "name": "Đại hội Đảng bộ Quốc hội", "level": "province",
	  "opening": "2025-10-16", "term_months": 60,
	  "roster": {"delegates": {"official": 300, "present": 300, "ex_officio": 41, "designated": 259}},
	  "candidates": [{"id": "a", "name": "Nguyễn Văn A", "incumbent": true, "outgoing": ["deputy-secretary", "standing-committee"]},
	                 {"id": "b", "name": "Trần Thị B"}],
	  "contests": [{"id": "pct", "office": "inspection-vice-chair", "seats": 1, "candidates": ["a"]}],
	  "designated": [{"office": "delegates", "id": "b", "by": "Bộ Chính trị", "on": "2025-09"}]}`
	c, err := ballot.ParseCongress([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := ballot.Congress{Opening: ballot.MustDate(2025, 10, 16), TermMonths: 60,
		Designated: []ballot.Designation{{Office: ballot.OfficeDelegates, ID: "b", By: "Bộ Chính trị", On: ballot.Date{Month: ballot.MustMonth(2025, 9)}}}}
	got := ballot.Congress{Opening: c.Opening, TermMonths: c.TermMonths, Designated: c.Designated}
	if d := cmp.Diff(want, got, cmp.AllowUnexported(ballot.Month{})); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if o := c.Candidates[0].Outgoing; o != ballot.OfficesOf(ballot.OfficeDeputySecretary, ballot.OfficeStanding) {
		t.Errorf("outgoing = %v", o)
	}
	if r := c.Roster.Delegates; r.ExOfficio != 41 || r.Designated != 259 {
		t.Errorf("roster = %+v", r)
	}
	enc, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ballot.ParseCongress(enc)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(c, back); d != "" {
		t.Errorf("round trip (-c +back):\n%s", d)
	}

	bad := strings.NewReplacer(`"outgoing": ["deputy-secretary", "standing-committee"]`, `"outgoing": ["deputy-secretary", "deputy-secretary"]`,
		`"id": "b", "by"`, `"id": "zz", "by"`, `"term_months": 60`, `"term_months": 600`, `"ex_officio": 41`, `"ex_officio": 42`,
		`"opening": "2025-10-16"`, `"opening": "2025-02-30"`).Replace(doc)
	_, err = ballot.ParseCongress([]byte(bad))
	var list ballot.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("malformed new fields: err = %v", err)
	}
	gotPaths := map[ballot.Path]ballot.ErrorCode{}
	for _, e := range list {
		gotPaths[e.Path] = e.Code
	}
	wantPaths := map[ballot.Path]ballot.ErrorCode{
		"candidates[0].outgoing[1]": ballot.ErrDuplicate, "designated[0].id": ballot.ErrUnknown,
		"term_months": ballot.ErrOutOfRange, "roster.delegates": ballot.ErrConflict, "opening": ballot.ErrInvalid,
	}
	if d := cmp.Diff(wantPaths, gotPaths); d != "" {
		t.Errorf("problems (-want +got):\n%s", d)
	}
}

// TestValidateDates: a Date built in Go that is no day is malformed input,
// reported at its path, for the opening day and a designation's date.
func TestValidateDates(t *testing.T) {
	c, err := ballot.ParseCongress(readFile(t, "testdata/chibo.json"))
	if err != nil {
		t.Fatal(err)
	}
	c.Opening = ballot.Date{Month: ballot.MustMonth(2025, 2), Day: 30}
	c.Designated = []ballot.Designation{{Office: ballot.OfficeCommittee, ID: c.Candidates[0].ID, On: ballot.Date{Day: 3}}}
	err = c.Validate()
	var list ballot.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Validate: %v", err)
	}
	got := map[ballot.Path]ballot.ErrorCode{}
	for _, e := range list {
		got[e.Path] = e.Code
	}
	want := map[ballot.Path]ballot.ErrorCode{"opening": ballot.ErrInvalid, "designated[0].on": ballot.ErrInvalid}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
