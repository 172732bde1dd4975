package briefing

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// Network is a person's meeting network: the people they met in person
// (depth 1) and, at depth 2, the people those met. It is trimmed to its
// strongest links; what was left out is counted.
type Network struct {
	Center PersonRef     `json:"center"`
	Depth  int           `json:"depth"`
	Nodes  []NetworkNode `json:"nodes"` // the center first, then by depth and strength
	Links  []MeetingLink `json:"links"` // the strongest first
	// HiddenPeople and HiddenLinks were left out to keep the picture
	// legible.
	HiddenPeople int `json:"hidden_people,omitempty"`
	HiddenLinks  int `json:"hidden_links,omitempty"`
}

// NetworkNode is a person of a network.
type NetworkNode struct {
	PersonRef
	// Depth is 0 for the center, 1 for the people the center met, 2 for
	// the people only those met.
	Depth int `json:"depth"`
}

// MeetingLink counts the in-person meetings two people both took part
// in, by status. A is the lower id.
type MeetingLink struct {
	A        int64 `json:"a"`
	B        int64 `json:"b"`
	Held     int   `json:"held"`
	Planned  int   `json:"planned"`
	Canceled int   `json:"canceled"`
}

// Total is the number of meetings of the link.
func (l MeetingLink) Total() int { return l.Held + l.Planned + l.Canceled }

// Other is the end of the link that is not id.
func (l MeetingLink) Other(id int64) int64 {
	if l.A == id {
		return l.B
	}
	return l.A
}

// Has reports whether id is an end of the link.
func (l MeetingLink) Has(id int64) bool { return l.A == id || l.B == id }

// strongerLink orders links strongest first: more meetings, more held,
// more planned, then by ids so that the order is stable.
func strongerLink(a, b MeetingLink) int {
	return cmp.Or(cmp.Compare(b.Total(), a.Total()), cmp.Compare(b.Held, a.Held), cmp.Compare(b.Planned, a.Planned),
		cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B))
}

// Bounds of a drawn network: beyond them a picture stops being legible
// on a phone.
const (
	MaxNetworkPeople = 24
	MaxNetworkLinks  = 60
)

// GraphAnswer is a person's meeting network, drawn as a picture.
type GraphAnswer struct {
	Command CommandName `json:"command"`
	Network Network     `json:"network"`
	// Meetings is how many in-person meetings the center took part in.
	Meetings int `json:"meetings"`
}

// Kind implements Answer.
func (GraphAnswer) Kind() CommandName { return CmdGraph }

func (s *Service) graph(ctx context.Context, c Command) (Answer, error) {
	depth := c.Depth
	if depth == 0 {
		depth = 1
	}
	if depth < 1 || depth > MaxGraphDepth {
		return nil, &Error{Code: ErrInvalid, Message: fmt.Sprintf("The depth of a graph is 1 or 2, not %d.", depth)}
	}
	center, err := s.ResolvePerson(ctx, c.Person)
	if err != nil {
		return nil, err
	}
	near, err := s.store.MeetingLinks(ctx, []int64{center.ID})
	if err != nil {
		return nil, fmt.Errorf("meeting links of %d: %w", center.ID, err)
	}
	// The counterparts' own links give the ties among them (at depth 1)
	// and the people beyond (at depth 2). Only the counterparts that can
	// be drawn are followed.
	var far []MeetingLink
	if len(near) > 0 {
		slices.SortFunc(near, strongerLink)
		next := make([]int64, 0, MaxNetworkPeople-1)
		for _, l := range near[:min(len(near), MaxNetworkPeople-1)] {
			next = append(next, l.Other(center.ID))
		}
		if far, err = s.store.MeetingLinks(ctx, next); err != nil {
			return nil, fmt.Errorf("meeting links of %d people: %w", len(next), err)
		}
	}
	n := buildNetwork(center.ID, depth, near, far)
	ids := make([]int64, len(n.Nodes))
	for i, node := range n.Nodes {
		ids[i] = node.ID
	}
	refs, err := s.store.People(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("people of the network of %d: %w", center.ID, err)
	}
	byID := make(map[int64]PersonRef, len(refs))
	for _, r := range refs {
		byID[r.ID] = r.PersonRef
	}
	for i := range n.Nodes {
		if r, ok := byID[n.Nodes[i].ID]; ok {
			n.Nodes[i].PersonRef = r
		}
	}
	n.Center = n.Nodes[0].PersonRef
	a := GraphAnswer{Command: CmdGraph, Network: n}
	if a.Meetings, _, err = s.store.PersonStats(ctx, center.ID); err != nil {
		return nil, fmt.Errorf("stats of %d: %w", center.ID, err)
	}
	return a, nil
}

// buildNetwork keeps the strongest part of a meeting network around
// center: near are the center's links, far those of its counterparts
// (ties among them, and at depth 2 the people beyond). Nodes carry ids
// only; names come later.
func buildNetwork(center int64, depth int, near, far []MeetingLink) Network {
	n := Network{Center: PersonRef{ID: center}, Depth: depth}
	links := map[[2]int64]MeetingLink{}
	for _, l := range append(slices.Clone(near), far...) {
		if l.A == l.B || l.Total() == 0 {
			continue
		}
		if l.A > l.B {
			l.A, l.B = l.B, l.A
		}
		links[[2]int64{l.A, l.B}] = l // a pair's counts are the same from either end
	}
	all := slices.SortedFunc(func(yield func(MeetingLink) bool) {
		for _, l := range links {
			if !yield(l) {
				return
			}
		}
	}, strongerLink)

	// Depth by breadth-first order over the links, strongest first;
	// each person's strength is the sum of their links to people
	// nearer the center.
	level := map[int64]int{center: 0}
	strength := map[int64]int{}
	for d := 1; d <= depth; d++ {
		for _, l := range all {
			for _, end := range [2]int64{l.A, l.B} {
				other := l.Other(end)
				if lv, ok := level[end]; ok && lv == d-1 {
					if lv2, seen := level[other]; !seen || lv2 == d {
						level[other] = d
						strength[other] += l.Total()
					}
				}
			}
		}
	}
	var people []int64
	for id, lv := range level {
		if lv > 0 {
			people = append(people, id)
		}
	}
	slices.SortFunc(people, func(a, b int64) int {
		return cmp.Or(cmp.Compare(level[a], level[b]), cmp.Compare(strength[b], strength[a]), cmp.Compare(a, b))
	})
	kept := people[:min(len(people), MaxNetworkPeople-1)]
	n.HiddenPeople = len(people) - len(kept)
	in := map[int64]bool{center: true}
	n.Nodes = append(n.Nodes, NetworkNode{PersonRef: PersonRef{ID: center}})
	for _, id := range kept {
		in[id] = true
		n.Nodes = append(n.Nodes, NetworkNode{PersonRef: PersonRef{ID: id}, Depth: level[id]})
	}

	// Every kept person keeps the strongest link that joins them to
	// someone nearer the center, so that no one floats alone; the
	// strongest of the other links fill the rest.
	var drawn []MeetingLink
	taken := map[[2]int64]bool{}
	take := func(l MeetingLink) {
		taken[[2]int64{l.A, l.B}] = true
		drawn = append(drawn, l)
	}
	for _, id := range kept {
		for _, l := range all {
			if other := l.Other(id); l.Has(id) && in[other] && level[other] == level[id]-1 {
				take(l)
				break
			}
		}
	}
	for _, l := range all {
		if in[l.A] && in[l.B] && !taken[[2]int64{l.A, l.B}] && len(drawn) < MaxNetworkLinks {
			take(l)
		}
	}
	slices.SortFunc(drawn, strongerLink)
	n.Links = drawn
	for _, l := range all {
		_, a := level[l.A]
		_, b := level[l.B]
		if a && b && !taken[[2]int64{l.A, l.B}] {
			n.HiddenLinks++ // within the depth asked for, yet not drawn
		}
	}
	return n
}
