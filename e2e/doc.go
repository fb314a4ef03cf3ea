// Package e2e holds the tests that need a real browser: the printed minutes,
// list verdict, summary and ballot papers rendered to PDF in headless
// Chromium and checked page by page with poppler, and the counting station's
// pages driven from the keyboard and measured on a projector's screen.
//
// It is a module of its own (github.com/kiemphieu/kiemphieu/e2e) so that the
// browser driver, github.com/chromedp/chromedp, is never a dependency of a
// program that imports ballot, rules or tally.
//
// Kiểm thử đầu cuối (end-to-end tests): what a counting board prints and
// signs, and what a congress sees on the projector, is tried in the browser
// the way people use it.
//
// The tests skip when Chromium or poppler is missing, and fail instead when
// the environment variable KIEMPHIEU_REQUIRE_CHROMIUM is "1" (as CI sets it).
package e2e
