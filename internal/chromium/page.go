package chromium

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// Page is one tab of a Browser, driven through its own DevTools session.
// Its methods are safe for concurrent use, but key presses sent from
// several goroutines interleave. Dialogs other than beforeunload (alert,
// confirm, prompt) are not answered: a page that opens one stops until the
// caller's context ends, or answers it with Call and
// Page.handleJavaScriptDialog.
type Page struct {
	b         *Browser
	targetID  string
	sessionID string
	closed    atomic.Bool
}

// NewPage opens a blank tab and attaches to it, with the Page and Runtime
// domains and lifecycle events enabled, and focus emulated so that the page
// behaves as the focused window (focus events, :focus, document.hasFocus)
// even though nothing is on screen.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.conn.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, fmt.Errorf("chromium: opening a page: %w", err)
	}
	p := &Page{b: b, targetID: t.TargetID}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	err := b.conn.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s)
	if err == nil {
		p.sessionID = s.SessionID
		for _, c := range []struct {
			method string
			params any
		}{
			{"Page.enable", nil},
			{"Page.setLifecycleEventsEnabled", map[string]any{"enabled": true}},
			{"Runtime.enable", nil},
			{"Emulation.setFocusEmulationEnabled", map[string]any{"enabled": true}},
		} {
			if err = p.call(ctx, c.method, c.params, nil); err != nil {
				break
			}
		}
	}
	if err != nil {
		// Do not leave a half-made tab behind, even if ctx is done.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		_ = p.Close(cctx)
		cancel()
		return nil, fmt.Errorf("chromium: opening a page: %w", err)
	}
	return p, nil
}

// call sends a command in the page's session.
func (p *Page) call(ctx context.Context, method string, params, result any) error {
	if p.closed.Load() {
		return fmt.Errorf("%s: page %w", method, ErrClosed)
	}
	return p.b.conn.call(ctx, p.sessionID, method, params, result)
}

// Call sends any DevTools command in the page's session, for what the
// other methods do not cover, and decodes its result into result unless
// result is nil. params is encoded as JSON; nil sends none. An error the
// browser reports is a *ProtocolError.
func (p *Page) Call(ctx context.Context, method string, params, result any) error {
	if err := p.call(ctx, method, params, result); err != nil {
		return fmt.Errorf("chromium: %w", err)
	}
	return nil
}

// lifecycleEvent is the part of Page.lifecycleEvent used here.
type lifecycleEvent struct {
	Name     string `json:"name"`
	LoaderID string `json:"loaderId"`
}

// frameNavigated is the part of Page.frameNavigated used here.
type frameNavigated struct {
	Frame struct {
		ParentID       string `json:"parentId"`
		LoaderID       string `json:"loaderId"`
		URL            string `json:"url"`
		UnreachableURL string `json:"unreachableUrl"`
	} `json:"frame"`
}

// Navigate loads url in the page and waits for its load event and the
// rendering update after it, when an autofocus field gets the focus. A page that
// cannot be loaded at all (refused connection, unknown host, bad URL) is an
// error carrying Chromium's reason, such as net::ERR_CONNECTION_REFUSED; an
// HTTP error status is not, since the page it brings loads. A navigation
// within the same document (a #fragment) returns without waiting. If the
// page asks "leave this page?" (beforeunload), the answer is yes.
func (p *Page) Navigate(ctx context.Context, url string) error {
	l := p.b.conn.listen(p.sessionID, "Page.lifecycleEvent")
	defer l.close()
	defer p.acceptLeaving(ctx)()
	var r struct {
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	if err := p.call(ctx, "Page.navigate", map[string]any{"url": url}, &r); err != nil {
		return fmt.Errorf("chromium: navigating to %s: %w", url, err)
	}
	if r.ErrorText != "" {
		settle(ctx, l, r.ErrorText, r.LoaderID)
		return fmt.Errorf("chromium: navigating to %s: %s", url, r.ErrorText)
	}
	if r.LoaderID == "" {
		return nil
	}
	if err := waitLoad(ctx, l, r.LoaderID); err != nil {
		return fmt.Errorf("chromium: navigating to %s: waiting for the load event: %w", url, err)
	}
	p.awaitFrame(ctx)
	return nil
}

// awaitFrame waits for the page's next rendering update, at most a second.
// Chromium focuses an autofocus field there, not before the load event:
// keys typed just after the load event would otherwise go astray about one
// time in fifteen.
func (p *Page) awaitFrame(ctx context.Context) {
	// Best effort: a page that replaces itself meanwhile is no error here.
	_ = p.evaluate(ctx, "new Promise(r => { requestAnimationFrame(() => r()); setTimeout(r, 1000) })", nil)
}

// acceptLeaving accepts every "leave this page?" prompt (a beforeunload
// handler's, shown once the user has interacted with the page) until the
// function it returns is called. Without it, leaving such a page waits for
// an answer that never comes: Page.navigate does not even reply.
func (p *Page) acceptLeaving(ctx context.Context) (stop func()) {
	l := p.b.conn.listen(p.sessionID, "Page.javascriptDialogOpening")
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer l.close()
		for {
			ev, err := l.next(ctx)
			if err != nil {
				return
			}
			var d struct {
				Type string `json:"type"`
			}
			if json.Unmarshal(ev.params, &d) == nil && d.Type == "beforeunload" {
				_ = p.call(ctx, "Page.handleJavaScriptDialog", map[string]any{"accept": true}, nil)
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// waitLoad waits for the load lifecycle event of the document that loader
// brings. Events of other documents (an earlier one, a frame) are skipped.
func waitLoad(ctx context.Context, l *listener, loader string) error {
	for {
		ev, err := l.next(ctx)
		if err != nil {
			return err
		}
		if ev.method != "Page.lifecycleEvent" {
			continue
		}
		var lc lifecycleEvent
		if json.Unmarshal(ev.params, &lc) == nil && lc.Name == "load" && lc.LoaderID == loader {
			return nil
		}
	}
}

// settle waits a little for the error page that Chromium shows after a
// failed navigation to load: until it has, the page refuses some commands
// ("Not attached to an active page"). A navigation aborted (a download, a
// 204 response) shows none, so there is nothing to wait for.
func settle(ctx context.Context, l *listener, errorText, loader string) {
	if loader == "" || errorText == "net::ERR_ABORTED" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	_ = waitLoad(ctx, l, loader) // the navigation's own error matters more
}

// Reload reloads the page and waits for the new document's load event and
// the rendering update after it, as Navigate does. If
// the page cannot be reached (the server is down), Chromium shows its error
// page and Reload returns an error. If the page asks "leave this page?"
// (beforeunload), the answer is yes.
func (p *Page) Reload(ctx context.Context) error {
	l := p.b.conn.listen(p.sessionID, "Page.frameNavigated", "Page.lifecycleEvent")
	defer l.close()
	defer p.acceptLeaving(ctx)()
	if err := p.call(ctx, "Page.reload", nil, nil); err != nil {
		return fmt.Errorf("chromium: reloading: %w", err)
	}
	// Page.reload does not say which document it brings; the main frame's
	// next navigation does.
	for {
		ev, err := l.next(ctx)
		if err != nil {
			return fmt.Errorf("chromium: reloading: waiting for the navigation: %w", err)
		}
		if ev.method != "Page.frameNavigated" {
			continue
		}
		var fn frameNavigated
		if json.Unmarshal(ev.params, &fn) != nil || fn.Frame.ParentID != "" {
			continue
		}
		if fn.Frame.UnreachableURL != "" {
			settle(ctx, l, "", fn.Frame.LoaderID)
			return fmt.Errorf("chromium: reloading: %s could not be loaded", fn.Frame.UnreachableURL)
		}
		if err := waitLoad(ctx, l, fn.Frame.LoaderID); err != nil {
			return fmt.Errorf("chromium: reloading: waiting for the load event: %w", err)
		}
		p.awaitFrame(ctx)
		return nil
	}
}

// evaluated is the result of Runtime.evaluate.
type evaluated struct {
	Result struct {
		Type                string          `json:"type"`
		Value               json.RawMessage `json:"value"`
		UnserializableValue string          `json:"unserializableValue"`
	} `json:"result"`
	ExceptionDetails *struct {
		Text      string `json:"text"`
		Exception *struct {
			Description string          `json:"description"`
			Value       json.RawMessage `json:"value"`
		} `json:"exception"`
	} `json:"exceptionDetails"`
}

// exceptionError is a JavaScript exception thrown by an evaluated
// expression, or the rejection of the promise it returned.
type exceptionError struct{ text string }

func (e *exceptionError) Error() string { return e.text }

// exceptionText renders a thrown exception as the console would put it on
// one line: "Uncaught Error: boom".
func (r *evaluated) exceptionText() string {
	d := r.ExceptionDetails
	text := d.Text
	if d.Exception != nil {
		what := d.Exception.Description
		if what == "" {
			what = string(d.Exception.Value)
		}
		what, _, _ = strings.Cut(what, "\n") // drop the stack trace
		if what != "" {
			text += " " + what
		}
	}
	return text
}

// Evaluate runs the JavaScript expression expr in the page's main frame,
// waits for the promise if it returns one, and decodes the value, passed as
// JSON, into out. out may be nil to ignore the value. A thrown exception or
// rejected promise is an error carrying its text, such as "Uncaught Error:
// boom". undefined decodes as null; NaN, Infinity, -0 and BigInt values,
// which JSON cannot carry, are an error unless out is nil.
func (p *Page) Evaluate(ctx context.Context, expr string, out any) error {
	if err := p.evaluate(ctx, expr, out); err != nil {
		return fmt.Errorf("chromium: evaluating %q: %w", clip(expr, 80), err)
	}
	return nil
}

func (p *Page) evaluate(ctx context.Context, expr string, out any) error {
	var r evaluated
	params := map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}
	if err := p.call(ctx, "Runtime.evaluate", params, &r); err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return &exceptionError{r.exceptionText()}
	}
	if out == nil {
		return nil
	}
	if u := r.Result.UnserializableValue; u != "" {
		return fmt.Errorf("the value %s cannot be passed as JSON", u)
	}
	v := r.Result.Value
	if len(v) == 0 {
		v = json.RawMessage("null") // undefined, or a value with no JSON form
	}
	if err := json.Unmarshal(v, out); err != nil {
		return fmt.Errorf("decoding the value %s: %w", clip(string(v), 200), err)
	}
	return nil
}

// WaitFor evaluates the JavaScript expression expr every 50 ms until its
// value is true, and returns an error when ctx is done first. The error
// names the expression and its last value or exception. Exceptions and a
// page being replaced do not stop the polling; a closed browser or page
// does.
func (p *Page) WaitFor(ctx context.Context, expr string) error {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	last := "not evaluated yet"
	for {
		var v json.RawMessage
		err := p.evaluate(ctx, expr, &v)
		switch {
		case err == nil && bytes.Equal(bytes.TrimSpace(v), []byte("true")):
			return nil
		case err == nil:
			last = "value " + clip(string(v), 200)
		case errors.Is(err, ErrClosed):
			return fmt.Errorf("chromium: waiting for %q: %w", clip(expr, 80), err)
		case ctx.Err() != nil:
			// Cut short by ctx; the previous value stands.
		default:
			last = clip(err.Error(), 200)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("chromium: waiting for %q to be true: %w (last: %s)", clip(expr, 80), ctx.Err(), last)
		case <-tick.C:
		}
	}
}

// Close closes the tab. Later calls on the page return an error wrapping
// ErrClosed. Closing a page twice, or after its browser, is not an error.
func (p *Page) Close(ctx context.Context) error {
	if p.closed.Swap(true) {
		return nil
	}
	err := p.b.conn.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": p.targetID}, nil)
	if err != nil && !errors.Is(err, ErrClosed) {
		return fmt.Errorf("chromium: closing the page: %w", err)
	}
	return nil
}
