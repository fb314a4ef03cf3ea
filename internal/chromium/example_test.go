package chromium_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/kiemphieu/kiemphieu/internal/chromium"
)

// Print a page of minutes to PDF and check it. In a test, ForTest replaces
// Find and Launch, and RequirePoppler guards PDFInfo and PDFText.
func Example() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b, err := chromium.Launch(ctx, chromium.Find())
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	p, err := b.NewPage(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if err := p.Navigate(ctx, "data:text/html;charset=utf-8,<style>@page{size:A4}</style><p>Tỷ lệ: 14,28 %"); err != nil {
		log.Fatal(err)
	}
	pdf, err := p.PrintPDF(ctx)
	if err != nil {
		log.Fatal(err)
	}
	info, err := chromium.PDFInfo(ctx, pdf)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Pages, info.Paper)
}

// Drive a keyboard-first page: type a figure, press Enter, read it back.
func ExamplePage_Type() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b, err := chromium.Launch(ctx, chromium.Find())
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	p, err := b.NewPage(ctx)
	if err != nil {
		log.Fatal(err)
	}
	page := `<input id=votes autofocus onkeydown="if (event.key === 'Enter') window.saved = this.value">`
	if err := p.Navigate(ctx, "data:text/html,"+page); err != nil {
		log.Fatal(err)
	}
	if err := p.Type(ctx, "1428"); err != nil {
		log.Fatal(err)
	}
	if err := p.Press(ctx, "Enter"); err != nil {
		log.Fatal(err)
	}
	if err := p.WaitFor(ctx, "window.saved === '1428'"); err != nil {
		log.Fatal(err)
	}
	var saved string
	if err := p.Evaluate(ctx, "window.saved", &saved); err != nil {
		log.Fatal(err)
	}
	fmt.Println(saved)
}
