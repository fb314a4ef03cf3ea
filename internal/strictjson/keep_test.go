package strictjson

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// kept is a list DecodeKeeping keeps raw; its KeepRaw decodes the raw bytes
// with Decode, so that a kept value must equal the decoded one, and records
// them.
type kept []int

var lastRaw []byte

func (k *kept) KeepRaw(raw []byte) {
	lastRaw = raw
	var v []int
	if len(Decode(raw, &v)) > 0 {
		*k = kept{-1}
		return
	}
	*k = v
}

type keepTarget struct {
	A int         `json:"a"`
	K kept        `json:"k"`
	L []kept      `json:"l"`
	O *keepTarget `json:"o"`
}

// TestDecodeKeeping: values kept raw are handed over exactly, brackets in
// strings included, and the problems outside them are reported as Decode
// reports them.
func TestDecodeKeeping(t *testing.T) {
	for _, tc := range []struct {
		why, in string
		raw     string // the last value kept
		kinds   []Kind // the problems of DecodeKeeping
	}{
		{"well formed", `{"a":1,"k":[1,2,3],"l":[[4],[]],"o":{"k":[5]}}`, `[5]`, nil},
		{"an unknown field outside", `{"x":1,"k":[1]}`, `[1]`, []Kind{UnknownField}},
		{"a wrong type inside is the reader's", `{"k":[1,"a"]}`, `[1,"a"]`, nil},
		{"brackets in strings", `{"k":["]}\"]",1]}`, `["]}\"]",1]`, nil},
		{"unterminated", `{"k":[1,2`, ``, []Kind{Syntax}},
		{"a scalar is checked", `{"k":tru}`, ``, []Kind{Syntax}},
		{"null is kept", `{"k":null}`, `null`, nil},
	} {
		lastRaw = nil
		var v keepTarget
		var kinds []Kind
		for _, p := range DecodeKeeping([]byte(tc.in), &v) {
			kinds = append(kinds, p.Kind)
		}
		if diff := cmp.Diff(tc.kinds, kinds); diff != "" {
			t.Errorf("%s: problems (-want +got):\n%s", tc.why, diff)
		}
		if string(lastRaw) != tc.raw {
			t.Errorf("%s: kept %q, want %q", tc.why, lastRaw, tc.raw)
		}
	}
}

// FuzzDecodeKeeping: on any input Decode accepts, DecodeKeeping accepts it
// too and gives the same value, its kept values read back by Decode.
func FuzzDecodeKeeping(f *testing.F) {
	for _, s := range []string{`{"a":1,"k":[1,2,3],"l":[[4],[]],"o":{"k":[5]}}`, `{"k":["]",1]}`, `{"o":{"o":{"l":[[1]]}}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want, got keepTarget
		if len(Decode(data, &want)) > 0 {
			DecodeKeeping(data, &got) // must not panic
			return
		}
		if p := DecodeKeeping(data, &got); len(p) > 0 {
			t.Fatalf("DecodeKeeping rejects what Decode accepts: %v", p)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("kept values differ (-Decode +DecodeKeeping):\n%s", diff)
		}
	})
}
