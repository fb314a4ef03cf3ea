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
	f.Add([]byte(`{"format":"kiemphieu.congress/1","name":"x","level":"province","opening":"2025-10-16","term_months":30,"roster":{"delegates":{"official":3,"present":3,"ex_officio":1,"designated":1}},"candidates":[{"id":"a","name":"A","outgoing":["deputy-secretary"]}],"contests":[],"designated":[{"office":"delegates","id":"a","on":"2025-09"}]}`))
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

// FuzzParseDate checks that no text makes the date parser panic, that a
// rejection says why in both languages, and that what it accepts is a real
// day (or month) written back the same.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-04-14", "2025-04", "2024-02-29", "2025-02-29", "2025-13-01", "2025-04-00", "", "2025-4-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ballot.ParseDate(s)
		if err != nil {
			var vi interface{ Vietnamese() string }
			if !errors.As(err, &vi) || vi.Vietnamese() == "" || err.Error() == "" {
				t.Fatalf("rejection without both messages: %v", err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) writes back %q", s, d.String())
		}
		back, err := ballot.NewDate(d.Month.Year(), d.Month.Month(), d.Day)
		if err != nil || back != d {
			t.Fatalf("NewDate disagrees with ParseDate(%q): %v, %v", s, back, err)
		}
	})
}
