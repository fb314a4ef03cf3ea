// Package strictjson decodes JSON into Go values the way a document format
// that people and other programs write by hand needs: every unknown field,
// duplicate key, wrong type, misplaced null, integer out of range and
// rejected text value is reported, each with the path where it occurred,
// instead of stopping at the first problem (encoding/json with
// DisallowUnknownFields) or passing silently (duplicate keys, case-folded
// field names, floats truncated into integers).
//
// It understands structs (exported fields named by their json tag, embedded
// structs promoted), pointers, slices, maps with string keys, strings, bools,
// integers, and types implementing encoding.TextUnmarshaler. Floats are
// deliberately not supported: nothing in this module decodes a fraction
// through a float.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Kind classifies a Problem.
type Kind uint8

// The kinds of problem the decoder reports.
const (
	Syntax       Kind = iota + 1 // not JSON, or trailing data after the document
	UnknownField                 // an object key the target type does not have
	DuplicateKey                 // an object key given twice
	Type                         // a JSON value of the wrong type for the target
	Range                        // an integer that does not fit the target
	Null                         // null where a value is required
	Value                        // a string the target's UnmarshalText rejected
	TooMany                      // the problem limit was reached; decoding stopped
)

// A Problem is one thing wrong with the input.
type Problem struct {
	Path   string // where, in the notation of Child/Index/Key; "" is the root
	Kind   Kind
	Value  string // the offending text, shortened, when there is one
	EN, VI string // the problem in English and in Vietnamese, without the path
}

// MaxProblems is how many problems Decode reports before it stops.
const MaxProblems = 200

// Child returns the path of field name inside path.
func Child(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Index returns the path of element i of the array at path.
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Key returns the path of the map entry with key k at path: a dotted child
// when k is a plain identifier, a quoted index otherwise.
func Key(path, k string) string {
	if k != "" && strings.IndexFunc(k, notIdent) < 0 {
		return Child(path, k)
	}
	return path + "[" + strconv.Quote(k) + "]"
}

func notIdent(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
}

// Decode decodes the single JSON document in data into v, which must be a
// non-nil pointer. It returns every problem found, in document order, or nil.
// After a syntax error nothing more can be read, so that error is the last.
// Whatever the problems, v holds what could be decoded.
func Decode(data []byte, v any) []Problem {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer") // a programming error, not a data error
	}
	d := &decoder{data: data}
	if i := invalidUTF8(data); i >= 0 {
		d.add(Problem{Kind: Syntax,
			EN: fmt.Sprintf("invalid UTF-8 at %s", d.position(int64(i))),
			VI: fmt.Sprintf("mã UTF-8 không hợp lệ tại %s", d.positionVI(int64(i)))})
		return d.problems
	}
	d.dec = json.NewDecoder(bytes.NewReader(data))
	d.dec.UseNumber()
	err := d.value("", rv.Elem())
	if err == nil {
		if _, terr := d.dec.Token(); terr != io.EOF {
			off := d.dec.InputOffset()
			d.add(Problem{Kind: Syntax,
				EN: fmt.Sprintf("unexpected data after the document at %s", d.position(off)),
				VI: fmt.Sprintf("có dữ liệu thừa sau tài liệu tại %s", d.positionVI(off))})
		}
	}
	return d.problems
}

// errStop ends decoding after a syntax error or too many problems.
var errStop = errors.New("stop")

type decoder struct {
	data     []byte
	dec      *json.Decoder
	problems []Problem
}

func (d *decoder) add(p Problem) error {
	if len(d.problems) >= MaxProblems {
		d.problems = append(d.problems, Problem{Path: p.Path, Kind: TooMany,
			EN: fmt.Sprintf("more than %d problems; stopped reading", MaxProblems),
			VI: fmt.Sprintf("quá %d lỗi; ngừng đọc", MaxProblems)})
		return errStop
	}
	d.problems = append(d.problems, p)
	return nil
}

func (d *decoder) token(path string) (json.Token, error) {
	tok, err := d.dec.Token()
	if err == nil {
		return tok, nil
	}
	off := d.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	msg := err.Error()
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		msg = "unexpected end of input"
	}
	d.add(Problem{Path: path, Kind: Syntax,
		EN: fmt.Sprintf("invalid JSON at %s: %s", d.position(off), strings.TrimPrefix(msg, "json: ")),
		VI: fmt.Sprintf("JSON không hợp lệ tại %s: %s", d.positionVI(off), strings.TrimPrefix(msg, "json: "))})
	return nil, errStop
}

// position renders a byte offset as line:column (both from 1, column in bytes).
func (d *decoder) position(off int64) string {
	l, c := lineCol(d.data, off)
	return fmt.Sprintf("line %d, column %d", l, c)
}

func (d *decoder) positionVI(off int64) string {
	l, c := lineCol(d.data, off)
	return fmt.Sprintf("dòng %d, cột %d", l, c)
}

func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// value reads the next JSON value into v.
func (d *decoder) value(path string, v reflect.Value) error {
	tok, err := d.token(path)
	if err != nil {
		return err
	}
	if tok == nil { // null
		if v.Kind() == reflect.Pointer {
			v.SetZero()
			return nil
		}
		return d.add(Problem{Path: path, Kind: Null, Value: "null",
			EN: "null is not allowed here; leave the field out instead",
			VI: "không được dùng null ở đây; hãy bỏ trường này đi"})
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.scalarOrComposite(path, tok, v.Elem())
	}
	return d.scalarOrComposite(path, tok, v)
}

func (d *decoder) scalarOrComposite(path string, tok json.Token, v reflect.Value) error {
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		s, ok := tok.(string)
		if !ok {
			return d.mismatch(path, tok, "a string")
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			en, vi := err.Error(), err.Error()
			var b interface{ Vietnamese() string }
			if errors.As(err, &b) {
				vi = b.Vietnamese()
			}
			return d.add(Problem{Path: path, Kind: Value, Value: shorten(s), EN: en, VI: vi})
		}
		return nil
	}
	switch t := tok.(type) {
	case json.Delim:
		switch {
		case t == '{' && v.Kind() == reflect.Struct:
			return d.object(path, v)
		case t == '{' && v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
			return d.mapObject(path, v)
		case t == '[' && v.Kind() == reflect.Slice:
			return d.array(path, v)
		}
		return d.mismatch(path, tok, wantOf(v.Type()))
	case string:
		if v.Kind() == reflect.String {
			v.SetString(t)
			return nil
		}
		return d.mismatch(path, tok, wantOf(v.Type()))
	case bool:
		if v.Kind() == reflect.Bool {
			v.SetBool(t)
			return nil
		}
		return d.mismatch(path, tok, wantOf(v.Type()))
	case json.Number:
		return d.number(path, t, v)
	}
	return d.mismatch(path, tok, wantOf(v.Type()))
}

func (d *decoder) number(path string, n json.Number, v reflect.Value) error {
	s := string(n)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(s, 10, 64)
		if err == nil && !v.OverflowInt(i) {
			v.SetInt(i)
			return nil
		}
		if err != nil && !isIntegerSyntax(s) {
			return d.add(Problem{Path: path, Kind: Type, Value: shorten(s),
				EN: "must be a whole number, written without a fraction or exponent",
				VI: "phải là số nguyên, không có phần thập phân hay số mũ"})
		}
		return d.add(Problem{Path: path, Kind: Range, Value: shorten(s),
			EN: "number is too large",
			VI: "số quá lớn"})
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(s, 10, 64)
		if err == nil && !v.OverflowUint(u) {
			v.SetUint(u)
			return nil
		}
		if !isIntegerSyntax(s) {
			return d.add(Problem{Path: path, Kind: Type, Value: shorten(s),
				EN: "must be a whole number, written without a fraction or exponent",
				VI: "phải là số nguyên, không có phần thập phân hay số mũ"})
		}
		return d.add(Problem{Path: path, Kind: Range, Value: shorten(s),
			EN: "number is out of range",
			VI: "số nằm ngoài phạm vi cho phép"})
	}
	return d.mismatch(path, n, wantOf(v.Type()))
}

func isIntegerSyntax(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// mismatch reports a value of the wrong JSON type and skips the rest of it.
func (d *decoder) mismatch(path string, tok json.Token, want string) error {
	got, gotVI := describe(tok)
	if err := d.add(Problem{Path: path, Kind: Type, Value: shorten(fmt.Sprint(tok)),
		EN: fmt.Sprintf("expected %s, found %s", want, got),
		VI: fmt.Sprintf("cần %s, nhưng gặp %s", wantVI(want), gotVI)}); err != nil {
		return err
	}
	if delim, ok := tok.(json.Delim); ok && (delim == '{' || delim == '[') {
		return d.skipRest(path)
	}
	return nil
}

// skipRest consumes tokens until the composite value just opened is closed.
func (d *decoder) skipRest(path string) error {
	for depth := 1; depth > 0; {
		tok, err := d.token(path)
		if err != nil {
			return err
		}
		if delim, ok := tok.(json.Delim); ok {
			if delim == '{' || delim == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// skipValue consumes one whole value.
func (d *decoder) skipValue(path string) error {
	tok, err := d.token(path)
	if err != nil {
		return err
	}
	if delim, ok := tok.(json.Delim); ok && (delim == '{' || delim == '[') {
		return d.skipRest(path)
	}
	return nil
}

func (d *decoder) object(path string, v reflect.Value) error {
	fields := fieldsOf(v.Type())
	seen := make(map[string]bool)
	for d.dec.More() {
		tok, err := d.token(path)
		if err != nil {
			return err
		}
		key, _ := tok.(string) // the decoder guarantees object keys are strings
		kpath := Key(path, key)
		if seen[key] {
			if err := d.add(Problem{Path: kpath, Kind: DuplicateKey, Value: shorten(key),
				EN: fmt.Sprintf("field %q is given twice", key),
				VI: fmt.Sprintf("trường %q bị khai báo hai lần", key)}); err != nil {
				return err
			}
			if err := d.skipValue(kpath); err != nil {
				return err
			}
			continue
		}
		seen[key] = true
		index, ok := fields[key]
		if !ok {
			if err := d.add(Problem{Path: kpath, Kind: UnknownField, Value: shorten(key),
				EN: fmt.Sprintf("unknown field %q (known: %s)", key, knownList(fields)),
				VI: fmt.Sprintf("trường %q không có trong định dạng (các trường hợp lệ: %s)", key, knownList(fields))}); err != nil {
				return err
			}
			if err := d.skipValue(kpath); err != nil {
				return err
			}
			continue
		}
		if err := d.value(kpath, v.FieldByIndex(index)); err != nil {
			return err
		}
	}
	_, err := d.token(path) // '}'
	return err
}

func (d *decoder) mapObject(path string, v reflect.Value) error {
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	elem := v.Type().Elem()
	for d.dec.More() {
		tok, err := d.token(path)
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		kpath := Key(path, key)
		kv := reflect.ValueOf(key).Convert(v.Type().Key())
		if v.MapIndex(kv).IsValid() {
			if err := d.add(Problem{Path: kpath, Kind: DuplicateKey, Value: shorten(key),
				EN: fmt.Sprintf("key %q is given twice", key),
				VI: fmt.Sprintf("khóa %q bị khai báo hai lần", key)}); err != nil {
				return err
			}
			if err := d.skipValue(kpath); err != nil {
				return err
			}
			continue
		}
		ev := reflect.New(elem).Elem()
		if err := d.value(kpath, ev); err != nil {
			return err
		}
		v.SetMapIndex(kv, ev)
	}
	_, err := d.token(path)
	return err
}

func (d *decoder) array(path string, v reflect.Value) error {
	elem := v.Type().Elem()
	s := reflect.MakeSlice(v.Type(), 0, 0)
	for i := 0; d.dec.More(); i++ {
		ev := reflect.New(elem).Elem()
		if err := d.value(Index(path, i), ev); err != nil {
			v.Set(s)
			return err
		}
		s = reflect.Append(s, ev)
	}
	v.Set(s)
	_, err := d.token(path) // ']'
	return err
}

var fieldCache sync.Map // reflect.Type → map[string][]int

// fieldsOf maps JSON names to field index paths, promoting untagged embedded
// structs the way encoding/json does (shallower fields win; this module's
// types never rely on the tie rules).
func fieldsOf(t reflect.Type) map[string][]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string][]int)
	}
	m := make(map[string][]int)
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			index := append(append([]int(nil), prefix...), i)
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, index)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if old, ok := m[name]; !ok || len(old) > len(index) {
				m[name] = index
			}
		}
	}
	walk(t, nil)
	fieldCache.Store(t, m)
	return m
}

func knownList(fields map[string][]int) string {
	return strings.Join(slices.Sorted(maps.Keys(fields)), ", ")
}

func wantOf(t reflect.Type) string {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Struct:
		return "an object"
	case reflect.Map:
		return "an object"
	case reflect.Slice:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	}
	return "a value of another type"
}

func wantVI(want string) string {
	switch want {
	case "an object":
		return "một đối tượng"
	case "an array":
		return "một mảng"
	case "a string":
		return "một chuỗi"
	case "true or false":
		return "true hoặc false"
	case "a whole number":
		return "một số nguyên"
	}
	return "giá trị kiểu khác"
}

func describe(tok json.Token) (en, vi string) {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object", "một đối tượng"
		}
		return "an array", "một mảng"
	case string:
		return "a string", "một chuỗi"
	case bool:
		return "a boolean", "một giá trị true/false"
	case json.Number:
		return "a number", "một số"
	}
	return "null", "null"
}

func shorten(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
