package syncbuf

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentWrites: writes from many goroutines all land, whole.
func TestConcurrentWrites(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			for range 50 {
				fmt.Fprintf(&b, "<line %02d>", i)
			}
		})
	}
	wg.Wait()
	if n := b.Count("<line "); n != 1000 {
		t.Fatalf("%d lines written whole, want 1000", n)
	}
	if n := b.Count("<line 07>"); n != 50 {
		t.Fatalf("goroutine 7 wrote %d lines, want 50", n)
	}
}
