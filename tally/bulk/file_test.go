package bulk_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// header is the header of a file for 3 seats among 5 names, lines 1–5.
const header = "kiemphieu.ballots/1\n# bầu chi ủy\nseats 3\ncandidates c1 c2 c3 c4 c5\n---\n"

var five = ballot.Paper{Seats: 3, Candidates: []ballot.CandidateID{"c1", "c2", "c3", "c4", "c5"}}

// TestRead counts good files: every kind of ballot line, the line ends, the
// comments and blank lines of the header.
func TestRead(t *testing.T) {
	tests := []struct {
		name   string
		reason string // why this case exists
		file   string
		policy ballot.Policy
		want   bulk.Count
	}{
		{
			name: "doc", reason: "the example of the package documentation",
			file: header + "1 2\n5\n\n1 2 ~4\n2 4 | signed\n| not-issued\n",
			want: bulk.Count{Collected: 6, Valid: 2, Invalid: 4, Review: 1, Votes: []int{0, 0, 2, 2, 2},
				InvalidReasons: []ballot.ReasonCount{{Reason: ballot.NotIssued, Count: 1}, {Reason: ballot.TooManyStanding, Count: 2}, {Reason: ballot.Signed, Count: 1}}},
		},
		{
			name: "doc-strict", reason: "the same file when a partly struck name is struck: nothing to review, c4 has no vote",
			file: header + "1 2\n5\n\n1 2 ~4\n2 4 | signed\n| not-issued\n", policy: ballot.Policy{PartlyStruckIsStruck: true, AcceptSigned: true},
			want: bulk.Count{Collected: 6, Valid: 3, Invalid: 3, Votes: []int{1, 0, 3, 1, 3},
				InvalidReasons: []ballot.ReasonCount{{Reason: ballot.NotIssued, Count: 1}, {Reason: ballot.TooManyStanding, Count: 2}}},
		},
		{
			name: "crlf", reason: "lines may end in \\r\\n, the header's too",
			file: strings.ReplaceAll(header+"1 2\n3 5 4\n", "\n", "\r\n"),
			want: bulk.Count{Collected: 2, Valid: 2, Votes: []int{1, 1, 1, 1, 1}},
		},
		{
			name: "no-final-newline", reason: "the end of the last line may be left out",
			file: header + "1 2\n3 5 4",
			want: bulk.Count{Collected: 2, Valid: 2, Votes: []int{1, 1, 1, 1, 1}},
		},
		{
			name: "final-empty-ballot", reason: "an empty line before the end is a ballot with nothing struck",
			file: header + "1 2\n\n",
			want: bulk.Count{Collected: 2, Valid: 1, Invalid: 1, Votes: []int{0, 0, 1, 1, 1},
				InvalidReasons: []ballot.ReasonCount{{Reason: ballot.TooManyStanding, Count: 1}}},
		},
		{
			name: "no-ballots", reason: "a file may hold no ballot",
			file: header,
			want: bulk.Count{Votes: []int{0, 0, 0, 0, 0}},
		},
		{
			name: "all-flags", reason: "several flags, in any order; every name struck",
			file: header + "5 4 3 2 1 | signed written-in not-issued\n1 2 3 4 5\n",
			want: bulk.Count{Collected: 2, Invalid: 2, Votes: []int{0, 0, 0, 0, 0},
				InvalidReasons: []ballot.ReasonCount{{Reason: ballot.NotIssued, Count: 1}, {Reason: ballot.AllStruck, Count: 1}}},
		},
		{
			name: "header-spacing", reason: "blank lines and comments between the header lines",
			file: "# a comment first\n\nkiemphieu.ballots/1\n\nseats 3\n#\ncandidates c1 c2 c3 c4 c5\n\n---\n1 2\n",
			want: bulk.Count{Collected: 1, Valid: 1, Votes: []int{0, 0, 1, 1, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, got, err := bulk.Read(strings.NewReader(tt.file), tt.policy)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if diff := cmp.Diff(five, p); diff != "" {
				t.Errorf("paper (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("count (-want +got):\n%s", diff)
			}
			// One byte at a time, the reader sees the same.
			_, got, err = bulk.Read(iotest.OneByteReader(strings.NewReader(tt.file)), tt.policy)
			if err != nil {
				t.Fatalf("Read one byte at a time: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("count one byte at a time (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadErrors checks that every bad line is reported at its line with
// its code, that a file with a bad line is not counted, and that Decode
// reports the same.
func TestReadErrors(t *testing.T) {
	at := func(line int, code ballot.ErrorCode) problem { return problem{bulk.LinePath(line), code} }
	tests := []struct {
		name   string
		reason string // why this case exists
		file   string
		want   []problem
	}{
		{"empty", "an empty file has no header", "", []problem{at(1, ballot.ErrRequired)}},
		{"format", "another first line", "ballots\n", []problem{at(1, ballot.ErrRequired)}},
		{"version", "a later version of the format", "kiemphieu.ballots/2\n", []problem{at(1, ballot.ErrInvalid)}},
		{"no-seats", "the file ends after the format line", "kiemphieu.ballots/1\n", []problem{at(2, ballot.ErrRequired)}},
		{"seats-missing", "candidates before seats", "kiemphieu.ballots/1\ncandidates a b\n", []problem{at(2, ballot.ErrRequired)}},
		{"seats-nan", "seats is not a number", "kiemphieu.ballots/1\nseats three\n", []problem{at(2, ballot.ErrSyntax)}},
		{"seats-zero-lead", "seats with a leading zero", "kiemphieu.ballots/1\nseats 03\n", []problem{at(2, ballot.ErrSyntax)}},
		{"seats-range", "no seats", "kiemphieu.ballots/1\nseats 0\ncandidates a b\n---\n", []problem{at(2, ballot.ErrOutOfRange)}},
		{"seats-huge", "a number too large for an int, so more seats than names", "kiemphieu.ballots/1\nseats 99999999999999999999999\ncandidates a b\n---\n",
			[]problem{at(2, ballot.ErrOutOfRange), at(3, ballot.ErrConflict)}},
		{"no-candidates", "the file ends after seats", "kiemphieu.ballots/1\nseats 3\n", []problem{at(3, ballot.ErrRequired)}},
		{"candidates-line", "not a candidates line", "kiemphieu.ballots/1\nseats 3\ncandidatesx a\n", []problem{at(3, ballot.ErrRequired)}},
		{"candidates-space", "two spaces between ids", "kiemphieu.ballots/1\nseats 1\ncandidates a  b\n---\n", []problem{at(3, ballot.ErrSyntax)}},
		{"candidates-bad", "an id that is not an id, and one repeated", "kiemphieu.ballots/1\nseats 1\ncandidates a b/c a\n---\n",
			[]problem{at(3, ballot.ErrInvalid), at(3, ballot.ErrDuplicate)}},
		{"agree-form", "as many names as seats is not a cross-out paper", "kiemphieu.ballots/1\nseats 2\ncandidates a b\n---\n", []problem{at(3, ballot.ErrConflict)}},
		{"empty-list", "no names at all", "kiemphieu.ballots/1\nseats 2\ncandidates\n---\n", []problem{at(3, ballot.ErrConflict)}},
		{"no-separator", "the header does not end in ---", "kiemphieu.ballots/1\nseats 1\ncandidates a b\n1\n", []problem{at(4, ballot.ErrRequired)}},
		{"eof-separator", "the file ends before ---", "kiemphieu.ballots/1\nseats 1\ncandidates a b\n", []problem{at(4, ballot.ErrRequired)}},
		{"range", "numbers outside the list", header + "0\n6\n1 99999999999999999999\n", []problem{at(6, ballot.ErrOutOfRange), at(7, ballot.ErrOutOfRange), at(8, ballot.ErrOutOfRange)}},
		{"duplicate", "a name twice, struck and partly struck", header + "1 1\n2 ~2\n", []problem{at(6, ballot.ErrDuplicate), at(7, ballot.ErrDuplicate)}},
		{"garbage", "what is not a number", header + "a\n1,2\n-1\n+1\n01\n~\n~~1\n1 #x\n", []problem{
			at(6, ballot.ErrSyntax), at(7, ballot.ErrSyntax), at(8, ballot.ErrSyntax), at(9, ballot.ErrSyntax),
			at(10, ballot.ErrSyntax), at(11, ballot.ErrSyntax), at(12, ballot.ErrSyntax), at(13, ballot.ErrSyntax)}},
		{"spaces", "a space too many anywhere", header + " 1\n1  2\n1 \n1 |  signed\n1 | signed \n", []problem{
			at(6, ballot.ErrSyntax), at(7, ballot.ErrSyntax), at(8, ballot.ErrSyntax), at(9, ballot.ErrSyntax), at(10, ballot.ErrSyntax)}},
		{"comment-in-body", "a comment after the header could be misread, so it is refused", header + "# 1 2\n", []problem{at(6, ballot.ErrSyntax)}},
		{"flags", "an unknown flag, a flag twice, a bar without flags, flags without a bar", header + "1 | stamped\n| signed signed\n1 |\n1 signed\n|\n", []problem{
			at(6, ballot.ErrInvalid), at(7, ballot.ErrDuplicate), at(8, ballot.ErrRequired), at(9, ballot.ErrSyntax), at(10, ballot.ErrRequired)}},
		{"cr", "a \\r that does not end a line", header + "1\r2\n1 2\r", []problem{at(6, ballot.ErrSyntax), at(7, ballot.ErrSyntax)}},
		{"good-and-bad", "good lines between bad ones are not reported", header + "1 2\n7\n1 2\n\n2 2\n", []problem{at(7, ballot.ErrOutOfRange), at(10, ballot.ErrDuplicate)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c, err := bulk.Read(strings.NewReader(tt.file), ballot.Policy{})
			if err == nil {
				t.Fatalf("Read accepted the file: %+v", c)
			}
			if diff := cmp.Diff(tt.want, problems(t, err)); diff != "" {
				t.Errorf("Read (-want +got):\n%s", diff)
			}
			if c.Votes != nil || c.Collected != 0 || p.Candidates != nil {
				t.Errorf("Read returned a partial count: %+v %+v", p, c)
			}
			_, ballots, err := bulk.Decode(strings.NewReader(tt.file))
			if err == nil {
				t.Fatalf("Decode accepted the file: %+v", ballots)
			}
			if diff := cmp.Diff(tt.want, problems(t, err)); diff != "" {
				t.Errorf("Decode (-want +got):\n%s", diff)
			}
			if ballots != nil {
				t.Errorf("Decode returned ballots with an error")
			}
		})
	}
}

// TestReadManyErrors checks that the reader stops after MaxErrors bad lines
// and says so.
func TestReadManyErrors(t *testing.T) {
	file := header + strings.Repeat("9\n", bulk.MaxErrors+50)
	_, _, err := bulk.Read(strings.NewReader(file), ballot.Policy{})
	got := problems(t, err)
	if len(got) != bulk.MaxErrors+1 {
		t.Fatalf("%d problems, want %d", len(got), bulk.MaxErrors+1)
	}
	want := problem{bulk.LinePath(5 + bulk.MaxErrors + 1), ballot.ErrTooMany}
	if got[len(got)-1] != want {
		t.Errorf("last problem %v, want %v", got[len(got)-1], want)
	}
	if !errors.Is(err, ballot.ErrOutOfRange) || !errors.Is(err, ballot.ErrTooMany) {
		t.Errorf("errors.Is does not find the codes in %v", err)
	}
}

// TestReadLongLine checks that a line longer than MaxLine is one problem
// and that the reader goes on after it.
func TestReadLongLine(t *testing.T) {
	file := header + "1 2\n" + strings.Repeat("1", bulk.MaxLine+10) + "\n7\n"
	_, _, err := bulk.Read(strings.NewReader(file), ballot.Policy{})
	want := []problem{{bulk.LinePath(7), ballot.ErrOutOfRange}, {bulk.LinePath(8), ballot.ErrOutOfRange}}
	if diff := cmp.Diff(want, problems(t, err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadIOError checks that a read error comes back as it is.
func TestReadIOError(t *testing.T) {
	boom := errors.New("boom")
	for _, file := range []string{"kiemphieu.ballots/1\nse", header + "1 2\n3"} {
		_, _, err := bulk.Read(io.MultiReader(strings.NewReader(file), iotest.ErrReader(boom)), ballot.Policy{})
		if !errors.Is(err, boom) {
			t.Errorf("%q: error %v, want boom", file, err)
		}
	}
}

// TestWriter checks the canonical form the writer gives.
func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w, err := bulk.NewWriter(&buf, five)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []ballot.Ballot{
		{Marks: marks(x, x, u, u, u)},
		{Marks: marks(u, u, u, u, x)},
		{Marks: marks(u, u, u, u, u)},
		{Marks: marks(x, x, u, px, u)},
		{Marks: marks(u, x, u, x, u), Flags: ballot.FlagSigned | ballot.FlagNotIssued},
		{Marks: marks(u, u, u, u, u), Flags: ballot.FlagWrittenIn},
	} {
		if err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Write(ballot.Ballot{Marks: marks(u)}); err == nil {
		t.Error("Write accepted a ballot of one row")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "kiemphieu.ballots/1\nseats 3\ncandidates c1 c2 c3 c4 c5\n---\n1 2\n5\n\n1 2 ~4\n2 4 | not-issued signed\n| written-in\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadAllocations checks that reading a ballot line allocates nothing:
// a file ten times longer costs no more allocations.
func TestReadAllocations(t *testing.T) {
	file := func(n int) string {
		var b strings.Builder
		b.WriteString(header)
		for i := range n {
			fmt.Fprintf(&b, "%d %d\n", i%5+1, (i+2)%5+1)
		}
		return b.String()
	}
	small, large := file(100), file(1000)
	allocs := func(f string) float64 {
		return testing.AllocsPerRun(10, func() {
			if _, _, err := bulk.Read(strings.NewReader(f), ballot.Policy{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	if a, b := allocs(small), allocs(large); b > a {
		t.Errorf("%v allocations for 100 ballots, %v for 1000", a, b)
	}
}

// TestReadLargeList reads a header line far longer than the reader's first
// buffer: the largest list of the longest ids.
func TestReadLargeList(t *testing.T) {
	p := ballot.Paper{Seats: 1}
	for i := range ballot.MaxCandidates {
		p.Candidates = append(p.Candidates, ballot.CandidateID(fmt.Sprintf("%064d", i)))
	}
	var buf bytes.Buffer
	w, err := bulk.NewWriter(&buf, p)
	if err != nil {
		t.Fatal(err)
	}
	b := ballot.Ballot{Marks: make([]ballot.Mark, len(p.Candidates))}
	for i := range b.Marks[1:] {
		b.Marks[i+1] = ballot.Struck
	}
	w.Write(b)
	w.Flush()
	got, c, err := bulk.Read(iotest.HalfReader(bytes.NewReader(buf.Bytes())), ballot.Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Candidates) != ballot.MaxCandidates || c.Valid != 1 || c.Votes[0] != 1 {
		t.Errorf("%d names, %d valid, votes[0] = %d", len(got.Candidates), c.Valid, c.Votes[0])
	}

	more := strings.Replace(buf.String(), "\n---", " x\n---", 1)
	_, _, err = bulk.Read(strings.NewReader(more), ballot.Policy{})
	if diff := cmp.Diff([]problem{{bulk.LinePath(3), ballot.ErrOutOfRange}}, problems(t, err)); diff != "" {
		t.Errorf("a list of MaxCandidates+1 (-want +got):\n%s", diff)
	}
}

// TestReadNoProgress checks that a reader that returns nothing, forever, is
// an error and not a hang.
func TestReadNoProgress(t *testing.T) {
	_, _, err := bulk.Read(emptyReader{}, ballot.Policy{})
	if !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("error %v, want io.ErrNoProgress", err)
	}
}

type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }
