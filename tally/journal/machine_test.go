package journal_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/journal"
	"pgregory.net/rapid"
)

// TestMachine drives a journal with random entries, corrections and crashes
// — the process dies, possibly in the middle of writing a record, and the
// journal is resumed — against a trivial model: the result always equals
// batch counting of the ballots the model says survive.
func TestMachine(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		dir := memDir(t)
		rd := testRound()
		rd.Policy = ballottest.Policy().Draw(rt, "policy")
		p := rd.Paper()
		path := filepath.Join(dir, "j")
		w, err := journal.Create(path, rd)
		if err != nil {
			rt.Fatal(err)
		}
		defer func() { w.Close() }()
		type entry struct {
			b    ballot.Ballot
			live bool
		}
		var model []entry
		check := func(rt *rapid.T, c *tally.Counter) {
			var survive []ballot.Ballot
			for _, e := range model {
				if e.live {
					survive = append(survive, e.b)
				}
			}
			want, err := tally.CountRound("r", 1, ballot.Round{Paper: p, Issued: rd.Issued,
				Boxes: []ballot.Box{{Name: rd.Box, Ballots: survive}}}, rd.Base, rd.Policy)
			if err != nil {
				rt.Fatal(err)
			}
			if diff := cmp.Diff(want, c.Result("r", 1, rd.Box)); diff != "" {
				rt.Fatalf("journal != batch (-batch +journal):\n%s", diff)
			}
		}
		rt.Repeat(map[string]func(*rapid.T){
			"enter": func(rt *rapid.T) {
				b := ballottest.Ballot(p).Draw(rt, "ballot")
				if _, err := w.Append(journal.Enter(len(model)+1, b)); err != nil {
					rt.Fatal(err)
				}
				model = append(model, entry{b, true})
			},
			"void": func(rt *rapid.T) {
				if len(model) == 0 {
					rt.Skip("nothing to void")
				}
				seq := rapid.IntRange(1, len(model)).Draw(rt, "seq")
				_, err := w.Append(journal.Event{Type: journal.TypeVoid, Seq: seq, Reason: "đọc nhầm"})
				if (err == nil) != model[seq-1].live {
					rt.Fatalf("void %d: %v, live %v", seq, err, model[seq-1].live)
				}
				model[seq-1].live = false
			},
			"crash": func(rt *rapid.T) {
				w.Close()
				if rapid.Bool().Draw(rt, "mid_write") {
					// The crash came while writing the next entry: a prefix
					// of that record is on disk, not acknowledged.
					torn := nextRecord(rt, dir, path, journal.Enter(len(model)+1, ballottest.Ballot(p).Draw(rt, "lost")))
					k := rapid.IntRange(1, len(torn)-1).Draw(rt, "written")
					f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
					f.Write(torn[:k])
					f.Close()
				}
				var rep *journal.Replay
				var err error
				w, rep, err = journal.Resume(path)
				if err != nil {
					rt.Fatalf("Resume after a crash: %v", err)
				}
				check(rt, rep.Counter)
			},
			"": func(rt *rapid.T) { check(rt, w.State().Counter) },
		})
	})
}

// memDir returns a temporary directory in memory when the machine has one:
// this test checks the replay logic, which syncing to a disk does not change,
// and thousands of syncs would make it slow. The crash test uses the disk.
func memDir(t *testing.T) string {
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "kiemphieu-journal-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

// nextRecord returns the bytes the record of event e would take if appended
// to the journal at path now, by appending it to a copy.
func nextRecord(rt *rapid.T, dir, path string, e journal.Event) []byte {
	cp := filepath.Join(dir, "copy")
	data, _ := os.ReadFile(path)
	pin, _ := os.ReadFile(path + ".head")
	os.WriteFile(cp, data, 0o644)
	os.WriteFile(cp+".head", pin, 0o644)
	w, _, err := journal.Resume(cp)
	if err != nil {
		rt.Fatal(err)
	}
	if _, err := w.Append(e); err != nil {
		rt.Fatal(err)
	}
	w.Close()
	after, _ := os.ReadFile(cp)
	os.Remove(cp)
	os.Remove(cp + ".head")
	return bytes.Clone(after[len(data):])
}

// FuzzRead checks that no input makes Read panic, and that whatever it
// accepts is a consistent state.
func FuzzRead(f *testing.F) {
	dir := f.TempDir()
	path := filepath.Join(dir, "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		f.Fatal(err)
	}
	for i, bl := range sample {
		w.Append(journal.Enter(i+1, bl))
	}
	w.Append(journal.Event{Type: journal.TypeVoid, Seq: 1, Reason: "x"})
	w.Close()
	data, _ := os.ReadFile(path)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte("KIEMPHIEU-JOURNAL/1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := journal.Read(bytes.NewReader(data), nil)
		if err != nil {
			return
		}
		enters := 0
		for _, e := range rep.Events {
			if e.Type == journal.TypeEnter {
				enters++
			}
		}
		if rep.Counter.Len() != enters || rep.End+rep.Torn != int64(len(data)) || len(rep.Operators) != enters {
			t.Fatalf("inconsistent replay: %d entries, %d enter events, end %d + torn %d of %d", rep.Counter.Len(), enters, rep.End, rep.Torn, len(data))
		}
	})
}
