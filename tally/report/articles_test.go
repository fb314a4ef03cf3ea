package report_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

// TestMinutesCiteTheRegime: the same congress counted under QĐ 244 and
// under QĐ 190 prints each regime's own articles on its minutes, and never
// the other's.
func TestMinutesCiteTheRegime(t *testing.T) {
	c := ballot.Congress{
		Name: "Đại hội Chi bộ Khu phố 3", Level: ballot.LevelChiBo,
		Roster:     ballot.Roster{Members: &ballot.MembersRoster{Official: 10, Present: 10}},
		Candidates: []ballot.Candidate{{ID: "lan", Name: "Nguyễn Thị Lan"}},
		Contests: []ballot.Contest{{
			ID: "bi-thu", Office: ballot.OfficeSecretary, Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"lan"}},
			Rounds: []ballot.Round{{Paper: ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"lan"}}, Issued: 10,
				Totals: &ballot.Totals{Collected: 10, Valid: 10, Votes: []int{8}}}},
		}},
	}
	tests := []struct {
		regime    rules.Regime
		want, not []string
	}{
		{rules.QD244(), []string{"Căn cứ: QĐ 244-QĐ/TW (biên bản); QĐ 244-QĐ/TW Điều 32"}, []string{"QĐ 190"}},
		{rules.QD190(), []string{"Căn cứ: QĐ 190-QĐ/TW Điều 31 (biên bản); QĐ 190-QĐ/TW Điều 30"}, []string{"QĐ 244"}},
	}
	for _, tt := range tests {
		r, err := tally.Count(c, tally.Options{Regime: &tt.regime})
		if err != nil {
			t.Fatal(err)
		}
		for _, write := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return report.MinutesText(b, r, 0, 0, report.Options{}) },
			func(b *bytes.Buffer) error { return report.MinutesHTML(b, r, 0, 0, report.Options{}) },
		} {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(b.String()), " ")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: the minutes lack %q", tt.regime.Name, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("%s: the minutes cite %q", tt.regime.Name, n)
				}
			}
		}
	}
}

// TestSummaryDesignated: a body whose members all sit with no vote (Đảng
// bộ Quốc hội's 300 delegates: 41 ex officio + 259 designated) shows them
// in the summary, and its shares are of the members, not of the elected.
func TestSummaryDesignated(t *testing.T) {
	c := ballot.Congress{Name: "Đại hội Đảng bộ Quốc hội", Level: ballot.LevelProvince,
		Roster: ballot.Roster{Delegates: &ballot.DelegatesRoster{Official: 300, Present: 300, ExOfficio: 41, Designated: 259}}}
	for i := range 300 {
		id := ballot.CandidateID(fmt.Sprintf("d%03d", i))
		sex := ballot.Male
		if i < 60 {
			sex = ballot.Female
		}
		c.Candidates = append(c.Candidates, ballot.Candidate{ID: id, Name: "Đại biểu " + string(id), Sex: sex})
		c.Designated = append(c.Designated, ballot.Designation{Office: ballot.OfficeDelegates, ID: id, ExOfficio: i < 41})
	}
	r, err := tally.Count(c, tally.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := aggregate.New(aggregate.Options{})
	a.Add(r)
	var b bytes.Buffer
	if err := report.SummaryText(&b, a.Summary(), report.Options{Lang: ballot.English}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`\(no vote\) \.+ 300\n`, `Women \.+ 60 \(20\.00%\)\n`} {
		if !regexp.MustCompile(want).MatchString(b.String()) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
}
