package ballot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

// ErrorCode classifies a problem with malformed input. Each code is itself an
// error, so errors.Is(err, ballot.ErrDuplicate) tells whether any problem in
// an ErrorList has that code.
type ErrorCode uint8

// The codes of malformed-input problems. Their text form (String) is stable.
const (
	ErrSyntax       ErrorCode = iota + 1 // "syntax": not JSON, or not the expected shape
	ErrUnknownField                      // "unknown-field": a field the format does not have
	ErrType                              // "type": a JSON value of the wrong type
	ErrRequired                          // "required": a value that must be given is missing
	ErrInvalid                           // "invalid": a value that is not in the accepted form
	ErrOutOfRange                        // "out-of-range": a number below or above its limits
	ErrDuplicate                         // "duplicate": a key, id or reference given twice
	ErrUnknown                           // "unknown": a reference to an id that does not exist
	ErrConflict                          // "conflict": values that cannot hold together
	ErrTooMany                           // "too-many": the problem limit was reached
)

var errorCodes = enumtext.New[ErrorCode]("error code", "mã lỗi",
	"", "syntax", "unknown-field", "type", "required", "invalid", "out-of-range",
	"duplicate", "unknown", "conflict", "too-many")

// String returns the stable code, e.g. "duplicate".
func (c ErrorCode) String() string { return errorCodes.String(c) }

// Error returns the code, so that an ErrorCode can be matched with errors.Is.
func (c ErrorCode) Error() string { return c.String() }

// MarshalText returns the stable code.
func (c ErrorCode) MarshalText() ([]byte, error) { return errorCodes.Marshal(c) }

// UnmarshalText parses a stable code.
func (c *ErrorCode) UnmarshalText(b []byte) error {
	v, err := errorCodes.Parse(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// An Error is one problem with malformed input: where it is, what kind of
// problem it is, the offending value as written, and the explanation.
type Error struct {
	Path   Path      // where the problem is, e.g. contests[1].candidates[3]
	Code   ErrorCode // what kind of problem
	Value  string    // the offending value as written, when there is one
	Detail Text      // the explanation, without the path
}

// Error returns "path: explanation" in English.
func (e *Error) Error() string { return e.Message(English) }

// Message returns "path: explanation" in language l.
func (e *Error) Message(l Lang) string {
	return e.Path.String() + ": " + e.Detail.In(l)
}

// Unwrap returns the code, so that errors.Is(err, ErrDuplicate) works.
func (e *Error) Unwrap() error { return e.Code }

// ErrorList is the problems found in one piece of input, in document order:
// the first MaxErrors, then, when there were more, one last problem of code
// ErrTooMany at the first left out, whose Value is how many were left out
// (as go/scanner and compilers stop listing). Memory stays bounded however
// many problems the input has. Its zero value is an empty list ready to use.
type ErrorList []*Error

// MaxErrors is how many problems an ErrorList keeps. It is the limit of the
// JSON decoder (internal/strictjson) and of the ballot file reader
// (tally/bulk), so that a list from any of them reads the same way.
const MaxErrors = 200

// Add appends a problem; past MaxErrors, it counts it in the last one. A
// problem of code ErrTooMany added at the limit — a reader that stops there
// — is kept as it is.
func (l *ErrorList) Add(path Path, code ErrorCode, value string, detail Text) {
	n := len(*l)
	switch {
	case n < MaxErrors, n == MaxErrors && code == ErrTooMany:
		*l = append(*l, &Error{Path: path, Code: code, Value: value, Detail: detail})
	case n == MaxErrors:
		*l = append(*l, &Error{Path: path, Code: ErrTooMany, Value: "1", Detail: moreErrors(1)})
	default:
		last := (*l)[n-1]
		if last.Code != ErrTooMany || !strings.HasSuffix(last.Detail.EN, moreSuffix) {
			return // a reader's own stop, already final
		}
		c := countOf(last.Value) + 1
		last.Value, last.Detail = strconv.Itoa(c), moreErrors(c)
	}
}

func countOf(v string) int {
	n, _ := strconv.Atoi(v)
	return n
}

var moreSuffix = fmt.Sprintf(" more problems not listed (only the first %d are)", MaxErrors)

func moreErrors(n int) Text {
	c := strconv.Itoa(n)
	return Text{VI: "còn " + c + " lỗi nữa không được liệt kê (chỉ liệt kê " + strconv.Itoa(MaxErrors) + " lỗi đầu)", EN: c + moreSuffix}
}

// Addf appends a problem whose explanation is formatted from the same
// arguments in both languages.
func (l *ErrorList) Addf(path Path, code ErrorCode, value string, vi, en string, args ...any) {
	if len(*l) >= MaxErrors && code != ErrTooMany {
		l.Add(path, code, value, Text{}) // only counted: not worth formatting
		return
	}
	l.Add(path, code, value, Text{VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, args...)})
}

// Covers reports whether a problem in l is at p, around it, or inside it, and
// so already explains a problem at p: a field that failed to decode is also
// "missing", a list with a broken element also "too short". The root path
// covers nothing.
func (l ErrorList) Covers(p Path) bool {
	for _, e := range l {
		if e.Path != "" && p != "" && (p.Within(e.Path) || e.Path.Within(p)) {
			return true
		}
	}
	return false
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns the first problem and how many more there are, in English.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// Format returns every problem, one per line, in language l.
func (l ErrorList) Format(lang Lang) string {
	var b strings.Builder
	for _, e := range l {
		b.WriteString(e.Message(lang))
		b.WriteByte('\n')
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is and errors.As look at each.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
