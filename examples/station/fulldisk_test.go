//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// TestStationFullDisk enters ballots until the disk is full: the operator is
// told whether the last ballot was recorded, the station takes nothing
// more, and what it shows is what the journal holds.
func TestStationFullDisk(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16k"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("mounting a small tmpfs (CI runs as root): %v", err)
		}
		t.Skipf("cannot mount a small tmpfs (needs root; CI runs it): %v", err)
	}
	defer syscall.Unmount(dir, 0)
	path := filepath.Join(dir, "s.journal")
	s, err := openStation(path, "", sampleRd(t), ballot.Vietnamese, "127.0.0.1:0", true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := client{t, s.handler(), s.token}
	acked := 0
	var reply errorReply
	for i := 0; ; i++ {
		if i > 5000 {
			t.Fatal("the disk never filled")
		}
		code, out := c.do("POST", "/api/enter", `{"marks":"...x"}`, nil)
		if code == 200 {
			acked++
			continue
		}
		if code != 507 || json.Unmarshal([]byte(out), &reply) != nil {
			t.Fatalf("the failing write: %d %s", code, out)
		}
		break
	}
	st := c.state()
	data, _ := os.ReadFile(path)
	rep, err := journal.Read(bytes.NewReader(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"write-failed:recorded": acked + 1, "write-failed:not-recorded": acked}[reply.Code]
	if want == 0 || rep.Counter.Len() != want || st.Collected != want || st.Stopped == "" {
		t.Errorf("%s after %d acknowledged: the journal holds %d, the station shows %d, stopped %q", reply.Code, acked, rep.Counter.Len(), st.Collected, st.Stopped)
	}
	if code, _ := c.do("POST", "/api/enter", `{"marks":"...x"}`, nil); code != 503 {
		t.Errorf("an entry after the failure: %d", code)
	}
	t.Logf("%d acknowledged, then %s", acked, reply.Code)
}
