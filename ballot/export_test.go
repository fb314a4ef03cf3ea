package ballot

// ParseCountedOnePass is the one-pass reading of ParseCongressCounted alone,
// without the fall back to ParseCongress, for the tests that check it
// accepts what it should.
func ParseCountedOnePass(data []byte) (Congress, bool) { return parseCounted(data) }
