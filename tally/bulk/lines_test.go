package bulk_test

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// chunkReader returns its input at most n bytes at a time, as a pipe or a
// socket does.
type chunkReader struct {
	s string
	n int
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), r.n)], r.s)
	r.s = r.s[k:]
	return k, nil
}

// TestReadLineLimit reads lines at the limit, MaxLine bytes, and just past
// it, arriving whole or 4 KiB at a time (so that the reader's buffer is
// exactly full at the limit, and a line's end comes first in a read): a line
// of MaxLine bytes is read, a longer one is one problem, and the reader goes
// on at the next line, even when the long line ends the file.
func TestReadLineLimit(t *testing.T) {
	pad := "#" + strings.Repeat("x", 4094) + "\n" // 4 KiB: the next line starts a read
	comment := func(n int) string { return "#" + strings.Repeat("x", n-1) }
	tests := []struct {
		name   string
		reason string
		file   string
		want   []problem // nil: counted
	}{
		{"comment-at-limit", "a comment of MaxLine bytes in the header",
			pad + comment(bulk.MaxLine) + "\n" + header + "1 2\n", nil},
		{"comment-past-limit", "a comment of MaxLine+1 bytes",
			pad + comment(bulk.MaxLine+1) + "\n" + header + "1 2\n", []problem{{bulk.LinePath(2), ballot.ErrOutOfRange}}},
		{"comment-end-first", "a long comment whose end comes first in a read: the next line is read",
			pad + comment(bulk.MaxLine+2) + "\n" + header + "1 2\n7\n", []problem{{bulk.LinePath(2), ballot.ErrOutOfRange}, {bulk.LinePath(9), ballot.ErrOutOfRange}}},
		{"comment-end-later", "a longer comment",
			pad + comment(bulk.MaxLine+4096+3) + "\n" + header + "1 2\n7\n", []problem{{bulk.LinePath(2), ballot.ErrOutOfRange}, {bulk.LinePath(9), ballot.ErrOutOfRange}}},
		{"last-line", "a long last line without its end",
			header + "1 2\n" + strings.Repeat("1", bulk.MaxLine+5), []problem{{bulk.LinePath(7), ballot.ErrOutOfRange}}},
		{"last-line-end", "a long last line with its end",
			header + "1 2\n" + strings.Repeat("1", bulk.MaxLine+5) + "\n", []problem{{bulk.LinePath(7), ballot.ErrOutOfRange}}},
	}
	for _, tt := range tests {
		for _, chunk := range []int{4096, len(tt.file)} {
			t.Run(fmt.Sprintf("%s/%d", tt.name, chunk), func(t *testing.T) {
				_, c, err := bulk.Read(&chunkReader{tt.file, chunk}, ballot.Policy{})
				if tt.want == nil {
					if err != nil {
						t.Fatalf("%s: %v", tt.reason, err)
					}
					if c.Collected != 1 || c.Valid != 1 {
						t.Errorf("%s: %+v, want one ballot", tt.reason, c)
					}
					return
				}
				if diff := cmp.Diff(tt.want, problems(t, err)); diff != "" {
					t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
				}
			})
		}
	}
}

// TestReadMemory checks that reading a small file in small reads takes the
// reader's first buffer of 64 KiB, not the 1 MiB a line may need: the
// memory of a count is bounded by the list, not by the reads.
func TestReadMemory(t *testing.T) {
	file := header + strings.Repeat("1 2\n", 2000) // 8 KiB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, c, err := bulk.Read(&chunkReader{file, 512}, ballot.Policy{})
	runtime.ReadMemStats(&after)
	if err != nil || c.Collected != 2000 {
		t.Fatalf("Read: %+v, %v", c, err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 128<<10 {
		t.Errorf("Read of an 8 KiB file allocated %d bytes, want at most 128 KiB", got)
	}
}
