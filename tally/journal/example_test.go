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
