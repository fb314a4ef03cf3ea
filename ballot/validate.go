package ballot

import (
	"fmt"
	"regexp"
	"slices"
)

var writtenPercent = regexp.MustCompile(`^[0-9]{1,3}([.,][0-9]{1,6})? ?%?$`)

// IsWrittenPercent reports whether s is a percentage as minutes write it: up
// to three digits, optionally a decimal point or comma and up to six
// decimals, optionally followed by "%" (with or without a space).
func IsWrittenPercent(s string) bool { return writtenPercent.MatchString(s) }

// Validate returns an ErrorList holding every reason c is malformed, each
// with its path in the JSON format, or nil. Being well formed says nothing
// about the rules of the regulation: a list without surplus or a ballot box
// full of invalid ballots is well formed, and is judged by packages rules
// and tally.
func (c Congress) Validate() error {
	var errs ErrorList
	c.validate(&errs)
	return errs.Err()
}

func (c Congress) validate(errs *ErrorList) {
	if t := checkName(c.Name); t != (Text{}) {
		errs.Add("name", ErrRequired, c.Name, t)
	}
	if !c.Level.Valid() {
		errs.Addf("level", ErrRequired, "", "thiếu cấp tổ chức đảng", "the level is missing")
	}
	if len(c.Term) > MaxNameLen {
		errs.Addf("term", ErrOutOfRange, "", "nhiệm kỳ dài quá %d byte", "the term is longer than %d bytes", MaxNameLen)
	}
	if c.TermMonths < 0 || c.TermMonths > 120 {
		errs.Addf("term_months", ErrOutOfRange, fmt.Sprint(c.TermMonths),
			"nhiệm kỳ %d tháng phải từ 1 đến 120 (0: 60 tháng)", "a term of %d months must be 1 to 120 (0: 60 months)", c.TermMonths)
	}
	checkDate("opening", c.Opening, errs)
	c.Roster.validate("roster", errs)
	checkBoard("counting_board", c.CountingBoard, errs)

	known := make(map[CandidateID]int, len(c.Candidates))
	for i, cand := range c.Candidates {
		at := Path("candidates").Index(i)
		if t := checkID(string(cand.ID)); t != (Text{}) {
			errs.Add(at.Child("id"), ErrInvalid, string(cand.ID), t)
		} else if j, dup := known[cand.ID]; dup {
			errs.Addf(at.Child("id"), ErrDuplicate, string(cand.ID),
				"mã %q trùng với candidates[%d]", "duplicate id %q (also candidates[%d])", cand.ID, j)
		} else {
			known[cand.ID] = i
		}
		cand.validate(at, c.ReferenceMonth, errs)
	}

	contests := make(map[ContestID]int, len(c.Contests))
	for i, ct := range c.Contests {
		at := Path("contests").Index(i)
		if t := checkID(string(ct.ID)); t != (Text{}) {
			errs.Add(at.Child("id"), ErrInvalid, string(ct.ID), t)
		} else if j, dup := contests[ct.ID]; dup {
			errs.Addf(at.Child("id"), ErrDuplicate, string(ct.ID),
				"mã %q trùng với contests[%d]", "duplicate id %q (also contests[%d])", ct.ID, j)
		} else {
			contests[ct.ID] = i
		}
		ct.validate(at, known, errs)
	}
	c.validateDesignated(known, errs)
}

// validateDesignated checks the seats held with no vote: a valid office, a
// known person, each person at most once per office, a capped list.
func (c Congress) validateDesignated(known map[CandidateID]int, errs *ErrorList) {
	if len(c.Designated) > MaxCandidates {
		errs.Addf("designated", ErrOutOfRange, fmt.Sprint(len(c.Designated)),
			"%d người được chỉ định, tối đa %d", "%d designations, at most %d", len(c.Designated), MaxCandidates)
		return
	}
	seen := make(map[Designation]int, len(c.Designated))
	for i, d := range c.Designated {
		at := Path("designated").Index(i)
		if !d.Office.Valid() {
			errs.Addf(at.Child("office"), ErrRequired, "", "thiếu chức danh", "the office is missing")
		}
		if _, ok := known[d.ID]; !ok {
			errs.Addf(at.Child("id"), ErrUnknown, string(d.ID), "%q không có trong candidates", "%q is not among the candidates", d.ID)
		}
		if len(d.By) > MaxNameLen {
			errs.Addf(at.Child("by"), ErrOutOfRange, "", "dài quá %d byte", "longer than %d bytes", MaxNameLen)
		}
		checkDate(at.Child("on"), d.On, errs)
		key := Designation{Office: d.Office, ID: d.ID}
		if j, dup := seen[key]; dup {
			errs.Addf(at, ErrDuplicate, string(d.ID), "trùng với designated[%d]", "duplicate of designated[%d]", j)
		} else {
			seen[key] = i
		}
	}
}

// checkDate rejects a Date built in Go that is no day: a day outside its
// month (ParseDate never gives one).
func checkDate(at Path, d Date, errs *ErrorList) {
	if d.IsZero() {
		if d.Day != 0 {
			errs.Addf(at, ErrInvalid, fmt.Sprint(d.Day), "ngày không có tháng", "a day without a month")
		}
		return
	}
	if _, err := NewDate(d.Month.Year(), d.Month.Month(), d.Day); err != nil {
		t := Text{VI: err.Error(), EN: err.Error()}
		if te, ok := err.(textError); ok {
			t = Text(te)
		}
		errs.Add(at, ErrInvalid, d.String(), t)
	}
}

func checkCount(at Path, n int, errs *ErrorList) {
	if n < 0 || n > MaxCount {
		errs.Addf(at, ErrOutOfRange, fmt.Sprint(n),
			"số %d phải từ 0 đến %d", "%d must be from 0 to %d", n, MaxCount)
	}
}

func (r Roster) validate(at Path, errs *ErrorList) {
	switch {
	case r.Members == nil && r.Delegates == nil:
		errs.Addf(at, ErrRequired, "",
			"cần khai báo thành phần triệu tập: members (đại hội đảng viên) hoặc delegates (đại hội đại biểu)",
			"give who was convened: members (a members' congress) or delegates (a delegates' congress)")
	case r.Members != nil && r.Delegates != nil:
		errs.Addf(at, ErrConflict, "",
			"chỉ khai báo một trong hai: members hoặc delegates",
			"give only one of members and delegates")
	case r.Members != nil:
		m, at, before := r.Members, at.Child("members"), len(*errs)
		checkCount(at.Child("official"), m.Official, errs)
		checkCount(at.Child("present"), m.Present, errs)
		checkCount(at.Child("temporarily_attached"), m.TemporarilyAttached, errs)
		checkCount(at.Child("exempt_absent"), m.ExemptAbsent, errs)
		checkCount(at.Child("suspended"), m.Suspended, errs)
		checkCount(at.Child("absent_with_reason"), m.AbsentWithReason, errs)
		if len(*errs) > before {
			return // sums of out-of-range counts say nothing more
		}
		checkRosterSums(at, m.Official, m.Present,
			m.TemporarilyAttached+m.ExemptAbsent+m.Suspended+m.AbsentWithReason,
			m.ExemptAbsent+m.AbsentWithReason, errs)
	default:
		d, at, before := r.Delegates, at.Child("delegates"), len(*errs)
		checkCount(at.Child("official"), d.Official, errs)
		checkCount(at.Child("present"), d.Present, errs)
		checkCount(at.Child("committee_absent"), d.CommitteeAbsent, errs)
		checkCount(at.Child("absent_unreplaced"), d.AbsentUnreplaced, errs)
		checkCount(at.Child("ex_officio"), d.ExOfficio, errs)
		checkCount(at.Child("designated"), d.Designated, errs)
		if len(*errs) > before {
			return // sums of out-of-range counts say nothing more
		}
		if d.ExOfficio+d.Designated > d.Official {
			errs.Addf(at, ErrConflict, fmt.Sprint(d.ExOfficio+d.Designated),
				"%d đại biểu đương nhiên và chỉ định nhiều hơn %d đại biểu chính thức", "%d ex officio and designated delegates are more than the %d official",
				d.ExOfficio+d.Designated, d.Official)
		}
		checkRosterSums(at, d.Official, d.Present, d.CommitteeAbsent+d.AbsentUnreplaced,
			d.CommitteeAbsent+d.AbsentUnreplaced, errs)
	}
}

// checkRosterSums rejects a roster whose figures cannot describe real people:
// more present than convened, more excluded than convened, more excluded for
// absence than absent.
func checkRosterSums(at Path, official, present, excluded, excludedAbsent int, errs *ErrorList) {
	if official < 1 {
		errs.Addf(at.Child("official"), ErrOutOfRange, fmt.Sprint(official),
			"phải triệu tập ít nhất 1 người", "at least one person must be convened")
	}
	if present > official {
		errs.Addf(at.Child("present"), ErrConflict, fmt.Sprint(present),
			"có mặt %d nhiều hơn số triệu tập %d", "%d present is more than the %d convened", present, official)
	}
	// With more present than convened, the absent are not a number: that
	// problem is reported alone.
	if excluded > official {
		errs.Addf(at, ErrConflict, fmt.Sprint(excluded),
			"số không tính %d nhiều hơn số triệu tập %d", "%d excluded is more than the %d convened", excluded, official)
	} else if present <= official && excludedAbsent > official-present {
		errs.Addf(at, ErrConflict, fmt.Sprint(excludedAbsent),
			"%d người vắng mặt được trừ nhưng chỉ có %d người vắng", "%d are excluded for absence but only %d are absent",
			excludedAbsent, official-present)
	}
}

func (cand Candidate) validate(at Path, ref Month, errs *ErrorList) {
	if t := checkName(cand.Name); t != (Text{}) {
		errs.Add(at.Child("name"), ErrRequired, cand.Name, t)
	}
	if cand.Sex != 0 && !sexes.Valid(cand.Sex) {
		errs.Addf(at.Child("sex"), ErrInvalid, cand.Sex.String(), "giới tính không hợp lệ", "invalid sex")
	}
	if !origins.Valid(cand.Origin) {
		errs.Addf(at.Child("origin"), ErrInvalid, cand.Origin.String(), "nguồn giới thiệu không hợp lệ", "invalid origin")
	}
	if cand.Outgoing != OfficesOf(cand.Outgoing.List()...) {
		errs.Addf(at.Child("outgoing"), ErrInvalid, fmt.Sprint(uint16(cand.Outgoing)), "chức danh không hợp lệ", "invalid offices")
	}
	if cand.Holds != OfficesOf(cand.Holds.List()...) {
		errs.Addf(at.Child("holds"), ErrInvalid, fmt.Sprint(uint16(cand.Holds)), "chức danh không hợp lệ", "invalid offices")
	}
	if !cand.Born.IsZero() && !ref.IsZero() && !cand.Born.Before(ref) {
		errs.Addf(at.Child("born"), ErrConflict, cand.Born.String(),
			"tháng sinh %s không trước thời điểm tính tuổi %s", "birth month %s is not before the reference month %s",
			cand.Born, ref)
	}
	if !cand.Retires.IsZero() && !cand.Born.IsZero() && !cand.Born.Before(cand.Retires) {
		errs.Addf(at.Child("retires"), ErrConflict, cand.Retires.String(),
			"tháng nghỉ hưu %s không sau tháng sinh %s", "retirement month %s is not after birth month %s",
			cand.Retires, cand.Born)
	}
}

// checkRefs reports every id in ids that is not a known candidate or is
// repeated.
func checkRefs(at Path, ids []CandidateID, known map[CandidateID]int, errs *ErrorList) {
	seen := make(map[CandidateID]bool, len(ids))
	for i, id := range ids {
		if _, ok := known[id]; !ok {
			errs.Addf(at.Index(i), ErrUnknown, string(id),
				"không có người mang mã %q trong candidates", "no candidate has id %q", id)
		} else if seen[id] {
			errs.Addf(at.Index(i), ErrDuplicate, string(id), "%q được ghi hai lần", "%q is listed twice", id)
		}
		seen[id] = true
	}
}

// checkBoard reports a counting board member without a usable name.
func checkBoard(at Path, names []string, errs *ErrorList) {
	for i, n := range names {
		if t := checkName(n); t != (Text{}) {
			errs.Add(at.Index(i), ErrInvalid, n, t)
		}
	}
}

func (ct Contest) validate(at Path, known map[CandidateID]int, errs *ErrorList) {
	checkBoard(at.Child("counting_board"), ct.CountingBoard, errs)
	if !ct.Office.Valid() {
		errs.Addf(at.Child("office"), ErrRequired, "", "thiếu chức danh bầu", "the office is missing")
	}
	ct.Paper.check(at, errs)
	checkRefs(at.Child("candidates"), ct.Candidates, known, errs)
	if m := ct.Meeting; m != nil {
		at := at.Child("meeting")
		switch m.Body {
		case OfficeCommittee, OfficeStanding, OfficeInspection:
		default:
			errs.Addf(at.Child("body"), ErrInvalid, m.Body.String(),
				"hội nghị phải là của committee, standing-committee hoặc inspection-committee",
				"the meeting must be of the committee, standing-committee or inspection-committee")
		}
		checkCount(at.Child("sitting"), m.Sitting, errs)
		checkCount(at.Child("present"), m.Present, errs)
		checkCount(at.Child("excluded"), m.Excluded, errs)
		if m.Sitting < 1 {
			errs.Addf(at.Child("sitting"), ErrOutOfRange, fmt.Sprint(m.Sitting),
				"cơ quan phải có ít nhất 1 thành viên", "the body must have at least one member")
		}
		if m.Present > m.Sitting {
			errs.Addf(at.Child("present"), ErrConflict, fmt.Sprint(m.Present),
				"có mặt %d nhiều hơn số thành viên %d", "%d present is more than the %d members", m.Present, m.Sitting)
		}
		if m.Excluded > m.Sitting {
			errs.Addf(at.Child("excluded"), ErrConflict, fmt.Sprint(m.Excluded),
				"số không tính %d nhiều hơn số thành viên %d", "%d excluded is more than the %d members", m.Excluded, m.Sitting)
		}
	}
	if n := ct.Nominations; n != nil {
		at := at.Child("nominations")
		checkCount(at.Child("attending"), n.Attending, errs)
		checkRefs(at.Child("introduced"), n.Introduced, known, errs)
		introduced := make(map[CandidateID]bool, len(n.Introduced))
		for _, id := range n.Introduced {
			introduced[id] = true
		}
		nominated := make(map[CandidateID]bool, len(n.Nominees))
		for i, nom := range n.Nominees {
			at := at.Child("nominees").Index(i)
			switch _, ok := known[nom.ID]; {
			case !ok:
				errs.Addf(at.Child("id"), ErrUnknown, string(nom.ID),
					"không có người mang mã %q trong candidates", "no candidate has id %q", nom.ID)
			case nominated[nom.ID] || introduced[nom.ID]:
				errs.Addf(at.Child("id"), ErrDuplicate, string(nom.ID),
					"%q đã được giới thiệu hoặc đề cử", "%q is already introduced or nominated", nom.ID)
			}
			nominated[nom.ID] = true
			checkCount(at.Child("agree"), nom.Agree, errs)
			if nom.Agree > n.Attending {
				errs.Addf(at.Child("agree"), ErrConflict, fmt.Sprint(nom.Agree),
					"%d người đồng ý nhiều hơn %d người dự", "%d agreeing is more than the %d attending", nom.Agree, n.Attending)
			}
		}
		checkRefs(at.Child("withdrawn"), n.Withdrawn, known, errs)
		for i, id := range n.Withdrawn {
			if !introduced[id] && !nominated[id] {
				errs.Addf(at.Child("withdrawn").Index(i), ErrConflict, string(id),
					"%q rút nhưng không được giới thiệu hay đề cử", "%q withdrew but was neither introduced nor nominated", id)
			}
		}
	}
	for i, r := range ct.Rounds {
		// The first round normally uses the contest's paper, whose problems
		// are reported once, on the contest.
		ownPaper := i > 0 || !samePaper(r.Paper, ct.Paper)
		r.validate(at.Child("rounds").Index(i), ownPaper, known, errs)
	}
}

func (r Round) validate(at Path, ownPaper bool, known map[CandidateID]int, errs *ErrorList) {
	if ownPaper {
		r.Paper.check(at, errs)
		checkRefs(at.Child("candidates"), r.Candidates, known, errs)
	}
	checkCount(at.Child("issued"), r.Issued, errs)
	switch {
	case len(r.Boxes) == 0 && r.Totals == nil:
		errs.Addf(at, ErrRequired, "", "cần phiếu bầu (boxes) hoặc kết quả tổng hợp (totals)",
			"give the ballots (boxes) or the totals")
	case len(r.Boxes) > 0 && r.Totals != nil:
		errs.Addf(at, ErrConflict, "", "chỉ khai báo một trong hai: boxes hoặc totals", "give only one of boxes and totals")
	}
	form := r.Form()
	for i, box := range r.Boxes {
		at := at.Child("boxes").Index(i)
		if t := checkName(box.Name); t != (Text{}) {
			errs.Add(at.Child("name"), ErrRequired, box.Name, t)
		}
		if form == FormNone {
			continue // the paper's own errors say why
		}
		for j, b := range box.Ballots {
			r.Paper.checkBallot(at.Child("ballots").Index(j), b, errs)
		}
	}
	if t := r.Totals; t != nil {
		at := at.Child("totals")
		checkCount(at.Child("collected"), t.Collected, errs)
		checkCount(at.Child("valid"), t.Valid, errs)
		checkCount(at.Child("invalid"), t.Invalid, errs)
		var seen [numReasons]bool
		for i, rc := range t.InvalidReasons {
			at := at.Child("invalid_reasons")
			switch {
			case !reasons.Valid(rc.Reason) || rc.Reason.Valid():
				errs.Addf(at.Index(i), ErrInvalid, rc.Reason.String(),
					"%q không phải lý do phiếu không hợp lệ", "%q is not a reason a ballot is invalid", rc.Reason)
				continue
			case seen[rc.Reason]:
				errs.Addf(at.Key(rc.Reason.String()), ErrDuplicate, rc.Reason.String(),
					"lý do %q được ghi hai lần", "reason %q is given twice", rc.Reason)
			}
			seen[rc.Reason] = true
			checkCount(at.Key(rc.Reason.String()), rc.Count, errs)
		}
		for i, id := range t.Declared {
			switch {
			case r.Index(id) < 0:
				errs.Addf(at.Child("declared").Index(i), ErrUnknown, string(id),
					"%q không có trong danh sách của vòng này", "%q is not on this round's list", id)
			case slices.Contains(t.Declared[:i], id):
				errs.Addf(at.Child("declared").Index(i), ErrDuplicate, string(id), "%q được ghi hai lần", "%q is listed twice", id)
			}
		}
		if t.Shares != nil && len(t.Shares) != len(r.Candidates) {
			errs.Addf(at.Child("shares"), ErrConflict, fmt.Sprint(len(t.Shares)),
				"có tỉ lệ của %d người nhưng danh sách có %d người", "shares are given for %d names but the list has %d",
				len(t.Shares), len(r.Candidates))
		} else {
			for i, sh := range t.Shares {
				if sh != "" && !IsWrittenPercent(sh) {
					errs.Addf(at.Child("shares").Key(string(r.Candidates[i])), ErrInvalid, sh,
						"%q không phải tỉ lệ phần trăm (ví dụ 52,34 %%)", "%q is not a percentage (like 52,34 %%)", sh)
				}
			}
		}
		if len(t.Votes) != len(r.Candidates) {
			errs.Addf(at.Child("votes"), ErrConflict, fmt.Sprint(len(t.Votes)),
				"có số phiếu của %d người nhưng danh sách có %d người", "votes are given for %d names but the list has %d",
				len(t.Votes), len(r.Candidates))
		} else {
			for i, v := range t.Votes {
				checkCount(at.Child("votes").Key(string(r.Candidates[i])), v, errs)
			}
		}
	}
}
