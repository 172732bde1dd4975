package briefing

import (
	"context"
	"slices"
	"strings"
	"testing"

	"briefbot/briefing/lexicon"
	"briefbot/briefing/names"
)

// link is a test shorthand for a held/planned/canceled link.
func link(a, b int64, held, planned, canceled int) MeetingLink {
	return MeetingLink{A: a, B: b, Held: held, Planned: planned, Canceled: canceled}
}

func nodeIDs(n Network) []int64 {
	ids := make([]int64, len(n.Nodes))
	for i, node := range n.Nodes {
		ids[i] = node.ID
	}
	return ids
}

// checkNetwork checks what must hold of any network: the center first,
// no one twice, links only between drawn people, no drawn person
// without a link to someone nearer the center, within the bounds.
func checkNetwork(t *testing.T, n Network) {
	t.Helper()
	if len(n.Nodes) == 0 || n.Nodes[0].ID != n.Center.ID || n.Nodes[0].Depth != 0 {
		t.Fatalf("nodes %v: the center %d is not first", nodeIDs(n), n.Center.ID)
	}
	depth := map[int64]int{}
	for _, node := range n.Nodes {
		if _, dup := depth[node.ID]; dup {
			t.Fatalf("%d drawn twice", node.ID)
		}
		depth[node.ID] = node.Depth
	}
	if len(n.Nodes) > MaxNetworkPeople || len(n.Links) > MaxNetworkLinks+MaxNetworkPeople {
		t.Fatalf("%d people and %d links drawn", len(n.Nodes), len(n.Links))
	}
	anchored := map[int64]bool{n.Center.ID: true}
	for _, l := range n.Links {
		da, okA := depth[l.A]
		db, okB := depth[l.B]
		if !okA || !okB {
			t.Fatalf("link %d–%d has an end not drawn", l.A, l.B)
		}
		if l.A >= l.B {
			t.Fatalf("link %d–%d: A is not the lower id", l.A, l.B)
		}
		if da == db-1 {
			anchored[l.B] = true
		}
		if db == da-1 {
			anchored[l.A] = true
		}
	}
	for _, node := range n.Nodes {
		if !anchored[node.ID] {
			t.Errorf("%d (depth %d) has no link to someone nearer the center", node.ID, node.Depth)
		}
	}
}

func TestBuildNetwork(t *testing.T) {
	// 1 met 2 (twice), 3 and 4; 2 and 3 were together; 2 met 5, who met 6.
	near := []MeetingLink{link(1, 2, 1, 1, 0), link(1, 3, 0, 1, 0), link(1, 4, 0, 0, 1)}
	far := []MeetingLink{link(1, 2, 1, 1, 0), link(2, 3, 0, 1, 0), link(2, 5, 3, 0, 0), link(3, 1, 0, 1, 0)}
	tests := []struct {
		name      string
		depth     int
		near, far []MeetingLink
		wantNodes []int64
		wantLinks int
	}{
		{"alone", 1, nil, nil, []int64{1}, 0},
		{"star", 1, near, nil, []int64{1, 2, 3, 4}, 3},
		{"ties among counterparts", 1, near, far, []int64{1, 2, 3, 4}, 4},
		{"depth 2 reaches 5, not 6", 2, near, far, []int64{1, 2, 3, 4, 5}, 5},
		{"self links and empty links are dropped", 1, []MeetingLink{link(1, 1, 2, 0, 0), link(1, 7, 0, 0, 0)}, nil, []int64{1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := buildNetwork(1, tt.depth, tt.near, tt.far)
			checkNetwork(t, n)
			if got := nodeIDs(n); !slices.Equal(got, tt.wantNodes) {
				t.Errorf("nodes %v, want %v", got, tt.wantNodes)
			}
			if len(n.Links) != tt.wantLinks {
				t.Errorf("%d links %v, want %d", len(n.Links), n.Links, tt.wantLinks)
			}
			if n.HiddenPeople != 0 || n.HiddenLinks != 0 {
				t.Errorf("hidden %d people, %d links; want none", n.HiddenPeople, n.HiddenLinks)
			}
		})
	}
}

func TestBuildNetworkOrdersByStrength(t *testing.T) {
	n := buildNetwork(1, 1, []MeetingLink{link(1, 2, 0, 1, 0), link(1, 3, 4, 0, 0), link(1, 4, 1, 1, 0)}, nil)
	if got := nodeIDs(n); !slices.Equal(got, []int64{1, 3, 4, 2}) {
		t.Errorf("nodes %v, want the strongest first: [1 3 4 2]", got)
	}
	if n.Links[0] != link(1, 3, 4, 0, 0) {
		t.Errorf("first link %v, want the strongest", n.Links[0])
	}
}

func TestBuildNetworkTrims(t *testing.T) {
	// The center met 40 people, person i+1 i times; each of them met
	// their neighbours; at depth 2 each also met 3 more people.
	var near, far []MeetingLink
	for i := int64(2); i <= 41; i++ {
		near = append(near, link(1, i, int(i), 0, 0))
		far = append(far, link(i, i+1, 1, 0, 0))
		for j := int64(0); j < 3; j++ {
			far = append(far, link(i, 1000+i*10+j, 1, 0, 0))
		}
	}
	for _, depth := range []int{1, 2} {
		n := buildNetwork(1, depth, near, far)
		checkNetwork(t, n)
		if len(n.Nodes) != MaxNetworkPeople {
			t.Errorf("depth %d: %d people drawn, want %d", depth, len(n.Nodes), MaxNetworkPeople)
		}
		// The strongest counterparts are kept: 41 down to 19.
		for _, node := range n.Nodes[1:] {
			if node.Depth != 1 || node.ID < 41-int64(MaxNetworkPeople-2) {
				t.Errorf("depth %d: drew %d at depth %d, weaker than those left out", depth, node.ID, node.Depth)
			}
		}
		wantHidden := 40 - (MaxNetworkPeople - 1)
		if depth == 2 {
			wantHidden += 40*3 + 1 // and 42, whom 41 met
		}
		if n.HiddenPeople != wantHidden {
			t.Errorf("depth %d: %d people hidden, want %d", depth, n.HiddenPeople, wantHidden)
		}
		if n.HiddenLinks == 0 || len(n.Links) > MaxNetworkLinks {
			t.Errorf("depth %d: %d links drawn, %d hidden", depth, len(n.Links), n.HiddenLinks)
		}
	}
}

// networkStore serves the links of a small network and nothing else.
type networkStore struct {
	Store // not called: a nil interface that panics if it is
	links []MeetingLink
	refs  map[int64]PersonRef
	asked [][]int64
}

func (s *networkStore) PeopleByKeys(_ context.Context, keys []string) ([]PersonCandidate, error) {
	return []PersonCandidate{{PersonRef: s.refs[1], Mentions: 3}}, nil
}

func (s *networkStore) MeetingLinks(_ context.Context, people []int64) ([]MeetingLink, error) {
	s.asked = append(s.asked, people)
	var out []MeetingLink
	for _, l := range s.links {
		for _, p := range people {
			if l.Has(p) {
				out = append(out, l)
				break
			}
		}
	}
	return out, nil
}

func (s *networkStore) People(_ context.Context, ids []int64) ([]PersonCandidate, error) {
	var out []PersonCandidate
	for _, id := range ids {
		out = append(out, PersonCandidate{PersonRef: s.refs[id]})
	}
	return out, nil
}

func (s *networkStore) PersonStats(context.Context, int64) (int, int, error) { return 2, 0, nil }

func TestServiceGraph(t *testing.T) {
	st := &networkStore{
		links: []MeetingLink{link(1, 2, 1, 1, 0), link(1, 3, 0, 1, 0), link(2, 3, 0, 1, 0), link(2, 4, 1, 0, 0)},
		refs: map[int64]PersonRef{1: {ID: 1, Name: "David Barnea", Role: "Mossad chief"}, 2: {ID: 2, Name: "William Burns", Role: "CIA director"},
			3: {ID: 3, Name: "Abbas Kamel"}, 4: {ID: 4, Name: "Ismail Haniyeh"}},
	}
	svc := NewService(st, testMatcher(t))
	a, err := svc.Ask(context.Background(), Command{Name: CmdGraph, Person: "David Barnea"})
	if err != nil {
		t.Fatal(err)
	}
	g := a.(GraphAnswer)
	checkNetwork(t, g.Network)
	if got := nodeIDs(g.Network); !slices.Equal(got, []int64{1, 2, 3}) {
		t.Errorf("depth 1 nodes %v, want [1 2 3]", got)
	}
	if g.Network.Center.Name != "David Barnea" || g.Network.Nodes[1].Role != "CIA director" || g.Meetings != 2 {
		t.Errorf("names or stats not filled: %+v", g)
	}
	text := strings.Join(GraphSummary(g), "\n")
	for _, want := range []string{"2 meetings, 2 people met in person:", "• William Burns — CIA director: 2 meetings (1 held, 1 planned)",
		"Among them:", "• William Burns – Abbas Kamel: 1 meeting (planned)"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}

	a, err = svc.Ask(context.Background(), Command{Name: CmdGraph, Person: "David Barnea", Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := nodeIDs(a.(GraphAnswer).Network); !slices.Equal(got, []int64{1, 2, 3, 4}) {
		t.Errorf("depth 2 nodes %v, want [1 2 3 4]", got)
	}
	if text := strings.Join(GraphSummary(a.(GraphAnswer)), "\n"); !strings.Contains(text, "Further out:\n• William Burns – Ismail Haniyeh: 1 meeting (held)") {
		t.Errorf("depth 2 summary:\n%s", text)
	}

	if _, err := svc.Ask(context.Background(), Command{Name: CmdGraph, Person: "David Barnea", Depth: 3}); err == nil {
		t.Error("depth 3 accepted")
	} else if ue, ok := UserError(err); !ok || ue.Code != ErrInvalid {
		t.Errorf("depth 3: %v, want an ErrInvalid user error", err)
	}
}

func TestLinkCounts(t *testing.T) {
	for _, tt := range []struct {
		l    MeetingLink
		want string
	}{
		{link(1, 2, 1, 0, 0), "1 meeting (held)"},
		{link(1, 2, 2, 1, 0), "3 meetings (2 held, 1 planned)"},
		{link(1, 2, 0, 0, 2), "2 meetings (canceled)"},
		{link(1, 2, 1, 1, 1), "3 meetings (1 held, 1 planned, 1 canceled)"},
	} {
		if got := LinkCounts(tt.l); got != tt.want {
			t.Errorf("LinkCounts(%+v) = %q, want %q", tt.l, got, tt.want)
		}
	}
}

func testMatcher(t *testing.T) *names.Matcher {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	return names.NewMatcher(lex)
}
