package rules

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// An Age is a span of whole years and months, such as a retirement age of
// 60 years 3 months.
type Age struct {
	Years, Months int
}

func (a Age) months() int { return 12*a.Years + a.Months }

// String returns "60y3m".
func (a Age) String() string { return fmt.Sprintf("%dy%dm", a.Years, a.Months) }

// A Schedule is the statutory retirement age of one sex, year by year: Before
// until FirstYear; from FirstYear, Start, raised by StepMonths each year
// after, up to Cap. A flat age has Before = Start = Cap and no step.
type Schedule struct {
	Before     Age
	FirstYear  int
	Start      Age
	StepMonths int
	Cap        Age
}

// AgeIn returns the retirement age in force in year y.
func (s Schedule) AgeIn(y int) Age {
	if y < s.FirstYear {
		return s.Before
	}
	m := min(s.Start.months()+(y-s.FirstYear)*s.StepMonths, s.Cap.months())
	return Age{Years: m / 12, Months: m % 12}
}

// RetirementPolicy decides the month a person reaches retirement age.
type RetirementPolicy struct {
	Name  string
	Men   Schedule
	Women Schedule
}

// LabourCode2019 is the schedule of Bộ luật Lao động 2019 Điều 169 and Nghị
// định 135/2020: 60 for men and 55 for women until 2020; from 2021, men 60
// years 3 months and women 55 years 4 months, then 3 and 4 months more each
// year, until 62 (in 2028) and 60 (in 2035).
func LabourCode2019() RetirementPolicy {
	return RetirementPolicy{
		Name:  "BLLĐ 2019 Điều 169; NĐ 135/2020/NĐ-CP",
		Men:   Schedule{Before: Age{60, 0}, FirstYear: 2021, Start: Age{60, 3}, StepMonths: 3, Cap: Age{62, 0}},
		Women: Schedule{Before: Age{55, 0}, FirstYear: 2021, Start: Age{55, 4}, StepMonths: 4, Cap: Age{60, 0}},
	}
}

// Flat returns a policy with fixed retirement ages, such as the 60 and 55 of
// the law before 2021.
func Flat(men, women int) RetirementPolicy {
	m, w := Age{Years: men}, Age{Years: women}
	return RetirementPolicy{
		Name:  fmt.Sprintf("%d/%d", men, women),
		Men:   Schedule{Before: m, Start: m, Cap: m},
		Women: Schedule{Before: w, Start: w, Cap: w},
	}
}

// RetirementMonth returns the month a person of sex s born in born reaches
// retirement age. The age that applies is the one in force in the year the
// person reaches it: the earliest year Y such that born + age(Y) falls in Y
// (rules.md §5). It fails when the sex or the birth month is not given.
func (p RetirementPolicy) RetirementMonth(s ballot.Sex, born ballot.Month) (ballot.Month, error) {
	var sch Schedule
	switch s {
	case ballot.Male:
		sch = p.Men
	case ballot.Female:
		sch = p.Women
	default:
		return ballot.Month{}, fmt.Errorf("the sex is not given")
	}
	if born.IsZero() {
		return ballot.Month{}, fmt.Errorf("the birth month is not given")
	}
	// born + age(Y) − Y, in years, falls by 0 or 1 from one year to the next
	// while a step is under 12 months, so it reaches 0; start at the
	// earliest year any age of the schedule could give.
	lo := min(sch.Before.months(), sch.Start.months(), sch.Cap.months())
	for y := born.AddMonths(lo).Year(); y <= ballot.MaxYear; y++ {
		m := born.AddMonths(sch.AgeIn(y).months())
		if m.IsZero() {
			break
		}
		if m.Year() == y {
			return m, nil
		}
		if m.Year() < y {
			// A step of a year or more skipped year y; the earliest
			// year whose age is reached in it or before is y, and the
			// person retires at that age, in the month reached.
			return m, nil
		}
	}
	return ballot.Month{}, fmt.Errorf("no retirement month before year %d", ballot.MaxYear)
}
