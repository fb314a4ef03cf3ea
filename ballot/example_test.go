package ballot_test

import (
	"errors"
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// A chi ủy of 3 elected from 4 names: the voter crosses out the names they
// reject, and must leave between 1 and 3 standing.
func ExamplePaper_Classify() {
	paper := ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"lan", "binh", "chien", "duc"}}
	fmt.Println("form:", paper.Form())

	for _, struck := range [][]ballot.CandidateID{
		{"duc"},
		{"binh", "duc"},
		{},
		{"lan", "binh", "chien", "duc"},
	} {
		b, err := paper.Strike(struck...)
		if err != nil {
			fmt.Println(err)
			continue
		}
		c, err := paper.Classify(b, ballot.Policy{})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("struck %v: %v (row %d), votes for positions %v\n", struck, c.Reason, c.Reason.Row(), c.Votes)
	}
	// Output:
	// form: cross-out
	// struck [duc]: valid-standing (row 6), votes for positions [0 1 2]
	// struck [binh duc]: valid-standing (row 6), votes for positions [0 2]
	// struck []: too-many-standing (row 2), votes for positions []
	// struck [lan binh chien duc]: all-struck (row 3), votes for positions []
}

// A single candidate for secretary: the paper has the boxes đồng ý and không
// đồng ý. Whether a paper with no box ticked counts is the congress's choice.
func ExamplePolicy() {
	paper := ballot.Paper{Seats: 1, Candidates: []ballot.CandidateID{"lan"}}
	blank := ballot.Ballot{Marks: []ballot.Mark{ballot.Unmarked}}

	byDefault, _ := paper.Classify(blank, ballot.Policy{})
	accepted, _ := paper.Classify(blank, ballot.Policy{AcceptBlankSingle: true})
	fmt.Println(byDefault.Reason, byDefault.Valid(), "—", byDefault.Reason.Name(ballot.Vietnamese))
	fmt.Println(accepted.Reason, accepted.Valid(), "—", accepted.Reason.Name(ballot.Vietnamese))
	// Output:
	// no-box false — không đánh dấu ô nào
	// valid-no-box true — hợp lệ, không đánh dấu ô nào
}

const example = `{
  "format": "kiemphieu.congress/1",
  "name": "Đại hội Chi bộ Khu phố 3",
  "level": "chi-bo",
  "roster": { "members": { "official": 11, "present": 10, "absent_with_reason": 1 } },
  "candidates": [
    { "id": "c1", "name": "Nguyễn Thị Lan" },
    { "id": "c2", "name": "Trần Văn Bình" },
    { "id": "c3", "name": "Lò Văn Chiến" },
    { "id": "c4", "name": "Phạm Minh Đức" }
  ],
  "contests": [
    { "id": "chi-uy", "office": "committee", "seats": 3, "candidates": ["c1", "c2", "c3", "c4"],
      "rounds": [ { "issued": 10, "boxes": [
        { "name": "Hòm phiếu số 1", "ballots": [
          { "struck": ["c4"] }, { "struck": ["c4"] }, { "struck": ["c3"] }, { "struck": ["c4"] },
          { "struck": ["c2"] }, { "struck": ["c4"] }, { "struck": ["c1", "c4"] }, {},
          { "struck": ["c1", "c2", "c3", "c4"] }, { "struck": ["c4"], "flags": ["signed"] } ] } ] } ] }
  ]
}`

// Decode a congress document and classify every ballot of its first round,
// box by box.
func ExampleParseCongress() {
	c, err := ballot.ParseCongress([]byte(example))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	ct := c.Contests[0]
	for _, box := range ct.Rounds[0].Boxes {
		valid, invalid := 0, map[ballot.Reason]int{}
		for _, b := range box.Ballots {
			cl, err := ct.Rounds[0].Classify(b, c.Policy)
			if err != nil {
				fmt.Println(err)
				return
			}
			if cl.Valid() {
				valid++
			} else {
				invalid[cl.Reason]++
			}
		}
		fmt.Printf("%s: %d valid\n", box.Name, valid)
		for _, r := range ballot.Reasons() {
			if invalid[r] > 0 {
				fmt.Printf("  %d invalid: %s\n", invalid[r], r.Name(ballot.Vietnamese))
			}
		}
	}
	// Output:
	// Đại hội Chi bộ Khu phố 3 (chi-bo): 4 candidates, 1 contests, 1 rounds
	// Hòm phiếu số 1: 7 valid
	//   1 invalid: để lại nhiều tên hơn số lượng cần bầu
	//   1 invalid: gạch hết tên trong danh sách
	//   1 invalid: có ký tên, đánh dấu hoặc viết thêm
}

// Malformed input comes back as one error listing every problem with its
// path and a stable code.
func ExampleErrorList() {
	_, err := ballot.ParseCongress([]byte(`{
	  "format": "kiemphieu.congress/1",
	  "name": "Đại hội Chi bộ Khu phố 3",
	  "level": "chi-bo",
	  "roster": { "members": { "official": 11, "present": 12 } },
	  "candidates": [ { "id": "c1", "name": "Nguyễn Thị Lan", "born": "1976-13" },
	                  { "id": "c1", "name": "Trần Văn Bình" } ],
	  "contests": [ { "id": "bi-thu", "office": "secretary", "seats": 1, "candidates": ["c7"] } ]
	}`))
	var list ballot.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("%-13s %s\n", e.Code, e.Message(ballot.Vietnamese))
		}
	}
	fmt.Println(errors.Is(err, ballot.ErrDuplicate))
	// Output:
	// invalid       candidates[0].born: tháng 13 không tồn tại (1–12)
	// conflict      roster.members.present: có mặt 12 nhiều hơn số triệu tập 11
	// duplicate     candidates[1].id: mã "c1" trùng với candidates[0]
	// unknown       contests[0].candidates[0]: không có người mang mã "c7" trong candidates
	// true
}

func ExampleParseMonth() {
	born, _ := ballot.ParseMonth("1971-12")
	ref := ballot.MustMonth(2025, 4)
	fmt.Println(born.Format(ballot.Vietnamese), born.MonthsUntil(ref), "months")
	_, err := ballot.ParseMonth("1971-13")
	fmt.Println(err)
	// Output:
	// 12/1971 640 months
	// month 13 does not exist (1–12)
}

// A congress's opening day decides the regime in force; a date may be known
// only to the month.
func ExampleParseDate() {
	for _, s := range []string{"2025-04-14", "2025-04", "2025-02-29"} {
		d, err := ballot.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.Format(ballot.Vietnamese), d.HasDay())
	}
	// Output:
	// 14/4/2025 true
	// 4/2025 false
	// day 29 does not exist in 2025-02
}
