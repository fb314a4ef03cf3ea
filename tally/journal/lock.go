package journal

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// A LockedError is a journal that another writer holds: two stations on one
// journal would both acknowledge ballots and overwrite each other's records.
type LockedError struct {
	Path   string // the journal
	Holder string // who holds it, as the holder wrote it ("pid 4242 on kiosk-1"), or ""
	// Stale is set where the lock cannot be told from one left by a crash
	// (systems without flock): remove Path+".lock" once the holder is known
	// to be gone.
	Stale bool
}

func (e *LockedError) Error() string {
	s := "journal: " + e.Path + " is in use by another station"
	if e.Holder != "" {
		s += " (" + e.Holder + ")"
	}
	if e.Stale {
		s += "; if no station is running, remove " + e.Path + ".lock"
	}
	return s
}

// Message returns the error in language l.
func (e *LockedError) Message(l ballot.Lang) string {
	if l == ballot.English {
		return e.Error()
	}
	s := "nhật ký " + e.Path + " đang được một máy kiểm phiếu khác sử dụng"
	if e.Holder != "" {
		s += " (" + strings.Replace(strings.Replace(e.Holder, "pid", "tiến trình", 1), " on ", " trên máy ", 1) + ")"
	}
	if e.Stale {
		s += "; nếu không còn máy nào chạy, hãy xóa " + e.Path + ".lock"
	}
	return s
}

// A lock is held by a Writer for its whole life: an exclusive flock on
// path+".lock", which names the holder for the error a second writer gets.
type lock struct {
	f    *os.File
	path string
}

// acquireLock takes the journal at path for this process, or returns a
// *LockedError naming the holder.
func acquireLock(path string) (*lock, error) {
	lp := path + ".lock"
	flags := os.O_RDWR | os.O_CREATE
	if staleLocks {
		flags |= os.O_EXCL
	}
	f, err := os.OpenFile(lp, flags, 0o644)
	if err != nil {
		if staleLocks && errors.Is(err, os.ErrExist) {
			holder, _ := os.ReadFile(lp)
			return nil, &LockedError{Path: path, Holder: holderText(holder), Stale: true}
		}
		return nil, fmt.Errorf("journal: cannot lock %s: %w", path, err)
	}
	busy, err := lockFile(f)
	if busy {
		holder := make([]byte, 256)
		n, _ := f.ReadAt(holder, 0)
		f.Close()
		return nil, &LockedError{Path: path, Holder: holderText(holder[:n])}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("journal: cannot lock %s: %w", path, err)
	}
	host, _ := os.Hostname()
	me := "pid " + strconv.Itoa(os.Getpid())
	if host != "" {
		me += " on " + host
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(me+"\n"), 0) // only names the holder; the lock is the flock
	}
	return &lock{f: f, path: lp}, nil
}

// holderText keeps the first line of a lock file, printable and short.
func holderText(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if len(s) > 120 {
		s = s[:120]
	}
	return strings.TrimSpace(s)
}

// release gives the journal up. With flock the file stays (removing it
// would let a waiting writer lock a file a third one no longer sees).
func (l *lock) release() error {
	if l == nil {
		return nil
	}
	if staleLocks {
		os.Remove(l.path)
	}
	return l.f.Close()
}
