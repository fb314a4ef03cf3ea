package rules_test

import (
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/rules"
	"pgregory.net/rapid"
)

// TestRetirementMonth checks the Labour Code schedule on the examples of
// rules.md §5 and around its years of change.
func TestRetirementMonth(t *testing.T) {
	lc := rules.LabourCode2019()
	tests := []struct {
		name   string
		reason string
		policy rules.RetirementPolicy
		sex    ballot.Sex
		born   ballot.Month
		want   ballot.Month
	}{
		{"woman-1971-12", "reaches 58 y, the 2029 age, in 12/2029", lc, ballot.Female, ballot.MustMonth(1971, 12), ballot.MustMonth(2029, 12)},
		{"woman-1972-01", "58 y would fall in 1/2030, whose age is 58 y 4 m: 5/2030", lc, ballot.Female, ballot.MustMonth(1972, 1), ballot.MustMonth(2030, 5)},
		{"man-1960-09", "60 y in 9/2020, before the schedule starts", lc, ballot.Male, ballot.MustMonth(1960, 9), ballot.MustMonth(2020, 9)},
		{"man-1960-10", "60 y would fall in 10/2020 and 2020's age is 60: retires 10/2020", lc, ballot.Male, ballot.MustMonth(1960, 10), ballot.MustMonth(2020, 10)},
		{"man-1961-01", "60 y 3 m in 2021: 4/2021", lc, ballot.Male, ballot.MustMonth(1961, 1), ballot.MustMonth(2021, 4)},
		{"man-1966-01", "61 y 9 m, the 2027 age, falls in 10/2027, before the cap", lc, ballot.Male, ballot.MustMonth(1966, 1), ballot.MustMonth(2027, 10)},
		{"man-1967-01", "62 y would fall in 1/2029; the cap of 62 y holds from 2028", lc, ballot.Male, ballot.MustMonth(1967, 1), ballot.MustMonth(2029, 1)},
		{"woman-1980-01", "the cap of 60 y from 2035", lc, ballot.Female, ballot.MustMonth(1980, 1), ballot.MustMonth(2040, 1)},
		{"flat-man", "a flat 60", rules.Flat(60, 55), ballot.Male, ballot.MustMonth(1965, 9), ballot.MustMonth(2025, 9)},
		{"flat-woman", "a flat 55", rules.Flat(60, 55), ballot.Female, ballot.MustMonth(1970, 9), ballot.MustMonth(2025, 9)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.policy.RetirementMonth(tt.sex, tt.born)
			if err != nil || got != tt.want {
				t.Errorf("%s: RetirementMonth = %v, %v; want %v", tt.reason, got, err, tt.want)
			}
		})
	}
	if _, err := lc.RetirementMonth(0, ballot.MustMonth(1970, 1)); err == nil {
		t.Error("no error without a sex")
	}
	if _, err := lc.RetirementMonth(ballot.Male, ballot.Month{}); err == nil {
		t.Error("no error without a birth month")
	}
}

// TestWorkingTimeThaiNguyen reproduces the Thái Nguyên 2020 cut-offs of
// rules.md §5: retirement at a flat 60 and 55, reference month 9/2020; a
// first-time member needs a full term (60 months), re-election 30 months
// (CT 35). Each case sits on a boundary and the month before it.
func TestWorkingTimeThaiNguyen(t *testing.T) {
	g := rules.QD244()
	tests := []struct {
		name      string
		reason    string
		sex       ballot.Sex
		born      ballot.Month
		incumbent bool
		want      rules.Outcome
		months    int
	}{
		{"first-man-cutoff", "men born 9/1965 or later may stand for the first time", ballot.Male, ballot.MustMonth(1965, 9), false, rules.Pass, 60},
		{"first-man-before", "a man born 8/1965 has 59 months", ballot.Male, ballot.MustMonth(1965, 8), false, rules.Fail, 59},
		{"first-woman-cutoff", "women born 9/1970 or later", ballot.Female, ballot.MustMonth(1970, 9), false, rules.Pass, 60},
		{"first-woman-before", "a woman born 8/1970", ballot.Female, ballot.MustMonth(1970, 8), false, rules.Fail, 59},
		{"re-man-cutoff", "re-election: men born 3/1963 or later", ballot.Male, ballot.MustMonth(1963, 3), true, rules.Pass, 30},
		{"re-man-before", "a man born 2/1963 has 29 months", ballot.Male, ballot.MustMonth(1963, 2), true, rules.Fail, 29},
		{"re-woman-cutoff", "re-election: women born 3/1968 or later", ballot.Female, ballot.MustMonth(1968, 3), true, rules.Pass, 30},
		{"re-woman-before", "a woman born 2/1968", ballot.Female, ballot.MustMonth(1968, 2), true, rules.Fail, 29},
		{"already-retired", "past retirement: negative months, and a fail", ballot.Male, ballot.MustMonth(1958, 1), true, rules.Fail, -32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := congress(ballot.LevelProvince, 2, contest(ballot.OfficeCommittee, 1, 2))
			c.ReferenceMonth = ballot.MustMonth(2020, 9)
			c.Candidates[0].Sex, c.Candidates[0].Born, c.Candidates[0].Incumbent = tt.sex, tt.born, tt.incumbent
			fs, err := g.CheckWorkingTime(c, 0)
			if err != nil {
				t.Fatal(err)
			}
			f := fs[0]
			if f.Outcome != tt.want || f.Count != tt.months || f.Subject != "c1" {
				t.Errorf("%s: %v with %d months; want %v with %d", tt.reason, f.Outcome, f.Count, tt.want, tt.months)
			}
		})
	}
}

// TestWorkingTimeCT45 checks the current regime: 48 months for re-election,
// 42 for a person who is a provincial deputy secretary in the outgoing term
// on every list (the committee's included: the bound belongs to the person),
// the level's reference month, and an individual retirement month
// overriding the schedule.
func TestWorkingTimeCT45(t *testing.T) {
	g := rules.QD190()
	c := congress(ballot.LevelProvince, 2, contest(ballot.OfficeDeputySecretary, 1, 1), contest(ballot.OfficeCommittee, 1, 2))
	c.ReferenceMonth = ballot.Month{} // the regime's month for a province: 9/2025
	c.Candidates[0].Sex, c.Candidates[0].Born, c.Candidates[0].Incumbent = ballot.Male, ballot.MustMonth(1967, 3), true
	c.Candidates[0].Outgoing = ballot.OfficesOf(ballot.OfficeDeputySecretary)
	// Born 3/1967: 62 y (the cap, from 2028) in 3/2029: 42 months after 9/2025.
	for i, why := range []string{"deputy secretary's list", "committee's list"} {
		fs, err := g.CheckWorkingTime(c, i)
		if err != nil || len(fs) < 1 || fs[0].Outcome != rules.Pass || fs[0].Count != 42 || fs[0].Bound != rules.Count(rules.AtLeast, 42) {
			t.Errorf("a sitting provincial deputy secretary with 42 months, %s: %v, %v", why, fs, err)
		}
	}
	c.Candidates[0].Outgoing = 0 // the same man, not a deputy secretary
	fs, _ := g.CheckWorkingTime(c, 1)
	if fs[0].Outcome != rules.Fail || fs[0].Bound != rules.Count(rules.AtLeast, 48) {
		t.Errorf("a re-nominee who holds no such post needs 48 months: %v", fs)
	}
	c.Level = ballot.LevelCommune // a deputy secretary of a commune: no exception
	c.ReferenceMonth = ballot.MustMonth(2025, 9)
	c.Candidates[0].Outgoing = ballot.OfficesOf(ballot.OfficeDeputySecretary)
	fs, _ = g.CheckWorkingTime(c, 1)
	if fs[0].Outcome != rules.Fail || fs[0].Bound != rules.Count(rules.AtLeast, 48) {
		t.Errorf("a commune's deputy secretary needs 48 months: %v", fs)
	}
	c.Level, c.Candidates[0].Outgoing = ballot.LevelProvince, 0
	c.Candidates[0].Retires = ballot.MustMonth(2030, 9) // an individual extension
	fs, _ = g.CheckWorkingTime(c, 1)
	if fs[0].Outcome != rules.Pass || fs[0].Count != 60 {
		t.Errorf("with an individual retirement month: %v", fs)
	}
}

// TestRetirementMonotone checks that within a sex, a later birth never
// retires earlier, under both policies.
func TestRetirementMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.SampledFrom([]rules.RetirementPolicy{rules.LabourCode2019(), rules.Flat(60, 55)}).Draw(t, "policy")
		sex := rapid.SampledFrom([]ballot.Sex{ballot.Male, ballot.Female}).Draw(t, "sex")
		a := ballottest.Month().Draw(t, "born")
		b := a.AddMonths(rapid.IntRange(1, 60).Draw(t, "later"))
		ra, err1 := p.RetirementMonth(sex, a)
		rb, err2 := p.RetirementMonth(sex, b)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if rb.Before(ra) {
			t.Fatalf("born %v retires %v, but born %v retires earlier, %v", a, ra, b, rb)
		}
		// And the month found is the earliest year whose age is reached in it.
		age := rules.AgeAt(a, ra)
		if age < 55 || age > 62 {
			t.Fatalf("retires at %d", age)
		}
	})
}
