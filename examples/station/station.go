package main

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/rules"
	"github.com/kiemphieu/kiemphieu/tally"
	"github.com/kiemphieu/kiemphieu/tally/journal"
	"github.com/kiemphieu/kiemphieu/tally/report"
)

//go:embed assets
var assets embed.FS

var pages = template.Must(template.New("").ParseFS(assets, "assets/*.html"))

// A station serves one round of one contest to the operators' keyboard, the
// projector and the printer. Its state is the journal: every entry is
// journaled and synced before it is acknowledged, and a new station on the
// same journal resumes where the last one stopped.
type station struct {
	mu      sync.Mutex
	w       *journal.Writer // the journal of the entry, or of the first of two
	second  *journal.Writer // the second, independent entry of the same box; nil without double entry
	lang    ballot.Lang
	token   string          // required on every change: pages of this process carry it
	hosts   map[string]bool // the host names requests may be addressed to
	waiters map[chan struct{}]bool
	closed  bool
	// torn is the bytes of an incomplete record (or zeros) a crash or a
	// power cut left at the end of a journal, dropped when it was resumed.
	torn int64
}

// openJournal creates the journal at path for round rd when create is set
// (a new round: it never replaces a journal), and otherwise resumes it.
func openJournal(path string, rd journal.Round, create bool) (*journal.Writer, int64, error) {
	if create {
		w, err := journal.Create(path, rd)
		return w, 0, err
	}
	w, rep, err := journal.Resume(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, fmt.Errorf("no journal at %s: to start a new round, give -new", path)
	}
	if err != nil {
		return nil, 0, err
	}
	return w, rep.Torn, nil
}

// openStation opens the journal at path, and the second entry's at second
// unless it is "", creating them for round rd when create is set.
func openStation(path, second string, rd journal.Round, lang ballot.Lang, listen string, create bool) (*station, error) {
	w, torn, err := openJournal(path, rd, create)
	if err != nil {
		return nil, err
	}
	var w2 *journal.Writer
	if second != "" {
		var torn2 int64
		if w2, torn2, err = openJournal(second, rd, create); err != nil {
			w.Close()
			return nil, err
		}
		if _, err := journal.Compare(w.State(), w2.State()); err != nil {
			w.Close()
			w2.Close()
			return nil, fmt.Errorf("%s and %s are not entries of the same round and box: %w", path, second, err)
		}
		torn += torn2
	}
	tok := make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		w.Close()
		return nil, err
	}
	s := &station{w: w, second: w2, torn: torn, lang: lang, token: hex.EncodeToString(tok), waiters: make(map[chan struct{}]bool),
		hosts: map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}}
	if host, _, err := net.SplitHostPort(listen); err == nil && host != "" {
		s.hosts[host] = true
	}
	return s, nil
}

// Close stops the station: waiting event streams end, the journal closes.
func (s *station) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	for ch := range s.waiters {
		close(ch)
	}
	s.waiters = nil
	err := s.w.Close()
	if s.second != nil {
		if err2 := s.second.Close(); err == nil {
			err = err2
		}
	}
	return err
}

// writer returns the journal of entry j (1 or 2), or nil.
func (s *station) writer(j int) *journal.Writer {
	switch {
	case j == 1:
		return s.w
	case j == 2 && s.second != nil:
		return s.second
	}
	return nil
}

// entryOf reads the entry a request is for: ?j=2 for the second.
func entryOf(r *http.Request) int {
	if r.URL.Query().Get("j") == "2" {
		return 2
	}
	return 1
}

func (s *station) t(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(s.lang) }

// handler routes the station's pages and API behind the guard.
func (s *station) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page("entry.html"))
	mux.HandleFunc("GET /2", s.page("entry.html"))
	mux.HandleFunc("GET /projector", s.page("projector.html"))
	mux.HandleFunc("GET /minutes", s.minutes)
	mux.HandleFunc("GET /api/state", s.stateJSON)
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("POST /api/enter", s.enter)
	mux.HandleFunc("POST /api/void", s.void)
	mux.HandleFunc("POST /api/operator", s.operator)
	mux.HandleFunc("POST /api/restore", s.restore)
	mux.HandleFunc("POST /api/close", s.closeRound)
	mux.Handle("GET /assets/", http.FileServerFS(assets))
	return s.guard(mux)
}

// guard refuses a request addressed to another host (DNS rebinding) and any
// change that does not come from the station's own pages: a cross-site
// request, one without the page's token, one that is not JSON.
func (s *station) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(r.Host); err == nil {
			host = h
		}
		if !s.hosts[strings.Trim(host, "[]")] {
			s.refuse(w, http.StatusForbidden, "host", "địa chỉ máy không được phép", "forbidden host")
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
			s.refuse(w, http.StatusForbidden, "cross-site", "yêu cầu từ trang khác bị từ chối", "cross-site request refused")
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
			s.refuse(w, http.StatusForbidden, "cross-origin", "yêu cầu từ nguồn khác bị từ chối", "cross-origin request refused")
			return
		}
		if r.Header.Get("X-Kiemphieu-Token") != s.token {
			s.refuse(w, http.StatusForbidden, "token", "trang đã cũ (máy đã khởi động lại): tải lại trang", "the page is out of date (the station restarted): reload it")
			return
		}
		if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
			s.refuse(w, http.StatusUnsupportedMediaType, "content-type", "chỉ nhận JSON", "JSON only")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// pageData is what the HTML pages print server-side.
type pageData struct {
	Lang  string
	Token string
	Title string
	Round journal.Round
	Rows  []pageRow
	Form  string
	T     map[string]string
	// Entry is the entry the page is for (1 or 2); Double says whether
	// there are two.
	Entry  int
	Double bool
	// Script holds the words the entry page's script shows.
	Script map[string]string
}

type pageRow struct {
	No   int
	Name string
}

func (s *station) page(name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		rd := s.w.State().Round
		form := rd.Paper().Form().String()
		s.mu.Unlock()
		d := pageData{Lang: s.lang.String(), Token: s.token, Round: rd, Form: form,
			Title: fmt.Sprintf("%s — %s, %s %d", rd.Congress, rd.Office.NameAt(rd.Level, s.lang), s.t("lần bầu", "round"), rd.Number),
			T:     labels(s.lang), Entry: 1, Double: s.second != nil, Script: entryLabels(s.lang)}
		if r.URL.Path == "/2" {
			if s.second == nil {
				http.NotFound(w, r)
				return
			}
			d.Entry = 2
		}
		for k, v := range d.Script {
			d.T[k] = v
		}
		for i, n := range rd.Names {
			d.Rows = append(d.Rows, pageRow{No: i + 1, Name: n})
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := pages.ExecuteTemplate(w, name, d); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

// labels are the pages' words in the station's language.
func labels(l ballot.Lang) map[string]string {
	t := func(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(l) }
	return map[string]string{
		"operator": t("Người nhập", "Operator"), "ballot": t("Phiếu đang nhập", "Ballot being entered"),
		"keys": t("Gõ số thứ tự rồi phím cách để gạch / bỏ gạch (hoặc đổi ô); Enter ghi phiếu; Ctrl+Z hoặc U hoàn tác phiếu vừa ghi; N: không do Ban kiểm phiếu phát; W: ghi thêm tên; S: có ký tên, đánh dấu; Esc: xóa phiếu đang nhập.",
			"Type a number then Space to strike or unstrike (or change its box); Enter records the ballot; Ctrl+Z or U undoes the last; N: not issued by the board; W: a name written in; S: signed or marked; Esc: clear the ballot."),
		"undo": t("Hoàn tác phiếu vừa ghi (Ctrl+Z)", "Undo the last ballot (Ctrl+Z)"), "record": t("Ghi phiếu (Enter)", "Record (Enter)"),
		"entries": t("Các phiếu đã ghi", "Ballots recorded"), "projector": t("Màn hình chiếu", "Projector"), "minutes": t("Biên bản", "Minutes"),
		"collected": t("Thu vào", "Collected"), "valid": t("Hợp lệ", "Valid"), "invalid": t("Không hợp lệ", "Invalid"),
		"votes": t("Số phiếu", "Votes"), "share": t("Tỉ lệ", "Share"), "name": t("Họ và tên", "Name"), "result": t("Kết quả", "Result"),
		"threshold": t("Ngưỡng trúng cử", "Threshold"), "head": t("Mã nhật ký", "Journal head"), "number": t("Số đang gõ", "Number typed"),
		"flags": t("Dấu hiệu", "Flags"),
	}
}

// state is the station's state as the pages read it.
type state struct {
	Head      string         `json:"head"`
	Grouped   string         `json:"head_grouped"`
	Closed    bool           `json:"closed"`
	Collected int            `json:"collected"`
	Valid     int            `json:"valid"`
	Invalid   int            `json:"invalid"`
	Issued    int            `json:"issued"`
	D         int            `json:"d"`
	Threshold int            `json:"threshold"`
	Standings []standingView `json:"standings"`
	Entries   []entryView    `json:"entries"`
	Next      string         `json:"next"`
	// Entry is the entry this state is of (1 or 2); Compare compares the
	// two entries of a double entry.
	Entry   int          `json:"entry"`
	Compare *compareView `json:"compare,omitempty"`
	// Stopped, when set, says why the station takes nothing more.
	Stopped string `json:"stopped,omitempty"`
}

type standingView struct {
	No     int    `json:"no"`
	Name   string `json:"name"`
	Votes  int    `json:"votes"`
	Share  string `json:"share"`
	Status string `json:"status"`
	Label  string `json:"label"`
}

type entryView struct {
	Seq      int      `json:"seq"`
	Marks    string   `json:"marks"`
	Flags    []string `json:"flags"`
	Valid    bool     `json:"valid"`
	Reason   string   `json:"reason"`
	Voided   bool     `json:"voided"`
	Operator string   `json:"operator"`
	Text     string   `json:"text"`               // the marks and flags in words
	Replaces int      `json:"replaces,omitempty"` // the undone entry this one took the place of
}

// current returns the state of the first entry and the round's result;
// the caller holds mu.
func (s *station) current() (state, tally.RoundResult) { return s.currentOf(1) }

// currentOf returns the state of entry j and its result; the caller holds mu.
func (s *station) currentOf(j int) (state, tally.RoundResult) {
	jw := s.writer(j)
	rep := jw.State()
	rd := rep.Round
	res := rep.Counter.Result("", rd.Number, rd.Box)
	st := state{Head: jw.Head().String(), Grouped: jw.Head().Grouped(), Closed: rep.Closed, Entry: j,
		Collected: res.Collected, Valid: res.Valid, Invalid: res.Invalid, Issued: res.Issued,
		D: res.Base.D, Threshold: res.Base.Threshold(), Next: res.Next.Step.Name(s.lang)}
	for i, sd := range res.Standings {
		st.Standings = append(st.Standings, standingView{No: i + 1, Name: rd.Names[i], Votes: sd.Votes,
			Share:  rules.FormatPercent(res.Share(sd.Votes, 2, rules.Truncate), 2, s.lang),
			Status: sd.Status.String(), Label: sd.Status.Name(s.lang)})
	}
	for i, e := range rep.Counter.Entries() {
		st.Entries = append(st.Entries, entryView{Seq: e.Seq, Marks: journal.Marks(e.Ballot), Flags: e.Ballot.Flags.List(),
			Valid: e.Classification.Valid(), Reason: e.Classification.Reason.Name(s.lang), Voided: e.Voided, Operator: rep.Operators[i],
			Text: describe(e.Ballot, s.lang), Replaces: rep.Replaces[i]})
	}
	if s.second != nil {
		st.Compare = s.compare()
	}
	for _, x := range []*journal.Writer{s.w, s.second} {
		if x != nil && x.Stopped() != nil {
			st.Stopped = s.t("Máy đã dừng nhận phiếu sau một lỗi ghi đĩa; giải phóng chỗ trên đĩa hoặc sửa lỗi, rồi khởi động lại máy.",
				"The station stopped taking ballots after a disk write failed; free space or fix the fault, then restart it.")
		}
	}
	return st, res
}

func (s *station) stateJSON(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.writer(entryOf(r)) == nil {
		s.mu.Unlock()
		http.NotFound(w, r)
		return
	}
	st, _ := s.currentOf(entryOf(r))
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, st)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// apply journals the event made by event from the current state of the
// request's entry — under the lock, so that two operators' entries get
// distinct numbers — and wakes the streams. The event is synced to the disk
// before the reply acknowledges it. A refusal and a failed write are told
// to the operator in their language; after a failed write the station
// takes nothing more.
func (s *station) apply(w http.ResponseWriter, r *http.Request, event func(*journal.Replay) journal.Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := entryOf(r)
	jw := s.writer(j)
	switch {
	case s.closed:
		s.refuse(w, http.StatusServiceUnavailable, "stopping", "máy đang dừng", "the station is stopping")
		return
	case jw == nil:
		s.refuse(w, http.StatusNotFound, "no-entry", "không có lần nhập thứ hai", "there is no second entry")
		return
	case s.stopped():
		st, _ := s.currentOf(j)
		s.refuse(w, http.StatusServiceUnavailable, "stopped", st.Stopped, st.Stopped)
		return
	}
	e := event(jw.State())
	if limit := maxEntries(jw.State().Round); e.Type == journal.TypeEnter && e.Seq > limit {
		s.refuse(w, http.StatusUnprocessableEntity, "too-many-entries",
			fmt.Sprintf("đã nhập %d lần cho %d phiếu phát ra: kiểm tra lại hòm phiếu", limit, jw.State().Round.Issued),
			fmt.Sprintf("%d entries already for %d ballots issued: check the ballot box", limit, jw.State().Round.Issued))
		return
	}
	if _, err := jw.Append(e); err != nil {
		var we *journal.WriteError
		if errors.As(err, &we) {
			what := s.t("phiếu", "ballot")
			if e.Type != journal.TypeEnter {
				what = s.t("thao tác trên phiếu", "the change to ballot")
			}
			vi, en := s.writeFailure(we, e.Seq, what)
			s.wake()
			s.refuse(w, http.StatusInsufficientStorage, "write-failed:"+we.Outcome.String(), vi, en)
			return
		}
		vi, en := s.refusal(jw.State(), e)
		s.refuse(w, http.StatusUnprocessableEntity, "refused", vi, en)
		return
	}
	s.wake()
	st, _ := s.currentOf(j)
	writeJSON(w, http.StatusOK, st)
}

// stopped reports whether a journal stopped after a failed write.
func (s *station) stopped() bool {
	return s.w.Stopped() != nil || (s.second != nil && s.second.Stopped() != nil)
}

// wake tells the event streams that the state changed; the caller holds mu.
func (s *station) wake() {
	for ch := range s.waiters {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (s *station) enter(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Marks    string   `json:"marks"`
		Flags    []string `json:"flags"`
		Replaces int      `json:"replaces"`
	}
	if !s.decode(w, r, &req) || s.tooLong(w, "marks", req.Marks, maxRowsMark) {
		return
	}
	if len(req.Flags) > maxFlags {
		s.refuse(w, http.StatusBadRequest, "too-many", "quá nhiều dấu hiệu", "too many flags")
		return
	}
	for _, f := range req.Flags {
		if _, err := ballot.ParseFlag(f); err != nil {
			s.refuse(w, http.StatusBadRequest, "flag", "dấu hiệu không hợp lệ", "unknown flag")
			return
		}
	}
	s.apply(w, r, func(rep *journal.Replay) journal.Event {
		return journal.Event{Type: journal.TypeEnter, Seq: rep.Counter.Len() + 1, Marks: req.Marks, Flags: req.Flags, Replaces: req.Replaces}
	})
}

func (s *station) void(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Seq    int    `json:"seq"`
		Reason string `json:"reason"`
	}
	if s.decode(w, r, &req) && !s.tooLong(w, s.t("lý do", "the reason"), req.Reason, maxReason) {
		s.apply(w, r, func(*journal.Replay) journal.Event {
			return journal.Event{Type: journal.TypeVoid, Seq: req.Seq, Reason: req.Reason}
		})
	}
}

func (s *station) restore(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Seq int `json:"seq"`
	}
	if s.decode(w, r, &req) {
		s.apply(w, r, func(*journal.Replay) journal.Event {
			return journal.Event{Type: journal.TypeRestore, Seq: req.Seq}
		})
	}
}

func (s *station) operator(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if s.decode(w, r, &req) && !s.tooLong(w, s.t("tên người nhập", "the operator's name"), req.Name, maxName) {
		s.apply(w, r, func(*journal.Replay) journal.Event {
			return journal.Event{Type: journal.TypeOperator, Operator: req.Name}
		})
	}
}

// closeRound closes the round. With double entry it is the acceptance of
// the result: refused while the two entries differ, and then both journals
// are closed.
func (s *station) closeRound(w http.ResponseWriter, r *http.Request) {
	var req struct{}
	if !s.decode(w, r, &req) {
		return
	}
	if s.second == nil {
		s.apply(w, r, func(*journal.Replay) journal.Event { return journal.Event{Type: journal.TypeClose} })
		return
	}
	s.accept(w, r)
}

// events streams the state to a page (server-sent events) at every change.
func (s *station) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	j := entryOf(r)
	s.mu.Lock()
	if s.closed || s.writer(j) == nil {
		s.mu.Unlock()
		http.Error(w, s.t("máy đang dừng", "the station is stopping"), http.StatusServiceUnavailable)
		return
	}
	s.waiters[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.waiters != nil {
			delete(s.waiters, ch)
		}
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	send := func() bool {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return false
		}
		st, _ := s.currentOf(j)
		s.mu.Unlock()
		data, _ := json.Marshal(st)
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", data); err != nil {
			return false
		}
		flusher.Flush()
		return true
	}
	if !send() {
		return
	}
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, open := <-ch:
			if !open || !send() {
				return
			}
		case <-keepAlive.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// minutes prints the round's minutes, sealed with the journal's head (both
// heads under double entry, and only once the result is accepted).
func (s *station) minutes(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	rep := s.w.State()
	rd := rep.Round
	_, rr := s.current()
	head := s.w.Head()
	var second *journal.Head
	if s.second != nil {
		if !rep.Closed || !s.second.State().Closed {
			s.mu.Unlock()
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusConflict)
			fmt.Fprintln(w, s.t("Chưa có biên bản: kết quả chỉ được in sau khi hai lần nhập khớp nhau và đã được chấp nhận.",
				"No minutes yet: the result prints only once the two entries agree and it is accepted."))
			return
		}
		h := s.second.Head()
		second = &h
	}
	s.mu.Unlock()
	res := tally.Result{Congress: rd.Congress, Level: rd.Level, Base: rd.Base, Contests: []tally.ContestResult{{
		ID: rd.Contest, Office: rd.Office, Seats: rd.Seats, CountingBoard: rd.Board,
		Rounds: []tally.RoundResult{rr}, Elected: rr.Elected, SeatsLeft: rr.SeatsLeft, Next: rr.Next,
	}}}
	for i, id := range rd.Candidates {
		res.People = append(res.People, tally.Person{ID: id, Name: rd.Names[i]})
	}
	opt := report.Options{Lang: s.lang, Seal: fmt.Sprintf("%s: %d %s, SHA-256 %s", s.t("Nhật ký điện tử của máy kiểm phiếu", "The kiosk's electronic journal"),
		head.Records, s.t("bản ghi", "records"), head.Grouped())}
	if second != nil {
		opt.Seal += fmt.Sprintf("; %s: %d %s, SHA-256 %s", s.t("lần nhập thứ hai", "the second entry"),
			second.Records, s.t("bản ghi", "records"), second.Grouped())
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := report.MinutesHTML(w, res, 0, 0, opt); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
