// Command scalingsim backs two figures of docs/scaling.md: how Discord's
// sharding formula spreads guilds over shards, and how long scheduled
// digests wait when many fall due at once. It is deterministic (seeded) and
// prints Markdown tables:
//
//	go run ./docs/scalingsim
package main

import (
	"cmp"
	"container/heap"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// discordEpochMS is the first millisecond of 2015 (UTC), where snowflake
// timestamps start.
const discordEpochMS = 1420070400000

// Inputs of the digest simulation.
const (
	digestCost     = 0.2  // seconds to read and compose one digest of 1,000 new articles at 100,000 (p99, briefbot bench)
	postsPerDigest = 2    // messages one digest takes (10 embeds and 6,000 characters per message)
	globalRate     = 50.0 // REST requests per second for the whole bot, all processes together
)

// snowflake returns a random guild id created between two Unix times in
// milliseconds: the timestamp in the high bits, random worker, process and
// increment bits below.
func snowflake(r *rand.Rand, fromMS, toMS int64) uint64 {
	ms := fromMS + r.Int64N(toMS-fromMS)
	return uint64(ms-discordEpochMS)<<22 | r.Uint64N(1<<22)
}

// shardOf is the shard that receives a guild's events.
func shardOf(guildID uint64, shards int) int {
	return int((guildID >> 22) % uint64(shards))
}

// recommendedShards approximates GET /gateway/bot's "shards": about one
// shard per 1,000 guilds, and above 150,000 guilds a multiple of 16 (large
// bot sharding; Discord names the real multiple).
func recommendedShards(guilds int) int {
	n := max(1, (guilds+999)/1000)
	if guilds > 150_000 {
		n = (n + 15) / 16 * 16
	}
	return n
}

// perShard counts the guilds each shard receives.
func perShard(ids []uint64, shards int) []int {
	counts := make([]int, shards)
	for _, id := range ids {
		counts[shardOf(id, shards)]++
	}
	return counts
}

// startup is how long identifying every shard takes: one bucket of
// maxConcurrency shards per 5 seconds.
func startup(shards, maxConcurrency int) time.Duration {
	return time.Duration((shards+maxConcurrency-1)/maxConcurrency) * 5 * time.Second
}

// A pattern draws n scheduled times, in seconds from midnight.
type pattern struct {
	name string
	draw func(r *rand.Rand) float64
}

var patterns = []pattern{
	{"spread over the day", func(r *rand.Rand) float64 { return r.Float64() * 86400 }},
	{"on the hour, random hour", func(r *rand.Rand) float64 { return float64(r.IntN(24)) * 3600 }},
	{"all at 08:00", func(*rand.Rand) float64 { return 8 * 3600 }},
}

// floats is a min-heap of times at which a worker becomes free.
type floats []float64

func (h floats) Len() int           { return len(h) }
func (h floats) Less(i, j int) bool { return h[i] < h[j] }
func (h floats) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *floats) Push(x any)        { *h = append(*h, x.(float64)) }
func (h *floats) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// simulate runs digests due at the given times (seconds) on workers that
// each compose one digest at a time, first due first served, then posts
// them through one bot-wide limit of rate requests a second, posts
// requests per digest. It returns each digest's wait for a worker and how
// late its last message went out, in seconds.
func simulate(due []float64, workers int, cost float64, posts int, rate float64) (waits, late []float64) {
	due = slices.Sorted(slices.Values(due))
	free := make(floats, workers)
	heap.Init(&free)
	type composed struct{ due, end float64 }
	done := make([]composed, len(due))
	waits = make([]float64, len(due))
	for i, t := range due {
		start := max(t, heap.Pop(&free).(float64))
		heap.Push(&free, start+cost)
		waits[i] = start - t
		done[i] = composed{t, start + cost}
	}
	slices.SortFunc(done, func(a, b composed) int { return cmp.Compare(a.end, b.end) })
	next := math.Inf(-1)
	late = make([]float64, len(done))
	for i, d := range done {
		first := max(d.end, next)
		next = first + float64(posts)/rate
		late[i] = first + float64(posts-1)/rate - d.due
	}
	return waits, late
}

// percentile returns the p-th percentile (0 < p ≤ 1) of xs, nearest rank.
func percentile(xs []float64, p float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	return s[max(0, int(math.Ceil(p*float64(len(s))))-1)]
}

// human writes seconds as s, min or h.
func human(sec float64) string {
	switch {
	case sec < 90:
		return fmt.Sprintf("%.0f s", sec)
	case sec < 5400:
		return fmt.Sprintf("%.1f min", sec/60)
	}
	return fmt.Sprintf("%.1f h", sec/3600)
}

func main() {
	r := rand.New(rand.NewPCG(2024, 1))
	from := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()

	fmt.Println("Guilds over shards: shard = (guild_id >> 22) % shards, random guild ids created 2016–2024.")
	fmt.Println()
	fmt.Println("| guilds | shards | rule | fewest guilds on a shard | most | most ÷ mean | identify all, max_concurrency 1 / 16 |")
	fmt.Println("|---:|---:|---|---:|---:|---:|---|")
	for _, n := range []int{5_000, 50_000, 250_000} {
		ids := make([]uint64, n)
		for i := range ids {
			ids[i] = snowflake(r, from, to)
		}
		rules := []struct {
			name   string
			shards int
		}{{"fewest allowed (2,500 each)", (n + 2499) / 2500}, {"recommended (≈1 per 1,000)", recommendedShards(n)}}
		for _, rule := range rules {
			c := perShard(ids, rule.shards)
			mean := float64(n) / float64(rule.shards)
			fmt.Printf("| %d | %d | %s | %d | %d | %.3f | %s / %s |\n", n, rule.shards, rule.name, slices.Min(c), slices.Max(c),
				float64(slices.Max(c))/mean, startup(rule.shards, 1), startup(rule.shards, 16))
		}
	}

	fmt.Println()
	fmt.Printf("Digest queue: %.1f s per digest, first due first served; %d messages per digest through one bot-wide limit of %.0f requests/s.\n",
		digestCost, postsPerDigest, globalRate)
	fmt.Println()
	fmt.Println("| subscriptions | schedules | workers | wait p50 | wait p99 | last message p99 (with the 50/s limit) |")
	fmt.Println("|---:|---|---:|---:|---:|---:|")
	for _, n := range []int{5_000, 50_000} {
		for _, p := range patterns {
			due := make([]float64, n)
			for i := range due {
				due[i] = p.draw(r)
			}
			for _, w := range []int{1, 4, 16, 64} {
				waits, late := simulate(due, w, digestCost, postsPerDigest, globalRate)
				fmt.Printf("| %d | %s | %d | %s | %s | %s |\n", n, p.name, w,
					human(percentile(waits, 0.5)), human(percentile(waits, 0.99)), human(percentile(late, 0.99)))
			}
		}
	}
}
