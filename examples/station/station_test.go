package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
)

func sampleRound(t *testing.T) (*station, string) {
	t.Helper()
	c, err := ballot.ParseCongress(sampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := roundOf(c, "", 1, "Hòm phiếu số 1", -1)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.journal")
	s, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", true)
	if err != nil {
		t.Fatal(err)
	}
	return s, path
}

type client struct {
	t     *testing.T
	h     http.Handler
	token string
}

func (c client) do(method, path, body string, header map[string]string) (int, string) {
	c.t.Helper()
	req := httptest.NewRequest(method, "http://127.0.0.1:8080"+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Kiemphieu-Token", c.token)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func (c client) state() state {
	c.t.Helper()
	code, body := c.do("GET", "/api/state", "", nil)
	var st state
	if code != 200 || json.Unmarshal([]byte(body), &st) != nil {
		c.t.Fatalf("state: %d %s", code, body)
	}
	return st
}

// TestGuard: a change that does not come from the station's own pages is
// refused and changes nothing.
func TestGuard(t *testing.T) {
	s, _ := sampleRound(t)
	defer s.Close()
	c := client{t, s.handler(), s.token}
	enter := `{"marks":"...x","flags":[]}`
	for _, tt := range []struct {
		reason string
		header map[string]string
		want   int
	}{
		{"a cross-site request (Sec-Fetch-Site)", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"a request from another origin", map[string]string{"Origin": "http://evil.example"}, 403},
		{"no token (a form on another site)", map[string]string{"X-Kiemphieu-Token": ""}, 403},
		{"the token of an earlier run", map[string]string{"X-Kiemphieu-Token": strings.Repeat("0", 32)}, 403},
		{"not JSON (a plain form post)", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415},
		{"addressed to another host (DNS rebinding)", map[string]string{"Host": "evil.example"}, 403},
	} {
		h := c.h
		if host, ok := tt.header["Host"]; ok {
			delete(tt.header, "Host")
			h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { r.Host = host; c.h.ServeHTTP(w, r) })
		}
		if code, body := (client{t, h, s.token}).do("POST", "/api/enter", enter, tt.header); code != tt.want {
			t.Errorf("%s: %d %s, want %d", tt.reason, code, body, tt.want)
		}
	}
	if st := c.state(); st.Collected != 0 {
		t.Errorf("a refused request changed the count: %d collected", st.Collected)
	}
	if code, _ := c.do("POST", "/api/enter", enter, nil); code != 200 {
		t.Errorf("the page's own request refused: %d", code)
	}
}

// TestFlow enters ballots, undoes one, prints the minutes with the head, and
// resumes after a restart.
func TestFlow(t *testing.T) {
	s, path := sampleRound(t)
	c := client{t, s.handler(), s.token}
	for _, body := range []string{
		`{"name":"Nguyễn Thị Hạnh"}`,
	} {
		if code, out := c.do("POST", "/api/operator", body, nil); code != 200 {
			t.Fatalf("%d %s", code, out)
		}
	}
	for _, m := range []string{"...x", "...x", "x..x", "..x.", "....", "xxxx"} {
		if code, out := c.do("POST", "/api/enter", `{"marks":"`+m+`","flags":[]}`, nil); code != 200 {
			t.Fatalf("enter %s: %d %s", m, code, out)
		}
	}
	if code, out := c.do("POST", "/api/enter", `{"marks":"..x"}`, nil); code != 422 {
		t.Errorf("a ballot of the wrong length: %d %s", code, out)
	}
	if code, out := c.do("POST", "/api/void", `{"seq":3,"reason":"đọc nhầm"}`, nil); code != 200 {
		t.Fatalf("void: %d %s", code, out)
	}
	st := c.state()
	if st.Collected != 5 || st.Valid != 3 || st.Invalid != 2 || len(st.Entries) != 6 || !st.Entries[2].Voided || st.Entries[0].Operator != "Nguyễn Thị Hạnh" {
		t.Fatalf("state: %+v", st)
	}
	// Valid: "...x" twice, "..x.": c1 3, c2 3, c3 2, c4 1; 2·3 > 10 fails.
	if st.Standings[0].Votes != 3 || st.Standings[2].Votes != 2 || st.Standings[3].Votes != 1 || st.D != 10 || st.Standings[0].Status != "not-qualified" {
		t.Errorf("standings %+v, D %d", st.Standings, st.D)
	}
	_, minutes := c.do("GET", "/minutes", "", nil)
	if !strings.Contains(minutes, st.Grouped) || !strings.Contains(minutes, "<svg") {
		t.Error("the minutes do not carry the journal's head")
	}
	s.Close()

	// Restart: the journal resumes; the old page's token no longer works.
	c2, _ := ballot.ParseCongress(sampleJSON)
	rd, _ := roundOf(c2, "", 1, "Hòm phiếu số 1", -1)
	s2, err := openStation(path, "", rd, ballot.Vietnamese, "127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	after := client{t, s2.handler(), s2.token}.state()
	if after.Head != st.Head || after.Collected != 5 {
		t.Errorf("after the restart: head %s (was %s), %d collected", after.Head, st.Head, after.Collected)
	}
	if code, _ := (client{t, s2.handler(), s.token}).do("POST", "/api/enter", `{"marks":"...x"}`, nil); code != 403 {
		t.Errorf("the token of the earlier run accepted: %d", code)
	}
}

// TestRun starts the program as main does, on a free port, and stops it.
func TestRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var out bytes.Buffer
	go func() {
		done <- run(ctx, &out, []string{"-addr", "127.0.0.1:0", "-new", "-journal", filepath.Join(t.TempDir(), "j")}, ready)
	}()
	addr := <-ready
	resp, err := http.Get("http://" + addr + "/projector")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(page, []byte("projector.js")) {
		t.Errorf("projector: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run: %v", err)
	}
	for _, bad := range [][]string{{"-lang", "fr"}, {"-contest", "nope", "-addr", "127.0.0.1:0"}, {"-round", "3", "-addr", "127.0.0.1:0"}} {
		if err := run(context.Background(), &out, bad, nil); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
