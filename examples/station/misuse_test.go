package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

func sampleRd(t *testing.T) journal.Round {
	t.Helper()
	c, err := ballot.ParseCongress(sampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := roundOf(c, "", 1, "Hòm phiếu số 1", -1)
	if err != nil {
		t.Fatal(err)
	}
	return rd
}

// TestOpenRefusals: a second station on the same journal, a deleted
// journal whose pin is left, a station started where there is no journal,
// and -new over an existing journal are all refused, and nothing on the
// disk changes.
func TestOpenRefusals(t *testing.T) {
	rd := sampleRd(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "s.journal")
	s, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", true)
	if err != nil {
		t.Fatal(err)
	}
	c := client{t, s.handler(), s.token}
	if code, out := c.do("POST", "/api/enter", `{"marks":"...x","flags":[]}`, nil); code != 200 {
		t.Fatalf("%d %s", code, out)
	}
	var le *journal.LockedError
	if _, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", false); !errors.As(err, &le) {
		t.Errorf("a second station on the same journal: %v", err)
	}
	s.Close()
	if _, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", true); !errors.Is(err, os.ErrExist) {
		t.Errorf("-new over an existing journal: %v", err)
	}
	if _, err := openStation(filepath.Join(dir, "other"), "", rd, ballot.Vietnamese, "127.0.0.1:0", false); err == nil || !strings.Contains(err.Error(), "-new") {
		t.Errorf("no journal and no -new: %v", err)
	}
	os.Remove(path)
	var d *journal.Damage
	for _, create := range []bool{false, true} {
		if _, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", create); !errors.As(err, &d) || d.Kind != journal.Missing {
			t.Errorf("the journal deleted, its pin kept, -new %v: %v", create, err)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a new journal replaced the deleted one")
	}
}

// TestRequestLimits: bodies are decoded strictly and every field is capped;
// a refused request changes nothing and is explained in the operator's
// language.
func TestRequestLimits(t *testing.T) {
	s, _ := sampleRound(t)
	defer s.Close()
	c := client{t, s.handler(), s.token}
	for _, tt := range []struct {
		reason, path, body string
		want               int
	}{
		{"trailing data", "/api/enter", `{"marks":"...x"} {"marks":"x..."}`, 400},
		{"a repeated key", "/api/enter", `{"marks":"...x","marks":"xxxx"}`, 400},
		{"an unknown field", "/api/enter", `{"marks":"...x","seq":9}`, 400},
		{"an operator name of 60 KB", "/api/operator", `{"name":"` + strings.Repeat("A", 60000) + `"}`, 413},
		{"an operator name of 81 characters", "/api/operator", `{"name":"` + strings.Repeat("Ệ", 81) + `"}`, 400},
		{"a reason of 201 characters", "/api/void", `{"seq":1,"reason":"` + strings.Repeat("x", 201) + `"}`, 400},
		{"four flags", "/api/enter", `{"marks":"...x","flags":["signed","signed","signed","signed"]}`, 400},
		{"an unknown flag", "/api/enter", `{"marks":"...x","flags":["stamped"]}`, 400},
		{"marks of 2,000 rows", "/api/enter", `{"marks":"` + strings.Repeat(".", 2000) + `"}`, 400},
		{"a body over 4 KiB", "/api/enter", `{"marks":"...x","flags":[]}` + strings.Repeat(" ", 5000), 413},
		{"a ballot of the wrong length", "/api/enter", `{"marks":"..x"}`, 422},
		{"an undo of a ballot that does not exist", "/api/void", `{"seq":4,"reason":"x"}`, 422},
	} {
		code, out := c.do("POST", tt.path, tt.body, nil)
		var reply errorReply
		if code != tt.want || json.Unmarshal([]byte(out), &reply) != nil || reply.Error == "" || len(out) > 1000 {
			t.Errorf("%s: %d %.200s, want %d with an explanation", tt.reason, code, out, tt.want)
		}
	}
	if code, out := c.do("POST", "/api/operator", `{"name":"`+strings.Repeat("Ệ", 80)+`"}`, nil); code != 200 {
		t.Errorf("a name of 80 characters: %d %.200s", code, out)
	}
	if st := c.state(); st.Collected != 0 {
		t.Errorf("refused requests changed the count: %d", st.Collected)
	}
}

// rawCode matches what a person must never see: the journal's marks codes
// and flag codes.
var rawCode = regexp.MustCompile(`[.x/]{4}|\[signed\]|not-issued|written-in`)

// TestWordsNotCodes: what the entry page shows of a ballot is in words in
// the station's language, never the journal's codes.
func TestWordsNotCodes(t *testing.T) {
	for _, lang := range []ballot.Lang{ballot.Vietnamese, ballot.English} {
		rd := sampleRd(t)
		s, err := openStation(filepath.Join(t.TempDir(), "j"), "", rd, lang, "127.0.0.1:0", true)
		if err != nil {
			t.Fatal(err)
		}
		c := client{t, s.handler(), s.token}
		c.do("POST", "/api/enter", `{"marks":"x..x","flags":["signed","not-issued"]}`, nil)
		_, out := c.do("POST", "/api/enter", `{"marks":"..x"}`, nil)
		st := c.state()
		e := st.Entries[0]
		want := map[ballot.Lang]string{ballot.Vietnamese: "gạch tên 1, 4; không do Ban kiểm phiếu phát; có ký tên, đánh dấu",
			ballot.English: "struck 1, 4; not issued by the board; signed or marked"}[lang]
		if e.Text != want {
			t.Errorf("%s: the entry reads %q, want %q", lang, e.Text, want)
		}
		if rawCode.MatchString(e.Text) || rawCode.MatchString(out) {
			t.Errorf("%s: a code is shown: %q / %q", lang, e.Text, out)
		}
		var reply errorReply
		if json.Unmarshal([]byte(out), &reply) != nil || reply.Code != "refused" || reply.Error == "" {
			t.Errorf("%s: the refusal %s", lang, out)
		}
		s.Close()
	}
}

// TestDoubleEntry: two operators enter the same box into two journals; the
// station shows the one difference by position, refuses to accept, and
// accepts once the wrong entry is undone and re-entered in its place.
func TestDoubleEntry(t *testing.T) {
	rd := sampleRd(t)
	dir := t.TempDir()
	s, err := openStation(filepath.Join(dir, "a"), filepath.Join(dir, "b"), rd, ballot.Vietnamese, "127.0.0.1:0", true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := client{t, s.handler(), s.token}
	for _, m := range []string{"...x", "..x.", "x..."} {
		c.do("POST", "/api/enter", `{"marks":"`+m+`"}`, nil)
	}
	for _, m := range []string{"...x", ".x..", "x..."} {
		c.do("POST", "/api/enter?j=2", `{"marks":"`+m+`"}`, nil)
	}
	st := c.state()
	if st.Compare == nil || st.Compare.Agree || len(st.Compare.Differences) != 1 || st.Compare.Differences[0].Position != 2 {
		t.Fatalf("comparison: %+v", st.Compare)
	}
	if d := st.Compare.Differences[0]; d.Ballots[0] != "gạch tên 3" || d.Ballots[1] != "gạch tên 2" {
		t.Errorf("the difference reads %q", d.Ballots)
	}
	if code, _ := c.do("POST", "/api/close", `{}`, nil); code != 409 {
		t.Errorf("accepted with a difference: %d", code)
	}
	// The board re-reads paper 2: the second operator was wrong.
	if code, out := c.do("POST", "/api/void?j=2", `{"seq":2,"reason":"đọc lại"}`, nil); code != 200 {
		t.Fatalf("%d %s", code, out)
	}
	if code, out := c.do("POST", "/api/enter?j=2", `{"marks":"..x.","replaces":2}`, nil); code != 200 {
		t.Fatalf("%d %s", code, out)
	}
	if st := c.state(); !st.Compare.Agree {
		t.Fatalf("after the correction: %+v", st.Compare)
	}
	if code, _ := c.do("GET", "/minutes", "", nil); code != 409 {
		t.Errorf("minutes before the acceptance: %d", code)
	}
	if code, out := c.do("POST", "/api/close", `{}`, nil); code != 200 {
		t.Fatalf("accept: %d %s", code, out)
	}
	code, minutes := c.do("GET", "/minutes", "", nil)
	if code != 200 || !strings.Contains(minutes, s.w.Head().Grouped()) || !strings.Contains(minutes, s.second.Head().Grouped()) {
		t.Errorf("minutes after the acceptance: %d, both heads printed: %v %v", code,
			strings.Contains(minutes, s.w.Head().Grouped()), strings.Contains(minutes, s.second.Head().Grouped()))
	}
	st = c.state()
	if !st.Closed || !st.Compare.Accepted || !s.second.State().Closed {
		t.Errorf("after accepting: closed %v, %+v", st.Closed, st.Compare)
	}
	if code, _ := c.do("POST", "/api/enter?j=2", `{"marks":"...x"}`, nil); code != 422 {
		t.Errorf("an entry after the acceptance: %d", code)
	}
}

// TestZeroTailReported: zeros a power cut left after the last record are
// dropped when the station resumes, reported, and the ballots kept.
func TestZeroTailReported(t *testing.T) {
	rd := sampleRd(t)
	path := filepath.Join(t.TempDir(), "j")
	s, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", true)
	if err != nil {
		t.Fatal(err)
	}
	client{t, s.handler(), s.token}.do("POST", "/api/enter", `{"marks":"...x"}`, nil)
	s.Close()
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.Write(make([]byte, 4096))
	f.Close()
	s, err = openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st := (client{t, s.handler(), s.token}).state(); s.torn != 4096 || st.Collected != 1 {
		t.Errorf("torn %d, %d collected", s.torn, st.Collected)
	}
}

// TestEntryCap: a round takes at most twice its issued ballots and a
// hundred more entries, undone ones included.
func TestEntryCap(t *testing.T) {
	s, _ := sampleRound(t)
	defer s.Close()
	c := client{t, s.handler(), s.token}
	limit := maxEntries(s.w.State().Round)
	for i := range limit {
		if code, out := c.do("POST", "/api/enter", `{"marks":"...x"}`, nil); code != 200 {
			t.Fatalf("entry %d of %d: %d %s", i+1, limit, code, out)
		}
	}
	code, out := c.do("POST", "/api/enter", `{"marks":"...x"}`, nil)
	var reply errorReply
	if code != 422 || json.Unmarshal([]byte(out), &reply) != nil || reply.Code != "too-many-entries" {
		t.Errorf("entry %d: %d %s", limit+1, code, out)
	}
	if st := c.state(); len(st.Entries) != limit {
		t.Errorf("%d entries, want %d", len(st.Entries), limit)
	}
}
