package scalebench

import (
	"runtime/metrics"
	"time"
)

// gcCPU is the CPU time the Go collector has used so far (an estimate of
// the runtime's, in all threads), or 0 where the runtime does not tell.
func gcCPU() time.Duration {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return time.Duration(s[0].Value.Float64() * float64(time.Second))
}
