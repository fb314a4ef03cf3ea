package chromium

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// key describes one key on a US keyboard as DOM KeyboardEvent and the
// DevTools Input domain see it.
type key struct {
	key      string // KeyboardEvent.key, such as "a", "Enter", "Control"
	code     string // KeyboardEvent.code, such as "KeyA", "Enter", "ControlLeft"
	keyCode  int    // Windows virtual key code, KeyboardEvent.keyCode
	text     string // the text the key types, "" for none
	location int    // 1 for a left modifier key
}

// Modifier bits of Input.dispatchKeyEvent.
const (
	modAlt     = 1
	modControl = 2
	modMeta    = 4
	modShift   = 8
)

// modifier returns the modifier key named name (Control or Ctrl, Shift,
// Alt, Meta; any case) and its bit.
func modifier(name string) (key, int, bool) {
	switch strings.ToLower(name) {
	case "control", "ctrl":
		return key{key: "Control", code: "ControlLeft", keyCode: 17, location: 1}, modControl, true
	case "shift":
		return key{key: "Shift", code: "ShiftLeft", keyCode: 16, location: 1}, modShift, true
	case "alt":
		return key{key: "Alt", code: "AltLeft", keyCode: 18, location: 1}, modAlt, true
	case "meta":
		return key{key: "Meta", code: "MetaLeft", keyCode: 91, location: 1}, modMeta, true
	}
	return key{}, 0, false
}

// namedKey returns the key with the DOM name name, such as "Enter"; any
// case is accepted.
func namedKey(name string) (key, bool) {
	k := func(name, code string, keyCode int) (key, bool) {
		return key{key: name, code: code, keyCode: keyCode}, true
	}
	switch strings.ToLower(name) {
	case "enter":
		return key{key: "Enter", code: "Enter", keyCode: 13, text: "\r"}, true
	case "tab":
		return k("Tab", "Tab", 9)
	case "backspace":
		return k("Backspace", "Backspace", 8)
	case "delete":
		return k("Delete", "Delete", 46)
	case "escape":
		return k("Escape", "Escape", 27)
	case "arrowup":
		return k("ArrowUp", "ArrowUp", 38)
	case "arrowdown":
		return k("ArrowDown", "ArrowDown", 40)
	case "arrowleft":
		return k("ArrowLeft", "ArrowLeft", 37)
	case "arrowright":
		return k("ArrowRight", "ArrowRight", 39)
	case "home":
		return k("Home", "Home", 36)
	case "end":
		return k("End", "End", 35)
	case "pageup":
		return k("PageUp", "PageUp", 33)
	case "pagedown":
		return k("PageDown", "PageDown", 34)
	case "space":
		return charKey(' '), true
	}
	if n, ok := strings.CutPrefix(strings.ToLower(name), "f"); ok && len(n) > 0 && len(n) <= 2 {
		f := 0
		for _, c := range n {
			if c < '0' || c > '9' {
				return key{}, false
			}
			f = f*10 + int(c-'0')
		}
		if f >= 1 && f <= 12 {
			return k(fmt.Sprintf("F%d", f), fmt.Sprintf("F%d", f), 111+f)
		}
	}
	return key{}, false
}

// usPunct maps the punctuation of a US keyboard to the key that types it
// (its code and key code); the shifted characters share the key.
func usPunct(r rune) (code string, keyCode int, ok bool) {
	switch r {
	case '-', '_':
		return "Minus", 189, true
	case '=', '+':
		return "Equal", 187, true
	case '[', '{':
		return "BracketLeft", 219, true
	case ']', '}':
		return "BracketRight", 221, true
	case '\\', '|':
		return "Backslash", 220, true
	case ';', ':':
		return "Semicolon", 186, true
	case '\'', '"':
		return "Quote", 222, true
	case ',', '<':
		return "Comma", 188, true
	case '.', '>':
		return "Period", 190, true
	case '/', '?':
		return "Slash", 191, true
	case '`', '~':
		return "Backquote", 192, true
	}
	// The shifted digits.
	if i := strings.IndexRune(")!@#$%^&*(", r); i >= 0 {
		return fmt.Sprintf("Digit%d", i), '0' + i, true
	}
	return "", 0, false
}

// charKey returns the key that types the printable character r. Characters
// not on a US keyboard (ễ, đ) are typed with no key code, as an input
// method would.
func charKey(r rune) key {
	s := string(r)
	k := key{key: s, text: s}
	switch {
	case r >= 'a' && r <= 'z':
		k.code, k.keyCode = "Key"+string(r-'a'+'A'), int(r-'a'+'A')
	case r >= 'A' && r <= 'Z':
		k.code, k.keyCode = "Key"+s, int(r)
	case r >= '0' && r <= '9':
		k.code, k.keyCode = "Digit"+s, int(r)
	case r == ' ':
		k.code, k.keyCode = "Space", 32
	default:
		k.code, k.keyCode, _ = usPunct(r)
	}
	return k
}

// chord is a key pressed while some modifiers are held.
type chord struct {
	mods []string // modifier names in the order pressed
	key  key
}

// parseChord reads a key as Press takes it: a named key ("Enter"), a single
// character ("a", "+"), or either after modifiers joined with "+"
// ("Control+z", "Control+Shift+ArrowUp", "Control++").
func parseChord(s string) (chord, error) {
	var c chord
	rest := s
	for {
		name, after, found := strings.Cut(rest, "+")
		if !found || name == "" {
			break // the last part; "" before "+" means the key is "+" itself
		}
		if _, _, ok := modifier(name); !ok {
			break
		}
		c.mods = append(c.mods, name)
		rest = after
	}
	if rest == "" {
		return chord{}, fmt.Errorf("key %q: no key after the modifiers", s)
	}
	if r, size := utf8.DecodeRuneInString(rest); size == len(rest) && r != utf8.RuneError {
		if !unicode.IsPrint(r) {
			return chord{}, fmt.Errorf("key %q: %q is not a printable character", s, r)
		}
		c.key = charKey(r)
		return c, nil
	}
	if k, ok := namedKey(rest); ok {
		c.key = k
		return c, nil
	}
	if k, _, ok := modifier(rest); ok {
		c.key = k // a modifier pressed alone
		return c, nil
	}
	return chord{}, fmt.Errorf("key %q: unknown key %q", s, rest)
}

// Press presses and releases each key in turn. A key is a DOM key name
// (Enter, Tab, Backspace, Delete, Escape, ArrowUp, ArrowDown, ArrowLeft,
// ArrowRight, Home, End, PageUp, PageDown, Space, F1 to F12), a single
// printable character ("7", "a", ","), or either after modifiers held down
// around it, joined with "+": "Control+z", "Shift+Tab", "Control++".
// Modifiers are Control (or Ctrl), Shift, Alt and Meta. The page receives
// keydown and keyup events, and keypress and text input for keys that type
// text; a key with Control, Alt or Meta held types none, as on a real
// keyboard. All keys are checked before any is pressed.
func (p *Page) Press(ctx context.Context, keys ...string) error {
	chords := make([]chord, len(keys))
	for i, s := range keys {
		c, err := parseChord(s)
		if err != nil {
			return fmt.Errorf("chromium: pressing: %w", err)
		}
		chords[i] = c
	}
	for i, c := range chords {
		if err := p.press(ctx, c); err != nil {
			return fmt.Errorf("chromium: pressing %q: %w", keys[i], err)
		}
	}
	return nil
}

// Type types text one character at a time, each as a key press: "\n" and
// "\r" press Enter, "\t" presses Tab, other control characters are an error
// (before anything is typed). Characters not on a US keyboard, such as
// Vietnamese letters, are typed as an input method would, with no key code.
func (p *Page) Type(ctx context.Context, text string) error {
	var chords []chord
	for i, r := range text {
		var c chord
		switch {
		case r == '\n' || r == '\r':
			c.key, _ = namedKey("Enter")
		case r == '\t':
			c.key, _ = namedKey("Tab")
		case r == utf8.RuneError:
			return fmt.Errorf("chromium: typing: invalid UTF-8 at byte %d", i)
		case !unicode.IsPrint(r):
			return fmt.Errorf("chromium: typing: %q at byte %d is not a printable character", r, i)
		default:
			c.key = charKey(r)
		}
		chords = append(chords, c)
	}
	for _, c := range chords {
		if err := p.press(ctx, c); err != nil {
			return fmt.Errorf("chromium: typing %q: %w", clip(text, 80), err)
		}
	}
	return nil
}

// press sends the key events of one chord: each modifier down, the key down
// and up, the modifiers up in reverse order.
func (p *Page) press(ctx context.Context, c chord) error {
	mods := 0
	held := make([]key, 0, len(c.mods))
	for _, name := range c.mods {
		k, bit, _ := modifier(name)
		mods |= bit
		if err := p.keyEvent(ctx, "rawKeyDown", k, mods); err != nil {
			return err
		}
		held = append(held, k)
	}
	k := c.key
	if mods&^modShift != 0 {
		k.text = "" // Control+z is a shortcut, not text
	}
	down := "rawKeyDown"
	if k.text != "" {
		down = "keyDown" // a keydown that also types its text
	}
	if err := p.keyEvent(ctx, down, k, mods); err != nil {
		return err
	}
	if err := p.keyEvent(ctx, "keyUp", k, mods); err != nil {
		return err
	}
	for i := len(held) - 1; i >= 0; i-- {
		_, bit, _ := modifier(held[i].key)
		mods &^= bit
		if err := p.keyEvent(ctx, "keyUp", held[i], mods); err != nil {
			return err
		}
	}
	return nil
}

// keyEvent dispatches one Input.dispatchKeyEvent.
func (p *Page) keyEvent(ctx context.Context, typ string, k key, mods int) error {
	params := map[string]any{
		"type":                  typ,
		"modifiers":             mods,
		"key":                   k.key,
		"code":                  k.code,
		"windowsVirtualKeyCode": k.keyCode,
		"nativeVirtualKeyCode":  k.keyCode,
		"location":              k.location,
	}
	if typ == "keyDown" {
		params["text"] = k.text
		params["unmodifiedText"] = k.text
	}
	return p.call(ctx, "Input.dispatchKeyEvent", params, nil)
}
