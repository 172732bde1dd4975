package storage

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"briefbot/briefing"
	"briefbot/briefing/names"
)

// wantPerson is a person the corpus should hold after resolution.
type wantPerson struct {
	name    string   // canonical name
	aliases []string // every written form, any order
	sources []string // the articles naming them, any order
}

// checkPeople checks each wanted person's written forms and articles in
// an export.
func checkPeople(t *testing.T, exp briefing.Export, want []wantPerson) {
	t.Helper()
	for _, w := range want {
		p := exportPerson(t, exp, w.name)
		if got, want := sortedCopy(p.Aliases), sortedCopy(w.aliases); !slices.Equal(got, want) {
			t.Errorf("%s: aliases %q, want %q", w.name, got, want)
		}
		if got, want := sortedCopy(p.Sources), sortedCopy(w.sources); !slices.Equal(got, want) {
			t.Errorf("%s: sources %q, want %q", w.name, got, want)
		}
	}
}

// articlesOf builds one hand-made article per list of people; each
// person is given as its written forms.
func articlesOf(people ...[][]string) []handArticle {
	var out []handArticle
	for i, ps := range people {
		h := handArticle{source: fmt.Sprintf("a%d.txt", i+1), published: fmt.Sprintf("2024-03-%02d", i+1)}
		for _, forms := range ps {
			h.entities = append(h.entities, person(forms...))
		}
		out = append(out, h)
	}
	return out
}

func TestResolvePeopleAcrossArticles(t *testing.T) {
	type forms = []string
	tests := []struct {
		name     string
		articles [][]forms // per article, per person, the written forms
		want     []wantPerson
	}{
		{
			name:     "nickname after formal name",
			articles: [][]forms{{{"William Burns"}}, {{"Bill Burns", "Burns"}}},
			want:     []wantPerson{{"William Burns", []string{"William Burns", "Bill Burns", "Burns"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "formal name after nickname",
			articles: [][]forms{{{"Bill Burns"}}, {{"William Burns"}}},
			want:     []wantPerson{{"William Burns", []string{"William Burns", "Bill Burns"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "transliteration, first seen spelling wins",
			articles: [][]forms{{{"Abbas Kamel"}}, {{"Abbas Kamal"}}},
			want:     []wantPerson{{"Abbas Kamel", []string{"Abbas Kamel", "Abbas Kamal"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "transliteration, other order",
			articles: [][]forms{{{"Abbas Kamal"}}, {{"Abbas Kamel"}}},
			want:     []wantPerson{{"Abbas Kamal", []string{"Abbas Kamel", "Abbas Kamal"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "patronymic dropped",
			articles: [][]forms{{{"Mohammed bin Abdulrahman Al-Thani"}}, {{"Mohammed Al-Thani"}}},
			want: []wantPerson{{"Mohammed bin Abdulrahman Al-Thani",
				[]string{"Mohammed bin Abdulrahman Al-Thani", "Mohammed Al-Thani"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "short form first, fullest form becomes the name",
			articles: [][]forms{{{"Mohammed Al-Thani"}}, {{"Mohammed bin Abdulrahman Al-Thani"}}},
			want: []wantPerson{{"Mohammed bin Abdulrahman Al-Thani",
				[]string{"Mohammed bin Abdulrahman Al-Thani", "Mohammed Al-Thani"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name: "another Mohammed bin stays apart",
			articles: [][]forms{
				{{"Mohammed bin Abdulrahman Al-Thani"}},
				{{"Mohammed Al-Thani"}, {"Mohammed Bin Salman"}},
				{{"Mohammed Bin Salman"}},
			},
			want: []wantPerson{
				{"Mohammed bin Abdulrahman Al-Thani", []string{"Mohammed bin Abdulrahman Al-Thani", "Mohammed Al-Thani"}, []string{"a1.txt", "a2.txt"}},
				{"Mohammed Bin Salman", []string{"Mohammed Bin Salman"}, []string{"a2.txt", "a3.txt"}},
			},
		},
		{
			name:     "surname alone, then the full name",
			articles: [][]forms{{{"Netanyahu"}}, {{"Benjamin Netanyahu"}}},
			want:     []wantPerson{{"Benjamin Netanyahu", []string{"Netanyahu", "Benjamin Netanyahu"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "full name, then the surname alone",
			articles: [][]forms{{{"Benjamin Netanyahu"}}, {{"Netanyahu"}}},
			want:     []wantPerson{{"Benjamin Netanyahu", []string{"Netanyahu", "Benjamin Netanyahu"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "middle initial is the fullest form",
			articles: [][]forms{{{"William Burns"}}, {{"William J. Burns"}}, {{"Burns"}}},
			want:     []wantPerson{{"William J. Burns", []string{"William Burns", "William J. Burns", "Burns"}, []string{"a1.txt", "a2.txt", "a3.txt"}}},
		},
		{
			name:     "two people sharing a surname stay apart",
			articles: [][]forms{{{"Noam Varsano"}}, {{"Dana Varsano"}}},
			want: []wantPerson{
				{"Noam Varsano", []string{"Noam Varsano"}, []string{"a1.txt"}},
				{"Dana Varsano", []string{"Dana Varsano"}, []string{"a2.txt"}},
			},
		},
		{
			name:     "a lone surname fitting two people joins neither",
			articles: [][]forms{{{"Noam Varsano"}}, {{"Dana Varsano"}}, {{"Varsano"}}},
			want: []wantPerson{
				{"Noam Varsano", []string{"Noam Varsano"}, []string{"a1.txt"}},
				{"Dana Varsano", []string{"Dana Varsano"}, []string{"a2.txt"}},
				{"Varsano", []string{"Varsano"}, []string{"a3.txt"}},
			},
		},
		{
			name:     "a lone surname joins the first full name, not a second one",
			articles: [][]forms{{{"Varsano"}}, {{"Noam Varsano"}}, {{"Dana Varsano"}}},
			want: []wantPerson{
				{"Noam Varsano", []string{"Varsano", "Noam Varsano"}, []string{"a1.txt", "a2.txt"}},
				{"Dana Varsano", []string{"Dana Varsano"}, []string{"a3.txt"}},
			},
		},
		{
			name:     "a lone surname fitting two people is not absorbed when one of them returns",
			articles: [][]forms{{{"Noam Varsano"}}, {{"Dana Varsano"}}, {{"Varsano"}}, {{"Noam Varsano"}}},
			want: []wantPerson{
				{"Noam Varsano", []string{"Noam Varsano"}, []string{"a1.txt", "a4.txt"}},
				{"Dana Varsano", []string{"Dana Varsano"}, []string{"a2.txt"}},
				{"Varsano", []string{"Varsano"}, []string{"a3.txt"}},
			},
		},
		{
			name:     "a third full name does not take a surname that fits two people",
			articles: [][]forms{{{"Noam Varsano"}}, {{"Dana Varsano"}}, {{"Varsano"}}, {{"Eli Varsano"}}},
			want: []wantPerson{
				{"Noam Varsano", []string{"Noam Varsano"}, []string{"a1.txt"}},
				{"Dana Varsano", []string{"Dana Varsano"}, []string{"a2.txt"}},
				{"Varsano", []string{"Varsano"}, []string{"a3.txt"}},
				{"Eli Varsano", []string{"Eli Varsano"}, []string{"a4.txt"}},
			},
		},
		{
			name:     "given name after a title, then the full name",
			articles: [][]forms{{{"Sheikh Tamim"}}, {{"Tamim bin Hamad Al-Thani"}}},
			want:     []wantPerson{{"Tamim bin Hamad Al-Thani", []string{"Sheikh Tamim", "Tamim bin Hamad Al-Thani"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "full name, then the given name after a title",
			articles: [][]forms{{{"Tamim bin Hamad Al-Thani"}}, {{"Sheikh Tamim"}}},
			want:     []wantPerson{{"Tamim bin Hamad Al-Thani", []string{"Sheikh Tamim", "Tamim bin Hamad Al-Thani"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			name:     "father and son in separate articles",
			articles: [][]forms{{{"Robert Kline Sr."}}, {{"Robert Kline Jr."}}},
			want: []wantPerson{
				{"Robert Kline Sr.", []string{"Robert Kline Sr."}, []string{"a1.txt"}},
				{"Robert Kline Jr.", []string{"Robert Kline Jr."}, []string{"a2.txt"}},
			},
		},
		{
			name:     "father and son in one article, then each again",
			articles: [][]forms{{{"Robert Kline Jr."}, {"Robert Kline Sr."}}, {{"Robert Kline Sr."}}, {{"Robert Kline Jr."}}},
			want: []wantPerson{
				{"Robert Kline Jr.", []string{"Robert Kline Jr."}, []string{"a1.txt", "a3.txt"}},
				{"Robert Kline Sr.", []string{"Robert Kline Sr."}, []string{"a1.txt", "a2.txt"}},
			},
		},
		{
			name:     "father and son by surname and suffix",
			articles: [][]forms{{{"Kline Jr."}}, {{"Kline Sr."}}},
			want: []wantPerson{
				{"Kline Jr.", []string{"Kline Jr."}, []string{"a1.txt"}},
				{"Kline Sr.", []string{"Kline Sr."}, []string{"a2.txt"}},
			},
		},
		{
			name:     "different given names, same surname and initial letter",
			articles: [][]forms{{{"David Barnea"}}, {{"Daniel Barnea"}}},
			want: []wantPerson{
				{"David Barnea", []string{"David Barnea"}, []string{"a1.txt"}},
				{"Daniel Barnea", []string{"Daniel Barnea"}, []string{"a2.txt"}},
			},
		},
		{
			name:     "case and diacritics do not make a new person",
			articles: [][]forms{{{"José Pérez"}}, {{"JOSE PEREZ"}}, {{"Jose Perez"}}},
			want:     []wantPerson{{"José Pérez", []string{"José Pérez"}, []string{"a1.txt", "a2.txt", "a3.txt"}}},
		},
		{
			name:     "particle written with a hyphen or a space",
			articles: [][]forms{{{"Mohammed Al-Thani"}}, {{"Mohammed al Thani"}}},
			want:     []wantPerson{{"Mohammed Al-Thani", []string{"Mohammed Al-Thani"}, []string{"a1.txt", "a2.txt"}}},
		},
		{
			// An article's forms that are not all compatible by rule (the
			// extractor joined them on context) must not leave a person
			// that the next article cannot find: each would split anew.
			name: "forms not compatible with each other, again and again",
			articles: [][]forms{
				{{"Natalia Gorbunova", "Natasha Gorbunova", "Nataliya Gorbunova"}},
				{{"Natalia Gorbunova", "Natasha Gorbunova", "Nataliya Gorbunova"}},
				{{"Natalia Gorbunova", "Gorbunova"}},
				{{"Natalia Gorbunova"}},
			},
			want: []wantPerson{{"Natalia Gorbunova", []string{"Natalia Gorbunova", "Natasha Gorbunova", "Nataliya Gorbunova", "Gorbunova"},
				[]string{"a1.txt", "a2.txt", "a3.txt", "a4.txt"}}},
		},
		{
			name:     "family name first, then alone",
			articles: [][]forms{{{"Huang Jianguo", "Huang"}}, {{"Huang Jianguo", "Huang"}}, {{"Jianguo Huang"}}},
			want:     []wantPerson{{"Huang Jianguo", []string{"Huang Jianguo", "Huang", "Jianguo Huang"}, []string{"a1.txt", "a2.txt", "a3.txt"}}},
		},
		{
			name:     "the same full name with different middle initials stays apart",
			articles: [][]forms{{{"William J. Burns", "William Burns"}}, {{"William H. Burns", "William Burns"}}},
			want: []wantPerson{
				{"William J. Burns", []string{"William J. Burns", "William Burns"}, []string{"a1.txt"}},
				{"William H. Burns", []string{"William H. Burns", "William Burns"}, []string{"a2.txt"}},
			},
		},
		{
			name:     "similar surnames are not spellings of one name",
			articles: [][]forms{{{"William Burns"}}, {{"William Barnes"}}},
			want: []wantPerson{
				{"William Burns", []string{"William Burns"}, []string{"a1.txt"}},
				{"William Barnes", []string{"William Barnes"}, []string{"a2.txt"}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			ingestHand(t, db, articlesOf(tc.articles...)...)
			exp := exportOf(t, db)
			if len(exp.People) != len(tc.want) {
				t.Errorf("%d people %q, want %d", len(exp.People), exportNames(exp), len(tc.want))
			}
			checkPeople(t, exp, tc.want)
		})
	}
}

// TestResolveAmbiguousSurnameTwice: a surname alone that fits two stored
// people is kept apart from both; when it turns up again it is the same
// unresolved name, not yet another person of that name.
func TestResolveAmbiguousSurnameTwice(t *testing.T) {
	db := openTestDB(t)
	ingestHand(t, db, articlesOf(
		[][]string{{"Noam Varsano"}},
		[][]string{{"Dana Varsano"}},
		[][]string{{"Varsano"}},
		[][]string{{"Varsano"}},
	)...)
	exp := exportOf(t, db)
	if len(exp.People) != 3 {
		t.Errorf("people %q, want Noam Varsano, Dana Varsano and one Varsano", exportNames(exp))
	}
	lone := exportPerson(t, exp, "Varsano")
	if want := []string{"a3.txt", "a4.txt"}; !slices.Equal(sortedCopy(lone.Sources), want) {
		t.Errorf("Varsano sources %q, want %q", lone.Sources, want)
	}
	for _, full := range []string{"Noam Varsano", "Dana Varsano"} {
		if p := exportPerson(t, exp, full); len(p.Sources) != 1 {
			t.Errorf("%s took in a lone Varsano: sources %q", full, p.Sources)
		}
	}
}

// TestResolveThroughQueries checks resolution through the read side:
// PeopleByKeys finds the merged person by any form, Person lists every
// form, article and date.
func TestResolveThroughQueries(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	ingestHand(t, db,
		handArticle{source: "a1.txt", published: "2024-03-01", entities: []briefing.ExtractedEntity{person("William Burns"), person("Noam Varsano")}},
		handArticle{source: "a2.txt", published: "2024-03-05", entities: []briefing.ExtractedEntity{person("Bill Burns", "Burns"), person("Dana Varsano")}},
		handArticle{source: "a3.txt", entities: []briefing.ExtractedEntity{person("Burns")}},
	)
	m := names.NewMatcher(testLexicon(t))
	burnsID := personID(t, db, "William Burns")
	for _, query := range []string{"burns", "Bill Burns", "william burns", "BURNS"} {
		cands, err := db.PeopleByKeys(ctx, m.Keys(names.Parse(query)))
		if err != nil {
			t.Fatalf("PeopleByKeys(%q): %v", query, err)
		}
		var ids []int64
		for _, c := range cands {
			ids = append(ids, c.ID)
		}
		if !slices.Contains(ids, burnsID) {
			t.Errorf("PeopleByKeys(keys of %q) = %v, want William Burns (%d) among them", query, cands, burnsID)
		}
		for _, c := range cands {
			if c.ID == burnsID && !slices.Equal(sortedCopy(c.Aliases), []string{"Bill Burns", "Burns", "William Burns"}) {
				t.Errorf("candidate aliases %q", c.Aliases)
			}
		}
	}
	cands, err := db.PeopleByKeys(ctx, m.Keys(names.Parse("varsano")))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cands {
		got = append(got, c.Name)
	}
	if want := []string{"Dana Varsano", "Noam Varsano"}; !slices.Equal(sortedCopy(got), want) {
		t.Errorf("PeopleByKeys(varsano) = %q, want %q", got, want)
	}
	if cands, err := db.PeopleByKeys(ctx, nil); err != nil || len(cands) != 0 {
		t.Errorf("PeopleByKeys(nil) = %v, %v; want nothing", cands, err)
	}

	p, err := db.Person(ctx, burnsID)
	if err != nil {
		t.Fatalf("Person: %v", err)
	}
	if p.Name != "William Burns" || !slices.Equal(sortedCopy(p.Aliases), []string{"Bill Burns", "Burns", "William Burns"}) {
		t.Errorf("Person = %q with aliases %q", p.Name, p.Aliases)
	}
	var docs []string
	for _, d := range p.Documents {
		docs = append(docs, d.Source)
	}
	// Dated articles oldest first, undated last.
	if want := []string{"a1.txt", "a2.txt", "a3.txt"}; !slices.Equal(docs, want) {
		t.Errorf("Person documents %q, want %q", docs, want)
	}
	if p.FirstSeen.String() != "2024-03-01" || p.LastSeen.String() != "2024-03-05" {
		t.Errorf("first/last seen %s/%s, want 2024-03-01/2024-03-05", p.FirstSeen, p.LastSeen)
	}
	if p.Mentions != 4 {
		t.Errorf("mentions %d, want 4 (one per written form per article)", p.Mentions)
	}
	if _, err := db.Person(ctx, 987654); err == nil {
		t.Error("Person of a missing id succeeded")
	}
}

// TestResolveSurnameRecordsFollowFullName: when a full name joins a
// person known only by surname, that person's roles, quotes, meetings and
// articles are the full name's.
func TestResolveSurnameRecordsFollowFullName(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	lone := person("Netanyahu")
	lone.Roles = []string{"Prime Minister"}
	lone.Gender = briefing.Male
	ingestHand(t, db,
		handArticle{source: "a1.txt", published: "2024-03-10",
			entities: []briefing.ExtractedEntity{lone, person("Antony Blinken", "Blinken"), place("Jerusalem", "Israel")},
			quotes:   []briefing.ExtractedQuote{{Speaker: 0, Text: "We will finish the job.", Verb: "said", Sentence: 0}},
			meetings: []briefing.ExtractedMeeting{{Kind: briefing.InPerson, Participants: []int{0, 1}, Place: 2, Status: briefing.Held, Sentences: []int{1}}},
		},
		handArticle{source: "a2.txt", published: "2024-03-12", entities: []briefing.ExtractedEntity{person("Benjamin Netanyahu")}},
	)
	exp := exportOf(t, db)
	if len(exp.People) != 2 {
		t.Fatalf("people %q, want Antony Blinken and Benjamin Netanyahu", exportNames(exp))
	}
	bn := exportPerson(t, exp, "Benjamin Netanyahu")
	if !slices.Equal(bn.Roles, []string{"Prime Minister"}) {
		t.Errorf("roles %q, want the lone surname's role", bn.Roles)
	}
	id := personID(t, db, "Benjamin Netanyahu")
	p, err := db.Person(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if p.Gender != briefing.Male || p.Mentions != 2 || len(p.Documents) != 2 {
		t.Errorf("merged person: gender %q, mentions %d, %d documents; want m, 2, 2", p.Gender, p.Mentions, len(p.Documents))
	}
	qs, err := db.Quotes(ctx, id, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 1 || qs[0].Text != "We will finish the job." || qs[0].Speaker == nil || qs[0].Speaker.Name != "Benjamin Netanyahu" {
		t.Errorf("quotes of the merged person: %+v", qs)
	}
	ms, err := db.Meetings(ctx, id, personID(t, db, "Antony Blinken"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || len(ms[0].Participants) != 2 || len(ms[0].Sources) != 1 || len(ms[0].Sources[0].Participants) != 2 {
		t.Fatalf("meetings of the merged person with Blinken: %+v", ms)
	}
	var who []string
	for _, pr := range ms[0].Participants {
		who = append(who, pr.Name)
	}
	if want := []string{"Antony Blinken", "Benjamin Netanyahu"}; !slices.Equal(sortedCopy(who), want) {
		t.Errorf("meeting participants %q, want %q", who, want)
	}
}

// TestResolveSeedCorpus checks the people of the sample corpus against
// its gold cross-article annotations.
func TestResolveSeedCorpus(t *testing.T) {
	db := seedDB(t)
	exp := exportOf(t, db)
	tests := []wantPerson{
		{"William Burns", []string{"William Burns", "Bill Burns", "Burns"}, []string{seed000, seed002, seed003, seed004}},
		{"Abbas Kamel", []string{"Abbas Kamel", "Abbas Kamal"}, []string{seed000, seed003}},
		{"Mohammed bin Abdulrahman Al-Thani", []string{"Mohammed bin Abdulrahman Al-Thani", "Mohammed Al-Thani"}, []string{seed000, seed002, seed003}},
		{"Mohammed Bin Salman", []string{"Mohammed Bin Salman"}, []string{seed003}},
		{"Benjamin Netanyahu", []string{"Benjamin Netanyahu", "Netanyahu"}, []string{seed000, seed001, seed003}},
		{"David Barnea", []string{"David Barnea", "Barnea"}, []string{seed000, seed001, seed002, seed003}},
	}
	for _, w := range tests {
		p := exportPerson(t, exp, w.name)
		for _, a := range w.aliases {
			if !slices.Contains(p.Aliases, a) {
				t.Errorf("%s: aliases %q lack %q", w.name, p.Aliases, a)
			}
		}
		if got, want := sortedCopy(p.Sources), sortedCopy(w.sources); !slices.Equal(got, want) {
			t.Errorf("%s: sources %q, want %q", w.name, got, want)
		}
	}
	for _, name := range exportNames(exp) {
		for _, other := range []string{"Bill Burns", "Abbas Kamal", "Mohammed Al-Thani", "Netanyahu", "Barnea", "Burns", "Blinken"} {
			if name == other {
				t.Errorf("%q is a person of its own, not merged", name)
			}
		}
	}
}

// TestResolutionKeepsRecordsConsistent ingests articles whose people
// resolve (and, on some paths, merge) in different ways, each person with
// a role, a quote and a meeting, and checks invariants that hold whatever
// resolution decides: no quote loses its speaker, mention counts add up,
// every meeting keeps its reported participants, every written form of a
// name finds its person.
func TestResolutionKeepsRecordsConsistent(t *testing.T) {
	type forms = []string
	tests := []struct {
		name     string
		articles [][]forms
	}{
		{"surname, then full name", [][]forms{{{"Varsano"}}, {{"Noam Varsano"}}}},
		{"ambiguous surnames, then a third full name", [][]forms{
			{{"Noam Varsano"}}, {{"Dana Varsano"}}, {{"Varsano"}}, {{"Varsano"}}, {{"Eli Varsano"}},
		}},
		{"ambiguous surname, then one of the full names again", [][]forms{
			{{"Noam Varsano"}}, {{"Dana Varsano"}}, {{"Varsano"}}, {{"Noam Varsano", "Varsano"}},
		}},
		{"nickname, transliteration, surname", [][]forms{
			{{"Bill Burns"}}, {{"Burns"}}, {{"William J. Burns", "Burns"}}, {{"Abbas Kamal"}}, {{"Abbas Kamel", "Kamel"}},
		}},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := openTestDB(t)
			totalMentions, totalQuotes := 0, 0
			type reportKey struct {
				source string
				people int
			}
			var reports []reportKey
			for i, people := range tc.articles {
				h := handArticle{source: fmt.Sprintf("a%d.txt", i+1), published: fmt.Sprintf("2024-03-%02d", i+1)}
				for _, f := range people {
					e := person(f...)
					e.Roles = []string{"Envoy"}
					h.entities = append(h.entities, e)
					totalMentions += len(f)
				}
				// Everyone is quoted and meets a counterpart of their own.
				local := len(h.entities)
				for j := 0; j < local; j++ {
					h.quotes = append(h.quotes, briefing.ExtractedQuote{Speaker: j, Text: fmt.Sprintf("Quote %d of %s.", j, h.source), Verb: "said", Sentence: j})
					totalQuotes++
				}
				cp := person(fmt.Sprintf("Counterpart%c Zyx%c", 'A'+i, 'a'+i))
				h.entities = append(h.entities, cp)
				totalMentions++
				h.meetings = []briefing.ExtractedMeeting{{Kind: briefing.InPerson, Participants: []int{0, local}, Place: -1, Status: briefing.Held, Sentences: []int{0}}}
				reports = append(reports, reportKey{h.source, 2})
				ingestHand(t, db, h)
			}

			var n int
			if err := db.sql.QueryRow(`SELECT COUNT(*) FROM quotes WHERE speaker_id IS NULL`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d quotes lost their speaker", n)
			}
			if n := countRows(t, db, "quotes"); n != totalQuotes {
				t.Errorf("%d quotes stored, want %d", n, totalQuotes)
			}
			if err := db.sql.QueryRow(`SELECT COALESCE(SUM(mentions), 0) FROM entities WHERE kind = 'person'`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != totalMentions {
				t.Errorf("people have %d mentions in all, want %d", n, totalMentions)
			}
			if err := db.sql.QueryRow(`SELECT COUNT(*) FROM entities e WHERE e.mentions <>
				(SELECT COALESCE(SUM(mentions), 0) FROM entity_documents WHERE entity_id = e.id)`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d entities whose mention count disagrees with their articles", n)
			}
			for _, r := range reports {
				if err := db.sql.QueryRow(`SELECT COUNT(*) FROM meeting_source_parties p JOIN documents d ON d.id = p.document_id
					WHERE d.source = ?`, r.source).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != r.people {
					t.Errorf("report in %s has %d participants, want %d", r.source, n, r.people)
				}
			}
			if err := db.sql.QueryRow(`SELECT COUNT(*) FROM meetings m WHERE
				(SELECT COUNT(*) FROM meeting_participants WHERE meeting_id = m.id) < 2`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d meetings with fewer than two participants", n)
			}
			exp := exportOf(t, db)
			for _, p := range exp.People {
				if !slices.Contains(p.Roles, "Envoy") && !strings.HasPrefix(p.Name, "Counterpart") {
					t.Errorf("%s lost the role: %q", p.Name, p.Roles)
				}
				id := personID(t, db, p.Name)
				for _, a := range p.Aliases {
					for _, w := range strings.Fields(strings.ToLower(a)) {
						w = strings.Trim(w, ".")
						cands, err := db.PeopleByPrefix(ctx, w, 1000)
						if err != nil {
							t.Fatal(err)
						}
						if !slices.ContainsFunc(cands, func(c briefing.PersonCandidate) bool { return c.ID == id }) {
							t.Errorf("PeopleByPrefix(%q) does not find %s", w, p.Name)
						}
					}
				}
				ms, err := db.Meetings(ctx, id, 0)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(p.Name, "Counterpart") && len(ms) != len(p.Sources) {
					t.Errorf("%s: %d meetings, want one per article (%d)", p.Name, len(ms), len(p.Sources))
				}
			}
		})
	}
}
