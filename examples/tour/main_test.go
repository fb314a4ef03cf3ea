package main

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestREADME checks that the README shows this program verbatim, so that the
// tour newcomers copy always compiles.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	// The README starts the tour at the imports, without the file comment.
	body := src[bytes.Index(src, []byte("import (")):]
	if !bytes.Contains(readme, body) {
		t.Errorf("README.md does not contain examples/tour/main.go from its imports on; copy it again")
	}
}

// TestREADMESnippets checks that every other Go snippet of the README is an
// excerpt of a tested example, line by line.
func TestREADMESnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]string{"ExampleRegime_Check_dangBo": "../../rules/example_test.go"}
	blocks := strings.Split(string(readme), "```go\n")[1:]
	checked := 0
	for _, b := range blocks {
		b = b[:strings.Index(b, "```")]
		if strings.HasPrefix(b, "import (") {
			continue // the tour itself, checked above
		}
		for example, file := range sources {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(readme), example) {
				continue
			}
			for _, line := range strings.Split(strings.TrimSpace(b), "\n") {
				if !strings.Contains(string(src), strings.TrimSpace(line)) {
					t.Errorf("README line %q is not in %s", line, file)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no README snippet was checked")
	}
}

// TestOutput runs the tour and checks the output its comments promise.
func TestOutput(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	main()
	os.Stdout = stdout
	w.Close()
	out, _ := io.ReadAll(r)
	src, _ := os.ReadFile("main.go")
	for _, line := range strings.Split(string(src), "\n") {
		if _, want, ok := strings.Cut(line, "fmt.Println("); ok {
			if _, comment, ok := strings.Cut(want, "// "); ok && !strings.Contains(string(out), comment) {
				t.Errorf("output lacks %q:\n%s", comment, out)
			}
		}
	}
}
