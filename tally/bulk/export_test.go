package bulk

// SetDrain makes c (and a Box's counts, through b) empty its vertical
// counters every n groups instead of every drainEvery, so that property
// tests reach the draining on small boxes.
func SetDrain(c *Counter, b *Box, n int) {
	if c != nil {
		c.drainAt = n
	}
	if b != nil {
		b.c.drainAt = n
	}
}
