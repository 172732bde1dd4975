package briefing

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"briefbot/briefing/fold"
)

// Suggestion is a person offered while a name is being typed.
type Suggestion struct {
	Person PersonRef
	// Matched is the form of the name that matched what was typed: the
	// canonical name or one of its variants ("Bill Burns").
	Matched string
}

// maxSuggestionCandidates bounds how many people a prefix loads.
const maxSuggestionCandidates = 100

// Suggest returns up to limit people whose name or a variant of it starts
// with what was typed, word by word ("blin", "antony bl", "bill b"):
// those whose whole name starts with it first, then those with a word
// that does, then those whose words each start with one typed word; most
// mentioned first within each.
func (s *Service) Suggest(ctx context.Context, typed string, limit int) ([]Suggestion, error) {
	q := strings.Fields(fold.Key(typed))
	if len(q) == 0 || limit <= 0 {
		return nil, nil
	}
	// The longest typed word narrows the candidates most.
	longest := slices.MaxFunc(q, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	cands, err := s.store.PeopleByPrefix(ctx, longest, maxSuggestionCandidates)
	if err != nil {
		return nil, fmt.Errorf("suggest %q: %w", typed, err)
	}
	type ranked struct {
		Suggestion
		rank, mentions int
	}
	var out []ranked
	for _, c := range cands {
		// The person ranks by their best-matching form; the canonical name
		// is shown whenever it matches at all.
		best := ranked{rank: -1}
		for _, form := range append([]string{c.Name}, c.Aliases...) {
			if r := prefixRank(q, strings.Fields(fold.Key(form))); r >= 0 && (best.rank < 0 || r < best.rank) {
				best = ranked{Suggestion{c.PersonRef, form}, r, c.Mentions}
			}
		}
		if best.rank < 0 {
			continue
		}
		if prefixRank(q, strings.Fields(fold.Key(c.Name))) >= 0 {
			best.Matched = c.Name
		}
		out = append(out, best)
	}
	slices.SortStableFunc(out, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(b.mentions, a.mentions), cmp.Compare(a.Person.Name, b.Person.Name))
	})
	res := make([]Suggestion, 0, min(limit, len(out)))
	for _, r := range out[:min(limit, len(out))] {
		res = append(res, r.Suggestion)
	}
	return res, nil
}

// prefixRank tells how well typed words match a name's words: 0 when the
// name starts with them in order, 1 when they match in order from a later
// word, 2 when each typed word starts some word of the name, -1 when not.
func prefixRank(typed, name []string) int {
	inOrderFrom := func(start int) bool {
		if start+len(typed) > len(name) {
			return false
		}
		for i, w := range typed {
			last := i == len(typed)-1
			if last && !strings.HasPrefix(name[start+i], w) || !last && name[start+i] != w {
				return false
			}
		}
		return true
	}
	if inOrderFrom(0) {
		return 0
	}
	for start := 1; start < len(name); start++ {
		if inOrderFrom(start) {
			return 1
		}
	}
	for _, w := range typed {
		if !slices.ContainsFunc(name, func(n string) bool { return strings.HasPrefix(n, w) }) {
			return -1
		}
	}
	return 2
}
