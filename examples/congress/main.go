// Command congress counts a sample congress whose data is embedded in the
// program: the delegates' congress of a ward (Đại hội đại biểu Đảng bộ
// phường). The organisation committee's check of the lists comes first; then
// the committee election, where two candidates tie for the last seat and a
// run-off decides; the official and alternate delegates to the superior
// congress; and the first meeting of the new committee, which elects the
// standing committee, the secretary, the deputies, the inspection committee
// and its chair.
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
	"strings"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
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
		return describe(err, lang)
	}
	g := regime()
	res, err := tally.Count(c, tally.Options{Regime: &g, CheckLists: true})
	if err != nil {
		return describe(err, lang)
	}
	p := printer{w: w, lang: lang, names: make(map[ballot.CandidateID]string)}
	for _, person := range c.Candidates {
		p.names[person.ID] = person.Name
	}
	p.result(res)
	return nil
}

// describe turns an ErrorList into one error listing every problem.
func describe(err error, lang ballot.Lang) error {
	var list ballot.ErrorList
	if errors.As(err, &list) {
		return errors.New(strings.TrimSuffix(list.Format(lang), "\n"))
	}
	return err
}

// regime is the regime the sample is checked under: the current one, with
// the structure targets of Chỉ thị 35 kept by the province's guidance.
func regime() rules.Regime {
	g := rules.QD190()
	g.Name += " + CT 35"
	g.Quotas = append(g.Quotas, rules.CT35Quotas()...)
	return g
}

type printer struct {
	w     io.Writer
	lang  ballot.Lang
	names map[ballot.CandidateID]string
}

func (p printer) t(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(p.lang) }

func (p printer) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func (p printer) name(id ballot.CandidateID) string { return p.names[id] }

func (p printer) nameList(ids []ballot.CandidateID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = p.name(id)
	}
	return strings.Join(s, ", ")
}

func (p printer) result(r tally.Result) {
	p.printf("%s\n", r.Congress)
	if r.Term != "" {
		p.printf("%s %s\n", p.t("Nhiệm kỳ", "Term"), r.Term)
	}
	p.printf("%s\n", p.base(r.Base))

	if r.Lists != nil {
		pass, warn, fail := r.Lists.Counts()
		p.printf("\n%s (%s): %d %s, %d %s, %d %s\n", p.t("Kiểm tra danh sách bầu cử", "Checking the lists"), r.Lists.Regime,
			pass, p.t("đạt", "pass"), warn, p.t("lưu ý", "warning"), fail, p.t("không đạt", "fail"))
		for _, f := range r.Lists.Findings {
			p.printf("  %-9s %s\n", f.Outcome.Name(p.lang), f.Describe(p.lang, p.name))
		}
	}
	for _, ct := range r.Contests {
		p.contest(ct)
	}
	p.printf("\n%s\n", r)
}

// base renders D and how it was derived.
func (p printer) base(b tally.Base) string {
	var kind string
	switch b.Electorate {
	case tally.Members:
		kind = p.t("đảng viên chính thức được triệu tập", "official members convened")
	case tally.Delegates:
		kind = p.t("đại biểu chính thức được triệu tập", "official delegates convened")
	default:
		kind = p.t("ủy viên ", "members of the ") + b.Body.Name(p.lang)
	}
	s := fmt.Sprintf("%s: %d, %s %d", kind, b.Convened, p.t("có mặt", "present"), b.Present)
	for _, e := range b.Excluded {
		s += fmt.Sprintf("; %s %d %s", p.t("không tính", "less"), e.Count, e.Kind.Name(p.lang))
	}
	return s + fmt.Sprintf(". D = %d: %s %d %s", b.D, p.t("trúng cử phải được ít nhất", "election needs at least"), b.Threshold(), p.t("phiếu", "votes"))
}

func (p printer) contest(ct tally.ContestResult) {
	p.printf("\n== %s (%s %d) ==\n", ct.Office.Name(p.lang), p.t("bầu", "seats"), ct.Seats)
	if len(ct.FromOfficial) > 0 {
		p.printf("%s: %s\n", p.t("Từ số đủ phiếu của đại biểu chính thức", "From the official ballot's surplus qualifiers"), p.nameList(ct.FromOfficial))
	}
	for _, r := range ct.Rounds {
		p.round(r)
	}
	p.printf("%s: %s (%d/%d)", p.t("Trúng cử", "Elected"), p.nameList(ct.Elected), len(ct.Elected), ct.Seats)
	p.printf(" — %s\n", ct.Next.Step.Name(p.lang))
	for _, f := range ct.Findings {
		p.finding(f)
	}
}

func (p printer) round(r tally.RoundResult) {
	p.printf("%s %d: %s %d; %s %d, %s %d, %s %d, %s %d\n", p.t("Lần bầu", "Round"), r.Number,
		p.t("bầu", "seats"), r.Seats, p.t("phát ra", "issued"), r.Issued, p.t("thu vào", "collected"), r.Collected,
		p.t("hợp lệ", "valid"), r.Valid, p.t("không hợp lệ", "invalid"), r.Invalid)
	if r.Base.Electorate == tally.Meeting {
		p.printf("  %s\n", p.base(r.Base))
	}
	for _, b := range r.Boxes {
		p.printf("  %s: %s %d, %s %d, %s %d\n", b.Name, p.t("thu vào", "collected"), b.Collected,
			p.t("hợp lệ", "valid"), b.Valid, p.t("không hợp lệ", "invalid"), b.Invalid)
	}
	for _, rc := range r.InvalidReasons {
		p.printf("  %4d %s: %s\n", rc.Count, p.t("phiếu không hợp lệ", "invalid"), rc.Reason.Name(p.lang))
	}
	for _, s := range r.Standings {
		share := rules.FormatPercent(r.Share(s.Votes, 2, rules.Truncate), 2, p.lang)
		p.printf("  %-24s %5d %9s  %s\n", p.name(s.ID), s.Votes, share, s.Status.Name(p.lang))
	}
	if r.Tie != nil {
		p.printf("  %s: %s — %d %s, %s %d\n", p.t("Bằng phiếu", "Tied"), p.nameList(r.Tie.Candidates), r.Tie.Votes,
			p.t("phiếu", "votes"), p.t("cho số chỗ còn lại", "for seats left"), r.Tie.Seats)
	}
	if r.Next.Step != tally.Done {
		p.printf("  %s: %s", p.t("Tiếp theo", "Next"), r.Next.Step.Name(p.lang))
		if len(r.Next.Candidates) > 0 {
			p.printf(" — %s %d: %s", p.t("bầu", "seats"), r.Next.Seats, p.nameList(r.Next.Candidates))
		}
		p.printf("\n")
	}
	for _, f := range r.Findings {
		p.finding(f)
	}
}

// finding prints the checks that did not pass; passes are in the JSON.
func (p printer) finding(f rules.Finding) {
	if f.Outcome != rules.Pass {
		p.printf("  %s: %s\n", f.Outcome.Name(p.lang), f.Describe(p.lang, p.name))
	}
}
