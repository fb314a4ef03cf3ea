package ballot

import (
	"fmt"
	"strconv"
)

// A Month is a calendar month with no day and no time zone: a birth month, a
// retirement month, the reference month at which ages are counted (thời điểm
// tính tuổi). Months are comparable values; use Compare or Before to order
// them.
//
// The zero Month is not a month: it stands for "not given", and IsZero
// reports it. Its String is "invalid month" and it marshals to "".
type Month struct {
	// n is 12·year + (month − 1) + 1, so that the zero value is "not given".
	n int32
}

// The years a Month can hold.
const (
	MinYear = 1
	MaxYear = 9999
)

// NewMonth returns the Month for year and month (1–12), or an error if either
// is out of range.
func NewMonth(year, month int) (Month, error) {
	if year < MinYear || year > MaxYear {
		return Month{}, textError{
			VI: fmt.Sprintf("năm %d nằm ngoài khoảng %d–%d", year, MinYear, MaxYear),
			EN: fmt.Sprintf("year %d is outside %d–%d", year, MinYear, MaxYear)}
	}
	if month < 1 || month > 12 {
		return Month{}, textError{
			VI: fmt.Sprintf("tháng %d không tồn tại (1–12)", month),
			EN: fmt.Sprintf("month %d does not exist (1–12)", month)}
	}
	return Month{n: int32(year*12 + month - 1 + 1)}, nil
}

// MustMonth is like NewMonth but panics on an invalid month. It is meant for
// literals in tests and examples, never for data.
func MustMonth(year, month int) Month {
	m, err := NewMonth(year, month)
	if err != nil {
		panic(err)
	}
	return m
}

// ParseMonth parses a month written "YYYY-MM", e.g. "1971-12".
func ParseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' || !digits(s[:4]) || !digits(s[5:]) {
		return Month{}, textError{
			VI: fmt.Sprintf("%q không phải một tháng dạng YYYY-MM", s),
			EN: fmt.Sprintf("%q is not a month written YYYY-MM", s)}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:])
	return NewMonth(y, m)
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsZero reports whether m is the zero Month ("not given").
func (m Month) IsZero() bool { return m.n == 0 }

// Year returns the year, or 0 for the zero Month.
func (m Month) Year() int {
	if m.n == 0 {
		return 0
	}
	return int(m.n-1) / 12
}

// Month returns the month of the year, 1–12, or 0 for the zero Month.
func (m Month) Month() int {
	if m.n == 0 {
		return 0
	}
	return int(m.n-1)%12 + 1
}

// AddMonths returns m moved by n months (n may be negative). It returns the
// zero Month if m is zero or the result falls outside the years a Month holds.
func (m Month) AddMonths(n int) Month {
	if m.n == 0 {
		return Month{}
	}
	v := int64(m.n) + int64(n)
	if v < 12*MinYear+1 || v > 12*MaxYear+12 {
		return Month{}
	}
	return Month{n: int32(v)}
}

// MonthsUntil returns the number of whole months from m to later; it is
// negative when later comes before m. Both must be non-zero.
func (m Month) MonthsUntil(later Month) int { return int(later.n - m.n) }

// Compare returns −1, 0 or +1 as m is before, equal to or after o. The zero
// Month sorts before every month.
func (m Month) Compare(o Month) int {
	switch {
	case m.n < o.n:
		return -1
	case m.n > o.n:
		return 1
	}
	return 0
}

// Equal reports whether m and o are the same month (the same as m == o; the
// method lets go-cmp compare values holding a Month).
func (m Month) Equal(o Month) bool { return m == o }

// Before reports whether m is before o.
func (m Month) Before(o Month) bool { return m.n < o.n }

// String returns "YYYY-MM", or "invalid month" for the zero Month.
func (m Month) String() string {
	if m.n == 0 {
		return "invalid month"
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), m.Month())
}

// Format returns the month as people write it: "12/1971" in Vietnamese,
// "1971-12" in English; "" for the zero Month.
func (m Month) Format(l Lang) string {
	if m.n == 0 {
		return ""
	}
	if l == English {
		return m.String()
	}
	return fmt.Sprintf("%02d/%04d", m.Month(), m.Year())
}

// MarshalText returns "YYYY-MM", or "" for the zero Month.
func (m Month) MarshalText() ([]byte, error) {
	if m.n == 0 {
		return []byte{}, nil
	}
	return []byte(m.String()), nil
}

// UnmarshalText parses "YYYY-MM"; "" gives the zero Month.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
