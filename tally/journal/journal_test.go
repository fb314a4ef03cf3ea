package journal_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// testRound is a committee of 3 elected from 5 names by a meeting of 9.
func testRound() journal.Round {
	return journal.Round{
		Congress: "Đại hội thử", Contest: "bch", Office: ballot.OfficeCommittee, Number: 1, Box: "Hòm phiếu số 1",
		Seats: 3, Candidates: []ballot.CandidateID{"c1", "c2", "c3", "c4", "c5"},
		Names:  []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Chiến", "Phạm Thị Dung", "Hoàng Văn Em"},
		Issued: 9, Base: tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 9, Present: 9}),
	}
}

func b(marks string) ballot.Ballot {
	out := ballot.Ballot{}
	for _, c := range marks {
		out.Marks = append(out.Marks, map[rune]ballot.Mark{'.': ballot.Unmarked, 'x': ballot.Struck, '/': ballot.PartlyStruck}[c])
	}
	return out
}

// write creates a journal with an operator, the ballots, a correction and
// the close, and returns its path.
func write(t *testing.T, ballots ...ballot.Ballot) (string, journal.Head) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bch.journal")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	mustAppend(t, w, journal.Event{Type: journal.TypeOperator, Operator: "Nguyễn Thị Hạnh"})
	for i, bl := range ballots {
		mustAppend(t, w, journal.Enter(i+1, bl))
	}
	mustAppend(t, w, journal.Event{Type: journal.TypeVoid, Seq: 2, Reason: "đọc nhầm dòng 3"})
	head := mustAppend(t, w, journal.Event{Type: journal.TypeClose})
	return path, head
}

func mustAppend(t *testing.T, w *journal.Writer, e journal.Event) journal.Head {
	t.Helper()
	h, err := w.Append(e)
	if err != nil {
		t.Fatalf("Append(%+v): %v", e, err)
	}
	return h
}

var sample = []ballot.Ballot{b("xx..."), b(".xx.."), b("..xx."), b("x...x"), b("xx..x"), b("....."), b("xxxxx")}

func TestRoundTrip(t *testing.T) {
	path, head := write(t, sample...)
	data, _ := os.ReadFile(path)
	rep, err := journal.Read(bytes.NewReader(data), &head)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Head != head || rep.Head.Records != 1+1+len(sample)+2 || !rep.Closed || rep.Torn != 0 {
		t.Errorf("head %v (want %v), closed %v, torn %d", rep.Head, head, rep.Closed, rep.Torn)
	}
	survive := append([]ballot.Ballot{sample[0]}, sample[2:]...)
	want, err := tally.CountRound("r", 1, ballot.Round{Paper: testRound().Paper(), Issued: 9,
		Boxes: []ballot.Box{{Name: "Hòm phiếu số 1", Ballots: survive}}}, testRound().Base, ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, rep.Counter.Result("r", 1, "Hòm phiếu số 1")); diff != "" {
		t.Errorf("replayed count (-batch +replay):\n%s", diff)
	}
	if rep.Operators[0] != "Nguyễn Thị Hạnh" || !rep.Counter.Entries()[1].Voided {
		t.Errorf("operators %v, entries %+v", rep.Operators, rep.Counter.Entries()[1])
	}
	back, err := journal.ParseHead(head.String())
	if err != nil || back != head {
		t.Errorf("ParseHead(%q) = %v, %v", head, back, err)
	}
}

// TestRefused: an impossible event is refused before it is written.
func TestRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	mustAppend(t, w, journal.Enter(1, b("xx...")))
	before := w.Head()
	for _, tt := range []struct {
		reason string
		e      journal.Event
	}{
		{"a sequence number out of order", journal.Enter(3, b("xx..."))},
		{"a ballot of the wrong length", journal.Enter(2, b("xx.."))},
		{"a void of an entry that does not exist", journal.Event{Type: journal.TypeVoid, Seq: 7, Reason: "x"}},
		{"a void without a reason", journal.Event{Type: journal.TypeVoid, Seq: 1}},
		{"an operator without a name", journal.Event{Type: journal.TypeOperator}},
		{"a second opening", journal.Event{Type: journal.TypeOpen, Format: journal.Format, Round: &journal.Round{}}},
		{"an unknown flag", journal.Event{Type: journal.TypeEnter, Seq: 2, Marks: "xx...", Flags: []string{"stamped"}}},
		{"an unknown mark", journal.Event{Type: journal.TypeEnter, Seq: 2, Marks: "xx..?"}},
	} {
		if _, err := w.Append(tt.e); err == nil {
			t.Errorf("%s: accepted", tt.reason)
		}
	}
	if w.Head() != before {
		t.Error("a refused event changed the head")
	}
	mustAppend(t, w, journal.Event{Type: journal.TypeClose})
	if _, err := w.Append(journal.Enter(2, b("xx..."))); err == nil {
		t.Error("an entry after the close accepted")
	}
	if _, err := journal.Create(path, testRound()); err == nil {
		t.Error("Create over an existing journal")
	}
	bad := testRound()
	bad.Names = bad.Names[:2]
	if _, err := journal.Create(filepath.Join(t.TempDir(), "k"), bad); err == nil {
		t.Error("a round with names missing accepted")
	}
}

// TestTornTail: whatever prefix of a record a crash leaves at the end, Resume
// drops it, keeps everything before, and appends after it.
func TestTornTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	mustAppend(t, w, journal.Enter(1, b("xx...")))
	good, _ := os.ReadFile(path)
	mustAppend(t, w, journal.Enter(2, b(".xx..")))
	w.Close()
	full, _ := os.ReadFile(path)
	record := full[len(good):]
	for k := 1; k < len(record); k++ {
		// the crash came while record 3 was being written: the pin names
		// record 2 and announces record 3
		os.WriteFile(path, append(append([]byte(nil), good...), record[:k]...), 0o644)
		os.WriteFile(path+".head", []byte("kiemphieu.journal.head/2 2:"+hexHash(good)+" next 3:"+hexHash(full)+"\n"), 0o644)
		w, rep, err := journal.Resume(path)
		if err != nil {
			t.Fatalf("torn at %d of %d: %v", k, len(record), err)
		}
		if rep.Torn != int64(k) || rep.Counter.Len() != 1 {
			t.Fatalf("torn at %d: Torn %d, entries %d", k, rep.Torn, rep.Counter.Len())
		}
		mustAppend(t, w, journal.Enter(2, b(".xx..")))
		w.Close()
		if again, _ := os.ReadFile(path); !bytes.Equal(again, full) {
			t.Fatalf("torn at %d: the file after resuming differs from an uninterrupted one", k)
		}
	}
}

// hexHash returns the hex hash of the last record of a journal's bytes.
func hexHash(data []byte) string {
	rep, err := journal.Read(bytes.NewReader(data), nil)
	if err != nil {
		panic(err)
	}
	s := rep.Head.String()
	return s[len("2:"):]
}

// records splits a journal's bytes into the magic line and its records.
func records(data []byte) (head []byte, recs [][]byte) {
	n := bytes.IndexByte(data, '\n') + 1
	head, data = data[:n], data[n:]
	for len(data) > 0 {
		size := int(binary.BigEndian.Uint32(data))
		recs = append(recs, data[:4+size+sha256.Size+4])
		data = data[4+size+sha256.Size+4:]
	}
	return head, recs
}

func damaged(t *testing.T, data []byte, pin *journal.Head) *journal.Damage {
	t.Helper()
	_, err := journal.Read(bytes.NewReader(data), pin)
	var d *journal.Damage
	if !errors.As(err, &d) {
		return nil
	}
	return d
}

// TestTamper: every single-byte change, every truncation, every swap and
// removal of records, and an edit with a recomputed checksum, is detected
// against the pinned head and reported with a record number.
func TestTamper(t *testing.T) {
	path, head := write(t, sample...)
	data, _ := os.ReadFile(path)
	for i := range data {
		for _, delta := range []byte{0x01, 0x80, 0xff} {
			bad := bytes.Clone(data)
			bad[i] ^= delta
			if d := damaged(t, bad, &head); d == nil {
				t.Fatalf("byte %d ^ %#x not detected", i, delta)
			}
		}
	}
	for n := range len(data) {
		if d := damaged(t, data[:n], &head); d == nil {
			t.Fatalf("truncation to %d of %d bytes not detected", n, len(data))
		}
	}
	magic, recs := records(data)
	join := func(rs [][]byte) []byte { return append(bytes.Clone(magic), bytes.Join(rs, nil)...) }
	for i := range recs {
		for j := i + 1; j < len(recs); j++ {
			swapped := append([][]byte(nil), recs...)
			swapped[i], swapped[j] = swapped[j], swapped[i]
			if d := damaged(t, join(swapped), nil); d == nil || d.Kind != journal.BrokenChain || d.Record != i+1 {
				t.Fatalf("swap of records %d and %d: %v", i+1, j+1, d)
			}
		}
		removed := append(append([][]byte(nil), recs[:i]...), recs[i+1:]...)
		if d := damaged(t, join(removed), &head); d == nil {
			t.Fatalf("removal of record %d not detected", i+1)
		}
	}
	// An edit by someone who recomputes the checksum: the entry of record
	// 3 now strikes other names.
	edited := append([][]byte(nil), recs...)
	edited[2] = reseal(recs[2], bytes.Replace(payload(recs[2]), []byte(`"marks":"xx..."`), []byte(`"marks":"..xx."`), 1))
	if d := damaged(t, join(edited), nil); d == nil || d.Kind != journal.BrokenChain || d.Record != 4 {
		t.Errorf("an edit with a fresh checksum: %v", d)
	}
	// The same edit to the last record is caught by the pin alone.
	last := len(recs) - 1
	edited = append([][]byte(nil), recs...)
	edited[last] = reseal(recs[last], []byte(`{"type":"close"} `))
	if d := damaged(t, join(edited), nil); d != nil {
		t.Errorf("an edit of the last record is undetectable without the pin, yet: %v", d)
	}
	if d := damaged(t, join(edited), &head); d == nil || d.Kind != journal.PinMismatch {
		t.Errorf("an edit of the last record against the pin: %v", d)
	}
}

func payload(rec []byte) []byte { return rec[4 : len(rec)-sha256.Size-4] }

// reseal rebuilds a record with a new payload, keeping its link to the one
// before and computing a fresh checksum: what a forger would do.
func reseal(rec, p []byte) []byte {
	prev := rec[len(rec)-sha256.Size-4 : len(rec)-4]
	out := binary.BigEndian.AppendUint32(nil, uint32(len(p)))
	out = append(append(out, p...), prev...)
	return binary.BigEndian.AppendUint32(out, crc32.Checksum(out, crc32.MakeTable(crc32.Castagnoli)))
}

func TestCompare(t *testing.T) {
	a, _ := write(t, sample...)
	second := append([]ballot.Ballot(nil), sample...)
	second[4] = b("xx.x.")          // misread
	c, _ := write(t, second[:6]...) // and one paper missing
	ra, _ := journal.Read(mustOpen(t, a), nil)
	rc, _ := journal.Read(mustOpen(t, c), nil)
	cmpRes, err := journal.Compare(ra, rc)
	if err != nil {
		t.Fatal(err)
	}
	var positions []int
	for _, d := range cmpRes.Differences {
		positions = append(positions, d.Position)
	}
	// entry 2 voided in both: surviving positions shift by one
	if !cmp.Equal(positions, []int{4, 6}) || cmpRes.Agree() {
		t.Errorf("differences at %v, want [4 6]", positions)
	}
	if _, _, err := journal.Accept("r", ra, rc); err == nil {
		t.Error("a result accepted while the entries differ")
	}
	rb, _ := journal.Read(mustOpen(t, a), nil)
	res, cmpRes, err := journal.Accept("r", ra, rb)
	if err != nil || !cmpRes.Agree() || res.Collected != len(sample)-1 {
		t.Errorf("agreeing entries: %v, %v, %d collected", err, cmpRes, res.Collected)
	}
	other := testRound()
	other.Box = "Hòm phiếu số 2"
	p := filepath.Join(t.TempDir(), "o")
	w, _ := journal.Create(p, other)
	w.Close()
	ro, _ := journal.Read(mustOpen(t, p), nil)
	if _, err := journal.Compare(ra, ro); err == nil {
		t.Error("journals of different boxes compared")
	}
}

func mustOpen(t *testing.T, path string) *bytes.Reader {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(data)
}

// FuzzParseHead checks that ParseHead never panics and that what it accepts
// prints back to the same head.
func FuzzParseHead(f *testing.F) {
	f.Add("12:" + strings.Repeat("ab", 32))
	f.Add("0:00")
	f.Add(":")
	f.Fuzz(func(t *testing.T, s string) {
		h, err := journal.ParseHead(s)
		if err != nil {
			return
		}
		back, err := journal.ParseHead(h.String())
		if err != nil || back != h {
			t.Fatalf("ParseHead(%q) = %v; reads back as %v, %v", s, h, back, err)
		}
	})
}

// TestMissingPin: removing the pin beside a journal does not disable the
// check; only a journal of its opening record alone may lack one.
func TestMissingPin(t *testing.T) {
	path, _ := write(t, sample...)
	os.Remove(path + ".head")
	_, _, err := journal.Resume(path)
	var d *journal.Damage
	if !errors.As(err, &d) || d.Kind != journal.Missing {
		t.Errorf("a journal without its pin resumed: %v", err)
	}
	fresh := filepath.Join(t.TempDir(), "j")
	w, err := journal.Create(fresh, testRound())
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	os.Remove(fresh + ".head") // the crash came before the first pin
	if w, _, err := journal.Resume(fresh); err != nil {
		t.Errorf("a fresh journal without a pin: %v", err)
	} else {
		w.Close()
	}
}
