package aggregate_test

import (
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
)

// TestDesignatedCounted: seats held with no vote count in the summary of
// their body, beside the elected (Đảng bộ Quốc hội: 41 ex officio + 259
// designated delegates, none elected).
func TestDesignatedCounted(t *testing.T) {
	c := ballot.Congress{Name: "Đại hội Đảng bộ Quốc hội", Level: ballot.LevelProvince,
		Roster: ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 300, Present: 300, ExOfficio: 41, Designated: 259}}}
	for i := range 300 {
		id := ballot.CandidateID(string(rune('a'+i/26/26%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i%26)))
		c.Candidates = append(c.Candidates, ballot.Candidate{ID: id, Name: "Đại biểu " + string(id), Sex: ballot.Female})
		c.Designated = append(c.Designated, ballot.Designation{Office: ballot.OfficeDelegates, ID: id, ExOfficio: i < 41})
	}
	g := rules.QD190()
	g.WorkingTime = rules.WorkingTimeRule{}
	g.Quotas = []rules.QuotaRule{{Office: ballot.OfficeDelegates, Trait: rules.Trait{Kind: rules.Women},
		Bound: rules.Share(rules.AtMost, rules.MustRatio("50%")), Severity: rules.Warning, Source: "test"}}
	r, err := tally.Count(c, tally.Options{Regime: &g, CheckLists: true})
	if err != nil {
		t.Fatal(err)
	}
	a := aggregate.New(aggregate.Options{})
	a.Add(r)
	s := a.Summary()
	if len(s.Bodies) != 1 || s.Bodies[0].Office != ballot.OfficeDelegates || s.Bodies[0].Designated != 300 || s.Bodies[0].Women != 300 ||
		s.Bodies[0].Filled != 0 || s.Bodies[0].TargetsMissed != 1 {
		t.Errorf("bodies = %+v", s.Bodies)
	}
	if r.Base.D != 300 || r.Base.Threshold() != 151 {
		t.Errorf("D = %d, threshold %d; want 300, 151", r.Base.D, r.Base.Threshold())
	}
}
