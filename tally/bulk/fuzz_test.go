package bulk_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

// FuzzRead checks that no input makes the reader panic; that Read and
// Decode, reading all at once and one byte at a time, accept and reject the
// same files with the same problems, each at a
// line with a code and a message in both languages; and that whatever they
// accept, written back by a Writer and read again, is the same paper and
// the same ballots and gives the same count, with a stable encoding.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
	}
	f.Add([]byte(header+"1 2\n~3 | signed\n"), uint8(1))
	f.Add([]byte(header+"1 2\n9\n1 1\n| x\n"), uint8(2))
	f.Add([]byte("kiemphieu.ballots/1\nseats 1\ncandidates a\n---\n"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, policy uint8) {
		pol := ballot.Policy{AcceptSigned: policy&1 != 0, PartlyStruckIsStruck: policy&2 != 0}
		p, count, err := bulk.Read(bytes.NewReader(data), pol)
		// Decode reads one byte at a time: every line straddles the end
		// of what the reader has.
		dp, ballots, derr := bulk.Decode(iotest.OneByteReader(bytes.NewReader(data)))
		if (err == nil) != (derr == nil) {
			t.Fatalf("Read says %v, Decode says %v", err, derr)
		}
		if err != nil {
			got := problems(t, err)
			if len(got) == 0 {
				t.Fatal("an empty ErrorList")
			}
			for _, pr := range got {
				if pr.Code == 0 || !strings.HasPrefix(string(pr.Path), "line ") {
					t.Fatalf("a problem without a code or a line: %+v", pr)
				}
			}
			if diff := cmp.Diff(got, problems(t, derr)); diff != "" {
				t.Fatalf("Read and Decode report different problems (-Read +Decode):\n%s", diff)
			}
			var list ballot.ErrorList
			if errors.As(err, &list) && len(list) > bulk.MaxErrors+1 {
				t.Fatalf("%d problems, more than MaxErrors", len(list))
			}
			return
		}
		if diff := cmp.Diff(p, dp); diff != "" {
			t.Fatalf("Read and Decode see different papers:\n%s", diff)
		}
		if count.Collected != len(ballots) || count.Valid+count.Invalid != count.Collected {
			t.Fatalf("count %+v for %d ballots", count, len(ballots))
		}

		var enc bytes.Buffer
		w, err := bulk.NewWriter(&enc, p)
		if err != nil {
			t.Fatalf("NewWriter refuses an accepted paper: %v", err)
		}
		for _, b := range ballots {
			if err := w.Write(b); err != nil {
				t.Fatalf("Write refuses an accepted ballot: %v", err)
			}
		}
		w.Flush()
		p2, count2, err := bulk.Read(bytes.NewReader(enc.Bytes()), pol)
		if err != nil {
			t.Fatalf("the encoding of an accepted file is refused: %v\n%s", err, enc.Bytes())
		}
		if diff := cmp.Diff(p, p2); diff != "" {
			t.Fatalf("paper changed by a round trip:\n%s", diff)
		}
		if diff := cmp.Diff(count, count2); diff != "" {
			t.Fatalf("count changed by a round trip (-read +re-read):\n%s", diff)
		}
		_, ballots2, _ := bulk.Decode(bytes.NewReader(enc.Bytes()))
		var again bytes.Buffer
		w, _ = bulk.NewWriter(&again, p2)
		for _, b := range ballots2 {
			w.Write(b)
		}
		w.Flush()
		if !bytes.Equal(enc.Bytes(), again.Bytes()) {
			t.Fatalf("encoding not stable:\n%s\n%s", enc.Bytes(), again.Bytes())
		}
	})
}
