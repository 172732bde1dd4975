package main

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

func TestShardOf(t *testing.T) {
	// The formula looks at the timestamp bits only: ids created in the
	// same millisecond land on the same shard whatever their low bits.
	base := uint64(123456789) << 22
	for _, low := range []uint64{0, 1, 1<<22 - 1} {
		if got, want := shardOf(base|low, 17), int(123456789%17); got != want {
			t.Errorf("shardOf(%d, 17) = %d, want %d", base|low, got, want)
		}
	}
	if got := shardOf(81384788765712384, 17); got != 7 {
		t.Errorf("shardOf(81384788765712384, 17) = %d, want 7", got)
	}
	if got := shardOf(81384788765712384, 1); got != 0 {
		t.Errorf("one shard: got shard %d", got)
	}
}

func TestSnowflakeTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	from := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	to := from + 1000
	for range 100 {
		ms := int64(snowflake(r, from, to)>>22) + discordEpochMS
		if ms < from || ms >= to {
			t.Fatalf("timestamp %d outside [%d, %d)", ms, from, to)
		}
	}
}

func TestRecommendedShards(t *testing.T) {
	for _, c := range []struct{ guilds, want int }{{1, 1}, {1000, 1}, {1001, 2}, {5000, 5}, {150_000, 150}, {250_000, 256}} {
		if got := recommendedShards(c.guilds); got != c.want {
			t.Errorf("recommendedShards(%d) = %d, want %d", c.guilds, got, c.want)
		}
	}
}

func TestStartup(t *testing.T) {
	if got := startup(256, 16); got != 80*time.Second {
		t.Errorf("256 shards at max_concurrency 16: %s, want 1m20s", got)
	}
	if got := startup(5, 1); got != 25*time.Second {
		t.Errorf("5 shards at max_concurrency 1: %s, want 25s", got)
	}
}

func TestWaitFallsWithWorkers(t *testing.T) {
	due := make([]float64, 2000)
	for i := range due {
		due[i] = 8 * 3600
	}
	last := -1.0
	for _, w := range []int{64, 16, 4, 1} {
		waits, _ := simulate(due, w, 0.7, 2, 50)
		p99 := percentile(waits, 0.99)
		if p99 <= last {
			t.Errorf("%d workers: wait p99 %.1f s, not above the %.1f s of more workers", w, p99, last)
		}
		last = p99
	}
	// One worker: the last of 2,000 digests starts after 1,999 others.
	if waits, _ := simulate(due, 1, 0.7, 2, 50); math.Abs(percentile(waits, 1)-1999*0.7) > 1e-6 {
		t.Errorf("one worker: longest wait %.1f s, want %.1f s", percentile(waits, 1), 1999*0.7)
	}
}

func TestPostingLimitIsAFloor(t *testing.T) {
	due := make([]float64, 1000)
	for i := range due {
		due[i] = 100
	}
	// 1,000 digests of 2 messages at 50 requests/s: the last goes out
	// about 40 s after they fell due, however many workers compose them.
	_, late := simulate(due, 1000, 0.7, 2, 50)
	if got := percentile(late, 1); got < 39.9 || got > 41 {
		t.Errorf("last message %.2f s late, want about 40 s", got)
	}
}

func TestSpreadSchedulesDoNotWait(t *testing.T) {
	due := make([]float64, 100)
	for i := range due {
		due[i] = float64(i) * 10
	}
	waits, late := simulate(due, 1, 0.7, 2, 50)
	if percentile(waits, 1) != 0 {
		t.Errorf("digests 10 s apart waited %.1f s", percentile(waits, 1))
	}
	if got := percentile(late, 1); got > 0.73 {
		t.Errorf("last message %.2f s late, want the 0.72 s of composing and posting", got)
	}
}
