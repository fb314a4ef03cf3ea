//go:build linux

package chromium

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// setProcAttr puts the browser in a process group of its own, so that
// Close can kill it with all its helpers, and has the kernel kill it if
// this process dies first (a test binary that times out or panics).
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup kills the process group that p leads. A group already gone is
// not an error.
func killGroup(p *os.Process) error {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		return err
	}
	return nil
}
