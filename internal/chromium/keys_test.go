package chromium

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestKeyboard(t *testing.T) {
	t.Parallel()
	b := ForTest(t)
	s := serve(t, map[string]string{
		"/keys": `<!doctype html>
<input id=f><input id=g>
<script>
window.keys = [];
document.addEventListener('keydown', e => keys.push((e.ctrlKey ? 'Control+' : '') + e.key));
document.getElementById('f').focus();
</script>`,
		"/entry": `<!doctype html>
<input id=votes autofocus onkeydown="if (event.key === 'Enter') window.saved = this.value">`,
	})
	ctx := timeout(t, 60*time.Second)
	p := newPage(t, ctx, b)

	// Type straight after loading a page whose field has the autofocus
	// attribute, as a keyboard-first entry page would have. Chromium
	// focuses the field at the first rendering update after the load event.
	for i := range 5 {
		if err := p.Navigate(ctx, s.URL+"/entry"); err != nil {
			t.Fatal(err)
		}
		if err := p.Type(ctx, "1428\n"); err != nil {
			t.Fatal(err)
		}
		var saved string
		if err := p.Evaluate(ctx, "String(window.saved)", &saved); err != nil || saved != "1428" {
			t.Fatalf("load %d of the autofocus page: saved %q, %v; want 1428", i, saved, err)
		}
	}

	if err := p.Navigate(ctx, s.URL+"/keys"); err != nil {
		t.Fatal(err)
	}
	value := func() string {
		var v string
		if err := p.Evaluate(ctx, "document.getElementById('f').value", &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := p.Type(ctx, "12,5x"); err != nil {
		t.Fatal(err)
	}
	if err := p.Press(ctx, "Backspace", "ArrowUp", "ArrowDown", "Escape"); err != nil {
		t.Fatal(err)
	}
	if got := value(); got != "12,5" {
		t.Errorf("value after Backspace: got %q; want %q", got, "12,5")
	}
	// Control+z reaches the field as the undo shortcut.
	if err := p.Press(ctx, "Control+z", "Enter"); err != nil {
		t.Fatal(err)
	}
	if got := value(); got != "12,5x" {
		t.Errorf("value after Control+z: got %q; want %q", got, "12,5x")
	}
	if err := p.Press(ctx, "Tab"); err != nil {
		t.Fatal(err)
	}
	if err := p.Type(ctx, "Nguyễn Văn Đức 7"); err != nil {
		t.Fatal(err)
	}
	type state struct {
		Keys   []string
		Active string
		G      string
	}
	var got state
	if err := p.Evaluate(ctx, "({Keys: keys, Active: document.activeElement.id, G: document.getElementById('g').value})", &got); err != nil {
		t.Fatal(err)
	}
	want := state{
		Keys: []string{"1", "2", ",", "5", "x", "Backspace", "ArrowUp", "ArrowDown", "Escape",
			"Control+Control", "Control+z", "Enter", "Tab",
			"N", "g", "u", "y", "ễ", "n", " ", "V", "ă", "n", " ", "Đ", "ứ", "c", " ", "7"},
		Active: "g",
		G:      "Nguyễn Văn Đức 7",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if err := p.Press(ctx, "Control+Nope"); err == nil {
		t.Error("Press(Control+Nope): no error")
	}
	if err := p.Type(ctx, "a\x01"); err == nil {
		t.Error("Type with a control character: no error")
	}
}

func TestParseChord(t *testing.T) {
	for _, tc := range []struct {
		in     string
		mods   []string
		key    key
		reason string
	}{
		{"a", nil, key{key: "a", code: "KeyA", keyCode: 65, text: "a"}, "a letter types itself"},
		{"Z", nil, key{key: "Z", code: "KeyZ", keyCode: 90, text: "Z"}, "capitals share the letter's key"},
		{"7", nil, key{key: "7", code: "Digit7", keyCode: 55, text: "7"}, "digits"},
		{",", nil, key{key: ",", code: "Comma", keyCode: 188, text: ","}, "the decimal comma of Vietnamese figures"},
		{"%", nil, key{key: "%", code: "Digit5", keyCode: 53, text: "%"}, "a shifted digit"},
		{"ễ", nil, key{key: "ễ", text: "ễ"}, "a letter off the US keyboard has no key code"},
		{"Enter", nil, key{key: "Enter", code: "Enter", keyCode: 13, text: "\r"}, "Enter types a carriage return"},
		{"enter", nil, key{key: "Enter", code: "Enter", keyCode: 13, text: "\r"}, "named keys in any case"},
		{"F12", nil, key{key: "F12", code: "F12", keyCode: 123}, "function keys"},
		{"Control+z", []string{"Control"}, key{key: "z", code: "KeyZ", keyCode: 90, text: "z"}, "a shortcut"},
		{"Ctrl+Shift+ArrowUp", []string{"Ctrl", "Shift"}, key{key: "ArrowUp", code: "ArrowUp", keyCode: 38}, "two modifiers"},
		{"+", nil, key{key: "+", code: "Equal", keyCode: 187, text: "+"}, "plus alone is a key"},
		{"Control++", []string{"Control"}, key{key: "+", code: "Equal", keyCode: 187, text: "+"}, "plus after a modifier"},
		{"Shift", nil, key{key: "Shift", code: "ShiftLeft", keyCode: 16, location: 1}, "a modifier alone"},
	} {
		c, err := parseChord(tc.in)
		if err != nil {
			t.Errorf("%s (%s): %v", tc.in, tc.reason, err)
			continue
		}
		if diff := cmp.Diff(chord{tc.mods, tc.key}, c, cmp.AllowUnexported(chord{}, key{})); diff != "" {
			t.Errorf("%s (%s) (-want +got):\n%s", tc.in, tc.reason, diff)
		}
	}
	for _, bad := range []string{"", "Control+", "Nope", "a+b", "\x01", "F13", "F0"} {
		if _, err := parseChord(bad); err == nil {
			t.Errorf("parseChord(%q): no error", bad)
		}
	}
}

func FuzzParseChord(f *testing.F) {
	for _, s := range []string{"a", "Control++", "Shift+Tab", "F1", "ễ", "Alt+Meta+x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseChord(s)
		if err == nil && c.key.key == "" {
			t.Errorf("parseChord(%q) gave no key", s)
		}
	})
}
