// Package webtest starts a headless Chromium for browser tests of the web
// UI, through chromedp.
//
// It is a normal (non-test) package so end-to-end tests in other packages
// can reuse it. NewBrowser skips the test when no browser is installed, so
// a machine without Chromium still passes; CI installs Debian's chromium.
// The launch flags suit a container running as root: no sandbox, no GPU, no
// QUIC, no background networking or component updates, and a fresh
// temporary profile for every test.
package webtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DefaultChromium is where Debian's chromium package installs the browser.
const DefaultChromium = "/usr/bin/chromium"

// ChromiumEnv names an environment variable that, when set, overrides the
// browser path.
const ChromiumEnv = "NEWSGRAPH_CHROMIUM"

// Timeout bounds the whole browser session a test gets.
const Timeout = 60 * time.Second

// NewBrowser launches a headless Chromium and returns a chromedp context
// for one tab, already started. The browser is closed and its profile
// removed when the test ends. It skips the test when the browser is
// missing and fails it when the browser does not start.
func NewBrowser(t testing.TB) context.Context {
	t.Helper()
	path := os.Getenv(ChromiumEnv)
	if path == "" {
		path = DefaultChromium
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("webtest: no browser at %s (install Debian's chromium package, or set %s): %v", path, ChromiumEnv, err)
	}
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1200, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-pings", true),
	)
	ctx, cancelTimeout := context.WithTimeout(context.Background(), Timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	// Cleanups run last-registered first: the browser stops before the
	// profile directory (registered by TempDir above) is removed.
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
	})
	if err := chromedp.Do(browserCtx); err != nil { // starts the browser
		t.Fatalf("webtest: start %s: %v", path, err)
	}
	return browserCtx
}
