package bulk

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// Format is the first line of a ballot file.
const Format = "kiemphieu.ballots/1"

// MaxErrors is the number of bad lines a reader reports before it stops
// reading; the list then ends with a ballot.ErrTooMany problem.
const MaxErrors = 200

// MaxLine is the longest line a reader accepts, in bytes, without its end:
// room for a header of MaxCandidates ids of MaxIDLen bytes.
const MaxLine = 1 << 20

// LinePath returns the path of line n (1-based) of a ballot file: "line n".
// Every problem a reader reports is at such a path.
func LinePath(n int) ballot.Path { return ballot.Path("line " + strconv.Itoa(n)) }

// Read reads a ballot file from r and counts its ballots under policy pol,
// as it reads them, in memory bounded by the number of candidates; it
// returns the paper of the header and the count.
//
// A file with any bad line is not counted: the error is a ballot.ErrorList
// with a problem for every bad line (up to MaxErrors), in file order, at
// LinePath(n), with the codes ballot.ErrSyntax (not a number, a stray space
// or character), ballot.ErrOutOfRange (a number outside the list, a line too
// long), ballot.ErrDuplicate (a name or flag given twice), ballot.ErrInvalid
// (an unknown flag or format), ballot.ErrRequired (a missing header line)
// and ballot.ErrConflict (a paper not of the cross-out form). An error
// reading r is returned as it is.
func Read(r io.Reader, pol ballot.Policy) (ballot.Paper, Count, error) {
	s := newScanner(r)
	p, err := s.header()
	if err != nil {
		return ballot.Paper{}, Count{}, err
	}
	c, _ := NewCounter(p, pol) // the header checked the paper
	strict := pol.PartlyStruckIsStruck
	err = s.body(func(l *line) {
		if len(s.errs) > 0 {
			return // the file will not be counted
		}
		j := c.slot()
		partly := 0
		for k := range c.words {
			x := ^l.struck[k]
			if strict {
				x &^= l.partly[k]
			} else {
				partly += bits.OnesCount64(l.partly[k])
			}
			c.pend[k*group+j] = x
		}
		c.pend[(c.words-1)*group+j] &= c.last
		c.push(l.flags, partly)
	})
	if err != nil {
		return ballot.Paper{}, Count{}, err
	}
	return p, c.Count(), nil
}

// Decode reads a ballot file from r into the paper of its header and every
// ballot as a ballot.Ballot, with the errors of Read. It holds every ballot
// in memory; Read counts a file of any size.
func Decode(r io.Reader) (ballot.Paper, []ballot.Ballot, error) {
	s := newScanner(r)
	p, err := s.header()
	if err != nil {
		return ballot.Paper{}, nil, err
	}
	n := len(p.Candidates)
	var out []ballot.Ballot
	err = s.body(func(l *line) {
		if len(s.errs) > 0 {
			return
		}
		b := ballot.Ballot{Marks: make([]ballot.Mark, n), Flags: l.flags}
		for i := range b.Marks {
			w, bit := i>>6, uint64(1)<<(i&63)
			switch {
			case l.struck[w]&bit != 0:
				b.Marks[i] = ballot.Struck
			case l.partly[w]&bit != 0:
				b.Marks[i] = ballot.PartlyStruck
			}
		}
		out = append(out, b)
	})
	if err != nil {
		return ballot.Paper{}, nil, err
	}
	return p, out, nil
}

// A Writer writes a ballot file: the header on creation, then one line per
// ballot, in the canonical form Read accepts: the struck and partly struck
// names in ascending order, then the flags, if any, in bit order.
type Writer struct {
	w     *bufio.Writer
	paper ballot.Paper
	buf   []byte
}

// NewWriter writes the header of a ballot file for paper p to w and returns
// a writer for its ballots. The paper must be well formed and of the
// cross-out form, as for NewCounter.
func NewWriter(w io.Writer, p ballot.Paper) (*Writer, error) {
	if err := checkPaper(p); err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "%s\nseats %d\ncandidates", Format, p.Seats)
	for _, id := range p.Candidates {
		bw.WriteByte(' ')
		bw.WriteString(string(id))
	}
	bw.WriteString("\n---\n")
	return &Writer{w: bw, paper: p}, nil
}

// Write writes one ballot, with the errors of Counter.Add. Nothing reaches
// the underlying writer before Flush, or before the buffer fills.
func (w *Writer) Write(b ballot.Ballot) error {
	if err := w.paper.CheckBallot(b); err != nil {
		return err
	}
	buf := w.buf[:0]
	for i, m := range b.Marks {
		if m == ballot.Unmarked {
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		if m == ballot.PartlyStruck {
			buf = append(buf, '~')
		}
		buf = strconv.AppendInt(buf, int64(i+1), 10)
	}
	if b.Flags != 0 {
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, '|')
		for _, f := range b.Flags.List() {
			buf = append(buf, ' ')
			buf = append(buf, f...)
		}
	}
	buf = append(buf, '\n')
	w.buf = buf
	_, err := w.w.Write(buf)
	return err
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// A line is one ballot line as read: the positions struck and partly struck,
// as bit sets over the list, and the flags.
type line struct {
	struck, partly []uint64
	flags          ballot.Flags
}

// scanner reads a ballot file line by line, keeping the problems found.
type scanner struct {
	r          io.Reader
	buf        []byte // the input read and not yet consumed is buf[start:end]
	start, end int
	eof        bool
	err        error // a read error
	n          int   // number of the last line read
	errs       ballot.ErrorList
	stop       bool // MaxErrors reached
	// set by header for the body
	names int
	l     line
}

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 64<<10)}
}

// add records a problem at the current line, up to MaxErrors.
func (s *scanner) add(code ballot.ErrorCode, value []byte, vi, en string, args ...any) {
	s.addError(code, string(value), ballot.Text{VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, args...)})
}

// addError records a problem at the current line, up to MaxErrors; past
// them, it ends the list with ballot.ErrTooMany and stops the reading.
func (s *scanner) addError(code ballot.ErrorCode, value string, detail ballot.Text) {
	switch {
	case s.stop:
	case len(s.errs) == MaxErrors:
		s.errs.Addf(LinePath(s.n), ballot.ErrTooMany, strconv.Itoa(MaxErrors),
			"dừng đọc sau %d lỗi", "stopped reading after %d problems", MaxErrors)
		s.stop = true
	default:
		s.errs.Add(LinePath(s.n), code, value, detail)
	}
}

// fill reads more input after buf[start:end], moving it to the front of
// the buffer and growing the buffer, up to a line of MaxLine bytes and its
// end, when it is full.
func (s *scanner) fill() {
	if s.start > 0 {
		s.end = copy(s.buf, s.buf[s.start:s.end])
		s.start = 0
	}
	if s.end == len(s.buf) && len(s.buf) <= MaxLine {
		grown := make([]byte, min(2*len(s.buf), MaxLine+2))
		copy(grown, s.buf[:s.end])
		s.buf = grown
	}
	for range 100 { // a reader that returns nothing 100 times makes no progress
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		switch {
		case err == io.EOF:
			s.eof = true
			return
		case err != nil:
			s.err = err
			return
		case n > 0:
			return
		}
	}
	s.err = io.ErrNoProgress
}

// next returns the next line without its end (\n or \r\n), and false at the
// end of the input or on a read error (kept in s.err). A line longer than
// MaxLine is reported and returned empty, with skip set.
func (s *scanner) next() (b []byte, skip, ok bool) {
	ended := false // by a \n, not by the end of the input
	for {
		if i := bytes.IndexByte(s.buf[s.start:s.end], '\n'); i >= 0 {
			b = s.buf[s.start : s.start+i]
			s.start += i + 1
			ended = true
			break
		}
		if s.err != nil {
			return nil, false, false
		}
		if s.eof {
			if s.start == s.end {
				return nil, false, false
			}
			b = s.buf[s.start:s.end]
			s.start = s.end
			break
		}
		if s.end-s.start > MaxLine {
			// No end within MaxLine bytes: report the line, skip to its end.
			s.n++
			s.add(ballot.ErrOutOfRange, nil, "dòng dài hơn %d byte", "the line is longer than %d bytes", MaxLine)
			for {
				if i := bytes.IndexByte(s.buf[s.start:s.end], '\n'); i >= 0 {
					s.start += i + 1
					return nil, true, true
				}
				s.start = s.end
				if s.eof || s.err != nil {
					return nil, true, s.err == nil
				}
				s.fill()
			}
		}
		s.fill()
	}
	s.n++
	if len(b) > MaxLine {
		s.add(ballot.ErrOutOfRange, nil, "dòng dài hơn %d byte", "the line is longer than %d bytes", MaxLine)
		return nil, true, true
	}
	if n := len(b); ended && n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b, false, true
}

// headerLine returns the next header line that is neither blank nor a
// comment, or false at the end of the input.
func (s *scanner) headerLine() ([]byte, bool) {
	for {
		b, skip, ok := s.next()
		if !ok {
			return nil, false
		}
		if skip || len(b) == 0 || b[0] == '#' {
			continue
		}
		return b, true
	}
}

// header reads the header: the format line, seats, candidates and the
// separator, comments and blank lines between them. It returns the paper,
// or every problem of the header.
func (s *scanner) header() (ballot.Paper, error) {
	var p ballot.Paper
	missing := func(what string) error {
		if s.err != nil {
			return s.err
		}
		s.n++ // the line where it was expected
		s.add(ballot.ErrRequired, nil, "thiếu dòng %s", "the line %s is missing", what)
		return s.errs.Err()
	}

	b, ok := s.headerLine()
	if !ok {
		return p, missing(Format)
	}
	if string(b) != Format {
		if strings.HasPrefix(string(b), "kiemphieu.ballots/") {
			s.add(ballot.ErrInvalid, b, "phiên bản định dạng %q không được hỗ trợ, chỉ %s", "format %q is not supported, only %s", b, Format)
		} else {
			s.add(ballot.ErrRequired, b, "tệp phải bắt đầu bằng dòng %s", "the file must start with the line %s", Format)
		}
		return p, s.errs.Err()
	}

	if b, ok = s.headerLine(); !ok {
		return p, missing("seats N")
	}
	seatsLine := s.n
	v, ok := strings.CutPrefix(string(b), "seats ")
	if !ok {
		s.add(ballot.ErrRequired, b, "cần dòng seats N (số lượng cần bầu)", "expected the line seats N (the seats to fill)")
		return p, s.errs.Err()
	}
	if p.Seats, ok = headerNumber(v); !ok {
		s.add(ballot.ErrSyntax, []byte(v), "số lượng cần bầu %q không phải là số", "seats %q is not a number", v)
		return p, s.errs.Err()
	}

	if b, ok = s.headerLine(); !ok {
		return p, missing("candidates ...")
	}
	candLine := s.n
	v, ok = strings.CutPrefix(string(b), "candidates")
	if !ok || v != "" && v[0] != ' ' {
		s.add(ballot.ErrRequired, b, "cần dòng candidates theo sau là mã các ứng cử viên", "expected the line candidates followed by the candidates' ids")
		return p, s.errs.Err()
	}
	for i, id := range strings.Split(v, " ")[1:] {
		if len(p.Candidates) == ballot.MaxCandidates {
			s.add(ballot.ErrOutOfRange, nil, "danh sách quá %d người", "the list has more than %d names", ballot.MaxCandidates)
			return p, s.errs.Err()
		}
		if id == "" {
			s.add(ballot.ErrSyntax, nil, "thừa dấu cách trước mã thứ %d", "extra space before id %d", i+1)
			return p, s.errs.Err()
		}
		p.Candidates = append(p.Candidates, ballot.CandidateID(id))
	}
	if err := checkPaper(p); err != nil {
		// Put the paper's problems on the lines they come from.
		for _, e := range err.(ballot.ErrorList) {
			s.n = candLine
			if e.Path == "seats" {
				s.n = seatsLine
			}
			s.addError(e.Code, e.Value, e.Detail)
		}
		return p, s.errs.Err()
	}

	if b, ok = s.headerLine(); !ok {
		return p, missing("---")
	}
	if string(b) != "---" {
		s.add(ballot.ErrRequired, b, "phần đầu phải kết thúc bằng dòng ---", "the header must end with the line ---")
		return p, s.errs.Err()
	}
	w := (len(p.Candidates) + 63) / 64
	s.names = len(p.Candidates)
	s.l = line{struck: make([]uint64, w), partly: make([]uint64, w)}
	return p, nil
}

// body reads the ballot lines, calls f with each good one, and returns every
// problem, or a read error.
func (s *scanner) body(f func(*line)) error {
	for !s.stop {
		// The common line is read in place, in one pass, up to its end.
		if b := s.buf[s.start:s.end]; len(b) > 0 {
			if i, ok := s.parseFast(b); ok && i < len(b) {
				s.start += i + 1
				s.n++
				f(&s.l)
				continue
			}
		}
		b, skip, ok := s.next()
		if !ok {
			break
		}
		if skip {
			continue
		}
		if i, ok := s.parseFast(b); ok && i == len(b) || s.parseAll(b) {
			f(&s.l)
		}
	}
	if s.err != nil {
		return s.err
	}
	return s.errs.Err()
}

// parseFast reads the common line, numbers and ~numbers only, all good,
// from the start of b up to a \n or the end of b, into s.l, and returns
// where it stopped. It reports false at anything else, flags and \r
// included, for parseAll to read again and judge.
func (s *scanner) parseFast(b []byte) (int, bool) {
	l := &s.l
	clear(l.struck)
	clear(l.partly)
	l.flags = 0
	n := s.names
	i := 0
	if len(b) == 0 || b[0] == '\n' {
		return 0, true // nothing struck
	}
	for {
		set := l.struck
		if b[i] == '~' {
			set = l.partly
			if i++; i == len(b) {
				return i, false
			}
		}
		c := b[i] - '0'
		if c-1 > 8 {
			return i, false // not a number, a leading zero, a space too many
		}
		// A second digit is taken without a branch, which would be
		// mispredicted on every other name of a list of 10 to 99.
		k := int(c)
		i++
		d := byte(0xff) // not a digit
		if i < len(b) {
			d = b[i] - '0'
		}
		digit := int((uint64(d) - 10) >> 63) // 1 when d ≤ 9
		mask := -digit
		k = (k*10+int(d))&mask | k&^mask
		i += digit
		for ; i < len(b); i++ {
			if c = b[i] - '0'; c > 9 {
				break
			}
			if k > n {
				return i, false
			}
			k = k*10 + int(c)
		}
		if k > n {
			return i, false
		}
		k--
		w, bit := k>>6, uint64(1)<<(k&63)
		if (l.struck[w]|l.partly[w])&bit != 0 {
			return i, false
		}
		set[w] |= bit
		if i == len(b) || b[i] == '\n' {
			return i, true
		}
		if b[i] != ' ' {
			return i, false
		}
		if i++; i == len(b) || b[i] == '\n' {
			return i, false // a space at the end
		}
	}
}

// parseAll reads any ballot line into s.l and reports whether it is good;
// it records the line's first problem.
func (s *scanner) parseAll(b []byte) bool {
	l := &s.l
	clear(l.struck)
	clear(l.partly)
	l.flags = 0
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && b[j] != ' ' {
			j++
		}
		tok := b[i:j]
		if j < len(b) && j+1 == len(b) {
			s.add(ballot.ErrSyntax, nil, "thừa dấu cách ở cuối dòng", "extra space at the end of the line")
			return false
		}
		i = j + 1
		if len(tok) == 0 {
			s.add(ballot.ErrSyntax, nil, "thừa dấu cách", "extra space")
			return false
		}
		if len(tok) == 1 && tok[0] == '|' {
			return s.parseFlags(b[min(i, len(b)):], j == len(b))
		}
		set := l.struck
		num := tok
		if tok[0] == '~' {
			set, num = l.partly, tok[1:]
		}
		k, ok := s.number(tok, num)
		if !ok {
			return false
		}
		w, bit := (k-1)>>6, uint64(1)<<((k-1)&63)
		if (l.struck[w]|l.partly[w])&bit != 0 {
			s.add(ballot.ErrDuplicate, tok, "tên số %d đã được ghi trên dòng này", "name %d is already on this line", k)
			return false
		}
		set[w] |= bit
	}
	return true
}

// headerNumber parses a number of the header: digits without leading
// zeros. A number too large for the limits comes back as one past them.
func headerNumber(v string) (int, bool) {
	if v == "" || v[0] == '0' && len(v) > 1 {
		return 0, false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return 0, false
		}
	}
	if len(v) > 6 {
		return ballot.MaxSeats + 1, true
	}
	n, _ := strconv.Atoi(v)
	return n, true
}

// number parses the number of a name, 1..names, written without leading
// zeros; tok is the whole token, for the report.
func (s *scanner) number(tok, num []byte) (int, bool) {
	if len(num) == 0 || num[0] == '0' && len(num) > 1 {
		s.add(ballot.ErrSyntax, tok, "%q không phải là số thứ tự của một tên", "%q is not the number of a name", tok)
		return 0, false
	}
	k := 0
	for _, c := range num {
		if c < '0' || c > '9' {
			s.add(ballot.ErrSyntax, tok, "%q không phải là số thứ tự của một tên", "%q is not the number of a name", tok)
			return 0, false
		}
		if k <= s.names { // beyond, it is out of range however long
			k = k*10 + int(c-'0')
		}
	}
	if k < 1 || k > s.names {
		s.add(ballot.ErrOutOfRange, tok, "số %s phải từ 1 đến %d", "number %s must be from 1 to %d", num, s.names)
		return 0, false
	}
	return k, true
}

// parseFlags reads the flags after "|"; end tells that the "|" ended the line.
func (s *scanner) parseFlags(b []byte, end bool) bool {
	if end {
		s.add(ballot.ErrRequired, nil, "thiếu dấu hiệu sau |", "no flag after |")
		return false
	}
	for i := 0; i <= len(b); {
		j := i
		for j < len(b) && b[j] != ' ' {
			j++
		}
		tok := b[i:j]
		var f ballot.Flags
		switch string(tok) {
		case "not-issued":
			f = ballot.FlagNotIssued
		case "written-in":
			f = ballot.FlagWrittenIn
		case "signed":
			f = ballot.FlagSigned
		case "":
			s.add(ballot.ErrSyntax, nil, "thừa dấu cách", "extra space")
			return false
		default:
			s.add(ballot.ErrInvalid, tok, "dấu hiệu %q không hợp lệ (các giá trị: %s)", "unknown flag %q (one of: %s)",
				tok, strings.Join(ballot.FlagNames(), ", "))
			return false
		}
		if s.l.flags&f != 0 {
			s.add(ballot.ErrDuplicate, tok, "dấu hiệu %q đã có trên dòng này", "flag %q is already on this line", tok)
			return false
		}
		s.l.flags |= f
		if j == len(b) {
			break
		}
		i = j + 1
	}
	return true
}
