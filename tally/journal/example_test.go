package journal_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// A kiosk journals a round: the operator, three ballots, a correction. The
// journal rebuilds the count; a changed byte is reported with its record.
func Example() {
	dir, _ := os.MkdirTemp("", "journal-example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "chi-uy.journal")

	w, err := journal.Create(path, journal.Round{
		Congress: "Đại hội Chi bộ Khu phố 3", Contest: "chi-uy", Office: ballot.OfficeCommittee, Number: 1,
		Box: "Hòm phiếu số 1", Seats: 3, Candidates: []ballot.CandidateID{"c1", "c2", "c3", "c4"},
		Names:  []string{"Nguyễn Thị Lan", "Trần Văn Bình", "Lò Văn Chiến", "Phạm Minh Đức"},
		Issued: 10, Base: tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: 11, Present: 10, AbsentWithReason: 1}}),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	w.Append(journal.Event{Type: journal.TypeOperator, Operator: "Võ Thị Hồng"})
	strike4 := ballot.Ballot{Marks: []ballot.Mark{ballot.Unmarked, ballot.Unmarked, ballot.Unmarked, ballot.Struck}}
	for seq := 1; seq <= 3; seq++ {
		w.Append(journal.Enter(seq, strike4))
	}
	head, _ := w.Append(journal.Event{Type: journal.TypeVoid, Seq: 2, Reason: "nhập trùng"})
	w.Close()

	data, _ := os.ReadFile(path)
	rep, err := journal.Read(bytes.NewReader(data), &head)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rep.Counter.Result("", 1, "Hòm phiếu số 1")
	fmt.Println(head.Records, "records;", r.Collected, "ballots,", r.Standings[0].Votes, "votes for c1")

	data[len(data)-50] ^= 1 // a changed byte in the last record
	_, err = journal.Read(bytes.NewReader(data), &head)
	var d *journal.Damage
	if errors.As(err, &d) {
		fmt.Println(d.Kind, "at record", d.Record)
	}
	// Output:
	// 6 records; 2 ballots, 2 votes for c1
	// bad-checksum at record 6
}

// Two operators enter the same box. The second undoes paper 2 by mistake
// and re-enters it in its place: Compare follows the stack of papers, so the
// corrected mistake is not a difference, and Accept gives the result.
func ExampleCompare() {
	dir, _ := os.MkdirTemp("", "journal-example")
	defer os.RemoveAll(dir)
	rd := journal.Round{
		Congress: "Đại hội Chi bộ Khu phố 3", Contest: "chi-uy", Office: ballot.OfficeCommittee, Number: 1,
		Box: "Hòm phiếu số 1", Seats: 1, Candidates: []ballot.CandidateID{"c1", "c2"}, Names: []string{"Lan", "Bình"},
		Issued: 3, Base: tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: 3, Present: 3}}),
	}
	papers := []ballot.Ballot{
		{Marks: []ballot.Mark{ballot.Struck, ballot.Unmarked}},
		{Marks: []ballot.Mark{ballot.Unmarked, ballot.Struck}},
		{Marks: []ballot.Mark{ballot.Struck, ballot.Unmarked}},
	}
	var reps []*journal.Replay
	for i, name := range []string{"a.journal", "b.journal"} {
		w, err := journal.Create(filepath.Join(dir, name), rd)
		if err != nil {
			fmt.Println(err)
			return
		}
		for seq, p := range papers {
			w.Append(journal.Enter(seq+1, p))
		}
		if i == 1 {
			w.Append(journal.Event{Type: journal.TypeVoid, Seq: 2, Reason: "nhầm"})
			again := journal.Enter(4, papers[1])
			again.Replaces = 2
			w.Append(again)
		}
		reps = append(reps, w.State())
		defer w.Close()
	}
	c, _ := journal.Compare(reps...)
	fmt.Println(c)
	r, _, err := journal.Accept("", reps...)
	fmt.Println(err, r.Elected)
	// Output:
	// the 2 entries agree on all 3 ballots
	// <nil> [c2]
}
