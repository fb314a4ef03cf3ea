//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// TestManyRejectedMemory runs the program on 500,000 lines of "{}" (200,000
// under the race detector) in a child process and reads its peak resident
// memory from the kernel: the rejections are printed as they are found, so
// it stays under 100 MiB (before, every rejection was held: 2,000,000 lines
// reached 2.1 GiB, about 1.1 KiB a line).
func TestManyRejectedMemory(t *testing.T) {
	lines := 500_000
	if raceEnabled {
		lines = 200_000 // the race detector makes each line ten times slower
	}
	if os.Getenv("KIEMPHIEU_AGGREGATE_CHILD") != "" {
		var errs countingWriter
		err := run(strings.NewReader(strings.Repeat("{}\n", lines)), io.Discard, &errs, []string{"-"})
		if !errors.Is(err, errRejected) || errs.lines != lines {
			fmt.Printf("child: %d lines rejected, %v\n", errs.lines, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestManyRejectedMemory$")
	cmd.Env = append(os.Environ(), "KIEMPHIEU_AGGREGATE_CHILD=1", "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage on this system")
	}
	peak := ru.Maxrss // KiB on Linux
	t.Logf("%d rejected lines: peak RSS %d KiB", lines, peak)
	limit := int64(100 << 10)
	if raceEnabled {
		limit = 150 << 10 // the race detector's shadow memory; held rejections would be over 200 MiB
	}
	if int64(peak) > limit {
		t.Errorf("peak RSS %d KiB for %d rejected lines, more than %d KiB", peak, lines, limit)
	}
}

// countingWriter counts the lines written to it and keeps none.
type countingWriter struct{ lines int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.lines += bytes.Count(p, []byte("\n"))
	return len(p), nil
}
