// Command ballotpapers writes the ballot papers (phiếu bầu) of one round of
// one contest as a printable HTML page, from the same congress document the
// count reads: the names in the order the count reads them, the form of the
// regulation (cross out, or agree / disagree), the congress, the body, the
// round, the number to elect and a place for the seal; as many papers to an
// A4 sheet as fit.
//
// Usage:
//
//	go run ./examples/ballotpapers [flags] congress.json
//
//	-contest ID       the contest (default: the first)
//	-round N          the round (default 1)
//	-copies N         papers to print (default: one A4 sheet)
//	-org NAME         the organisation, printed at the top left
//	-lang vi|en
//	-o FILE           write to FILE instead of standard output
//
// Print the page from a browser, or with Chromium:
//
//	chromium --headless --no-pdf-header-footer --print-to-pdf=phieu.pdf phieu.html
package main

import (
	"errors"
	"flag"
	"io"
	"os"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/usage"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

const help = `ballotpapers — in phiếu bầu / print ballot papers

Cách dùng / Usage:
  ballotpapers [-contest ID] [-round N] [-copies N] [-org TÊN] [-lang vi|en] [-o FILE] congress.json

Viết phiếu bầu của một lần bầu thành trang HTML để in, lấy từ chính tài liệu
đại hội mà chương trình kiểm phiếu đọc: tên theo đúng thứ tự kiểm phiếu, mẫu
phiếu theo quy định (gạch tên, hoặc đồng ý / không đồng ý), tên đại hội, cơ
quan bầu, lần bầu, số lượng cần bầu và chỗ đóng dấu; nhiều phiếu trên một tờ A4.

Writes the ballot papers of one round as a printable HTML page, from the
congress document the count reads: the names in the count's order, the form
of the regulation (cross out, or agree / disagree), the congress, the body,
the round, the number to elect and a place for the seal; several to an A4 sheet.

  -contest ID   cuộc bầu / the contest (mặc định / default: the first)
  -round N      lần bầu / the round (1)
  -copies N     số phiếu / papers (0: một tờ A4 / one A4 sheet)
  -org TÊN      tên tổ chức đảng / the organisation, e.g. "Đảng bộ phường Hòa An"
  -lang vi|en   ngôn ngữ / language (vi)
  -o FILE       ghi ra tệp / write to FILE (standard output)

Ví dụ / Example:
  go run ./examples/ballotpapers -contest bch -org "Đảng bộ phường Hòa An" examples/congress/sample.json > phieu.html
  chromium --headless --no-pdf-header-footer --print-to-pdf=phieu.pdf phieu.html
`

func main() {
	usage.Exit(run(os.Stdout, os.Stderr, os.Args[1:]))
}

// run is the whole program, so that the tests run exactly what main runs.
func run(stdout, stderr io.Writer, args []string) error {
	fs := flag.NewFlagSet("ballotpapers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	contest := fs.String("contest", "", "the contest")
	round := fs.Int("round", 1, "the round")
	copies := fs.Int("copies", 0, "papers to print")
	out := fs.String("o", "", "the output file")
	var opt report.Options
	fs.StringVar(&opt.Organisation, "org", "", "the organisation")
	fs.TextVar(&opt.Lang, "lang", ballot.Vietnamese, "vi or en")
	if err := usage.Parse(fs, help, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usage.Wrong(stderr, help, "give one congress document / cần đúng một tài liệu đại hội")
	}
	if *round < 1 || *copies < 0 || *copies > report.MaxCopies {
		return usage.Wrong(stderr, help, "-round must be 1 or more, -copies 0 to %d", report.MaxCopies)
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	c, err := ballot.ParseCongress(data)
	if err != nil {
		return err
	}
	if len(c.Contests) == 0 {
		return errors.New("the congress has no contest / đại hội không có cuộc bầu nào")
	}
	id := c.Contests[0].ID
	if *contest != "" {
		id = ballot.ContestID(*contest)
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
		if err := report.BallotPapersHTML(w, c, id, *round-1, *copies, opt); err != nil {
			return err
		}
		return f.Close()
	}
	return report.BallotPapersHTML(w, c, id, *round-1, *copies, opt)
}
