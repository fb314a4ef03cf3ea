package journal

import (
	"fmt"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/enumtext"
	"github.com/kiemphieu/kiemphieu/tally"
)

// Type is the kind of an event.
type Type uint8

// The events.
const (
	TypeOpen     Type = iota + 1 // "open": the round is opened; always the first record
	TypeOperator                 // "operator": the operator at the keyboard from now on
	TypeEnter                    // "enter": a ballot entered
	TypeVoid                     // "void": an entry undone, with the reason
	TypeClose                    // "close": the round is closed; nothing may follow
	TypeRestore                  // "restore": a void undone (an undo by mistake); the entry keeps its place
)

var types = enumtext.New[Type]("event type", "loại sự kiện", "", "open", "operator", "enter", "void", "close", "restore")

// String returns the stable code.
func (t Type) String() string { return types.String(t) }

// MarshalText returns the stable code.
func (t Type) MarshalText() ([]byte, error) { return types.Marshal(t) }

// UnmarshalText parses a stable code.
func (t *Type) UnmarshalText(b []byte) error {
	v, err := types.Parse(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// Format is the format of a journal, written in its opening event.
const Format = "kiemphieu.journal/1"

// Round is what the opening event records: everything needed to count the
// round and print its minutes from the journal alone.
type Round struct {
	Congress   string               `json:"congress"`
	Level      ballot.Level         `json:"level,omitzero"` // of the congress, for the names of offices
	Contest    ballot.ContestID     `json:"contest"`
	Office     ballot.Office        `json:"office"`
	Number     int                  `json:"round"` // the round of the contest, from 1
	Box        string               `json:"box"`   // the ballot box entered
	Seats      int                  `json:"seats"`
	Candidates []ballot.CandidateID `json:"candidates"` // in ballot order
	Names      []string             `json:"names"`      // the candidates' full names, in the same order
	Issued     int                  `json:"issued"`
	Base       tally.Base           `json:"base"`
	Policy     ballot.Policy        `json:"policy,omitzero"`
	Board      []string             `json:"counting_board,omitempty"`
}

// Paper returns the round's paper.
func (r Round) Paper() ballot.Paper {
	return ballot.Paper{Seats: r.Seats, Candidates: append([]ballot.CandidateID(nil), r.Candidates...)}
}

// An Event is one record of a journal. Type says which fields are set.
type Event struct {
	Type     Type     `json:"type"`
	Format   string   `json:"format,omitempty"`   // open
	Round    *Round   `json:"round,omitempty"`    // open
	Operator string   `json:"operator,omitempty"` // operator
	Seq      int      `json:"seq,omitempty"`      // enter, void, restore
	Marks    string   `json:"marks,omitempty"`    // enter: one character per row, see Marks
	Flags    []string `json:"flags,omitempty"`    // enter: the board's flags
	Reason   string   `json:"reason,omitempty"`   // void
	// Replaces, in an enter event, is the voided entry this one re-enters:
	// the ballot takes that entry's place in the stack of papers, which is
	// the order Compare compares in.
	Replaces int `json:"replaces,omitempty"`
}

// The characters of a ballot's marks in an enter event, one per row of the
// paper in ballot order.
const (
	charUnmarked     = '.'
	charStruck       = 'x'
	charPartlyStruck = '/'
	charAgree        = 'a'
	charDisagree     = 'd'
	charBoth         = 'b'
)

var markChars = map[ballot.Mark]byte{
	ballot.Unmarked: charUnmarked, ballot.Struck: charStruck, ballot.PartlyStruck: charPartlyStruck,
	ballot.Agree: charAgree, ballot.Disagree: charDisagree, ballot.Both: charBoth,
}

// Marks returns the compact text of a ballot's marks: "." left alone, "x"
// struck, "/" partly struck, "a" agree, "d" disagree, "b" both boxes.
func Marks(b ballot.Ballot) string {
	var sb strings.Builder
	for _, m := range b.Marks {
		sb.WriteByte(markChars[m])
	}
	return sb.String()
}

// Enter returns the event that enters ballot b as entry seq.
func Enter(seq int, b ballot.Ballot) Event {
	return Event{Type: TypeEnter, Seq: seq, Marks: Marks(b), Flags: b.Flags.List()}
}

// ballotOf reads the marks and flags of an enter event.
func ballotOf(e Event) (ballot.Ballot, error) {
	b := ballot.Ballot{Marks: make([]ballot.Mark, len(e.Marks))}
	for i := 0; i < len(e.Marks); i++ {
		found := false
		for m, c := range markChars {
			if e.Marks[i] == c {
				b.Marks[i], found = m, true
			}
		}
		if !found {
			return ballot.Ballot{}, fmt.Errorf("mark %q at row %d is not one of . x / a d b", e.Marks[i], i+1)
		}
	}
	for _, f := range e.Flags {
		flag, err := ballot.ParseFlag(f)
		if err != nil {
			return ballot.Ballot{}, err
		}
		if b.Flags&flag != 0 {
			return ballot.Ballot{}, fmt.Errorf("flag %q given twice", f)
		}
		b.Flags |= flag
	}
	if len(b.Marks) == 0 {
		b.Marks = nil
	}
	return b, nil
}
