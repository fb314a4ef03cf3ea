package chromium

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// serve serves each page of pages, HTML by path, and also /count, a page
// that says how many times it has been loaded.
func serve(t *testing.T, pages map[string]string) *httptest.Server {
	t.Helper()
	var loads atomic.Int64
	mux := http.NewServeMux()
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		})
	}
	mux.HandleFunc("/count", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><script>window.loads = %d</script>`, loads.Add(1))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// newPage opens a page in b for the test.
func newPage(t *testing.T, ctx context.Context, b *Browser) *Page {
	t.Helper()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPage(t *testing.T) {
	t.Parallel()
	b := ForTest(t)
	t.Logf("browser %s", b.Version())
	s := serve(t, map[string]string{
		"/blank": `<!doctype html><title>blank</title><p>trống</p>`,
		"/later": `<!doctype html><script>setTimeout(() => { window.ready = true }, 200)</script>`,
		"/unsaved": `<!doctype html><input id=f>
<script>
addEventListener('beforeunload', e => { e.preventDefault(); e.returnValue = 'unsaved' });
document.getElementById('f').focus();
</script>`,
	})
	ctx := timeout(t, 60*time.Second)
	p := newPage(t, ctx, b)

	t.Run("navigate and evaluate", func(t *testing.T) {
		if err := p.Navigate(ctx, s.URL+"/blank"); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := p.Evaluate(ctx, "6 * 7", &n); err != nil || n != 42 {
			t.Errorf("6 * 7: got %d, %v; want 42", n, err)
		}
		var text string
		if err := p.Evaluate(ctx, "document.querySelector('p').textContent", &text); err != nil || text != "trống" {
			t.Errorf("text: got %q, %v; want %q", text, err, "trống")
		}
		type obj struct {
			A int
			B []string
		}
		var o obj
		if err := p.Evaluate(ctx, "Promise.resolve({A: 1, B: ['x', 'y']})", &o); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(obj{1, []string{"x", "y"}}, o); diff != "" {
			t.Errorf("object (-want +got):\n%s", diff)
		}
		if err := p.Evaluate(ctx, "document.title = 'x'", nil); err != nil {
			t.Errorf("nil out: %v", err)
		}
		ptr := &n
		if err := p.Evaluate(ctx, "undefined", &ptr); err != nil || ptr != nil {
			t.Errorf("undefined: got %v, %v; want nil pointer", ptr, err)
		}
		if err := p.Evaluate(ctx, "0/0", &n); err == nil || !strings.Contains(err.Error(), "NaN") {
			t.Errorf("NaN: got %v; want an error naming NaN", err)
		}
	})

	t.Run("exceptions", func(t *testing.T) {
		for _, tc := range []struct{ name, expr, want string }{
			{"thrown error", "throw new Error('boom')", "Uncaught Error: boom"},
			{"thrown string", "throw 'plain'", `"plain"`},
			{"rejected promise", "Promise.reject(new RangeError('far'))", "RangeError: far"},
			{"syntax error", "1 +", "SyntaxError"},
		} {
			err := p.Evaluate(ctx, tc.expr, nil)
			var ex *exceptionError
			if !errors.As(err, &ex) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: got %v; want an exception containing %q", tc.name, err, tc.want)
			}
		}
	})

	t.Run("protocol error", func(t *testing.T) {
		err := p.Call(ctx, "Nope.nope", nil, nil)
		var pe *ProtocolError
		if !errors.As(err, &pe) || pe.Code != -32601 || pe.Method != "Nope.nope" || !strings.Contains(pe.Message, "wasn't found") {
			t.Errorf("got %#v (%v); want a ProtocolError -32601 for Nope.nope", pe, err)
		}
	})

	t.Run("wait for", func(t *testing.T) {
		if err := p.Navigate(ctx, s.URL+"/later"); err != nil {
			t.Fatal(err)
		}
		if err := p.WaitFor(timeout(t, 30*time.Second), "window.ready === true"); err != nil {
			t.Error(err)
		}
		start := time.Now()
		err := p.WaitFor(timeout(t, 300*time.Millisecond), "window.never")
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "window.never") || !strings.Contains(err.Error(), "null") {
			t.Errorf("got %v; want a deadline error naming the expression and its last value", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("timed out after %v; want about 300ms", d)
		}
		err = p.WaitFor(timeout(t, 300*time.Millisecond), "nope.nope")
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "ReferenceError") {
			t.Errorf("got %v; want a deadline error with the last exception", err)
		}
	})

	t.Run("reload", func(t *testing.T) {
		if err := p.Navigate(ctx, s.URL+"/count"); err != nil {
			t.Fatal(err)
		}
		var before, after int
		if err := p.Evaluate(ctx, "window.loads", &before); err != nil {
			t.Fatal(err)
		}
		if err := p.Reload(ctx); err != nil {
			t.Fatal(err)
		}
		if err := p.Evaluate(ctx, "window.loads", &after); err != nil {
			t.Fatal(err)
		}
		if after != before+1 {
			t.Errorf("loads after reload: got %d; want %d", after, before+1)
		}
	})

	t.Run("reload after a server restart", func(t *testing.T) {
		// What the counting station's tests do: the server goes down, a
		// reload fails, the server comes back on the same address, a reload
		// works.
		var gen atomic.Int64
		handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<!doctype html><script>window.gen = %d</script>`, gen.Load())
		})
		start := func(addr string) *httptest.Server {
			l, err := net.Listen("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			s := httptest.NewUnstartedServer(handler)
			s.Listener.Close()
			s.Listener = l
			s.Start()
			t.Cleanup(s.Close)
			return s
		}
		s := start("127.0.0.1:0")
		if err := p.Navigate(ctx, s.URL); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if err := p.Reload(ctx); err == nil {
			t.Error("Reload with the server down: no error")
		} else {
			t.Logf("Reload with the server down: %v", err)
		}
		gen.Store(2)
		start(s.Listener.Addr().String())
		if err := p.Reload(ctx); err != nil {
			t.Fatal(err)
		}
		var g int
		if err := p.Evaluate(ctx, "window.gen", &g); err != nil || g != 2 {
			t.Errorf("gen after restart: got %d, %v; want 2", g, err)
		}
	})

	t.Run("leave a page that asks", func(t *testing.T) {
		// After a key press the page may ask "leave this page?".
		for _, leave := range []func() error{
			func() error { return p.Reload(timeout(t, 30*time.Second)) },
			func() error { return p.Navigate(timeout(t, 30*time.Second), s.URL+"/count") },
		} {
			if err := p.Navigate(ctx, s.URL+"/unsaved"); err != nil {
				t.Fatal(err)
			}
			if err := p.Type(ctx, "12"); err != nil {
				t.Fatal(err)
			}
			if err := leave(); err != nil {
				t.Error(err)
			}
		}
	})

	t.Run("load errors", func(t *testing.T) {
		url := "http://" + closedAddr(t) + "/"
		err := p.Navigate(ctx, url)
		if err == nil || !strings.Contains(err.Error(), "ERR_CONNECTION_REFUSED") {
			t.Errorf("Navigate(%s): got %v; want ERR_CONNECTION_REFUSED", url, err)
		}
		if err := p.Navigate(ctx, "nonsense"); err == nil {
			t.Error("Navigate(nonsense): no error")
		}
	})

	t.Run("close page", func(t *testing.T) {
		q, err := b.NewPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Close(ctx); err != nil {
			t.Fatal(err)
		}
		if err := q.Close(ctx); err != nil {
			t.Errorf("second Close: %v", err)
		}
		if err := q.Evaluate(ctx, "1", nil); !errors.Is(err, ErrClosed) {
			t.Errorf("Evaluate on a closed page: got %v; want ErrClosed", err)
		}
		// The other page lives on.
		if err := p.Evaluate(ctx, "1", nil); err != nil {
			t.Error(err)
		}
	})
}

// closedAddr returns a local address that nothing listens on.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestClose checks that Close ends the browser and all its processes, that
// nothing waits forever afterwards, and that no goroutine is left. It is not
// parallel, so that it counts only its own goroutines.
func TestClose(t *testing.T) {
	path := Find()
	if path == "" {
		unavailable(t, "no Chromium")
	}
	before := runtime.NumGoroutine()
	ctx := timeout(t, 60*time.Second)
	b, err := Launch(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.NewPage(ctx)
	if err != nil {
		b.Close()
		t.Fatal(err)
	}
	pid, dir := b.cmd.Process.Pid, b.dir

	// A wait in progress ends when the browser does.
	waiting := make(chan error, 1)
	go func() { waiting <- p.WaitFor(context.Background(), "false") }()
	time.Sleep(100 * time.Millisecond)

	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-waiting:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("WaitFor during Close: got %v; want ErrClosed", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("WaitFor still waiting 30s after Close")
	}
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}

	start := time.Now()
	for name, err := range map[string]error{
		"Evaluate": p.Evaluate(context.Background(), "1", nil),
		"Navigate": p.Navigate(context.Background(), "about:blank"),
		"Press":    p.Press(context.Background(), "a"),
		"NewPage":  func() error { _, err := b.NewPage(context.Background()); return err }(),
	} {
		if !errors.Is(err, ErrClosed) {
			t.Errorf("%s after Close: got %v; want ErrClosed", name, err)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("calls after Close took %v", d)
	}
	if err := p.Close(context.Background()); err != nil {
		t.Errorf("page Close after browser Close: %v", err)
	}

	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("profile %s still there: %v", dir, err)
	}
	if procs := processesMentioning(t, dir); len(procs) > 0 {
		t.Errorf("browser processes left after Close (pid %d): %v", pid, procs)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("goroutines: %d before Launch, %d after Close", before, n)
	}
}

// TestBrowserDies checks that a browser killed from outside unblocks every
// waiter with ErrClosed.
func TestBrowserDies(t *testing.T) {
	t.Parallel()
	b := ForTest(t)
	ctx := timeout(t, 60*time.Second)
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan error, 2)
	go func() { waiting <- p.WaitFor(context.Background(), "false") }()
	go func() { waiting <- p.Evaluate(context.Background(), "new Promise(() => {})", nil) }()
	time.Sleep(200 * time.Millisecond)
	if err := killGroup(b.cmd.Process); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		select {
		case err := <-waiting:
			if !errors.Is(err, ErrClosed) {
				t.Errorf("got %v; want ErrClosed", err)
			} else {
				t.Logf("after kill: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("still waiting 5s after the browser was killed")
		}
	}
	// The crash handlers live outside the process group; they must end too.
	if err := b.Close(); err != nil {
		t.Error(err)
	}
	var left []string
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if left = processesMentioning(t, b.dir); len(left) == 0 {
			break
		}
	}
	if len(left) > 0 {
		t.Errorf("processes left after the browser was killed and closed: %v", left)
	}
}

// processesMentioning lists the processes whose command line contains s,
// on systems with /proc.
func processesMentioning(t *testing.T, s string) []string {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Logf("no /proc, not checking processes: %v", err)
		return nil
	}
	var found []string
	for _, e := range entries {
		cmdline, err := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if err == nil && strings.Contains(string(cmdline), s) {
			found = append(found, e.Name()+": "+clip(strings.ReplaceAll(string(cmdline), "\x00", " "), 100))
		}
	}
	return found
}

// TestLaunchFails checks that a browser that cannot start, or exits at
// once, is an error soon rather than a wait.
func TestLaunchFails(t *testing.T) {
	ctx := timeout(t, 10*time.Second)
	if _, err := Launch(ctx, ""); err == nil {
		t.Error("Launch(\"\"): no error")
	}
	if _, err := Launch(ctx, "/nonexistent/chromium"); err == nil {
		t.Error("Launch of a missing file: no error")
	}
	exits, err := exec.LookPath("false")
	if err != nil {
		t.Skip("no false command to stand in for a browser that exits")
	}
	start := time.Now()
	_, err = Launch(ctx, exits)
	if !errors.Is(err, ErrClosed) || time.Since(start) > 5*time.Second {
		t.Errorf("Launch of a program that exits: got %v after %v; want ErrClosed at once", err, time.Since(start))
	}
}
