package bulk_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/bulkgen"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// refBallot is a ballot as a straightforward counter holds it: one struct
// per ballot, with the ids of the names left standing.
type refBallot struct {
	Standing []ballot.CandidateID
	Flags    ballot.Flags
	Partly   int // names partly struck, for the board's review
}

// refCount is the straightforward counter the fast path is measured
// against: classification by counting the standing names, a map from
// candidate id to votes.
func refCount(p ballot.Paper, pol ballot.Policy, box []refBallot) bulk.Count {
	votes := make(map[ballot.CandidateID]int, len(p.Candidates))
	reasons := make(map[ballot.Reason]int)
	var c bulk.Count
	for _, b := range box {
		var r ballot.Reason
		switch {
		case b.Flags&ballot.FlagNotIssued != 0:
			r = ballot.NotIssued
		case len(b.Standing) > p.Seats:
			r = ballot.TooManyStanding
		case len(b.Standing) == 0:
			r = ballot.AllStruck
		case b.Flags&ballot.FlagWrittenIn != 0:
			r = ballot.WrittenIn
		case b.Flags&ballot.FlagSigned != 0 && !pol.AcceptSigned:
			r = ballot.Signed
		default:
			r = ballot.ValidStanding
		}
		c.Collected++
		if r != ballot.ValidStanding {
			c.Invalid++
			reasons[r]++
			continue
		}
		c.Valid++
		if b.Partly > 0 {
			c.Review++
		}
		for _, id := range b.Standing {
			votes[id]++
		}
	}
	for _, r := range ballot.Reasons() {
		if reasons[r] > 0 {
			c.InvalidReasons = append(c.InvalidReasons, ballot.ReasonCount{Reason: r, Count: reasons[r]})
		}
	}
	c.Votes = make([]int, len(p.Candidates))
	for i, id := range p.Candidates {
		c.Votes[i] = votes[id]
	}
	return c
}

// refBox returns the same ballots as the box of the benchmark, one struct
// per ballot. The standing lists share one backing array, to spare the
// garbage collector 200 million small objects.
func refBox(p ballot.Paper, ballots int) []refBallot {
	ref := make([]refBallot, ballots)
	var ids []ballot.CandidateID
	g := bulkgen.New(p, 1)
	var bl ballot.Ballot
	for j := range ref {
		g.Next(&bl)
		if cap(ids)-len(ids) < len(p.Candidates) {
			ids = make([]ballot.CandidateID, 0, 1<<16)
		}
		start := len(ids)
		for i, m := range bl.Marks {
			switch m {
			case ballot.Unmarked:
				ids = append(ids, p.Candidates[i])
			case ballot.PartlyStruck:
				ids = append(ids, p.Candidates[i])
				ref[j].Partly++
			}
		}
		ref[j].Standing = ids[start:len(ids):len(ids)]
		ids = ids[len(ids):]
		ref[j].Flags = bl.Flags
	}
	return ref
}

// sizes are the boxes of the issue: a national congress, a large
// provincial box, a million ballots of a national list.
var sizes = []struct{ ballots, candidates int }{
	{1_600, 200},
	{200_000, 60},
	{1_000_000, 200},
}

// BenchmarkCount counts generated boxes with the fast path and with the
// straightforward reference counter, side by side in the same run, and
// reports ballots/s, ns/cell and cells/s (a cell is one ballot × one
// candidate).
//
//	go test ./tally/bulk -run XXX -bench Count -benchtime 3x
func BenchmarkCount(b *testing.B) {
	for _, size := range sizes {
		b.Run(fmt.Sprintf("%dx%d", size.ballots, size.candidates), func(b *testing.B) {
			p := bulkgen.Paper(size.candidates, size.candidates-size.candidates/10)
			var pol ballot.Policy
			box, err := bulk.NewBox(p, pol)
			if err != nil {
				b.Fatal(err)
			}
			g := bulkgen.New(p, 1)
			var bl ballot.Ballot
			for range size.ballots {
				g.Next(&bl)
				if err := box.Add(bl); err != nil {
					b.Fatal(err)
				}
			}
			cells := float64(size.ballots) * float64(size.candidates)
			report := func(b *testing.B) {
				s := b.Elapsed().Seconds() / float64(b.N)
				b.ReportMetric(float64(size.ballots)/s, "ballots/s")
				b.ReportMetric(s*1e9/cells, "ns/cell")
				b.ReportMetric(cells/s, "cells/s")
			}
			b.Run("fast", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					box.Count()
				}
				report(b)
			})
			b.Run("reference", func(b *testing.B) {
				ref := refBox(p, size.ballots)
				if diff := cmp.Diff(refCount(p, pol, ref), box.Count()); diff != "" {
					b.Fatalf("the fast path and the reference disagree (-reference +fast):\n%s", diff)
				}
				b.ReportAllocs()
				for b.Loop() {
					refCount(p, pol, ref)
				}
				report(b)
			})
		})
	}
}

// The country: about 5.5 million party members, each casting about 3
// cross-out ballots of about 5 names at their chi bộ congress (the chi ủy,
// the delegates to the superior congress, …). An assumption for the README's
// scale note, not a statistic.
const (
	nationalBallots    = 5_500_000 * 3
	nationalCandidates = 5
	chiBoBallots       = 30 // an assumed chi bộ of 30 members, one ballot each
)

// BenchmarkNational counts every ballot of every chi bộ congress in the
// country as one in-memory box, on the fast path, and reports the box's
// memory.
//
//	go test ./tally/bulk -run XXX -bench National
func BenchmarkNational(b *testing.B) {
	p := bulkgen.Paper(nationalCandidates, nationalCandidates-1)
	box, err := bulk.NewBox(p, ballot.Policy{})
	if err != nil {
		b.Fatal(err)
	}
	g := bulkgen.New(p, 1)
	var bl ballot.Ballot
	for range nationalBallots {
		g.Next(&bl)
		box.Add(bl)
	}
	b.ReportAllocs()
	for b.Loop() {
		box.Count()
	}
	s := b.Elapsed().Seconds() / float64(b.N)
	cells := float64(nationalBallots) * nationalCandidates
	b.ReportMetric(float64(nationalBallots)/s, "ballots/s")
	b.ReportMetric(cells/s, "cells/s")
	b.ReportMetric(float64(box.Len()*box.Words()*8+box.Len()*3)/(1<<20), "box-MiB")
}

// BenchmarkChiBo counts one chi bộ's box from scratch, the way a country of
// small boxes is counted: a new counter, 30 ballots of 5 names, the count.
func BenchmarkChiBo(b *testing.B) {
	p := bulkgen.Paper(nationalCandidates, nationalCandidates-1)
	g := bulkgen.New(p, 1)
	ballots := make([]ballot.Ballot, chiBoBallots)
	for i := range ballots {
		g.Next(&ballots[i])
	}
	b.ReportAllocs()
	for b.Loop() {
		c, _ := bulk.NewCounter(p, ballot.Policy{})
		for _, bl := range ballots {
			c.Add(bl)
		}
		c.Count()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/box")
}

// BenchmarkRead reads and counts a generated ballot file of 200,000 ballots
// of 60 names from memory: the parsing the end-to-end figure of the README
// adds to the count.
func BenchmarkRead(b *testing.B) {
	p := bulkgen.Paper(60, 54)
	var file bytes.Buffer
	w, err := bulk.NewWriter(&file, p)
	if err != nil {
		b.Fatal(err)
	}
	g := bulkgen.New(p, 1)
	var bl ballot.Ballot
	const ballots = 200_000
	for range ballots {
		g.Next(&bl)
		w.Write(bl)
	}
	w.Flush()
	b.SetBytes(int64(file.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := bulk.Read(bytes.NewReader(file.Bytes()), ballot.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(ballots*float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
}
