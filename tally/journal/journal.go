package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/jsondoc"
	"github.com/kiemphieu/kiemphieu/tally"
)

// magic starts every journal file.
const magic = "KIEMPHIEU-JOURNAL/1\n"

// MaxRecord is the largest payload of a record, in bytes.
const MaxRecord = 1 << 20

// recordOverhead is the bytes of a record besides its payload: the length,
// the previous record's hash and the checksum.
const recordOverhead = 4 + sha256.Size + 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// encodeRecord lays out one record: the payload's length (4 bytes, big
// endian), the payload, the SHA-256 hash of the previous record (of the
// magic for the first), and a CRC-32C of everything before it.
func encodeRecord(payload []byte, prev [sha256.Size]byte) []byte {
	rec := make([]byte, 0, len(payload)+recordOverhead)
	rec = binary.BigEndian.AppendUint32(rec, uint32(len(payload)))
	rec = append(rec, payload...)
	rec = append(rec, prev[:]...)
	return binary.BigEndian.AppendUint32(rec, crc32.Checksum(rec, castagnoli))
}

// A Head names the state of a journal: how many records it holds and the
// SHA-256 hash of the last one, which by the chain depends on every record
// before it. Printed on the signed minutes, it pins the electronic record.
type Head struct {
	Records int
	Hash    [sha256.Size]byte
}

func genesis() [sha256.Size]byte { return sha256.Sum256([]byte(magic)) }

// String returns "N:hex", the form ParseHead reads.
func (h Head) String() string { return strconv.Itoa(h.Records) + ":" + hex.EncodeToString(h.Hash[:]) }

// Grouped returns the hash in groups of four hex digits, for people to read
// and compare on paper.
func (h Head) Grouped() string {
	s := hex.EncodeToString(h.Hash[:])
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i : i+4])
	}
	return b.String()
}

// ParseHead parses "N:hex".
func ParseHead(s string) (Head, error) {
	n, h, ok := strings.Cut(strings.TrimSpace(s), ":")
	records, err := strconv.Atoi(n)
	raw, herr := hex.DecodeString(h)
	if !ok || err != nil || records < 1 || herr != nil || len(raw) != sha256.Size {
		return Head{}, fmt.Errorf("journal: %q is not a head (records:hex of %d bytes)", s, sha256.Size)
	}
	var head Head
	head.Records = records
	copy(head.Hash[:], raw)
	return head, nil
}

// MarshalText returns the String form.
func (h Head) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText parses the String form.
func (h *Head) UnmarshalText(b []byte) error {
	v, err := ParseHead(string(b))
	if err == nil {
		*h = v
	}
	return err
}

// DamageKind classifies damage to a journal.
type DamageKind uint8

// The kinds of damage.
const (
	BadMagic    DamageKind = iota + 1 // the file does not start as a journal
	BadLength                         // a record's length is impossible
	BadChecksum                       // a record's bytes do not match its checksum
	BrokenChain                       // a record does not follow the one before it: removed, reordered or replaced
	BadEvent                          // a record's event is malformed or impossible at that point
	Missing                           // records the head pin vouches for are missing (truncation)
	PinMismatch                       // the record at the pin is not the one pinned (an edit)
	Unpinned                          // records after the pinned head, not written by the journal's writer
)

var damageKinds = []string{"", "bad-magic", "bad-length", "bad-checksum", "broken-chain", "bad-event", "missing", "pin-mismatch", "unpinned"}

// String returns a stable code.
func (k DamageKind) String() string {
	if int(k) < len(damageKinds) && k > 0 {
		return damageKinds[k]
	}
	return "damage(" + strconv.Itoa(int(k)) + ")"
}

// Damage is a journal that was altered or broken in a way a crash cannot
// cause. It is never silently accepted.
type Damage struct {
	Kind   DamageKind
	Record int   // the record, from 1, where the damage was found
	Offset int64 // the byte offset of that record
	Detail ballot.Text
}

func (d *Damage) Error() string {
	return fmt.Sprintf("journal damaged at record %d (byte %d): %s: %s", d.Record, d.Offset, d.Kind, d.Detail.EN)
}

// Message returns the damage in language l.
func (d *Damage) Message(l ballot.Lang) string {
	if l == ballot.English {
		return d.Error()
	}
	return fmt.Sprintf("nhật ký bị hư hại ở bản ghi %d (byte %d): %s: %s", d.Record, d.Offset, d.Kind, d.Detail.VI)
}

// A Replay is what reading a journal rebuilds: the round, the counter with
// every entry and correction, who entered what, and the head.
type Replay struct {
	Round   Round
	Counter *tally.Counter
	Events  []Event
	// Operators holds, for each entry by sequence number (index seq−1), the
	// operator at the keyboard when it was entered ("" before any).
	Operators []string
	Closed    bool
	Head      Head
	// Torn is the number of bytes of an incomplete final record, left by a
	// crash in the middle of a write and dropped; 0 when there is none.
	Torn int64
	// End is the offset of the end of the last whole record.
	End int64
	// Replaces holds, for each entry by sequence number (index seq−1), the
	// entry it was entered in place of (see Event.Replaces), or 0.
	Replaces []int

	starts []int64 // the offset of each record
}

// apply checks event e against the state and applies it.
func (r *Replay) apply(e Event) error {
	switch {
	case len(r.Events) == 0 && e.Type != TypeOpen:
		return fmt.Errorf("the first record must open the round, not %s", e.Type)
	case len(r.Events) > 0 && e.Type == TypeOpen:
		return errors.New("the round is opened twice")
	case r.Closed:
		return fmt.Errorf("%s after the round was closed", e.Type)
	}
	switch e.Type {
	case TypeOpen:
		if e.Format != Format {
			return fmt.Errorf("format %q, want %q", e.Format, Format)
		}
		if e.Round == nil {
			return errors.New("the opening record has no round")
		}
		if err := e.Round.check(); err != nil {
			return err
		}
		c, err := tally.NewCounter(e.Round.Paper(), e.Round.Issued, e.Round.Base, e.Round.Policy)
		if err != nil {
			return err
		}
		r.Round, r.Counter = *e.Round, c
	case TypeOperator:
		if strings.TrimSpace(e.Operator) == "" {
			return errors.New("an operator without a name")
		}
	case TypeEnter:
		if e.Seq != r.Counter.Len()+1 {
			return fmt.Errorf("entry %d where %d comes next", e.Seq, r.Counter.Len()+1)
		}
		b, err := ballotOf(e)
		if err != nil {
			return err
		}
		if e.Replaces != 0 {
			ents := r.Counter.Entries()
			if e.Replaces < 1 || e.Replaces > len(ents) || !ents[e.Replaces-1].Voided {
				return fmt.Errorf("entry %d replaces entry %d, which is not a voided entry", e.Seq, e.Replaces)
			}
		}
		if _, err := r.Counter.Enter(b); err != nil {
			return err
		}
		r.Operators = append(r.Operators, r.operator())
		r.Replaces = append(r.Replaces, e.Replaces)
	case TypeVoid:
		if strings.TrimSpace(e.Reason) == "" {
			return errors.New("a correction without a reason")
		}
		if err := r.Counter.Void(e.Seq, e.Reason); err != nil {
			return err
		}
	case TypeRestore:
		if err := r.restore(e.Seq); err != nil {
			return err
		}
	case TypeClose:
		r.Closed = true
	default:
		return fmt.Errorf("unknown event type %d", e.Type)
	}
	r.Events = append(r.Events, e)
	return nil
}

// restore undoes the void of entry seq: the counter is rebuilt with every
// entry and every other void, so the entry keeps its place.
func (r *Replay) restore(seq int) error {
	ents := r.Counter.Entries()
	if seq < 1 || seq > len(ents) || !ents[seq-1].Voided {
		return fmt.Errorf("entry %d is not a voided entry", seq)
	}
	c, err := tally.NewCounter(r.Round.Paper(), r.Round.Issued, r.Round.Base, r.Round.Policy)
	if err != nil {
		return err
	}
	for _, en := range ents {
		if _, err := c.Enter(en.Ballot); err != nil {
			return err
		}
	}
	for _, en := range ents {
		if en.Voided && en.Seq != seq {
			if err := c.Void(en.Seq, en.VoidReason); err != nil {
				return err
			}
		}
	}
	r.Counter = c
	return nil
}

// operator returns the operator named by the last operator event.
func (r *Replay) operator() string {
	for i := len(r.Events) - 1; i >= 0; i-- {
		if r.Events[i].Type == TypeOperator {
			return r.Events[i].Operator
		}
	}
	return ""
}

func (rd Round) check() error {
	if err := rd.Paper().Check(); err != nil {
		return err
	}
	switch {
	case len(rd.Names) != len(rd.Candidates):
		return fmt.Errorf("%d names for %d candidates", len(rd.Names), len(rd.Candidates))
	case rd.Number < 1:
		return fmt.Errorf("round %d", rd.Number)
	case rd.Issued < 0 || rd.Issued > ballot.MaxCount:
		return fmt.Errorf("%d ballots issued", rd.Issued)
	case rd.Base.Electorate == 0 || rd.Base.D < 0 || rd.Base.D > rd.Base.Convened:
		return fmt.Errorf("a base with D = %d of %d convened", rd.Base.D, rd.Base.Convened)
	}
	return nil
}

// decodeEvent decodes a record's payload strictly.
func decodeEvent(payload []byte) (Event, error) {
	var e Event
	if errs, _ := jsondoc.Decode(payload, &e); len(errs) > 0 {
		return Event{}, errs
	}
	return e, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// Read reads and checks a whole journal from r and rebuilds its state. Every
// record's length, checksum and place in the chain is checked, and every
// event against the state before it. An incomplete final record — what a
// crash in the middle of a write leaves — is dropped and reported in Torn;
// any other damage is a *Damage error with the record number.
//
// pin, when not nil, is a head the journal must contain: at least
// pin.Records records, the last of which hashes to pin.Hash. Without a pin a
// journal cut at a record boundary cannot be told from a shorter one; the
// station keeps its pin beside the journal, and the minutes print it.
func Read(r io.Reader, pin *Head) (*Replay, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	damage := func(kind DamageKind, record int, off int, vi, en string, args ...any) error {
		return &Damage{Kind: kind, Record: record, Offset: int64(off),
			Detail: ballot.Text{VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, args...)}}
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		if len(data) < len(magic) && bytes.HasPrefix([]byte(magic), data) {
			return nil, damage(Missing, 1, len(data), "tệp dừng trước bản ghi mở vòng bầu", "the file ends before the opening record")
		}
		return nil, damage(BadMagic, 0, 0, "không phải tệp nhật ký kiểm phiếu", "not a counting journal")
	}
	rep := &Replay{}
	off, prev := len(magic), genesis()
	for off < len(data) {
		n := rep.Head.Records + 1
		rest := data[off:]
		if len(rest) < 4 || allZero(rest) {
			// torn: a record cut by a crash, or the zero-filled blocks
			// some file systems leave after a power cut
			break
		}
		size := int(binary.BigEndian.Uint32(rest))
		if size > MaxRecord || size == 0 {
			return nil, damage(BadLength, n, off, "độ dài %d không hợp lệ", "impossible length %d", size)
		}
		if len(rest) < size+recordOverhead {
			break // torn
		}
		rec := rest[:size+recordOverhead]
		body := rec[:len(rec)-4]
		if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(rec[len(rec)-4:]) {
			return nil, damage(BadChecksum, n, off, "dữ liệu không khớp mã kiểm tra", "the bytes do not match the checksum")
		}
		if !bytes.Equal(rec[4+size:4+size+sha256.Size], prev[:]) {
			return nil, damage(BrokenChain, n, off, "bản ghi không nối tiếp bản ghi trước (bị xóa, đổi chỗ hoặc thay thế)",
				"the record does not follow the one before it (removed, reordered or replaced)")
		}
		e, err := decodeEvent(rec[4 : 4+size])
		if err == nil {
			err = rep.apply(e)
		}
		if err != nil {
			return nil, damage(BadEvent, n, off, "sự kiện không hợp lệ: %v", "invalid event: %v", err)
		}
		prev = sha256.Sum256(rec)
		rep.Head = Head{Records: n, Hash: prev}
		rep.starts = append(rep.starts, int64(off))
		off += len(rec)
		if pin != nil && n == pin.Records && prev != pin.Hash {
			return nil, damage(PinMismatch, n, off-len(rec), "bản ghi thứ %d không phải bản ghi đã được xác nhận", "record %d is not the one pinned", n)
		}
	}
	rep.End, rep.Torn = int64(off), int64(len(data)-off)
	if pin != nil && rep.Head.Records < pin.Records {
		return nil, damage(Missing, rep.Head.Records+1, off, "nhật ký dừng ở bản ghi %d nhưng đã được xác nhận đến bản ghi %d",
			"the journal ends at record %d but was pinned at record %d", rep.Head.Records, pin.Records)
	}
	if rep.Head.Records == 0 {
		return nil, damage(Missing, 1, off, "không có bản ghi mở vòng bầu", "there is no opening record")
	}
	return rep, nil
}

// A Writer appends events to a journal file, each written and synced to
// stable storage before Append returns, and keeps the head pin beside it
// (path + ".head"). It holds the journal for its whole life with an OS file
// lock (path + ".lock"): a second writer on the same journal gets a
// *LockedError. It checks every event against the state first, so the file
// never holds an impossible event. A Writer is not safe for concurrent use.
//
// After a failed write the Writer rebuilds its state from the file, reports
// in a *WriteError whether the event was recorded, and refuses every further
// append until the journal is reopened with Resume.
type Writer struct {
	f      *os.File
	lock   *lock
	path   string
	state  *Replay
	broken error
}

// errPinWithoutJournal is the damage of a head pin whose journal is gone.
var errPinWithoutJournal = ballot.Text{
	VI: "tệp nhật ký không còn nhưng tệp xác nhận %s vẫn còn: nhật ký đã bị xóa hoặc đổi chỗ; tìm lại nhật ký, không mở vòng bầu mới",
	EN: "the journal is missing but its head pin %s exists: the journal was deleted or moved; find it, do not start a new round",
}

// Create starts a new journal at path for round rd. It never replaces
// anything: it fails if the journal exists, and a head pin without its
// journal is *Damage (the journal was deleted or moved, and a new round
// would silently replace the ballots it held).
func Create(path string, rd Round) (*Writer, error) {
	if err := rd.check(); err != nil {
		return nil, fmt.Errorf("journal: %w", err) // before a file exists
	}
	lk, err := acquireLock(path)
	if err != nil {
		return nil, err
	}
	w, err := create(path, rd, lk)
	if err != nil {
		lk.release()
		return nil, err
	}
	return w, nil
}

func create(path string, rd Round, lk *lock) (*Writer, error) {
	if _, err := os.Lstat(path); err == nil {
		return nil, &os.PathError{Op: "create", Path: path, Err: os.ErrExist}
	}
	if _, err := os.Lstat(path + ".head"); err == nil {
		return nil, pinWithoutJournal(path)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	w := &Writer{f: f, lock: lk, path: path, state: &Replay{Head: Head{Hash: genesis()}}}
	open := Event{Type: TypeOpen, Format: Format, Round: &rd}
	payload, err := json.Marshal(open)
	if err == nil {
		_, err = decodeEvent(payload)
	}
	if err == nil {
		err = w.state.apply(open)
	}
	if err != nil {
		f.Close()
		os.Remove(path) // just created, still empty
		return nil, fmt.Errorf("journal: %w", err)
	}
	rec := encodeRecord(payload, genesis())
	if _, err := f.Write(append([]byte(magic), rec...)); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	if err := syncDir(path); err != nil {
		f.Close()
		return nil, err
	}
	w.state.Head = Head{Records: 1, Hash: sha256.Sum256(rec)}
	w.state.End = int64(len(magic) + len(rec))
	w.state.starts = []int64{int64(len(magic))}
	// Without a pin, a journal of its opening record alone is accepted.
	if err := w.writePin(pin{Head: w.state.Head}); err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

func pinWithoutJournal(path string) error {
	pin := filepath.Base(path) + ".head"
	return &Damage{Kind: Missing, Record: 1, Detail: ballot.Text{
		VI: fmt.Sprintf(errPinWithoutJournal.VI, pin), EN: fmt.Sprintf(errPinWithoutJournal.EN, pin)}}
}

// Resume reopens the journal at path to append to it, after reading and
// checking it against its head pin: the journal must hold exactly the
// records the pin names (or the one record the pin announced as being
// written), so that records cut off, edited or appended by anything but
// this journal's writer are *Damage. An incomplete final record left by a
// crash, or a tail of zero bytes left by a power cut, is cut off the file. A
// missing pin is damage, unless the journal holds only its opening record; a
// pin whose journal is missing is damage. It returns the state read.
func Resume(path string) (*Writer, *Replay, error) {
	lk, err := acquireLock(path)
	if err != nil {
		return nil, nil, err
	}
	w, rep, err := resume(path, lk)
	if err != nil {
		lk.release()
		return nil, nil, err
	}
	return w, rep, nil
}

func resume(path string, lk *lock) (*Writer, *Replay, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		if _, perr := os.Lstat(path + ".head"); perr == nil {
			return nil, nil, pinWithoutJournal(path)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	p, err := readPin(path + ".head")
	if err != nil {
		return nil, nil, err
	}
	var want *Head
	if p != nil {
		want = &p.Head
	}
	rep, err := Read(bytes.NewReader(data), want)
	if err != nil {
		return nil, nil, err
	}
	if p == nil && rep.Head.Records > 1 {
		// Create writes the pin with the opening record; only a crash
		// right then leaves a journal without one. A pin missing later was
		// removed, and with it the check against truncation.
		return nil, nil, &Damage{Kind: Missing, Record: rep.Head.Records, Offset: rep.End,
			Detail: ballot.Text{VI: "thiếu tệp xác nhận " + filepath.Base(path) + ".head của nhật ký; đối chiếu với mã in trên biên bản",
				EN: "the journal's head pin " + filepath.Base(path) + ".head is missing; compare with the head printed on the minutes"}}
	}
	if p != nil && rep.Head != p.Head && (p.Next == nil || rep.Head != *p.Next) {
		n := p.Head.Records + 1
		if p.Next != nil && rep.Head.Records > p.Next.Records {
			n = p.Next.Records + 1
		}
		return nil, nil, &Damage{Kind: Unpinned, Record: n, Offset: rep.starts[n-1],
			Detail: ballot.Text{VI: fmt.Sprintf("nhật ký có %d bản ghi nhưng máy kiểm phiếu chỉ ghi %d: bản ghi %d trở đi không do máy này ghi", rep.Head.Records, n-1, n),
				EN: fmt.Sprintf("the journal holds %d records but its writer wrote %d: record %d on was not written by this journal's writer", rep.Head.Records, n-1, n)}}
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, nil, err
	}
	if rep.Torn > 0 {
		if err := f.Truncate(rep.End); err != nil {
			f.Close()
			return nil, nil, err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	if _, err := f.Seek(rep.End, io.SeekStart); err != nil {
		f.Close()
		return nil, nil, err
	}
	w := &Writer{f: f, lock: lk, path: path, state: rep}
	if err := w.writePin(pin{Head: rep.Head}); err != nil {
		f.Close()
		return nil, nil, err
	}
	return w, rep, nil
}

// Outcome says what a failed write left in the journal.
type Outcome uint8

// The outcomes of a failed write.
const (
	NotRecorded Outcome = iota + 1 // the event is not in the journal: enter it again after reopening
	Recorded                       // the event is in the journal and synced: do not enter it again
	Unknown                        // the disk did not confirm either way: reopen and look at the entries
)

var outcomes = []string{"", "not-recorded", "recorded", "unknown"}

// String returns a stable code.
func (o Outcome) String() string {
	if int(o) < len(outcomes) && o > 0 {
		return outcomes[o]
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// A WriteError is a write to the journal that failed (a full disk, a file
// size limit, an I/O error). Outcome says whether the event was recorded;
// the Writer's state has been rebuilt from the file, so that it is what a
// restart will read, and the Writer refuses further appends.
type WriteError struct {
	Outcome Outcome
	Head    Head // the journal's head after the failure, as read back from the file
	Err     error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("journal: write failed (%s; the journal ends at record %d): %v", e.Outcome, e.Head.Records, e.Err)
}

// Unwrap returns the I/O error.
func (e *WriteError) Unwrap() error { return e.Err }

// ErrStopped is returned by Append after a failed write: nothing more is
// written until the journal is reopened with Resume.
var ErrStopped = errors.New("journal: stopped after a failed write; reopen the journal")

// Append checks event e against the journal's state, writes it as one
// record, and syncs the file before returning the new head. Only a nil
// error means the event is durable. An event refused by the check is an
// error and changes nothing. A failed write is a *WriteError saying whether
// the event was recorded; the Writer then holds what the file holds, and
// every later Append returns an error wrapping ErrStopped.
//
// The head pin is written twice: before the record, naming the head the
// record will make (so that a crash before the record is synced leaves a
// pin the journal still matches), and after it.
func (w *Writer) Append(e Event) (Head, error) {
	if w.broken != nil {
		return Head{}, fmt.Errorf("%w: %w", ErrStopped, w.broken)
	}
	payload, err := json.Marshal(e)
	if err != nil {
		return Head{}, err
	}
	if len(payload) > MaxRecord {
		return Head{}, fmt.Errorf("journal: an event of %d bytes, more than %d", len(payload), MaxRecord)
	}
	if _, err := decodeEvent(payload); err != nil {
		return Head{}, fmt.Errorf("journal: %w", err)
	}
	if err := w.stillThere(); err != nil {
		// Records written to a removed file would vanish on restart.
		w.broken = err
		return Head{}, &WriteError{Outcome: NotRecorded, Head: w.state.Head, Err: err}
	}
	old := w.state.Head
	rec := encodeRecord(payload, old.Hash)
	next := Head{Records: old.Records + 1, Hash: sha256.Sum256(rec)}
	if err := w.state.apply(e); err != nil {
		return Head{}, fmt.Errorf("journal: %w", err)
	}
	// From here the state holds e: any failure rebuilds it from the file.
	if err := w.writePin(pin{Head: old, Next: &next}); err != nil {
		return Head{}, w.fail(err, old, next, false)
	}
	if _, err := w.f.Write(rec); err != nil {
		return Head{}, w.fail(err, old, next, false)
	}
	if err := w.f.Sync(); err != nil {
		return Head{}, w.fail(err, old, next, true)
	}
	w.state.Head = next
	w.state.starts = append(w.state.starts, w.state.End)
	w.state.End += int64(len(rec))
	if err := w.writePin(pin{Head: next}); err != nil {
		// The record is synced and the pin still announces it.
		return next, w.fail(err, old, next, false)
	}
	return next, nil
}

// fail stops the writer after a failed write and rebuilds its state from
// the file. A record the disk did not confirm (unsynced) is cut off when
// possible; otherwise its fate is Unknown.
func (w *Writer) fail(err error, old, next Head, unsynced bool) error {
	w.broken = err
	rep, rerr := w.reread()
	if rerr == nil && rep.Torn > 0 {
		// A partial record: cut it off, as Resume would.
		w.f.Truncate(rep.End)
		w.f.Sync()
	}
	if rerr == nil && unsynced && rep.Head == next {
		if w.f.Truncate(rep.starts[len(rep.starts)-1]) == nil && w.f.Sync() == nil {
			rep, rerr = w.reread()
		}
	}
	we := &WriteError{Outcome: Unknown, Err: err}
	if rerr != nil {
		// The file cannot be read back: hold the state before this event,
		// which is all the file can hold, and say the outcome is unknown.
		before := &Replay{}
		for _, ev := range w.state.Events[:len(w.state.Events)-1] {
			before.apply(ev) // applied once already
		}
		before.Head, before.End, before.starts = old, w.state.End, w.state.starts
		if w.state.Head == next { // the record was synced; only the pin failed
			before.End, before.starts = w.state.starts[len(w.state.starts)-1], w.state.starts[:len(w.state.starts)-1]
		}
		w.state, we.Head = before, old
		we.Err = fmt.Errorf("%w; reading the journal back: %v", err, rerr)
		return we
	}
	w.state, we.Head = rep, rep.Head
	switch {
	case rep.Head == old:
		we.Outcome = NotRecorded
	case rep.Head == next && !unsynced:
		we.Outcome = Recorded
	}
	return we
}

// stillThere checks that the journal's path still names the file the Writer
// holds: not removed, renamed or replaced while it was open.
func (w *Writer) stillThere() error {
	held, err := w.f.Stat()
	if err != nil {
		return err
	}
	named, err := os.Stat(w.path)
	if err != nil || !os.SameFile(held, named) {
		return fmt.Errorf("journal: %s was removed or replaced while this writer held it", w.path)
	}
	return nil
}

// reread reads the journal back from the file, without a pin.
func (w *Writer) reread() (*Replay, error) {
	f, err := os.Open(w.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, nil)
}

// Stopped returns the write error that stopped the Writer, or nil.
func (w *Writer) Stopped() error { return w.broken }

// State returns the journal's state: the round, the counter, the events,
// the head. The caller must not change it.
func (w *Writer) State() *Replay { return w.state }

// Head returns the head after the last record written.
func (w *Writer) Head() Head { return w.state.Head }

// Close closes the file and releases the journal's lock.
func (w *Writer) Close() error {
	err := w.f.Close()
	if lerr := w.lock.release(); err == nil {
		err = lerr
	}
	w.lock = nil
	return err
}

// pinPrefix starts a head pin file.
const pinPrefix = "kiemphieu.journal.head/2 "

// A pin is what the pin file holds: the head of the journal, and while a
// record is being written, the head that record will make.
type pin struct {
	Head Head
	Next *Head
}

// writePin replaces the pin file atomically: a temporary file, synced, then
// renamed over the old one, then the directory synced so that the rename
// itself is durable.
func (w *Writer) writePin(p pin) error {
	text := pinPrefix + p.Head.String()
	if p.Next != nil {
		text += " next " + p.Next.String()
	}
	tmp := w.path + ".head.tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write([]byte(text + "\n"))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, w.path+".head")
	}
	if err == nil {
		err = syncDir(w.path)
	}
	return err
}

// readPin reads a pin file; a missing one gives no pin.
func readPin(path string) (*pin, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s, ok := strings.CutPrefix(strings.TrimSuffix(string(data), "\n"), pinPrefix)
	if !ok {
		return nil, fmt.Errorf("journal: %s is not a head pin", path)
	}
	head, next, pending := strings.Cut(s, " next ")
	var p pin
	if p.Head, err = ParseHead(head); err != nil {
		return nil, fmt.Errorf("journal: %s: %w", path, err)
	}
	if pending {
		n, err := ParseHead(next)
		if err != nil || n.Records != p.Head.Records+1 {
			return nil, fmt.Errorf("journal: %s is not a head pin", path)
		}
		p.Next = &n
	}
	return &p, nil
}

func syncDir(path string) error {
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
