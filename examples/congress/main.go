// Command congress counts a sample congress whose data is embedded in the
// program: the delegates' congress of a ward (Đại hội đại biểu Đảng bộ
// phường), with its committee election, its delegates to the superior
// congress, and the first meeting of the new committee.
//
// Usage:
//
//	go run ./examples/congress [-lang vi|en] [-data file.json]
//
// With -data it counts that congress document instead of the sample.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
)

//go:embed sample.json
var sampleJSON []byte

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run is the whole program, so that the tests run exactly what main runs.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("congress", flag.ContinueOnError)
	fs.SetOutput(w)
	langFlag := fs.String("lang", "vi", "language of the output: vi or en")
	dataFlag := fs.String("data", "", "a congress document to count instead of the embedded sample")
	if err := fs.Parse(args); err != nil {
		return err
	}
	lang := ballot.Vietnamese
	switch *langFlag {
	case "vi":
	case "en":
		lang = ballot.English
	default:
		return fmt.Errorf("-lang must be vi or en, not %q", *langFlag)
	}
	data := sampleJSON
	if *dataFlag != "" {
		var err error
		if data, err = os.ReadFile(*dataFlag); err != nil {
			return err
		}
	}
	c, err := ballot.ParseCongress(data)
	if err != nil {
		var list ballot.ErrorList
		if errors.As(err, &list) {
			return errors.New(list.Format(lang))
		}
		return err
	}
	if err := printBoxes(w, c, lang); err != nil {
		return err
	}
	return printListVerdict(w, c, lang)
}

// regime is the regime the sample is checked under: the current one, with
// the structure targets of Chỉ thị 35 kept by the province's guidance.
func regime() rules.Regime {
	g := rules.QD190()
	g.Quotas = append(g.Quotas, rules.CT35Quotas()...)
	return g
}

// printListVerdict prints the organisation committee's check of the lists.
func printListVerdict(w io.Writer, c ballot.Congress, lang ballot.Lang) error {
	t := func(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(lang) }
	g := regime()
	v, err := g.Check(c)
	if err != nil {
		return err
	}
	pass, warn, fail := v.Counts()
	fmt.Fprintf(w, "\n%s (%s): %d %s, %d %s, %d %s\n", t("Kiểm tra danh sách bầu cử", "Checking the lists"), g.Name,
		pass, t("đạt", "pass"), warn, t("lưu ý", "warning"), fail, t("không đạt", "fail"))
	names := make(map[ballot.CandidateID]string, len(c.Candidates))
	for _, p := range c.Candidates {
		names[p.ID] = p.Name
	}
	name := func(id ballot.CandidateID) string { return names[id] }
	for _, f := range v.Findings {
		fmt.Fprintf(w, "  %-9s %s\n", f.Outcome.Name(lang), f.Describe(lang, name))
	}
	return nil
}

// printBoxes prints, for every round of every contest, how many ballots of
// each box are valid and invalid and why.
func printBoxes(w io.Writer, c ballot.Congress, lang ballot.Lang) error {
	t := func(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(lang) }
	fmt.Fprintln(w, c.Name)
	for _, ct := range c.Contests {
		for i, r := range ct.Rounds {
			fmt.Fprintf(w, "\n%s — %s %d: %s %d, %s %d\n", ct.Office.Name(lang),
				t("lần bầu", "round"), i+1, t("bầu", "seats"), r.Seats, t("phiếu phát ra", "ballots issued"), r.Issued)
			if r.Totals != nil {
				fmt.Fprintf(w, "  %s: %s %d, %s %d, %s %d\n", t("Theo biên bản", "As written down"),
					t("thu vào", "collected"), r.Totals.Collected, t("hợp lệ", "valid"), r.Totals.Valid,
					t("không hợp lệ", "invalid"), r.Totals.Invalid)
				for _, rc := range r.Totals.InvalidReasons {
					fmt.Fprintf(w, "    %4d  %s\n", rc.Count, rc.Reason.Name(lang))
				}
				continue
			}
			for _, box := range r.Boxes {
				valid, review := 0, 0
				invalid := make(map[ballot.Reason]int)
				for _, b := range box.Ballots {
					cl, err := r.Classify(b, c.Policy)
					if err != nil {
						return err
					}
					if cl.Valid() {
						valid++
					} else {
						invalid[cl.Reason]++
					}
					if len(cl.Review) > 0 {
						review++
					}
				}
				fmt.Fprintf(w, "  %s: %s %d, %s %d, %s %d\n", box.Name,
					t("thu vào", "collected"), len(box.Ballots), t("hợp lệ", "valid"), valid,
					t("không hợp lệ", "invalid"), len(box.Ballots)-valid)
				for _, reason := range ballot.Reasons() {
					if n := invalid[reason]; n > 0 {
						fmt.Fprintf(w, "    %4d  %s\n", n, reason.Name(lang))
					}
				}
				if review > 0 {
					fmt.Fprintf(w, "    %4d  %s\n", review, t("phiếu có tên gạch chưa hết, cần Ban kiểm phiếu xem lại",
						"ballots with a name only partly struck, for the board to review"))
				}
			}
		}
	}
	return nil
}
