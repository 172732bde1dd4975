package digest

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is how many goroutines forEachWorker spreads n calls over.
func workers(n int) int {
	return max(min(runtime.GOMAXPROCS(0), n), 1)
}

// forEach calls fn(i) for every i in [0, n), spread over the processors,
// and returns when all calls have. fn must only write to state of its own
// i, so the result is the same whatever the order of the calls.
func forEach(n int, fn func(i int)) {
	forEachWorker(n, func(_, i int) { fn(i) })
}

// forEachWorker is forEach telling fn which of the workers(n) goroutines
// calls it, from 0, so that fn may use scratch space of that worker's.
func forEachWorker(n int, fn func(worker, i int)) {
	ws := workers(n)
	if ws <= 1 {
		for i := range n {
			fn(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range ws {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		})
	}
	wg.Wait()
}
