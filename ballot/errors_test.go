package ballot_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// TestErrorListCap: however many problems an input has, the list keeps the
// first MaxErrors and counts the rest in one last problem.
func TestErrorListCap(t *testing.T) {
	for _, tt := range []struct {
		reason    string
		added     int
		wantLen   int
		wantCount string // Value of the ErrTooMany problem; "" when there is none
	}{
		{"under the cap", 10, 10, ""},
		{"exactly the cap", ballot.MaxErrors, ballot.MaxErrors, ""},
		{"one over", ballot.MaxErrors + 1, ballot.MaxErrors + 1, "1"},
		{"a hundred thousand", 100_000, ballot.MaxErrors + 1, fmt.Sprint(100_000 - ballot.MaxErrors)},
	} {
		var l ballot.ErrorList
		for i := range tt.added {
			l.Addf(ballot.Path(fmt.Sprintf("candidates[%d]", i)), ballot.ErrDuplicate, "c1", "trùng", "duplicate")
		}
		last := l[len(l)-1]
		if len(l) != tt.wantLen {
			t.Errorf("%s: %d problems kept, want %d", tt.reason, len(l), tt.wantLen)
		}
		if tt.wantCount == "" {
			if errors.Is(l, ballot.ErrTooMany) {
				t.Errorf("%s: a too-many problem", tt.reason)
			}
			continue
		}
		if last.Code != ballot.ErrTooMany || last.Value != tt.wantCount || last.Path != ballot.Path(fmt.Sprintf("candidates[%d]", ballot.MaxErrors)) {
			t.Errorf("%s: the last problem is %s %q at %s", tt.reason, last.Code, last.Value, last.Path)
		}
	}
	// A reader that stops at the limit with its own too-many problem keeps
	// it, and a problem added after it changes nothing.
	var l ballot.ErrorList
	for range ballot.MaxErrors {
		l.Addf("line 1", ballot.ErrInvalid, "", "x", "x")
	}
	l.Addf("line 201", ballot.ErrTooMany, "200", "dừng", "stopped")
	l.Addf("line 202", ballot.ErrInvalid, "", "x", "x")
	if len(l) != ballot.MaxErrors+1 || l[ballot.MaxErrors].Value != "200" || l[ballot.MaxErrors].Path != "line 201" {
		t.Errorf("a reader's own stop: %d problems, last %+v", len(l), l[len(l)-1])
	}
}

// TestManyRepeats: a ballot naming one candidate a million times is a
// bounded list of problems, not a million (it was 93 MB of error lines).
func TestManyRepeats(t *testing.T) {
	doc, err := os.ReadFile("testdata/chibo.json")
	if err != nil {
		t.Fatal(err)
	}
	huge := []byte(`{ "struck": ["c3"` + strings.Repeat(`, "c3"`, 1_000_000) + `] }`)
	doc = bytes.Replace(doc, []byte(`{ "struck": ["c3"] }`), huge, 1)
	_, err = ballot.ParseCongress(doc)
	var l ballot.ErrorList
	if !errors.As(err, &l) {
		t.Fatalf("%v", err)
	}
	if len(l) != ballot.MaxErrors+1 || !errors.Is(err, ballot.ErrDuplicate) || !errors.Is(err, ballot.ErrTooMany) {
		t.Errorf("%d problems (%v)", len(l), err)
	}
}
