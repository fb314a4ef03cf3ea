package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// seal lays out payloads as a journal whose every length, checksum and
// chain link is right, so that fuzzing reaches the replay of the events
// instead of stopping at the checksum.
func seal(payloads [][]byte) []byte {
	data := []byte(magic)
	prev := genesis()
	for _, p := range payloads {
		rec := encodeRecord(p, prev)
		data = append(data, rec...)
		prev = sha256.Sum256(rec)
	}
	return data
}

// FuzzReplay feeds Read journals of well-sealed records whose events, one
// JSON document per line of the input, are fuzzed. Read must not panic; the
// only damage it may report is a bad event (or a length of 0); and what it
// accepts must be consistent: replaying its events again gives the same
// entries, each entry comes from an enter event, and the stack holds the
// surviving ballots.
func FuzzReplay(f *testing.F) {
	rd := Round{Congress: "Đại hội thử", Contest: "bch", Office: ballot.OfficeCommittee, Number: 1, Box: "1",
		Seats: 2, Candidates: []ballot.CandidateID{"a", "b", "c"}, Names: []string{"A", "B", "C"}, Issued: 5,
		Base: tally.MeetingBase(ballot.Meeting{Body: ballot.OfficeCommittee, Sitting: 5, Present: 5})}
	open, _ := json.Marshal(Event{Type: TypeOpen, Format: Format, Round: &rd})
	lines := func(ls ...string) []byte { return []byte(string(open) + "\n" + joinLines(ls)) }
	f.Add(lines(`{"type":"operator","operator":"An"}`, `{"type":"enter","seq":1,"marks":"x.."}`,
		`{"type":"enter","seq":2,"marks":"...","flags":["signed"]}`, `{"type":"void","seq":1,"reason":"nhầm"}`,
		`{"type":"enter","seq":3,"marks":".x.","replaces":1}`, `{"type":"void","seq":2,"reason":"r"}`,
		`{"type":"restore","seq":2}`, `{"type":"close"}`))
	f.Add(lines(`{"type":"enter","seq":1,"marks":"xxx"}`, `{"type":"restore","seq":1}`))
	f.Add(lines(`{"type":"enter","seq":1,"marks":"x..","replaces":1}`))
	f.Add(lines(`{"type":"open","format":"kiemphieu.journal/1"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		payloads := bytes.Split(in, []byte("\n"))
		if len(payloads) > 200 {
			return
		}
		data := seal(payloads)
		rep, err := Read(bytes.NewReader(data), nil)
		if err != nil {
			var d *Damage
			if !errors.As(err, &d) || (d.Kind != BadEvent && d.Kind != BadLength && d.Kind != Missing) {
				t.Fatalf("sealed records read as %v", err)
			}
			return
		}
		if rep.Torn != 0 || rep.Head.Records != len(payloads) {
			t.Fatalf("%d sealed records read as %d, torn %d", len(payloads), rep.Head.Records, rep.Torn)
		}
		again := &Replay{}
		for _, e := range rep.Events {
			if err := again.apply(e); err != nil {
				t.Fatalf("an accepted event refused on replay: %v", err)
			}
		}
		if diff := cmp.Diff(rep.Counter.Entries(), again.Counter.Entries()); diff != "" {
			t.Fatalf("replay not deterministic:\n%s", diff)
		}
		enters, live := 0, 0
		for _, e := range rep.Events {
			if e.Type == TypeEnter {
				enters++
			}
		}
		for _, e := range rep.Counter.Entries() {
			if !e.Voided {
				live++
			}
		}
		if rep.Counter.Len() != enters || len(rep.Operators) != enters || len(rep.Replaces) != enters || len(rep.Stack()) != live {
			t.Fatalf("%d entries, %d enter events, %d in the stack of %d surviving", rep.Counter.Len(), enters, len(rep.Stack()), live)
		}
		if c, err := Compare(rep, again); err != nil || !c.Agree() {
			t.Fatalf("a journal differs from itself: %v %v", c, err)
		}
	})
}

func joinLines(ls []string) string {
	var b bytes.Buffer
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	return b.String()
}
