// Command bulkcount counts a ballot file of cross-out ballots (the format of
// package tally/bulk) as it reads it, decides the round with
// tally.CountRound and prints the result: the figures of the minutes, each
// candidate's votes and status, the elected, a tie, the next step. The time
// taken goes to standard error, so that the result alone is on standard
// output.
//
// Usage:
//
//	go run ./examples/bulkcount [-d N] [-issued N] [-accept-signed] [-partly-struck] [-lang vi|en] FILE
//	go run ./examples/bulkcount -generate N [-candidates 60] [-seats S] [-seed 1] [-format congress] > FILE
//
// FILE "-" is standard input. -d is the threshold base D, a count of people
// (QĐ 190-QĐ/TW Điều 30): a candidate is elected only with more than half
// of it; it must be at least 1, at least the ballots collected, and at most
// 100,000,000. By default it is the number of ballots collected, which is right
// only when every person counted in D cast a ballot; give the real D. -issued
// is the number of ballots issued, by default the number collected.
// -accept-signed counts signed ballots; -partly-struck treats a name only
// partly struck as struck (ballot.Policy).
//
// With -generate it writes, instead, a realistic file of N ballots for the
// paper of -seats seats among -candidates names c1, c2, …, the same for the
// same seed: most voters strike the surplus or a few more, some names far
// more often than others; a few ballots leave too many names, strike every
// name, or carry a flag. With -format congress it writes the same ballots as
// a congress document (kiemphieu.congress/1) of one contest and one round,
// in boxes of 5,000, for `go run ./examples/congress -data FILE`.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/bulkgen"
	"github.com/kiemphieu/kiemphieu/internal/usage"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/bulk"
)

const help = `bulkcount — kiểm phiếu một tệp phiếu gạch tên / count a file of cross-out ballots

Cách dùng / Usage:
  bulkcount [-d N] [-issued N] [-accept-signed] [-partly-struck] [-lang vi|en] FILE
  bulkcount -generate N [-candidates 60] [-seats S] [-seed 1] [-format ballots|congress] > FILE

Đọc tệp phiếu bầu (định dạng của gói tally/bulk; "-" là đầu vào chuẩn), kiểm
trong lúc đọc và in kết quả: số liệu biên bản, số phiếu và kết quả từng người,
người trúng cử, bằng phiếu, bước tiếp theo. -d là số làm căn cứ D (số người,
QĐ 190-QĐ/TW Điều 30): trúng cử phải được quá một nửa; mặc định là số phiếu thu
vào, chỉ đúng khi mọi người trong D đều bỏ phiếu. Với -generate: viết một tệp
phiếu giả lập N phiếu (-format congress: một văn bản đại hội chứa cùng các phiếu).

Reads a ballot file (the format of package tally/bulk; "-" is standard input),
counts it as it reads, and prints the result: the figures of the minutes, each
name's votes and status, the elected, a tie, the next step. -d is the base D,
a count of people: election needs more than half of it; by default the ballots
collected, right only when everyone counted in D voted. -generate writes a
realistic file of N ballots instead (-format congress: a congress document
holding the same ballots).

  -d N             số làm căn cứ / the base D
  -issued N        số phiếu phát ra / ballots issued
  -accept-signed   tính phiếu có ký tên / count signed ballots
  -partly-struck   tên gạch chưa hết coi như bị gạch / partly struck is struck
  -lang vi|en      ngôn ngữ / language (vi)

Ví dụ / Example:
  go run ./examples/bulkcount -generate 200000 -candidates 60 > phieu.txt
  go run ./examples/bulkcount -d 200000 phieu.txt
`

func main() {
	usage.Exit(run(os.Stdout, os.Stderr, os.Args[1:]))
}

// run is the whole program, so that the tests run exactly what main runs.
func run(stdout, stderr io.Writer, args []string) error {
	start := time.Now()
	fs := flag.NewFlagSet("bulkcount", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var lang ballot.Lang
	fs.TextVar(&lang, "lang", ballot.Vietnamese, "language of the output: vi or en")
	d := fs.Int("d", -1, "the threshold base D (default: the ballots collected)")
	issued := fs.Int("issued", -1, "the ballots issued (default: the ballots collected)")
	acceptSigned := fs.Bool("accept-signed", false, "count signed ballots (ballot.Policy.AcceptSigned)")
	partlyStruck := fs.Bool("partly-struck", false, "a name partly struck is struck (ballot.Policy.PartlyStruckIsStruck)")
	generate := fs.Int("generate", 0, "write a generated file of this many ballots to standard output")
	candidates := fs.Int("candidates", 60, "with -generate: names on the list")
	seats := fs.Int("seats", 0, "with -generate: seats (default: the list less a tenth, rounded down, at least one less)")
	seed := fs.Uint64("seed", 1, "with -generate: the seed")
	format := fs.String("format", "ballots", "with -generate: ballots (a ballot file) or congress (a congress document)")
	if err := usage.Parse(fs, help, args); err != nil {
		return err
	}
	if *generate > 0 {
		return generateFile(stdout, *generate, *candidates, *seats, *seed, *format, lang)
	}
	if *d < -1 || *issued < -1 {
		return usage.Wrong(stderr, help, "-d and -issued must not be negative / -d và -issued không được âm")
	}
	// D is a count of people (those convened less those excluded): zero
	// would elect everyone with one vote.
	if *d == 0 || *d > ballot.MaxCount {
		return fmt.Errorf("-d must be from 1 to %d", ballot.MaxCount)
	}
	if fs.NArg() != 1 {
		return usage.Wrong(stderr, help, "give one ballot file, or -generate N / cần đúng một tệp phiếu, hoặc -generate N")
	}

	var in io.Reader = os.Stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	pol := ballot.Policy{AcceptSigned: *acceptSigned, PartlyStruckIsStruck: *partlyStruck}
	p, count, err := bulk.Read(in, pol)
	if err != nil {
		return describe(err, lang)
	}
	counted := time.Since(start)

	if *d < 0 {
		*d = count.Collected
	}
	if *d < count.Collected || *d < 1 {
		// Everyone who cast a ballot is counted in D.
		return fmt.Errorf("-d %d is less than the %d ballots collected, each cast by someone counted in D", *d, count.Collected)
	}
	if *issued < 0 {
		*issued = count.Collected
	}
	base := tally.BaseOf(ballot.Roster{Members: &ballot.MembersRoster{Official: *d, Present: *d}})
	r, err := tally.CountRound("", 1, ballot.Round{Paper: p, Issued: *issued, Totals: count.Totals()}, base, pol)
	if err != nil {
		return describe(err, lang)
	}
	pr := printer{w: stdout, lang: lang}
	pr.round(r, count.Review, len(p.Candidates))
	t := ballot.Text{
		VI: "đọc và đếm %d phiếu × %d tên trong %v; tổng cộng %v\n",
		EN: "read and counted %d ballots × %d names in %v; %v in all\n",
	}
	fmt.Fprintf(stderr, t.In(lang), count.Collected, len(p.Candidates), counted.Round(time.Microsecond), time.Since(start).Round(time.Microsecond))
	return nil
}

// generateFile writes n generated ballots, as a ballot file or as a
// congress document.
func generateFile(w io.Writer, n, candidates, seats int, seed uint64, format string, lang ballot.Lang) error {
	if candidates < 2 || candidates > ballot.MaxCandidates {
		return fmt.Errorf("-candidates must be from 2 to %d", ballot.MaxCandidates)
	}
	if seats == 0 {
		seats = min(candidates-candidates/10, candidates-1)
	}
	p := bulkgen.Paper(candidates, seats)
	switch format {
	case "ballots":
	case "congress":
		if err := p.Check(); err != nil {
			return describe(err, lang)
		}
		if p.Form() != ballot.FormCrossOut {
			return fmt.Errorf("-seats must be fewer than -candidates")
		}
		return bulkgen.WriteCongress(w, n, p, seed)
	default:
		return fmt.Errorf("-format must be ballots or congress, not %q", format)
	}
	bw, err := bulk.NewWriter(w, p)
	if err != nil {
		return describe(err, lang)
	}
	g := bulkgen.New(p, seed)
	var b ballot.Ballot
	for range n {
		g.Next(&b)
		if err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// describe turns an ErrorList into one error listing every problem.
func describe(err error, lang ballot.Lang) error {
	var list ballot.ErrorList
	if errors.As(err, &list) {
		return errors.New(strings.TrimSuffix(list.Format(lang), "\n"))
	}
	return err
}

type printer struct {
	w    io.Writer
	lang ballot.Lang
}

func (p printer) t(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(p.lang) }

func (p printer) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func ids(l []ballot.CandidateID) string {
	s := make([]string, len(l))
	for i, id := range l {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

func (p printer) round(r tally.RoundResult, review, names int) {
	p.printf("%s: %d %s, %s %d\n", p.t("Phiếu gạch tên", "Cross-out ballot"), names, p.t("người", "names"), p.t("bầu", "seats"), r.Seats)
	p.printf("%s %d, %s %d, %s %d, %s %d\n", p.t("Phát ra", "Issued"), r.Issued, p.t("thu vào", "collected"), r.Collected,
		p.t("hợp lệ", "valid"), r.Valid, p.t("không hợp lệ", "invalid"), r.Invalid)
	for _, rc := range r.InvalidReasons {
		p.printf("  %8d %s: %s\n", rc.Count, p.t("phiếu không hợp lệ", "invalid"), rc.Reason.Name(p.lang))
	}
	if review > 0 {
		p.printf("  %8d %s\n", review, p.t("phiếu hợp lệ có tên bị gạch một phần, Ban kiểm phiếu cần xem lại",
			"valid ballots with a name partly struck, for the board to look at"))
	}
	p.printf("D = %d: %s %d %s\n", r.Base.D, p.t("trúng cử phải được ít nhất", "election needs at least"), r.Base.Threshold(), p.t("phiếu", "votes"))
	for i, s := range r.Standings {
		share := rules.FormatPercent(r.Share(s.Votes, 2, rules.Truncate), 2, p.lang)
		p.printf("  %4d  %-12s %9d %9s  %s\n", i+1, s.ID, s.Votes, share, s.Status.Name(p.lang))
	}
	p.printf("%s (%d/%d): %s\n", p.t("Trúng cử", "Elected"), len(r.Elected), r.Seats, ids(r.Elected))
	if r.Tie != nil {
		p.printf("%s: %s — %d %s, %s %d\n", p.t("Bằng phiếu", "Tied"), ids(r.Tie.Candidates), r.Tie.Votes,
			p.t("phiếu", "votes"), p.t("cho số chỗ còn lại", "for seats left"), r.Tie.Seats)
	}
	p.printf("%s: %s", p.t("Tiếp theo", "Next"), r.Next.Step.Name(p.lang))
	if len(r.Next.Candidates) > 0 {
		p.printf(" — %s %d: %s", p.t("bầu", "seats"), r.Next.Seats, ids(r.Next.Candidates))
	}
	p.printf("\n")
	for _, f := range r.Findings {
		if f.Outcome != rules.Pass {
			p.printf("  %s: %s\n", f.Outcome.Name(p.lang), f.Describe(p.lang, func(id ballot.CandidateID) string { return string(id) }))
		}
	}
}
