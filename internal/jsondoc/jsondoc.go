// Package jsondoc decodes the JSON documents of the packages that build on
// package ballot (verdicts, round results, journals) strictly, reporting the
// problems as a ballot.ErrorList like ballot.ParseCongress does.
package jsondoc

import (
	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/strictjson"
)

var codes = map[strictjson.Kind]ballot.ErrorCode{
	strictjson.Syntax:       ballot.ErrSyntax,
	strictjson.UnknownField: ballot.ErrUnknownField,
	strictjson.DuplicateKey: ballot.ErrDuplicate,
	strictjson.Type:         ballot.ErrType,
	strictjson.Range:        ballot.ErrOutOfRange,
	strictjson.Null:         ballot.ErrType,
	strictjson.Value:        ballot.ErrInvalid,
	strictjson.TooMany:      ballot.ErrTooMany,
}

// Decode decodes data into v (a non-nil pointer) and returns every problem,
// and whether one of them was a syntax error, after which v is incomplete.
func Decode(data []byte, v any) (errs ballot.ErrorList, syntax bool) {
	for _, p := range strictjson.Decode(data, v) {
		errs.Add(ballot.Path(p.Path), codes[p.Kind], p.Value, ballot.Text{VI: p.VI, EN: p.EN})
		syntax = syntax || p.Kind == strictjson.Syntax
	}
	return errs, syntax
}

// CheckFormat adds a problem at "format" unless got is want.
func CheckFormat(errs *ballot.ErrorList, got, want string) {
	switch {
	case got == "":
		errs.Addf("format", ballot.ErrRequired, "", "thiếu trường format; cần %q", "the format field is missing; want %q", want)
	case got != want:
		errs.Addf("format", ballot.ErrInvalid, got, "định dạng %q không được hỗ trợ; cần %q", "format %q is not supported; want %q", got, want)
	}
}
