package storage

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"briefbot/briefing"
)

// sortLinks orders links by their ends, for comparisons: MeetingLinks
// promises no order.
func sortLinks(ls []briefing.MeetingLink) []briefing.MeetingLink {
	out := slices.Clone(ls)
	slices.SortFunc(out, func(a, b briefing.MeetingLink) int { return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B)) })
	return out
}

// mustLinks calls MeetingLinks and checks what holds of every answer: a
// non-nil slice, the lower id first, one link per pair, no empty link.
func mustLinks(t *testing.T, db *DB, what string, people []int64) []briefing.MeetingLink {
	t.Helper()
	ls, err := db.MeetingLinks(context.Background(), people)
	if err != nil {
		t.Fatalf("MeetingLinks(%s): %v", what, err)
	}
	if ls == nil {
		t.Errorf("MeetingLinks(%s) = nil, want a non-nil slice", what)
	}
	seen := map[[2]int64]bool{}
	for _, l := range ls {
		if l.A >= l.B {
			t.Errorf("MeetingLinks(%s): link %+v: A is not below B", what, l)
		}
		if seen[[2]int64{l.A, l.B}] {
			t.Errorf("MeetingLinks(%s): the pair %d–%d comes twice", what, l.A, l.B)
		}
		seen[[2]int64{l.A, l.B}] = true
		if l.Total() == 0 {
			t.Errorf("MeetingLinks(%s): link %+v counts no meeting", what, l)
		}
	}
	return ls
}

// linkOf returns the link between a and b, and whether there is one.
func linkOf(ls []briefing.MeetingLink, a, b int64) (briefing.MeetingLink, bool) {
	for _, l := range ls {
		if a != b && l.Has(a) && l.Has(b) {
			return l, true
		}
	}
	return briefing.MeetingLink{}, false
}

// exportLinks counts, from the export, the in-person meetings each pair
// of people shared, by status: what MeetingLinks must give when asked
// for everyone.
func exportLinks(t *testing.T, db *DB) []briefing.MeetingLink {
	t.Helper()
	links := map[[2]int64]*briefing.MeetingLink{}
	for _, m := range exportOf(t, db).Meetings {
		for i, a := range m.Participants {
			for _, b := range m.Participants[i+1:] {
				x, y := personID(t, db, a), personID(t, db, b)
				key := [2]int64{min(x, y), max(x, y)}
				l := links[key]
				if l == nil {
					l = &briefing.MeetingLink{A: key[0], B: key[1]}
					links[key] = l
				}
				switch m.Status {
				case briefing.Held:
					l.Held++
				case briefing.Planned:
					l.Planned++
				case briefing.Canceled:
					l.Canceled++
				}
			}
		}
	}
	out := []briefing.MeetingLink{}
	for _, l := range links {
		out = append(out, *l)
	}
	return sortLinks(out)
}

func TestMeetingLinksSeedCorpus(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	barnea := personID(t, db, "David Barnea")
	burns := personID(t, db, "William Burns")

	// As `briefbot ask who-met barnea` tells: planned in Doha with the
	// three of them, held in Cairo with Burns and Al-Thani.
	links := mustLinks(t, db, "Barnea", []int64{barnea})
	want := []struct {
		name                    string
		held, planned, canceled int
	}{
		{"William Burns", 1, 1, 0},
		{"Mohammed bin Abdulrahman Al-Thani", 1, 1, 0},
		{"Abbas Kamel", 0, 1, 0},
	}
	if len(links) != len(want) {
		t.Errorf("Barnea has %d links, want %d: %+v", len(links), len(want), links)
	}
	for _, w := range want {
		other := personID(t, db, w.name)
		l, ok := linkOf(links, barnea, other)
		if !ok {
			t.Errorf("no link between Barnea and %s in %+v", w.name, links)
			continue
		}
		if l.Held != w.held || l.Planned != w.planned || l.Canceled != w.canceled {
			t.Errorf("Barnea–%s: held %d, planned %d, canceled %d; want %d, %d, %d",
				w.name, l.Held, l.Planned, l.Canceled, w.held, w.planned, w.canceled)
		}
	}

	// Both ends asked for: the pair once, with the same counts.
	both := mustLinks(t, db, "Barnea and Burns", []int64{barnea, burns, barnea})
	single, _ := linkOf(links, barnea, burns)
	if l, ok := linkOf(both, barnea, burns); !ok || l != single {
		t.Errorf("Barnea–Burns asked for both ends: %+v (found %v), want %+v", l, ok, single)
	}

	// Everyone at once matches the export, and organisations and places
	// (the Cairo meeting names Mossad, the CIA, Egypt and Qatar) are
	// never an end.
	people, err := db.ids(ctx, `SELECT id FROM entities WHERE kind = 'person' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	things, err := db.ids(ctx, `SELECT DISTINCT mp.entity_id FROM meeting_participants mp
		JOIN entities e ON e.id = mp.entity_id WHERE e.kind <> 'person'`)
	if err != nil {
		t.Fatal(err)
	}
	if len(things) == 0 {
		t.Fatal("no organisation or place takes part in a seed meeting: the test proves nothing")
	}
	all := mustLinks(t, db, "everyone", people)
	for _, l := range all {
		if slices.Contains(things, l.A) || slices.Contains(things, l.B) {
			t.Errorf("link %+v has an organisation or a place for an end", l)
		}
	}
	oracle := exportLinks(t, db)
	if got := sortLinks(all); !slices.Equal(got, oracle) {
		t.Errorf("links of everyone:\n got %+v\nwant %+v (from the export)", got, oracle)
	}
	// Each person alone gets their links of the whole.
	for _, p := range people {
		var want []briefing.MeetingLink
		for _, l := range oracle {
			if l.Has(p) {
				want = append(want, l)
			}
		}
		if got := sortLinks(mustLinks(t, db, fmt.Sprint(p), []int64{p})); len(got)+len(want) > 0 && !slices.Equal(got, want) {
			t.Errorf("links of %d: %+v, want %+v", p, got, want)
		}
	}
}

// withOrg adds an organisation taking part in the report's meeting.
func withOrg(h handArticle, org string) handArticle {
	h.meetings[0].Parties = append(h.meetings[0].Parties, len(h.entities))
	h.entities = append(h.entities, briefing.ExtractedEntity{Kind: briefing.KindOrganization, Name: org, Aliases: []string{org}})
	return h
}

func TestMeetingLinksHandCorpus(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	const noam, dana, yoel, tamar = "Noam Varsano", "Dana Elkayam", "Yoel Harpaz", "Tamar Goldin"
	// The dates keep the reports of one pair apart: each is a meeting of
	// its own.
	ingestHand(t, db,
		withOrg(report{source: "n1.txt", published: "2024-05-01", people: []string{noam, dana}, date: "2024-04-30", status: briefing.Held}.article(t), "Acme Agency"),
		report{source: "n2.txt", published: "2024-05-03", people: []string{noam, dana}, date: "2024-05-10", status: briefing.Planned}.article(t),
		report{source: "n3.txt", published: "2024-05-04", people: []string{noam, dana, yoel}, date: "2024-05-20", status: briefing.Canceled}.article(t),
		report{source: "n4.txt", published: "2024-05-02", people: []string{noam, tamar}, date: "2024-05-02", status: briefing.Held, kind: briefing.Call}.article(t),
		report{source: "n5.txt", published: "2024-05-06", people: []string{noam, dana}, date: "2024-05-06", status: briefing.Held, kind: briefing.Call}.article(t),
		report{source: "n6.txt", published: "2024-07-02", people: []string{dana, yoel}, date: "2024-07-01", status: briefing.Held}.article(t),
	)
	// What the test relies on was stored as meant.
	var meetings, calls, orgs int
	if err := db.sql.QueryRow(`SELECT (SELECT COUNT(*) FROM meetings WHERE kind = 'meeting'), (SELECT COUNT(*) FROM meetings WHERE kind = 'call'),
		(SELECT COUNT(*) FROM meeting_participants mp JOIN entities e ON e.id = mp.entity_id WHERE e.kind = 'org')`).Scan(&meetings, &calls, &orgs); err != nil {
		t.Fatal(err)
	}
	if meetings != 4 || calls != 2 || orgs != 1 {
		t.Fatalf("stored %d meetings, %d calls, %d organisations taking part; want 4, 2, 1", meetings, calls, orgs)
	}
	id := map[string]int64{}
	for _, p := range []string{noam, dana, yoel, tamar} {
		id[p] = personID(t, db, p)
	}
	acme, err := db.ids(ctx, `SELECT id FROM entities WHERE kind = 'org' AND name = 'Acme Agency'`)
	if err != nil || len(acme) != 1 {
		t.Fatalf("Acme Agency: %v, %v", acme, err)
	}
	link := func(a, b string, held, planned, canceled int) briefing.MeetingLink {
		x, y := id[a], id[b]
		return briefing.MeetingLink{A: min(x, y), B: max(x, y), Held: held, Planned: planned, Canceled: canceled}
	}
	noamDana := link(noam, dana, 1, 1, 1) // the calls of n5 left out
	noamYoel := link(noam, yoel, 0, 0, 1)
	danaYoel := link(dana, yoel, 1, 0, 1)

	tests := []struct {
		name   string
		people []int64
		want   []briefing.MeetingLink
	}{
		{"one person", []int64{id[noam]}, []briefing.MeetingLink{noamDana, noamYoel}},
		{"another", []int64{id[dana]}, []briefing.MeetingLink{noamDana, danaYoel}},
		{"both ends", []int64{id[noam], id[dana]}, []briefing.MeetingLink{noamDana, noamYoel, danaYoel}},
		{"all ends, repeated", []int64{id[yoel], id[dana], id[noam], id[dana], id[yoel]}, []briefing.MeetingLink{noamDana, noamYoel, danaYoel}},
		{"calls only", []int64{id[tamar]}, nil},
		{"unknown id", []int64{987654}, nil},
		{"unknown and known", []int64{987654, id[yoel]}, []briefing.MeetingLink{noamYoel, danaYoel}},
		{"empty", []int64{}, nil},
		{"nil", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sortLinks(mustLinks(t, db, tc.name, tc.people))
			want := sortLinks(tc.want)
			if len(got)+len(want) > 0 && !slices.Equal(got, want) {
				t.Errorf("MeetingLinks(%v):\n got %+v\nwant %+v", tc.people, got, want)
			}
			for _, l := range got {
				if l.Has(acme[0]) || l.Has(id[tamar]) {
					t.Errorf("link %+v: an organisation, or someone only on calls, is an end", l)
				}
			}
		})
	}
}

func TestPeople(t *testing.T) {
	ctx := context.Background()
	db := seedDB(t)
	barnea := personID(t, db, "David Barnea")
	kamel := personID(t, db, "Abbas Kamel")
	burns := personID(t, db, "William Burns")
	tests := []struct {
		name string
		ids  []int64
		want []string
	}{
		{"order kept", []int64{kamel, barnea, burns}, []string{"Abbas Kamel", "David Barnea", "William Burns"}},
		{"another order", []int64{burns, kamel, barnea}, []string{"William Burns", "Abbas Kamel", "David Barnea"}},
		{"unknown left out", []int64{987654, burns, -1, barnea, 0}, []string{"William Burns", "David Barnea"}},
		{"unknown only", []int64{987654}, nil},
		{"empty", []int64{}, nil},
		{"nil", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.People(ctx, tc.ids)
			if err != nil {
				t.Fatalf("People(%v): %v", tc.ids, err)
			}
			if got == nil {
				t.Errorf("People(%v) = nil, want a non-nil slice", tc.ids)
			}
			var names []string
			for _, c := range got {
				names = append(names, c.Name)
			}
			if !slices.Equal(names, tc.want) {
				t.Fatalf("People(%v) = %q, want %q", tc.ids, names, tc.want)
			}
			for _, c := range got {
				// The same person as the profile gives, main role included.
				p, err := db.Person(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				if c.Role == "" || c.Role != p.Role {
					t.Errorf("%s: role %q, want the main role %q of the profile", c.Name, c.Role, p.Role)
				}
				if c.Name != p.Name || c.Mentions != p.Mentions {
					t.Errorf("%s: name %q, mentions %d; the profile says %q, %d", c.Name, c.Name, c.Mentions, p.Name, p.Mentions)
				}
				if !slices.Equal(sortedCopy(c.Aliases), sortedCopy(p.Aliases)) {
					t.Errorf("%s: aliases %q, the profile's %q", c.Name, c.Aliases, p.Aliases)
				}
			}
		})
	}
	// The role is the one the who-met answer shows.
	got, err := db.People(ctx, []int64{barnea})
	if err != nil || len(got) != 1 || got[0].Role != "Mossad chief" {
		t.Errorf("People(Barnea) = %+v, %v; want the role Mossad chief", got, err)
	}
}
