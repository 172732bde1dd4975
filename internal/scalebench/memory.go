package scalebench

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
)

// resetPeakRSS starts a new peak of the process's resident memory (Linux
// 4.0 and later: "5" written to /proc/self/clear_refs); it reports false
// where that is not possible.
func resetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// peakRSS is the process's peak resident memory in bytes since the last
// reset (VmHWM), or 0 where the system does not tell. It counts everything
// the process holds: the Go heap, SQLite's page caches and the C
// allocations behind them.
func peakRSS() int64 { return selfStatus("VmHWM") }

// currentRSS is the process's resident memory in bytes now (VmRSS), or 0
// where the system does not tell.
func currentRSS() int64 { return selfStatus("VmRSS") }

// selfStatus reads a memory figure of /proc/self/status, in bytes.
func selfStatus(name string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	return statusKiB(data, name) * 1024
}

// statusKiB reads a "Name:   1234 kB" line of /proc/self/status or
// /proc/meminfo.
func statusKiB(status []byte, name string) int64 {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != name {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			return 0
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0
		}
		return n
	}
	return 0
}
