package strictjson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

type month struct{ n int }

func (m *month) UnmarshalText(b []byte) error {
	n, err := strconv.Atoi(string(b))
	if err != nil || n < 1 || n > 12 {
		return fmt.Errorf("bad month %q", b)
	}
	m.n = n
	return nil
}

type inner struct {
	Seats int `json:"seats"`
}

type target struct {
	inner
	Name  string         `json:"name"`
	Count uint8          `json:"count"`
	OK    bool           `json:"ok"`
	List  []int          `json:"list"`
	Opt   *int           `json:"opt"`
	Votes map[string]int `json:"votes"`
	Born  month          `json:"born"`
	Skip  int            `json:"-"`
}

type got struct {
	Path string
	Kind Kind
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		in     string
		want   []got
	}{
		{"clean", "every supported kind of field decodes", `{"seats":3,"name":"a","count":255,"ok":true,"list":[1,2],"opt":null,"votes":{"a":1},"born":"12"}`, nil},
		{"unknown", "unknown fields are reported and their values skipped, however nested", `{"nme":"a","deep":{"x":[{"y":[]}]},"name":"b"}`, []got{{"nme", UnknownField}, {"deep", UnknownField}}},
		{"case", "field names match exactly, unlike encoding/json", `{"Name":"a"}`, []got{{"Name", UnknownField}}},
		{"ignored-field", `a field tagged "-" is not in the format`, `{"-":1,"Skip":1}`, []got{{"-", UnknownField}, {"Skip", UnknownField}}},
		{"duplicate", "a repeated key is reported, the first value kept", `{"name":"a","name":"b"}`, []got{{"name", DuplicateKey}}},
		{"duplicate-map-key", "a repeated map key is reported", `{"votes":{"a":1,"a":2}}`, []got{{"votes.a", DuplicateKey}}},
		{"types", "each wrong type is reported and decoding goes on", `{"name":1,"ok":"yes","list":{"a":1},"seats":[1]}`, []got{{"name", Type}, {"ok", Type}, {"list", Type}, {"seats", Type}}},
		{"fraction", "an integer written as a fraction or with an exponent is a type error", `{"seats":2.5,"list":[1e2]}`, []got{{"seats", Type}, {"list[0]", Type}}},
		{"range", "integers beyond the target's range", `{"count":256,"seats":99999999999999999999,"list":[-1]}`, []got{{"count", Range}, {"seats", Range}}},
		{"unsigned-negative", "a negative value for an unsigned field", `{"count":-1}`, []got{{"count", Range}}},
		{"null", "null only for pointers", `{"name":null,"opt":null}`, []got{{"name", Null}}},
		{"text", "a rejected text value keeps its path", `{"born":"13"}`, []got{{"born", Value}}},
		{"text-type", "a text value given as a number", `{"born":12}`, []got{{"born", Type}}},
		{"map-keys-path", "keys that are not identifiers are quoted in paths", `{"votes":{"a b":"x"}}`, []got{{`votes["a b"]`, Type}}},
		{"syntax", "a syntax error ends decoding and is reported once", `{"name":"a",}`, []got{{"", Syntax}}},
		{"trailing", "data after the document", `{} {}`, []got{{"", Syntax}}},
		{"empty", "no document at all", ``, []got{{"", Syntax}}},
		{"utf8", "invalid UTF-8 is refused, not replaced", "{\"name\":\"\xff\"}", []got{{"", Syntax}}},
		{"top-type", "the document must be an object", `[1]`, []got{{"", Type}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v target
			var out []got
			for _, p := range Decode([]byte(tt.in), &v) {
				out = append(out, got{p.Path, p.Kind})
				if p.EN == "" || p.VI == "" {
					t.Errorf("problem without a message in both languages: %+v", p)
				}
			}
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestDecodeValues checks what lands in the target, embedded fields included.
func TestDecodeValues(t *testing.T) {
	var v target
	if p := Decode([]byte(`{"seats":3,"name":"Lò Văn Chiến","list":[],"votes":{"c1":7},"born":"4","opt":5}`), &v); p != nil {
		t.Fatal(p)
	}
	five := 5
	want := target{inner: inner{Seats: 3}, Name: "Lò Văn Chiến", List: []int{}, Votes: map[string]int{"c1": 7}, Born: month{4}, Opt: &five}
	if diff := cmp.Diff(want, v, cmp.AllowUnexported(target{}, month{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTooMany checks that an input made of problems stops at MaxProblems.
func TestTooMany(t *testing.T) {
	in := "{"
	for i := range MaxProblems + 50 {
		if i > 0 {
			in += ","
		}
		in += fmt.Sprintf(`"x%d":1`, i)
	}
	in += "}"
	var v target
	p := Decode([]byte(in), &v)
	if len(p) != MaxProblems+1 || p[len(p)-1].Kind != TooMany {
		t.Errorf("got %d problems, last %v; want %d then TooMany", len(p), p[len(p)-1].Kind, MaxProblems)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\ncd\ne")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 3, 1}, {99, 3, 2}} {
		if l, c := lineCol(data, tt.off); l != tt.line || c != tt.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

type fuzzTarget struct {
	A int              `json:"a"`
	B string           `json:"b"`
	C []fuzzTarget     `json:"c"`
	M map[string]uint8 `json:"m"`
	P *bool            `json:"p"`
	T month            `json:"t"`
}

// FuzzDecode checks the parser against encoding/json: on any UTF-8 input
// within the depth limit, Decode reports a syntax error exactly when
// json.Valid rejects the input; and it never panics.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1,"b":"x","c":[{"a":2}],"m":{"k":3},"p":true,"t":"5"}`, `[1,2]`, `{"a":"\ud83d\ude00"}`,
		`{"b":"\u00e9\n"}`, `{"a":-0}`, `{"a":1e5}`, `{"a":01}`, `{"a":1.}`, `{"x":[[[]]]}`, ` {"a" : 1 } `, `{"a":1}x`, `"str"`, `nul`, `{"b":"\x"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v fuzzTarget
		problems := Decode(data, &v)
		if !utf8.Valid(data) || bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > MaxDepth {
			return
		}
		syntax, tooMany := false, false
		for _, p := range problems {
			syntax = syntax || p.Kind == Syntax
			tooMany = tooMany || p.Kind == TooMany
		}
		if tooMany {
			return
		}
		if syntax == json.Valid(data) {
			t.Fatalf("syntax error reported: %v; json.Valid: %v; problems %v", syntax, json.Valid(data), problems)
		}
	})
}
