package ballot

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"

	"github.com/kiemphieu/kiemphieu/internal/strictjson"
)

// Format is the value of the "format" field of a congress document in this
// version of the format. A document with any other value is rejected.
const Format = "kiemphieu.congress/1"

// MaxDocumentSize is the largest congress document ReadCongress accepts.
const MaxDocumentSize = 256 << 20

// The JSON shapes. The Go types of this package are the model; these
// unexported types are the format, converted to and from the model in one
// place so that the two can differ where JSON wants names and Go wants
// positions (ballot marks, votes).

type congressJSON struct {
	Format         string          `json:"format"`
	Name           string          `json:"name"`
	Level          Level           `json:"level"`
	Term           string          `json:"term,omitempty"`
	ReferenceMonth Month           `json:"reference_month,omitzero"`
	Opening        Date            `json:"opening,omitzero"`
	TermMonths     int             `json:"term_months,omitempty"`
	Policy         Policy          `json:"ballot_policy,omitzero"`
	Roster         Roster          `json:"roster"`
	CountingBoard  []string        `json:"counting_board,omitempty"`
	Candidates     []candidateJSON `json:"candidates"`
	Contests       []contestJSON   `json:"contests"`
	Designated     []Designation   `json:"designated,omitempty"`
}

type candidateJSON struct {
	ID             CandidateID `json:"id"`
	Name           string      `json:"name"`
	Sex            Sex         `json:"sex,omitzero"`
	Born           Month       `json:"born,omitzero"`
	EthnicMinority bool        `json:"ethnic_minority,omitempty"`
	Incumbent      bool        `json:"incumbent,omitempty"`
	Origin         Origin      `json:"origin,omitzero"`
	Holds          []Office    `json:"holds,omitempty"`
	Outgoing       []Office    `json:"outgoing,omitempty"`
	Retires        Month       `json:"retires,omitzero"`
}

type contestJSON struct {
	ID          ContestID     `json:"id"`
	Office      Office        `json:"office"`
	Seats       int           `json:"seats"`
	Candidates  []CandidateID `json:"candidates"`
	Meeting     *Meeting      `json:"meeting,omitempty"`
	Nominations *Nominations  `json:"nominations,omitempty"`
	Board       []string      `json:"counting_board,omitempty"`
	Rounds      []roundJSON   `json:"rounds,omitempty"`
}

type roundJSON struct {
	// Seats and Candidates are left out of a first round that uses the
	// contest's paper; every later round gives its own.
	Seats      int           `json:"seats,omitempty"`
	Candidates []CandidateID `json:"candidates,omitempty"`
	Issued     *int          `json:"issued"`
	Boxes      []boxJSON     `json:"boxes,omitempty"`
	Totals     *totalsJSON   `json:"totals,omitempty"`
}

type boxJSON struct {
	Name    string       `json:"name"`
	Ballots []ballotJSON `json:"ballots"`
}

type ballotJSON struct {
	Struck       []CandidateID `json:"struck,omitempty"`
	PartlyStruck []CandidateID `json:"partly_struck,omitempty"`
	Agree        []CandidateID `json:"agree,omitempty"`
	Disagree     []CandidateID `json:"disagree,omitempty"`
	Both         []CandidateID `json:"both,omitempty"`
	Flags        []flagJSON    `json:"flags,omitempty"`
}

type totalsJSON struct {
	Collected      int                    `json:"collected"`
	Valid          int                    `json:"valid"`
	Invalid        int                    `json:"invalid"`
	InvalidReasons map[string]int         `json:"invalid_reasons,omitempty"`
	Votes          map[CandidateID]int    `json:"votes"`
	Declared       []CandidateID          `json:"declared,omitempty"`
	Shares         map[CandidateID]string `json:"shares,omitempty"`
}

type flagJSON Flags

func (f flagJSON) MarshalText() ([]byte, error) { return []byte(Flags(f).String()), nil }

func (f *flagJSON) UnmarshalText(b []byte) error {
	v, err := ParseFlag(string(b))
	*f = flagJSON(v)
	return err
}

// ParseCongress decodes a congress document. The error, if any, is an
// ErrorList holding every problem found, each with its path: JSON syntax,
// unknown or repeated fields, wrong types, an unknown format, ids that are
// malformed, repeated or unknown, marks for names not on the paper,
// impossible months, negative or overflowing counts.
func ParseCongress(data []byte) (Congress, error) {
	var doc congressJSON
	var errs ErrorList
	for _, p := range strictjson.Decode(data, &doc) {
		errs.Add(Path(p.Path), problemCodes[p.Kind], p.Value, Text{VI: p.VI, EN: p.EN})
		if p.Kind == strictjson.Syntax {
			return Congress{}, errs
		}
	}
	c := doc.model(&errs)
	// When the list of candidates itself failed to decode, a reference to a
	// candidate cannot be judged: report the list's problems, not a flood of
	// unknown references.
	registryBroken := false
	for _, e := range errs {
		registryBroken = registryBroken || e.Path == "candidates" || candidateIDPath.MatchString(string(e.Path))
	}
	var semantic ErrorList
	c.validate(&semantic)
	for _, e := range semantic {
		if !errs.Covers(e.Path) && !(registryBroken && e.Code == ErrUnknown) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return Congress{}, errs
	}
	return c, nil
}

// candidateIDPath matches the paths at which a candidate's id can fail to
// decode: the element itself or its id.
var candidateIDPath = regexp.MustCompile(`^candidates\[\d+\](\.id)?$`)

var problemCodes = map[strictjson.Kind]ErrorCode{
	strictjson.Syntax:       ErrSyntax,
	strictjson.UnknownField: ErrUnknownField,
	strictjson.DuplicateKey: ErrDuplicate,
	strictjson.Type:         ErrType,
	strictjson.Range:        ErrOutOfRange,
	strictjson.Null:         ErrType,
	strictjson.Value:        ErrInvalid,
	strictjson.TooMany:      ErrTooMany,
}

// ReadCongress reads and decodes a congress document of at most
// MaxDocumentSize bytes from r.
func ReadCongress(r io.Reader) (Congress, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return Congress{}, err
	}
	if len(data) > MaxDocumentSize {
		var errs ErrorList
		errs.Addf("", ErrOutOfRange, "", "tài liệu lớn hơn %d byte", "the document is larger than %d bytes", MaxDocumentSize)
		return Congress{}, errs
	}
	return ParseCongress(data)
}

// UnmarshalJSON decodes a congress document strictly; see ParseCongress.
func (c *Congress) UnmarshalJSON(data []byte) error {
	v, err := ParseCongress(data)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// MarshalJSON encodes c as a congress document. It refuses, with the
// ErrorList of Validate, a congress that is not well formed, so that
// everything it writes can be read back. Decoding its output gives a value
// equal to c (with every empty list nil).
func (c Congress) MarshalJSON() ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(c.document())
}

func (doc congressJSON) model(errs *ErrorList) Congress {
	if doc.Format == "" {
		errs.Addf("format", ErrRequired, "", "thiếu trường format; cần %q", "the format field is missing; want %q", Format)
	} else if doc.Format != Format {
		errs.Addf("format", ErrInvalid, doc.Format,
			"định dạng %q không được hỗ trợ; cần %q", "format %q is not supported; want %q", doc.Format, Format)
	}
	c := Congress{
		Name:           doc.Name,
		Level:          doc.Level,
		Term:           doc.Term,
		ReferenceMonth: doc.ReferenceMonth,
		Opening:        doc.Opening,
		TermMonths:     doc.TermMonths,
		Policy:         doc.Policy,
		Designated:     nilIfEmpty(doc.Designated),
		Roster:         doc.Roster,
		CountingBoard:  nilIfEmpty(doc.CountingBoard),
	}
	for i, cj := range doc.Candidates {
		for _, l := range []struct {
			name string
			os   []Office
		}{{"holds", cj.Holds}, {"outgoing", cj.Outgoing}} {
			for j, o := range l.os {
				if slices.Contains(l.os[:j], o) {
					errs.Addf(Path("candidates").Index(i).Child(l.name).Index(j), ErrDuplicate, o.String(),
						"chức danh %q được ghi hai lần", "office %q is listed twice", o)
				}
			}
		}
		c.Candidates = append(c.Candidates, Candidate{
			ID: cj.ID, Name: cj.Name, Sex: cj.Sex, Born: cj.Born,
			EthnicMinority: cj.EthnicMinority, Incumbent: cj.Incumbent,
			Origin: cj.Origin, Holds: OfficesOf(cj.Holds...), Outgoing: OfficesOf(cj.Outgoing...), Retires: cj.Retires,
		})
	}
	for i, ct := range doc.Contests {
		at := Path("contests").Index(i)
		m := Contest{
			ID:            ct.ID,
			Office:        ct.Office,
			Paper:         Paper{Seats: ct.Seats, Candidates: nilIfEmpty(ct.Candidates)},
			Meeting:       ct.Meeting,
			Nominations:   ct.Nominations,
			CountingBoard: nilIfEmpty(ct.Board),
		}
		if n := m.Nominations; n != nil {
			n.Introduced = nilIfEmpty(n.Introduced)
			n.Nominees = nilIfEmpty(n.Nominees)
			n.Withdrawn = nilIfEmpty(n.Withdrawn)
		}
		for j, rj := range ct.Rounds {
			m.Rounds = append(m.Rounds, rj.model(at.Child("rounds").Index(j), j, m.Paper, errs))
		}
		c.Contests = append(c.Contests, m)
	}
	return c
}

func (rj roundJSON) model(at Path, index int, contest Paper, errs *ErrorList) Round {
	r := Round{Paper: Paper{Seats: rj.Seats, Candidates: nilIfEmpty(rj.Candidates)}}
	if rj.Seats == 0 && len(rj.Candidates) == 0 {
		if index == 0 {
			r.Paper = Paper{Seats: contest.Seats, Candidates: slices.Clone(contest.Candidates)}
		} else {
			errs.Addf(at, ErrRequired, "",
				"vòng bầu sau phải ghi số lượng cần bầu (seats) và danh sách (candidates)",
				"a later round must give its seats and candidates")
		}
	}
	if rj.Issued == nil {
		errs.Addf(at.Child("issued"), ErrRequired, "", "thiếu số phiếu phát ra", "the number of ballots issued is missing")
	} else {
		r.Issued = *rj.Issued
	}
	index0 := make(map[CandidateID]int, len(r.Candidates))
	for i, id := range r.Candidates {
		if _, dup := index0[id]; !dup {
			index0[id] = i
		}
	}
	form := r.Form()
	for i, bj := range rj.Boxes {
		at := at.Child("boxes").Index(i)
		box := Box{Name: bj.Name}
		for j, b := range bj.Ballots {
			box.Ballots = append(box.Ballots, b.model(at.Child("ballots").Index(j), form, index0, len(r.Candidates), errs))
		}
		r.Boxes = append(r.Boxes, box)
	}
	if tj := rj.Totals; tj != nil {
		t := &Totals{Collected: tj.Collected, Valid: tj.Valid, Invalid: tj.Invalid}
		for _, k := range slices.Sorted(maps.Keys(tj.InvalidReasons)) {
			var reason Reason
			if err := reason.UnmarshalText([]byte(k)); err != nil || reason.Valid() {
				errs.Addf(at.Child("totals").Child("invalid_reasons").Key(k), ErrInvalid, k,
					"%q không phải lý do phiếu không hợp lệ", "%q is not a reason a ballot is invalid", k)
			}
		}
		for _, reason := range Reasons() { // table order
			if n, ok := tj.InvalidReasons[reason.String()]; ok && !reason.Valid() {
				t.InvalidReasons = append(t.InvalidReasons, ReasonCount{Reason: reason, Count: n})
			}
		}
		t.Votes = make([]int, len(r.Candidates))
		for _, k := range slices.Sorted(maps.Keys(tj.Votes)) {
			if i, ok := index0[k]; ok {
				t.Votes[i] = tj.Votes[k]
			} else {
				errs.Addf(at.Child("totals").Child("votes").Key(string(k)), ErrUnknown, string(k),
					"%q không có trong danh sách của vòng này", "%q is not on this round's list", k)
			}
		}
		for _, id := range r.Candidates {
			if _, ok := tj.Votes[id]; !ok {
				errs.Addf(at.Child("totals").Child("votes").Key(string(id)), ErrRequired, string(id),
					"thiếu số phiếu của %q", "the votes of %q are missing", id)
			}
		}
		t.Votes = nilIfEmpty(t.Votes)
		t.Declared = nilIfEmpty(tj.Declared)
		if len(tj.Shares) > 0 {
			t.Shares = make([]string, len(r.Candidates))
			for _, k := range slices.Sorted(maps.Keys(tj.Shares)) {
				if i, ok := index0[k]; ok {
					t.Shares[i] = tj.Shares[k]
				} else {
					errs.Addf(at.Child("totals").Child("shares").Key(string(k)), ErrUnknown, string(k),
						"%q không có trong danh sách của vòng này", "%q is not on this round's list", k)
				}
			}
		}
		r.Totals = t
	}
	return r
}

func (bj ballotJSON) model(at Path, form Form, index map[CandidateID]int, n int, errs *ErrorList) Ballot {
	b := Ballot{Marks: make([]Mark, n)}
	lists := []struct {
		name string
		ids  []CandidateID
		mark Mark
	}{
		{"struck", bj.Struck, Struck},
		{"partly_struck", bj.PartlyStruck, PartlyStruck},
		{"agree", bj.Agree, Agree},
		{"disagree", bj.Disagree, Disagree},
		{"both", bj.Both, Both},
	}
	for _, l := range lists {
		if len(l.ids) > 0 && form != FormNone && !l.mark.fits(form) {
			errs.Addf(at.Child(l.name), ErrConflict, "",
				"phiếu mẫu %q không có dấu %q", "a %q paper has no %q marks", form, l.name)
			continue
		}
		for j, id := range l.ids {
			i, ok := index[id]
			switch {
			case !ok:
				errs.Addf(at.Child(l.name).Index(j), ErrUnknown, string(id),
					"%q không có trong danh sách của vòng này", "%q is not on this round's list", id)
			case b.Marks[i] != Unmarked:
				errs.Addf(at.Child(l.name).Index(j), ErrDuplicate, string(id),
					"dòng %q đã có dấu %q", "the row of %q is already marked %q", id, b.Marks[i])
			default:
				b.Marks[i] = l.mark
			}
		}
	}
	for j, f := range bj.Flags {
		if b.Flags&Flags(f) != 0 {
			errs.Addf(at.Child("flags").Index(j), ErrDuplicate, Flags(f).String(),
				"dấu hiệu %q được ghi hai lần", "flag %q is given twice", Flags(f))
		}
		b.Flags |= Flags(f)
	}
	if n == 0 {
		b.Marks = nil
	}
	return b
}

// document converts a well-formed congress to its JSON shape.
func (c Congress) document() congressJSON {
	doc := congressJSON{
		Format: Format, Name: c.Name, Level: c.Level, Term: c.Term,
		ReferenceMonth: c.ReferenceMonth, Opening: c.Opening, TermMonths: c.TermMonths,
		Policy: c.Policy, Roster: c.Roster, CountingBoard: c.CountingBoard, Designated: c.Designated,
		Candidates: []candidateJSON{}, Contests: []contestJSON{},
	}
	for _, cand := range c.Candidates {
		doc.Candidates = append(doc.Candidates, candidateJSON{
			ID: cand.ID, Name: cand.Name, Sex: cand.Sex, Born: cand.Born,
			EthnicMinority: cand.EthnicMinority, Incumbent: cand.Incumbent,
			Origin: cand.Origin, Holds: cand.Holds.List(), Outgoing: cand.Outgoing.List(), Retires: cand.Retires,
		})
	}
	for _, ct := range c.Contests {
		cj := contestJSON{
			ID: ct.ID, Office: ct.Office, Seats: ct.Seats, Candidates: ct.Candidates,
			Meeting: ct.Meeting, Nominations: ct.Nominations, Board: ct.CountingBoard,
		}
		for i, r := range ct.Rounds {
			rj := roundJSON{Issued: &r.Issued}
			if i > 0 || !samePaper(r.Paper, ct.Paper) {
				rj.Seats, rj.Candidates = r.Seats, r.Candidates
			}
			for _, box := range r.Boxes {
				bj := boxJSON{Name: box.Name, Ballots: []ballotJSON{}}
				for _, b := range box.Ballots {
					bj.Ballots = append(bj.Ballots, ballotDocument(r.Paper, b))
				}
				rj.Boxes = append(rj.Boxes, bj)
			}
			if t := r.Totals; t != nil {
				tj := &totalsJSON{Collected: t.Collected, Valid: t.Valid, Invalid: t.Invalid,
					Votes: make(map[CandidateID]int, len(t.Votes))}
				for _, rc := range t.InvalidReasons {
					if tj.InvalidReasons == nil {
						tj.InvalidReasons = make(map[string]int)
					}
					tj.InvalidReasons[rc.Reason.String()] = rc.Count
				}
				for i, v := range t.Votes {
					tj.Votes[r.Candidates[i]] = v
				}
				tj.Declared = t.Declared
				for i, sh := range t.Shares {
					if sh != "" {
						if tj.Shares == nil {
							tj.Shares = make(map[CandidateID]string)
						}
						tj.Shares[r.Candidates[i]] = sh
					}
				}
				rj.Totals = tj
			}
			cj.Rounds = append(cj.Rounds, rj)
		}
		doc.Contests = append(doc.Contests, cj)
	}
	return doc
}

func ballotDocument(p Paper, b Ballot) ballotJSON {
	var bj ballotJSON
	for i, m := range b.Marks {
		id := p.Candidates[i]
		switch m {
		case Struck:
			bj.Struck = append(bj.Struck, id)
		case PartlyStruck:
			bj.PartlyStruck = append(bj.PartlyStruck, id)
		case Agree:
			bj.Agree = append(bj.Agree, id)
		case Disagree:
			bj.Disagree = append(bj.Disagree, id)
		case Both:
			bj.Both = append(bj.Both, id)
		}
	}
	for i := range numFlags {
		if f := Flags(1 << i); b.Flags&f != 0 {
			bj.Flags = append(bj.Flags, flagJSON(f))
		}
	}
	return bj
}

func samePaper(a, b Paper) bool {
	return a.Seats == b.Seats && slices.Equal(a.Candidates, b.Candidates)
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// String returns a one-line summary for logs.
func (c Congress) String() string {
	rounds := 0
	for _, ct := range c.Contests {
		rounds += len(ct.Rounds)
	}
	return fmt.Sprintf("%s (%s): %d candidates, %d contests, %d rounds",
		c.Name, c.Level, len(c.Candidates), len(c.Contests), rounds)
}
