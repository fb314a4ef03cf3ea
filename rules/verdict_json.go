package rules

import (
	"encoding/json"
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/jsondoc"
)

type verdictJSON struct {
	Format   string    `json:"format"`
	Regime   string    `json:"regime"`
	Findings []Finding `json:"findings"`
}

// MarshalJSON encodes the verdict as a document of format VerdictFormat, its
// findings in order, every enumeration by its stable code.
func (v Verdict) MarshalJSON() ([]byte, error) {
	doc := verdictJSON{Format: VerdictFormat, Regime: v.Regime, Findings: v.Findings}
	if doc.Findings == nil {
		doc.Findings = []Finding{}
	}
	return json.Marshal(doc)
}

// ParseVerdict decodes a verdict document strictly; the error is an
// ErrorList of every problem with its path.
func ParseVerdict(data []byte) (Verdict, error) {
	var doc verdictJSON
	errs, syntax := jsondoc.Decode(data, &doc)
	if syntax {
		return Verdict{}, errs
	}
	jsondoc.CheckFormat(&errs, doc.Format, VerdictFormat)
	var semantic ballot.ErrorList
	for i, f := range doc.Findings {
		f.check(ballot.Path("findings").Index(i), &semantic)
	}
	for _, e := range semantic {
		if !errs.Covers(e.Path) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return Verdict{}, errs
	}
	v := Verdict{Regime: doc.Regime, Findings: doc.Findings}
	if len(v.Findings) == 0 {
		v.Findings = nil
	}
	for i := range v.Findings {
		if len(v.Findings[i].Names) == 0 {
			v.Findings[i].Names = nil
		}
	}
	return v, nil
}

// UnmarshalJSON decodes strictly; see ParseVerdict.
func (v *Verdict) UnmarshalJSON(data []byte) error {
	d, err := ParseVerdict(data)
	if err != nil {
		return err
	}
	*v = d
	return nil
}

// check reports what a decoded finding lacks or holds out of range.
func (f Finding) check(at ballot.Path, errs *ballot.ErrorList) {
	req := func(ok bool, field, what string) {
		if !ok {
			errs.Addf(at.Child(field), ballot.ErrRequired, "", "thiếu %s", "the %s is missing", what)
		}
	}
	req(f.Rule != 0, "rule", "rule")
	req(f.Outcome != 0, "outcome", "outcome")
	req(f.Bound.Cmp != 0, "bound", "bound's comparison")
	for _, c := range []struct {
		name string
		n    int
	}{{"base", f.Base}, {"needed", f.Needed}, {"excess", f.Excess}} {
		if c.n < 0 || c.n > ballot.MaxCount {
			errs.Addf(at.Child(c.name), ballot.ErrOutOfRange, fmt.Sprint(c.n), "%d phải từ 0 đến %d", "%d must be from 0 to %d", c.n, ballot.MaxCount)
		}
	}
	if f.Count < -ballot.MaxCount || f.Count > ballot.MaxCount {
		errs.Addf(at.Child("count"), ballot.ErrOutOfRange, fmt.Sprint(f.Count), "%d nằm ngoài phạm vi", "%d is out of range", f.Count)
	}
}
