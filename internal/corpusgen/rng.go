package corpusgen

import (
	"math/bits"
	"math/rand/v2"
)

// Stream keys keep the random streams of one seed apart.
const (
	keyPeople  uint64 = 0x5EED_0001_7E0F_1E00
	keyStories uint64 = 0x5EED_0002_5709_1E50
	keyLayout  uint64 = 0x5EED_0003_1A70_0750
	keyDup     uint64 = 0x5EED_0004_D0B1_E000
	keyKind    uint64 = 0x5EED_0005_C1A5_5000
)

// rng is a small value-type wrapper around PCG; it never allocates.
type rng struct{ p rand.PCG }

func newRNG(a, b uint64) rng {
	var r rng
	r.p.Seed(a, b)
	return r
}

func (r *rng) u64() uint64 { return r.p.Uint64() }

// intn returns a value in [0, n); 0 when n <= 1.
func (r *rng) intn(n int) int {
	if n <= 1 {
		return 0
	}
	hi, _ := bits.Mul64(r.p.Uint64(), uint64(n))
	return int(hi)
}

// between returns a value in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with the given percentage.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

// float returns a value in [0, 1).
func (r *rng) float() float64 { return float64(r.p.Uint64()>>11) / (1 << 53) }

// weighted picks an index with probability proportional to its weight.
func (r *rng) weighted(w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.intn(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// mix64 is the splitmix64 finaliser, a cheap stateless hash.
func mix64(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}
