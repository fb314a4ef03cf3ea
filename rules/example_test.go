package rules_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
)

func person(id, name string, sex ballot.Sex, born string, incumbent bool) ballot.Candidate {
	m, err := ballot.ParseMonth(born)
	if err != nil {
		panic(err)
	}
	return ballot.Candidate{ID: ballot.CandidateID(id), Name: name, Sex: sex, Born: m, Incumbent: incumbent}
}

// A chi bộ of 24 official members elects a chi ủy of 5 from 6 names, then
// its secretary and deputy from the chi ủy. One first-time name on the chi
// ủy list (a man born 1/1966, who retires in 10/2027) cannot serve a term.
func ExampleRegime_Check_chiBo() {
	c := ballot.Congress{
		Name:   "Đại hội Chi bộ Trường THCS Lê Lợi",
		Level:  ballot.LevelChiBo, // reference month 4/2025 under CT 45
		Roster: ballot.Roster{Members: &ballot.MembersRoster{Official: 24, Present: 23, AbsentWithReason: 1}},
		Candidates: []ballot.Candidate{
			person("an", "Nguyễn Thị An", ballot.Female, "1978-02", true),
			person("binh", "Lê Văn Bình", ballot.Male, "1985-06", true),
			person("cuong", "Trần Quốc Cường", ballot.Male, "1966-01", false),
			person("dung", "Phạm Thị Dung", ballot.Female, "1990-09", false),
			person("hai", "Võ Văn Hải", ballot.Male, "1982-12", true),
			person("lan", "Đỗ Thị Lan", ballot.Female, "1988-03", false),
		},
		Contests: []ballot.Contest{
			{ID: "chi-uy", Office: ballot.OfficeCommittee,
				Paper: ballot.Paper{Seats: 5, Candidates: []ballot.CandidateID{"an", "binh", "cuong", "dung", "hai", "lan"}}},
			{ID: "bi-thu", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"an"}}},
			{ID: "pho-bi-thu", Office: ballot.OfficeDeputySecretary, Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"binh"}}},
		},
	}
	v, err := rules.QD190().Check(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range v.Findings {
		fmt.Printf("%-7s %-20s %s\n", f.Outcome, f.Rule, f.Message(ballot.Vietnamese))
	}
	fmt.Println(v.OK())
	// Output:
	// pass    chibo-members        đại hội chi bộ là đại hội đảng viên
	// pass    chibo-committee      chi bộ có 24 đảng viên chính thức; bầu chi ủy khi ít nhất 9
	// pass    chibo-committee-size chi ủy bầu 5 người, không quá 7
	// pass    chibo-deputies       bầu 1 phó bí thư, không quá 1
	// pass    surplus-required     Ban Chấp hành: số dư 1, yêu cầu ít nhất 1
	// pass    surplus-small-body   Ban Chấp hành: số dư 1, yêu cầu không quá 1
	// pass    working-time         an còn 154 tháng công tác, cần ít nhất 48 tháng
	// pass    working-time         binh còn 266 tháng công tác, cần ít nhất 48 tháng
	// fail    working-time         cuong còn 30 tháng công tác, cần ít nhất 60 tháng; cần thêm 30
	// pass    working-time         dung còn 305 tháng công tác, cần ít nhất 60 tháng
	// pass    working-time         hai còn 236 tháng công tác, cần ít nhất 48 tháng
	// pass    working-time         lan còn 275 tháng công tác, cần ít nhất 60 tháng
	// false
}

// A ward's delegates' congress: the convening committee introduced 17 names
// for 15 seats; one floor nominee passed the opinion vote and one
// self-nominee did not. The province's guidance, added to the current
// regime, asks for an introduced list at least 15 % over the seats and a
// committee member under 35. The targets of Chỉ thị 35-CT/TW of 30/5/2019,
// appended too, are scoped to province and district: none applies to a
// ward.
func ExampleRegime_Check_dangBo() {
	g := rules.QD190()
	g.Name += " + hướng dẫn của Tỉnh ủy"
	g.Lists = append(g.Lists, rules.ListRule{ // "the introduced list: at least 15 % more candidates than seats"
		Rule: rules.SurplusMin, Offices: ballot.OfficesOf(ballot.OfficeCommittee), Stage: rules.Prepared,
		Bound: rules.Share(rules.AtLeast, rules.MustRatio("15%")), Severity: rules.Fail, Source: "Hướng dẫn của Tỉnh ủy"})
	g.Quotas = append(rules.CT35Quotas(), rules.QuotaRule{ // "a committee member under 35"
		Office: ballot.OfficeCommittee, Trait: rules.Trait{Kind: rules.AgeBracket, MaxAge: 34},
		Bound: rules.Count(rules.AtLeast, 1), Severity: rules.Fail, Source: "Hướng dẫn của Tỉnh ủy"})

	c := ballot.Congress{
		Name:   "Đại hội đại biểu Đảng bộ phường Hòa An",
		Level:  ballot.LevelCommune, // reference month 7/2025 under CT 45
		Roster: ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 150, Present: 147, CommitteeAbsent: 1, AbsentUnreplaced: 2}},
	}
	var introduced []ballot.CandidateID
	for i := range 17 {
		sex := ballot.Male
		if i%4 == 0 {
			sex = ballot.Female // 5 women of 17
		}
		born := fmt.Sprintf("%d-05", 1972+i)
		if i == 2 {
			born = "1967-01" // an incumbent who retires in 1/2029
		}
		p := person(fmt.Sprintf("c%02d", i+1), fmt.Sprintf("Ứng viên %d", i+1), sex, born, i < 10)
		c.Candidates = append(c.Candidates, p)
		introduced = append(introduced, p.ID)
	}
	floor := person("c18", "Cao Văn Tài", ballot.Male, "1970-06", false)
	floor.Origin = ballot.FromFloor
	self := person("c19", "Tạ Văn Hiếu", ballot.Male, "1968-02", false)
	self.Origin = ballot.FromSelf
	c.Candidates = append(c.Candidates, floor, self)
	c.Contests = []ballot.Contest{{
		ID: "bch", Office: ballot.OfficeCommittee,
		Paper: ballot.Paper{Seats: 15, Candidates: append(introduced[:17:17], "c18")},
		Nominations: &ballot.Nominations{Introduced: introduced, Attending: 147,
			Nominees: []ballot.Nominee{{ID: "c18", Agree: 60}, {ID: "c19", Agree: 30}}},
	}}

	v, err := g.Check(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v)
	for _, f := range v.Findings {
		if f.Rule != rules.WorkingTime || f.Outcome != rules.Pass {
			fmt.Printf("%-7s %s\n", f.Outcome, f.Message(ballot.Vietnamese))
		}
	}
	// Output:
	// QĐ 190-QĐ/TW + Chỉ thị 45-CT/TW ngày 14/4/2025 + hướng dẫn của Tỉnh ủy: 27 checks, 24 pass, 0 warning, 3 fail (first: surplus-min at contests[0].nominations.introduced)
	// pass    Ban Chấp hành: số dư 3, yêu cầu ít nhất 1
	// pass    Ban Chấp hành: số dư 3/15 (20,00 %), yêu cầu không quá 30 %
	// pass    Ban Chấp hành: danh sách cấp ủy giới thiệu có số dư 2/15 (13,33 %), nên ít nhất 10 %
	// pass    Ban Chấp hành: danh sách cấp ủy giới thiệu có số dư 2/15 (13,33 %), nên không quá 15 %
	// fail    Ban Chấp hành: số dư 2/15 (13,33 %), yêu cầu ít nhất 15 %; cần thêm 1
	// pass    c18 được 60/147 (40,81 %) đại biểu dự đồng ý, quá 30 %: đủ điều kiện vào danh sách
	// pass    c19 chỉ được 30/147 (20,40 %) đồng ý, cần quá 30 %: không vào danh sách
	// pass    Ban Chấp hành: danh sách bầu cử khớp với kết quả giới thiệu, đề cử, ứng cử và xin rút
	// fail    Ban Chấp hành: người dưới 35 tuổi là 0, mục tiêu ít nhất 1; cần thêm 1
	// fail    c03 còn 42 tháng công tác, cần ít nhất 48 tháng; cần thêm 6
}

func ExampleParseRatio() {
	for _, s := range []string{"15%", "0,3", "1/3", "12,5 %"} {
		r, err := rules.ParseRatio(s)
		fmt.Println(s, "→", r, r.Num(), r.Den(), err)
	}
	// "At least 15 %" of 15 seats needs a surplus of 2.25, so 3: n ≥ 18.
	b := rules.Share(rules.AtLeast, rules.MustRatio("15%"))
	for _, n := range []int{17, 18} {
		needed, _ := b.Fix(n-15, 15)
		fmt.Printf("%d for 15 seats: %v, needs %d more\n", n, b.Holds(n-15, 15), needed)
	}
	// Output:
	// 15% → 15% 3 20 <nil>
	// 0,3 → 30% 3 10 <nil>
	// 1/3 → 1/3 1 3 <nil>
	// 12,5 % → 12.5% 1 8 <nil>
	// 17 for 15 seats: false, needs 1 more
	// 18 for 15 seats: true, needs 0 more
}

// The Labour Code's schedule raises the retirement age month by month; the
// age in force in the year a person reaches it applies.
func ExampleRetirementPolicy_RetirementMonth() {
	lc := rules.LabourCode2019()
	for _, born := range []ballot.Month{ballot.MustMonth(1971, 12), ballot.MustMonth(1972, 1)} {
		m, _ := lc.RetirementMonth(ballot.Female, born)
		fmt.Printf("a woman born %s retires in %s\n", born.Format(ballot.Vietnamese), m.Format(ballot.Vietnamese))
	}
	// Output:
	// a woman born 12/1971 retires in 12/2029
	// a woman born 01/1972 retires in 05/2030
}

func ExamplePercent() {
	// 28 more names than the 163 seats, as the press printed it and rounded.
	fmt.Println(rules.FormatPercent(rules.Percent(28, 163, 2, rules.Truncate), 2, ballot.Vietnamese))
	fmt.Println(rules.FormatPercent(rules.Percent(28, 163, 2, rules.HalfUp), 2, ballot.English))
	// Output:
	// 17,17 %
	// 17.18%
}

// The regime in force for a congress is picked from its opening day and
// level, part by part; a month that holds a boundary is not enough.
func ExampleInForce() {
	for _, d := range []ballot.Date{ballot.MustDate(2025, 1, 16), ballot.MustDate(2025, 9, 20), {Month: ballot.MustMonth(2025, 4)}} {
		g, err := rules.InForce(d, ballot.LevelCommune)
		if err != nil {
			fmt.Println(d, err)
			continue
		}
		fmt.Printf("%s: %s; re-election %d months\n", d, g.Name, g.WorkingTime.Reelection)
	}
	// Output:
	// 2025-01-16: QĐ 190-QĐ/TW + Chỉ thị 35-CT/TW ngày 14/6/2024; re-election 30 months
	// 2025-09-20: QĐ 190-QĐ/TW + Chỉ thị 45-CT/TW ngày 14/4/2025; re-election 48 months
	// 2025-04 opening: 4/2025 holds a change of regime, on 14/4/2025: the opening day is needed
}
