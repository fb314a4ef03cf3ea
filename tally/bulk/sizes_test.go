package bulk_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// The sizes where the layout of a count changes: names written with three
// digits, a list that fills its last 64-bit word exactly, ballots given as
// bit sets of several words, and a box past the point where the vertical
// counters must be emptied.

// paperOf returns a paper of n names c1..cn for the given seats.
func paperOf(n, seats int) ballot.Paper {
	p := ballot.Paper{Seats: seats}
	for i := range n {
		p.Candidates = append(p.Candidates, ballot.CandidateID(fmt.Sprintf("c%d", i+1)))
	}
	return p
}

// fileOf returns a ballot file for p whose lines are the given lines.
func fileOf(p ballot.Paper, lines []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nseats %d\ncandidates", bulk.Format, p.Seats)
	for _, id := range p.Candidates {
		b.WriteString(" " + string(id))
	}
	b.WriteString("\n---\n")
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// struckLine returns the line of a ballot on which the names at the given
// positions (1-based) are struck, in the order given.
func struckLine(struck ...int) string {
	s := make([]string, len(struck))
	for i, k := range struck {
		s[i] = strconv.Itoa(k)
	}
	return strings.Join(s, " ")
}

// ballotStriking returns a ballot of n rows with the given positions
// (1-based) struck.
func ballotStriking(n int, struck ...int) ballot.Ballot {
	b := ballot.Ballot{Marks: make([]ballot.Mark, n)}
	for _, k := range struck {
		b.Marks[k-1] = ballot.Struck
	}
	return b
}

// TestReadThreeDigitNames reads a list of 130 names for 129 seats, where a
// ballot that strikes one name is valid and gives every other name a vote:
// the votes say exactly which name each line was read as. Each name is
// struck once, by its number alone (the reader's fast path), and a few
// lines strike two names, in either order.
func TestReadThreeDigitNames(t *testing.T) {
	const n = 130
	p := paperOf(n, n-1)
	var lines []string
	var ballots []ballot.Ballot
	add := func(struck ...int) {
		lines = append(lines, struckLine(struck...))
		ballots = append(ballots, ballotStriking(n, struck...))
	}
	for k := 1; k <= n; k++ {
		add(k)
	}
	add(100, 129)
	add(123, 9)
	add(130, 101)

	want := bulk.Count{Collected: n + 3, Valid: n + 3, Votes: make([]int, n)}
	for i := range want.Votes {
		want.Votes[i] = n - 1 + 3 // struck once alone, stands on every other ballot
	}
	for _, k := range []int{100, 129, 123, 9, 130, 101} {
		want.Votes[k-1]-- // and struck once more
	}
	file := fileOf(p, lines)
	_, got, err := bulk.Read(strings.NewReader(file), ballot.Policy{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
	_, decoded, err := bulk.Decode(strings.NewReader(file))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if diff := cmp.Diff(ballots, decoded); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}
}

// TestReadNumberBounds checks that a number made of names of the list is
// not one of them: "50" on a list of 5, "1300" on a list of 130.
func TestReadNumberBounds(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		names  int
		line   string
	}{
		{"two-digits", "the first digit is a name of the list", 5, "50"},
		{"two-digits-after-a-name", "the same after a good name", 5, "1 51"},
		{"partly", "the same partly struck", 5, "~55"},
		{"one-past", "the name after the last of a list of 130", 130, "131"},
		{"four-digits", "every prefix is a name of the list", 130, "1300"},
		{"ten-digits", "every prefix up to the third is a name of the list", 130, "1000000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := fileOf(paperOf(tt.names, 1), []string{"1", tt.line})
			_, c, err := bulk.Read(strings.NewReader(file), ballot.Policy{})
			if err == nil {
				t.Fatalf("%s: Read accepted %q: %+v", tt.reason, tt.line, c)
			}
			want := []problem{{bulk.LinePath(6), ballot.ErrOutOfRange}}
			if diff := cmp.Diff(want, problems(t, err)); diff != "" {
				t.Errorf("%s: (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestSixtyFourNames counts a list of exactly 64 names, which fills one
// word: the last name is bit 63, the last bit of the last word. Every way in
// counts it.
func TestSixtyFourNames(t *testing.T) {
	const n = 64
	p := paperOf(n, 2)
	// Standing names (1-based) of each ballot; all valid.
	stand := [][]int{{1, 64}, {64}, {63, 64}, {2}}
	want := bulk.Count{Collected: 4, Valid: 4, Votes: make([]int, n)}
	want.Votes[0], want.Votes[1], want.Votes[62], want.Votes[63] = 1, 1, 1, 3

	counter, _ := bulk.NewCounter(p, ballot.Policy{})
	box, _ := bulk.NewBox(p, ballot.Policy{})
	standing, _ := bulk.NewCounter(p, ballot.Policy{})
	standingBox, _ := bulk.NewBox(p, ballot.Policy{})
	var lines []string
	for _, s := range stand {
		b := ballot.Ballot{Marks: make([]ballot.Mark, n)}
		var struck []int
		var bits uint64
		for i := range b.Marks {
			b.Marks[i] = ballot.Struck
		}
		for _, k := range s {
			b.Marks[k-1] = ballot.Unmarked
			bits |= 1 << (k - 1)
		}
		for i, m := range b.Marks {
			if m == ballot.Struck {
				struck = append(struck, i+1)
			}
		}
		lines = append(lines, struckLine(struck...))
		for name, err := range map[string]error{
			"Counter.Add":         counter.Add(b),
			"Box.Add":             box.Add(b),
			"Counter.AddStanding": standing.AddStanding([]uint64{bits}, 0, 0),
			"Box.AddStanding":     standingBox.AddStanding([]uint64{bits}, 0, 0),
		} {
			if err != nil {
				t.Fatalf("%s %v: %v", name, s, err)
			}
		}
	}
	_, read, err := bulk.Read(strings.NewReader(fileOf(p, lines)), ballot.Policy{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	for name, got := range map[string]bulk.Count{
		"Counter.Add": counter.Count(), "Box.Add": box.Count(),
		"Counter.AddStanding": standing.Count(), "Box.AddStanding": standingBox.Count(), "Read": read,
	} {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

// TestAddStandingWords gives ballots as bit sets of three words (a list of
// 130 names), in more than one group of sixteen, to a Counter and to a Box:
// each word's names get their votes, and a name past the list in the last
// word is refused.
func TestAddStandingWords(t *testing.T) {
	const n = 130
	p := paperOf(n, 3)
	counter, _ := bulk.NewCounter(p, ballot.Policy{})
	box, _ := bulk.NewBox(p, ballot.Policy{})
	if counter.Words() != 3 || box.Words() != 3 {
		t.Fatalf("Words: %d and %d, want 3", counter.Words(), box.Words())
	}
	want := bulk.Count{Votes: make([]int, n)}
	for i := range 40 {
		// Names i+1, 64+i+1 and 128+i%2+1 stand: one in each word.
		names := []int{i, 64 + i, 128 + i%2}
		var bits [3]uint64
		for _, k := range names {
			bits[k/64] |= 1 << (k % 64)
			want.Votes[k]++
		}
		partly := i % 3
		if partly > 0 {
			want.Review++
		}
		for name, add := range map[string]func([]uint64, ballot.Flags, int) error{"Counter": counter.AddStanding, "Box": box.AddStanding} {
			if err := add(bits[:], 0, partly); err != nil {
				t.Fatalf("%s.AddStanding %v: %v", name, names, err)
			}
		}
		want.Collected++
		want.Valid++
	}
	// Refused: a name past the list, in the last word.
	for name, add := range map[string]func([]uint64, ballot.Flags, int) error{"Counter": counter.AddStanding, "Box": box.AddStanding} {
		err := add([]uint64{1, 1, 1 << 2}, 0, 0)
		if diff := cmp.Diff([]problem{{"", ballot.ErrOutOfRange}}, problems(t, err)); diff != "" {
			t.Errorf("%s.AddStanding with name 131 of 130 (-want +got):\n%s", name, diff)
		}
	}
	if box.Len() != 40 {
		t.Errorf("Box.Len = %d, want 40", box.Len())
	}
	for name, got := range map[string]bulk.Count{"Counter": counter.Count(), "Box": box.Count()} {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

// TestOneNameEveryBallot counts boxes of 4,096 ballots and more on which one
// name stands every time, by every way in: the counters of sixteens must be
// emptied before they reach 256 (4,096 votes), or the votes are lost.
func TestOneNameEveryBallot(t *testing.T) {
	for _, size := range []int{16 * 255, 16*255 + 1, 4096, 4096 + 5, 3*4096 + 7} {
		t.Run(strconv.Itoa(size), func(t *testing.T) {
			b := ballot.Ballot{Marks: marks(u, x, x, x)} // a stands
			if size%2 == 0 {
				b = ballot.Ballot{Marks: marks(u, x, u, x)} // a and c stand
			}
			counter, _ := bulk.NewCounter(surplus, ballot.Policy{})
			box, _ := bulk.NewBox(surplus, ballot.Policy{})
			standing, _ := bulk.NewCounter(surplus, ballot.Policy{})
			lines := make([]string, size)
			bits := uint64(0)
			for i, m := range b.Marks {
				if m == u {
					bits |= 1 << i
				}
			}
			for i := range size {
				counter.Add(b)
				box.Add(b)
				standing.AddStanding([]uint64{bits}, 0, 0)
				lines[i] = "2 4"
				if bits == 1 {
					lines[i] = "2 3 4"
				}
			}
			_, read, err := bulk.Read(strings.NewReader(fileOf(surplus, lines)), ballot.Policy{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			want := bulk.Count{Collected: size, Valid: size, Votes: []int{size, 0, 0, 0}}
			if bits != 1 {
				want.Votes[2] = size
			}
			for name, got := range map[string]bulk.Count{
				"Counter.Add": counter.Count(), "Box.Add": box.Count(), "Counter.AddStanding": standing.Count(), "Read": read,
			} {
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

// TestAddStandingEveryNamePartly gives a ballot on which every name is only
// partly struck, as a bit set: as many partly struck names as names is
// accepted, one more is refused.
func TestAddStandingEveryNamePartly(t *testing.T) {
	counter, _ := bulk.NewCounter(surplus, ballot.Policy{})
	box, _ := bulk.NewBox(surplus, ballot.Policy{})
	for name, add := range map[string]func([]uint64, ballot.Flags, int) error{"Counter": counter.AddStanding, "Box": box.AddStanding} {
		// Two names stand (partly struck names stand by default); all four are partly struck.
		if err := add([]uint64{0b0101}, 0, 4); err != nil {
			t.Errorf("%s.AddStanding with every name partly struck: %v", name, err)
		}
		err := add([]uint64{0b0101}, 0, 5)
		if diff := cmp.Diff([]problem{{"", ballot.ErrOutOfRange}}, problems(t, err)); diff != "" {
			t.Errorf("%s.AddStanding with 5 partly struck names of 4 (-want +got):\n%s", name, diff)
		}
	}
	want := bulk.Count{Collected: 1, Valid: 1, Review: 1, Votes: []int{1, 0, 1, 0}}
	for name, got := range map[string]bulk.Count{"Counter": counter.Count(), "Box": box.Count()} {
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}
