package scalebench

import (
	"slices"
	"time"
)

// Latency summarises the timings of one operation.
type Latency struct {
	N        int           // operations timed
	P50, P99 time.Duration // nearest-rank percentiles
	Failed   int           // operations answered with an error a user would see (not found, ambiguous)
}

// summarise computes the percentiles of samples (which it sorts).
func summarise(samples []time.Duration, failed int) Latency {
	if len(samples) == 0 {
		return Latency{}
	}
	slices.Sort(samples)
	return Latency{N: len(samples), P50: percentile(samples, 50), P99: percentile(samples, 99), Failed: failed}
}

// percentile is the nearest-rank p-th percentile of sorted samples.
func percentile(sorted []time.Duration, p int) time.Duration {
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 × n)
	return sorted[max(rank, 1)-1]
}
