package bulkgen

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/kiemphieu/kiemphieu/ballot"
)

// BoxSize is the number of ballots in each box of a generated congress
// document, the last box holding the rest.
const BoxSize = 5000

var (
	surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	middles  = [2][]string{{"Văn", "Minh", "Đức", "Quang"}, {"Thị", "Thu", "Ngọc", "Thanh"}}
	givens   = [2][]string{{"Hùng", "Dũng", "Nam", "Tùng", "Long", "Sơn", "Phúc", "Quân"}, {"Mai", "Hoa", "Lan", "Hằng", "Ngọc", "Thu", "Hà", "Linh"}}
)

// WriteCongress writes a congress document (format ballot.Format) of a
// delegates' congress of n delegates, all present, whose one contest — the
// committee, seats among candidates names c1, c2, … (Paper) — has one round
// with n ballots, the ballots New(Paper(candidates, seats), seed) generates,
// in the same order, BoxSize to a box. Each candidate has a name, a sex and
// a birth month, so that the lists can be checked. The same arguments give
// the same bytes; the ballots are those of a ballot file generated with the
// same seed, so both formats count to the same totals.
func WriteCongress(w io.Writer, n int, p ballot.Paper, seed uint64) error {
	if p.Form() != ballot.FormCrossOut {
		return fmt.Errorf("bulkgen: the paper is not of the cross-out form")
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `{"format":%q,"name":"Đại hội đại biểu (phiếu sinh tự động: %d phiếu × %d tên)","level":"province","term":"2025–2030","reference_month":"2025-07",`+"\n",
		ballot.Format, n, len(p.Candidates))
	fmt.Fprintf(bw, `"roster":{"delegates":{"official":%d,"present":%d}},`+"\n", max(n, 1), max(n, 1))
	bw.WriteString(`"counting_board":["Phạm Văn Hải","Nguyễn Thị Thanh","Đoàn Minh Quân"],` + "\n" + `"candidates":[` + "\n")
	for i, id := range p.Candidates {
		sex := i % 3 % 2 // a third women
		name := surnames[i%len(surnames)] + " " + middles[sex][i/len(surnames)%len(middles[sex])] + " " + givens[sex][i/3%len(givens[sex])]
		fmt.Fprintf(bw, `{"id":%q,"name":%q,"sex":%q,"born":"%d-%02d"`, id, name, [2]string{"male", "female"}[sex], 1966+i*7%24, 1+i*5%12)
		if i%2 == 0 {
			bw.WriteString(`,"incumbent":true`)
		}
		if i < len(p.Candidates)-1 {
			bw.WriteString("},\n")
		} else {
			bw.WriteString("}\n")
		}
	}
	bw.WriteString(`],` + "\n" + `"contests":[{"id":"bch","office":"committee","seats":` + strconv.Itoa(p.Seats) + `,"candidates":[`)
	for i, id := range p.Candidates {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString(strconv.Quote(string(id)))
	}
	fmt.Fprintf(bw, "],\n"+`"rounds":[{"issued":%d,"boxes":[`, n)
	g := New(p, seed)
	var b ballot.Ballot
	var buf []byte
	for k := 0; k == 0 || k*BoxSize < n; k++ {
		if k > 0 {
			bw.WriteByte(',')
		}
		fmt.Fprintf(bw, "\n"+`{"name":"Hòm phiếu số %d","ballots":[`, k+1)
		for j := k * BoxSize; j < min(n, (k+1)*BoxSize); j++ {
			g.Next(&b)
			buf = appendBallot(buf[:0], p, b, j == k*BoxSize)
			bw.Write(buf)
		}
		bw.WriteString("\n]}")
	}
	bw.WriteString("\n]}]}]}\n")
	return bw.Flush()
}

// appendBallot appends ballot b as the congress document writes it, on a
// line of its own.
func appendBallot(buf []byte, p ballot.Paper, b ballot.Ballot, first bool) []byte {
	if !first {
		buf = append(buf, ',')
	}
	buf = append(buf, "\n{"...)
	sep := byte(0)
	list := func(name string, m ballot.Mark) {
		open := false
		for i, mk := range b.Marks {
			if mk != m {
				continue
			}
			if !open {
				if sep != 0 {
					buf = append(buf, sep)
				}
				buf = append(buf, '"')
				buf = append(buf, name...)
				buf = append(buf, `":[`...)
				open, sep = true, ','
			} else {
				buf = append(buf, ',')
			}
			buf = strconv.AppendQuote(buf, string(p.Candidates[i]))
		}
		if open {
			buf = append(buf, ']')
		}
	}
	list("struck", ballot.Struck)
	list("partly_struck", ballot.PartlyStruck)
	if b.Flags != 0 {
		if sep != 0 {
			buf = append(buf, sep)
		}
		buf = append(buf, `"flags":[`...)
		for i, f := range b.Flags.List() {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendQuote(buf, f)
		}
		buf = append(buf, ']')
	}
	return append(buf, '}')
}
