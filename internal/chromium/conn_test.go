package chromium

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fake plays the browser's end of the pipes.
type fake struct {
	t  *testing.T
	w  *os.File      // to the conn
	r  *bufio.Reader // from the conn
	mu sync.Mutex    // serialises writes
}

// newFake connects a conn to a fake browser over real pipes, so that write
// deadlines work as they do with Chromium.
func newFake(t *testing.T) (*conn, *fake) {
	t.Helper()
	connR, fakeW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fakeR, connW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := newConn(connR, connW)
	f := &fake{t: t, w: fakeW, r: bufio.NewReader(fakeR)}
	t.Cleanup(func() {
		fakeW.Close()
		<-c.readerDone
		connR.Close()
		connW.Close()
		fakeR.Close()
	})
	return c, f
}

// recv reads the next command.
func (f *fake) recv() request {
	f.t.Helper()
	msg, err := f.r.ReadBytes(0)
	if err != nil {
		f.t.Errorf("fake browser: reading: %v", err)
		return request{}
	}
	var r request
	if err := json.Unmarshal(msg[:len(msg)-1], &r); err != nil {
		f.t.Errorf("fake browser: %v in %q", err, msg)
	}
	return r
}

// send writes one message.
func (f *fake) send(msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.w.Write([]byte(msg + "\x00")); err != nil {
		f.t.Errorf("fake browser: writing: %v", err)
	}
}

// timeout gives a test step a context that ends well before the test would.
func timeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestConnReplies(t *testing.T) {
	c, f := newFake(t)
	ctx := timeout(t, 5*time.Second)
	type result struct{ N int }
	results := make(chan string, 2)
	for _, method := range []string{"A.one", "A.two"} {
		go func() {
			var r result
			err := c.call(ctx, "S", method, map[string]int{"x": 1}, &r)
			results <- fmt.Sprintf("%s %d %v", method, r.N, err)
		}()
	}
	first, second := f.recv(), f.recv()
	for _, r := range []request{first, second} {
		if r.SessionID != "S" || r.ID == 0 || r.Params == nil {
			t.Errorf("request %+v: want session S, an id and params", r)
		}
	}
	// Replies out of order, each to its own caller.
	f.send(fmt.Sprintf(`{"id":%d,"result":{"N":2}}`, second.ID))
	f.send(fmt.Sprintf(`{"id":%d,"result":{"N":1}}`, first.ID))
	got := map[string]bool{<-results: true, <-results: true}
	want := map[string]bool{
		first.Method + " 1 <nil>":  true,
		second.Method + " 2 <nil>": true,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("replies (-want +got):\n%s", diff)
	}
}

func TestConnProtocolError(t *testing.T) {
	c, f := newFake(t)
	ctx := timeout(t, 5*time.Second)
	go func() {
		r := f.recv()
		f.send(fmt.Sprintf(`{"id":%d,"error":{"code":-32000,"message":"No node","data":"id 7"}}`, r.ID))
	}()
	err := c.call(ctx, "", "DOM.focus", nil, nil)
	var pe *ProtocolError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v; want a *ProtocolError", err)
	}
	want := ProtocolError{Method: "DOM.focus", Code: -32000, Message: "No node", Data: "id 7"}
	if diff := cmp.Diff(want, *pe); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}

func TestConnEvents(t *testing.T) {
	c, f := newFake(t)
	ctx := timeout(t, 5*time.Second)
	l := c.listen("S1", "Page.x")
	defer l.close()
	other := c.listen("", "Page.x")
	defer other.close()

	// An event sent before a reply is queued before the reply returns.
	go func() {
		r := f.recv()
		f.send(`{"method":"Page.x","sessionId":"S1","params":{"n":1}}`)
		f.send(`{"method":"Page.x","sessionId":"S2","params":{"n":2}}`)
		f.send(`{"method":"Page.y","sessionId":"S1","params":{"n":3}}`)
		f.send(`{"method":"Page.x","params":{"n":4}}`)
		f.send(fmt.Sprintf(`{"id":%d,"result":{}}`, r.ID))
		f.send(`{"method":"Page.x","sessionId":"S1","params":{"n":5}}`)
	}()
	if err := c.call(ctx, "S1", "Page.go", nil, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for range 2 {
		ev, err := l.next(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ev.sessionID+" "+ev.method+" "+string(ev.params))
	}
	want := []string{`S1 Page.x {"n":1}`, `S1 Page.x {"n":5}`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("session S1 events (-want +got):\n%s", diff)
	}
	if ev, err := other.next(ctx); err != nil || string(ev.params) != `{"n":4}` {
		t.Errorf("browser event: got %+v, %v; want n 4", ev, err)
	}
}

func TestConnEnd(t *testing.T) {
	c, f := newFake(t)
	ctx := timeout(t, 5*time.Second)
	l := c.listen("S", "Page.x")
	defer l.close()
	errs := make(chan error, 2)
	go func() { errs <- c.call(ctx, "", "A.hang", nil, nil) }()
	go func() { _, err := l.next(ctx); errs <- err }()
	f.recv()
	f.w.Close() // the browser dies
	for range 2 {
		if err := <-errs; !errors.Is(err, ErrClosed) || ctx.Err() != nil {
			t.Errorf("got %v; want ErrClosed before the deadline", err)
		}
	}
	start := time.Now()
	if err := c.call(ctx, "", "A.after", nil, nil); !errors.Is(err, ErrClosed) || time.Since(start) > time.Second {
		t.Errorf("call after the end: got %v after %v; want ErrClosed at once", err, time.Since(start))
	}
}

func TestConnCancel(t *testing.T) {
	c, f := newFake(t)
	ctx, cancel := context.WithCancel(t.Context())
	errs := make(chan error, 1)
	go func() { errs <- c.call(ctx, "", "A.slow", nil, nil) }()
	late := f.recv()
	cancel()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Errorf("got %v; want context.Canceled", err)
	}
	// The late reply is dropped and the connection still works.
	f.send(fmt.Sprintf(`{"id":%d,"result":{}}`, late.ID))
	go func() {
		r := f.recv()
		f.send(fmt.Sprintf(`{"id":%d,"result":{"ok":true}}`, r.ID))
	}()
	var r struct{ OK bool }
	if err := c.call(timeout(t, 5*time.Second), "", "A.next", nil, &r); err != nil || !r.OK {
		t.Errorf("call after a cancelled one: got %+v, %v", r, err)
	}
}

func TestConnBlockedWrite(t *testing.T) {
	c, _ := newFake(t) // a browser that never reads
	big := strings.Repeat("x", 1<<20)
	start := time.Now()
	err := c.call(timeout(t, 200*time.Millisecond), "", "A.big", map[string]string{"s": big}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v; want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the blocked write returned after %v", d)
	}
	// Half a message went out: the stream is broken for good.
	if err := c.call(t.Context(), "", "A.next", nil, nil); !errors.Is(err, ErrClosed) {
		t.Errorf("call after a broken write: got %v; want ErrClosed", err)
	}
}

func TestConnMalformed(t *testing.T) {
	c, f := newFake(t)
	ctx := timeout(t, 5*time.Second)
	go func() {
		r := f.recv()
		for _, junk := range []string{"", "not json", "[]", `{"id":"x"}`, `{"id":999,"result":{}}`, `{"method":""}`,
			fmt.Sprintf(`{"id":%d,"error":"flat"}`, r.ID)} {
			f.send(junk)
		}
		f.send(fmt.Sprintf(`{"id":%d,"result":{"n":7}}`, r.ID))
	}()
	var r struct{ N int }
	if err := c.call(ctx, "", "A.b", nil, &r); err != nil || r.N != 7 {
		t.Errorf("got %+v, %v; want n 7 past the junk", r, err)
	}
	// A result that does not fit is an error, not a panic.
	go func() {
		r := f.recv()
		f.send(fmt.Sprintf(`{"id":%d,"result":{"n":"seven"}}`, r.ID))
	}()
	if err := c.call(ctx, "", "A.c", nil, &r); err == nil || !strings.Contains(err.Error(), "A.c: decoding") {
		t.Errorf("got %v; want a decoding error", err)
	}
}

// TestConnConcurrent runs many calls and events at once, for the race
// detector.
func TestConnConcurrent(t *testing.T) {
	c, f := newFake(t)
	ctx := timeout(t, 10*time.Second)
	const n = 50
	go func() {
		for range n {
			r := f.recv()
			f.send(fmt.Sprintf(`{"method":"E.v","sessionId":%q,"params":{}}`, r.SessionID))
			f.send(fmt.Sprintf(`{"id":%d,"result":{"echo":%q}}`, r.ID, r.Method))
		}
	}()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			session := fmt.Sprintf("S%d", i)
			l := c.listen(session, "E.v")
			defer l.close()
			method := fmt.Sprintf("M.m%d", i)
			var r struct{ Echo string }
			if err := c.call(ctx, session, method, nil, &r); err != nil || r.Echo != method {
				t.Errorf("%s: got %q, %v", method, r.Echo, err)
			}
			if _, err := l.next(ctx); err != nil {
				t.Errorf("%s: event: %v", session, err)
			}
		}()
	}
	wg.Wait()
}

// FuzzDispatch feeds arbitrary messages to a connection: none may panic.
func FuzzDispatch(f *testing.F) {
	for _, s := range []string{`{"id":1,"result":{}}`, `{"id":1,"error":{"code":1,"message":"m","data":{"x":1}}}`,
		`{"method":"P.e","sessionId":"S","params":{}}`, `{"id":-1}`, `null`, `{"error":null,"id":1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		c := &conn{pending: map[int64]chan reply{}, listeners: map[*listener]struct{}{}, done: make(chan struct{})}
		c.pending[1] = make(chan reply, 1)
		l := c.listen("S", "P.e")
		c.dispatch(msg)
		l.close()
	})
}
