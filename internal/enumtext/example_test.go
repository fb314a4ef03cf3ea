package enumtext_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/internal/enumtext"
)

type step uint8

var steps = enumtext.New[step]("step", "bước", "", "done", "run-off")

func ExampleTable() {
	fmt.Println(steps.String(2), steps.String(0))
	v, err := steps.Parse("done")
	fmt.Println(v, err)
	_, err = steps.Parse("runoff")
	fmt.Println(err)
	// Output:
	// run-off step(0)
	// 1 <nil>
	// unknown step "runoff" (one of: done, run-off)
}
