package aggregate_test

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/kiemphieu/kiemphieu/tally/aggregate"
)

// repeater streams n JSON Lines, cycling through docs, without holding more
// than the docs; every 1,000 lines it samples the live heap.
type repeater struct {
	docs      [][]byte
	n, sent   int
	cur       []byte
	peakHeap  uint64
	bytesSent int64
}

func (r *repeater) Read(p []byte) (int, error) {
	if len(r.cur) == 0 {
		if r.sent == r.n {
			return 0, io.EOF
		}
		if r.sent%1000 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			r.peakHeap = max(r.peakHeap, m.HeapAlloc)
		}
		r.cur = r.docs[r.sent%len(r.docs)]
		r.sent++
	}
	k := copy(p, r.cur)
	r.cur = r.cur[k:]
	r.bytesSent += int64(k)
	return k, nil
}

// variants are counted chi bộ congresses as a superior committee receives
// them: lists checked, a chi ủy of 5 and a secretary.
func variants(b *testing.B) [][]byte {
	var docs [][]byte
	for v := range 8 {
		votes := []int{20, 19, 18 - v%3, 17, 16, 10 + v}
		r := chiBo(b, votes, people(), true)
		r.Congress = fmt.Sprintf("Đại hội Chi bộ số %d", v+1)
		data, err := json.Marshal(r)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, append(data, '\n'))
	}
	return docs
}

// BenchmarkAggregate streams the results of n chi bộ congresses through one
// aggregator: decoding each strictly and summing it. The peak live heap is
// the same for 10,000 and 100,000 congresses: memory is bounded by the
// summary, not by the input.
func BenchmarkAggregate(b *testing.B) {
	docs := variants(b)
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("congresses=%d", n), func(b *testing.B) {
			var peak uint64
			var size int64
			for b.Loop() {
				runtime.GC()
				r := &repeater{docs: docs, n: n}
				a := aggregate.New(aggregate.Options{Due: n})
				rejected, err := a.ReadStream(r, "bench")
				if err != nil || len(rejected) > 0 || a.Summary().Held != n {
					b.Fatalf("%v %v held %d", err, rejected, a.Summary().Held)
				}
				peak, size = max(peak, r.peakHeap), r.bytesSent
			}
			sec := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(n)/sec, "congresses/s")
			b.ReportMetric(float64(size)/sec/1e6, "MB/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(size)/float64(n), "bytes/congress")
		})
	}
}
