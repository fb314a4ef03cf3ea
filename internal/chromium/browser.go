// Package chromium drives a headless Chromium from Go for tests that need a
// real browser: printing an HTML page to PDF, and typing into an offline
// web app and reading back what it shows.
//
// It speaks the Chrome DevTools Protocol (CDP) over the pipe transport:
// Chromium, started with --remote-debugging-pipe, reads commands from its
// file descriptor 3 and writes replies and events to its descriptor 4, each
// message a JSON object followed by a NUL byte. That needs no websocket
// client and no port, so the package depends on the standard library only.
//
// A Browser is one Chromium process with a throw-away profile; a Page is one
// tab in it, attached with a flattened session. ForTest starts a browser for
// a test, skipping the test when no browser is installed unless the
// environment requires one (see RequireEnv). PDFInfo and PDFText check a
// printed PDF with poppler's pdfinfo and pdftotext.
//
// Launch needs a Unix-like system, where os/exec can hand the child the two
// extra descriptors; on Linux the browser is also killed if this process
// dies first.
package chromium

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Find returns the path of a Chromium binary: $CHROMIUM if set, else the
// first of chromium, chromium-browser, google-chrome and
// google-chrome-stable found on $PATH. It returns "" if there is none.
func Find() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// args returns the command line for a browser with its profile in dir:
// headless, no sandbox (tests often run as root in containers), nothing
// that reaches the network on its own, no crash uploads, and the DevTools
// protocol on fds 3 and 4.
func args(dir string) []string {
	return []string{
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--disable-quic",
		"--no-first-run",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--disable-default-apps",
		"--mute-audio",
		"--disable-breakpad",
		"--remote-debugging-pipe",
		"--user-data-dir=" + dir,
		"about:blank",
	}
}

// Browser is a running headless Chromium with its own temporary profile.
// Its methods are safe for concurrent use. Close it when done.
type Browser struct {
	cmd     *exec.Cmd
	conn    *conn
	dir     string   // the profile, removed by Close
	toB     *os.File // our end of the browser's fd 3
	fromB   *os.File // our end of the browser's fd 4
	stderr  *tail
	version string

	exited  chan struct{} // closed once the process has been waited for
	waitErr error         // how it exited; read only after exited is closed

	closeOnce sync.Once
	closeErr  error
}

// Launch starts the Chromium at path (see Find) headless, with a fresh
// profile in a temporary directory, and waits until it answers on the
// DevTools pipe. ctx bounds the start only; the browser runs until Close.
func Launch(ctx context.Context, path string) (*Browser, error) {
	if path == "" {
		return nil, errors.New("chromium: launching: no browser path (is Chromium installed? see Find)")
	}
	dir, err := os.MkdirTemp("", "kiemphieu-chromium-")
	if err != nil {
		return nil, fmt.Errorf("chromium: launching: making the profile directory: %w", err)
	}
	// Two pipes: the browser reads commands from its fd 3 (cmdR) and writes
	// to its fd 4 (evW).
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("chromium: launching: %w", err)
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		cmdR.Close()
		cmdW.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("chromium: launching: %w", err)
	}

	cmd := exec.Command(path, args(dir)...)
	cmd.ExtraFiles = []*os.File{cmdR, evW}
	// Chromium 156 starts its crash handlers even with --disable-breakpad
	// (--disable-crashpad-for-testing breaks its network service), and they
	// keep their database under $HOME unless told otherwise.
	cmd.Env = append(os.Environ(), "BREAKPAD_DUMP_LOCATION="+filepath.Join(dir, "Crash Reports"))
	stderr := &tail{max: 4 << 10}
	cmd.Stderr = stderr
	// Helpers may inherit stderr; do not let them hold up Wait for long.
	cmd.WaitDelay = time.Second
	setProcAttr(cmd)
	err = cmd.Start()
	// The child holds its own copies of these ends now (or failed to start).
	cmdR.Close()
	evW.Close()
	if err != nil {
		cmdW.Close()
		evR.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("chromium: launching %s: %w", path, err)
	}

	b := &Browser{
		cmd:    cmd,
		conn:   newConn(evR, cmdW),
		dir:    dir,
		toB:    cmdW,
		fromB:  evR,
		stderr: stderr,
		exited: make(chan struct{}),
	}
	go func() {
		b.waitErr = cmd.Wait()
		close(b.exited)
		b.conn.fail(fmt.Errorf("browser %w unexpectedly: the process exited (%v)", ErrClosed, b.waitErr))
	}()

	var v struct {
		Product string `json:"product"`
	}
	if err := b.conn.call(ctx, "", "Browser.getVersion", nil, &v); err != nil {
		b.Close()
		return nil, fmt.Errorf("chromium: launching %s: %w%s", path, err, b.stderrTail())
	}
	b.version = v.Product
	return b, nil
}

// Version returns the browser's product name and version, such as
// "Chrome/156.0.8078.79".
func (b *Browser) Version() string { return b.version }

// stderrTail returns the end of the browser's standard error, for an error
// message, or "" if it wrote nothing.
func (b *Browser) stderrTail() string {
	s := strings.TrimSpace(b.stderr.String())
	if s == "" {
		return ""
	}
	return "\nbrowser stderr (end):\n" + s
}

// Close ends the browser: it asks Chromium to quit, kills its whole process
// group if it has not exited within a few seconds, waits for it, and
// removes the profile directory. (Chromium's crash handlers run outside the
// group and end by themselves with the browser.) Every call in progress on the browser or
// its pages returns an error wrapping ErrClosed, and so does every later
// one. Close is safe to call more than once; later calls return the first
// call's result.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() { b.closeErr = b.close() })
	return b.closeErr
}

func (b *Browser) close() error {
	b.conn.expectEnd()
	// Asking first lets Chromium finish writing its profile, so that the
	// directory can be removed. If it is already gone this fails at once.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	_ = b.conn.call(ctx, "", "Browser.close", nil, nil)
	cancel()

	var errs []error
	select {
	case <-b.exited:
	case <-time.After(3 * time.Second):
	}
	// Kill the group even after a clean exit: a helper process that lost
	// its parent must not live on. While any member lives, the group's id
	// cannot be given to another process.
	if err := killGroup(b.cmd.Process); err != nil {
		errs = append(errs, fmt.Errorf("killing the browser: %w", err))
	}
	select {
	case <-b.exited:
	case <-time.After(30 * time.Second): // a loaded machine can be slow to tear a browser down
		errs = append(errs, fmt.Errorf("browser process %d did not exit after SIGKILL", b.cmd.Process.Pid))
	}
	b.conn.fail(fmt.Errorf("browser %w", ErrClosed))
	b.toB.Close()
	b.fromB.Close()
	<-b.conn.readerDone

	if err := removeAll(b.dir); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("chromium: closing: %w", err)
	}
	return nil
}

// removeAll removes dir, retrying briefly: a process that has just died may
// have left files being written.
func removeAll(dir string) error {
	var err error
	for range 10 {
		if err = os.RemoveAll(dir); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("removing the profile: %w", err)
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
