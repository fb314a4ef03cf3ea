// Package enumtext gives small enumerations their stable text form: the code
// each value marshals to in JSON and prints as in logs, and the parse back.
package enumtext

import (
	"fmt"
	"strconv"
	"strings"
)

// A Table maps the values 0..len(names)-1 of an enumeration to their codes.
// An empty name marks a value with no text form (typically the zero value
// meaning "not set"), which neither marshals nor parses.
type Table[T ~uint8] struct {
	names    []string
	nounEN   string
	nounVI   string
	accepted string
}

// New returns the table for an enumeration whose values are named by names in
// order; nounEN and nounVI name the enumeration in error messages.
func New[T ~uint8](nounEN, nounVI string, names ...string) Table[T] {
	var ok []string
	for _, n := range names {
		if n != "" {
			ok = append(ok, n)
		}
	}
	return Table[T]{names: names, nounEN: nounEN, nounVI: nounVI, accepted: strings.Join(ok, ", ")}
}

// String returns the code of v, or noun(N) for a value with no code.
func (t Table[T]) String(v T) string {
	if int(v) < len(t.names) && t.names[v] != "" {
		return t.names[v]
	}
	return t.nounEN + "(" + strconv.Itoa(int(v)) + ")"
}

// Valid reports whether v has a code.
func (t Table[T]) Valid(v T) bool {
	return int(v) < len(t.names) && t.names[v] != ""
}

// Marshal returns the code of v, or an error for a value with no code.
func (t Table[T]) Marshal(v T) ([]byte, error) {
	if !t.Valid(v) {
		return nil, fmt.Errorf("%s(%d) has no text form", t.nounEN, v)
	}
	return []byte(t.names[v]), nil
}

// Parse returns the value whose code is s.
func (t Table[T]) Parse(s string) (T, error) {
	if s != "" {
		for i, n := range t.names {
			if n == s {
				return T(i), nil
			}
		}
	}
	return 0, t.parseError(s)
}

// parseError is the error of Parse. It formats a copy of s, so that s does
// not escape: a caller's string(b) then need not be on the heap.
func (t Table[T]) parseError(s string) error {
	c := strings.Clone(s)
	return &Error{
		EN: fmt.Sprintf("unknown %s %q (one of: %s)", t.nounEN, c, t.accepted),
		VI: fmt.Sprintf("%s %q không hợp lệ (các giá trị: %s)", t.nounVI, c, t.accepted),
	}
}

// Error is a parse error with its message in English and Vietnamese.
type Error struct{ EN, VI string }

func (e *Error) Error() string { return e.EN }

// Vietnamese returns the message in Vietnamese.
func (e *Error) Vietnamese() string { return e.VI }
