//go:build unix

package scalebench

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used so far, user and
// system, in all its threads (the Go code, SQLite's C code and the
// collector alike), or 0 where the system does not tell.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
