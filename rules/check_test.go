package rules_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
)

// congress builds a well-formed congress with n people c1..cn and the given
// contests, for the tests of this package.
func congress(level ballot.Level, n int, contests ...ballot.Contest) ballot.Congress {
	c := ballot.Congress{
		Name:           "Đại hội thử",
		Level:          level,
		ReferenceMonth: ballot.MustMonth(2025, 7),
		Roster:         ballot.Roster{Members: &ballot.MembersRoster{Official: 200, Present: 200}},
	}
	for i := range n {
		c.Candidates = append(c.Candidates, ballot.Candidate{
			ID: id(i), Name: fmt.Sprintf("Người %d", i+1), Sex: ballot.Male, Born: ballot.MustMonth(1980, 1),
		})
	}
	c.Contests = contests
	return c
}

func id(i int) ballot.CandidateID { return ballot.CandidateID(fmt.Sprintf("c%d", i+1)) }

func list(n int) []ballot.CandidateID {
	l := make([]ballot.CandidateID, n)
	for i := range l {
		l[i] = id(i)
	}
	return l
}

func contest(o ballot.Office, seats, n int) ballot.Contest {
	return ballot.Contest{ID: "k", Office: o, Paper: ballot.Paper{Seats: seats, Candidates: list(n)}}
}

// outcomes returns the outcome of each finding of rule r.
func outcomes(t *testing.T, v rules.Verdict, r rules.RuleID) []rules.Outcome {
	t.Helper()
	var out []rules.Outcome
	for _, f := range v.Findings {
		if f.Rule == r {
			out = append(out, f.Outcome)
		}
	}
	return out
}

func find(v rules.Verdict, r rules.RuleID) (rules.Finding, bool) {
	for _, f := range v.Findings {
		if f.Rule == r {
			return f, true
		}
	}
	return rules.Finding{}, false
}

func check(t *testing.T, g rules.Regime, c ballot.Congress) rules.Verdict {
	t.Helper()
	v, err := g.Check(c)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return v
}

// TestSurplus covers the surplus rules at and around each boundary.
func TestSurplus(t *testing.T) {
	min15 := rules.QD190()
	min15.Lists = append(min15.Lists, rules.ListRule{Rule: rules.SurplusMin, Offices: ballot.OfficesOf(ballot.OfficeCommittee),
		Bound: rules.Share(rules.AtLeast, rules.MustRatio("15%")), Severity: rules.Fail, Source: "HCMC 2020"})
	lower := rules.QD190()
	for i := range lower.Lists {
		if lower.Lists[i].Rule == rules.SurplusMax {
			lower.Lists[i].Bound.Limit = rules.MustRatio("20%") // the congress sets a lower cap
		}
	}
	tests := []struct {
		name        string
		reason      string
		regime      rules.Regime
		office      ballot.Office
		seats, n    int
		rule        rules.RuleID
		want        rules.Outcome
		wantNeeded  int
		wantExcess  int
		wantMissing bool // the rule must not be evaluated
	}{
		{name: "required/none", reason: "as many names as seats: a surplus is required",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 15, n: 15, rule: rules.SurplusRequired, want: rules.Fail, wantNeeded: 1},
		{name: "required/one", reason: "one extra name is enough",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 15, n: 16, rule: rules.SurplusRequired, want: rules.Pass},
		{name: "max/exactly-30", reason: "26 names for 20 seats is exactly 30 %, accepted at the XII Congress",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 20, n: 26, rule: rules.SurplusMax, want: rules.Pass},
		{name: "max/30-plus-one", reason: "27 for 20 is 35 %: one name too many",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 20, n: 27, rule: rules.SurplusMax, want: rules.Fail, wantExcess: 1},
		{name: "max/XII-official", reason: "XII Congress: 220 for 180 (22.2 %)",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 180, n: 220, rule: rules.SurplusMax, want: rules.Pass},
		{name: "max/lower-cap", reason: "the congress set 20 %: 19 for 15 (26.7 %) is over",
			regime: lower, office: ballot.OfficeCommittee, seats: 15, n: 19, rule: rules.SurplusMax, want: rules.Fail, wantExcess: 1},
		{name: "small/3-seats-1-extra", reason: "3 seats with 1 extra (33 %) passes: the 3–5 rule overrides the 30 % cap",
			regime: rules.QD190(), office: ballot.OfficeStanding, seats: 3, n: 4, rule: rules.SurplusSmallBody, want: rules.Pass},
		{name: "small/3-seats-no-cap", reason: "the overridden 30 % cap is not evaluated for 3 seats",
			regime: rules.QD190(), office: ballot.OfficeStanding, seats: 3, n: 4, rule: rules.SurplusMax, wantMissing: true},
		{name: "small/3-seats-2-extra", reason: "3 seats with 2 extra fails",
			regime: rules.QD190(), office: ballot.OfficeStanding, seats: 3, n: 5, rule: rules.SurplusSmallBody, want: rules.Fail, wantExcess: 1},
		{name: "small/5-seats-2-extra", reason: "5 seats with 2 extra (40 %) fails the small-body rule",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 5, n: 7, rule: rules.SurplusSmallBody, want: rules.Fail, wantExcess: 1},
		{name: "small/6-seats", reason: "6 seats is not a small body: the 30 % cap applies (2/6 = 33 %)",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 6, n: 8, rule: rules.SurplusMax, want: rules.Fail, wantExcess: 1},
		{name: "min15/15-seats-17", reason: "at least 15 % of 15 seats is 2.25: 17 names are not enough",
			regime: min15, office: ballot.OfficeCommittee, seats: 15, n: 17, rule: rules.SurplusMin, want: rules.Fail, wantNeeded: 1},
		{name: "min15/15-seats-18", reason: "18 names for 15 seats meet at least 15 %",
			regime: min15, office: ballot.OfficeCommittee, seats: 15, n: 18, rule: rules.SurplusMin, want: rules.Pass},
		{name: "min15/20-seats-22", reason: "at least 15 % of 20 seats is 3: 22 names are not enough",
			regime: min15, office: ballot.OfficeCommittee, seats: 20, n: 22, rule: rules.SurplusMin, want: rules.Fail, wantNeeded: 1},
		{name: "min15/20-seats-23", reason: "23 names for 20 seats is exactly 15 %: at least holds",
			regime: min15, office: ballot.OfficeCommittee, seats: 20, n: 23, rule: rules.SurplusMin, want: rules.Pass},
		{name: "prepared/XII", reason: "XII Congress prepared list: 221 for 200 (10.5 %) is in the band",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 200, n: 221, rule: rules.PreparedMin, want: rules.Pass},
		{name: "prepared/over-15", reason: "Thái Nguyên 2020: 58 for 51 (13.73 %) is in the band",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 51, n: 58, rule: rules.PreparedMax, want: rules.Pass},
		{name: "prepared/warning", reason: "26 for 20 (30 %) passes the cap but is outside the 10–15 % band: a warning",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 20, n: 26, rule: rules.PreparedMax, want: rules.Warning, wantExcess: 3},
		{name: "prepared/under-10", reason: "Tây Ninh 2020: 54 for 49 (10.20 %) is in the band; 53 for 49 (8.2 %) is under",
			regime: rules.QD190(), office: ballot.OfficeCommittee, seats: 49, n: 53, rule: rules.PreparedMin, want: rules.Warning, wantNeeded: 1},
		{name: "secretary/single", reason: "a single candidate for secretary is normal: no surplus rule",
			regime: rules.QD190(), office: ballot.OfficeSecretary, seats: 1, n: 1, rule: rules.SurplusRequired, wantMissing: true},
		{name: "delegates/no-surplus", reason: "a delegates' list without surplus is allowed by default",
			regime: rules.QD190(), office: ballot.OfficeDelegates, seats: 19, n: 19, rule: rules.SurplusRequired, wantMissing: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := check(t, tt.regime, congress(ballot.LevelProvince, tt.n, contest(tt.office, tt.seats, tt.n)))
			f, ok := find(v, tt.rule)
			if tt.wantMissing {
				if ok {
					t.Errorf("%s: %v evaluated: %v", tt.reason, tt.rule, f)
				}
				return
			}
			if !ok {
				t.Fatalf("%s: %v not evaluated; findings: %v", tt.reason, tt.rule, v.Findings)
			}
			if f.Outcome != tt.want || f.Needed != tt.wantNeeded || f.Excess != tt.wantExcess || f.Count != tt.n-tt.seats {
				t.Errorf("%s\n%v: outcome %v needed %d excess %d count %d; want %v, %d, %d, %d",
					tt.reason, tt.rule, f.Outcome, f.Needed, f.Excess, f.Count, tt.want, tt.wantNeeded, tt.wantExcess, tt.n-tt.seats)
			}
			if f.Path != "contests[0]" || f.Office != tt.office {
				t.Errorf("path %q office %v", f.Path, f.Office)
			}
		})
	}
}

// nominated builds a committee contest from a convening committee's list of
// `introduced` names, the given nominees' agree counts, and withdrawals; the
// final list holds whatever `final` says.
func nominated(seats, introduced int, agree []int, attending int, withdrawn []int, final []ballot.CandidateID) ballot.Congress {
	n := &ballot.Nominations{Attending: attending, Introduced: list(introduced)}
	for j, a := range agree {
		n.Nominees = append(n.Nominees, ballot.Nominee{ID: id(introduced + j), Agree: a})
	}
	for _, w := range withdrawn {
		n.Withdrawn = append(n.Withdrawn, id(w))
	}
	ct := ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: seats, Candidates: final}, Nominations: n}
	c := congress(ballot.LevelProvince, introduced+len(agree), ct)
	for j := range agree {
		c.Candidates[introduced+j].Origin = ballot.FromFloor
	}
	return c
}

func without(l []ballot.CandidateID, drop ...ballot.CandidateID) []ballot.CandidateID {
	var out []ballot.CandidateID
	for _, x := range l {
		keep := true
		for _, d := range drop {
			keep = keep && x != d
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// TestNomineeGate checks the "more than 30 % of attendees" gate at its
// boundary: exactly 30 % fails.
func TestNomineeGate(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		agree  int
		onList bool
		want   rules.Outcome
	}{
		{"exactly-30", "30 of 100 is not more than 30 %: kept off the list, as it should be", 30, false, rules.Pass},
		{"exactly-30-listed", "30 of 100 on the list anyway: fail", 30, true, rules.Fail},
		{"just-over", "31 of 100 passes the gate", 31, true, rules.Pass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			final := list(10)
			if tt.onList {
				final = list(11)
			}
			v := check(t, rules.QD190(), nominated(8, 10, []int{tt.agree}, 100, nil, final))
			f, _ := find(v, rules.NomineeGate)
			if f.Outcome != tt.want || f.Count != tt.agree || f.Base != 100 || f.Subject != "c11" {
				t.Errorf("%s: %+v", tt.reason, f)
			}
			if f.Path != "contests[0].nominations.nominees[0]" {
				t.Errorf("path %q", f.Path)
			}
		})
	}
}

// TestNomineeTrim reproduces the worked example of HD 03: elect 35; the
// committee introduced 40; 11 were nominated, all through the gate (51);
// 3 of 7 withdrawals were allowed, all of nominees (48); the cap of
// ⌊0.30·35⌋ = 10 allows 45 names, so 5 of the 8 nominees are kept, from the
// most votes down.
func TestNomineeTrim(t *testing.T) {
	agree := []int{90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40} // nominees c41..c51
	withdrawn := []int{41, 43, 45}                             // c42, c44, c46 withdrew
	kept := []ballot.CandidateID{"c41", "c43", "c45", "c47", "c48"}
	final := append(list(40), kept...)

	v := check(t, rules.QD190(), nominated(35, 40, agree, 100, withdrawn, final))
	trim, ok := find(v, rules.NomineeTrim)
	if !ok {
		t.Fatalf("no trim finding: %v", v.Findings)
	}
	want := rules.Finding{Rule: rules.NomineeTrim, Path: "contests[0].nominations", Outcome: rules.Pass,
		Office: ballot.OfficeCommittee, Bound: rules.Count(rules.AtMost, 5), Count: 8, Excess: 3,
		Names: []ballot.CandidateID{"c49", "c50", "c51"}, Source: trim.Source}
	if diff := cmp.Diff(want, trim); diff != "" {
		t.Errorf("trim (-want +got):\n%s", diff)
	}
	if got := outcomes(t, v, rules.NomineeList); !cmp.Equal(got, []rules.Outcome{rules.Pass}) {
		t.Errorf("nominee-list = %v, want pass", got)
	}

	// The same list printed with a dropped nominee instead of a kept one.
	wrong := append(list(40), "c41", "c43", "c45", "c47", "c49")
	v = check(t, rules.QD190(), nominated(35, 40, agree, 100, withdrawn, wrong))
	f, _ := find(v, rules.NomineeList)
	if f.Outcome != rules.Fail || !cmp.Equal(f.Names, []ballot.CandidateID{"c49", "c48"}) {
		t.Errorf("a wrong list: %+v", f)
	}
}

// TestNomineeTrimTie checks that a tie at the cut is reported with the tied
// names and the places left, never broken.
func TestNomineeTrimTie(t *testing.T) {
	agree := []int{90, 85, 80, 75, 70, 70, 60, 55} // c41..c48; c45 and c46 tie for the 5th place
	final := append(list(40), "c41", "c42", "c43", "c44", "c45")
	v := check(t, rules.QD190(), nominated(35, 40, agree, 100, nil, final))
	f, _ := find(v, rules.NomineeTrim)
	if f.Outcome != rules.Fail || !cmp.Equal(f.Names, []ballot.CandidateID{"c45", "c46"}) || f.Needed != 1 {
		t.Errorf("tie at the cut: %+v", f)
	}
	// Either tied name may stand until the congress decides.
	if got := outcomes(t, v, rules.NomineeList); !cmp.Equal(got, []rules.Outcome{rules.Pass}) {
		t.Errorf("nominee-list = %v", got)
	}
	if v.OK() {
		t.Error("a tie at the cut leaves the verdict OK")
	}
}

// TestChiBo covers the chi bộ rules of QĐ 294.
func TestChiBo(t *testing.T) {
	tests := []struct {
		name    string
		reason  string
		members int
		office  ballot.Office
		seats   int
		rule    rules.RuleID
		want    rules.Outcome
	}{
		{"9-members", "9 official members may elect a chi ủy", 9, ballot.OfficeCommittee, 3, rules.ChiBoCommittee, rules.Pass},
		{"8-members", "8 official members elect only a secretary", 8, ballot.OfficeCommittee, 3, rules.ChiBoCommittee, rules.Fail},
		{"7-seats", "a chi ủy of 7", 30, ballot.OfficeCommittee, 7, rules.ChiBoCommitteeSize, rules.Pass},
		{"8-seats", "a chi ủy of 8 is too large", 30, ballot.OfficeCommittee, 8, rules.ChiBoCommitteeSize, rules.Fail},
		{"1-deputy", "one deputy secretary", 8, ballot.OfficeDeputySecretary, 1, rules.ChiBoDeputies, rules.Pass},
		{"2-deputies", "two deputy secretaries in a chi bộ", 30, ballot.OfficeDeputySecretary, 2, rules.ChiBoDeputies, rules.Fail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := congress(ballot.LevelChiBo, tt.seats+1, contest(tt.office, tt.seats, tt.seats+1))
			c.Roster.Members.Official, c.Roster.Members.Present = tt.members, tt.members
			v := check(t, rules.QD190(), c)
			if got := outcomes(t, v, tt.rule); !cmp.Equal(got, []rules.Outcome{tt.want}) {
				t.Errorf("%s: %v = %v, want %v", tt.reason, tt.rule, got, tt.want)
			}
		})
	}
	c := congress(ballot.LevelChiBo, 2)
	c.Roster = ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 10, Present: 10}}
	if got := outcomes(t, check(t, rules.QD190(), c), rules.ChiBoMembers); !cmp.Equal(got, []rules.Outcome{rules.Fail}) {
		t.Errorf("a chi bộ delegates' congress: %v", got)
	}
}

// TestChain checks that a candidate for an office outside the body it is
// drawn from is named with the missing body.
func TestChain(t *testing.T) {
	btv := contest(ballot.OfficeStanding, 3, 4)
	c := congress(ballot.LevelProvince, 4, btv)
	for i := range 3 {
		c.Candidates[i].Holds = ballot.OfficesOf(ballot.OfficeCommittee)
	}
	v := check(t, rules.QD190(), c)
	var fails []rules.Finding
	for _, f := range v.Findings {
		if f.Rule == rules.Chain && f.Outcome == rules.Fail {
			fails = append(fails, f)
		}
	}
	if len(fails) != 1 || fails[0].Subject != "c4" || fails[0].Body != ballot.OfficeCommittee || fails[0].Path != "contests[0].candidates[3]" {
		t.Errorf("chain failures = %v", fails)
	}
	if got := len(outcomes(t, v, rules.Chain)); got != 4 {
		t.Errorf("%d chain findings, want one per candidate", got)
	}
	// Secretary of a chi bộ: drawn from the chi ủy, not from a BTV.
	sec := contest(ballot.OfficeSecretary, 1, 1)
	c = congress(ballot.LevelChiBo, 2, sec)
	c.Candidates[1].Holds = ballot.OfficesOf(ballot.OfficeCommittee)
	f, _ := find(check(t, rules.QD190(), c), rules.Chain)
	if f.Outcome != rules.Fail || f.Body != ballot.OfficeCommittee || f.Subject != "c1" {
		t.Errorf("chi bộ secretary outside the chi ủy: %+v", f)
	}
}

// TestQuotas checks counts, shares and the number still needed.
func TestQuotas(t *testing.T) {
	g := rules.QD190()
	g.Quotas = append(rules.CT35Quotas(), rules.QuotaRule{Office: ballot.OfficeCommittee,
		Trait: rules.Trait{Kind: rules.AgeBracket, MaxAge: 34}, Bound: rules.Count(rules.AtLeast, 1), Severity: rules.Fail, Source: "HCMC 2020"})
	c := congress(ballot.LevelProvince, 20, contest(ballot.OfficeCommittee, 17, 20))
	// 2 women of 20 (10 %); ages at 2025-07: one 34 (born 1990-08), one just 40 (1985-07), 18 aged 45.
	c.Candidates[0].Sex, c.Candidates[1].Sex = ballot.Female, ballot.Female
	c.Candidates[2].Born, c.Candidates[3].Born = ballot.MustMonth(1990, 8), ballot.MustMonth(1985, 7)
	v := check(t, g, c)
	type q struct {
		Trait          rules.Trait
		Outcome        rules.Outcome
		Count, Base    int
		Needed, Excess int
	}
	var got []q
	for _, f := range v.Findings {
		if f.Rule == rules.Quota {
			got = append(got, q{f.Trait, f.Outcome, f.Count, f.Base, f.Needed, f.Excess})
		}
	}
	want := []q{
		{rules.Trait{Kind: rules.Women}, rules.Warning, 2, 20, 1, 0},                               // 15 % of 20 is 3
		{rules.Trait{Kind: rules.AgeBracket, MaxAge: 39}, rules.Warning, 1, 20, 1, 0},              // under 40: 1, 10 % of 20 is 2
		{rules.Trait{Kind: rules.AgeBracket, MinAge: 40, MaxAge: 50}, rules.Warning, 19, 20, 0, 9}, // about 40–50 %, one band: 10 of 20 at most
		{rules.Trait{Kind: rules.AgeBracket, MaxAge: 34}, rules.Pass, 1, 0, 0, 0},                  // a member under 35
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quotas (-want +got):\n%s", diff)
	}
	for _, f := range v.Findings {
		if f.Rule == rules.Quota && f.Trait.MinAge == 40 && (f.Upper != rules.Share(rules.AtMost, rules.MustRatio("50%")) || f.Bound != rules.Share(rules.AtLeast, rules.MustRatio("40%"))) {
			t.Errorf("the 40–50 band is reported as a band (khoảng), bounds %v and %v", f.Bound, f.Upper)
		}
	}
	// The same list at a commune or a ward: CT 35 (2019) names province and
	// district only; only the local rule is checked.
	c.Level = ballot.LevelCommune
	got = nil
	for _, f := range check(t, g, c).Findings {
		if f.Rule == rules.Quota {
			got = append(got, q{f.Trait, f.Outcome, f.Count, f.Base, f.Needed, f.Excess})
		}
	}
	if diff := cmp.Diff(want[3:], got); diff != "" {
		t.Errorf("quotas at a commune (-want +got):\n%s", diff)
	}
	c.Level = ballot.LevelProvince

	// Missing data is an error naming each person and field.
	c.Candidates[5].Sex = 0
	c.Candidates[6].Born = ballot.Month{}
	_, err := g.Check(c)
	var list ballot.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("missing data: err = %v", err)
	}
	var paths []ballot.Path
	for _, e := range list {
		paths = append(paths, e.Path)
	}
	if diff := cmp.Diff([]ballot.Path{"candidates[5].sex", "candidates[6].born"}, paths); diff != "" {
		t.Errorf("error paths (-want +got):\n%s", diff)
	}
}

func TestMalformedCongress(t *testing.T) {
	c := congress(ballot.LevelProvince, 2, contest(ballot.OfficeCommittee, 3, 2))
	if _, err := rules.QD190().Check(c); !errors.Is(err, ballot.ErrConflict) {
		t.Errorf("a list shorter than its seats: err = %v", err)
	}
}
