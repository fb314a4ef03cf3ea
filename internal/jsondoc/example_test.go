package jsondoc_test

import (
	"fmt"

	"github.com/kiemphieu/kiemphieu/ballot"
	"github.com/kiemphieu/kiemphieu/internal/jsondoc"
)

// A document's problems come back as a ballot.ErrorList, with the same
// codes and paths as ballot.ParseCongress gives.
func ExampleDecode() {
	var doc struct {
		Format string `json:"format"`
		Count  uint16 `json:"count"`
	}
	errs, syntax := jsondoc.Decode([]byte(`{"format":"x/1","count":-3}`), &doc)
	jsondoc.CheckFormat(&errs, doc.Format, "kiemphieu.example/1")
	fmt.Println(syntax)
	for _, e := range errs {
		fmt.Println(e.Code, e.Path)
	}
	fmt.Println(errs.Err() != nil, ballot.ErrorList(nil).Err() == nil)
	// Output:
	// false
	// out-of-range count
	// invalid format
	// true true
}
