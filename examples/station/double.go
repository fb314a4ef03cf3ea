package main

import (
	"net/http"
	"strconv"

	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// compareView is the comparison of the two entries of a double entry (nhập
// độc lập, as Kiesraad's Abacus does it): the positions in the stack of
// papers where they differ, with each entry's ballot in words, for the
// board to re-read those papers.
type compareView struct {
	Agree       bool             `json:"agree"`
	Ballots     []int            `json:"ballots"` // the surviving ballots of each entry
	Differences []differenceView `json:"differences"`
	Accepted    bool             `json:"accepted"` // the result was accepted: both journals are closed
	Summary     string           `json:"summary"`
}

type differenceView struct {
	Position int      `json:"position"`
	Ballots  []string `json:"ballots"` // each entry's ballot at that position, in words; "" where it has none
}

// maxDifferencesShown caps the list: past it, the count says how many more.
const maxDifferencesShown = 100

// compare compares the two entries; the caller holds mu.
func (s *station) compare() *compareView {
	a, b := s.w.State(), s.second.State()
	c, err := journal.Compare(a, b)
	if err != nil { // checked when the station opened
		return &compareView{Summary: err.Error()}
	}
	v := &compareView{Agree: c.Agree(), Ballots: c.Ballots, Accepted: a.Closed && b.Closed}
	for i, d := range c.Differences {
		if i == maxDifferencesShown {
			break
		}
		dv := differenceView{Position: d.Position}
		for _, bl := range d.Ballots {
			if bl == nil {
				dv.Ballots = append(dv.Ballots, "")
			} else {
				dv.Ballots = append(dv.Ballots, describe(*bl, s.lang))
			}
		}
		v.Differences = append(v.Differences, dv)
	}
	switch {
	case v.Agree:
		v.Summary = s.t("Hai lần nhập khớp nhau ở tất cả "+strconv.Itoa(c.Ballots[0])+" phiếu.",
			"The two entries agree on all "+strconv.Itoa(c.Ballots[0])+" ballots.")
	default:
		v.Summary = s.t(strconv.Itoa(len(c.Differences))+" phiếu khác nhau; Ban kiểm phiếu đọc lại các tờ phiếu đó.",
			strconv.Itoa(len(c.Differences))+" ballots differ; the board re-reads those papers.")
	}
	return v
}

// accept accepts the result of a double entry: only when the two entries
// agree ballot by ballot, and then both journals are closed, so that
// nothing can change after. The caller holds no lock.
func (s *station) accept(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.stopped() {
		s.refuse(w, http.StatusServiceUnavailable, "stopped", "máy đã dừng nhận phiếu", "the station has stopped taking ballots")
		return
	}
	if _, c, err := journal.Accept("", s.w.State(), s.second.State()); err != nil || !c.Agree() {
		s.refuse(w, http.StatusConflict, "differ", "hai lần nhập chưa khớp nhau: đọc lại các phiếu khác nhau và sửa lần nhập sai",
			"the two entries do not agree yet: re-read the papers that differ and correct the wrong entry")
		return
	}
	for _, jw := range []*journal.Writer{s.w, s.second} {
		if jw.State().Closed {
			continue
		}
		if _, err := jw.Append(journal.Event{Type: journal.TypeClose}); err != nil {
			s.wake()
			s.refuse(w, http.StatusInsufficientStorage, "write-failed", "không ghi được việc đóng vòng bầu: "+err.Error(),
				"the close of the round could not be written: "+err.Error())
			return
		}
	}
	s.wake()
	st, _ := s.currentOf(entryOf(r))
	writeJSON(w, http.StatusOK, st)
}
