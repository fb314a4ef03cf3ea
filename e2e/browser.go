package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RequireEnv names the environment variable that, set to "1", makes a test
// fail instead of skipping when Chromium or poppler is missing. CI sets it,
// so that a browser test can never pass by being skipped.
const RequireEnv = "KIEMPHIEU_REQUIRE_CHROMIUM"

// FindChromium returns the path of a Chromium binary: $CHROMIUM if set, else
// the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on $PATH; "" if there is none.
func FindChromium() string {
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

// Unavailable skips t for want of a tool, or fails it if RequireEnv is set.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s (and %s=1 requires it)", why, RequireEnv)
	}
	t.Skipf("%s (set %s=1 to fail instead of skipping)", why, RequireEnv)
}

// Browser starts a headless Chromium for the test t with a throw-away
// profile, and returns a context for its first tab; the browser is closed
// when the test ends. Running as root in a container needs --no-sandbox;
// the background-networking flags keep Chromium from reaching for Google's
// hosts on a closed network.
func Browser(t testing.TB) context.Context {
	t.Helper()
	path := FindChromium()
	if path == "" {
		Unavailable(t, "no Chromium: set $CHROMIUM or install chromium")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("font-render-hinting", "none"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	// The first run starts the browser, which lives as long as the context
	// of that run: it has no deadline of its own.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("starting %s: %v", path, err)
	}
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return ctx
}

// Tab opens a new tab in the browser of ctx (a context from Browser), with
// a deadline; the tab closes when the test ends.
func Tab(t testing.TB, browser context.Context, timeout time.Duration) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	ctx, cancelT := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelT()
		cancel()
	})
	return ctx
}

// PrintPDF prints the tab's page as Chromium's print dialog would, with the
// page's own @page size and margins, backgrounds, and no header or footer
// of the browser's own.
func PrintPDF(ctx context.Context) ([]byte, error) {
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		return nil, fmt.Errorf("printing to PDF: %w", err)
	}
	return pdf, nil
}

// WaitFor polls the JavaScript expression expr until it is true or the
// context ends; an exception (an element not there yet) counts as false.
func WaitFor(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void]("(() => { try { return "+expr+" } catch (e) { return false } })()",
		chromedp.WithPollingInterval(20*time.Millisecond))
}

// Eval evaluates the JavaScript expression expr in the tab of ctx and
// decodes its value into a T.
func Eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}
