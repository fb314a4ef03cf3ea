package e2e

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/color/palette"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var readme = flag.String("readme", "", "write the README's small screenshots to this directory (../docs/img)")

// maxReadmePNG is the most a committed screenshot may weigh.
const maxReadmePNG = 100 << 10

// saveReadme writes a screenshot for the README: a printed page halved and
// cut to 16 greys, a screen mapped to the web-safe colours, so that it stays
// small; it fails if the file would weigh more than maxReadmePNG.
func saveReadme(t *testing.T, name string, img image.Image) {
	t.Helper()
	if *readme == "" {
		return
	}
	var out image.Image
	switch g := img.(type) {
	case *image.Gray:
		b := g.Bounds()
		half := image.NewGray(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
		for y := 0; y < b.Dy()/2; y++ {
			for x := 0; x < b.Dx()/2; x++ {
				sum := 0
				for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
					sum += int(g.GrayAt(b.Min.X+2*x+d[0], b.Min.Y+2*y+d[1]).Y)
				}
				v := sum / 4
				half.SetGray(x, y, color.Gray{Y: uint8(min(255, (v+8)/17*17))})
			}
		}
		out = half
	default:
		p := image.NewPaletted(img.Bounds(), palette.WebSafe)
		draw.Draw(p, p.Bounds(), img, img.Bounds().Min, draw.Src)
		out = p
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, out); err != nil {
		t.Fatal(err)
	}
	if b.Len() > maxReadmePNG {
		t.Fatalf("%s would weigh %d bytes, more than %d", name, b.Len(), maxReadmePNG)
	}
	if err := os.MkdirAll(*readme, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*readme, name), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
