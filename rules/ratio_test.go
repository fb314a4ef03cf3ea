package rules_test

import (
	"math/big"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"pgregory.net/rapid"
)

func TestParseRatio(t *testing.T) {
	tests := []struct {
		in       string
		reason   string
		num, den int64
		canon    string
	}{
		{"15%", "a percentage", 3, 20, "15%"},
		{"15 %", "Vietnamese writes a space before %", 3, 20, "15%"},
		{"12,5%", "a decimal comma", 1, 8, "12.5%"},
		{"0.3", "a decimal", 3, 10, "30%"},
		{"0,3", "a decimal with a comma", 3, 10, "30%"},
		{"1/3", "a fraction that is no finite decimal", 1, 3, "1/3"},
		{"2/6", "a fraction is kept in lowest terms", 1, 3, "1/3"},
		{"150%", "more than the whole", 3, 2, "150%"},
		{"0.000001", "a millionth", 1, 1_000_000, "0.0001%"},
	}
	for _, tt := range tests {
		r, err := rules.ParseRatio(tt.in)
		if err != nil || r.Num() != tt.num || r.Den() != tt.den || r.String() != tt.canon {
			t.Errorf("ParseRatio(%q) (%s) = %d/%d %q, %v; want %d/%d %q", tt.in, tt.reason, r.Num(), r.Den(), r.String(), err, tt.num, tt.den, tt.canon)
		}
	}
	for _, bad := range []string{"", "0", "0%", "-15%", "abc", "1/0", "1e3", "15%%", "1/3%x", "99999999999999/3"} {
		if r, err := rules.ParseRatio(bad); err == nil {
			t.Errorf("ParseRatio(%q) = %v, want an error", bad, r)
		}
	}
}

// TestPercent checks the percentage display on the published figures of
// rules.md §6–7, in both rounding modes.
func TestPercent(t *testing.T) {
	tests := []struct {
		part, whole int64
		reason      string
		mode        rules.Rounding
		vi, en      string
	}{
		{5, 35, "HD 03: 40 names for 35 seats, surplus 5/35, truncated", rules.Truncate, "14,28 %", "14.28%"},
		{5, 35, "the same, half up", rules.HalfUp, "14,29 %", "14.29%"},
		{15, 69, "state-election guidance: 15/69 half up", rules.HalfUp, "21,74 %", "21.74%"},
		{15, 69, "the same, truncated", rules.Truncate, "21,73 %", "21.73%"},
		{80, 163, "Bắc Trà My 2020: 80 of 163 ethnic minority, truncated", rules.Truncate, "49,07 %", "49.07%"},
		{28, 163, "Bắc Trà My 2020: surplus 28/163 reported as 17,17 %", rules.Truncate, "17,17 %", "17.17%"},
		{28, 163, "the same, half up, would print 17,18 %", rules.HalfUp, "17,18 %", "17.18%"},
		{49, 163, "Bắc Trà My 2020: 49 women", rules.Truncate, "30,06 %", "30.06%"},
		{1, 2, "exactly a half stays exact", rules.HalfUp, "50,00 %", "50.00%"},
		{1, 8, "12.5 % to two places", rules.HalfUp, "12,50 %", "12.50%"},
		{1, 200, "a half at the last place rounds up", rules.HalfUp, "0,50 %", "0.50%"},
		{1, 30000, "0.00333… truncated to 0,00", rules.Truncate, "0,00 %", "0.00%"},
		{1, 0, "no base: zero, not a panic", rules.Truncate, "0,00 %", "0.00%"},
	}
	for _, tt := range tests {
		p := rules.Percent(tt.part, tt.whole, 2, tt.mode)
		if vi, en := rules.FormatPercent(p, 2, ballot.Vietnamese), rules.FormatPercent(p, 2, ballot.English); vi != tt.vi || en != tt.en {
			t.Errorf("%d/%d %v (%s) = %q / %q, want %q / %q", tt.part, tt.whole, tt.mode, tt.reason, vi, en, tt.vi, tt.en)
		}
	}
	// 22,566 % rounds half up to 22,57 % (state-election guidance).
	if got := rules.FormatPercent(rules.Percent(22566, 100000, 2, rules.HalfUp), 2, ballot.Vietnamese); got != "22,57 %" {
		t.Errorf("22,566 %% half up = %q", got)
	}
}

// oracle decides "part/whole cmp limit" (or "part cmp limit" for a count)
// with math/big.Rat, the reference every Bound decision must equal.
func oracle(b rules.Bound, part, whole int) bool {
	v := big.NewRat(int64(part), 1)
	if b.Unit == rules.OfShare {
		if whole <= 0 {
			return false
		}
		v = big.NewRat(int64(part), int64(whole))
	}
	c := v.Cmp(b.Limit.Rat())
	switch b.Cmp {
	case rules.AtLeast:
		return c >= 0
	case rules.MoreThan:
		return c > 0
	case rules.AtMost:
		return c <= 0
	case rules.Exactly:
		return c == 0
	}
	return c < 0
}

func boundGen() *rapid.Generator[rules.Bound] {
	return rapid.Custom(func(t *rapid.T) rules.Bound {
		cmp := rules.Comparison(rapid.IntRange(1, 5).Draw(t, "cmp"))
		if rapid.Bool().Draw(t, "share") {
			// ratios near the real limits (10 %, 15 %, 30 %, 1/3), and any
			den := rapid.SampledFrom([]int64{3, 10, 20, 100, 7, 1000, 163}).Draw(t, "den")
			num := rapid.Int64Range(1, 2*den).Draw(t, "num")
			r, _ := rules.NewRatio(num, den)
			return rules.Share(cmp, r)
		}
		return rules.Count(cmp, rapid.IntRange(0, 60).Draw(t, "n"))
	})
}

// TestBoundOracle checks that every surplus, gate and quota decision equals
// the big.Rat oracle, with the counts drawn around the boundary, and that Fix
// names exactly the smallest change that meets the bound.
func TestBoundOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		b := boundGen().Draw(t, "bound")
		whole := rapid.IntRange(1, 2000).Draw(t, "whole")
		// near the boundary: limit·whole ± a little
		pivot := int(b.Limit.Num() * int64(whole) / b.Limit.Den()) // ⌊limit·whole⌋
		if b.Unit == rules.OfCount {
			pivot = int(b.Limit.Num())
		}
		part := max(0, pivot+rapid.IntRange(-3, 3).Draw(t, "delta"))
		if got, want := b.Holds(part, whole), oracle(b, part, whole); got != want {
			t.Fatalf("%v: Holds(%d, %d) = %v, oracle %v", b, part, whole, got, want)
		}
		needed, excess := b.Fix(part, whole)
		switch {
		case needed > 0 && b.Cmp == rules.Exactly:
			// a share no whole count equals: the nearest count above is named
			if !oracle(b, part+needed, whole) && b.Unit == rules.OfCount {
				t.Fatalf("%v at %d/%d: needed %d does not meet the bound", b, part, whole, needed)
			}
		case needed > 0:
			if !oracle(b, part+needed, whole) || oracle(b, part+needed-1, whole) {
				t.Fatalf("%v at %d/%d: needed %d is not the smallest fix", b, part, whole, needed)
			}
		case excess > 0 && b.Cmp == rules.Exactly:
			// a share bounded Exactly may have no whole count that meets it
			if b.Unit == rules.OfCount && !oracle(b, part-excess, whole) {
				t.Fatalf("%v at %d/%d: excess %d does not meet the bound", b, part, whole, excess)
			}
		case excess > 0:
			if part-excess >= 0 && (!oracle(b, part-excess, whole) || oracle(b, part-excess+1, whole)) {
				t.Fatalf("%v at %d/%d: excess %d is not the smallest fix", b, part, whole, excess)
			}
		default:
			if !oracle(b, part, whole) {
				t.Fatalf("%v at %d/%d: no fix reported for a bound that fails", b, part, whole)
			}
		}
	})
}

// TestSurplusOracle checks the surplus rules of QD190 against the oracle on
// random lists: the 30 % cap, the 3–5 seat rule, and a 15 % minimum.
func TestSurplusOracle(t *testing.T) {
	g := rules.QD190()
	g.Lists = append(g.Lists, rules.ListRule{Rule: rules.SurplusMin, Offices: ballot.OfficesOf(ballot.OfficeCommittee),
		Bound: rules.Share(rules.AtLeast, rules.MustRatio("15%")), Severity: rules.Fail})
	rapid.Check(t, func(t *rapid.T) {
		seats := rapid.IntRange(1, 60).Draw(t, "seats")
		n := seats + rapid.IntRange(0, seats/2+2).Draw(t, "surplus")
		v, err := g.Check(congress(ballot.LevelProvince, n, contest(ballot.OfficeCommittee, seats, n)))
		if err != nil {
			t.Fatal(err)
		}
		s := n - seats
		small := seats >= 3 && seats <= 5
		want := map[rules.RuleID]bool{
			rules.SurplusRequired: s >= 1,
			rules.SurplusMin:      big.NewRat(int64(s), int64(seats)).Cmp(big.NewRat(15, 100)) >= 0,
		}
		if small {
			want[rules.SurplusSmallBody] = s <= 1
		} else {
			want[rules.SurplusMax] = big.NewRat(int64(s), int64(seats)).Cmp(big.NewRat(30, 100)) <= 0
		}
		for rule, ok := range want {
			f, found := find(v, rule)
			if !found || (f.Outcome == rules.Pass) != ok {
				t.Fatalf("%d for %d seats: %v = %+v (found %v), oracle says pass=%v", n, seats, rule, f.Outcome, found, ok)
			}
		}
		if _, found := find(v, rules.SurplusMax); found && small {
			t.Fatalf("the 30 %% cap evaluated for %d seats", seats)
		}
	})
}

// TestGateOracle checks the nominee gate against the oracle: more than 30 %
// of attendees.
func TestGateOracle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		attending := rapid.IntRange(1, 2000).Draw(t, "attending")
		agree := rapid.IntRange(0, attending).Draw(t, "agree")
		want := big.NewRat(int64(agree), int64(attending)).Cmp(big.NewRat(3, 10)) > 0
		// agree·10 > attending·3 exactly, as rules.md §2 states it
		if want != (agree*10 > attending*3) {
			t.Fatalf("the oracle disagrees with the integer form")
		}
		if got := rules.QD190().Nomination.Gate.Holds(agree, attending); got != want {
			t.Fatalf("gate(%d of %d) = %v, want %v", agree, attending, got, want)
		}
	})
}

func TestRatioTextRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r, err := rules.NewRatio(rapid.Int64Range(1, 1_000_000).Draw(t, "num"), rapid.Int64Range(1, 1_000_000).Draw(t, "den"))
		if err != nil {
			t.Fatal(err)
		}
		back, err := rules.ParseRatio(r.String())
		if err != nil || back != r {
			t.Fatalf("ParseRatio(%q) = %v, %v; want %v", r.String(), back, err, r)
		}
	})
}

// FuzzParseRatio checks that ParseRatio never panics, refuses what is not
// above zero, and that what it accepts prints back to itself.
func FuzzParseRatio(f *testing.F) {
	for _, s := range []string{"15%", "15 %", "12,5%", "0.3", "0,3", "1/3", "2/6", "150%", "0", "-1", "1e3", "1/0", "%", "99999999999/7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := rules.ParseRatio(s)
		if err != nil {
			return
		}
		if r.IsZero() || r.Num() <= 0 || r.Den() <= 0 {
			t.Fatalf("ParseRatio(%q) = %d/%d", s, r.Num(), r.Den())
		}
		back, err := rules.ParseRatio(r.String())
		if err != nil || back != r {
			t.Fatalf("ParseRatio(%q) = %v; its text %q reads back as %v, %v", s, r, r.String(), back, err)
		}
	})
}
