package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// longList writes a congress document with n candidates, Vietnamese names
// long and short, for seats = n-1, and one delegate convened: D = 1, so
// that one ballot gives every name left standing 1 vote, "100,00 %" — the
// widest figure.
func longList(t *testing.T, n int) string {
	t.Helper()
	family := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middle := []string{"Văn", "Thị", "Hữu", "Đức", "Thị Phương", "Minh", "Quang", "Thị Ngọc", "Xuân", "Thanh Tuấn"}
	given := []string{"An", "Bình", "Chiến", "Dũng", "Hằng", "Khánh", "Lan", "Mỹ", "Nguyệt", "Phượng", "Quỳnh", "Thắng", "Tuyết", "Yến", "Trường Giang"}
	type cand struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	var cands []cand
	var ids []string
	for i := range n {
		name := fmt.Sprintf("%s %s %s", family[i%len(family)], middle[(i/len(family))%len(middle)], given[(i*7)%len(given)])
		id := fmt.Sprintf("c%03d", i+1)
		cands = append(cands, cand{id, name})
		ids = append(ids, id)
	}
	doc := map[string]any{
		"format":     "kiemphieu.congress/1",
		"name":       "Đại hội đại biểu Đảng bộ tỉnh Thử Nghiệm lần thứ XX",
		"level":      "province",
		"roster":     map[string]any{"delegates": map[string]any{"official": 1, "present": 1}},
		"candidates": cands,
		"contests":   []any{map[string]any{"id": "bch", "office": "committee", "seats": n - 1, "candidates": ids}},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "long.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// screenFit is what the projector test measures in the browser.
type screenFit struct {
	Rows, Outside, Wrapped int
	Columns                string
	Statuses               []string
	First                  string // the first name outside or wrapped, to say which
}

// measure counts the rows of the projector, those not wholly inside the
// viewport, and the figures (votes, share, the totals) laid out on more
// than one line.
const measure = `(() => {
  const out = {Rows: 0, Outside: 0, Wrapped: 0, Columns: document.getElementById("standings").dataset.columns || "", Statuses: [], First: ""};
  const lines = (el) => { const r = document.createRange(); r.selectNodeContents(el); return new Set(Array.from(r.getClientRects()).map(q => Math.round(q.top))).size; };
  for (const tr of document.querySelectorAll("#standings tbody tr")) {
    out.Rows++;
    const r = tr.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) { out.Outside++; out.First = out.First || tr.cells[1].textContent; }
    for (const td of tr.querySelectorAll("td.num")) if (lines(td) > 1) { out.Wrapped++; out.First = out.First || td.textContent; }
    out.Statuses.push(tr.className);
  }
  for (const s of document.querySelectorAll(".totals span")) if (lines(s) > 1) { out.Wrapped++; out.First = out.First || s.textContent; }
  out.Statuses = Array.from(new Set(out.Statuses)).sort();
  return out;
})()`

// TestProjector opens the projector of a 200-name list at 1280×720 and
// 1920×1080, with the widest figures, and measures in the browser that
// every row is inside the screen and no figure wraps: while counting every
// row says so, and after the round is closed the rows show the result.
func TestProjector(t *testing.T) {
	t.Parallel()
	browser := Browser(t)
	bin := program(t, "station")
	addr, stop := startStation(t, bin, "127.0.0.1:0", filepath.Join(t.TempDir(), "j"), "-data", longList(t, 200))
	defer stop()
	entry := Tab(t, browser, 120*time.Second)
	// One ballot striking name 1: 199 names with 1 vote of D = 1.
	if err := chromedp.Do(entry, chromedp.Navigate("http://"+addr+"/"), chromedp.KeyEvent("1 "+kb.Enter),
		WaitFor(`document.getElementById("collected").textContent === "1"`)); err != nil {
		t.Fatal(err)
	}
	for _, closed := range []bool{false, true} {
		if closed {
			status, err := Eval[int](entry, `fetch("/api/close", {method: "POST", body: "{}", headers: {"Content-Type": "application/json",
				"X-Kiemphieu-Token": document.querySelector('meta[name="kiemphieu-token"]').content}}).then(r => r.status)`)
			if err != nil || status != 200 {
				t.Fatalf("closing the round: %d, %v", status, err)
			}
		}
		for _, size := range [][2]int64{{1280, 720}, {1920, 1080}} {
			name := fmt.Sprintf("%dx%d-closed=%v", size[0], size[1], closed)
			t.Run(name, func(t *testing.T) {
				ctx := Tab(t, browser, 60*time.Second)
				want := `document.querySelector("#standings td.votes") && document.getElementById("collected").textContent === "1"`
				if closed {
					want += ` && document.getElementById("rule").classList.contains("sealed")`
				}
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate("http://"+addr+"/projector"), WaitFor(want)); err != nil {
					t.Fatal(err)
				}
				got, err := Eval[screenFit](ctx, measure)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%d rows in %s columns", got.Rows, got.Columns)
				if got.Rows != 200 || got.Outside != 0 || got.Wrapped != 0 {
					t.Errorf("%d rows, %d outside the screen, %d figures wrapped (first: %q); want 200, 0, 0", got.Rows, got.Outside, got.Wrapped, got.First)
				}
				if !closed && fmt.Sprint(got.Statuses) != "[counting]" {
					t.Errorf("while counting, the rows are %v; want every one counting", got.Statuses)
				}
				if closed && strings.Contains(fmt.Sprint(got.Statuses), "counting") {
					t.Errorf("after the close, the rows are %v; want the result", got.Statuses)
				}
				if *pictures != "" || (*readme != "" && closed && size[0] == 1280) {
					shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					img, err := png.Decode(bytes.NewReader(shot))
					if err != nil {
						t.Fatal(err)
					}
					savePNG(t, "projector-"+name+".png", img)
					if closed && size[0] == 1280 {
						saveReadme(t, "projector.png", img)
					}
				}
			})
		}
	}
}
