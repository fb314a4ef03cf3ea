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
	"encoding"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind classifies a Problem.
type Kind uint8

// The kinds of problem the decoder reports.
const (
	Syntax       Kind = iota + 1 // not JSON, nested too deeply, or trailing data after the document
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

// MaxDepth is how deeply objects and arrays may nest. The formats read with
// this package nest a few levels; the limit keeps a hostile document from
// exhausting the stack.
const MaxDepth = 256

// Child returns the path of field name inside path.
func Child(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Index returns the path of element i of the array at path.
func Index(path string, i int) string { return string(appendIndex([]byte(path), i)) }

// Key returns the path of the map entry with key k at path: a dotted child
// when k is a plain identifier, a quoted index otherwise.
func Key(path, k string) string { return string(appendKey([]byte(path), k)) }

func appendIndex(p []byte, i int) []byte {
	p = append(p, '[')
	p = strconv.AppendInt(p, int64(i), 10)
	return append(p, ']')
}

func appendKey(p []byte, k string) []byte {
	if k != "" && strings.IndexFunc(k, notIdent) < 0 {
		if len(p) > 0 {
			p = append(p, '.')
		}
		return append(p, k...)
	}
	p = append(p, '[')
	p = strconv.AppendQuote(p, k)
	return append(p, ']')
}

func notIdent(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
}

// Decode decodes the single JSON document in data into v, which must be a
// non-nil pointer. It returns every problem found, in document order, or nil.
// After a syntax error nothing more can be read, so that error is the last.
// Whatever the problems, v holds what could be decoded.
func Decode(data []byte, v any) []Problem { return decode(data, v, false) }

// A RawKeeper is a type whose values DecodeKeeping does not decode: it
// finds the end of each value and hands its bytes, a subslice of the
// document, to KeepRaw. Decode decodes such a type as any other.
type RawKeeper interface {
	KeepRaw(raw []byte)
}

var rawKeeper = reflect.TypeFor[RawKeeper]()

// DecodeKeeping is Decode, except that a value whose type's pointer
// implements RawKeeper (null included) is kept as raw bytes for the caller
// to read later, when what it needs to read it is known, instead of being
// decoded. Of an array or object kept raw only the end is found, matching
// brackets outside strings: the caller must accept nothing but well-formed
// JSON in it. A problem inside such a value is a syntax error or nothing.
func DecodeKeeping(data []byte, v any) []Problem { return decode(data, v, true) }

func decode(data []byte, v any, keep bool) []Problem {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("strictjson: Decode needs a non-nil pointer") // a programming error, not a data error
	}
	d := &decoder{data: data, keep: keep}
	if i := invalidUTF8(data); i >= 0 {
		d.pos = i
		d.syntax("invalid UTF-8", "mã UTF-8 không hợp lệ")
		return d.problems
	}
	if err := d.value(rv.Elem(), infoOf(rv.Elem().Type())); err == nil {
		d.skipWS()
		if d.pos < len(d.data) {
			d.syntax("unexpected data after the document", "có dữ liệu thừa sau tài liệu")
		}
	}
	return d.problems
}

// A segment is one step of a path: an object key, or an array index when
// key is nil.
type segment struct {
	key   []byte
	index int
}

// pathString returns the decoder's path in the notation of Child, Index and
// Key.
func (d *decoder) pathString() string {
	var p []byte
	for _, sg := range d.path {
		if sg.key == nil {
			p = appendIndex(p, sg.index)
		} else {
			p = appendKey(p, string(sg.key))
		}
	}
	return string(p)
}

// errStop ends decoding after a syntax error or too many problems.
var errStop = errors.New("stop")

// decoder is a recursive-descent parser over data. path is the path of the
// value being read, kept as bytes and turned into a string only for a
// problem.
type decoder struct {
	data     []byte
	pos      int
	depth    int
	path     []segment // the path of the value being read, built into a string only for a problem
	problems []Problem
	keep     bool // values of RawKeeper types are kept raw
}

// typeInfo is what the decoder needs to know of a type, with the typeInfo
// of the types inside it, so that decoding a value looks nothing up.
type typeInfo struct {
	text   bool      // a pointer to it implements encoding.TextUnmarshaler
	keeper bool      // a pointer to it implements RawKeeper
	fields fields    // for a struct, each field with its typeInfo
	elem   *typeInfo // for a pointer, a slice or a map
}

var infoCache sync.Map // reflect.Type → *typeInfo

// infoOf returns the typeInfo of t, built once.
func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := infoCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	building := make(map[reflect.Type]*typeInfo)
	ti := buildInfo(t, building)
	for t, ti := range building {
		infoCache.Store(t, ti) // a tree built by another goroutine is as good
	}
	return ti
}

func buildInfo(t reflect.Type, building map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := building[t]; ok {
		return ti
	}
	if ti, ok := infoCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{text: isText(t), keeper: reflect.PointerTo(t).Implements(rawKeeper)}
	building[t] = ti // before the types inside, which may refer to t
	switch t.Kind() {
	case reflect.Struct:
		f := fieldsOf(t)
		ti.fields = fields{index: make(map[string]field, len(f.index)), known: f.known}
		// Documents mostly give the fields in the order they are
		// declared, as encoding/json writes them: decoding tries the
		// field after the last one before the map.
		names := slices.SortedFunc(maps.Keys(f.index), func(a, b string) int { return slices.Compare(f.index[a].index, f.index[b].index) })
		for pos, name := range names {
			fl := f.index[name]
			fl.info = buildInfo(t.FieldByIndex(fl.index).Type, building)
			fl.pos = pos
			ti.fields.index[name] = fl
		}
		for _, name := range names {
			ti.fields.decl = append(ti.fields.decl, declField{name: name, field: ti.fields.index[name]})
		}
	case reflect.Pointer, reflect.Slice, reflect.Map:
		ti.elem = buildInfo(t.Elem(), building)
	}
	return ti
}

func (d *decoder) add(kind Kind, value, en, vi string) error {
	if len(d.problems) >= MaxProblems {
		d.problems = append(d.problems, Problem{Path: d.pathString(), Kind: TooMany,
			EN: fmt.Sprintf("more than %d problems; stopped reading", MaxProblems),
			VI: fmt.Sprintf("quá %d lỗi; ngừng đọc", MaxProblems)})
		return errStop
	}
	d.problems = append(d.problems, Problem{Path: d.pathString(), Kind: kind, Value: shorten(value), EN: en, VI: vi})
	return nil
}

// syntax reports a syntax error at the current position; decoding stops.
func (d *decoder) syntax(en, vi string) error {
	l, c := lineCol(d.data, d.pos)
	d.add(Syntax, "",
		fmt.Sprintf("invalid JSON at line %d, column %d: %s", l, c, en),
		fmt.Sprintf("JSON không hợp lệ tại dòng %d, cột %d: %s", l, c, vi))
	return errStop
}

func (d *decoder) syntaxChar(want, wantVI string) error {
	if d.pos >= len(d.data) {
		return d.syntax("unexpected end of input", "tài liệu kết thúc đột ngột")
	}
	r, _ := utf8.DecodeRune(d.data[d.pos:])
	return d.syntax(fmt.Sprintf("found %q where %s belongs", r, want), fmt.Sprintf("gặp %q ở chỗ cần %s", r, wantVI))
}

func lineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func (d *decoder) skipWS() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (d *decoder) peek() byte {
	d.skipWS()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

var textCache sync.Map // reflect.Type → bool

// isText reports whether a pointer to t implements encoding.TextUnmarshaler.
func isText(t reflect.Type) bool {
	if b, ok := textCache.Load(t); ok {
		return b.(bool)
	}
	b := reflect.PointerTo(t).Implements(textUnmarshaler)
	textCache.Store(t, b)
	return b
}

// value reads the next JSON value into v, of the type ti describes.
func (d *decoder) value(v reflect.Value, ti *typeInfo) error {
	c := d.peek()
	if c == 0 {
		return d.syntaxChar("a value", "một giá trị")
	}
	if d.keep && ti.keeper && v.CanAddr() {
		start := d.pos
		if err := d.skipRaw(); err != nil {
			return err
		}
		v.Addr().Interface().(RawKeeper).KeepRaw(d.data[start:d.pos])
		return nil
	}
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		if v.Kind() == reflect.Pointer {
			v.SetZero()
			return nil
		}
		return d.add(Null, "null", "null is not allowed here; leave the field out instead", "không được dùng null ở đây; hãy bỏ trường này đi")
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
		ti = ti.elem
	}
	if v.CanAddr() && ti.text {
		if c != '"' {
			return d.mismatch(v.Type())
		}
		b, err := d.strBytes()
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(b); err != nil {
			s := string(b)
			en, vi := err.Error(), err.Error()
			var b interface{ Vietnamese() string }
			if errors.As(err, &b) {
				vi = b.Vietnamese()
			}
			return d.add(Value, s, en, vi)
		}
		return nil
	}
	switch c {
	case '{':
		switch {
		case v.Kind() == reflect.Struct:
			return d.object(v, ti)
		case v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
			return d.mapObject(v, ti)
		}
	case '[':
		if v.Kind() == reflect.Slice {
			return d.array(v, ti)
		}
	case '"':
		if v.Kind() == reflect.String {
			s, err := d.str()
			if err == nil {
				v.SetString(s)
			}
			return err
		}
	case 't', 'f':
		if v.Kind() == reflect.Bool {
			word := "false"
			if c == 't' {
				word = "true"
			}
			if err := d.literal(word); err != nil {
				return err
			}
			v.SetBool(c == 't')
			return nil
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return d.number(v)
	default:
		if !strings.ContainsRune(`{["tfn-0123456789`, rune(c)) {
			return d.syntaxChar("a value", "một giá trị")
		}
	}
	return d.mismatch(v.Type())
}

// literal reads the word true, false or null.
func (d *decoder) literal(word string) error {
	if len(d.data)-d.pos >= len(word) && string(d.data[d.pos:d.pos+len(word)]) == word {
		d.pos += len(word)
		return nil
	}
	return d.syntaxChar("a value", "một giá trị")
}

// str reads a string, unescaping it.
func (d *decoder) str() (string, error) {
	d.pos++ // the opening quote
	start := d.pos
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; {
		case c == '"':
			s := string(d.data[start:d.pos])
			d.pos++
			return s, nil
		case c == '\\':
			return d.strEscaped(start)
		case c < 0x20:
			return "", d.syntax("a control character in a string", "ký tự điều khiển trong chuỗi")
		default:
			d.pos++
		}
	}
	return "", d.syntax("unexpected end of input in a string", "tài liệu kết thúc giữa một chuỗi")
}

// skipRaw finds the end of the value that starts at the next byte, an
// array, an object or a string, matching brackets outside strings, without
// checking more of its syntax: a value DecodeKeeping keeps raw is read later,
// by a reader that accepts nothing but the JSON it expects.
func (d *decoder) skipRaw() error {
	switch d.data[d.pos] {
	case '[', '{':
	default:
		return d.skip() // a scalar: checked as any other
	}
	data, i, depth := d.data, d.pos, 0
	for i < len(data) {
		for i < len(data) && !rawSpecial[data[i]] {
			i++
		}
		if i == len(data) {
			break
		}
		switch data[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				d.pos = i + 1
				return nil
			}
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		}
		i++
	}
	d.pos = len(data)
	return d.syntax("unexpected end of input", "tài liệu kết thúc đột ngột")
}

// strStop are the bytes that end the plain part of a string.
var strStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// rawSpecial are the bytes skipRaw looks at.
var rawSpecial = [256]bool{'[': true, ']': true, '{': true, '}': true, '"': true}

// strBytes reads a string as str does, returning its bytes: a subslice of
// the document when it has no escape, which the caller must not keep.
func (d *decoder) strBytes() ([]byte, error) {
	d.pos++ // the opening quote
	start := d.pos
	data, i := d.data, d.pos
	for i < len(data) && !strStop[data[i]] {
		i++
	}
	if i < len(data) && data[i] == '"' {
		d.pos = i + 1
		return data[start:i], nil
	}
	d.pos = i
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; {
		case c == '"':
			d.pos++
			return d.data[start : d.pos-1], nil
		case c == '\\':
			s, err := d.strEscaped(start)
			return []byte(s), err
		case c < 0x20:
			return nil, d.syntax("a control character in a string", "ký tự điều khiển trong chuỗi")
		default:
			d.pos++
		}
	}
	return nil, d.syntax("unexpected end of input in a string", "tài liệu kết thúc giữa một chuỗi")
}

// skipStr reads a string, checking it as str does, and keeps nothing.
func (d *decoder) skipStr() error {
	d.pos++ // the opening quote
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; {
		case c == '"':
			d.pos++
			return nil
		case c == '\\':
			_, err := d.strEscaped(d.pos)
			return err
		case c < 0x20:
			return d.syntax("a control character in a string", "ký tự điều khiển trong chuỗi")
		default:
			d.pos++
		}
	}
	return d.syntax("unexpected end of input in a string", "tài liệu kết thúc giữa một chuỗi")
}

// strEscaped reads the rest of a string that has an escape, from start.
func (d *decoder) strEscaped(start int) (string, error) {
	b := append([]byte(nil), d.data[start:d.pos]...)
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return string(b), nil
		case c < 0x20:
			return "", d.syntax("a control character in a string", "ký tự điều khiển trong chuỗi")
		case c != '\\':
			b = append(b, c)
			d.pos++
			continue
		}
		if d.pos+1 >= len(d.data) {
			break
		}
		e := d.data[d.pos+1]
		d.pos += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return "", d.syntax("an invalid \\u escape", "mã \\u không hợp lệ")
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one rune; a lone half becomes U+FFFD, as
				// encoding/json does.
				save := d.pos
				if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
					d.pos += 2
					if r2, ok := d.hex4(); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
							break
						}
					}
				}
				d.pos = save
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
		default:
			d.pos -= 2
			return "", d.syntax("an invalid escape in a string", "ký tự thoát không hợp lệ trong chuỗi")
		}
	}
	return "", d.syntax("unexpected end of input in a string", "tài liệu kết thúc giữa một chuỗi")
}

func (d *decoder) hex4() (rune, bool) {
	if len(d.data)-d.pos < 4 {
		return 0, false
	}
	var r rune
	for _, c := range d.data[d.pos : d.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	d.pos += 4
	return r, true
}

// numberText reads a number by the JSON grammar and returns its text and
// whether it is written as an integer (no fraction, no exponent).
func (d *decoder) numberText() (text []byte, integer bool, err error) {
	start := d.pos
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	if d.data[d.pos] == '-' {
		d.pos++
	}
	if d.pos < len(d.data) && d.data[d.pos] == '0' {
		d.pos++
	} else if digits() == 0 {
		return nil, false, d.syntaxChar("a digit", "một chữ số")
	}
	integer = true
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		integer = false
		if digits() == 0 {
			return nil, false, d.syntaxChar("a digit", "một chữ số")
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		integer = false
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return nil, false, d.syntaxChar("a digit", "một chữ số")
		}
	}
	return d.data[start:d.pos], integer, nil
}

func (d *decoder) number(v reflect.Value) error {
	text, integer, err := d.numberText()
	if err != nil {
		return err
	}
	notInt := func() error {
		return d.add(Type, string(text), "must be a whole number, written without a fraction or exponent",
			"phải là số nguyên, không có phần thập phân hay số mũ")
	}
	tooBig := func() error {
		return d.add(Range, string(text), "number is out of range", "số nằm ngoài phạm vi cho phép")
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !integer {
			return notInt()
		}
		i, ok := parseInt(text)
		if !ok || v.OverflowInt(i) {
			return tooBig()
		}
		v.SetInt(i)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !integer {
			return notInt()
		}
		i, ok := parseInt(text)
		if !ok || i < 0 || v.OverflowUint(uint64(i)) {
			return tooBig()
		}
		v.SetUint(uint64(i))
		return nil
	}
	got, gotVI := "a number", "một số"
	return d.add(Type, string(text), fmt.Sprintf("expected %s, found %s", wantOf(v.Type()), got),
		fmt.Sprintf("cần %s, nhưng gặp %s", wantVI(wantOf(v.Type())), gotVI))
}

// parseInt parses an integer written by the JSON grammar, reporting false
// when it does not fit an int64.
func parseInt(b []byte) (int64, bool) {
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var n uint64
	for _, c := range b {
		if n > (1<<63)/10 {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	switch {
	case neg && n <= 1<<63:
		return -int64(n), true
	case !neg && n < 1<<63:
		return int64(n), true
	}
	return 0, false
}

// mismatch reports a value of the wrong JSON type and skips it. The next
// byte is the start of a value.
func (d *decoder) mismatch(t reflect.Type) error {
	got, gotVI := "", ""
	switch d.peek() {
	case '{':
		got, gotVI = "an object", "một đối tượng"
	case '[':
		got, gotVI = "an array", "một mảng"
	case '"':
		got, gotVI = "a string", "một chuỗi"
	case 't', 'f':
		got, gotVI = "a boolean", "một giá trị true/false"
	default:
		got, gotVI = "a number", "một số"
	}
	start := d.pos
	if err := d.skip(); err != nil {
		return err
	}
	want := wantOf(t)
	return d.add(Type, string(d.data[start:d.pos]),
		fmt.Sprintf("expected %s, found %s", want, got),
		fmt.Sprintf("cần %s, nhưng gặp %s", wantVI(want), gotVI))
}

// skip reads one whole value, checking its syntax, and keeps nothing.
func (d *decoder) skip() error {
	switch c := d.peek(); c {
	case '{', '[':
		close := byte('}')
		if c == '[' {
			close = ']'
		}
		if err := d.enter(); err != nil {
			return err
		}
		d.pos++
		if d.peek() == close {
			d.pos++
			d.depth--
			return nil
		}
		for {
			if c == '{' {
				if d.peek() != '"' {
					return d.syntaxChar("a field name", "tên trường")
				}
				if err := d.skipStr(); err != nil {
					return err
				}
				if d.peek() != ':' {
					return d.syntaxChar(`":"`, `":"`)
				}
				d.pos++
			}
			if err := d.skip(); err != nil {
				return err
			}
			switch d.peek() {
			case ',':
				d.pos++
			case close:
				d.pos++
				d.depth--
				return nil
			default:
				return d.syntaxChar(fmt.Sprintf(`"," or %q`, close), fmt.Sprintf(`"," hoặc %q`, close))
			}
		}
	case '"':
		return d.skipStr()
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		_, _, err := d.numberText()
		return err
	}
	return d.syntaxChar("a value", "một giá trị")
}

func (d *decoder) enter() error {
	d.depth++
	if d.depth > MaxDepth {
		return d.syntax(fmt.Sprintf("nested more than %d levels deep", MaxDepth), fmt.Sprintf("lồng sâu quá %d cấp", MaxDepth))
	}
	return nil
}

// members reads the members of an object, calling each for every key with
// the path already extended; each must consume the value.
func (d *decoder) members(each func(key []byte) error) error {
	if err := d.enter(); err != nil {
		return err
	}
	d.pos++ // '{'
	if d.peek() == '}' {
		d.pos++
		d.depth--
		return nil
	}
	for {
		if d.peek() != '"' {
			return d.syntaxChar("a field name", "tên trường")
		}
		key, err := d.strBytes()
		if err != nil {
			return err
		}
		if d.peek() != ':' {
			return d.syntaxChar(`":"`, `":"`)
		}
		d.pos++
		n := len(d.path)
		d.path = append(d.path, segment{key: key[:len(key):len(key)]})
		err = each(key)
		d.path = d.path[:n]
		if err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			d.depth--
			return nil
		default:
			return d.syntaxChar(`"," or "}"`, `"," hoặc "}"`)
		}
	}
}

func (d *decoder) object(v reflect.Value, ti *typeInfo) error {
	fields := &ti.fields
	var seen uint64          // the fields given, by ordinal, below 64
	var seenMore []int       // … and from 64
	var seenUnknown []string // the unknown keys given
	next := 0                // the position of the field expected next
	return d.members(func(key []byte) error {
		var f field
		var ok bool
		if next < len(fields.decl) && fields.decl[next].name == string(key) {
			f, ok = fields.decl[next].field, true
		} else {
			f, ok = fields.index[string(key)]
		}
		if ok {
			next = f.pos + 1
		}
		dup := false
		switch {
		case !ok:
			dup = slices.Contains(seenUnknown, string(key))
			if !dup {
				seenUnknown = append(seenUnknown, string(key))
			}
		case f.ord < 64:
			dup = seen&(1<<f.ord) != 0
			seen |= 1 << f.ord
		default:
			dup = slices.Contains(seenMore, f.ord)
			if !dup {
				seenMore = append(seenMore, f.ord)
			}
		}
		if dup {
			if err := d.add(DuplicateKey, string(key), fmt.Sprintf("field %q is given twice", key),
				fmt.Sprintf("trường %q bị khai báo hai lần", key)); err != nil {
				return err
			}
			return d.skip()
		}
		if !ok {
			if err := d.add(UnknownField, string(key), fmt.Sprintf("unknown field %q (known: %s)", key, fields.known),
				fmt.Sprintf("trường %q không có trong định dạng (các trường hợp lệ: %s)", key, fields.known)); err != nil {
				return err
			}
			return d.skip()
		}
		return d.value(v.FieldByIndex(f.index), f.info)
	})
}

func (d *decoder) mapObject(v reflect.Value, ti *typeInfo) error {
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	elem, keyType := v.Type().Elem(), v.Type().Key()
	return d.members(func(kb []byte) error {
		key := string(kb)
		kv := reflect.ValueOf(key).Convert(keyType)
		if v.MapIndex(kv).IsValid() {
			if err := d.add(DuplicateKey, key, fmt.Sprintf("key %q is given twice", key),
				fmt.Sprintf("khóa %q bị khai báo hai lần", key)); err != nil {
				return err
			}
			return d.skip()
		}
		ev := reflect.New(elem).Elem()
		if err := d.value(ev, ti.elem); err != nil {
			return err
		}
		v.SetMapIndex(kv, ev)
		return nil
	})
}

func (d *decoder) array(v reflect.Value, ti *typeInfo) error {
	if err := d.enter(); err != nil {
		return err
	}
	d.pos++ // '['
	if d.peek() == ']' {
		d.pos++
		d.depth--
		v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // empty, not nil
		return nil
	}
	// v is addressable (a field, an element, a new map value): it grows in
	// place, without a slice header on the heap per element.
	v.SetLen(0)
	for i := 0; ; i++ {
		if i == v.Cap() {
			v.Grow(max(4, i)) // the new elements are zero
		}
		v.SetLen(i + 1)
		n := len(d.path)
		d.path = append(d.path, segment{index: i})
		err := d.value(v.Index(i), ti.elem)
		d.path = d.path[:n]
		if err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			d.depth--
			return nil
		default:
			return d.syntaxChar(`"," or "]"`, `"," hoặc "]"`)
		}
	}
}

// fields is a struct type's JSON names: index paths, and the list of names
// for messages.
type fields struct {
	index map[string]field
	known string
	decl  []declField // in a typeInfo: the fields in the order declared
}

// declField is a field with its name.
type declField struct {
	name string
	field
}

// field is a struct field's index path, its ordinal among the fields and,
// in a typeInfo, its type's typeInfo.
type field struct {
	index []int
	ord   int
	info  *typeInfo
	pos   int // in a typeInfo: its position in the order declared
}

var fieldCache sync.Map // reflect.Type → fields

// fieldsOf maps JSON names to field index paths, promoting untagged embedded
// structs the way encoding/json does (shallower fields win; this module's
// types never rely on the tie rules).
func fieldsOf(t reflect.Type) fields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(fields)
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
	f := fields{index: make(map[string]field, len(m)), known: strings.Join(slices.Sorted(maps.Keys(m)), ", ")}
	for i, name := range slices.Sorted(maps.Keys(m)) {
		f.index[name] = field{index: m[name], ord: i}
	}
	fieldCache.Store(t, f)
	return f
}

func wantOf(t reflect.Type) string {
	if isText(t) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
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
