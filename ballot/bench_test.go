package ballot_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/bulkgen"
)

// generated returns a generated congress document of n ballots of names
// names, held in memory only.
func generated(tb testing.TB, n, names int) []byte {
	var buf bytes.Buffer
	if err := bulkgen.WriteCongress(&buf, n, bulkgen.Paper(names, names-names/10), 1); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParseCongress reads generated congress documents with the
// counting decoder and, in the same run, with the decoder that keeps every
// ballot (the reference), and reports the ballots read per second.
//
//	go test ./ballot -run XXX -bench ParseCongress -benchtime 3x
func BenchmarkParseCongress(b *testing.B) {
	for _, size := range []struct{ n, names int }{{2_000, 60}, {200_000, 60}} {
		data := generated(b, size.n, size.names)
		for _, dec := range []struct {
			name  string
			parse func([]byte) (ballot.Congress, error)
		}{{"counted", ballot.ParseCongressCounted}, {"reference", ballot.ParseCongress}} {
			b.Run(fmt.Sprintf("%s/ballots=%d/names=%d", dec.name, size.n, size.names), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := dec.parse(data); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(size.n)*float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
			})
		}
	}
}
