package rules

import (
	"fmt"
	"math/big"
	"math/bits"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/enumtext"
	"github.com/shopspring/decimal"
)

// A Ratio is an exact non-negative fraction, such as a surplus ratio of
// 30 % or a share of 1/3. Ratios are comparable values in lowest terms, so ==
// tells equal ratios. The zero Ratio is 0.
type Ratio struct {
	num, den int64 // lowest terms; den == 0 only in the zero value, read as 0/1
}

// MaxRatioTerm bounds the numerator and denominator of a Ratio, so that every
// comparison with counts is exact in 128-bit arithmetic.
const MaxRatioTerm = 1_000_000_000_000

// NewRatio returns num/den in lowest terms. It fails when den ≤ 0, num < 0,
// or a term in lowest terms exceeds MaxRatioTerm.
func NewRatio(num, den int64) (Ratio, error) {
	if den <= 0 || num < 0 {
		return Ratio{}, ratioError(fmt.Sprintf("%d/%d", num, den), "tỉ lệ phải không âm, mẫu số dương", "a ratio must be non-negative with a positive denominator")
	}
	return fromRat(new(big.Rat).SetFrac64(num, den), fmt.Sprintf("%d/%d", num, den))
}

func fromRat(r *big.Rat, text string) (Ratio, error) {
	if r.Sign() == 0 {
		return Ratio{}, nil
	}
	n, d := r.Num(), r.Denom()
	if !n.IsInt64() || !d.IsInt64() || n.Int64() > MaxRatioTerm || d.Int64() > MaxRatioTerm {
		return Ratio{}, ratioError(text, fmt.Sprintf("tử số và mẫu số tối đa %d", MaxRatioTerm), fmt.Sprintf("numerator and denominator are limited to %d", MaxRatioTerm))
	}
	return Ratio{num: n.Int64(), den: d.Int64()}, nil
}

func ratioError(text, vi, en string) error {
	return &enumtext.Error{
		VI: fmt.Sprintf("tỉ lệ %q không hợp lệ: %s", text, vi),
		EN: fmt.Sprintf("invalid ratio %q: %s", text, en),
	}
}

// ParseRatio parses a ratio as people write it: a percentage ("15%",
// "15 %", "12,5%"), a decimal ("0.3", "0,3") or a fraction ("1/3"). A
// decimal comma is read as a decimal point. The result is exact; ratios ≤ 0
// are refused, since no rule of this package is bounded by zero.
func ParseRatio(s string) (Ratio, error) {
	if r, ok := parseSimple(s); ok {
		return r, nil
	}
	text := strings.TrimSpace(s)
	percent := strings.HasSuffix(text, "%")
	body := strings.TrimSpace(strings.TrimSuffix(text, "%"))
	if !strings.Contains(body, ".") {
		body = strings.Replace(body, ",", ".", 1)
	}
	if body == "" || strings.ContainsAny(body, "eE+-_ \t") {
		return Ratio{}, ratioError(s, "viết dạng 15%, 0,3 hoặc 1/3", "write it as 15%, 0.3 or 1/3")
	}
	r, ok := new(big.Rat).SetString(body)
	if !ok {
		return Ratio{}, ratioError(s, "viết dạng 15%, 0,3 hoặc 1/3", "write it as 15%, 0.3 or 1/3")
	}
	if percent {
		r.Quo(r, big.NewRat(100, 1))
	}
	if r.Sign() <= 0 {
		return Ratio{}, ratioError(s, "tỉ lệ phải lớn hơn 0", "a ratio must be greater than 0")
	}
	return fromRat(r, s)
}

// parseSimple reads, without math/big, the forms the encoder writes most:
// "n", "n%" and "a/b" with small whole numbers. It reports false for
// anything else, which ParseRatio then reads in full.
func parseSimple(s string) (Ratio, bool) {
	num, rest, ok := leadingInt(s)
	if !ok || num == 0 {
		return Ratio{}, false
	}
	den := int64(1)
	switch {
	case rest == "":
	case rest == "%":
		den = 100
	case rest[0] == '/':
		d, tail, ok := leadingInt(rest[1:])
		if !ok || tail != "" || d == 0 {
			return Ratio{}, false
		}
		den = d
	default:
		return Ratio{}, false
	}
	g := gcd(num, den)
	return Ratio{num: num / g, den: den / g}, true
}

// leadingInt reads up to 9 leading digits.
func leadingInt(s string) (n int64, rest string, ok bool) {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int64(s[i]-'0')
		i++
	}
	if i == 0 || (i < len(s) && s[i] >= '0' && s[i] <= '9') {
		return 0, "", false
	}
	return n, s[i:], true
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// MustRatio is like ParseRatio but panics on an error. It is meant for
// literals in code, such as the regimes of this package.
func MustRatio(s string) Ratio {
	r, err := ParseRatio(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Whole returns the ratio n/1.
func Whole(n int) Ratio {
	if n <= 0 {
		return Ratio{}
	}
	return Ratio{num: int64(n), den: 1}
}

// Num returns the numerator in lowest terms.
func (r Ratio) Num() int64 { return r.num }

// Den returns the denominator in lowest terms (1 for the zero Ratio).
func (r Ratio) Den() int64 {
	if r.den == 0 {
		return 1
	}
	return r.den
}

// IsZero reports whether r is 0.
func (r Ratio) IsZero() bool { return r.num == 0 }

// Rat returns r as a math/big.Rat.
func (r Ratio) Rat() *big.Rat { return big.NewRat(r.num, r.Den()) }

// Equal reports whether r and o are the same ratio (the same as r == o; the
// method lets go-cmp compare values holding a Ratio).
func (r Ratio) Equal(o Ratio) bool { return r.num == o.num && r.Den() == o.Den() }

// Cmp compares r and o: −1, 0 or +1.
func (r Ratio) Cmp(o Ratio) int { return cmp128(r.num, o.Den(), o.num, r.Den()) }

// cmp128 compares a·b with c·d, all non-negative, exactly.
func cmp128(a, b, c, d int64) int {
	h1, l1 := bits.Mul64(uint64(a), uint64(b))
	h2, l2 := bits.Mul64(uint64(c), uint64(d))
	switch {
	case h1 < h2 || h1 == h2 && l1 < l2:
		return -1
	case h1 > h2 || h1 == h2 && l1 > l2:
		return 1
	}
	return 0
}

// CompareShare compares the share part/whole with r: −1, 0 or +1. whole must
// be positive and part non-negative.
func (r Ratio) CompareShare(part, whole int) int {
	return cmp128(int64(part), r.Den(), int64(whole), r.num)
}

// floorTimes returns ⌊r·n⌋ and whether r·n is a whole number, for n ≥ 0.
func (r Ratio) floorTimes(n int) (int, bool) {
	var q, rem big.Int
	q.QuoRem(new(big.Int).Mul(big.NewInt(r.num), big.NewInt(int64(n))), big.NewInt(r.Den()), &rem)
	return int(q.Int64()), rem.Sign() == 0
}

// String returns the canonical text of r, which ParseRatio reads back to r:
// a percentage when r is one with at most 6 decimals ("30%", "12.5%"),
// otherwise a fraction ("1/3").
func (r Ratio) String() string {
	if r.num == 0 {
		return "0"
	}
	if d := r.Den(); 1_000_000*100%d == 0 {
		pct, _ := decimal.New(r.num*100, 0).QuoRem(decimal.New(d, 0), 6) // exact: d divides 10^8
		// StringFixed, unlike String, does not read decimal's package settings.
		return strings.TrimSuffix(strings.TrimRight(pct.StringFixed(6), "0"), ".") + "%"
	}
	return fmt.Sprintf("%d/%d", r.num, r.Den())
}

// MarshalText returns the canonical text.
func (r Ratio) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText parses any form ParseRatio accepts; "0" gives the zero Ratio.
func (r *Ratio) UnmarshalText(b []byte) error {
	if string(b) == "0" {
		*r = Ratio{}
		return nil
	}
	v, err := ParseRatio(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Rounding is how a share is cut to a fixed number of decimals for display.
// Decisions never use a rounded share. The zero Rounding is Truncate.
type Rounding uint8

// The roundings. No Party rule is published (rules.md §6): Party guidance and
// the press truncate (HD 03: 40/35 → 14,28 %); state-election guidance rounds
// half up (15/69 → 21,74 %).
const (
	Truncate Rounding = iota // cut the digits after the last place
	HalfUp                   // round to the nearest, a half upwards
)

var roundings = enumtext.New[Rounding]("rounding", "cách làm tròn", "truncate", "half-up")

// String returns "truncate" or "half-up".
func (m Rounding) String() string { return roundings.String(m) }

// MarshalText returns the stable code.
func (m Rounding) MarshalText() ([]byte, error) { return roundings.Marshal(m) }

// UnmarshalText parses a stable code.
func (m *Rounding) UnmarshalText(b []byte) error {
	v, err := roundings.Parse(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// Percent returns the share part/whole as a percentage with the given number
// of decimal places, cut by mode, computed exactly. A whole of zero or less
// gives zero.
func Percent(part, whole int64, places int, mode Rounding) decimal.Decimal {
	if whole <= 0 {
		return decimal.Zero
	}
	num := decimal.New(part, 0).Mul(decimal.New(100, 0))
	den := decimal.New(whole, 0)
	if mode == HalfUp {
		return num.DivRound(den, int32(places))
	}
	q, _ := num.QuoRem(den, int32(places))
	return q
}

// FormatPercent formats a percentage with exactly places decimals, in the
// way of language l: "14,28 %" in Vietnamese, "14.28%" in English.
func FormatPercent(p decimal.Decimal, places int, l ballot.Lang) string {
	s := p.StringFixed(int32(places))
	if l == ballot.English {
		return s + "%"
	}
	return strings.Replace(s, ".", ",", 1) + " %"
}

// Comparison is how a counted value is compared with a limit. "More than" and
// "at least" are different comparisons, never a flag.
type Comparison uint8

// The comparisons.
const (
	AtLeast  Comparison = iota + 1 // ≥ (ít nhất, không dưới)
	MoreThan                       // > (quá, nhiều hơn)
	AtMost                         // ≤ (tối đa, không quá)
	LessThan                       // < (dưới, ít hơn)
	Exactly                        // = (đúng bằng), for figures that must agree
)

var comparisons = enumtext.New[Comparison]("comparison", "phép so sánh", "", "at-least", "more-than", "at-most", "less-than", "exactly")

// String returns the stable code, e.g. "at-least".
func (c Comparison) String() string { return comparisons.String(c) }

// MarshalText returns the stable code.
func (c Comparison) MarshalText() ([]byte, error) { return comparisons.Marshal(c) }

// UnmarshalText parses a stable code.
func (c *Comparison) UnmarshalText(b []byte) error {
	v, err := comparisons.Parse(string(b))
	if err == nil {
		*c = v
	}
	return err
}

func (c Comparison) symbol() string {
	return [...]string{"?", "≥", ">", "≤", "<", "="}[min(int(c), 5)]
}

func (c Comparison) words(l ballot.Lang) string {
	w := [...]ballot.Text{{VI: "?", EN: "?"},
		{VI: "ít nhất", EN: "at least"}, {VI: "quá", EN: "more than"},
		{VI: "không quá", EN: "at most"}, {VI: "dưới", EN: "less than"}, {VI: "đúng bằng", EN: "exactly"}}
	return w[min(int(c), 5)].In(l)
}

// Unit says what a Bound limits: a count, or a share of a base.
type Unit uint8

// The units.
const (
	OfCount Unit = iota // the limit bounds the count itself
	OfShare             // the limit bounds count/base
)

var units = enumtext.New[Unit]("unit", "đơn vị", "count", "share")

// String returns "count" or "share".
func (u Unit) String() string { return units.String(u) }

// MarshalText returns the stable code.
func (u Unit) MarshalText() ([]byte, error) { return units.Marshal(u) }

// UnmarshalText parses a stable code.
func (u *Unit) UnmarshalText(b []byte) error {
	v, err := units.Parse(string(b))
	if err == nil {
		*u = v
	}
	return err
}

// A Bound is a limit with its comparison: "at most 30 % of the seats",
// "at least 1". It decides with exact integer arithmetic.
type Bound struct {
	Cmp   Comparison `json:"cmp"`
	Limit Ratio      `json:"limit"`
	Unit  Unit       `json:"unit"`
}

// Share returns the bound "count/base cmp r".
func Share(cmp Comparison, r Ratio) Bound { return Bound{Cmp: cmp, Limit: r, Unit: OfShare} }

// Count returns the bound "count cmp n".
func Count(cmp Comparison, n int) Bound { return Bound{Cmp: cmp, Limit: Whole(n), Unit: OfCount} }

// Holds reports whether count (of base, for a share) meets the bound. A share
// of a base of zero or less never meets a bound; a negative count (a list
// shorter than its seats, a person past retirement) is below every limit.
func (b Bound) Holds(count, base int) bool {
	var c int
	switch {
	case b.Unit == OfShare && base <= 0:
		return false
	case count < 0:
		c = -1
	case b.Unit == OfShare:
		c = b.Limit.CompareShare(count, base)
	default:
		c = cmp128(int64(count), b.Limit.Den(), b.Limit.num, 1)
	}
	switch b.Cmp {
	case AtLeast:
		return c >= 0
	case MoreThan:
		return c > 0
	case AtMost:
		return c <= 0
	case LessThan:
		return c < 0
	case Exactly:
		return c == 0
	}
	return false
}

// MinCount returns the smallest count that meets a lower bound (AtLeast,
// MoreThan) at base.
func (b Bound) MinCount(base int) int {
	f, exact := b.Limit.floorTimes(b.scale(base)) // ⌊limit·n⌋
	if b.Cmp == MoreThan || !exact {
		f++
	}
	return f
}

// MaxCount returns the largest count that meets an upper bound (AtMost,
// LessThan) at base; −1 when no count does.
func (b Bound) MaxCount(base int) int {
	f, exact := b.Limit.floorTimes(b.scale(base))
	if b.Cmp == LessThan && exact {
		f--
	}
	return f
}

func (b Bound) scale(base int) int {
	if b.Unit == OfCount {
		return 1
	}
	return max(base, 0)
}

// Fix returns how far count is from meeting the bound, base unchanged: needed
// more for AtLeast and MoreThan, excess fewer for AtMost and LessThan, either
// for Exactly; both zero when the bound holds. (A share bounded Exactly may
// have no whole count that meets it; Fix then names a nearest count, which
// does not meet it either.)
func (b Bound) Fix(count, base int) (needed, excess int) {
	if b.Holds(count, base) {
		return 0, 0
	}
	switch b.Cmp {
	case AtLeast, MoreThan:
		return max(0, b.MinCount(base)-count), 0
	case AtMost, LessThan:
		return 0, max(0, count-b.MaxCount(base))
	case Exactly:
		lo := Bound{Cmp: AtLeast, Limit: b.Limit, Unit: b.Unit}
		if k := lo.MinCount(base); count < k {
			return k - count, 0
		}
		return 0, count - Bound{Cmp: AtMost, Limit: b.Limit, Unit: b.Unit}.MaxCount(base)
	}
	return 0, 0
}

// limitText returns the limit as a number for a count ("1", "7/2") or as
// the canonical ratio for a share ("30%", "1/3").
func (b Bound) limitText() string {
	if b.Unit == OfCount {
		if b.Limit.Den() == 1 {
			return fmt.Sprint(b.Limit.Num())
		}
		return fmt.Sprintf("%d/%d", b.Limit.Num(), b.Limit.Den())
	}
	return b.Limit.String()
}

// String returns the bound in symbols, e.g. "≤ 30%" or "≥ 1".
func (b Bound) String() string {
	return b.Cmp.symbol() + " " + b.limitText()
}

// limitIn returns the limit as Format writes it, without the words.
func (b Bound) limitIn(l ballot.Lang) string {
	lim := b.limitText()
	if b.Unit == OfShare && l == ballot.Vietnamese {
		lim = strings.Replace(strings.Replace(lim, ".", ",", 1), "%", " %", 1)
	}
	return lim
}

// Format returns the bound in words, e.g. "không quá 30 %" or "at least 1".
func (b Bound) Format(l ballot.Lang) string {
	return b.Cmp.words(l) + " " + b.limitIn(l)
}
