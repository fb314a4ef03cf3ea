package aggregate

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kiemphieu/kiemphieu/tally"
)

// A Rejected is an input that could not be read as a counted congress: where
// it was, and why (a ballot.ErrorList for a malformed document).
type Rejected struct {
	Source string // a file name, or "name:line" in a stream
	Err    error
}

func (r Rejected) Error() string { return r.Source + ": " + r.Err.Error() }

// MaxDocument is the largest counted congress read, in bytes.
const MaxDocument = 64 << 20

// ReadStream adds to a every counted congress in r, written as JSON Lines:
// one document of format "kiemphieu.tally/1" per line, blank lines ignored.
// A line that is not a well-formed document is rejected — every such line is
// returned, with "name:line" — and reading goes on, so one bad line costs
// one congress, never the rest. The error is for r itself failing.
// Memory is one line at a time.
func (a *Aggregator) ReadStream(r io.Reader, name string) ([]Rejected, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var rejected []Rejected
	var buf []byte // the lines, one after the other: the decoder keeps nothing of them
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, buf[:0])
		buf = line[:0]
		switch {
		case tooLong:
			rejected = append(rejected, Rejected{Source: fmt.Sprintf("%s:%d", name, n),
				Err: fmt.Errorf("the line is longer than %d bytes", MaxDocument)})
		case len(bytes.TrimSpace(line)) > 0:
			if res, perr := tally.ParseResult(line); perr != nil {
				rejected = append(rejected, Rejected{Source: fmt.Sprintf("%s:%d", name, n), Err: perr})
			} else {
				a.Add(res)
			}
		}
		if err == io.EOF {
			return rejected, nil
		}
		if err != nil {
			return rejected, fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
}

// readLine returns the next line without its end, in line's memory. A line
// longer than MaxDocument is read to its end and dropped, and tooLong says
// so. err is io.EOF after the last line.
func readLine(br *bufio.Reader, line []byte) (_ []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(line)+len(chunk) > MaxDocument+1 {
			tooLong, line = true, line[:0]
		}
		if !tooLong {
			line = append(line, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// ReadDir adds to a every counted congress in the files of dir whose names
// end in ".json", one document per file, in the order of their names. A
// file that is not a well-formed document is rejected and reading goes on.
// The error is for a directory that cannot be listed.
func (a *Aggregator) ReadDir(dir string) ([]Rejected, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".json") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	var rejected []Rejected
	for _, n := range names {
		path := filepath.Join(dir, n)
		data, err := readFile(path)
		if err == nil {
			var res tally.Result
			if res, err = tally.ParseResult(data); err == nil {
				a.Add(res)
				continue
			}
		}
		rejected = append(rejected, Rejected{Source: path, Err: err})
	}
	return rejected, nil
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxDocument+1))
	if err == nil && len(data) > MaxDocument {
		err = fmt.Errorf("larger than %d bytes", MaxDocument)
	}
	return data, err
}
