//go:build linux

package journal

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// TestUnreadableAfterFailure: when a write fails and the journal cannot
// even be read back, the outcome is Unknown and the Writer holds the state
// before the event — never one with the event counted, never an empty one.
func TestUnreadableAfterFailure(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16k"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("mounting a small tmpfs (CI runs as root): %v", err)
		}
		t.Skipf("cannot mount a small tmpfs (needs root; CI runs it): %v", err)
	}
	defer syscall.Unmount(dir, 0)
	rd := Round{Congress: "c", Contest: "k", Office: ballot.OfficeCommittee, Number: 1, Box: "1", Seats: 1,
		Candidates: []ballot.CandidateID{"a", "b"}, Names: []string{"A", "B"}, Issued: 9,
		Base: tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 9, Present: 9})}
	w, err := Create(filepath.Join(dir, "j"), rd)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	openJournal = func(string) (*os.File, error) { return nil, errors.New("injected: cannot read") }
	defer func() { openJournal = os.Open }()
	for i := 1; ; i++ {
		if i > 5000 {
			t.Fatal("the disk never filled")
		}
		before := w.Head()
		_, err := w.Append(Event{Type: TypeEnter, Seq: i, Marks: "x."})
		if err == nil {
			continue
		}
		var we *WriteError
		if !errors.As(err, &we) || we.Outcome != Unknown || we.Head != before {
			t.Fatalf("%v", err)
		}
		if w.Head() != before || w.State().Counter.Len() != i-1 || len(w.State().Events) != i {
			t.Errorf("after the failure: head %v (was %v), %d entries, %d events", w.Head(), before, w.State().Counter.Len(), len(w.State().Events))
		}
		return
	}
}
