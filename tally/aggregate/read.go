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

// MaxRejected is how many rejections ReadStream returns before it only
// counts them.
const MaxRejected = 200

// ReadStream adds to a every counted congress in r, written as JSON Lines:
// one document of format "kiemphieu.tally/1" per line, blank lines ignored.
// A line that is not a well-formed, consistent document is rejected — the
// first MaxRejected are returned, with "name:line", then one Rejected
// counting the rest (see ReadStreamFunc to have every one) — and reading
// goes on, so one bad line costs one congress, never the rest. The error is
// for r itself failing. Memory is one line at a time.
func (a *Aggregator) ReadStream(r io.Reader, name string) ([]Rejected, error) {
	var rejected []Rejected
	more := 0
	err := a.ReadStreamFunc(r, name, func(rj Rejected) {
		if len(rejected) < MaxRejected {
			rejected = append(rejected, rj)
		} else {
			more++
		}
	})
	if more > 0 {
		rejected = append(rejected, Rejected{Source: name, Err: fmt.Errorf("%d more lines rejected", more)})
	}
	return rejected, err
}

// ReadStreamFunc is ReadStream handing each rejected line to reject as it
// is found, so that memory stays bounded however many lines are rejected.
func (a *Aggregator) ReadStreamFunc(r io.Reader, name string, reject func(Rejected)) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		switch {
		case tooLong:
			reject(Rejected{Source: fmt.Sprintf("%s:%d", name, n),
				Err: fmt.Errorf("the line is longer than %d bytes", MaxDocument)})
		case len(bytes.TrimSpace(line)) > 0:
			if res, perr := checkedResult(tally.ParseResult(line)); perr != nil {
				reject(Rejected{Source: fmt.Sprintf("%s:%d", name, n), Err: perr})
			} else {
				a.Add(res)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
}

// readLine returns the next line without its end. A line longer than
// MaxDocument is read to its end and dropped, and tooLong says so. err is
// io.EOF after the last line.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(line)+len(chunk) > MaxDocument+1 {
			tooLong, line = true, nil
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
			if res, err = checkedResult(tally.ParseResult(data)); err == nil {
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
