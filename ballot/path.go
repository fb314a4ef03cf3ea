package ballot

import "github.com/kiemphieu/kiemphieu/internal/strictjson"

// A Path names a place in a document in the notation of the JSON format, for
// example contests[1].candidates[3]. Map entries appear as a dotted key
// (votes.c7) or, for keys that are not plain identifiers, as a quoted index.
// The zero Path is the document's root. Paths are comparable strings, built
// with Child, Index and Key.
type Path string

// Child returns the path of the field name inside p.
func (p Path) Child(name string) Path { return Path(strictjson.Child(string(p), name)) }

// Index returns the path of element i of the array at p.
func (p Path) Index(i int) Path { return Path(strictjson.Index(string(p), i)) }

// Key returns the path of the map entry k at p.
func (p Path) Key(k string) Path { return Path(strictjson.Key(string(p), k)) }

// String returns the path, or "(root)" for the zero Path.
func (p Path) String() string {
	if p == "" {
		return "(root)"
	}
	return string(p)
}

// Within reports whether p is q or a place inside q.
func (p Path) Within(q Path) bool {
	if q == "" || p == q {
		return true
	}
	if len(p) <= len(q) || p[:len(q)] != q {
		return false
	}
	c := p[len(q)]
	return c == '.' || c == '['
}
