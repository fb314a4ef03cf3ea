package enumtext

import (
	"errors"
	"testing"
)

type color uint8

var colors = New[color]("color", "màu", "", "red", "green")

func TestTable(t *testing.T) {
	for v, want := range map[color]string{0: "color(0)", 1: "red", 2: "green", 3: "color(3)"} {
		if got := colors.String(v); got != want {
			t.Errorf("String(%d) = %q, want %q", v, got, want)
		}
		b, err := colors.Marshal(v)
		if colors.Valid(v) != (err == nil) {
			t.Errorf("Marshal(%d) = %q, %v; Valid = %v", v, b, err, colors.Valid(v))
		}
		if err == nil {
			back, perr := colors.Parse(string(b))
			if perr != nil || back != v {
				t.Errorf("Parse(Marshal(%d)) = %d, %v", v, back, perr)
			}
		}
	}
	// The zero value has no text, so "" does not parse to it.
	for _, bad := range []string{"", "Red", "blue"} {
		_, err := colors.Parse(bad)
		var e *Error
		if !errors.As(err, &e) || e.VI == "" || e.EN == "" {
			t.Errorf("Parse(%q): err = %v, want a bilingual *Error", bad, err)
		}
	}
}
