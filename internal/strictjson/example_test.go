package strictjson_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/internal/strictjson"
)

// Every problem of a document comes back at once, each with its path.
func ExampleDecode() {
	var v struct {
		Seats      int      `json:"seats"`
		Candidates []string `json:"candidates"`
	}
	problems := strictjson.Decode([]byte(`{"seats": 2.5, "candidates": ["a", 7], "seat": 3, "seats": 2}`), &v)
	for _, p := range problems {
		fmt.Printf("%s: %s\n", p.Path, p.EN)
	}
	// Output:
	// seats: must be a whole number, written without a fraction or exponent
	// candidates[1]: expected a string, found a number
	// seat: unknown field "seat" (known: candidates, seats)
	// seats: field "seats" is given twice
}
