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
