package bulk

import (
	"bytes"
	"slices"
	"testing"
)

// FuzzParseLine checks that the fast reading of a ballot line accepts
// exactly the lines without flags that the careful one accepts, and reads
// them the same.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{"", "1", "1 2", "~3 12", "64 65", "1 1", "0", "01", "1 ", " 1", "1  2", "~", "~~1", "129", "1 | signed", "99999999999999999999"} {
		f.Add([]byte(s), uint8(70))
	}
	f.Fuzz(func(t *testing.T, text []byte, names uint8) {
		n := int(names)%130 + 1
		w := (n + 63) / 64
		fast := &scanner{names: n, l: line{struck: make([]uint64, w), partly: make([]uint64, w)}}
		all := &scanner{names: n, l: line{struck: make([]uint64, w), partly: make([]uint64, w)}}
		end, okFast := fast.parseFast(text)
		okFast = okFast && end == len(text)
		okAll := all.parseAll(text)
		if bytes.IndexByte(text, '\n') >= 0 {
			return // a line has no \n
		}
		if bytes.IndexByte(text, '|') >= 0 {
			if okFast {
				t.Fatalf("the fast reading accepts a line with a |: %q", text)
			}
			return
		}
		if okFast != okAll {
			t.Fatalf("%q over %d names: fast %v, careful %v (%v)", text, n, okFast, okAll, all.errs)
		}
		if okFast && (!slices.Equal(fast.l.struck, all.l.struck) || !slices.Equal(fast.l.partly, all.l.partly) || all.l.flags != 0) {
			t.Fatalf("%q: fast %+v, careful %+v", text, fast.l, all.l)
		}
	})
}

// TestParseFastCommonLines checks that the fast reading takes every good
// line of names, struck or partly struck, of one to three digits, whole and
// as the careful reading would: counting a file falls back to the careful
// reading only for lines with flags or problems, which is what makes Read
// as fast as the README says.
func TestParseFastCommonLines(t *testing.T) {
	tests := []struct {
		line           string
		names          int
		struck, partly []int
	}{
		{"", 5, nil, nil},
		{"1", 5, []int{1}, nil},
		{"5 9", 9, []int{5, 9}, nil},
		{"~9", 9, nil, []int{9}},
		{"10 ~99", 99, []int{10}, []int{99}},
		{"19 1 ~91", 130, []int{19, 1}, []int{91}},
		{"100 ~123 129 130", 130, []int{100, 129, 130}, []int{123}},
		{"999 1000", 1000, []int{999, 1000}, nil},
	}
	for _, tt := range tests {
		w := (tt.names + 63) / 64
		s := &scanner{names: tt.names, l: line{struck: make([]uint64, w), partly: make([]uint64, w)}}
		i, ok := s.parseFast([]byte(tt.line))
		if !ok || i != len(tt.line) {
			t.Errorf("%q of %d names: the fast reading stopped at %d (ok %v)", tt.line, tt.names, i, ok)
			continue
		}
		want := line{struck: make([]uint64, w), partly: make([]uint64, w)}
		for _, k := range tt.struck {
			want.struck[(k-1)/64] |= 1 << ((k - 1) % 64)
		}
		for _, k := range tt.partly {
			want.partly[(k-1)/64] |= 1 << ((k - 1) % 64)
		}
		if !slices.Equal(s.l.struck, want.struck) || !slices.Equal(s.l.partly, want.partly) {
			t.Errorf("%q: read %+v, want %+v", tt.line, s.l, want)
		}
	}
}
