package chromium

import (
	"context"
	"os"
	"testing"
	"time"
)

// RequireEnv names the environment variable that, set to "1", makes ForTest
// fail a test instead of skipping it when Chromium is missing. CI sets it, so that a test that needs a browser can
// never pass by being skipped.
const RequireEnv = "KIEMPHIEU_REQUIRE_CHROMIUM"

// ForTest launches a browser for the test t (see Find and Launch) and closes
// it when the test ends. Without a browser it skips the test, or fails it if
// RequireEnv is set to "1".
func ForTest(t testing.TB) *Browser {
	t.Helper()
	path := Find()
	if path == "" {
		unavailable(t, "no Chromium: set $CHROMIUM or install chromium")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	b, err := Launch(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Error(err)
		}
	})
	return b
}

// unavailable skips t for want of a tool, or fails it if the environment
// requires the tool.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s (and %s=1 requires it)", why, RequireEnv)
	}
	t.Skipf("%s (set %s=1 to fail instead of skipping)", why, RequireEnv)
}
