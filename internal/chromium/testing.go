package chromium

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// RequireEnv names the environment variable that, set to "1", makes ForTest
// and RequirePoppler fail a test instead of skipping it when Chromium or
// poppler is missing. CI sets it, so that a test that needs a browser can
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

// RequirePoppler checks that poppler's pdfinfo and pdftotext, which PDFInfo
// and PDFText run, are on $PATH. Without them it skips the test, or fails it
// if RequireEnv is set to "1".
func RequirePoppler(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			unavailable(t, "no "+tool+": install poppler-utils")
		}
	}
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
