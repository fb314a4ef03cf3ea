package bulkgen_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/bulkgen"
)

// The same seed gives the same box.
func ExampleNew() {
	p := bulkgen.Paper(6, 5)
	a, b := bulkgen.New(p, 42), bulkgen.New(p, 42)
	same := true
	var x, y ballot.Ballot
	for range 1000 {
		a.Next(&x)
		b.Next(&y)
		same = same && fmt.Sprint(x) == fmt.Sprint(y)
	}
	fmt.Println(p.Seats, len(p.Candidates), same)
	// Output:
	// 5 6 true
}
