package rules

import (
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// ElectionRules is the part of a regime the election regulation sets
// (rules.md §0): the lists and their surplus, the nomination gate, the chi
// bộ rules, who may stand for what, and the count. It is in force for
// congresses opening From to Until (both days included; a zero Until is
// still in force).
type ElectionRules struct {
	Name        string
	From, Until ballot.Date
	Lists       []ListRule
	Nomination  NominationRule
	ChiBo       ChiBoRule
	Chains      []ChainRule
	Standing    StandingRule
	Counting    CountingRule
}

// A Directive is the part of a regime the round's directive sets (rules.md
// §0, §5): working time, structure targets, the retirement policy it
// computes with and the reference months. It is in force for congresses
// opening From to Until.
type Directive struct {
	Name               string
	From, Until        ballot.Date
	WorkingTime        WorkingTimeRule
	Quotas             []QuotaRule
	Retirement         RetirementPolicy
	ReferenceMonths    []LevelMonth
	OpeningIsReference bool
}

// Compose returns the regime made of election rules r and directive d.
func Compose(r ElectionRules, d Directive) Regime {
	return Regime{
		Name: r.Name + " + " + d.Name, RulesName: r.Name, DirectiveName: d.Name,
		Lists: slices.Clone(r.Lists), Nomination: r.Nomination, ChiBo: r.ChiBo,
		Chains: slices.Clone(r.Chains), Standing: r.Standing, Counting: r.Counting,
		Quotas: slices.Clone(d.Quotas), WorkingTime: d.WorkingTime, Retirement: d.Retirement,
		ReferenceMonths: slices.Clone(d.ReferenceMonths), OpeningIsReference: d.OpeningIsReference,
	}.Clone()
}

// The source strings. Documents with the same number carry their date
// (two Chỉ thị 35-CT/TW, of 2019 and 2024).
const (
	nameQD190 = "QĐ 190-QĐ/TW"
	nameQD244 = "QĐ 244-QĐ/TW"
	nameCT45  = "Chỉ thị 45-CT/TW ngày 14/4/2025"
	nameCT35b = "Chỉ thị 35-CT/TW ngày 14/6/2024"
	nameCT35a = "Chỉ thị 35-CT/TW ngày 30/5/2019"
	srcHD04   = "Hướng dẫn 04-HD/TW ngày 31/12/2024"
	srcUBKT   = "không có quy định về số dư danh sách Ủy ban Kiểm tra; quy tắc của cấp ủy, để tham khảo (no published rule for UBKT; BCH rule shown for information)"
	srcStand  = "Điều lệ Đảng Điều 22 khoản 5; HD 01-HD/TW ngày 20/9/2016 mục 15.1"
)

var (
	committee  = ballot.OfficesOf(ballot.OfficeCommittee)
	binding    = ballot.OfficesOf(ballot.OfficeCommittee, ballot.OfficeStanding, ballot.OfficeCommitteeAlternates)
	inspection = ballot.OfficesOf(ballot.OfficeInspection)
	delegates  = ballot.OfficesOf(ballot.OfficeDelegates, ballot.OfficeAlternates)
	notChiBo   = []ballot.Level{ballot.LevelGrassroots, ballot.LevelCommune, ballot.LevelAboveGrassroots, ballot.LevelProvince, ballot.LevelNational}
	chiBoOnly  = []ballot.Level{ballot.LevelChiBo}
	provDist   = []ballot.Level{ballot.LevelProvince, ballot.LevelAboveGrassroots}
)

// surplusRules are the list rules of the committee (BCH), its standing
// committee (BTV) and the Central Committee's alternates, confirmed for QĐ
// 190 (Điều 14 khoản 1), and the same rules on the inspection committee
// (UBKT) as warnings citing no article as binding: no published rule names
// the UBKT's list (rules.md §2).
func surplusRules(src, srcSmall string) []ListRule {
	rules := func(offices ballot.Offices, sev Outcome, src, srcSmall string) []ListRule {
		return []ListRule{
			{Rule: SurplusRequired, Offices: offices, Bound: Count(AtLeast, 1), Severity: sev, Source: src},
			{Rule: SurplusSmallBody, Offices: offices, MinSeats: 3, MaxSeats: 5, Bound: Count(AtMost, 1), Severity: sev,
				Overrides: []RuleID{SurplusMax, PreparedMin, PreparedMax}, Source: srcSmall},
			{Rule: SurplusMax, Offices: offices, Bound: Share(AtMost, MustRatio("30%")), Severity: sev, Source: src},
			{Rule: PreparedMin, Offices: offices, Stage: Prepared, Bound: Share(AtLeast, MustRatio("10%")), Severity: Warning, Source: src},
			{Rule: PreparedMax, Offices: offices, Stage: Prepared, Bound: Share(AtMost, MustRatio("15%")), Severity: Warning, Source: src},
		}
	}
	return append(rules(binding, Fail, src, srcSmall), rules(inspection, Warning, srcUBKT, srcUBKT)...)
}

func chainRules(src, srcChiBo string) []ChainRule {
	return []ChainRule{
		{Office: ballot.OfficeStanding, Body: ballot.OfficeCommittee, Source: src},
		{Office: ballot.OfficeSecretary, Body: ballot.OfficeStanding, Levels: notChiBo, Source: src},
		{Office: ballot.OfficeDeputySecretary, Body: ballot.OfficeStanding, Levels: notChiBo, Source: src + " (assumed)"},
		// Where there is no standing committee, the secretary and deputies
		// come from the committee [P].
		{Office: ballot.OfficeSecretary, Body: ballot.OfficeCommittee, Levels: notChiBo, Unless: ballot.OfficeStanding, Source: src + " (assumed)"},
		{Office: ballot.OfficeDeputySecretary, Body: ballot.OfficeCommittee, Levels: notChiBo, Unless: ballot.OfficeStanding, Source: src + " (assumed)"},
		{Office: ballot.OfficeSecretary, Body: ballot.OfficeCommittee, Levels: chiBoOnly, Source: srcChiBo},
		{Office: ballot.OfficeDeputySecretary, Body: ballot.OfficeCommittee, Levels: chiBoOnly, Source: srcChiBo},
		{Office: ballot.OfficeInspectionChair, Body: ballot.OfficeInspection, Source: "Điều lệ Đảng Điều 20 khoản 1"},
		{Office: ballot.OfficeInspectionVice, Body: ballot.OfficeInspection, Source: "QĐ 190-QĐ/TW Điều 22 (assumed)"},
	}
}

// RulesQD190 returns the election rules of Quyết định 190-QĐ/TW (10/10/2024)
// with Hướng dẫn 04-HD/TW (31/12/2024) and, for chi bộ, Quy định 294-QĐ/TW.
//
// Its choices where the sources are silent (rules.md status [U] and [P]):
// the UBKT's list gets the committee's surplus rules as warnings; in a đảng
// bộ a deputy secretary is drawn from the standing committee, as the
// secretary is, or from the committee where there is none; the next step
// and the secretary's limit keep QĐ 244's (190 "basically keeps" 244).
func RulesQD190() ElectionRules {
	return ElectionRules{
		Name:       nameQD190,
		From:       ballot.MustDate(2024, 10, 10),
		Lists:      surplusRules("QĐ 190-QĐ/TW Điều 14 khoản 1", srcHD04),
		Nomination: NominationRule{Gate: Share(MoreThan, MustRatio("30%")), Source: "QĐ 190-QĐ/TW Điều 14 khoản 2–3"},
		ChiBo: ChiBoRule{CommitteeFrom: 9, MaxCommittee: 7, MaxDeputies: 1, NoInspection: true,
			Source: "Quy định 294-QĐ/TW", InspectionSource: "QĐ 190-QĐ/TW Điều 22"},
		Chains:   chainRules(nameQD190, "Quy định 294-QĐ/TW"),
		Standing: StandingRule{CommitteeFrom: 9, Levels: []ballot.Level{ballot.LevelGrassroots}, Source: srcStand},
		Counting: CountingRule{
			SecretaryBallots: 3, SecretarySource: "Quy định 294-QĐ/TW",
			AnotherRound: delegates, AnotherRoundSource: "QĐ 190-QĐ/TW Điều 18",
			Ballots: "QĐ 190-QĐ/TW Điều 15", Result: "QĐ 190-QĐ/TW Điều 30", Minutes: "QĐ 190-QĐ/TW Điều 31",
		},
	}
}

// RulesQD244 returns the election rules of Quyết định 244-QĐ/TW (9/6/2014)
// with Hướng dẫn 03-HD/TW (20/3/2020) and, for chi bộ, Quy định 29-QĐ/TW
// (2016).
//
// Its choices: the surplus rules are QĐ 190's, cited to QĐ 244 without an
// article (none was read); the 3–5 seat rule of HD 04 is assumed and cited
// so; the opinion-vote gate on floor nominees is off (no 244-era text has
// it, rules.md §2); the minutes cite "QĐ 244-QĐ/TW" alone (article not
// found).
func RulesQD244() ElectionRules {
	return ElectionRules{
		Name:  nameQD244,
		From:  ballot.MustDate(2014, 6, 9),
		Until: ballot.MustDate(2024, 10, 9),
		Lists: surplusRules(nameQD244, srcHD04+" (assumed for QĐ 244)"),
		// No gate (Gate zero); the trimming of an over-long list by opinion
		// vote is HD 03's worked example.
		Nomination: NominationRule{Source: "Hướng dẫn 03-HD/TW ngày 20/3/2020"},
		ChiBo: ChiBoRule{CommitteeFrom: 9, MaxCommittee: 7, MaxDeputies: 1, NoInspection: true,
			Source: "Quy định 29-QĐ/TW (2016)", InspectionSource: "QĐ 190-QĐ/TW Điều 22 (assumed for QĐ 244)"},
		Chains:   chainRules(nameQD244, "Quy định 29-QĐ/TW (2016)"),
		Standing: StandingRule{CommitteeFrom: 9, Levels: []ballot.Level{ballot.LevelGrassroots}, Source: srcStand},
		Counting: CountingRule{
			SecretaryBallots: 3, SecretarySource: "Quy định 29-QĐ/TW (2016) mục 24",
			AnotherRound: delegates, AnotherRoundSource: "QĐ 244-QĐ/TW Điều 20 khoản 2",
			Ballots: "QĐ 244-QĐ/TW Điều 17", Result: "QĐ 244-QĐ/TW Điều 32", Minutes: nameQD244,
		},
	}
}

// DirectiveCT45 returns Chỉ thị 45-CT/TW (14/4/2025): re-election needs 48
// months of working time, a re-nominated provincial deputy secretary 42 on
// every list, a first-time member the body's full term; the reference
// months by level; retirement by the Labour Code 2019. No structure quota:
// none was found for 2025 (rules.md §5); a congress adds its local
// guidance's.
func DirectiveCT45() Directive {
	return Directive{
		Name: nameCT45,
		From: ballot.MustDate(2025, 4, 14),
		WorkingTime: WorkingTimeRule{
			Offices: committee, FullTerm: true, Reelection: 48,
			Exceptions: []WorkingTimeException{{Office: ballot.OfficeDeputySecretary, Level: ballot.LevelProvince, Reelection: 42}},
			Severity:   Fail, Source: nameCT45,
		},
		Retirement: LabourCode2019(),
		ReferenceMonths: []LevelMonth{
			{ballot.LevelChiBo, ballot.MustMonth(2025, 4)},
			{ballot.LevelGrassroots, ballot.MustMonth(2025, 4)},
			{ballot.LevelAboveGrassroots, ballot.MustMonth(2025, 6)},
			{ballot.LevelCommune, ballot.MustMonth(2025, 7)},
			{ballot.LevelProvince, ballot.MustMonth(2025, 9)},
		},
	}
}

// DirectiveCT35of2024 returns Chỉ thị 35-CT/TW of 14/6/2024 (the 2025–2030
// round before 14/4/2025; from 18/1/2025 with Kết luận 118-KL/TW):
// re-election needs 30 months [P], no 42-month case, a first-time member
// the full term. Its reference months were not found: a congress gives its
// own, else its opening month counts [U].
func DirectiveCT35of2024() Directive {
	return Directive{
		Name:  nameCT35b,
		From:  ballot.MustDate(2024, 6, 14),
		Until: ballot.MustDate(2025, 4, 13),
		WorkingTime: WorkingTimeRule{
			Offices: committee, FullTerm: true, Reelection: 30, Severity: Fail,
			Source: nameCT35b + "; Kết luận 118-KL/TW ngày 18/01/2025",
		},
		Retirement:         LabourCode2019(),
		OpeningIsReference: true,
	}
}

// DirectiveCT35of2019 returns Chỉ thị 35-CT/TW of 30/5/2019 with Hướng dẫn
// 26-HD/BTCTW (the 2020–2025 round): re-election needs 30 months, a
// first-time member the full term; its structure targets (CT35Quotas) at
// province and district; retirement at a flat 60 for men and 55 for women,
// the law before 2021, as the 2020 guidance computed it; no reference
// months (the congress gives its own).
func DirectiveCT35of2019() Directive {
	return Directive{
		Name:  nameCT35a,
		From:  ballot.MustDate(2019, 5, 30),
		Until: ballot.MustDate(2024, 6, 13),
		WorkingTime: WorkingTimeRule{
			Offices: committee, FullTerm: true, Reelection: 30, Severity: Fail,
			Source: nameCT35a + "; Hướng dẫn 26-HD/BTCTW",
		},
		Quotas:     CT35Quotas(),
		Retirement: Flat(60, 55),
	}
}

// QD190 returns the current regime, the default for new elections:
// RulesQD190 with DirectiveCT45.
func QD190() Regime { return Compose(RulesQD190(), DirectiveCT45()) }

// QD190CT35 returns the regime of the 2025–2030 congresses held before
// 14/4/2025 (pilots such as Bình Ba, 16/1/2025): RulesQD190 with
// DirectiveCT35of2024.
func QD190CT35() Regime { return Compose(RulesQD190(), DirectiveCT35of2024()) }

// QD244 returns the previous regime, for recounts and audits of the
// 2020–2025 term: RulesQD244 with DirectiveCT35of2019.
func QD244() Regime { return Compose(RulesQD244(), DirectiveCT35of2019()) }

// CT35Quotas returns the structure targets of Chỉ thị 35-CT/TW of
// 30/5/2019 and Hướng dẫn 26-HD/BTCTW, as warnings, for the committee and
// the standing committee of congresses at province and district level
// (cấp tỉnh, cấp huyện; communes follow their province's guidance): women
// at least 15 % of the committee and a woman in the standing committee; members under 40 at
// least 10 %; members aged 40 to 50 about 40–50 % (a band). Ethnic
// minorities have no number: add one from local guidance.
func CT35Quotas() []QuotaRule {
	const src = nameCT35a + "; Hướng dẫn 26-HD/BTCTW"
	var out []QuotaRule
	for _, o := range []ballot.Office{ballot.OfficeCommittee, ballot.OfficeStanding} {
		if o == ballot.OfficeCommittee {
			out = append(out, QuotaRule{Office: o, Levels: provDist, Trait: Trait{Kind: Women}, Bound: Share(AtLeast, MustRatio("15%")), Severity: Warning, Source: src})
		}
		out = append(out,
			QuotaRule{Office: o, Levels: provDist, Trait: Trait{Kind: AgeBracket, MaxAge: 39}, Bound: Share(AtLeast, MustRatio("10%")), Severity: Warning, Source: src},
			QuotaRule{Office: o, Levels: provDist, Trait: Trait{Kind: AgeBracket, MinAge: 40, MaxAge: 50},
				Bound: Share(AtLeast, MustRatio("40%")), Upper: Share(AtMost, MustRatio("50%")), Severity: Warning, Source: src},
		)
	}
	return append(out, QuotaRule{Office: ballot.OfficeStanding, Levels: provDist, Trait: Trait{Kind: Women}, Bound: Count(AtLeast, 1), Severity: Warning, Source: src})
}

// InForce returns the regime in force for a congress of level lv opening on
// opening, part by part (rules.md §0): QĐ 244 until 9/10/2024, QĐ 190 from
// 10/10/2024; Chỉ thị 35-CT/TW of 30/5/2019 until 13/6/2024, Chỉ thị
// 35-CT/TW of 14/6/2024 until 13/4/2025, Chỉ thị 45-CT/TW from 14/4/2025.
// A chi bộ congress under QĐ 190 before 1/7/2025 followed Quy định
// 24-QĐ/TW (2021), which was not read: QĐ 294's numbers are used, cited as
// assumed. Between rounds (mid-term congresses after 2020) the last
// directive stays in force, marked assumed [U].
//
// Given only a month (a Date with no day) in which a boundary falls, such
// as 4/2025, it does not guess: the error asks for the day. Dates before
// 9/6/2014 or before 30/5/2019 (no directive encoded) are errors too.
func InForce(opening ballot.Date, lv ballot.Level) (Regime, error) {
	var errs ballot.ErrorList
	switch {
	case opening.IsZero():
		errs.Addf("opening", ballot.ErrRequired, "", "cần ngày khai mạc đại hội để chọn quy định áp dụng",
			"the congress's opening day is needed to pick the regime in force")
	case !lv.Valid():
		errs.Addf("level", ballot.ErrRequired, "", "thiếu cấp tổ chức đảng", "the level is missing")
	}
	if err := errs.Err(); err != nil {
		return Regime{}, err
	}
	bounds := []ballot.Date{
		ballot.MustDate(2019, 5, 30), ballot.MustDate(2024, 6, 14), ballot.MustDate(2024, 10, 10), ballot.MustDate(2025, 4, 14),
	}
	if lv == ballot.LevelChiBo {
		bounds = append(bounds, ballot.MustDate(2025, 7, 1))
	}
	if !opening.HasDay() {
		for _, b := range bounds {
			if b.Month == opening.Month && b.Day > 1 {
				errs.Addf("opening", ballot.ErrRequired, opening.String(),
					"tháng %s có ngày chuyển quy định %s: cần ngày khai mạc", "%s holds a change of regime, on %s: the opening day is needed",
					opening.Format(ballot.Vietnamese), b.Format(ballot.Vietnamese))
				return Regime{}, errs
			}
		}
		opening.Day = 1 // no boundary inside the month: any day gives the same
	}
	var r ElectionRules
	switch {
	case opening.Compare(ballot.MustDate(2014, 6, 9)) < 0:
		errs.Addf("opening", ballot.ErrOutOfRange, opening.String(), "trước QĐ 244-QĐ/TW (9/6/2014): không có quy định nào được mã hóa",
			"before QĐ 244-QĐ/TW (9/6/2014): no regime is encoded")
		return Regime{}, errs
	case opening.Compare(ballot.MustDate(2024, 10, 10)) < 0:
		r = RulesQD244()
	default:
		r = RulesQD190()
		if lv == ballot.LevelChiBo && opening.Compare(ballot.MustDate(2025, 7, 1)) < 0 {
			r.ChiBo.Source = "Quy định 24-QĐ/TW (2021) (assumed: QĐ 294's numbers)"
			r.Counting.SecretarySource = r.ChiBo.Source
			for i := range r.Chains {
				if slices.Equal(r.Chains[i].Levels, chiBoOnly) {
					r.Chains[i].Source = r.ChiBo.Source
				}
			}
		}
	}
	var d Directive
	switch {
	case opening.Compare(ballot.MustDate(2019, 5, 30)) < 0:
		errs.Addf("opening", ballot.ErrOutOfRange, opening.String(), "trước Chỉ thị 35-CT/TW ngày 30/5/2019: không có chỉ thị nào được mã hóa",
			"before Chỉ thị 35-CT/TW of 30/5/2019: no directive is encoded")
		return Regime{}, errs
	case opening.Compare(ballot.MustDate(2024, 6, 14)) < 0:
		d = DirectiveCT35of2019()
		if opening.Month.Year() >= 2021 {
			// Between rounds: the directive of the last round, assumed; the
			// retirement age is the law in force from 2021.
			d.Name += " (assumed: between rounds)"
			d.WorkingTime.Source = d.Name
			d.Retirement = LabourCode2019()
		}
	case opening.Compare(ballot.MustDate(2025, 4, 14)) < 0:
		d = DirectiveCT35of2024()
	default:
		d = DirectiveCT45()
	}
	return Compose(r, d), nil
}
