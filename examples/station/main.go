// Command station is an offline counting station (máy kiểm phiếu) for one
// round of one contest: operators enter the paper ballots with the keyboard,
// a projector page shows the votes against the threshold as they come in,
// and the minutes print with the journal's head on them.
//
// Usage:
//
//	go run ./examples/station [flags]
//
//	-addr 127.0.0.1:8080     where to listen (localhost only by default)
//	-journal FILE            the journal (default kiemphieu-station.journal),
//	                         resumed where it stopped
//	-new                     start a new round: create the journal (and the
//	                         second); never replaces an existing one
//	-second FILE             double entry: a second operator enters the same
//	                         box into this journal at /2; the result is
//	                         accepted only when both agree
//	-data congress.json      the congress (default: an embedded chi bộ)
//	-contest ID              the contest (default: the first)
//	-round N                 the round (default 1; a later round needs its
//	                         paper in the document)
//	-box NAME                the ballot box entered (default "Hòm phiếu số 1")
//	-issued N                ballots issued (default: the round's, or those present)
//	-lang vi|en
//
// Every ballot is written to the journal and synced to the disk before the
// page shows it as recorded; a crash or a power cut loses nothing
// acknowledged, and starting the station again resumes the round. The pages
// carry a per-run token: a request from another site, or from a page of an
// earlier run, changes nothing.
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/usage"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

//go:embed congress.json
var sampleJSON []byte

const help = `station — máy kiểm phiếu / counting station

Cách dùng / Usage:
  station [-addr 127.0.0.1:8080] [-journal FILE] [-data congress.json] [-contest ID] [-round N]
          [-box TÊN] [-issued N] [-lang vi|en]

Máy kiểm phiếu không cần mạng cho một lần bầu của một cuộc bầu: người nhập gõ
phiếu bằng bàn phím, màn hình chiếu hiện số phiếu so với ngưỡng trúng cử, biên
bản in kèm mã nhật ký. Mỗi phiếu được ghi và đồng bộ xuống đĩa trước khi báo đã
ghi; chạy lại với cùng nhật ký thì tiếp tục đúng chỗ đã dừng.

An offline counting station for one round of one contest: operators enter the
ballots from the keyboard, the projector shows the votes against the threshold,
the minutes print with the journal's head. Every ballot is synced to the disk
before it is acknowledged; started again on the same journal, it resumes.

  -addr ADDR       địa chỉ nghe / where to listen (127.0.0.1:8080)
  -journal FILE    nhật ký / the journal (kiemphieu-station.journal)
  -data FILE       tài liệu đại hội / the congress (mặc định: một chi bộ mẫu / a sample chi bộ)
  -contest ID      cuộc bầu / the contest (the first)
  -round N         lần bầu / the round (1)
  -box TÊN         hòm phiếu / the ballot box ("Hòm phiếu số 1")
  -issued N        số phiếu phát ra / ballots issued
  -lang vi|en      ngôn ngữ / language (vi)

Ví dụ / Example:
  go run ./examples/station -journal chi-uy.journal
  (mở / open http://127.0.0.1:8080/ và / and http://127.0.0.1:8080/projector)
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Stdout, os.Args[1:], nil)
	stop()
	usage.Exit(err)
}

// run serves the station until ctx is done. ready, if not nil, receives the
// address listened on.
func run(ctx context.Context, out io.Writer, args []string, ready chan<- string) error {
	fs := flag.NewFlagSet("station", flag.ContinueOnError)
	fs.SetOutput(out)
	addr := fs.String("addr", "127.0.0.1:8080", "where to listen")
	path := fs.String("journal", "kiemphieu-station.journal", "the journal file")
	data := fs.String("data", "", "a congress document (default: the embedded sample)")
	contest := fs.String("contest", "", "the contest's id (default: the first)")
	roundN := fs.Int("round", 1, "the round")
	box := fs.String("box", "Hòm phiếu số 1", "the ballot box entered")
	issued := fs.Int("issued", -1, "ballots issued")
	create := fs.Bool("new", false, "start a new round: create the journal (never replaces one)")
	second := fs.String("second", "", "double entry: the journal of the second, independent entry of the same box")
	var lang ballot.Lang
	fs.TextVar(&lang, "lang", ballot.Vietnamese, "vi or en")
	if err := usage.Parse(fs, help, args); err != nil {
		return err
	}
	doc := sampleJSON
	if *data != "" {
		var err error
		if doc, err = os.ReadFile(*data); err != nil {
			return err
		}
	}
	c, err := ballot.ParseCongress(doc)
	if err != nil {
		return err
	}
	rd, err := roundOf(c, *contest, *roundN, *box, *issued)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	s, err := openStation(*path, *second, rd, lang, ln.Addr().String(), *create)
	if err != nil {
		ln.Close()
		var le *journal.LockedError
		var d *journal.Damage
		switch {
		case errors.As(err, &le):
			return errors.New(le.Message(lang))
		case errors.As(err, &d):
			return fmt.Errorf("%s: %s", *path, d.Message(lang))
		}
		return err
	}
	defer s.Close()
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	st := s.w.State()
	fmt.Fprintf(out, "%s — %s, %s %d\n", st.Round.Congress, st.Round.Office.NameAt(st.Round.Level, lang), s.t("lần bầu", "round"), st.Round.Number)
	fmt.Fprintf(out, "journal %s: %d entries, head %s\n", *path, st.Counter.Len(), s.w.Head())
	if s.torn > 0 {
		fmt.Fprintln(out, s.t(
			fmt.Sprintf("đã bỏ %d byte cuối của một bản ghi dở dang (máy dừng đột ngột hoặc mất điện khi đang ghi); mọi phiếu đã xác nhận vẫn còn", s.torn),
			fmt.Sprintf("dropped the last %d bytes, an incomplete record (a crash or a power cut while writing); every acknowledged ballot is kept", s.torn)))
	}
	if s.second != nil {
		fmt.Fprintf(out, "second entry http://%s/2 (journal %s: %d entries)\n", ln.Addr(), *second, s.second.State().Counter.Len())
	}
	fmt.Fprintf(out, "entry http://%s/   projector http://%s/projector   minutes http://%s/minutes\n", ln.Addr(), ln.Addr(), ln.Addr())
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.Close() // ends the event streams, so that Shutdown does not wait for them
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

// roundOf builds the journal's opening record for round n of a contest.
func roundOf(c ballot.Congress, contest string, n int, box string, issued int) (journal.Round, error) {
	if len(c.Contests) == 0 {
		return journal.Round{}, errors.New("the congress has no contest")
	}
	ct := c.Contests[0]
	if contest != "" {
		found := false
		for _, x := range c.Contests {
			if string(x.ID) == contest {
				ct, found = x, true
			}
		}
		if !found {
			return journal.Round{}, fmt.Errorf("no contest %q", contest)
		}
	}
	p := ct.Paper
	switch {
	case n < 1 || (n > 1 && n > len(ct.Rounds)):
		return journal.Round{}, fmt.Errorf("contest %s has no round %d in the document", ct.ID, n)
	case n <= len(ct.Rounds):
		p = ct.Rounds[n-1].Paper
		if issued < 0 {
			issued = ct.Rounds[n-1].Issued
		}
	}
	base := tally.BaseOf(c.Roster)
	if ct.Meeting != nil {
		base = tally.MeetingBase(*ct.Meeting)
	}
	if issued < 0 {
		issued = base.Present
	}
	names := make(map[ballot.CandidateID]string, len(c.Candidates))
	for _, p := range c.Candidates {
		names[p.ID] = p.Name
	}
	rd := journal.Round{Congress: c.Name, Level: c.Level, Contest: ct.ID, Office: ct.Office, Number: n, Box: box,
		Seats: p.Seats, Candidates: p.Candidates, Issued: issued, Base: base, Policy: c.Policy, Board: c.CountingBoard}
	if len(ct.CountingBoard) > 0 {
		rd.Board = ct.CountingBoard
	}
	for _, id := range p.Candidates {
		rd.Names = append(rd.Names, names[id])
	}
	return rd, nil
}
