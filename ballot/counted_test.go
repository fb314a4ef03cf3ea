package ballot_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/tally"
	"pgregory.net/rapid"
)

// agree checks that the counting decoder and the reference decoder
// (ParseCongress, which keeps every ballot) agree exactly on data: the same
// errors, or the same congress once the reference's ballots are counted,
// and the same count of it by package tally. It reports whether data is
// well formed.
func agree(t interface {
	Helper()
	Fatalf(string, ...any)
}, data []byte) bool {
	t.Helper()
	ref, refErr := ballot.ParseCongress(data)
	got, err := ballot.ParseCongressCounted(data)
	fast, fastOK := ballot.ParseCountedOnePass(data)
	if refErr != nil {
		if err == nil {
			t.Fatalf("the counting decoder accepts what the reference rejects: %v\n%s", refErr, data)
		}
		if fastOK {
			t.Fatalf("the one-pass reading accepts what the reference rejects: %v\n%s", refErr, data)
		}
		var want, have ballot.ErrorList
		if !errors.As(refErr, &want) || !errors.As(err, &have) {
			t.Fatalf("not ErrorLists: %v / %v", refErr, err)
		}
		if diff := cmp.Diff(want, have); diff != "" {
			t.Fatalf("errors differ (-reference +counted):\n%s\n%s", diff, data)
		}
		return false
	}
	if err != nil {
		t.Fatalf("the counting decoder rejects what the reference accepts: %v\n%s", err, data)
	}
	want, err := ref.CountBoxes()
	if err != nil {
		t.Fatalf("CountBoxes of an accepted congress: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("counted congress differs (-reference +counted):\n%s\n%s", diff, data)
	}
	// The one pass reads every well-formed document but those with an
	// escape, which ParseCongress then reads.
	if !bytes.Contains(data, []byte(`\`)) {
		if !fastOK {
			t.Fatalf("the one-pass reading declines a well-formed document:\n%s", data)
		}
		if diff := cmp.Diff(want, fast); diff != "" {
			t.Fatalf("one-pass congress differs (-reference +one pass):\n%s", diff)
		}
	}
	for _, lists := range []bool{false, true} {
		opt := tally.Options{CheckLists: lists}
		wantRes, wantErr := tally.Count(ref, opt)
		gotRes, gotErr := tally.Count(got, opt)
		if diff := cmp.Diff(wantErr, gotErr, cmp.Comparer(func(a, b error) bool { return a.Error() == b.Error() })); diff != "" {
			t.Fatalf("tally.Count errors differ (-ballots +counted):\n%s", diff)
		}
		if diff := cmp.Diff(wantRes, gotRes); diff != "" {
			t.Fatalf("tally.Count differs (-ballots +counted):\n%s", diff)
		}
	}
	return true
}

// mutations break (or, for some, keep well formed) a document's ballots and
// boxes the ways people and programs get them wrong. Each is applied to one
// occurrence of its pattern.
var mutations = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`"struck":\[`), `"struck":["zz",`},                                // an unknown id
	{regexp.MustCompile(`"struck":\["([^"]+)"`), `"struck":["$1","$1"`},                   // a row struck twice
	{regexp.MustCompile(`"struck":\["([^"]+)"`), `"struck":["$1"],"partly_struck":["$1"`}, // two marks on a row
	{regexp.MustCompile(`"struck":\[`), `"agree":[`},                                      // a mark of the other form
	{regexp.MustCompile(`"agree":\[`), `"struck":[`},
	{regexp.MustCompile(`"agree":\[`), `"both":[`},
	{regexp.MustCompile(`"disagree":\[`), `"agree":[`},
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"flags":["signed"],"flags":[]},`},       // a repeated key
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"flags":["bogus"]},`},                   // an unknown flag
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"flags":["signed","signed"]},`},         // a flag twice
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"flags":["written-in","not-issued"]},`}, // well formed
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"x":1},`},                               // an unknown field
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"struck":null},`},                       // null
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"struck":"c1"},`},                       // a string for a list
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{"struck":[1]},`},                        // a number for an id
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[[],`},                                    // an array for a ballot
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[{},`},                                    // an empty ballot: well formed
	{regexp.MustCompile(`"ballots":\[`), `"ballots":null,"y":[`},
	{regexp.MustCompile(`"ballots":\[`), `"ballots":[],"ballots":[`},
	{regexp.MustCompile(`"name":"Hòm`), `"name":" Hòm`},                      // a name with a leading space
	{regexp.MustCompile(`"name":"Hòm`), `"name":"H\u00f2m`},                  // an escape: well formed
	{regexp.MustCompile(`"struck":\["`), `"struck":["\u0063`},                // an escape in an id
	{regexp.MustCompile(`\{"name":"Hòm[^"]*",`), `{`},                        // a box without a name
	{regexp.MustCompile(`"boxes":\[`), `"boxes":[{"name":"Hòm phiếu phụ"},`}, // a box without ballots: well formed
	{regexp.MustCompile(`"boxes":\[`), `"boxes":[],"boxes":[`},
	{regexp.MustCompile(`"boxes":\[`), `"boxes":null,"z":[`},
	{regexp.MustCompile(`"boxes":\[`), `"boxes":[1,`},
	{regexp.MustCompile(`"issued":\d+`), `"issued":-1`},
	{regexp.MustCompile(`"seats":\d+`), `"seats":0`},
	{regexp.MustCompile(`"ballot_policy":\{`), `"ballot_policy":{"accept_signed":false,`},
	{regexp.MustCompile(`\]\}`), `]`},   // a syntax error
	{regexp.MustCompile(`\}\]`), `}]]`}, // trailing data
	{regexp.MustCompile(`"\]`), `"`},    // an unclosed array
}

func mutate(t *rapid.T, data []byte) []byte {
	m := mutations[rapid.IntRange(0, len(mutations)-1).Draw(t, "mutation")]
	locs := m.re.FindAllSubmatchIndex(data, -1)
	if len(locs) == 0 {
		return data
	}
	loc := locs[rapid.IntRange(0, len(locs)-1).Draw(t, "occurrence")]
	var out []byte
	out = append(out, data[:loc[0]]...)
	out = m.re.Expand(out, []byte(m.repl), data, loc)
	return append(out, data[loc[1]:]...)
}

// TestCountedAgreesWithReference: on generated congresses, well formed or
// broken by up to three mutations, the counting decoder and the reference
// agree exactly.
func TestCountedAgreesWithReference(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := ballottest.Congress().Draw(t, "congress")
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		for range rapid.IntRange(0, 3).Draw(t, "mutations") {
			data = mutate(t, data)
		}
		agree(t, data)
	})
}

// FuzzParseCongressCounted: on any input, the counting decoder and the
// reference agree exactly.
func FuzzParseCongressCounted(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(generated(f, 40, 10))
	f.Add([]byte(`{"format":"kiemphieu.congress/1","contests":[{"rounds":[{"boxes":[{"name":"a","ballots":[{}]}]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, data)
	})
}

// TestCountedSamples: the documents of the repository and generated ones
// are well formed and counted alike by both decoders.
func TestCountedSamples(t *testing.T) {
	names, _ := filepath.Glob("testdata/*.json")
	names = append(names, "../examples/congress/sample.json", "../examples/station/congress.json")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !agree(t, data) {
			t.Errorf("%s is not well formed", name)
		}
	}
	for _, size := range []struct{ n, names int }{{0, 10}, {1, 12}, {5001, 60}, {700, 200}} {
		if !agree(t, generated(t, size.n, size.names)) {
			t.Errorf("the generated document of %d × %d is not well formed", size.n, size.names)
		}
	}
}

// TestCountedErrors: the counting decoder reports a broken ballot at its
// path with its code, as the reference does.
func TestCountedErrors(t *testing.T) {
	doc, err := os.ReadFile("testdata/chibo.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		why      string
		old, new string
		path     ballot.Path
		code     ballot.ErrorCode
	}{
		{"an id not on the paper", `{ "struck": ["c3"] }`, `{ "struck": ["c9"] }`, "contests[0].rounds[0].boxes[0].ballots[2].struck[0]", ballot.ErrUnknown},
		{"a row struck twice", `{ "struck": ["c3"] }`, `{ "struck": ["c3", "c3"] }`, "contests[0].rounds[0].boxes[0].ballots[2].struck[1]", ballot.ErrDuplicate},
		{"an agree mark on a cross-out paper", `{ "struck": ["c3"] }`, `{ "agree": ["c3"] }`, "contests[0].rounds[0].boxes[0].ballots[2].agree", ballot.ErrConflict},
		{"an unknown flag", `"flags": ["signed"]`, `"flags": ["sined"]`, "contests[0].rounds[0].boxes[0].ballots[9].flags[0]", ballot.ErrInvalid},
		{"an unknown field", `{ "struck": ["c3"] }`, `{ "strike": ["c3"] }`, "contests[0].rounds[0].boxes[0].ballots[2].strike", ballot.ErrUnknownField},
		{"null for a list", `{ "struck": ["c3"] }`, `{ "struck": null }`, "contests[0].rounds[0].boxes[0].ballots[2].struck", ballot.ErrType},
		{"a repeated key", `{ "disagree": ["c1"] }`, `{ "disagree": ["c1"], "disagree": [] }`, "contests[1].rounds[0].boxes[0].ballots[8].disagree", ballot.ErrDuplicate},
		{"a box without a name", `"name": "Hòm phiếu số 1",`, ``, "contests[0].rounds[0].boxes[0].name", ballot.ErrRequired},
	} {
		data := []byte(strings.Replace(string(doc), tc.old, tc.new, 1))
		if string(data) == string(doc) {
			t.Fatalf("%s: %q not in the document", tc.why, tc.old)
		}
		_, err := ballot.ParseCongressCounted(data)
		var list ballot.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("%s: want an ErrorList, got %v", tc.why, err)
		}
		found := false
		for _, e := range list {
			found = found || e.Path == tc.path && e.Code == tc.code
		}
		if !found {
			t.Errorf("%s: want %v at %s, got %v", tc.why, tc.code, tc.path, list)
		}
		agree(t, data)
	}
}

// TestCountedChiBo: the counts of the sample chi bộ, as the minutes give
// them.
func TestCountedChiBo(t *testing.T) {
	data, err := os.ReadFile("testdata/chibo.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ballot.ParseCongressCounted(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []*ballot.Counted{
		// {} leaves four names for three seats.
		{Reasons: []ballot.ReasonCount{{Reason: ballot.TooManyStanding, Count: 1}, {Reason: ballot.AllStruck, Count: 1},
			{Reason: ballot.Signed, Count: 1}, {Reason: ballot.ValidStanding, Count: 7}},
			Votes: []int{6, 6, 6, 2}},
		{Reasons: []ballot.ReasonCount{{Reason: ballot.ValidOneBox, Count: 9}, {Reason: ballot.BothBoxes, Count: 1}},
			Votes: []int{8}},
	}
	for i, w := range want {
		box := c.Contests[i].Rounds[0].Boxes[0]
		if diff := cmp.Diff(ballot.Box{Name: "Hòm phiếu số 1", Counted: w}, box); diff != "" {
			t.Errorf("contest %d (-want +got):\n%s", i, diff)
		}
	}
	if _, err := json.Marshal(c); err == nil {
		t.Errorf("a congress whose ballots are counted encodes, without them")
	}
}

// TestCountedAllocatesNothingPerBallot: reading a box of 4,000 ballots
// allocates as much as reading a box of 10.
func TestCountedAllocatesNothingPerBallot(t *testing.T) {
	allocs := func(n int) float64 {
		data := generated(t, n, 60)
		return testing.AllocsPerRun(5, func() {
			if _, err := ballot.ParseCongressCounted(data); err != nil {
				t.Fatal(err)
			}
		})
	}
	if few, many := allocs(10), allocs(4000); many != few {
		t.Errorf("10 ballots: %v allocations; 4,000 ballots: %v", few, many)
	}
}
