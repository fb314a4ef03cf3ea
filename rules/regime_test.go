package rules_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/rules"
	"pgregory.net/rapid"
)

// TestInForce picks the regime part by part from the opening day, and asks
// for the day when only a month holding a boundary is given.
func TestInForce(t *testing.T) {
	const (
		r244 = "QĐ 244-QĐ/TW"
		r190 = "QĐ 190-QĐ/TW"
		d19  = "Chỉ thị 35-CT/TW ngày 30/5/2019"
		d24  = "Chỉ thị 35-CT/TW ngày 14/6/2024"
		d45  = "Chỉ thị 45-CT/TW ngày 14/4/2025"
	)
	tests := []struct {
		why              string
		opening          ballot.Date
		level            ballot.Level
		rules, directive string
		err              ballot.ErrorCode
	}{
		{"a 2020 province congress", ballot.MustDate(2020, 10, 14), ballot.LevelProvince, r244, d19, 0},
		{"a mid-term chi bộ congress, 2022: the last directive, assumed", ballot.MustDate(2022, 5, 10), ballot.LevelChiBo, r244, d19 + " (assumed: between rounds)", 0},
		{"the day before QĐ 190", ballot.MustDate(2024, 10, 9), ballot.LevelGrassroots, r244, d24, 0},
		{"QĐ 190's first day", ballot.MustDate(2024, 10, 10), ballot.LevelGrassroots, r190, d24, 0},
		{"Bình Ba's pilot congress, 16/1/2025", ballot.MustDate(2025, 1, 16), ballot.LevelCommune, r190, d24, 0},
		{"the day before CT 45", ballot.MustDate(2025, 4, 13), ballot.LevelGrassroots, r190, d24, 0},
		{"CT 45's first day", ballot.MustDate(2025, 4, 14), ballot.LevelGrassroots, r190, d45, 0},
		{"a month with no boundary needs no day", ballot.Date{Month: ballot.MustMonth(2025, 3)}, ballot.LevelCommune, r190, d24, 0},
		{"July 2025 for a chi bộ: QĐ 294 from the 1st, no boundary inside", ballot.Date{Month: ballot.MustMonth(2025, 7)}, ballot.LevelChiBo, r190, d45, 0},
		{"April 2025 holds CT 45's first day: the day is asked for", ballot.Date{Month: ballot.MustMonth(2025, 4)}, ballot.LevelGrassroots, "", "", ballot.ErrRequired},
		{"October 2024 holds QĐ 190's first day", ballot.Date{Month: ballot.MustMonth(2024, 10)}, ballot.LevelProvince, "", "", ballot.ErrRequired},
		{"June 2024 holds CT 35 (2024)'s first day", ballot.Date{Month: ballot.MustMonth(2024, 6)}, ballot.LevelProvince, "", "", ballot.ErrRequired},
		{"no opening day", ballot.Date{}, ballot.LevelProvince, "", "", ballot.ErrRequired},
		{"before any directive encoded", ballot.MustDate(2016, 1, 20), ballot.LevelNational, "", "", ballot.ErrOutOfRange},
		{"before QĐ 244", ballot.MustDate(2010, 1, 20), ballot.LevelNational, "", "", ballot.ErrOutOfRange},
	}
	for _, tt := range tests {
		g, err := rules.InForce(tt.opening, tt.level)
		if tt.err != 0 {
			var list ballot.ErrorList
			if !errors.As(err, &list) || len(list) != 1 || list[0].Code != tt.err || list[0].Path != "opening" {
				t.Errorf("%s: err = %v, want %v at opening", tt.why, err, tt.err)
			}
			continue
		}
		if err != nil || g.RulesName != tt.rules || g.DirectiveName != tt.directive {
			t.Errorf("%s: %q + %q, %v; want %q + %q", tt.why, g.RulesName, g.DirectiveName, err, tt.rules, tt.directive)
		}
	}
	// A chi bộ under QĐ 190 before QĐ 294 (1/7/2025) cites QĐ 24 as assumed.
	g, _ := rules.InForce(ballot.MustDate(2025, 5, 20), ballot.LevelChiBo)
	if !strings.Contains(g.ChiBo.Source, "24-QĐ/TW") || !strings.Contains(g.Counting.SecretarySource, "24-QĐ/TW") {
		t.Errorf("chi bộ before QĐ 294: %q, %q", g.ChiBo.Source, g.Counting.SecretarySource)
	}
	// The named regimes are the parts in force.
	for _, tt := range []struct {
		named rules.Regime
		on    ballot.Date
		level ballot.Level
	}{{rules.QD190(), ballot.MustDate(2025, 9, 20), ballot.LevelProvince}, {rules.QD190CT35(), ballot.MustDate(2025, 1, 16), ballot.LevelCommune},
		{rules.QD244(), ballot.MustDate(2020, 10, 14), ballot.LevelProvince}} {
		g, err := rules.InForce(tt.on, tt.level)
		if err != nil || g.Name != tt.named.Name || g.Counting != tt.named.Counting || g.WorkingTime.Reelection != tt.named.WorkingTime.Reelection {
			t.Errorf("InForce(%v) = %q, want %q", tt.on, g.Name, tt.named.Name)
		}
	}
}

// TestSourcesCarryDates: every source naming a Chỉ thị 35 carries its date,
// since two documents share the number.
func TestSourcesCarryDates(t *testing.T) {
	for _, g := range []rules.Regime{rules.QD190(), rules.QD190CT35(), rules.QD244()} {
		srcs := []string{g.WorkingTime.Source, g.Nomination.Source, g.ChiBo.Source}
		for _, q := range g.Quotas {
			srcs = append(srcs, q.Source)
		}
		for _, s := range srcs {
			if strings.Contains(s, "35-CT/TW") && !strings.Contains(s, "35-CT/TW ngày") {
				t.Errorf("%s: %q does not say which Chỉ thị 35", g.Name, s)
			}
		}
	}
}

// TestBinhBa: the Bình Ba pilot congress (16/1/2025, BCH of 14) was under
// Chỉ thị 35-CT/TW of 14/6/2024: a re-nominee with 36 months left passes
// (30 needed); under CT 45 (48) the same person would fail.
func TestBinhBa(t *testing.T) {
	c := congress(ballot.LevelCommune, 16, contest(ballot.OfficeCommittee, 14, 16))
	c.ReferenceMonth = ballot.Month{}
	c.Opening = ballot.MustDate(2025, 1, 16)
	c.Candidates[0].Incumbent, c.Candidates[0].Retires = true, ballot.MustMonth(2028, 1) // 36 months after 1/2025
	g, err := rules.InForce(c.Opening, c.Level)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := g.CheckWorkingTime(c, 0)
	if err != nil || fs[0].Outcome != rules.Pass || fs[0].Count != 36 || fs[0].Bound != rules.Count(rules.AtLeast, 30) {
		t.Errorf("Bình Ba under CT 35 (2024): %v, %v", fs, err)
	}
	// No reference month was published for CT 35 (2024): the opening month
	// is used, and the finding says it is assumed.
	if !g.ReferenceAssumed(c) || fs[0].Source == g.WorkingTime.Source {
		t.Errorf("the opening month as reference month is not flagged: %q", fs[0].Source)
	}
	c.ReferenceMonth = ballot.MustMonth(2025, 1)
	fs, _ = rules.QD190().CheckWorkingTime(c, 0)
	if fs[0].Outcome != rules.Fail || fs[0].Bound != rules.Count(rules.AtLeast, 48) {
		t.Errorf("the same person under CT 45: %v", fs)
	}
}

// TestFirstTimeFullTerm: a first-time member needs the body's term: 30
// months for a 2½-year chi bộ term under QĐ 244, 60 by default.
func TestFirstTimeFullTerm(t *testing.T) {
	c := congress(ballot.LevelChiBo, 4, contest(ballot.OfficeCommittee, 3, 4))
	c.Roster = ballot.Roster{Members: &ballot.MembersRoster{Official: 20, Present: 20}}
	c.ReferenceMonth = ballot.MustMonth(2022, 5)
	c.Candidates[0].Retires = ballot.MustMonth(2025, 9) // 40 months left
	for _, tt := range []struct {
		term int
		need int
		want rules.Outcome
	}{{30, 30, rules.Pass}, {0, 60, rules.Fail}, {60, 60, rules.Fail}} {
		c.TermMonths = tt.term
		fs, err := rules.QD244().CheckWorkingTime(c, 0)
		if err != nil || fs[0].Bound != rules.Count(rules.AtLeast, tt.need) || fs[0].Outcome != tt.want || fs[0].Count != 40 {
			t.Errorf("term %d: %v, %v", tt.term, fs[0], err)
		}
	}
}

// TestWorkingTimePerPerson is the property that the bound belongs to the
// person: for random people, levels and reference months, a person's
// working-time verdict is the same on every list of one congress.
func TestWorkingTimePerPerson(t *testing.T) {
	offices := []ballot.Office{ballot.OfficeCommittee, ballot.OfficeStanding, ballot.OfficeSecretary, ballot.OfficeDeputySecretary, ballot.OfficeInspection}
	rapid.Check(t, func(t *rapid.T) {
		g := rapid.SampledFrom([]rules.Regime{rules.QD190(), rules.QD190CT35(), rules.QD244()}).Draw(t, "regime")
		g.WorkingTime.Offices = ballot.OfficesOf(offices[:rapid.IntRange(1, len(offices)).Draw(t, "offices")]...)
		level := rapid.SampledFrom([]ballot.Level{ballot.LevelGrassroots, ballot.LevelCommune, ballot.LevelAboveGrassroots, ballot.LevelProvince}).Draw(t, "level")
		n := rapid.IntRange(1, 8).Draw(t, "people")
		c := congress(level, n)
		c.ReferenceMonth = ballot.MustMonth(rapid.IntRange(2019, 2026).Draw(t, "year"), rapid.IntRange(1, 12).Draw(t, "month"))
		c.TermMonths = rapid.SampledFrom([]int{0, 30, 60}).Draw(t, "term")
		for i := range c.Candidates {
			p := &c.Candidates[i]
			p.Sex = rapid.SampledFrom([]ballot.Sex{ballot.Male, ballot.Female}).Draw(t, "sex")
			p.Born = ballot.MustMonth(rapid.IntRange(1958, 1990).Draw(t, "born"), rapid.IntRange(1, 12).Draw(t, "bm"))
			p.Incumbent = rapid.Bool().Draw(t, "incumbent")
			for _, o := range offices[1:4] {
				if rapid.Bool().Draw(t, "outgoing") {
					p.Outgoing = p.Outgoing.With(o)
				}
			}
		}
		for k, o := range offices {
			ct := contest(o, 1, n)
			ct.ID = ballot.ContestID(fmt.Sprint("k", k))
			c.Contests = append(c.Contests, ct)
		}
		verdict := map[ballot.CandidateID]rules.Finding{}
		for i := range c.Contests {
			fs, err := g.CheckWorkingTime(c, i)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				prev, seen := verdict[f.Subject]
				f.Path, f.Office = "", 0
				if seen && !cmp.Equal(prev, f) {
					t.Fatalf("%s: %v on one list, %v on %s", f.Subject, prev, f, c.Contests[i].Office)
				}
				verdict[f.Subject] = f
			}
		}
	})
}

// TestPreparedBand: when no whole number of extra candidates lies in the
// prepared list's 10–15 % band, the smallest above 10 % meets it, noted.
func TestPreparedBand(t *testing.T) {
	tests := []struct {
		why      string
		seats, n int
		min, max rules.Outcome
		note     rules.Note
	}{
		{"13 seats, 2 extra (15,38 %): no whole number in the band, the smallest above 10 % passes", 13, 15, rules.Pass, rules.Pass, rules.NoWholeNumber},
		{"13 seats, 3 extra: over", 13, 16, rules.Pass, rules.Warning, 0},
		{"13 seats, 1 extra (7,69 %): under", 13, 14, rules.Warning, rules.Pass, 0},
		{"6 seats, 1 extra (16,66 %): the smallest above 10 %", 6, 7, rules.Pass, rules.Pass, rules.NoWholeNumber},
		{"15 seats, 3 extra (20 %): 2 lies in the band, so 3 warns", 15, 18, rules.Pass, rules.Warning, 0},
		{"20 seats, 3 extra (15 %): inside", 20, 23, rules.Pass, rules.Pass, 0},
	}
	for _, tt := range tests {
		v := check(t, rules.QD190(), congress(ballot.LevelProvince, tt.n, contest(ballot.OfficeCommittee, tt.seats, tt.n)))
		lo, _ := find(v, rules.PreparedMin)
		hi, _ := find(v, rules.PreparedMax)
		if lo.Outcome != tt.min || hi.Outcome != tt.max || hi.Note != tt.note || lo.Note != 0 {
			t.Errorf("%s: min %v, max %v note %v", tt.why, lo.Outcome, hi.Outcome, hi.Note)
		}
	}
}

// TestTrimMessageCount: the HD 03 example keeps 5 of 8 floor nominees, and
// the message says 5.
func TestTrimMessageCount(t *testing.T) {
	agree := []int{90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40}
	final := append(list(40), "c41", "c43", "c45", "c47", "c48")
	f, _ := find(check(t, rules.QD190(), nominated(35, 40, agree, 100, []int{41, 43, 45}, final)), rules.NomineeTrim)
	for _, l := range []ballot.Lang{ballot.Vietnamese, ballot.English} {
		nums := regexp.MustCompile(`\d+`).FindAllString(f.Message(l), -1)
		if len(nums) == 0 || nums[0] != "5" {
			t.Errorf("the first number of the trim message is %v, want 5 kept", nums)
		}
	}
}

// TestQD244NoNomineeGate: no 244-era text has the opinion-vote gate, so
// under QĐ 244 a nominee with 20 % agreeing is not held back.
func TestQD244NoNomineeGate(t *testing.T) {
	c := nominated(9, 10, []int{20}, 100, nil, append(list(10), "c11"))
	if got := outcomes(t, check(t, rules.QD244(), c), rules.NomineeGate); len(got) != 0 {
		t.Errorf("QĐ 244 gate findings: %v", got)
	}
	if got := outcomes(t, check(t, rules.QD244(), c), rules.NomineeList); !cmp.Equal(got, []rules.Outcome{rules.Pass}) {
		t.Errorf("QĐ 244: the nominee belongs on the list: %v", got)
	}
	if got := outcomes(t, check(t, rules.QD190(), c), rules.NomineeGate); !cmp.Equal(got, []rules.Outcome{rules.Fail}) {
		t.Errorf("QĐ 190 gate: %v", got)
	}
}

// TestInspectionListWarnings: no published rule names the UBKT's list:
// the committee's surplus rules run on it as warnings citing no article.
func TestInspectionListWarnings(t *testing.T) {
	v := check(t, rules.QD190(), congress(ballot.LevelProvince, 13, contest(ballot.OfficeInspection, 13, 13)))
	f, _ := find(v, rules.SurplusRequired)
	if f.Outcome != rules.Warning || strings.Contains(f.Source, "Điều") {
		t.Errorf("UBKT without surplus: %v [%s]", f.Outcome, f.Source)
	}
	v = check(t, rules.QD190(), congress(ballot.LevelProvince, 13, contest(ballot.OfficeCommittee, 13, 13)))
	if f, _ := find(v, rules.SurplusRequired); f.Outcome != rules.Fail {
		t.Errorf("BCH without surplus: %v", f.Outcome)
	}
}

// TestCentralAlternates: the Central Committee's alternates are their own
// contest with the surplus rules: 26 for 20 (30 %) passes, 27 fails.
func TestCentralAlternates(t *testing.T) {
	for n, want := range map[int]rules.Outcome{26: rules.Pass, 27: rules.Fail} {
		v := check(t, rules.QD190(), congress(ballot.LevelNational, n, contest(ballot.OfficeCommitteeAlternates, 20, n)))
		if f, _ := find(v, rules.SurplusMax); f.Outcome != want {
			t.Errorf("%d for 20 alternates: %v, want %v", n, f.Outcome, want)
		}
	}
}

// TestStandingFrom: a grassroots đảng ủy elects a standing committee only
// with at least 9 committee members, designated members included.
func TestStandingFrom(t *testing.T) {
	c := congress(ballot.LevelGrassroots, 10, contest(ballot.OfficeCommittee, 8, 9), contest(ballot.OfficeStanding, 3, 4))
	c.Contests[1].ID = "btv"
	if got := outcomes(t, check(t, rules.QD190(), c), rules.StandingFrom); !cmp.Equal(got, []rules.Outcome{rules.Fail}) {
		t.Errorf("8 committee members: %v", got)
	}
	c.Designated = []ballot.Designation{{Office: ballot.OfficeCommittee, ID: "c10", By: "Đảng ủy cấp trên"}}
	if got := outcomes(t, check(t, rules.QD190(), c), rules.StandingFrom); !cmp.Equal(got, []rules.Outcome{rules.Pass}) {
		t.Errorf("8 elected + 1 designated: %v", got)
	}
	c.Designated, c.Level = nil, ballot.LevelProvince
	if got := outcomes(t, check(t, rules.QD190(), c), rules.StandingFrom); len(got) != 0 {
		t.Errorf("the rule is for grassroots đảng ủy only: %v", got)
	}
	// The committee's first meeting alone: its sitting members tell the
	// size; with nothing to tell it, nothing is checked.
	c.Level, c.Contests = ballot.LevelGrassroots, c.Contests[1:]
	if got := outcomes(t, check(t, rules.QD190(), c), rules.StandingFrom); len(got) != 0 {
		t.Errorf("no committee size known: %v", got)
	}
	for sitting, want := range map[int]rules.Outcome{8: rules.Fail, 9: rules.Pass} {
		c.Contests[0].Meeting = &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: sitting, Present: sitting}
		if got := outcomes(t, check(t, rules.QD190(), c), rules.StandingFrom); !cmp.Equal(got, []rules.Outcome{want}) {
			t.Errorf("a committee of %d meets to elect a BTV: %v, want %v", sitting, got, want)
		}
	}
}

// TestChiBoNoInspection: a chi bộ congress elects no inspection committee.
func TestChiBoNoInspection(t *testing.T) {
	c := congress(ballot.LevelChiBo, 4, contest(ballot.OfficeInspection, 3, 4))
	c.Roster = ballot.Roster{Members: &ballot.MembersRoster{Official: 12, Present: 12}}
	if got := outcomes(t, check(t, rules.QD190(), c), rules.ChiBoNoInspection); !cmp.Equal(got, []rules.Outcome{rules.Fail}) {
		t.Errorf("a chi bộ's UBKT: %v", got)
	}
}

// TestChainsAdded: the UBKT's vice chairs are drawn from the UBKT; where
// there is no standing committee the secretary is drawn from the
// committee, and where there is one, from it.
func TestChainsAdded(t *testing.T) {
	c := congress(ballot.LevelProvince, 2, contest(ballot.OfficeInspectionVice, 1, 2))
	c.Candidates[0].Holds = ballot.OfficesOf(ballot.OfficeInspection)
	if got := outcomes(t, check(t, rules.QD190(), c), rules.Chain); !cmp.Equal(got, []rules.Outcome{rules.Pass, rules.Fail}) {
		t.Errorf("vice chair chain: %v", got)
	}
	c = congress(ballot.LevelGrassroots, 2, contest(ballot.OfficeSecretary, 1, 2))
	c.Candidates[0].Holds = ballot.OfficesOf(ballot.OfficeCommittee)
	v := check(t, rules.QD190(), c)
	var bodies []ballot.Office
	for _, f := range v.Findings {
		if f.Rule == rules.Chain {
			bodies = append(bodies, f.Body)
		}
	}
	if !cmp.Equal(outcomes(t, v, rules.Chain), []rules.Outcome{rules.Pass, rules.Fail}) || bodies[0] != ballot.OfficeCommittee {
		t.Errorf("no BTV: the secretary must be on the committee: %v", v.Findings)
	}
	c.Candidates[1].Holds = ballot.OfficesOf(ballot.OfficeCommittee, ballot.OfficeStanding)
	for _, f := range check(t, rules.QD190(), c).Findings {
		if f.Rule == rules.Chain && f.Body != ballot.OfficeStanding {
			t.Errorf("with a BTV the secretary is drawn from it, not checked against the committee: %v", f)
		}
	}
}

// TestXIVWomen: Congress XIV elected 180 official and 20 alternate members;
// 21 women of the 200 is "10,5 %" (the base is both contests together).
func TestXIVWomen(t *testing.T) {
	c := congress(ballot.LevelNational, 200, contest(ballot.OfficeCommittee, 180, 180))
	for i := range 21 {
		c.Candidates[i*9].Sex = ballot.Female
	}
	g := rules.QD190()
	g.Quotas = []rules.QuotaRule{{Office: ballot.OfficeCommittee, Trait: rules.Trait{Kind: rules.Women},
		Bound: rules.Share(rules.AtLeast, rules.MustRatio("10%")), Severity: rules.Warning, Source: "local"}}
	fs, err := g.CheckQuotas(c, "", ballot.OfficeCommittee, list(200))
	if err != nil || len(fs) != 1 || fs[0].Count != 21 || fs[0].Base != 200 || fs[0].Outcome != rules.Pass {
		t.Fatalf("%v, %v", fs, err)
	}
	if p := rules.FormatPercent(rules.Percent(21, 200, 1, rules.Truncate), 1, ballot.Vietnamese); p != "10,5 %" {
		t.Errorf("21 of 200 = %s", p)
	}
}

// TestCloseBehind covers decisions of issue 17's "close behind" list.
func TestCloseBehind(t *testing.T) {
	// A share of a base of zero never meets a bound, upper or lower.
	for _, b := range []rules.Bound{rules.Share(rules.AtMost, rules.MustRatio("30%")), rules.Share(rules.LessThan, rules.MustRatio("1%"))} {
		if b.Holds(0, 0) {
			t.Errorf("%v holds on a base of zero", b)
		}
	}
	// NewRatio refuses a zero denominator and a negative numerator.
	for _, nd := range [][2]int64{{1, 0}, {-1, 3}, {1, -3}} {
		if _, err := rules.NewRatio(nd[0], nd[1]); err == nil {
			t.Errorf("NewRatio(%d, %d) accepted", nd[0], nd[1])
		}
	}
	if r, err := rules.NewRatio(0, 5); err != nil || !r.IsZero() {
		t.Errorf("NewRatio(0, 5) = %v, %v", r, err)
	}
	// A duplicate nominee is malformed input.
	c := nominated(8, 10, []int{40, 40}, 100, nil, list(10))
	c.Contests[0].Nominations.Nominees[1].ID = "c11"
	_, err := rules.QD190().Check(c)
	var errs ballot.ErrorList
	if !errors.As(err, &errs) || errs[0].Path != "contests[0].nominations.nominees[1].id" || errs[0].Code != ballot.ErrDuplicate {
		t.Errorf("duplicate nominee: %v", err)
	}
	// A chi bộ regime with no cap (0) checks no size.
	g := rules.QD190()
	g.ChiBo.MaxCommittee, g.ChiBo.MaxDeputies = 0, 0
	cb := congress(ballot.LevelChiBo, 12, contest(ballot.OfficeCommittee, 9, 10), contest(ballot.OfficeDeputySecretary, 2, 2))
	cb.Roster = ballot.Roster{Members: &ballot.MembersRoster{Official: 30, Present: 30}}
	cb.Contests[1].ID = "pbt"
	v := check(t, g, cb)
	if len(outcomes(t, v, rules.ChiBoCommitteeSize))+len(outcomes(t, v, rules.ChiBoDeputies)) != 0 {
		t.Errorf("no cap, yet sizes checked: %v", v.Findings)
	}
	if got := outcomes(t, check(t, rules.QD190(), cb), rules.ChiBoCommitteeSize); !cmp.Equal(got, []rules.Outcome{rules.Fail}) {
		t.Errorf("9 for a chi ủy of at most 7: %v", got)
	}
	// Working time: a first-time member nobody checks (FirstTime 0) does
	// not stop the check of the re-nominees after them on the list.
	g = rules.QD190()
	g.WorkingTime.FullTerm, g.WorkingTime.FirstTime = false, 0
	wt := congress(ballot.LevelProvince, 3, contest(ballot.OfficeCommittee, 2, 3))
	wt.Candidates[1].Incumbent, wt.Candidates[2].Incumbent = true, true
	fs, err := g.CheckWorkingTime(wt, 0)
	if err != nil || len(fs) != 2 || fs[0].Subject != "c2" || fs[1].Subject != "c3" {
		t.Errorf("working time after an unchecked person: %v, %v", fs, err)
	}
	// An age quota needs each birth month when the reference month is there.
	g = rules.QD190()
	g.Quotas = []rules.QuotaRule{{Office: ballot.OfficeCommittee, Trait: rules.Trait{Kind: rules.AgeBracket, MaxAge: 39},
		Bound: rules.Count(rules.AtLeast, 1), Severity: rules.Warning}}
	aq := congress(ballot.LevelProvince, 3, contest(ballot.OfficeCommittee, 2, 3))
	aq.Candidates[1].Born = ballot.Month{}
	_, err = g.CheckQuotas(aq, "contests[0]", ballot.OfficeCommittee, list(3))
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Path != "candidates[1].born" || errs[0].Code != ballot.ErrRequired {
		t.Errorf("no birth month under an age quota: %v", err)
	}
}

// TestEveryFindingCites: under every named regime, every finding of a
// generated congress names its source.
func TestEveryFindingCites(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := rapid.SampledFrom([]rules.Regime{rules.QD190(), rules.QD190CT35(), rules.QD244()}).Draw(t, "regime")
		c := ballottest.Congress().Draw(t, "congress")
		v, err := g.Check(c)
		if err != nil {
			return // generated personnel data may lack what a rule needs
		}
		for _, f := range v.Findings {
			if f.Source == "" {
				t.Fatalf("%s: %v cites nothing", g.Name, f)
			}
		}
	})
}
