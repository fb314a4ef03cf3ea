package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
)

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

// openJournal opens a journal to read it back; a test replaces it to make
// reading back fail.
var openJournal = os.Open

// reread reads the journal back from the file, without a pin.
func (w *Writer) reread() (*Replay, error) {
	f, err := openJournal(w.path)
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
