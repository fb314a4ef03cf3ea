package tally

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/jsondoc"
	"github.com/kiemphieu/kiemphieu/rules"
)

// Format is the value of the "format" field of a counted congress.
const Format = "kiemphieu.tally/1"

// resultBody is Result without its methods, so that the document type can
// embed it without inheriting MarshalJSON.
type resultBody Result

type listsJSON struct {
	Regime   string          `json:"regime"`
	Findings []rules.Finding `json:"findings"`
}

type resultJSON struct {
	Format string `json:"format"`
	resultBody
	Lists *listsJSON `json:"lists,omitempty"` // shadows resultBody.Lists
}

// MarshalJSON encodes the result as a document of format Format: stable
// names, every enumeration by its code, lists in a deterministic order.
func (r Result) MarshalJSON() ([]byte, error) {
	doc := resultJSON{Format: Format, resultBody: resultBody(r)}
	if r.Lists != nil {
		doc.Lists = &listsJSON{Regime: r.Lists.Regime, Findings: nonNil(r.Lists.Findings)}
	}
	// Write empty lists as [] rather than null, on copies: the receiver's
	// slices are the caller's.
	doc.Contests = slices.Clone(nonNil(doc.Contests))
	doc.People = nonNil(doc.People)
	for i := range doc.Contests {
		ct := &doc.Contests[i]
		ct.Rounds, ct.Elected, ct.Findings = slices.Clone(nonNil(ct.Rounds)), nonNil(ct.Elected), nonNil(ct.Findings)
		for k := range ct.Rounds {
			rr := &ct.Rounds[k]
			rr.Standings, rr.Elected, rr.Findings = nonNil(rr.Standings), nonNil(rr.Elected), nonNil(rr.Findings)
		}
	}
	return json.Marshal(doc)
}

func nonNil[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}

// ParseResult decodes a counted congress strictly; the error is a
// ballot.ErrorList of every problem with its path.
func ParseResult(data []byte) (Result, error) {
	var doc resultJSON
	errs, syntax := jsondoc.Decode(data, &doc)
	if syntax {
		return Result{}, errs
	}
	jsondoc.CheckFormat(&errs, doc.Format, Format)
	r := Result(doc.resultBody)
	r.Lists = nil
	if doc.Lists != nil {
		r.Lists = &rules.Verdict{Regime: doc.Lists.Regime, Findings: nilIfEmpty(doc.Lists.Findings)}
	}
	var semantic ballot.ErrorList
	r.check(&semantic)
	for _, e := range semantic {
		if !errs.Covers(e.Path) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return Result{}, errs
	}
	r.normalize()
	return r, nil
}

// UnmarshalJSON decodes strictly; see ParseResult.
func (r *Result) UnmarshalJSON(data []byte) error {
	v, err := ParseResult(data)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// normalize makes every empty list nil, as Count leaves them.
func (r *Result) normalize() {
	r.Contests, r.People = nilIfEmpty(r.Contests), nilIfEmpty(r.People)
	if r.Lists != nil {
		for i := range r.Lists.Findings {
			r.Lists.Findings[i].Names = nilIfEmpty(r.Lists.Findings[i].Names)
		}
	}
	for i := range r.People {
		r.People[i].Holds = nilIfEmpty(r.People[i].Holds)
	}
	for i := range r.Contests {
		ct := &r.Contests[i]
		ct.Rounds, ct.Elected, ct.Findings = nilIfEmpty(ct.Rounds), nilIfEmpty(ct.Elected), nilIfEmpty(ct.Findings)
		ct.FromOfficial, ct.Next.Candidates = nilIfEmpty(ct.FromOfficial), nilIfEmpty(ct.Next.Candidates)
		ct.CountingBoard = nilIfEmpty(ct.CountingBoard)
		normalizeFindings(ct.Findings)
		for k := range ct.Rounds {
			rr := &ct.Rounds[k]
			rr.Standings, rr.Elected, rr.Findings = nilIfEmpty(rr.Standings), nilIfEmpty(rr.Elected), nilIfEmpty(rr.Findings)
			rr.InvalidReasons, rr.Boxes = nilIfEmpty(rr.InvalidReasons), nilIfEmpty(rr.Boxes)
			rr.Base.Excluded, rr.Next.Candidates = nilIfEmpty(rr.Base.Excluded), nilIfEmpty(rr.Next.Candidates)
			normalizeFindings(rr.Findings)
			for b := range rr.Boxes {
				rr.Boxes[b].InvalidReasons = nilIfEmpty(rr.Boxes[b].InvalidReasons)
			}
		}
	}
	r.Base.Excluded = nilIfEmpty(r.Base.Excluded)
}

func normalizeFindings(fs []rules.Finding) {
	for i := range fs {
		fs[i].Names = nilIfEmpty(fs[i].Names)
	}
}

// check reports what a decoded result lacks or holds out of range: the
// fields a reader needs to rely on.
func (r Result) check(errs *ballot.ErrorList) {
	if r.Congress == "" {
		errs.Addf("congress", ballot.ErrRequired, "", "thiếu tên đại hội", "the congress's name is missing")
	}
	if !r.Level.Valid() {
		errs.Addf("level", ballot.ErrRequired, "", "thiếu cấp tổ chức đảng", "the level is missing")
	}
	r.Base.check("base", errs)
	count := func(at ballot.Path, n int) {
		if n < 0 || n > ballot.MaxCount {
			errs.Addf(at, ballot.ErrOutOfRange, fmt.Sprint(n), "%d phải từ 0 đến %d", "%d must be from 0 to %d", n, ballot.MaxCount)
		}
	}
	for i, ct := range r.Contests {
		at := ballot.Path("contests").Index(i)
		if !ct.Office.Valid() {
			errs.Addf(at.Child("office"), ballot.ErrRequired, "", "thiếu chức danh", "the office is missing")
		}
		count(at.Child("seats"), ct.Seats)
		count(at.Child("seats_left"), ct.SeatsLeft)
		if ct.Next.Step == 0 {
			errs.Addf(at.Child("next").Child("step"), ballot.ErrRequired, "", "thiếu bước tiếp theo", "the next step is missing")
		}
		for k, rr := range ct.Rounds {
			rat := at.Child("rounds").Index(k)
			if rr.Number != k+1 {
				errs.Addf(rat.Child("round"), ballot.ErrInvalid, fmt.Sprint(rr.Number), "lần bầu phải là %d", "the round must be %d", k+1)
			}
			rr.Base.check(rat.Child("base"), errs)
			for _, c := range []struct {
				name string
				n    int
			}{{"seats", rr.Seats}, {"issued", rr.Issued}, {"collected", rr.Collected}, {"valid", rr.Valid}, {"invalid", rr.Invalid}, {"seats_left", rr.SeatsLeft}} {
				count(rat.Child(c.name), c.n)
			}
			for j, s := range rr.Standings {
				if s.Status == 0 {
					errs.Addf(rat.Child("standings").Index(j).Child("status"), ballot.ErrRequired, "", "thiếu kết quả", "the status is missing")
				}
				count(rat.Child("standings").Index(j).Child("votes"), s.Votes)
			}
			if rr.Next.Step == 0 {
				errs.Addf(rat.Child("next").Child("step"), ballot.ErrRequired, "", "thiếu bước tiếp theo", "the next step is missing")
			}
		}
	}
}

func (b Base) check(at ballot.Path, errs *ballot.ErrorList) {
	if b.Electorate == 0 {
		errs.Addf(at.Child("electorate"), ballot.ErrRequired, "", "thiếu thành phần bầu", "the electorate is missing")
	}
	sum := 0
	for _, e := range b.Excluded {
		sum += e.Count
	}
	if b.Convened < 0 || b.Convened > ballot.MaxCount || b.D != b.Convened-sum {
		errs.Addf(at.Child("d"), ballot.ErrConflict, fmt.Sprint(b.D),
			"D phải bằng số triệu tập trừ số không tính", "D must be the convened less the excluded")
	}
}
