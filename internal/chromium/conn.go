package chromium

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf8"
)

// ErrClosed is wrapped by every error that reports a browser or page that
// is gone: closed with Close, or exited on its own (a crash, a kill). Test
// with errors.Is.
var ErrClosed = errors.New("closed")

// ProtocolError is an error the browser returned for one DevTools command,
// such as an unknown method, bad parameters or a missing session.
type ProtocolError struct {
	Method  string // the command, such as "Page.navigate"
	Code    int    // the JSON-RPC style code, such as -32601 or -32000
	Message string // the browser's message
	Data    string // extra detail the browser gave, if any
}

// Error returns "method: message (code N)", with the data appended if any.
func (e *ProtocolError) Error() string {
	s := fmt.Sprintf("%s: %s (code %d)", e.Method, e.Message, e.Code)
	if e.Data != "" {
		s += ": " + e.Data
	}
	return s
}

// conn is one DevTools protocol connection over the pipe transport: each
// message in either direction is a JSON object followed by a NUL byte.
// Commands are matched to their replies by id; events are handed to the
// listeners registered for their session and method. One goroutine reads;
// any number may call and listen.
type conn struct {
	w    io.Writer
	wsem chan struct{} // a token held while writing one message

	mu        sync.Mutex
	nextID    int64
	pending   map[int64]chan reply
	listeners map[*listener]struct{}
	closing   bool  // the end of the connection is expected (Close)
	err       error // why the connection ended; nil while it is open

	done       chan struct{} // closed once err is set
	readerDone chan struct{} // closed when the reader goroutine returns
}

type reply struct {
	result json.RawMessage
	err    error
}

// event is one DevTools event, such as Page.lifecycleEvent.
type event struct {
	sessionID string
	method    string
	params    json.RawMessage
}

// newConn starts reading r, which carries the browser's messages; w carries
// ours. If w has a SetWriteDeadline method (an *os.File pipe has), a write
// that blocks is abandoned when the caller's context is done.
func newConn(r io.Reader, w io.Writer) *conn {
	c := &conn{
		w:          w,
		wsem:       make(chan struct{}, 1),
		pending:    make(map[int64]chan reply),
		listeners:  make(map[*listener]struct{}),
		done:       make(chan struct{}),
		readerDone: make(chan struct{}),
	}
	go c.read(r)
	return c
}

// fail ends the connection with err unless it has already ended: every
// pending call and listener returns. If the end was expected (see
// expectEnd), the reason becomes plainly "browser closed".
func (c *conn) fail(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return
	}
	if c.closing {
		err = fmt.Errorf("browser %w", ErrClosed)
	}
	c.err = err
	close(c.done)
}

// expectEnd marks the coming end of the connection as deliberate.
func (c *conn) expectEnd() {
	c.mu.Lock()
	c.closing = true
	c.mu.Unlock()
}

// failure returns why the connection ended, or nil while it is open.
func (c *conn) failure() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// read delivers the browser's messages until the pipe ends.
func (c *conn) read(r io.Reader) {
	defer close(c.readerDone)
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			// A message cut short by the end of the pipe is dropped.
			if errors.Is(err, io.EOF) {
				c.fail(fmt.Errorf("browser %w unexpectedly: it ended the connection", ErrClosed))
			} else {
				c.fail(fmt.Errorf("browser %w unexpectedly: reading: %v", ErrClosed, err))
			}
			return
		}
		c.dispatch(msg[:len(msg)-1])
	}
}

// incoming is any message from the browser: a reply has an id, an event a
// method.
type incoming struct {
	ID        int64           `json:"id"`
	Method    string          `json:"method"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	SessionID string          `json:"sessionId"`
	Error     *struct {
		Code    int             `json:"code"`
		Message string          `json:"message"`
		Data    json.RawMessage `json:"data"`
	} `json:"error"`
}

// dispatch hands one message to whoever waits for it. A message that is not
// a JSON object, or answers nothing, is dropped: the browser is trusted to
// speak the protocol, but a bad message must not bring the process down.
func (c *conn) dispatch(msg []byte) {
	var m incoming
	if err := json.Unmarshal(msg, &m); err != nil {
		return
	}
	if m.ID != 0 {
		c.mu.Lock()
		ch, ok := c.pending[m.ID]
		delete(c.pending, m.ID)
		c.mu.Unlock()
		if !ok {
			return
		}
		var r reply
		if m.Error != nil {
			r.err = &ProtocolError{Code: m.Error.Code, Message: m.Error.Message, Data: dataText(m.Error.Data)}
		} else {
			r.result = m.Result
		}
		ch <- r // buffered, and only this goroutine sends to it
		return
	}
	if m.Method == "" {
		return
	}
	ev := event{sessionID: m.SessionID, method: m.Method, params: m.Params}
	c.mu.Lock()
	for l := range c.listeners {
		if l.wants(ev) {
			l.push(ev)
		}
	}
	c.mu.Unlock()
}

// dataText renders a protocol error's data field, usually a string.
func dataText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// request is one command to the browser; an empty session addresses the
// browser itself.
type request struct {
	ID        int64  `json:"id"`
	Method    string `json:"method"`
	Params    any    `json:"params,omitempty"`
	SessionID string `json:"sessionId,omitempty"`
}

// call sends a command and waits for its reply, decoding the result into
// result unless it is nil. Errors name the method and carry no package
// prefix; the exported callers add it.
func (c *conn) call(ctx context.Context, sessionID, method string, params, result any) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	c.mu.Lock()
	if c.err != nil {
		err := c.err
		c.mu.Unlock()
		return fmt.Errorf("%s: %w", method, err)
	}
	c.nextID++
	id := c.nextID
	ch := make(chan reply, 1)
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()

	msg, err := json.Marshal(request{ID: id, Method: method, Params: params, SessionID: sessionID})
	if err != nil {
		return fmt.Errorf("%s: encoding the parameters: %w", method, err)
	}
	if err := c.send(ctx, append(msg, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}

	var r reply
	select {
	case r = <-ch:
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	case <-c.done:
		select {
		case r = <-ch: // the reply came in just before the end
		default:
			return fmt.Errorf("%s: %w", method, c.failure())
		}
	}
	if r.err != nil {
		var pe *ProtocolError
		if errors.As(r.err, &pe) {
			pe.Method = method
		}
		return r.err
	}
	if result != nil {
		if err := json.Unmarshal(r.result, result); err != nil {
			return fmt.Errorf("%s: decoding the result: %w", method, err)
		}
	}
	return nil
}

// deadlineWriter is a writer whose blocked writes can be abandoned.
type deadlineWriter interface {
	io.Writer
	SetWriteDeadline(time.Time) error
}

// send writes one whole message. A message written in part leaves the
// stream unusable, so that ends the connection; a write abandoned before
// any byte went out (context done) does not.
func (c *conn) send(ctx context.Context, msg []byte) error {
	select {
	case c.wsem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	case <-c.done:
		return c.failure()
	}
	defer func() { <-c.wsem }()

	stop := func() bool { return true }
	fired := make(chan struct{})
	if dw, ok := c.w.(deadlineWriter); ok {
		if dw.SetWriteDeadline(time.Time{}) == nil {
			stop = context.AfterFunc(ctx, func() {
				defer close(fired)
				_ = dw.SetWriteDeadline(time.Unix(1, 0)) // long past: the write returns now
			})
		}
	}
	n, err := c.w.Write(msg)
	if !stop() {
		<-fired // the deadline was set; wait so it cannot hit the next writer's reset
	}
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		if n == 0 {
			return cerr
		}
		err = fmt.Errorf("writing to the browser: %w after %d of %d bytes", cerr, n, len(msg))
	} else {
		err = fmt.Errorf("writing to the browser: %w", err)
	}
	err = fmt.Errorf("browser %w unexpectedly: %w", ErrClosed, err)
	c.fail(err)
	return err
}

// listener queues the events of one session whose method is among a few,
// from the moment it is made until it is closed. The queue is unbounded so
// that the reader never waits for a slow listener; listeners live for one
// operation (a navigation), so it stays small.
type listener struct {
	c         *conn
	sessionID string
	methods   []string

	mu     sync.Mutex
	queue  []event
	notify chan struct{} // a token when the queue may have grown
}

// listen starts queueing the session's events named in methods. Call close
// when done.
func (c *conn) listen(sessionID string, methods ...string) *listener {
	l := &listener{c: c, sessionID: sessionID, methods: methods, notify: make(chan struct{}, 1)}
	c.mu.Lock()
	c.listeners[l] = struct{}{}
	c.mu.Unlock()
	return l
}

func (l *listener) wants(ev event) bool {
	if ev.sessionID != l.sessionID {
		return false
	}
	for _, m := range l.methods {
		if m == ev.method {
			return true
		}
	}
	return false
}

func (l *listener) push(ev event) {
	l.mu.Lock()
	l.queue = append(l.queue, ev)
	l.mu.Unlock()
	select {
	case l.notify <- struct{}{}:
	default:
	}
}

func (l *listener) pop() (event, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.queue) == 0 {
		return event{}, false
	}
	ev := l.queue[0]
	l.queue[0] = event{}
	l.queue = l.queue[1:]
	return ev, true
}

// next returns the oldest queued event, waiting for one if need be. Events
// that arrived before the connection ended are still returned.
func (l *listener) next(ctx context.Context) (event, error) {
	for {
		if ev, ok := l.pop(); ok {
			return ev, nil
		}
		select {
		case <-l.notify:
		case <-ctx.Done():
			return event{}, ctx.Err()
		case <-l.c.done:
			if ev, ok := l.pop(); ok {
				return ev, nil
			}
			return event{}, l.c.failure()
		}
	}
}

func (l *listener) close() {
	l.c.mu.Lock()
	delete(l.c.listeners, l)
	l.c.mu.Unlock()
}

// clip shortens s to at most n bytes for an error message, without cutting
// a UTF-8 sequence in half.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
