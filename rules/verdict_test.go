package rules_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/rules"
	"pgregory.net/rapid"
)

// TestVerdictJSON checks the verdict round trip on verdicts of generated
// congresses, and that the same congress gives the same bytes.
func TestVerdictJSON(t *testing.T) {
	g := rules.QD190()
	g.Quotas = rules.CT35Quotas()
	rapid.Check(t, func(t *rapid.T) {
		c := ballottest.Congress().Draw(t, "congress")
		v, err := g.Check(c)
		if err != nil {
			// generated personnel data may lack a sex or a birth month
			var list ballot.ErrorList
			if !errors.As(err, &list) || !errors.Is(err, ballot.ErrRequired) {
				t.Fatalf("Check: %v", err)
			}
			return
		}
		enc, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		back, err := rules.ParseVerdict(enc)
		if err != nil {
			t.Fatalf("ParseVerdict: %v\n%s", err, enc)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Fatalf("(-v +back):\n%s", diff)
		}
		v2, _ := g.Check(c)
		enc2, _ := json.Marshal(v2)
		if string(enc) != string(enc2) {
			t.Fatal("the same congress gave different bytes")
		}
	})
}

func TestParseVerdictMalformed(t *testing.T) {
	tests := []struct {
		name, reason, in string
		want             []ballot.Path
	}{
		{"format", "another format", `{"format":"x","regime":"r","findings":[]}`, []ballot.Path{"format"}},
		{"unknown-rule", "a rule code that does not exist", `{"format":"kiemphieu.verdict/1","regime":"r","findings":[{"rule":"no-such","path":"","outcome":"pass","bound":{"cmp":"at-least","limit":"1","unit":"count"},"count":1,"source":""}]}`,
			[]ballot.Path{"findings[0].rule"}},
		{"missing", "a finding without outcome and bound", `{"format":"kiemphieu.verdict/1","regime":"r","findings":[{"rule":"quota","path":"","count":1,"source":""}]}`,
			[]ballot.Path{"findings[0].outcome", "findings[0].bound"}},
		{"negative", "a negative base", `{"format":"kiemphieu.verdict/1","regime":"r","findings":[{"rule":"quota","path":"","outcome":"pass","bound":{"cmp":"at-least","limit":"15%","unit":"share"},"count":1,"base":-3,"source":""}]}`,
			[]ballot.Path{"findings[0].base"}},
	}
	for _, tt := range tests {
		_, err := rules.ParseVerdict([]byte(tt.in))
		var list ballot.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("%s: err = %v", tt.name, err)
		}
		var got []ballot.Path
		for _, e := range list {
			got = append(got, e.Path)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (%s): (-want +got):\n%s", tt.name, tt.reason, diff)
		}
	}
}

// FuzzParseVerdict checks that no input makes the verdict decoder panic and
// that what it accepts survives a round trip.
func FuzzParseVerdict(f *testing.F) {
	v, err := rules.QD190().Check(congress(ballot.LevelChiBo, 4, contest(ballot.OfficeCommittee, 3, 4)))
	if err != nil {
		f.Fatal(err)
	}
	seed, _ := json.Marshal(v)
	f.Add(seed)
	f.Add([]byte(`{"format":"kiemphieu.verdict/1","regime":"","findings":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := rules.ParseVerdict(data)
		if err != nil {
			return
		}
		enc, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		back, err := rules.ParseVerdict(enc)
		if err != nil {
			t.Fatalf("re-decoding: %v\n%s", err, enc)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Fatalf("(-v +back):\n%s", diff)
		}
	})
}
