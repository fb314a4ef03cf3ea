package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/strictjson"
	"github.com/kiemphieu/kiemphieu/tally/journal"
)

// Limits on what a request may carry. A page of the station sends a few
// hundred bytes; anything larger is not from it.
const (
	maxBody     = 4 << 10 // bytes of a request body
	maxName     = 80      // characters of an operator's name
	maxReason   = 200     // characters of a reason for an undo
	maxFlags    = 3       // flags on one ballot: there are three
	maxRowsMark = 1000    // characters of marks (the journal checks the exact length)
)

// maxEntries caps the entries of a round, undone ones included: twice the
// ballots issued and a hundred more leaves room for every paper to be
// entered, undone and entered again, and keeps a runaway client from
// growing the journal and every reply without end.
func maxEntries(rd journal.Round) int { return 2*rd.Issued + 100 }

// errorReply is what the station answers to a request it refuses: the
// message in the operator's language, and a stable code for programs.
type errorReply struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

func (s *station) refuse(w http.ResponseWriter, status int, code, vi, en string) {
	writeJSON(w, status, errorReply{Error: s.t(vi, en), Code: code})
}

// decode reads a small JSON request body strictly: nothing but one object
// of the expected fields, no key twice, nothing after it, at most maxBody
// bytes.
func (s *station) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.refuse(w, http.StatusRequestEntityTooLarge, "too-large",
			fmt.Sprintf("yêu cầu quá lớn (tối đa %d byte)", maxBody), fmt.Sprintf("the request is too large (at most %d bytes)", maxBody))
		return false
	}
	if err != nil {
		s.refuse(w, http.StatusBadRequest, "read", "không đọc được yêu cầu", "the request could not be read")
		return false
	}
	if problems := strictjson.Decode(data, v); len(problems) > 0 {
		p := problems[0]
		s.refuse(w, http.StatusBadRequest, "malformed", "yêu cầu không hợp lệ: "+p.Path+" "+p.VI, "malformed request: "+p.Path+" "+p.EN)
		return false
	}
	return true
}

// tooLong refuses a text field longer than max characters, or not UTF-8.
func (s *station) tooLong(w http.ResponseWriter, field, text string, max int) bool {
	if utf8.ValidString(text) && utf8.RuneCountInString(text) <= max {
		return false
	}
	s.refuse(w, http.StatusBadRequest, "too-long",
		fmt.Sprintf("%s quá dài (tối đa %d ký tự)", field, max), fmt.Sprintf("%s is too long (at most %d characters)", field, max))
	return true
}

// describe says what a ballot's marks and flags are in words, for the
// operator: the rows struck, or the rows agreed and disagreed, and the
// board's flags. The journal's codes ("..x.", "signed") are never shown.
func describe(b ballot.Ballot, l ballot.Lang) string {
	t := func(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(l) }
	rows := map[ballot.Mark][]string{}
	for i, m := range b.Marks {
		rows[m] = append(rows[m], strconv.Itoa(i+1))
	}
	var parts []string
	add := func(m ballot.Mark, vi, en string) {
		if len(rows[m]) > 0 {
			parts = append(parts, t(vi, en)+" "+strings.Join(rows[m], ", "))
		}
	}
	add(ballot.Struck, "gạch tên", "struck")
	add(ballot.PartlyStruck, "gạch không hết", "partly struck")
	add(ballot.Agree, "đồng ý", "agree")
	add(ballot.Disagree, "không đồng ý", "disagree")
	add(ballot.Both, "đánh cả hai ô", "both boxes")
	if len(parts) == 0 {
		parts = append(parts, t("không gạch tên nào", "nothing marked"))
	}
	for _, f := range []struct {
		flag   ballot.Flags
		vi, en string
	}{
		{ballot.FlagNotIssued, "không do Ban kiểm phiếu phát", "not issued by the board"},
		{ballot.FlagWrittenIn, "ghi thêm tên", "a name written in"},
		{ballot.FlagSigned, "có ký tên, đánh dấu", "signed or marked"},
	} {
		if b.Flags&f.flag != 0 {
			parts = append(parts, t(f.vi, f.en))
		}
	}
	return strings.Join(parts, "; ")
}

// entryLabels are the entry page's words beyond those the pages share,
// including those the script shows.
func entryLabels(l ballot.Lang) map[string]string {
	t := func(vi, en string) string { return ballot.Text{VI: vi, EN: en}.In(l) }
	return map[string]string{
		"keys": t("Gõ số thứ tự rồi phím cách để gạch / bỏ gạch (hoặc đổi ô); Enter ghi phiếu; Ctrl+Z hoặc U hoàn tác phiếu vừa ghi (hỏi xác nhận); N: không do Ban kiểm phiếu phát; W: ghi thêm tên; S: có ký tên, đánh dấu; Esc: xóa phiếu đang nhập.",
			"Type a number then Space to strike or unstrike (or change its box); Enter records the ballot; Ctrl+Z or U undoes the last (asks to confirm); N: not issued by the board; W: a name written in; S: signed or marked; Esc: clear the ballot."),
		"undo":          t("Hoàn tác phiếu vừa ghi (Ctrl+Z)", "Undo the last ballot (Ctrl+Z)"),
		"undoOne":       t("Hoàn tác phiếu", "Undo ballot"),
		"restoreOne":    t("Khôi phục phiếu", "Restore ballot"),
		"confirmUndo":   t("Hoàn tác phiếu #%d? Nhấn Y hoặc Enter để xác nhận, Esc để thôi.", "Undo ballot #%d? Press Y or Enter to confirm, Esc to keep it."),
		"yes":           t("Xác nhận hoàn tác", "Confirm the undo"),
		"undone":        t("Đã hoàn tác phiếu #%d. Phiếu ghi tiếp theo sẽ thay vào vị trí của nó; Esc để ghi như phiếu mới.", "Ballot #%d undone. The next ballot recorded takes its place; Esc to record it as a new paper."),
		"restored":      t("Đã khôi phục phiếu #%d", "Ballot #%d restored"),
		"recorded":      t("Đã ghi phiếu #%d: %s", "Ballot #%d recorded: %s"),
		"notRecorded":   t("CHƯA GHI phiếu (%s): %s", "NOT recorded (%s): %s"),
		"replacing":     t("Nhập lại thay phiếu #%d", "Re-entering in place of ballot #%d"),
		"badNumber":     t("Không có dòng số %s", "There is no row %s"),
		"reason":        t("hoàn tác tại máy nhập", "undone at the station"),
		"compare":       t("Đối chiếu hai lần nhập", "The two entries compared"),
		"agree":         t("Hai lần nhập khớp nhau ở tất cả %d phiếu.", "The two entries agree on all %d ballots."),
		"differ":        t("Hai lần nhập khác nhau ở các phiếu sau; Ban kiểm phiếu đọc lại các tờ phiếu đó:", "The two entries differ at these ballots; the board re-reads those papers:"),
		"position":      t("Phiếu thứ", "Ballot"),
		"first":         t("Lần nhập 1", "Entry 1"),
		"second":        t("Lần nhập 2", "Entry 2"),
		"none":          t("(không có)", "(none)"),
		"accept":        t("Chấp nhận kết quả", "Accept the result"),
		"accepted":      t("Kết quả đã được chấp nhận; vòng bầu đã đóng.", "The result is accepted; the round is closed."),
		"stopped":       t("MÁY ĐÃ DỪNG NHẬN PHIẾU", "THE STATION HAS STOPPED TAKING BALLOTS"),
		"entryOf":       t("Lần nhập", "Entry"),
		"failed":        t("máy không trả lời", "the station did not answer"),
		"flagNotIssued": t("không do Ban kiểm phiếu phát", "not issued by the board"),
		"flagWrittenIn": t("ghi thêm tên", "a name written in"),
		"flagSigned":    t("có ký tên, đánh dấu", "signed or marked"),
	}
}

// writeFailure tells the operator exactly what a failed write left: the
// ballot recorded or not, and that the station takes nothing more until it
// is restarted.
func (s *station) writeFailure(we *journal.WriteError, seq int, what string) (vi, en string) {
	switch we.Outcome {
	case journal.Recorded:
		vi = fmt.Sprintf("%s #%d ĐÃ ĐƯỢC GHI vào nhật ký — không nhập lại", what, seq)
		en = fmt.Sprintf("%s #%d WAS RECORDED in the journal — do not enter it again", what, seq)
	case journal.NotRecorded:
		vi = fmt.Sprintf("%s #%d CHƯA ĐƯỢC GHI — nhập lại sau khi khởi động lại máy", what, seq)
		en = fmt.Sprintf("%s #%d WAS NOT RECORDED — enter it again after restarting the station", what, seq)
	default:
		vi = fmt.Sprintf("không rõ %s #%d đã được ghi hay chưa — khởi động lại máy và xem danh sách phiếu đã ghi", what, seq)
		en = fmt.Sprintf("it is not known whether %s #%d was recorded — restart the station and look at the list of ballots", what, seq)
	}
	vi = fmt.Sprintf("Lỗi ghi đĩa (%v). %s. Nhật ký có %d bản ghi. Máy dừng nhận phiếu: giải phóng chỗ trên đĩa hoặc sửa lỗi, rồi khởi động lại máy.", we.Err, vi, we.Head.Records)
	en = fmt.Sprintf("Disk write failed (%v). %s. The journal holds %d records. The station takes nothing more: free space or fix the fault, then restart it.", we.Err, en, we.Head.Records)
	return vi, en
}

// refusal explains a change the journal refused, in the operator's
// language, from the state: the journal's own errors are for programs.
func (s *station) refusal(rep *journal.Replay, e journal.Event) (vi, en string) {
	ents := rep.Counter.Entries()
	switch {
	case rep.Closed:
		return "vòng bầu đã đóng; không thay đổi được nữa", "the round is closed; nothing can change"
	case e.Type == journal.TypeEnter && len(e.Marks) != len(rep.Round.Candidates):
		return fmt.Sprintf("phiếu có %d dòng, tờ phiếu có %d", len(e.Marks), len(rep.Round.Candidates)),
			fmt.Sprintf("the ballot has %d rows, the paper %d", len(e.Marks), len(rep.Round.Candidates))
	case e.Type == journal.TypeEnter && e.Replaces != 0:
		return fmt.Sprintf("phiếu #%d không phải phiếu đã hoàn tác", e.Replaces), fmt.Sprintf("ballot #%d is not an undone ballot", e.Replaces)
	case e.Type == journal.TypeVoid && (e.Seq < 1 || e.Seq > len(ents)):
		return fmt.Sprintf("không có phiếu #%d", e.Seq), fmt.Sprintf("there is no ballot #%d", e.Seq)
	case e.Type == journal.TypeVoid:
		return fmt.Sprintf("phiếu #%d đã được hoàn tác", e.Seq), fmt.Sprintf("ballot #%d is already undone", e.Seq)
	case e.Type == journal.TypeRestore:
		return fmt.Sprintf("phiếu #%d không phải phiếu đã hoàn tác", e.Seq), fmt.Sprintf("ballot #%d is not an undone ballot", e.Seq)
	case e.Type == journal.TypeOperator:
		return "tên người nhập không được để trống", "the operator's name cannot be empty"
	}
	return "thao tác không hợp lệ", "the change is not possible"
}
