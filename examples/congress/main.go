// Command congress counts a congress and prints its counting minutes (biên
// bản kiểm phiếu): the organisation committee's check of the lists, then the
// minutes of every round of every contest.
//
// Without -data it counts the sample congress embedded in the program: the
// delegates' congress of a ward (Đại hội đại biểu Đảng bộ phường), where two
// candidates tie for the last seat of the committee and a run-off decides,
// the official and alternate delegates are elected, and the new committee's
// first meeting elects its standing committee, secretary, deputies,
// inspection committee and chair.
//
// Usage:
//
//	go run ./examples/congress [flags]
//
//	-data file.json   count this congress document instead of the sample
//	-lang vi|en       language of the minutes (default vi)
//	-rounding truncate|half-up
//	                  how percentages are cut to two places (default truncate)
//	-html file        write the minutes as a printable HTML page instead
//	-json file        write the counted congress (kiemphieu.tally/1) instead
//	-lists=false      do not check the lists (a document with names only)
//	-org NAME         the organisation, at the top left of every paper
//	-place NAME       the place of the date line
//	-date YYYY-MM-DD  the date of the minutes (default: blanks, by hand)
//
// -h prints the usage in Vietnamese and English.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/usage"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

//go:embed sample.json
var sampleJSON []byte

const help = `congress — kiểm phiếu một đại hội và in biên bản / count a congress and print its minutes

Cách dùng / Usage:
  congress [-data FILE] [-lang vi|en] [-rounding truncate|half-up] [-org TÊN] [-place NƠI] [-date YYYY-MM-DD]
           [-html FILE | -json FILE] [-lists=false]

Kiểm phiếu một đại hội và in biên bản kiểm phiếu của từng lần bầu, sau kết quả
kiểm tra danh sách của ban tổ chức. Không có -data: kiểm đại hội mẫu (đại hội
đại biểu Đảng bộ phường, có bằng phiếu và bầu lại).

Counts a congress and prints the counting minutes of every round, after the
organisation committee's check of the lists. Without -data it counts the
sample: a ward's delegates' congress with a tie and a run-off.

  -data FILE     tài liệu đại hội / the congress document (kiemphieu.congress/1)
  -lang vi|en    ngôn ngữ / language (vi)
  -rounding      truncate (cắt bỏ, mặc định / default) | half-up (làm tròn)
  -org TÊN       tổ chức đảng, in ở góc trái / the organisation, top left
  -place NƠI     địa danh của dòng ngày tháng / the place of the date line
  -date NGÀY     ngày lập biên bản / the date, YYYY-MM-DD (để trống: viết tay / blank: by hand)
  -html FILE     ghi trang HTML để in / write a printable HTML page
  -json FILE     ghi kết quả JSON (kiemphieu.tally/1) / write the counted congress
  -lists=false   không kiểm tra danh sách / do not check the lists

Ví dụ / Example:
  go run ./examples/congress -org "Đảng bộ phường Hòa An" -place "Hòa An" -date 2025-07-15 -html bien-ban.html
`

func main() {
	usage.Exit(run(os.Stdout, os.Args[1:]))
}

// run is the whole program, so that the tests run exactly what main runs.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("congress", flag.ContinueOnError)
	fs.SetOutput(w)
	var opt report.Options
	fs.TextVar(&opt.Lang, "lang", ballot.Vietnamese, "language of the minutes: vi or en")
	fs.TextVar(&opt.Rounding, "rounding", rules.Truncate, "how percentages are cut to two places: truncate or half-up")
	dataFlag := fs.String("data", "", "a congress document to count instead of the embedded sample")
	htmlFlag := fs.String("html", "", "write the minutes as a printable HTML page to this file instead of printing them")
	jsonFlag := fs.String("json", "", "write the counted congress as JSON to this file instead of printing the minutes")
	listsFlag := fs.Bool("lists", true, "check the lists (needs the personnel data the rules use)")
	fs.StringVar(&opt.Organisation, "org", "", "the organisation, printed at the top left")
	fs.StringVar(&opt.Place, "place", "", "the place of the date line")
	dateFlag := fs.String("date", "", "the date of the minutes, YYYY-MM-DD")
	if err := usage.Parse(fs, help, args); err != nil {
		return err
	}
	if *dateFlag != "" {
		d, err := time.Parse(time.DateOnly, *dateFlag)
		if err != nil {
			return usage.Wrong(w, help, "-date %q: give YYYY-MM-DD / ngày theo dạng YYYY-MM-DD", *dateFlag)
		}
		opt.Date = d
	}
	data := sampleJSON
	if *dataFlag != "" {
		var err error
		if data, err = os.ReadFile(*dataFlag); err != nil {
			return err
		}
	}
	// The ballots are counted as they are read, and not kept: a document
	// of 200,000 ballots is counted in a few megabytes.
	c, err := ballot.ParseCongressCounted(data)
	if err != nil {
		return describe(err, opt.Lang)
	}
	g, err := regime(c)
	if err != nil {
		return describe(err, opt.Lang)
	}
	res, err := tally.Count(c, tally.Options{Regime: &g, CheckLists: *listsFlag})
	if err != nil {
		err = describe(err, opt.Lang)
		if *listsFlag {
			err = fmt.Errorf("%w\n%s", err, ballot.Text{
				VI: "(kiểm tra danh sách cần các dữ liệu trên; chạy với -lists=false để chỉ kiểm phiếu)",
				EN: "(the list check needs the data above; run with -lists=false to count only)"}.In(opt.Lang))
		}
		return err
	}
	switch {
	case *htmlFlag != "":
		return writeFile(*htmlFlag, func(f io.Writer) error { return report.CongressHTML(f, res, opt) })
	case *jsonFlag != "":
		return writeFile(*jsonFlag, func(f io.Writer) error {
			data, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				return err
			}
			_, err = f.Write(append(data, '\n'))
			return err
		})
	}
	return report.CongressText(w, res, opt)
}

// regime is the regime in force for congress c, picked from its opening
// day and level (rules.InForce); the current one when the document gives no
// opening day. No structure target is added: the 2025 directive has none,
// and those of Chỉ thị 35-CT/TW of 30/5/2019 are for provinces and
// districts of the previous round.
func regime(c ballot.Congress) (rules.Regime, error) {
	if c.Opening.IsZero() {
		return rules.QD190(), nil
	}
	return rules.InForce(c.Opening, c.Level)
}

// describe turns an ErrorList into one error listing every problem.
func describe(err error, lang ballot.Lang) error {
	var list ballot.ErrorList
	if errors.As(err, &list) {
		return errors.New(strings.TrimSuffix(list.Format(lang), "\n"))
	}
	return err
}

// writeFile writes a file through write, and reports a failure to close it.
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
