package ballot_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
)

// FuzzParseCongress checks that no input makes the decoder panic, that every
// rejection is an ErrorList whose problems all have a code and a message in
// both languages, and that whatever it accepts survives an encode/decode
// round trip unchanged, with a stable encoding.
func FuzzParseCongress(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format":"kiemphieu.congress/1","name":"x","level":"chi-bo","roster":{"members":{"official":1,"present":1}},"candidates":[],"contests":[]}`))
	f.Add([]byte(`{"format":"kiemphieu.congress/1","contests":[{"rounds":[{"totals":{"votes":{"a":-1}}}]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ballot.ParseCongress(data)
		if err != nil {
			var list ballot.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("rejection is not a non-empty ErrorList: %T %v", err, err)
			}
			for _, e := range list {
				if e.Code == 0 || e.Detail.VI == "" || e.Detail.EN == "" {
					t.Fatalf("problem without code or message: %+v", e)
				}
			}
			return
		}
		enc, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("an accepted document does not encode: %v", err)
		}
		back, err := ballot.ParseCongress(enc)
		if err != nil {
			t.Fatalf("the encoding of an accepted document is rejected: %v\n%s", err, enc)
		}
		if diff := cmp.Diff(c, back); diff != "" {
			t.Fatalf("decode(encode(c)) != c (-c +back):\n%s", diff)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(enc) {
			t.Fatalf("encoding not stable:\n%s\n%s", enc, again)
		}
	})
}

// FuzzParseMonth checks that ParseMonth never panics and that what it accepts
// prints back to the same text.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"1971-12", "0001-01", "9999-12", "2025-13", "2025-1", "", "abcd-ef"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ballot.ParseMonth(s)
		if err != nil {
			return
		}
		if m.String() != s {
			t.Fatalf("ParseMonth(%q).String() = %q", s, m.String())
		}
	})
}
