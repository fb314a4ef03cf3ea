//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package journal

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock (flock) on f without waiting.
// The kernel releases it when the file is closed or the process ends, so a
// crash never leaves a stale lock. busy reports that another holder has it.
func lockFile(f *os.File) (busy bool, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, err
	}
	return false, err
}

// staleLocks says whether a lock file outlives its holder. With flock it
// does not: the lock is the kernel's, the file only names the holder.
const staleLocks = false
