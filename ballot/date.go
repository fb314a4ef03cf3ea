package ballot

import (
	"fmt"
	"strconv"
)

// A Date is a day, or a month whose day is not given: the opening of a
// congress (which decides the regime in force) or the date of a
// designation. Its text form is "YYYY-MM-DD", or "YYYY-MM" when the day is
// not known. The zero Date is "not given".
type Date struct {
	Month Month
	Day   int // 1–31; zero when only the month is known
}

// NewDate returns the date year-month-day; day 0 is a date known only to
// the month.
func NewDate(year, month, day int) (Date, error) {
	m, err := NewMonth(year, month)
	if err != nil {
		return Date{}, err
	}
	if day < 0 || day > daysIn(year, month) {
		return Date{}, textError{
			VI: fmt.Sprintf("ngày %d không có trong tháng %02d/%04d", day, month, year),
			EN: fmt.Sprintf("day %d does not exist in %04d-%02d", day, year, month)}
	}
	return Date{Month: m, Day: day}, nil
}

// MustDate is NewDate for dates known to be valid; it panics otherwise.
func MustDate(year, month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ParseDate parses "YYYY-MM-DD" or "YYYY-MM".
func ParseDate(s string) (Date, error) {
	if len(s) == 7 {
		m, err := ParseMonth(s)
		return Date{Month: m}, err
	}
	if len(s) != 10 || s[7] != '-' || !digits(s[8:]) {
		return Date{}, textError{
			VI: fmt.Sprintf("%q không phải một ngày dạng YYYY-MM-DD hoặc YYYY-MM", s),
			EN: fmt.Sprintf("%q is not a date written YYYY-MM-DD or YYYY-MM", s)}
	}
	m, err := ParseMonth(s[:7])
	if err != nil {
		return Date{}, err
	}
	d, _ := strconv.Atoi(s[8:])
	if d == 0 {
		return Date{}, textError{VI: fmt.Sprintf("ngày 0 trong %q", s), EN: fmt.Sprintf("day 0 in %q", s)}
	}
	return NewDate(m.Year(), m.Month(), d)
}

// IsZero reports whether d is not given.
func (d Date) IsZero() bool { return d.Month.IsZero() }

// HasDay reports whether the day of d is known.
func (d Date) HasDay() bool { return d.Day != 0 }

// Compare compares two dates known to the day: -1, 0 or +1.
func (d Date) Compare(o Date) int {
	if c := d.Month.Compare(o.Month); c != 0 {
		return c
	}
	switch {
	case d.Day < o.Day:
		return -1
	case d.Day > o.Day:
		return 1
	}
	return 0
}

// String returns "YYYY-MM-DD", or "YYYY-MM" without a day.
func (d Date) String() string {
	if d.IsZero() {
		return "invalid date"
	}
	if d.Day == 0 {
		return d.Month.String()
	}
	return fmt.Sprintf("%s-%02d", d.Month, d.Day)
}

// Format returns the date for people: "14/4/2025" in Vietnamese, as the
// documents write it, "2025-04-14" in English.
func (d Date) Format(l Lang) string {
	switch {
	case d.IsZero():
		return ""
	case l == English:
		return d.String()
	case d.Day == 0:
		return fmt.Sprintf("%d/%d", d.Month.Month(), d.Month.Year())
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, d.Month.Month(), d.Month.Year())
}

// MarshalText returns the text form; "" for the zero Date.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses the text form; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err == nil {
		*d = v
	}
	return err
}
