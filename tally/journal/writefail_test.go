//go:build linux

package journal_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// enterUntilFailure appends ballots until a write fails, and returns how
// many were acknowledged and the failure. The stack cycles through sample.
func enterUntilFailure(t *testing.T, w *journal.Writer, max int) (int, *journal.WriteError) {
	t.Helper()
	for i := range max {
		seq := w.State().Counter.Len() + 1
		_, err := w.Append(journal.Enter(seq, sample[i%len(sample)]))
		if err == nil {
			continue
		}
		var we *journal.WriteError
		if !errors.As(err, &we) {
			t.Fatalf("entry %d: %v is not a WriteError", seq, err)
		}
		return seq - 1, we
	}
	t.Fatalf("no write failed in %d entries", max)
	return 0, nil
}

// checkAfterFailure checks what a failed write must leave: the writer's
// state is a replay of the file, the outcome says whether entry seq is in
// it, and the writer refuses anything more.
func checkAfterFailure(t *testing.T, w *journal.Writer, path string, acked int, we *journal.WriteError) {
	t.Helper()
	rep := readAll(t, path)
	if rep.Torn != 0 {
		t.Errorf("a partial record of %d bytes was left in the file", rep.Torn)
	}
	want := acked
	if we.Outcome == journal.Recorded {
		want++
	}
	if we.Outcome == journal.Unknown || rep.Counter.Len() != want || we.Head != rep.Head {
		t.Errorf("outcome %s with %d acknowledged: the file holds %d entries, head %v (reported %v)", we.Outcome, acked, rep.Counter.Len(), rep.Head, we.Head)
	}
	if diff := cmp.Diff(rep.Counter.Entries(), w.State().Counter.Entries()); diff != "" || w.Head() != rep.Head {
		t.Errorf("the writer's state is not the file's (-file +writer):\n%s", diff)
	}
	if _, err := w.Append(journal.Enter(want+1, sample[0])); !errors.Is(err, journal.ErrStopped) {
		t.Errorf("an append after the failure: %v", err)
	}
}

// TestFullDisk fills a small file system while ballots are entered: the
// failure is reported with what was recorded, the writer's state is the
// file's, it stops, and once there is room again the journal resumes with
// exactly the acknowledged ballots (and the one reported recorded).
func TestFullDisk(t *testing.T) {
	dir := t.TempDir()
	// 16 KiB of tmpfs: a page for the journal, one for the pin, and a few
	// to spare; the journal fills it within a few dozen ballots.
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=16k"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("mounting a small tmpfs (CI runs as root): %v", err)
		}
		t.Skipf("cannot mount a small tmpfs (needs root; CI runs it): %v", err)
	}
	defer syscall.Unmount(dir, 0)
	path := filepath.Join(dir, "j")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	acked, we := enterUntilFailure(t, w, 10000)
	if !errors.Is(we, syscall.ENOSPC) {
		t.Errorf("the failure is not a full disk: %v", we)
	}
	checkAfterFailure(t, w, path, acked, we)
	w.Close()
	t.Logf("%d ballots acknowledged, then %v", acked, we)
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT, "size=1m"); err != nil {
		t.Fatal(err)
	}
	w, rep, err := journal.Resume(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	n := rep.Counter.Len()
	if n != acked && !(we.Outcome == journal.Recorded && n == acked+1) {
		t.Errorf("resumed with %d entries after %d acknowledged (%s)", n, acked, we.Outcome)
	}
	mustAppend(t, w, journal.Enter(n+1, sample[0]))
}

// TestFileSizeLimit runs a station process under a file size limit
// (RLIMIT_FSIZE, SIGXFSZ ignored, as `ulimit -f` in a shell): the failing
// write is reported with its outcome, and the journal read afterwards holds
// every acknowledged ballot, and the failing one only when it was reported
// recorded.
func TestFileSizeLimit(t *testing.T) {
	if path := os.Getenv("KIEMPHIEU_FSIZE"); path != "" {
		fileSizeChild(t, path)
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{1500, 2000, 2600, 3100} {
		path := filepath.Join(t.TempDir(), "j")
		w, err := journal.Create(path, testRound())
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		cmd := exec.Command(exe, "-test.run=^TestFileSizeLimit$")
		cmd.Env = append(os.Environ(), "KIEMPHIEU_FSIZE="+path, "KIEMPHIEU_FSIZE_LIMIT="+strconv.Itoa(limit), "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("limit %d: the child failed: %v\n%s", limit, err, out)
		}
		var acked int
		var outcome string
		for line := range strings.Lines(string(out)) {
			if v, ok := strings.CutPrefix(line, "result "); ok {
				fmt.Sscan(v, &acked, &outcome)
			}
		}
		if outcome == "" {
			t.Fatalf("limit %d: no result from the child:\n%s", limit, out)
		}
		rep := readAll(t, path)
		want := acked
		if outcome == journal.Recorded.String() {
			want++
		}
		if rep.Counter.Len() != want || outcome == journal.Unknown.String() {
			t.Errorf("limit %d: %d acknowledged, outcome %s, the journal holds %d", limit, acked, outcome, rep.Counter.Len())
		}
		w, rep, err = journal.Resume(path)
		if err != nil {
			t.Fatalf("limit %d: resume: %v", limit, err)
		}
		if rep.Counter.Len() != want {
			t.Errorf("limit %d: resumed with %d entries, want %d", limit, rep.Counter.Len(), want)
		}
		w.Close()
		t.Logf("limit %d bytes: %d acknowledged, then %s", limit, acked, outcome)
	}
}

// fileSizeChild is the station process of TestFileSizeLimit.
func fileSizeChild(t *testing.T, path string) {
	limit, _ := strconv.ParseUint(os.Getenv("KIEMPHIEU_FSIZE_LIMIT"), 10, 64)
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		t.Fatal(err)
	}
	w, _, err := journal.Resume(path)
	if err != nil {
		t.Fatal(err)
	}
	acked, we := enterUntilFailure(t, w, 1000)
	if !errors.Is(we, syscall.EFBIG) {
		t.Errorf("the failure is not the size limit: %v", we)
	}
	checkAfterFailure(t, w, path, acked, we)
	w.Close()
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "result", acked, we.Outcome)
	out.Flush()
}
