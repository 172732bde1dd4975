package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"briefbot/briefing"
)

// Export returns the whole parsed corpus (see briefing.Export). Lists are
// in a stable order: documents by source, people and things by name,
// quotes and meetings by their first article.
func (db *DB) Export(ctx context.Context) (briefing.Export, error) {
	var ex briefing.Export
	steps := []func(context.Context, *briefing.Export) error{db.exportDocuments, db.exportEntities, db.exportQuotes, db.exportMeetings, db.exportFigures}
	for _, step := range steps {
		if err := step(ctx, &ex); err != nil {
			return ex, fmt.Errorf("export: %w", err)
		}
	}
	return ex, nil
}

func (db *DB) exportDocuments(ctx context.Context, ex *briefing.Export) error {
	docs, err := db.documents(ctx, `SELECT `+docColumns+` FROM documents d ORDER BY d.source, d.id`)
	if err != nil {
		return err
	}
	ex.Documents = make([]briefing.ExportDocument, 0, len(docs))
	for _, d := range docs {
		e := briefing.ExportDocument{Source: d.Source, Title: d.Title, Published: d.Published, Outlet: d.Outlet}
		if d.URL != "" {
			u := d.URL
			e.URL = &u
		}
		ex.Documents = append(ex.Documents, e)
	}
	return nil
}

func (db *DB) exportEntities(ctx context.Context, ex *briefing.Export) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT e.id, e.kind, e.name, e.country,
		(SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM aliases WHERE entity_id = e.id ORDER BY first_doc, alias)),
		(SELECT group_concat(role, char(31)) FROM (SELECT role FROM roles WHERE entity_id = e.id ORDER BY uses DESC, first_doc, role)),
		(SELECT group_concat(org, char(31)) FROM (SELECT org FROM affiliations WHERE entity_id = e.id ORDER BY uses DESC, org)),
		(SELECT group_concat(source, char(31)) FROM (SELECT d.source FROM entity_documents ed JOIN documents d ON d.id = ed.document_id
			WHERE ed.entity_id = e.id ORDER BY d.source))
		FROM entities e ORDER BY e.kind, e.name, e.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	ex.People, ex.Organizations, ex.Places = []briefing.ExportPerson{}, []briefing.ExportThing{}, []briefing.ExportThing{}
	for rows.Next() {
		var id int64
		var kind, name, country string
		var aliases, roles, orgs, sources sql.NullString
		if err := rows.Scan(&id, &kind, &name, &country, &aliases, &roles, &orgs, &sources); err != nil {
			return err
		}
		switch briefing.EntityKind(kind) {
		case briefing.KindPerson:
			ex.People = append(ex.People, briefing.ExportPerson{Name: name, Aliases: split31(aliases), Roles: split31(roles),
				Organizations: split31(orgs), Sources: split31(sources)})
		case briefing.KindOrganization:
			ex.Organizations = append(ex.Organizations, briefing.ExportThing{Name: name, Aliases: split31(aliases), Sources: split31(sources)})
		case briefing.KindPlace:
			ex.Places = append(ex.Places, briefing.ExportThing{Name: name, Country: country, Sources: split31(sources)})
		}
	}
	return rows.Err()
}

// split31 splits a group_concat made with the unit separator.
func split31(s sql.NullString) []string {
	if !s.Valid || s.String == "" {
		return []string{}
	}
	return strings.Split(s.String, "\x1f")
}

func (db *DB) exportQuotes(ctx context.Context, ex *briefing.Export) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT e.name, q.text, d.source, q.partial, q.verb FROM quotes q
		JOIN documents d ON d.id = q.document_id LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY d.source, q.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	ex.Quotes = []briefing.ExportQuote{}
	for rows.Next() {
		var q briefing.ExportQuote
		var speaker sql.NullString
		if err := rows.Scan(&speaker, &q.Text, &q.Source, &q.Partial, &q.Verb); err != nil {
			return err
		}
		if speaker.Valid {
			q.Speaker = &speaker.String
		}
		ex.Quotes = append(ex.Quotes, q)
	}
	return rows.Err()
}

func (db *DB) exportMeetings(ctx context.Context, ex *briefing.Export) error {
	ids, err := db.ids(ctx, `SELECT m.id FROM meetings m ORDER BY (SELECT MIN(d.source) FROM meeting_sources s
		JOIN documents d ON d.id = s.document_id WHERE s.meeting_id = m.id), m.id`)
	if err != nil {
		return err
	}
	ex.Meetings, ex.Calls = []briefing.ExportMeeting{}, []briefing.ExportMeeting{}
	ms, err := db.meetingsInOrder(ctx, ids)
	if err != nil {
		return err
	}
	for _, m := range ms {
		em := briefing.ExportMeeting{Participants: []string{}, Organizations: append([]string{}, m.Parties...), Groups: m.Groups,
			Date: m.Date, DateInferred: m.DateInferred, Status: m.Status, Place: optional(m.Place), When: optional(m.When)}
		for _, p := range m.Participants {
			em.Participants = append(em.Participants, p.Name)
		}
		for _, s := range m.Sources {
			em.Sources = append(em.Sources, s.Source)
			r := briefing.ExportReport{Source: s.Source, Place: optional(s.Place), Date: s.Date, When: optional(s.When),
				Status: s.Status, Participants: []string{}, Organizations: append([]string{}, s.Parties...)}
			for _, p := range s.Participants {
				r.Participants = append(r.Participants, p.Name)
			}
			em.Reports = append(em.Reports, r)
		}
		if m.Kind == briefing.Call {
			ex.Calls = append(ex.Calls, em)
		} else {
			ex.Meetings = append(ex.Meetings, em)
		}
	}
	return nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (db *DB) exportFigures(ctx context.Context, ex *briefing.Export) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT f.text, f.value, f.of_total, f.unit, d.source FROM figures f
		JOIN documents d ON d.id = f.document_id ORDER BY d.source, f.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	ex.Figures = []briefing.ExportFigure{}
	for rows.Next() {
		var f briefing.ExportFigure
		if err := rows.Scan(&f.Text, &f.Value, &f.Of, &f.Unit, &f.Source); err != nil {
			return err
		}
		ex.Figures = append(ex.Figures, f)
	}
	return rows.Err()
}
