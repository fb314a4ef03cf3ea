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
