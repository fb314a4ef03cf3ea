package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
)

var update = flag.Bool("update", false, "rewrite sample.json and the golden files")

// TestSample checks that the embedded sample.json is exactly what
// sampleCongress builds, so that the data and its design below cannot drift
// apart. Run with -update to rewrite it after changing the design.
func TestSample(t *testing.T) {
	c := sampleCongress(t)
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *update {
		if err := os.WriteFile("sample.json", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(data, sampleJSON) {
		t.Fatalf("sample.json is not what sampleCongress builds; run go test ./examples/congress -update")
	}
}

type person struct {
	id       ballot.CandidateID
	name     string
	sex      ballot.Sex
	born     string
	minority bool
	incumb   bool
	origin   ballot.Origin
}

// The people of the sample congress. Ballot lists below are in the order of
// the given name (tên), as Vietnamese ballots print them.
var people = []person{
	{"c01", "Nguyễn Văn Hùng", ballot.Male, "1972-05", false, true, ballot.FromCommittee},
	{"c02", "Trần Thị Mai", ballot.Female, "1978-09", false, true, ballot.FromCommittee},
	{"c03", "Lê Văn Dũng", ballot.Male, "1975-02", false, true, ballot.FromCommittee},
	{"c04", "Phạm Thị Hoa", ballot.Female, "1983-11", false, true, ballot.FromCommittee},
	{"c05", "Hoàng Văn Nam", ballot.Male, "1980-03", false, true, ballot.FromCommittee},
	{"c06", "Vũ Thị Thu", ballot.Female, "1987-06", false, false, ballot.FromCommittee},
	{"c07", "Đặng Văn Tùng", ballot.Male, "1969-12", false, true, ballot.FromCommittee},
	{"c08", "Bùi Thị Lan", ballot.Female, "1990-04", false, false, ballot.FromCommittee},
	{"c09", "Đỗ Văn Khánh", ballot.Male, "1985-08", false, false, ballot.FromCommittee},
	{"c10", "Hồ Văn Long", ballot.Male, "1977-01", false, true, ballot.FromCommittee},
	{"c11", "Ngô Thị Hằng", ballot.Female, "1982-10", false, true, ballot.FromCommittee},
	{"c12", "Dương Văn Phúc", ballot.Male, "1992-02", false, false, ballot.FromCommittee},
	{"c13", "Hà Văn Sơn", ballot.Male, "1979-07", true, true, ballot.FromCommittee},
	{"c14", "Đinh Thị Ngọc", ballot.Female, "1988-05", false, false, ballot.FromCommittee},
	{"c15", "Mai Văn Thắng", ballot.Male, "1974-09", false, true, ballot.FromCommittee},
	{"c16", "Trịnh Văn Quang", ballot.Male, "1986-12", false, false, ballot.FromCommittee},
	{"c17", "Lương Thị Yến", ballot.Female, "1991-03", true, false, ballot.FromCommittee},
	{"c18", "Cao Văn Tài", ballot.Male, "1970-06", false, false, ballot.FromFloor},
	{"c19", "Tạ Văn Hiếu", ballot.Male, "1968-02", false, false, ballot.FromSelf},
	{"c20", "Phan Thị Diệu", ballot.Female, "1981-05", false, true, ballot.FromCommittee},
	{"c21", "Quách Văn Lợi", ballot.Male, "1976-08", false, false, ballot.FromCommittee},
	{"c22", "Lâm Thị Hương", ballot.Female, "1984-02", false, false, ballot.FromCommittee},
	{"c23", "Kiều Văn Bảo", ballot.Male, "1979-10", false, false, ballot.FromCommittee},
	{"c24", "Tô Thị Nhung", ballot.Female, "1989-07", false, false, ballot.FromCommittee},
	{"c25", "Châu Văn Định", ballot.Male, "1973-04", false, false, ballot.FromCommittee},
	{"c26", "Lại Thị Hiền", ballot.Female, "1985-01", false, false, ballot.FromCommittee},
	{"c27", "Nông Văn Trường", ballot.Male, "1983-06", true, false, ballot.FromCommittee},
}

// entry is one name of a list with the votes it received in a round.
type entry struct {
	id    ballot.CandidateID
	votes int
}

func paperOf(seats int, list []entry) (ballot.Paper, []int) {
	p := ballot.Paper{Seats: seats}
	var votes []int
	for _, e := range list {
		p.Candidates = append(p.Candidates, e.id)
		votes = append(votes, e.votes)
	}
	return p, votes
}

// boxes fills the valid ballots of a round to the given votes, adds the
// invalid ones, and splits them over boxes of the given sizes.
func boxes(t *testing.T, p ballot.Paper, votes []int, valid int, invalid []ballot.Ballot, sizes ...int) []ballot.Box {
	t.Helper()
	ballots, err := ballottest.Fill(p, votes, valid)
	if err != nil {
		t.Fatal(err)
	}
	// Spread the invalid ballots over the boxes: one at the end of each
	// box in turn.
	var out []ballot.Box
	next := 0
	for i, n := range sizes {
		box := ballot.Box{Name: "Hòm phiếu số " + string(rune('1'+i))}
		take := n
		var bad []ballot.Ballot
		for j := i; j < len(invalid); j += len(sizes) {
			bad = append(bad, invalid[j])
		}
		take -= len(bad)
		box.Ballots = append(append(box.Ballots, ballots[next:next+take]...), bad...)
		next += take
		out = append(out, box)
	}
	if next != len(ballots) {
		t.Fatalf("box sizes %v hold %d valid ballots, not %d", sizes, next, len(ballots))
	}
	return out
}

func allStanding(n int) ballot.Ballot {
	return ballot.Ballot{Marks: make([]ballot.Mark, n)}
}

func allStruck(n int) ballot.Ballot {
	b := ballot.Ballot{Marks: make([]ballot.Mark, n)}
	for i := range b.Marks {
		b.Marks[i] = ballot.Struck
	}
	return b
}

func agreeBallots(p ballot.Paper, votes []int, valid int, t *testing.T) []ballot.Box {
	t.Helper()
	ballots, err := ballottest.Fill(p, votes, valid)
	if err != nil {
		t.Fatal(err)
	}
	return []ballot.Box{{Name: "Hòm phiếu", Ballots: ballots}}
}

// sampleCongress is the design of the sample: a delegates' congress of a ward
// with 150 delegates convened, one committee member and two delegates absent
// for the whole congress without an alternate, so the threshold base is 147
// and a candidate needs 74 votes.
//
//   - Committee (BCH): 15 seats. The convening committee introduced 17
//     (surplus 13.3 %); one floor nominee passed the opinion vote (60 of 147)
//     and one self-nominee did not (30 of 147), so 18 names stand (20 %).
//     Round 1: 147 ballots, 2 invalid; 14 elected, and Trịnh Văn Quang and
//     Lương Thị Yến tie at 96 votes for the last seat. Round 2, the run-off
//     between them for one seat: Yến 85, Quang 58; of its 3 invalid
//     ballots, one is invalid only because a partly struck name was read
//     as standing (two standing for one seat): the board reviews it.
//   - Delegates to the superior congress: 8 official from 10 names (totals
//     as the board wrote them), then 1 alternate between the two left.
//   - The first meeting of the new committee (15 members, all present):
//     standing committee 5 of 6, secretary (one name), two deputy
//     secretaries (two names), inspection committee 5 of 6, its chair.
func sampleCongress(t *testing.T) ballot.Congress {
	t.Helper()
	c := ballot.Congress{
		Name:           "Đại hội đại biểu Đảng bộ phường Hòa An lần thứ I",
		Level:          ballot.LevelCommune,
		Term:           "2025–2030",
		ReferenceMonth: ballot.MustMonth(2025, 7),
		Opening:        ballot.MustDate(2025, 7, 25),
		Roster: ballot.Roster{Delegates: &ballot.DelegatesRoster{
			Official: 150, Present: 147, CommitteeAbsent: 1, AbsentUnreplaced: 2,
		}},
		CountingBoard: []string{"Phạm Văn Hải", "Nguyễn Thị Thanh", "Đoàn Minh Quân"},
	}
	for _, p := range people {
		born, err := ballot.ParseMonth(p.born)
		if err != nil {
			t.Fatal(err)
		}
		c.Candidates = append(c.Candidates, ballot.Candidate{
			ID: p.id, Name: p.name, Sex: p.sex, Born: born,
			EthnicMinority: p.minority, Incumbent: p.incumb, Origin: p.origin,
		})
	}

	// The committee, round 1.
	bch := []entry{
		{"c03", 136}, {"c11", 128}, {"c04", 130}, {"c01", 140}, {"c09", 70}, {"c08", 122},
		{"c10", 133}, {"c02", 138}, {"c05", 135}, {"c14", 110}, {"c12", 120}, {"c16", 96},
		{"c13", 125}, {"c18", 60}, {"c15", 131}, {"c06", 124}, {"c07", 127}, {"c17", 96},
	}
	p1, v1 := paperOf(15, bch)
	var introduced []ballot.CandidateID
	for _, id := range p1.Candidates {
		if id != "c18" {
			introduced = append(introduced, id)
		}
	}
	round1 := ballot.Round{Paper: p1, Issued: 147,
		Boxes: boxes(t, p1, v1, 145, []ballot.Ballot{allStanding(18), allStruck(18)}, 75, 72)}
	p2, v2 := paperOf(1, []entry{{"c16", 58}, {"c17", 85}})
	round2 := ballot.Round{Paper: p2, Issued: 147,
		Boxes: boxes(t, p2, v2, 143, []ballot.Ballot{allStanding(2), allStruck(2), {Marks: []ballot.Mark{ballot.Unmarked, ballot.PartlyStruck}}}, 74, 72)}
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "bch", Office: ballot.OfficeCommittee, Paper: p1,
		Nominations: &ballot.Nominations{
			Introduced: introduced,
			Nominees:   []ballot.Nominee{{ID: "c18", Agree: 60}, {ID: "c19", Agree: 30}},
			Attending:  147,
		},
		Rounds: []ballot.Round{round1, round2},
	})

	// Delegates: official, then alternate, from the totals.
	dp, dv := paperOf(8, []entry{
		{"c23", 110}, {"c25", 50}, {"c03", 133}, {"c01", 140}, {"c22", 118},
		{"c10", 128}, {"c02", 135}, {"c05", 130}, {"c24", 80}, {"c07", 120},
	})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "dai-bieu", Office: ballot.OfficeDelegates, Paper: dp,
		Rounds: []ballot.Round{{Paper: dp, Issued: 147, Totals: &ballot.Totals{
			Collected: 147, Valid: 146, Invalid: 1,
			InvalidReasons: []ballot.ReasonCount{{Reason: ballot.WrittenIn, Count: 1}},
			Votes:          dv,
		}}},
	})
	ap, av := paperOf(1, []entry{{"c25", 45}, {"c24", 100}})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "du-khuyet", Office: ballot.OfficeAlternates, Paper: ap,
		Rounds: []ballot.Round{{Paper: ap, Issued: 147, Totals: &ballot.Totals{
			Collected: 147, Valid: 145, Invalid: 2,
			InvalidReasons: []ballot.ReasonCount{{Reason: ballot.TooManyStanding, Count: 2}},
			Votes:          av,
		}}},
	})

	// The first meeting of the new committee.
	meeting := func() *ballot.Meeting {
		return &ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 15, Present: 15}
	}
	// The first meeting elects its own counting board from the members
	// who stand for nothing.
	meetingBoard := []string{"Bùi Thị Lan", "Dương Văn Phúc", "Vũ Thị Thu"}
	btv, btvVotes := paperOf(5, []entry{{"c03", 14}, {"c01", 15}, {"c10", 12}, {"c02", 14}, {"c05", 13}, {"c15", 7}})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "btv", CountingBoard: meetingBoard, Office: ballot.OfficeStanding, Paper: btv, Meeting: meeting(),
		Rounds: []ballot.Round{{Paper: btv, Issued: 15, Boxes: boxes(t, btv, btvVotes, 15, nil, 15)}},
	})
	sec, secVotes := paperOf(1, []entry{{"c01", 14}})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "bi-thu", CountingBoard: meetingBoard, Office: ballot.OfficeSecretary, Paper: sec, Meeting: meeting(),
		Rounds: []ballot.Round{{Paper: sec, Issued: 15, Boxes: agreeBallots(sec, secVotes, 15, t)}},
	})
	dep, depVotes := paperOf(2, []entry{{"c03", 13}, {"c02", 14}})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "pho-bi-thu", CountingBoard: meetingBoard, Office: ballot.OfficeDeputySecretary, Paper: dep, Meeting: meeting(),
		Rounds: []ballot.Round{{Paper: dep, Issued: 15, Boxes: agreeBallots(dep, depVotes, 15, t)}},
	})
	ubkt, ubktVotes := paperOf(5, []entry{{"c20", 12}, {"c26", 12}, {"c21", 11}, {"c05", 15}, {"c13", 13}, {"c27", 6}})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "ubkt", CountingBoard: meetingBoard, Office: ballot.OfficeInspection, Paper: ubkt, Meeting: meeting(),
		Rounds: []ballot.Round{{Paper: ubkt, Issued: 15, Boxes: boxes(t, ubkt, ubktVotes, 15, nil, 15)}},
	})
	chair, chairVotes := paperOf(1, []entry{{"c05", 15}})
	c.Contests = append(c.Contests, ballot.Contest{
		ID: "chu-nhiem-ubkt", CountingBoard: meetingBoard, Office: ballot.OfficeInspectionChair, Paper: chair, Meeting: meeting(),
		Rounds: []ballot.Round{{Paper: chair, Issued: 15, Totals: &ballot.Totals{
			Collected: 15, Valid: 15, Votes: chairVotes,
		}}},
	})
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return c
}
