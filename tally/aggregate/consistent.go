package aggregate

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/tally"
)

// checkedResult passes on a counted congress read back only when it could
// have been produced by tally.Count: ParseResult checks each field, and
// consistent how they hang together. A result failing it is rejected, not
// summed: a congress whose standings are listed twice would count its
// members twice.
func checkedResult(r tally.Result, err error) (tally.Result, error) {
	if err != nil {
		return r, err
	}
	if err := consistent(r); err != nil {
		return tally.Result{}, err
	}
	return r, nil
}

// consistent checks what every result of tally.Count satisfies, whatever
// its figures (figures that do not add up are the verdict's findings, not
// errors): people, contests and each round's standings list each id once;
// every standing, elected member and tied candidate is a person of the
// result and stands in the round; a standing is elected exactly when the
// round elects it; its rank is 1 plus the number with more votes; no round
// elects more than its seats.
func consistent(r tally.Result) error {
	var errs ballot.ErrorList
	people := make(map[ballot.CandidateID]bool, len(r.People))
	for i, p := range r.People {
		if people[p.ID] {
			errs.Addf(ballot.Path("people").Index(i).Child("id"), ballot.ErrDuplicate, string(p.ID),
				"%q được ghi hai lần", "%q is listed twice", p.ID)
		}
		people[p.ID] = true
	}
	known := func(at ballot.Path, id ballot.CandidateID) {
		if len(r.People) > 0 && !people[id] {
			errs.Addf(at, ballot.ErrUnknown, string(id), "%q không có trong danh sách người", "%q is not among the people", id)
		}
	}
	contests := make(map[ballot.ContestID]bool, len(r.Contests))
	for i, ct := range r.Contests {
		at := ballot.Path("contests").Index(i)
		if contests[ct.ID] {
			errs.Addf(at.Child("id"), ballot.ErrDuplicate, string(ct.ID), "%q được ghi hai lần", "%q is listed twice", ct.ID)
		}
		contests[ct.ID] = true
		// Not checked against the contest's seats: tally.Count elects by
		// each round's paper, whose seats the congress document may set
		// above the contest's (a finding of the verdict, not an error).
		electedSet(at.Child("elected"), ct.Elected, -1, &errs)
		everElected := map[ballot.CandidateID]bool{}
		for k, rr := range ct.Rounds {
			rat := at.Child("rounds").Index(k)
			standing := make(map[ballot.CandidateID]bool, len(rr.Standings))
			for j, s := range rr.Standings {
				sat := rat.Child("standings").Index(j)
				if standing[s.ID] {
					errs.Addf(sat.Child("id"), ballot.ErrDuplicate, string(s.ID), "%q được ghi hai lần", "%q is listed twice", s.ID)
				}
				standing[s.ID] = true
				known(sat.Child("id"), s.ID)
				more := 0
				for _, o := range rr.Standings {
					if o.Votes > s.Votes {
						more++
					}
				}
				if s.Rank != more+1 {
					errs.Addf(sat.Child("rank"), ballot.ErrConflict, fmt.Sprint(s.Rank),
						"hạng phải là %d (%d người nhiều phiếu hơn)", "the rank must be %d (%d have more votes)", more+1, more)
				}
			}
			roundElected := electedSet(rat.Child("elected"), rr.Elected, rr.Seats, &errs)
			for id := range roundElected {
				everElected[id] = true
			}
			for j, id := range rr.Elected {
				if !standing[id] {
					errs.Addf(rat.Child("elected").Index(j), ballot.ErrUnknown, string(id), "%q không có trong kết quả của lần bầu", "%q does not stand in the round", id)
				}
			}
			for j, s := range rr.Standings {
				if (s.Status == tally.Elected) != roundElected[s.ID] {
					errs.Addf(rat.Child("standings").Index(j).Child("status"), ballot.ErrConflict, s.Status.String(),
						"kết quả không khớp danh sách trúng cử của lần bầu", "the status does not match the round's elected")
				}
			}
			if rr.Tie != nil {
				for j, id := range rr.Tie.Candidates {
					if !standing[id] {
						errs.Addf(rat.Child("tie").Child("candidates").Index(j), ballot.ErrUnknown, string(id),
							"%q không có trong kết quả của lần bầu", "%q does not stand in the round", id)
					}
				}
			}
		}
		for j, id := range ct.Elected {
			known(at.Child("elected").Index(j), id)
			if len(ct.Rounds) > 0 && !everElected[id] && !contains(ct.FromOfficial, id) {
				errs.Addf(at.Child("elected").Index(j), ballot.ErrConflict, string(id),
					"%q không trúng cử ở lần bầu nào", "%q was elected in no round", id)
			}
		}
	}
	return errs.Err()
}

// electedSet checks a list of elected: each once, no more than the seats
// (unless seats is negative).
func electedSet(at ballot.Path, ids []ballot.CandidateID, seats int, errs *ballot.ErrorList) map[ballot.CandidateID]bool {
	set := make(map[ballot.CandidateID]bool, len(ids))
	for j, id := range ids {
		if set[id] {
			errs.Addf(at.Index(j), ballot.ErrDuplicate, string(id), "%q được ghi hai lần", "%q is listed twice", id)
		}
		set[id] = true
	}
	if seats >= 0 && len(ids) > seats {
		errs.Addf(at, ballot.ErrConflict, fmt.Sprint(len(ids)), "%d người trúng cử cho %d chỗ", "%d elected for %d seats", len(ids), seats)
	}
	return set
}

func contains(ids []ballot.CandidateID, id ballot.CandidateID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
