package journal_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// The crash test runs this test binary as a kiosk: with KIEMPHIEU_KIOSK set
// to a journal path, TestKiosk resumes the journal, says how many entries it
// holds, and then, for each line "marks" on its input, appends the entry and
// answers "ack N" only after Append returned, that is after the record was
// synced.
func TestKiosk(t *testing.T) {
	path := os.Getenv("KIEMPHIEU_KIOSK")
	if path == "" {
		t.Skip("the kiosk process of TestCrash")
	}
	w, rep, err := journal.Resume(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, "ready", rep.Counter.Len())
	out.Flush()
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		seq := w.State().Counter.Len() + 1
		if _, err := w.Append(journal.Event{Type: journal.TypeEnter, Seq: seq, Marks: in.Text()}); err != nil {
			fmt.Fprintln(out, "error", err)
			out.Flush()
			os.Exit(3)
		}
		fmt.Fprintln(out, "ack", seq)
		out.Flush()
	}
	os.Exit(0)
}

// TestCrash kills a real kiosk process with SIGKILL at random moments while
// ballots are being entered, restarts it, and re-sends what it has not
// acknowledged, as an operator would from the screen. Over 100 trials,
// every acknowledged ballot must be in the journal exactly once, in order,
// and the finished journal must hold exactly the ballots of the stack.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	stackMarks := []string{"xx...", ".xx..", "..xx.", "x...x", "xx..x", ".x.x.", "x.x..", "..x.x", "x..x.", ".xxx."}
	const trials, ballots = 100, 30
	rng := rand.New(rand.NewPCG(1, 2))
	kills := 0
	for trial := range trials {
		dir := t.TempDir()
		path := filepath.Join(dir, "kiosk.journal")
		w, err := journal.Create(path, testRound())
		if err != nil {
			t.Fatal(err)
		}
		w.Close()
		stack := make([]string, ballots)
		for i := range stack {
			stack[i] = stackMarks[rng.IntN(len(stackMarks))]
		}
		acked := 0 // the highest entry the kiosk acknowledged, over all its lives
		for life := 0; ; life++ {
			if life > 50 {
				t.Fatalf("trial %d: the kiosk never finished", trial)
			}
			cmd := exec.Command(exe, "-test.run=^TestKiosk$")
			// A race-detecting binary sleeps a second at exit unless told
			// not to; the kiosk exits hundreds of times.
			cmd.Env = append(os.Environ(), "KIEMPHIEU_KIOSK="+path, "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
			stdin, _ := cmd.StdinPipe()
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := bufio.NewScanner(stdout)
			if !lines.Scan() {
				cmd.Wait()
				t.Fatalf("trial %d life %d: no greeting", trial, life)
			}
			have, ok := strings.CutPrefix(lines.Text(), "ready ")
			n, _ := strconv.Atoi(have)
			if !ok || n < acked || n > acked+1 {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("trial %d life %d: %q after %d acknowledged", trial, life, lines.Text(), acked)
			}
			// n entries are in the journal: at least every one acknowledged,
			// plus perhaps the one in flight when the kiosk died.
			acked = n
			if n == ballots {
				stdin.Close()
				cmd.Wait()
				break
			}
			// Kill it after a random number of acknowledgements or at a
			// random moment, unless this life is to finish the stack.
			finish := rng.IntN(4) == 0
			killAfter := n + 1 + rng.IntN(ballots-n)
			var timer *time.Timer
			if !finish {
				timer = time.AfterFunc(time.Duration(rng.IntN(20000))*time.Microsecond, func() { cmd.Process.Signal(syscall.SIGKILL) })
			}
			go func() {
				for _, m := range stack[n:] {
					if _, err := fmt.Fprintln(stdin, m); err != nil {
						return
					}
				}
				stdin.Close()
			}()
			for lines.Scan() {
				seq, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "ack "))
				if err != nil || seq != acked+1 {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("trial %d: %q after %d", trial, lines.Text(), acked)
				}
				acked = seq
				if !finish && seq >= killAfter {
					cmd.Process.Signal(syscall.SIGKILL)
				}
			}
			err := cmd.Wait()
			if timer != nil {
				timer.Stop()
			}
			if st, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && st.Signaled() {
				kills++
			} else if err != nil {
				t.Fatalf("trial %d: the kiosk failed: %v", trial, err)
			}
		}
		data, _ := os.ReadFile(path)
		pin, _ := os.ReadFile(path + ".head")
		pinned, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(string(pin)), "kiemphieu.journal.head/2 "), " next ")
		head, err := journal.ParseHead(pinned)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := journal.Read(strings.NewReader(string(data)), &head)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		got := rep.Counter.Entries()
		if len(got) != ballots {
			t.Fatalf("trial %d: %d entries, want %d", trial, len(got), ballots)
		}
		for i, e := range got {
			if journal.Marks(e.Ballot) != stack[i] {
				t.Fatalf("trial %d: entry %d is %q, the stack's ballot %d is %q", trial, i+1, journal.Marks(e.Ballot), i+1, stack[i])
			}
		}
	}
	if kills < trials {
		t.Errorf("only %d kills in %d trials", kills, trials)
	}
	t.Logf("%d trials, %d kills", trials, kills)
}

// TestTwoProcesses: a kiosk process holds the journal; another process
// opening it is refused with the kiosk's process id, and gets it once the
// kiosk has exited.
func TestTwoProcesses(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kiosk.journal")
	w, err := journal.Create(path, testRound())
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	cmd := exec.Command(exe, "-test.run=^TestKiosk$")
	cmd.Env = append(os.Environ(), "KIEMPHIEU_KIOSK="+path, "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "ready") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the kiosk did not start: %q", lines.Text())
	}
	_, _, err = journal.Resume(path)
	var le *journal.LockedError
	pid := "pid " + strconv.Itoa(cmd.Process.Pid)
	if !errors.As(err, &le) || (le.Holder != pid && !strings.HasPrefix(le.Holder, pid+" ")) {
		t.Errorf("a second process while the kiosk runs: %v", err)
	}
	stdin.Close()
	cmd.Wait()
	w, _, err = journal.Resume(path)
	if err != nil {
		t.Fatalf("after the kiosk exited: %v", err)
	}
	w.Close()
}
