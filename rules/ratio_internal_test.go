package rules

import (
	"fmt"
	"math/big"
	"testing"

	"pgregory.net/rapid"
)

// TestParseSimple checks the fast path of ParseRatio against math/big on
// the forms it takes, and that it declines everything else.
func TestParseSimple(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.Int64Range(0, 2_000_000_000).Draw(t, "a")
		b := rapid.Int64Range(0, 2_000_000_000).Draw(t, "b")
		var text string
		var want *big.Rat
		switch rapid.IntRange(0, 2).Draw(t, "form") {
		case 0:
			text, want = fmt.Sprint(a), big.NewRat(a, 1)
		case 1:
			text, want = fmt.Sprintf("%d%%", a), big.NewRat(a, 100)
		default:
			text = fmt.Sprintf("%d/%d", a, b)
			if b != 0 {
				want = big.NewRat(a, b)
			}
		}
		r, ok := parseSimple(text)
		if !ok {
			return // declined: ParseRatio reads it in full
		}
		if want == nil || want.Sign() == 0 || big.NewRat(r.num, r.Den()).Cmp(want) != 0 {
			t.Fatalf("parseSimple(%q) = %d/%d, want %v", text, r.num, r.Den(), want)
		}
	})
	for _, s := range []string{"", "0", "15.5%", "1/0", "0/5", " 15%", "15 %", "1e3", "-1", "1234567890", "12%x"} {
		if r, ok := parseSimple(s); ok {
			t.Errorf("parseSimple(%q) = %v, want declined", s, r)
		}
	}
}
