// Command aggregate writes a superior committee's summary of many counted
// congresses (báo cáo tổng hợp kết quả đại hội): congresses held out of those
// due, seats filled, new and re-elected members, women, young cadres, ethnic
// minorities, surplus compliance, ties and further rounds, and the convening
// committees' candidates not elected.
//
// Usage:
//
//	go run ./examples/aggregate [flags] PATH...
//
// Each PATH is a directory of counted congresses (*.json, one per file, as
// `go run ./examples/congress -json FILE` writes them), a JSON Lines file
// (one counted congress per line), or "-" for JSON Lines on standard input.
// Memory stays bounded however many congresses are read.
//
//	-due N            the number of congresses due
//	-young N          the age under which a member is a young cadre (default 40)
//	-lang vi|en       language of the summary (default vi)
//	-rounding truncate|half-up
//	-html file        write the summary as a printable HTML page instead
//	-json file        write the summary as JSON instead
//
// Every input that is not a well-formed counted congress is listed on
// standard error with its file and line; the summary covers the others, and
// the exit status is 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/usage"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally/aggregate"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

const help = `aggregate — tổng hợp kết quả đại hội / summary of counted congresses

Cách dùng / Usage:
  aggregate [-due N] [-young N] [-lang vi|en] [-rounding truncate|half-up] [-html FILE | -json FILE] PATH...

Tổng hợp nhiều đại hội đã kiểm phiếu (báo cáo tổng hợp của cấp ủy cấp trên):
số đại hội đã tiến hành, số chỗ đã bầu, tái cử, nữ, trẻ, dân tộc thiểu số, số dư,
bằng phiếu, bầu nhiều lần. PATH là thư mục các tệp .json (mỗi đại hội một tệp,
do "congress -json" viết), một tệp JSON Lines, hoặc "-" (đầu vào chuẩn).

Sums many counted congresses for a superior committee: congresses held, seats
filled, re-elected, women, young cadres, ethnic minorities, surplus, ties,
further rounds. PATH is a directory of .json files (one congress each, as
"congress -json" writes them), a JSON Lines file, or "-" for standard input.

  -due N        số đại hội phải tiến hành / congresses due
  -young N      tuổi dưới mức này là cán bộ trẻ / young under this age (40)
  -lang vi|en   ngôn ngữ / language (vi)
  -rounding     truncate (cắt bỏ, mặc định / default) | half-up (làm tròn)
  -html FILE    ghi trang HTML để in / write a printable HTML page
  -json FILE    ghi JSON / write JSON

Ví dụ / Example:
  go run ./examples/congress -json out/phuong-hoa-an.json
  go run ./examples/aggregate -due 12 out/
`

func main() {
	usage.Exit(run(os.Stdin, os.Stdout, os.Stderr, os.Args[1:]))
}

// errRejected says some inputs were rejected; they are already listed.
var errRejected = errors.New("rejected; the summary covers the others")

func run(stdin io.Reader, w, errw io.Writer, args []string) error {
	fs := flag.NewFlagSet("aggregate", flag.ContinueOnError)
	fs.SetOutput(errw)
	due := fs.Int("due", 0, "the number of congresses due")
	young := fs.Int("young", 40, "the age under which an elected member counts as a young cadre")
	var opt report.Options
	fs.TextVar(&opt.Lang, "lang", ballot.Vietnamese, "language of the summary: vi or en")
	fs.TextVar(&opt.Rounding, "rounding", rules.Truncate, "how percentages are cut to two places: truncate or half-up")
	htmlFlag := fs.String("html", "", "write the summary as a printable HTML page to this file instead")
	jsonFlag := fs.String("json", "", "write the summary as JSON to this file instead")
	if err := usage.Parse(fs, help, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usage.Wrong(errw, help, "give a directory, a JSON Lines file, or - for standard input / cần thư mục, tệp JSON Lines hoặc -")
	}
	if *due < 0 || *young < 1 {
		return errors.New("-due must be 0 or more and -young at least 1")
	}

	a := aggregate.New(aggregate.Options{Due: *due, YoungUnder: *young})
	// Rejections are printed as they are found, never held: a stream of
	// two million bad lines runs in the memory of one.
	rejected := 0
	reject := func(r aggregate.Rejected) {
		rejected++
		fmt.Fprintln(errw, r.Source+": "+firstProblems(r.Err))
	}
	for _, path := range fs.Args() {
		if err := read(a, stdin, path, reject); err != nil {
			return err
		}
	}

	s := a.Summary()
	var err error
	switch {
	case *htmlFlag != "":
		err = writeFile(*htmlFlag, func(f io.Writer) error { return report.SummaryHTML(f, s, opt) })
	case *jsonFlag != "":
		err = writeFile(*jsonFlag, func(f io.Writer) error {
			data, err := json.MarshalIndent(s, "", "  ")
			if err == nil {
				_, err = f.Write(append(data, '\n'))
			}
			return err
		})
	default:
		err = report.SummaryText(w, s, opt)
	}
	if err == nil && rejected > 0 {
		err = fmt.Errorf("%d inputs: %w", rejected, errRejected)
	}
	return err
}

// read adds the congresses at path: standard input, a directory, or a JSON
// Lines file, handing each rejected input to reject.
func read(a *aggregate.Aggregator, stdin io.Reader, path string, reject func(aggregate.Rejected)) error {
	if path == "-" {
		return a.ReadStreamFunc(stdin, "stdin", reject)
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.IsDir() {
		rejected, err := a.ReadDir(path)
		for _, r := range rejected {
			reject(r)
		}
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return a.ReadStreamFunc(f, path, reject)
}

// firstProblems is an error on one line: a list of problems gives its
// first (the count of the rest follows it), any other error its text.
func firstProblems(err error) string {
	var l ballot.ErrorList
	if errors.As(err, &l) && len(l) > 1 {
		return fmt.Sprintf("%s (+%d)", l[0].Error(), len(l)-1)
	}
	return err.Error()
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
