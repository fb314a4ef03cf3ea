package journal_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// TestTwoWriters: while a writer holds a journal, a second one — another
// station started on the same file — is refused with the holder named,
// however it opens it; once the first closes, the journal can be resumed.
func TestTwoWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	mustAppend(t, w, journal.Enter(1, b("xx...")))
	for _, tt := range []struct {
		reason string
		open   func() error
	}{
		{"Resume", func() error { _, _, err := journal.Resume(path); return err }},
		{"Create over it", func() error { _, err := journal.Create(path, testRound()); return err }},
	} {
		err := tt.open()
		var le *journal.LockedError
		if !errors.As(err, &le) {
			t.Fatalf("%s while another writer holds the journal: %v", tt.reason, err)
		}
		if le.Path != path || !strings.Contains(le.Holder, "pid "+strconv.Itoa(os.Getpid())) {
			t.Errorf("%s: path %q, holder %q", tt.reason, le.Path, le.Holder)
		}
	}
	mustAppend(t, w, journal.Enter(2, b(".xx..")))
	w.Close()
	w2, rep, err := journal.Resume(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if rep.Counter.Len() != 2 {
		t.Errorf("%d entries, want 2", rep.Counter.Len())
	}
}

// TestNeverReplaced: a deleted journal whose pin is left is damage, both to
// Create (a new round would silently replace the ballots) and to Resume;
// Create never overwrites a journal.
func TestNeverReplaced(t *testing.T) {
	path, _ := write(t, sample...)
	if _, err := journal.Create(path, testRound()); err == nil || !errors.Is(err, os.ErrExist) {
		t.Errorf("Create over an existing journal: %v", err)
	}
	pin, _ := os.ReadFile(path + ".head")
	os.Remove(path)
	for name, open := range map[string]func() error{
		"Create": func() error { _, err := journal.Create(path, testRound()); return err },
		"Resume": func() error { _, _, err := journal.Resume(path); return err },
	} {
		var d *journal.Damage
		if err := open(); !errors.As(err, &d) || d.Kind != journal.Missing {
			t.Errorf("%s with the journal deleted and its pin kept: %v", name, err)
		}
	}
	if after, _ := os.ReadFile(path + ".head"); !bytes.Equal(after, pin) {
		t.Errorf("the pin changed: %q → %q", pin, after)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a journal was created: %v", err)
	}
}

// TestAppendedRecord: a correctly sealed record appended to the file by
// anything but the journal's writer is damage on Resume, not a ballot.
func TestAppendedRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	mustAppend(t, w, journal.Enter(1, b("xx...")))
	w.Close()
	data, _ := os.ReadFile(path)
	extra := sealAfter(data, []byte(`{"type":"enter","seq":2,"marks":"xx..."}`))
	os.WriteFile(path, append(data, extra...), 0o644)
	if _, err := journal.Read(bytes.NewReader(append(data, extra...)), nil); err != nil {
		t.Fatalf("the forged record is well formed, yet: %v", err)
	}
	_, _, err = journal.Resume(path)
	var d *journal.Damage
	if !errors.As(err, &d) || d.Kind != journal.Unpinned || d.Record != 3 || d.Offset != int64(len(data)) {
		t.Errorf("an appended record: %v", err)
	}
}

// sealAfter returns a record of payload p chained after the journal data.
func sealAfter(data, p []byte) []byte {
	_, recs := records(data)
	rec := binary.BigEndian.AppendUint32(nil, uint32(len(p)))
	rec = append(rec, p...)
	rec = append(rec, make([]byte, 32+4)...)
	h := sha256.Sum256(recs[len(recs)-1])
	copy(rec[4+len(p):], h[:])
	return reseal(rec, p)
}

// TestZeroTail: zero bytes after the last record — what some file systems
// leave after a power cut — are dropped like a torn record and reported;
// the acknowledged records are kept and entry goes on after them.
func TestZeroTail(t *testing.T) {
	for _, zeros := range []int{1, 3, 4, 100, 4096} {
		path := filepath.Join(t.TempDir(), "j")
		w, err := journal.Create(path, testRound())
		if err != nil {
			t.Fatal(err)
		}
		mustAppend(t, w, journal.Enter(1, b("xx...")))
		head := mustAppend(t, w, journal.Enter(2, b(".xx..")))
		w.Close()
		good, _ := os.ReadFile(path)
		os.WriteFile(path, append(bytes.Clone(good), make([]byte, zeros)...), 0o644)
		w, rep, err := journal.Resume(path)
		if err != nil {
			t.Fatalf("%d zero bytes: %v", zeros, err)
		}
		if rep.Torn != int64(zeros) || rep.Head != head || rep.Counter.Len() != 2 {
			t.Errorf("%d zero bytes: torn %d, head %v (want %v), %d entries", zeros, rep.Torn, rep.Head, head, rep.Counter.Len())
		}
		mustAppend(t, w, journal.Enter(3, b("..xx.")))
		w.Close()
		if after, _ := os.ReadFile(path); !bytes.HasPrefix(after, good) || bytes.Contains(after[len(good):], make([]byte, 8)) {
			t.Errorf("%d zero bytes: they were not cut off before appending", zeros)
		}
	}
}

// TestLengthReadAsTorn: a record length changed so that the record seems to
// run past the end of the file reads, without a pin, as a torn tail — the
// records after it would silently vanish. Against the pin it is damage, and
// Resume refuses it instead of cutting acknowledged ballots off.
func TestLengthReadAsTorn(t *testing.T) {
	path, head := write(t, sample...)
	data, _ := os.ReadFile(path)
	magic, recs := records(data)
	off := len(magic) + len(recs[0]) + len(recs[1]) // record 3, the first ballot
	bad := bytes.Clone(data)
	binary.BigEndian.PutUint32(bad[off:], uint32(len(data))) // past the end, below MaxRecord
	rep, err := journal.Read(bytes.NewReader(bad), nil)
	if err != nil || rep.Head.Records != 2 {
		t.Fatalf("without a pin: %v, %v", rep, err)
	}
	if d := damaged(t, bad, &head); d == nil || d.Kind != journal.Missing || d.Record != 3 {
		t.Errorf("against the pin: %v", d)
	}
	os.WriteFile(path, bad, 0o644)
	var d *journal.Damage
	if _, _, err := journal.Resume(path); !errors.As(err, &d) || d.Kind != journal.Missing {
		t.Errorf("Resume: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, bad) {
		t.Error("Resume changed a damaged journal")
	}
}

// TestRoundChecks: a round that cannot be counted is refused before a
// journal exists.
func TestRoundChecks(t *testing.T) {
	for _, tt := range []struct {
		reason string
		change func(*journal.Round)
	}{
		{"fewer ballots issued than none", func(r *journal.Round) { r.Issued = -1 }},
		{"more ballots issued than can be counted", func(r *journal.Round) { r.Issued = ballot.MaxCount + 1 }},
		{"no electorate", func(r *journal.Round) { r.Base.Electorate = 0 }},
		{"D above those convened", func(r *journal.Round) { r.Base.D = r.Base.Convened + 1 }},
		{"a negative D", func(r *journal.Round) { r.Base.D = -1 }},
		{"round 0", func(r *journal.Round) { r.Number = 0 }},
		{"a name missing", func(r *journal.Round) { r.Names = r.Names[1:] }},
	} {
		rd := testRound()
		tt.change(&rd)
		path := filepath.Join(t.TempDir(), "j")
		if w, err := journal.Create(path, rd); err == nil {
			w.Close()
			t.Errorf("%s: accepted", tt.reason)
		} else if _, serr := os.Stat(path); serr == nil {
			t.Errorf("%s: a journal file was left", tt.reason)
		}
	}
	for _, tt := range []struct {
		reason string
		change func(*journal.Round)
	}{
		{"every ballot issued that can be counted", func(r *journal.Round) { r.Issued = ballot.MaxCount }},
		{"none issued", func(r *journal.Round) { r.Issued = 0 }},
		{"D equal to those convened", func(r *journal.Round) { r.Base.D = r.Base.Convened }},
	} {
		rd := testRound()
		tt.change(&rd)
		w, err := journal.Create(filepath.Join(t.TempDir(), "j"), rd)
		if err != nil {
			t.Errorf("%s: %v", tt.reason, err)
			continue
		}
		w.Close()
	}
}

// TestUndoCorrected: the second operator undoes ballot 2 of 7 by mistake.
// Re-entered in its place, or the undo itself undone, the two journals
// agree; re-entered at the end of the stack, they differ at 2 to 7.
func TestUndoCorrected(t *testing.T) {
	stack := sample
	entered := func(t *testing.T, events ...journal.Event) *journal.Replay {
		w, err := journal.Create(filepath.Join(t.TempDir(), "j"), testRound())
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		for i, bl := range stack {
			mustAppend(t, w, journal.Enter(i+1, bl))
		}
		for _, e := range events {
			mustAppend(t, w, e)
		}
		return w.State()
	}
	a := entered(t)
	undo := journal.Event{Type: journal.TypeVoid, Seq: 2, Reason: "nhầm"}
	inPlace := journal.Enter(8, stack[1])
	inPlace.Replaces = 2
	for _, tt := range []struct {
		reason string
		rep    *journal.Replay
		want   []int
	}{
		{"re-entered in place of the undone entry", entered(t, undo, inPlace), nil},
		{"the undo undone", entered(t, undo, journal.Event{Type: journal.TypeRestore, Seq: 2}), nil},
		{"re-entered as a new paper at the end", entered(t, undo, journal.Enter(8, stack[1])), []int{2, 3, 4, 5, 6, 7}},
	} {
		c, err := journal.Compare(a, tt.rep)
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, d := range c.Differences {
			got = append(got, d.Position)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: differences (-want +got):\n%s", tt.reason, diff)
		}
		if c.Agree() {
			ra, _, err := journal.Accept("r", a, tt.rep)
			rb, _, _ := journal.Accept("r", tt.rep, a)
			if err != nil || !cmp.Equal(ra, rb) {
				t.Errorf("%s: accepted results differ or refused: %v", tt.reason, err)
			}
		} else if _, _, err := journal.Accept("r", a, tt.rep); err == nil {
			t.Errorf("%s: accepted with differences", tt.reason)
		}
	}
	// The refusals: a restore of an entry that was not voided, a
	// replacement of an entry that was not voided, a second restore.
	path := filepath.Join(t.TempDir(), "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	mustAppend(t, w, journal.Enter(1, b("xx...")))
	e := journal.Enter(2, b("xx..."))
	e.Replaces = 1
	for _, bad := range []journal.Event{{Type: journal.TypeRestore, Seq: 1}, {Type: journal.TypeRestore, Seq: 5}, e} {
		if _, err := w.Append(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	mustAppend(t, w, journal.Event{Type: journal.TypeVoid, Seq: 1, Reason: "x"})
	mustAppend(t, w, journal.Event{Type: journal.TypeRestore, Seq: 1})
	if _, err := w.Append(journal.Event{Type: journal.TypeRestore, Seq: 1}); err == nil {
		t.Error("a second restore accepted")
	}
	if got := w.State().Counter.Result("r", 1, "b"); got.Collected != 1 || got.Valid != 1 {
		t.Errorf("after the restore: %d collected, %d valid", got.Collected, got.Valid)
	}
	// The replay of the file gives the same.
	if diff := cmp.Diff(w.State().Counter.Entries(), readAll(t, path).Counter.Entries()); diff != "" {
		t.Errorf("the replay differs from the writer (-writer +replay):\n%s", diff)
	}
}

func readAll(t *testing.T, path string) *journal.Replay {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := journal.Read(bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestRemovedWhileOpen: a journal removed or replaced under a running
// writer would swallow every later ballot into a file nobody reads; the
// next append is refused as not recorded, and the writer stops.
func TestRemovedWhileOpen(t *testing.T) {
	for _, tt := range []struct {
		reason string
		do     func(path string)
	}{
		{"removed", func(path string) { os.Remove(path) }},
		{"replaced by a copy", func(path string) {
			data, _ := os.ReadFile(path)
			os.WriteFile(path+".copy", data, 0o644)
			os.Rename(path+".copy", path)
		}},
	} {
		path := filepath.Join(t.TempDir(), "j")
		w, err := journal.Create(path, testRound())
		if err != nil {
			t.Fatal(err)
		}
		mustAppend(t, w, journal.Enter(1, b("xx...")))
		tt.do(path)
		_, err = w.Append(journal.Enter(2, b(".xx..")))
		var we *journal.WriteError
		if !errors.As(err, &we) || we.Outcome != journal.NotRecorded || w.State().Counter.Len() != 1 {
			t.Errorf("%s: %v, %d entries", tt.reason, err, w.State().Counter.Len())
		}
		if _, err := w.Append(journal.Enter(2, b(".xx.."))); !errors.Is(err, journal.ErrStopped) {
			t.Errorf("%s: the next append: %v", tt.reason, err)
		}
		w.Close()
	}
}
