package main

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
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
	w       *journal.Writer
	lang    ballot.Lang
	token   string          // required on every change: pages of this process carry it
	hosts   map[string]bool // the host names requests may be addressed to
	waiters map[chan struct{}]bool
	closed  bool
}

// openStation resumes the journal at path, or creates it for round rd.
func openStation(path string, rd journal.Round, lang ballot.Lang, listen string) (*station, error) {
	var w *journal.Writer
	var err error
	if _, statErr := os.Stat(path); statErr == nil {
		w, _, err = journal.Resume(path)
	} else if errors.Is(statErr, os.ErrNotExist) {
		w, err = journal.Create(path, rd)
	} else {
		err = statErr
	}
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		w.Close()
		return nil, err
	}
	s := &station{w: w, lang: lang, token: hex.EncodeToString(tok), waiters: make(map[chan struct{}]bool),
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
	return s.w.Close()
}

func (s *station) t(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(s.lang) }

// handler routes the station's pages and API behind the guard.
func (s *station) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page("entry.html"))
	mux.HandleFunc("GET /projector", s.page("projector.html"))
	mux.HandleFunc("GET /minutes", s.minutes)
	mux.HandleFunc("GET /api/state", s.stateJSON)
	mux.HandleFunc("GET /events", s.events)
	mux.HandleFunc("POST /api/enter", s.enter)
	mux.HandleFunc("POST /api/void", s.void)
	mux.HandleFunc("POST /api/operator", s.operator)
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
			http.Error(w, "forbidden host", http.StatusForbidden)
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
			http.Error(w, "cross-site request refused", http.StatusForbidden)
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
			http.Error(w, "cross-origin request refused", http.StatusForbidden)
			return
		}
		if r.Header.Get("X-Kiemphieu-Token") != s.token {
			http.Error(w, "missing or stale token: reload the page", http.StatusForbidden)
			return
		}
		if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
			http.Error(w, "JSON only", http.StatusUnsupportedMediaType)
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
			T:     labels(s.lang)}
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
}

// current returns the state and the round's result; the caller holds mu.
func (s *station) current() (state, tally.RoundResult) {
	rep := s.w.State()
	rd := rep.Round
	res := rep.Counter.Result("", rd.Number, rd.Box)
	st := state{Head: s.w.Head().String(), Grouped: s.w.Head().Grouped(), Closed: rep.Closed,
		Collected: res.Collected, Valid: res.Valid, Invalid: res.Invalid, Issued: res.Issued,
		D: res.Base.D, Threshold: res.Base.Threshold(), Next: res.Next.Step.Name(s.lang)}
	for i, sd := range res.Standings {
		st.Standings = append(st.Standings, standingView{No: i + 1, Name: rd.Names[i], Votes: sd.Votes,
			Share:  rules.FormatPercent(res.Share(sd.Votes, 2, rules.Truncate), 2, s.lang),
			Status: sd.Status.String(), Label: sd.Status.Name(s.lang)})
	}
	for i, e := range rep.Counter.Entries() {
		st.Entries = append(st.Entries, entryView{Seq: e.Seq, Marks: journal.Marks(e.Ballot), Flags: e.Ballot.Flags.List(),
			Valid: e.Classification.Valid(), Reason: e.Classification.Reason.Name(s.lang), Voided: e.Voided, Operator: rep.Operators[i]})
	}
	return st, res
}

func (s *station) stateJSON(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	st, _ := s.current()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, st)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// apply journals the event made by event from the current state — under the
// lock, so that two operators' entries get distinct numbers — and wakes the
// streams. The event is synced to the disk before the reply acknowledges it.
func (s *station) apply(w http.ResponseWriter, event func(*journal.Replay) journal.Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		http.Error(w, "the station is stopping", http.StatusServiceUnavailable)
		return
	}
	if _, err := s.w.Append(event(s.w.State())); err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	for ch := range s.waiters {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
	st, _ := s.current()
	writeJSON(w, http.StatusOK, st)
}

// decode reads a small JSON request body strictly.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(io.LimitReader(r.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return false
	}
	return true
}

func (s *station) enter(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Marks string   `json:"marks"`
		Flags []string `json:"flags"`
	}
	if decode(w, r, &req) {
		s.apply(w, func(rep *journal.Replay) journal.Event {
			return journal.Event{Type: journal.TypeEnter, Seq: rep.Counter.Len() + 1, Marks: req.Marks, Flags: req.Flags}
		})
	}
}

func (s *station) void(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Seq    int    `json:"seq"`
		Reason string `json:"reason"`
	}
	if decode(w, r, &req) {
		s.apply(w, func(*journal.Replay) journal.Event {
			return journal.Event{Type: journal.TypeVoid, Seq: req.Seq, Reason: req.Reason}
		})
	}
}

func (s *station) operator(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if decode(w, r, &req) {
		s.apply(w, func(*journal.Replay) journal.Event {
			return journal.Event{Type: journal.TypeOperator, Operator: req.Name}
		})
	}
}

func (s *station) closeRound(w http.ResponseWriter, r *http.Request) {
	var req struct{}
	if decode(w, r, &req) {
		s.apply(w, func(*journal.Replay) journal.Event { return journal.Event{Type: journal.TypeClose} })
	}
}

// events streams the state to a page (server-sent events) at every change.
func (s *station) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "the station is stopping", http.StatusServiceUnavailable)
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
		st, _ := s.current()
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

// minutes prints the round's minutes, sealed with the journal's head.
func (s *station) minutes(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	rep := s.w.State()
	rd := rep.Round
	_, rr := s.current()
	head := s.w.Head()
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
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := report.MinutesHTML(w, res, 0, 0, opt); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
