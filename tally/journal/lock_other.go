//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package journal

import "os"

// lockFile is the portable fallback where flock is not available: the lock
// is the lock file itself, created exclusively by acquireLock, so a second
// writer is refused; a crash leaves it behind (staleLocks), and the error
// then tells the operator to remove it once the holder is known to be gone.
func lockFile(*os.File) (busy bool, err error) { return false, nil }

// staleLocks says whether a lock file outlives its holder.
const staleLocks = true
