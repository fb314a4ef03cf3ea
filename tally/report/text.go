package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kiemphieu/kiemphieu/tally"
)

// Width is the number of columns of the text reports: an 80-column printer.
const Width = 80

// MinutesText writes the counting minutes (biên bản kiểm phiếu) of round k of
// contest i of a counted congress as plain text of at most Width columns
// (names longer than their column are wrapped, never cut).
func MinutesText(w io.Writer, r tally.Result, i, k int, opt Options) error {
	if err := checkIndex(r, i, k); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeMinutesPaged(bw, minutesOf(r, i, k, opt))
	return bw.Flush()
}

// CongressText writes the list verdict, when the result has one, and the
// minutes of every round of every contest of a counted congress, one after
// the other, separated by a form feed so that a printer starts each on a new
// page.
func CongressText(w io.Writer, r tally.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	first := true
	if r.Lists != nil {
		v := verdictOf(*r.Lists, names(r), opt)
		paged(bw, v.Head, nil, "", func(w *bufio.Writer) { writeVerdictText(w, v) })
		first = false
	}
	for i, ct := range r.Contests {
		for k := range ct.Rounds {
			if !first {
				bw.WriteString("\f")
			}
			first = false
			writeMinutesPaged(bw, minutesOf(r, i, k, opt))
		}
	}
	return bw.Flush()
}

func checkIndex(r tally.Result, i, k int) error {
	if i < 0 || i >= len(r.Contests) {
		return fmt.Errorf("report: no contest %d (the congress has %d)", i, len(r.Contests))
	}
	if k < 0 || k >= len(r.Contests[i].Rounds) {
		return fmt.Errorf("report: contest %s has no round %d (it has %d)", r.Contests[i].ID, k+1, len(r.Contests[i].Rounds))
	}
	return nil
}

func runes(s string) int { return utf8.RuneCountInString(s) }

func center(s string) string {
	if n := runes(s); n < Width {
		return strings.Repeat(" ", (Width-n)/2) + s
	}
	return s
}

// padRight pads s with spaces to n columns.
func padRight(s string, n int) string {
	if k := runes(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func padLeft(s string, n int) string {
	if k := runes(s); k < n {
		return strings.Repeat(" ", n-k) + s
	}
	return s
}

// wrap breaks s into lines of at most n columns at spaces; a word longer
// than n stands on a line of its own.
func wrap(s string, n int) []string {
	var out []string
	cur := ""
	for _, word := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = word
		case runes(cur)+1+runes(word) <= n:
			cur += " " + word
		default:
			out = append(out, cur)
			cur = word
		}
	}
	if cur != "" || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// para writes s wrapped to the width, with a hanging indent.
func para(w *bufio.Writer, indent, s string) {
	for j, ln := range wrap(s, Width-runes(indent)) {
		if j == 0 {
			fmt.Fprintf(w, "%s%s\n", indent, ln)
		} else {
			fmt.Fprintf(w, "%s%s\n", strings.Repeat(" ", runes(indent)), ln)
		}
	}
}

// keyValue writes "label ....... value" lines, dotted to a fixed column.
func keyValue(w *bufio.Writer, indent string, ls []line) {
	for _, l := range ls {
		label := indent + l.Label + " "
		if runes(label)+runes(l.Value)+1 > Width {
			para(w, indent, l.Label+": "+l.Value)
			continue
		}
		dots := max(1, 56-runes(label))
		if runes(label)+dots+runes(l.Value)+1 > Width {
			dots = 1
		}
		fmt.Fprintf(w, "%s%s %s\n", label, strings.Repeat(".", dots), l.Value)
	}
}

const (
	colNo     = 4
	colName   = 30
	colVotes  = 9
	colShare  = 10
	colStatus = Width - colNo - colName - colVotes - colShare - 5 // three separating spaces and two before the status
)

// tableHead returns the two lines of the minutes' table header.
func (m minutes) tableHead() []string {
	return []string{fmt.Sprintf("%s %s %s %s  %s", padLeft(m.Heads[0], colNo), padRight(m.Heads[1], colName),
		padLeft(m.Heads[2], colVotes), padLeft(m.Heads[3], colShare), m.Heads[4]), strings.Repeat("-", Width)}
}

// writeMinutesPaged writes the minutes cut into pages: the table's header
// repeated on every page it runs on to, the last figures, the closing words
// and the signatures kept together.
func writeMinutesPaged(w *bufio.Writer, m minutes) {
	tail := m.ElTitle
	if len(m.Checks) == 0 {
		tail = m.ChecksHead
	}
	paged(w, m.Head, m.tableHead(), wrap(tail, Width)[0], func(w *bufio.Writer) { writeMinutesText(w, m) })
}

func writeMinutesText(w *bufio.Writer, m minutes) {
	writeHeadingText(w, m.Head)
	w.WriteString("\n")
	fmt.Fprintln(w, center(m.Title))
	for _, s := range wrap(m.Subtitle, Width) {
		fmt.Fprintln(w, center(s))
	}
	for _, s := range wrap(m.Congress, Width) {
		fmt.Fprintln(w, center(s))
	}
	if m.Term != "" {
		fmt.Fprintln(w, center(m.Term))
	}
	w.WriteString("\n")

	para(w, "", m.Seats)
	para(w, "", m.ListTitle)
	for j, n := range m.List {
		para(w, fmt.Sprintf("%4d. ", j+1), n)
	}
	w.WriteString("\n")

	fmt.Fprintln(w, m.BaseTitle)
	keyValue(w, "  ", m.BaseLines)
	para(w, "  ", m.BaseResult.Label+": "+m.BaseResult.Value)
	w.WriteString("\n")

	keyValue(w, "", m.Counts)
	keyValue(w, "  - ", m.Invalid)
	if len(m.Boxes) > 1 {
		fmt.Fprintf(w, "  %s %s %s %s\n", padRight(m.BoxHeads[0], 32), padLeft(m.BoxHeads[1], 13), padLeft(m.BoxHeads[2], 13), padLeft(m.BoxHeads[3], 14))
		for _, b := range m.Boxes {
			fmt.Fprintf(w, "  %s %13d %13d %14d\n", padRight(b.Name, 32), b.Collected, b.Valid, b.Invalid)
		}
	}
	if m.Review != "" {
		para(w, "", m.Review)
	}
	w.WriteString("\n")

	para(w, "", m.Basis)
	if m.Cite != "" {
		para(w, "", m.Cite)
	}
	for _, ln := range m.tableHead() {
		fmt.Fprintln(w, ln)
	}
	for _, r := range m.Rows {
		names, statuses := wrap(r.Name, colName), wrap(r.Status, colStatus)
		fmt.Fprintf(w, "%s %s %s %s  %s\n", padLeft(fmt.Sprint(r.No), colNo), padRight(names[0], colName),
			padLeft(fmt.Sprint(r.Votes), colVotes), padLeft(r.Share, colShare), statuses[0])
		for j := 1; j < max(len(names), len(statuses)); j++ {
			n, st := "", ""
			if j < len(names) {
				n = names[j]
			}
			if j < len(statuses) {
				st = statuses[j]
			}
			line := fmt.Sprintf("%s %s %s  %s", strings.Repeat(" ", colNo), padRight(n, colName), strings.Repeat(" ", colVotes+colShare+1), st)
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}
	fmt.Fprintln(w, strings.Repeat("-", Width))
	w.WriteString("\n")

	para(w, "", m.ElTitle)
	for _, r := range m.Elected {
		fmt.Fprintf(w, "%s %s %s %s\n", padLeft(fmt.Sprint(r.No)+".", colNo), padRight(r.Name, colName),
			padLeft(fmt.Sprint(r.Votes), colVotes), padLeft(r.Share, colShare))
	}
	if m.Tie != "" {
		w.WriteString("\n")
		para(w, "", m.Tie)
	}
	if m.Next != "" {
		para(w, "", m.Next)
	}
	w.WriteString("\n")

	fmt.Fprintln(w, m.ChecksHead+":")
	if len(m.Checks) == 0 {
		para(w, "  ", m.ChecksOK)
	}
	for _, c := range m.Checks {
		para(w, "  - ", c)
	}
	w.WriteString("\n")
	para(w, "", m.Closing)
	if m.Seal != "" {
		para(w, "", m.Seal)
	}
	w.WriteString("\n")

	// Signature lines, two to a row.
	for j := 0; j < len(m.Signers); j += 2 {
		pair := m.Signers[j:min(j+2, len(m.Signers))]
		var roles, blanks, names string
		for _, s := range pair {
			roles += padRight(center40(s.Role), 40)
			blanks += padRight(center40(m.SignHint), 40)
			names += padRight(center40(s.Name), 40)
		}
		fmt.Fprintln(w, strings.TrimRight(roles, " "))
		fmt.Fprintln(w, strings.TrimRight(blanks, " "))
		w.WriteString("\n\n")
		fmt.Fprintln(w, strings.TrimRight(names, " "))
		w.WriteString("\n")
	}
}

// center40 centres s in half the width.
func center40(s string) string {
	if n := runes(s); n < Width/2 {
		return strings.Repeat(" ", (Width/2-n)/2) + s
	}
	return s
}
