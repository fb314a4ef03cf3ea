package tally_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
)

// sources returns the distinct sources of the findings of r, in order.
func sources(r tally.Result) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range r.Findings() {
		if !seen[f.Source] {
			seen[f.Source] = true
			out = append(out, f.Source)
		}
	}
	return out
}

// TestArticlesByRegime: what a count cites is regime data. The same chi bộ
// congress counted under QĐ 244 cites QĐ 244's articles and QĐ 29 (2016)
// for the secretary's ballots; under QĐ 190, QĐ 190's and QĐ 294.
func TestArticlesByRegime(t *testing.T) {
	two := list("c1", "c2")
	sec := ballot.Contest{ID: "bt", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: two},
		Rounds: []ballot.Round{round(1, two, 10, 7, 3)}}
	c := cong(ballot.LevelChiBo, members(10), 2, sec)
	tests := []struct {
		regime   rules.Regime
		articles tally.Articles
		sources  []string
	}{
		{rules.QD244(), tally.Articles{Ballots: "QĐ 244-QĐ/TW Điều 17", Result: "QĐ 244-QĐ/TW Điều 32", Minutes: "QĐ 244-QĐ/TW"},
			[]string{"QĐ 244-QĐ/TW", "Quy định 29-QĐ/TW (2016) mục 24"}},
		{rules.QD190(), tally.Articles{Ballots: "QĐ 190-QĐ/TW Điều 15", Result: "QĐ 190-QĐ/TW Điều 30", Minutes: "QĐ 190-QĐ/TW Điều 31"},
			[]string{"QĐ 190-QĐ/TW Điều 31", "Quy định 294-QĐ/TW"}},
	}
	for _, tt := range tests {
		r := count(t, c, tally.Options{Regime: &tt.regime})
		if r.Articles != tt.articles {
			t.Errorf("%s: articles %+v, want %+v", tt.regime.Name, r.Articles, tt.articles)
		}
		if d := cmp.Diff(tt.sources, sources(r)); d != "" {
			t.Errorf("%s: sources (-want +got):\n%s", tt.regime.Name, d)
		}
	}
}

// TestSecretaryLimitIsRegimeData: the chi bộ secretary's ballot limit comes
// from the regime: with a limit of 2 the superior committee appoints after
// the second ballot; with none (0) the congress decides and no limit is
// checked.
func TestSecretaryLimitIsRegimeData(t *testing.T) {
	two := list("c1", "c2")
	sec := ballot.Contest{ID: "bt", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: two},
		Rounds: []ballot.Round{round(1, two, 10, 5, 5), round(1, two, 10, 5, 5)}}
	c := cong(ballot.LevelChiBo, members(10), 2, sec)
	g := rules.QD190()
	g.Counting.SecretaryBallots = 2
	r := count(t, c, tally.Options{Regime: &g})
	if r.Contests[0].Next.Step != tally.Appointed {
		t.Errorf("limit 2, two ballots: next %v, want appointed", r.Contests[0].Next)
	}
	g.Counting.SecretaryBallots = 0
	r = count(t, c, tally.Options{Regime: &g})
	if r.Contests[0].Next.Step != tally.CongressDecides {
		t.Errorf("no limit: next %v, want congress-decides", r.Contests[0].Next)
	}
	for _, f := range r.Findings() {
		if f.Rule == rules.SecretaryBallots {
			t.Errorf("no limit, yet the limit is checked: %v", f)
		}
	}
	// Another round for delegates after round 1 is regime data too.
	dl := ballot.Contest{ID: "db", Office: ballot.OfficeDelegates, Paper: ballot.Paper{Seats: 2, Candidates: list("c1", "c2", "c3")},
		Rounds: []ballot.Round{round(2, list("c1", "c2", "c3"), 10, 8, 3, 3)}}
	c = cong(ballot.LevelGrassroots, members(10), 3, dl)
	g = rules.QD190()
	if r := count(t, c, tally.Options{Regime: &g}); r.Contests[0].Next.Step != tally.AnotherRound {
		t.Errorf("delegates under QĐ 190: next %v, want another-round", r.Contests[0].Next)
	}
	g.Counting.AnotherRound = 0
	if r := count(t, c, tally.Options{Regime: &g}); r.Contests[0].Next.Step != tally.CongressDecides {
		t.Errorf("delegates, no automatic round: next %v, want congress-decides", r.Contests[0].Next)
	}
}

// TestChiBoCommitteeSeatsLeft: at a chi bộ, only the secretary has the
// three-ballot rule; a chi ủy with seats left after round 1 goes to the
// congress's decision, with the proposal of the seats left among the
// candidates not elected, and a later round's proposal drops everyone
// elected so far.
func TestChiBoCommitteeSeatsLeft(t *testing.T) {
	five := list("c1", "c2", "c3", "c4", "c5")
	cu := ballot.Contest{ID: "cu", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 3, Candidates: five},
		Rounds: []ballot.Round{round(3, five, 12, 10, 8, 5, 4, 3)}}
	c := cong(ballot.LevelChiBo, members(12), 5, cu)
	r := count(t, c, tally.Options{})
	ct := r.Contests[0]
	want := tally.Next{Step: tally.CongressDecides, Seats: 1, Candidates: list("c3", "c4", "c5")}
	if d := cmp.Diff(want, ct.Next); d != "" {
		t.Errorf("after round 1 (-want +got):\n%s", d)
	}
	if ct.SeatsLeft != 1 || !cmp.Equal(ct.Elected, list("c1", "c2")) {
		t.Errorf("elected %v, seats left %d", ct.Elected, ct.SeatsLeft)
	}
	if got := failures(r); len(got) != 0 {
		t.Errorf("no rule is broken by seats left: %v", got)
	}
	// Round 2 for the seat left, among three; nobody qualifies (7 of 12).
	three := list("c3", "c4", "c5")
	cu.Rounds = append(cu.Rounds, round(1, three, 12, 6, 5, 1))
	c.Contests = []ballot.Contest{cu}
	r = count(t, c, tally.Options{})
	want = tally.Next{Step: tally.CongressDecides, Seats: 1, Candidates: three}
	if d := cmp.Diff(want, r.Contests[0].Next); d != "" {
		t.Errorf("after round 2 (-want +got):\n%s", d)
	}
	// Round 3 elects c3: done.
	cu.Rounds = append(cu.Rounds, round(1, three, 12, 7, 4, 1))
	c.Contests = []ballot.Contest{cu}
	r = count(t, c, tally.Options{})
	if ct := r.Contests[0]; ct.Next.Step != tally.Done || !cmp.Equal(ct.Elected, list("c1", "c2", "c3")) {
		t.Errorf("after round 3: %v, elected %v", ct.Next, ct.Elected)
	}
}

// TestReviewAmongInvalid: a ballot made invalid (too many standing) only by
// reading a partly struck name as standing is counted for the board's
// review and among the invalid ones, box by box and in the round.
func TestReviewAmongInvalid(t *testing.T) {
	four := list("c1", "c2", "c3", "c4")
	u, x, px := ballot.Unmarked, ballot.Struck, ballot.PartlyStruck
	b := func(m ...ballot.Mark) ballot.Ballot { return ballot.Ballot{Marks: m} }
	rd := ballot.Round{Paper: ballot.Paper{Seats: 2, Candidates: four}, Issued: 6, Boxes: []ballot.Box{
		{Name: "1", Ballots: []ballot.Ballot{b(u, u, px, x), b(u, x, x, x)}},                                  // decided invalid; valid
		{Name: "2", Ballots: []ballot.Ballot{b(u, px, x, x), b(u, u, px, u), b(u, u, x, x), b(px, u, px, x)}}, // valid, review; invalid anyway; valid; decided invalid
	}}
	c := cong(ballot.LevelChiBo, members(6), 4, ballot.Contest{ID: "cu", Office: ballot.OfficeCommittee, Paper: rd.Paper, Rounds: []ballot.Round{rd}})
	rr := count(t, c, tally.Options{}).Contests[0].Rounds[0]
	type counts struct{ Valid, Invalid, Review, ReviewInvalid int }
	got := []counts{{rr.Valid, rr.Invalid, rr.Review, rr.ReviewInvalid}}
	for _, bx := range rr.Boxes {
		got = append(got, counts{bx.Valid, bx.Invalid, bx.Review, bx.ReviewInvalid})
	}
	want := []counts{{3, 3, 1, 2}, {1, 1, 0, 1}, {2, 2, 1, 1}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("round, box 1, box 2 (-want +got):\n%s", d)
	}
	// The incremental counter agrees.
	cn, err := tally.NewCounter(rd.Paper, rd.Issued, tally.BaseOf(c.Roster), c.Policy)
	if err != nil {
		t.Fatal(err)
	}
	for _, bx := range rd.Boxes {
		for _, bl := range bx.Ballots {
			if _, err := cn.Enter(bl); err != nil {
				t.Fatal(err)
			}
		}
	}
	if res := cn.Result("", 1, "1"); res.Review != 1 || res.ReviewInvalid != 2 {
		t.Errorf("counter: review %d valid, %d invalid; want 1, 2", res.Review, res.ReviewInvalid)
	}
}

// TestQuocHoiDesignated: Đảng bộ Quốc hội 2025 had 300 official delegates,
// 41 ex officio and 259 designated, none elected: D = 300, so 151 votes
// elect. Seats held with no vote are recorded in the result, hold their
// body for the chain rules, and count in the body's structure.
func TestQuocHoiDesignated(t *testing.T) {
	roster := ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 300, Present: 300, ExOfficio: 41, Designated: 259}}
	if b := tally.BaseOf(roster); b.D != 300 || b.Threshold() != 151 || b.Qualifies(150) {
		t.Errorf("Quốc hội: D = %d, threshold %d", b.D, b.Threshold())
	}
	// A committee's meeting: c1–c3 elected to the committee by the
	// congress, c4 designated to it; the standing committee is drawn from
	// the committee, so c4 may stand; c5 may not.
	three := list("c1", "c2", "c3")
	bch := ballot.Contest{ID: "bch", Office: ballot.OfficeCommittee, Paper: ballot.Paper{Seats: 3, Candidates: append(three, "c5")},
		Rounds: []ballot.Round{round(3, append(three, "c5"), 300, 200, 200, 200, 10)}}
	btv := ballot.Contest{ID: "btv", Office: ballot.OfficeStanding, Paper: ballot.Paper{Seats: 1, Candidates: list("c4", "c5")},
		Meeting: &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 4, Present: 4},
		Rounds:  []ballot.Round{round(1, list("c4", "c5"), 4, 3, 1)}}
	c := cong(ballot.LevelProvince, roster, 5, bch, btv)
	c.Designated = []ballot.Designation{{Office: ballot.OfficeCommittee, ID: "c4", By: "Bộ Chính trị"}}
	for i := range c.Candidates {
		c.Candidates[i].Sex = ballot.Male
	}
	c.Candidates[3].Sex = ballot.Female
	g := rules.QD190()
	g.WorkingTime = rules.WorkingTimeRule{} // no personnel data here
	g.Quotas = []rules.QuotaRule{{Office: ballot.OfficeCommittee, Trait: rules.Trait{Kind: rules.Women},
		Bound: rules.Count(rules.AtLeast, 1), Severity: rules.Warning, Source: "local"}}
	r := count(t, c, tally.Options{Regime: &g, CheckLists: true})
	var chain []rules.Outcome
	for _, f := range r.Contests[1].Findings {
		if f.Rule == rules.Chain {
			chain = append(chain, f.Outcome)
		}
	}
	if want := []rules.Outcome{rules.Pass, rules.Fail}; !cmp.Equal(chain, want) {
		t.Errorf("chain for the standing committee (c4 designated, c5 not elected) = %v, want %v", chain, want)
	}
	if len(r.Designated) != 1 || !cmp.Equal(r.People[3].Designated, []ballot.Office{ballot.OfficeCommittee}) {
		t.Errorf("designated: %v, person %+v", r.Designated, r.People[3])
	}
	// The committee as it sits: c1–c3 elected and c4 designated, 1 woman.
	if len(r.Structure) != 1 || r.Structure[0].Count != 1 || r.Structure[0].Outcome != rules.Pass {
		t.Errorf("structure of the committee with its designated member: %v", r.Structure)
	}
	// The committee's meeting sits 3 elected + 1 designated = 4.
	for _, f := range r.Contests[1].Findings {
		if f.Rule == rules.MeetingSitting && (f.Outcome != rules.Pass || f.Count != 4) {
			t.Errorf("the meeting's sitting members include the designated: %v", f)
		}
	}
}

// TestHaTinhInspection: Hà Tĩnh's Tỉnh ủy khóa XX (2025): 400 delegates, D =
// 400, 201 votes elect; its UBKT of 13 (chair + 3 vice chairs + 9) elects
// its vice chairs at its own meeting: D = 13, 7 votes elect.
func TestHaTinhInspection(t *testing.T) {
	if b := delegatesBase(400); b.D != 400 || b.Threshold() != 201 {
		t.Errorf("Hà Tĩnh congress: D = %d, threshold %d", b.D, b.Threshold())
	}
	four := list("c1", "c2", "c3", "c4")
	vice := ballot.Contest{ID: "pcn", Office: ballot.OfficeInspectionVice, Paper: ballot.Paper{Seats: 3, Candidates: four},
		Meeting: &ballot.Meeting{Body: ballot.OfficeInspection, Sitting: 13, Present: 13},
		Rounds:  []ballot.Round{round(3, four, 13, 13, 12, 7, 6)}}
	c := cong(ballot.LevelProvince, delegates(400), 4, vice)
	for i := range c.Candidates {
		c.Candidates[i].Holds = ballot.OfficesOf(ballot.OfficeInspection)
	}
	r := count(t, c, tally.Options{})
	ct := r.Contests[0]
	if rr := ct.Rounds[0]; rr.Base.D != 13 || rr.Base.Threshold() != 7 || rr.Base.Body != ballot.OfficeInspection {
		t.Errorf("the UBKT's meeting: %+v", rr.Base)
	}
	if !cmp.Equal(ct.Elected, list("c1", "c2", "c3")) || ct.Next.Step != tally.Done {
		t.Errorf("vice chairs: elected %v, next %v", ct.Elected, ct.Next)
	}
	if got := failures(r); len(got) != 0 {
		t.Errorf("failures: %v", got)
	}
}

// TestThanhHoa: Thanh Hóa's Tỉnh ủy khóa XX (2025): 486 ballots issued,
// collected and valid; 18 of the 69 elected "đạt 100% số phiếu bầu", which
// is a share of the ballots. The minutes' share is of D: 100 % only if D is
// 486, less with a larger roster.
func TestThanhHoa(t *testing.T) {
	names := ids(75)
	votes := make([]int, 75)
	for i := range votes {
		switch {
		case i < 18:
			votes[i] = 486
		case i < 69:
			votes[i] = 400
		default:
			votes[i] = 100
		}
	}
	rd := totalsRound(69, votes, 486, 486, 486, 0)
	rd.Candidates = names
	for _, tt := range []struct {
		d     int
		share string
	}{{486, "100"}, {500, "97.2"}} {
		rr, err := tally.CountRound("", 1, rd, delegatesBase(tt.d), ballot.Policy{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rr.Elected) != 69 || rr.Issued != 486 || rr.Collected != 486 || rr.Valid != 486 {
			t.Errorf("D %d: %d elected of %d valid", tt.d, len(rr.Elected), rr.Valid)
		}
		if s := rr.Share(486, 2, rules.Truncate); s.String() != tt.share {
			t.Errorf("D %d: 486 votes are %s %% of D, want %s", tt.d, s, tt.share)
		}
		for _, f := range rr.Findings {
			if f.Outcome != rules.Pass {
				t.Errorf("D %d: %v", tt.d, f)
			}
		}
	}
}

// TestDefaultRegimeInForce: with no regime given, a congress that gives
// its opening day is counted under the regime in force then, and one that
// gives only a month holding a boundary is refused with the reason.
func TestDefaultRegimeInForce(t *testing.T) {
	two := list("c1", "c2")
	sec := ballot.Contest{ID: "bt", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: two},
		Rounds: []ballot.Round{round(1, two, 10, 7, 3)}}
	c := cong(ballot.LevelChiBo, members(10), 2, sec)
	c.Opening = ballot.MustDate(2020, 5, 10)
	if r := count(t, c, tally.Options{}); r.Articles.Result != "QĐ 244-QĐ/TW Điều 32" {
		t.Errorf("a 2020 chi bộ congress: %q, %+v", r.Regime, r.Articles)
	}
	c.Opening = ballot.Date{Month: ballot.MustMonth(2024, 10)}
	_, err := tally.Count(c, tally.Options{})
	var errs ballot.ErrorList
	if !errors.As(err, &errs) || errs[0].Path != "opening" || errs[0].Code != ballot.ErrRequired {
		t.Errorf("October 2024 without a day: %v", err)
	}
}
