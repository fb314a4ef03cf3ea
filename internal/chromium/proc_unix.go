//go:build unix && !linux

package chromium

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// setProcAttr puts the browser in a process group of its own, so that
// Close can kill it with all its helpers.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup kills the process group that p leads. A group already gone is
// not an error.
func killGroup(p *os.Process) error {
	if err := syscall.Kill(-p.Pid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
		return err
	}
	return nil
}
