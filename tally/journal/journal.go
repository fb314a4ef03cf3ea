package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
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
