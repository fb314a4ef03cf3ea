package aggregate_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/ballot/ballottest"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
	"pgregory.net/rapid"
)

// TestReadBackConsistent: every result tally.Count produces, written and
// read back, passes the consistency checks.
func TestReadBackConsistent(t *testing.T) {
	g := rules.QD190()
	rapid.Check(t, func(t *rapid.T) {
		c := ballottest.Congress().Draw(t, "congress")
		r, err := tally.Count(c, tally.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rapid.Bool().Draw(t, "check lists") {
			// with the lists' verdict, when the candidates carry what
			// the checks need
			if checked, err := tally.Count(c, tally.Options{Regime: &g, CheckLists: true}); err == nil {
				r = checked
			}
		}
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		a := aggregate.New(aggregate.Options{})
		rejected, err := a.ReadStream(strings.NewReader(string(line)+"\n"), "r")
		if err != nil || len(rejected) != 0 {
			t.Fatalf("a produced result rejected: %v %v", rejected, err)
		}
	})
}

// TestInconsistent: a result read back that tally.Count could not have
// produced is rejected with the problem's code and path, and not summed.
func TestInconsistent(t *testing.T) {
	base := chiBo(t, []int{20, 19, 18, 17, 16, 3}, people(), false)
	for _, tt := range []struct {
		reason string
		change func(r *tally.Result)
		code   ballot.ErrorCode
		path   ballot.Path
	}{
		{"standings listed twice", func(r *tally.Result) {
			rr := &r.Contests[0].Rounds[0]
			rr.Standings = append(rr.Standings, rr.Standings...)
		}, ballot.ErrDuplicate, "contests[0].rounds[0].standings[6].id"},
		{"a member elected twice", func(r *tally.Result) {
			r.Contests[0].Elected = append(r.Contests[0].Elected[:4], r.Contests[0].Elected[0])
		}, ballot.ErrDuplicate, "contests[0].elected[4]"},
		{"more elected than seats", func(r *tally.Result) {
			r.Contests[0].Rounds[0].Elected = append(r.Contests[0].Rounds[0].Elected, "c6")
		}, ballot.ErrConflict, "contests[0].rounds[0].elected"},
		{"a standing elected the round does not elect", func(r *tally.Result) {
			r.Contests[0].Rounds[0].Standings[5].Status = tally.Elected
		}, ballot.ErrConflict, "contests[0].rounds[0].standings[5].status"},
		{"a wrong rank", func(r *tally.Result) { r.Contests[0].Rounds[0].Standings[0].Rank = 2 }, ballot.ErrConflict, "contests[0].rounds[0].standings[0].rank"},
		{"a person twice", func(r *tally.Result) { r.People = append(r.People, r.People[0]) }, ballot.ErrDuplicate, "people[6].id"},
		{"a contest twice", func(r *tally.Result) { r.Contests = append(r.Contests, r.Contests[0]) }, ballot.ErrDuplicate, "contests[2].id"},
		{"a standing of someone unknown", func(r *tally.Result) { r.Contests[0].Rounds[0].Standings[5].ID = "x9" }, ballot.ErrUnknown, "contests[0].rounds[0].standings[5].id"},
		{"elected in no round", func(r *tally.Result) { r.Contests[0].Elected[4] = "c6" }, ballot.ErrConflict, "contests[0].elected[4]"},
	} {
		r := base
		data, _ := json.Marshal(base)
		json.Unmarshal(data, &r) // a deep copy
		tt.change(&r)
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		a := aggregate.New(aggregate.Options{})
		rejected, err := a.ReadStream(strings.NewReader(string(line)), "r")
		if err != nil || len(rejected) != 1 {
			t.Errorf("%s: %d rejected, %v", tt.reason, len(rejected), err)
			continue
		}
		var l ballot.ErrorList
		if !errors.As(rejected[0].Err, &l) {
			t.Errorf("%s: %v", tt.reason, rejected[0].Err)
			continue
		}
		found := false
		for _, e := range l {
			found = found || (e.Code == tt.code && e.Path == tt.path)
		}
		if !found {
			t.Errorf("%s: no %s at %s in %v", tt.reason, tt.code, tt.path, l.Format(ballot.English))
		}
		if s := a.Summary(); s.Held != 0 {
			t.Errorf("%s: summed anyway", tt.reason)
		}
	}
}

// TestManyRejected: many empty documents are rejected one by one;
// ReadStream returns the first MaxRejected and counts the rest, and
// ReadStreamFunc hands over each.
func TestManyRejected(t *testing.T) {
	const lines = 100_000
	stream := strings.Repeat("{}\n", lines)
	a := aggregate.New(aggregate.Options{})
	n := 0
	if err := a.ReadStreamFunc(strings.NewReader(stream), "s", func(aggregate.Rejected) { n++ }); err != nil || n != lines {
		t.Errorf("ReadStreamFunc: %d rejected, %v", n, err)
	}
	rejected, err := a.ReadStream(strings.NewReader(stream[:3*10_000]), "s")
	if err != nil || len(rejected) != aggregate.MaxRejected+1 || rejected[len(rejected)-1].Source != "s" {
		t.Errorf("ReadStream: %d rejected, %v", len(rejected), err)
	}
}
