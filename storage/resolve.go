package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/fold"
	"briefbot/briefing/names"
)

// personCand is a stored person that a new name may belong to.
type personCand struct {
	id    int64
	forms []nameForm
}

func (c personCand) hasFull() bool {
	return slices.ContainsFunc(c.forms, func(f nameForm) bool { return f.name.Full() })
}

// resolvePerson finds the stored person an article's person is, or
// creates one. A full name joins the one stored person none of whose
// names contradicts it (nickname, transliteration, short form); when
// several fit, an identical written form decides, else it stays apart
// rather than guess. A lone surname joins the one stored person with that
// surname. When a full name arrives, people known so far only by that
// surname join it, if it is the only full name that fits them.
func (in *ingestTx) resolvePerson(e briefing.ExtractedEntity) (int64, error) {
	m := in.db.names
	var all, full []names.Name
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if n := names.Parse(a); n.Surname != "" {
			all = append(all, n)
			if n.Full() {
				full = append(full, n)
			}
		}
	}
	if len(all) == 0 {
		return in.newEntity(briefing.KindPerson, e.Name, string(e.Gender), "")
	}
	cands, err := in.personCandidates(all)
	if err != nil {
		return 0, err
	}
	// A candidate fits when none of its names contradicts any of ours (two
	// short forms, "Starmer" and "Sir Keir", are each checked against the
	// full names, not against each other).
	fits := func(c personCand, names []names.Name) bool {
		for _, f := range c.forms {
			for _, n := range names {
				if f.name.Single() && n.Single() && !f.name.Full() && !n.Full() && (c.hasFull() || len(full) > 0) {
					continue
				}
				if !m.Compatible(f.name, n) {
					return false
				}
			}
		}
		return true
	}
	var fullFits, loneFits []personCand
	for _, c := range cands {
		switch {
		case !fits(c, all):
		case c.hasFull():
			fullFits = append(fullFits, c)
		default:
			loneFits = append(loneFits, c)
		}
	}
	// fullOwners lists the people named in full that a surname-only person
	// could be; with more than one, the surname is ambiguous.
	fullOwners := func(lone personCand) []int64 {
		var out []int64
		for _, c := range cands {
			if c.hasFull() && fits(c, formNames(lone.forms)) {
				out = append(out, c.id)
			}
		}
		return out
	}
	// An identical full written form decides first, unless a middle name
	// or suffix tells the two apart ("George W. Bush", "George H. W.
	// Bush"): the forms a person gathered from articles may not all be
	// compatible with each other by rule (nicknames, transliterations,
	// family-name-first order), and a person no article can find again
	// would be split anew by every article that names them.
	id := exactMatch(slices.DeleteFunc(slices.Clone(cands), func(c personCand) bool { return in.namesDiffer(c, full) }), all)
	switch {
	case id != 0:
	case len(fullFits) == 1:
		id = fullFits[0].id
	case len(full) == 0 && len(loneFits) > 0:
		// A surname alone joins the surname-only person standing for it,
		// however many named in full it could be.
		id = loneFits[0].id
	case len(fullFits) > 1:
		// Several people fit and no identical form (above) tells which: a
		// full name stays apart.
	default:
		// A new full name takes over the surname-only person it fits, when
		// no one else named in full could be that person.
		for _, c := range loneFits {
			if len(fullOwners(c)) == 0 {
				id = c.id
				break
			}
		}
	}
	if id == 0 {
		if id, err = in.newEntity(briefing.KindPerson, e.Name, string(e.Gender), ""); err != nil {
			return 0, err
		}
	}
	// A full name absorbs the surname-only people it fits when no one else
	// named in full could be them.
	if len(full) > 0 {
		for _, c := range loneFits {
			owners := fullOwners(c)
			if c.id != id && (len(owners) == 0 || len(owners) == 1 && owners[0] == id) {
				if err := in.mergeEntity(c.id, id); err != nil {
					return 0, err
				}
			}
		}
	}
	if p := in.idx.people[id]; e.Gender != "" && p != nil && p.gender == "" {
		if _, err := in.t.exec(`UPDATE entities SET gender = ? WHERE id = ? AND gender = ''`, string(e.Gender), id); err != nil {
			return 0, err
		}
		p.gender = string(e.Gender)
	}
	return id, nil
}

// namesDiffer reports whether one of the candidate's full names and one of
// ours have the same given name and surname but different middle names
// or suffixes: two people, whatever else they share.
func (in *ingestTx) namesDiffer(c personCand, full []names.Name) bool {
	m := in.db.names
	for _, f := range c.forms {
		if !f.name.Full() {
			continue
		}
		for _, n := range full {
			if m.SameGiven(f.name.Given, n.Given) && m.SameSpelling(f.name.Surname, n.Surname) && !m.Compatible(f.name, n) {
				return true
			}
		}
	}
	return false
}

func formNames(forms []nameForm) []names.Name {
	out := make([]names.Name, len(forms))
	for i, f := range forms {
		out[i] = f.name
	}
	return out
}

// exactMatch returns the candidate that has one of the full written forms
// exactly (folded), or 0. When several have one, the one sharing the most
// written forms with the article's names wins, then the oldest: people
// holding the same full name and nothing that tells them apart are taken
// for one, since a new person for each further article would split them
// ever more.
func exactMatch(cands []personCand, forms []names.Name) int64 {
	var ours []string
	for _, f := range forms {
		ours = append(ours, fold.Key(f.Display))
	}
	var best int64
	bestShared := 0
	for _, c := range cands { // in id order
		full, shared := false, 0
		for _, a := range c.forms {
			for i, f := range forms {
				if a.norm != ours[i] {
					continue
				}
				shared++
				full = full || f.Full()
			}
		}
		if full && shared > bestShared {
			best, bestShared = c.id, shared
		}
	}
	return best
}

// personCandidates returns the stored people sharing a surname key with
// one of the names, from the name index (loading keys it lacks).
func (in *ingestTx) personCandidates(all []names.Name) ([]personCand, error) {
	var ids []int64
	for _, n := range all {
		keys := []string{n.SurnameKey()}
		if n.Full() {
			keys = append(keys, names.TitleKey(n.Given)) // "Sheikh Tamim" seen before "Tamim … Al-Thani"
		}
		for _, k := range keys {
			if err := in.loadKey(k); err != nil {
				return nil, err
			}
			for _, id := range in.idx.filedUnder(k) {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	slices.Sort(ids)
	out := make([]personCand, 0, len(ids))
	for _, id := range ids {
		if p := in.idx.people[id]; p != nil {
			out = append(out, personCand{id: id, forms: p.forms})
		}
	}
	return out, nil
}

// loadKey fills the name index with the people filed under key.
func (in *ingestTx) loadKey(key string) error {
	if _, ok := in.idx.byKey[key]; ok {
		return nil
	}
	rows, err := in.t.query(`SELECT k.entity_id, a.norm, a.alias, a.first_doc, e.name, e.gender FROM name_keys k
		JOIN entities e ON e.id = k.entity_id JOIN aliases a ON a.entity_id = k.entity_id
		WHERE k.key = ? AND e.kind = 'person'`, key)
	if err != nil {
		return fmt.Errorf("load name key: %w", err)
	}
	defer rows.Close()
	ids := []int64{}
	fresh := map[int64]bool{}
	for rows.Next() {
		var id, first int64
		var norm, alias, canonical, gender string
		if err := rows.Scan(&id, &norm, &alias, &first, &canonical, &gender); err != nil {
			return err
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
		p := in.idx.people[id]
		if p == nil {
			p = &personForms{canonical: canonical, gender: gender}
			in.idx.people[id] = p
			fresh[id] = true
		}
		if fresh[id] {
			p.forms = append(p.forms, nameForm{norm: norm, name: names.Parse(alias), first: first})
			in.idx.size++
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	in.idx.byKey[key] = ids
	return nil
}

// ensurePerson loads a person's forms into the index when it lacks them.
func (in *ingestTx) ensurePerson(id int64) error {
	if in.idx.people[id] != nil {
		return nil
	}
	rows, err := in.t.query(`SELECT a.norm, a.alias, a.first_doc, e.name, e.gender FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.entity_id = ?`, id)
	if err != nil {
		return fmt.Errorf("load person %d: %w", id, err)
	}
	defer rows.Close()
	p := &personForms{}
	for rows.Next() {
		var f nameForm
		var alias string
		if err := rows.Scan(&f.norm, &alias, &f.first, &p.canonical, &p.gender); err != nil {
			return err
		}
		f.name = names.Parse(alias)
		p.forms = append(p.forms, f)
	}
	in.idx.people[id] = p
	in.idx.size += len(p.forms)
	return rows.Err()
}

// resolveThing finds a stored organisation or place by any of its names,
// or creates it.
func (in *ingestTx) resolveThing(e briefing.ExtractedEntity) (int64, error) {
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		norm := fold.Key(a)
		if id, ok := in.idx.things[thingKey(string(e.Kind), norm)]; ok {
			return id, nil
		}
		var id int64
		err := in.t.queryRow(`SELECT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
			WHERE a.norm = ? AND e.kind = ? LIMIT 1`, norm, string(e.Kind)).Scan(&id)
		switch {
		case err == nil:
			if e.Country != "" {
				if _, err := in.t.exec(`UPDATE entities SET country = ? WHERE id = ? AND country = ''`, e.Country, id); err != nil {
					return 0, err
				}
			}
			in.idx.things[thingKey(string(e.Kind), norm)] = id
			return id, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, err
		}
	}
	return in.newEntity(e.Kind, e.Name, "", e.Country)
}

func (in *ingestTx) newEntity(kind briefing.EntityKind, name, gender, country string) (int64, error) {
	// Numbered above any id merged away while the writer's index
	// remembers it (see nameIndex.highestMerged).
	id, err := in.t.insert(`INSERT INTO entities(id, kind, name, gender, country)
		SELECT MAX(COALESCE(MAX(id), 0), ?) + 1, ?, ?, ?, ? FROM entities`, in.idx.highestMerged, string(kind), name, gender, country)
	if err != nil {
		return 0, fmt.Errorf("new entity: %w", err)
	}
	if kind == briefing.KindPerson {
		in.idx.people[id] = &personForms{canonical: name, gender: gender}
	}
	_, err = in.addAlias(id, kind, name)
	return id, err
}

// addAlias records a written form of an entity's name; a person's new form
// also gets its index keys and words. It reports whether the form was new.
func (in *ingestTx) addAlias(id int64, kind briefing.EntityKind, alias string) (bool, error) {
	norm := fold.Key(alias)
	if norm == "" {
		return false, nil
	}
	if kind != briefing.KindPerson {
		tk := thingKey(string(kind), norm)
		if _, ok := in.idx.things[tk]; ok {
			return false, nil
		}
		if _, err := in.t.exec(`INSERT OR IGNORE INTO aliases(entity_id, norm, alias, first_doc) VALUES (?, ?, ?, ?)`, id, norm, alias, in.docID); err != nil {
			return false, fmt.Errorf("alias %q: %w", alias, err)
		}
		in.idx.things[tk] = id
		return true, nil
	}
	if err := in.ensurePerson(id); err != nil {
		return false, err
	}
	if in.idx.has(id, norm) {
		return false, nil
	}
	if _, err := in.t.exec(`INSERT OR IGNORE INTO aliases(entity_id, norm, alias, first_doc) VALUES (?, ?, ?, ?)`, id, norm, alias, in.docID); err != nil {
		return false, fmt.Errorf("alias %q: %w", alias, err)
	}
	// The index outlives the article: its strings must not point into
	// the article's text, or every article that adds a form stays in
	// memory.
	alias, norm = strings.Clone(alias), strings.Clone(norm)
	n := names.Parse(alias)
	keys := in.db.names.Keys(n)
	for _, k := range keys {
		if _, err := in.t.exec(`INSERT OR IGNORE INTO name_keys(key, entity_id) VALUES (?, ?)`, k, id); err != nil {
			return false, err
		}
	}
	for _, w := range strings.Fields(norm) {
		if _, err := in.t.exec(`INSERT OR IGNORE INTO name_words(word, entity_id) VALUES (?, ?)`, w, id); err != nil {
			return false, err
		}
	}
	in.idx.addForm(id, nameForm{norm: norm, name: n, first: in.docID}, keys)
	return true, nil
}

// updateCanonical sets a person's canonical name to the best written form:
// the most complete name, then a formal given name before a nickname
// (William before Bill), then the first seen.
func (in *ingestTx) updateCanonical(id int64) error {
	if err := in.ensurePerson(id); err != nil {
		return err
	}
	p := in.idx.people[id]
	if len(p.forms) == 0 {
		return nil
	}
	best := slices.MinFunc(p.forms, func(a, b nameForm) int {
		if c := b.name.Complexity()/100 - a.name.Complexity()/100; c != 0 {
			return c
		}
		if na, nb := in.isNickname(a.name), in.isNickname(b.name); na != nb {
			if na {
				return 1
			}
			return -1
		}
		if a.first != b.first {
			if a.first < b.first {
				return -1
			}
			return 1
		}
		return strings.Compare(a.norm, b.norm)
	})
	if best.name.Display == p.canonical {
		return nil
	}
	p.canonical = best.name.Display
	_, err := in.t.exec(`UPDATE entities SET name = ? WHERE id = ?`, best.name.Display, id)
	return err
}

// isNickname reports whether a name's given name is a nickname (Bill).
func (in *ingestTx) isNickname(n names.Name) bool {
	return n.Given != "" && len(in.db.lex.FormalNames(n.Given)) > 0 && len(in.db.lex.Nicknames(n.Given)) == 0
}

// mergeEntity folds person from into person into: names, roles, articles,
// quotes and meetings move over, and from is deleted.
func (in *ingestTx) mergeEntity(from, into int64) error {
	if err := in.ensurePerson(from); err != nil {
		return err
	}
	if err := in.ensurePerson(into); err != nil {
		return err
	}
	stmts := []string{
		`INSERT INTO aliases(entity_id, norm, alias, first_doc) SELECT ?2, norm, alias, first_doc FROM aliases WHERE entity_id = ?1
			ON CONFLICT(entity_id, norm) DO UPDATE SET first_doc = MIN(first_doc, excluded.first_doc)`,
		`INSERT INTO roles(entity_id, norm, role, uses, first_doc) SELECT ?2, norm, role, uses, first_doc FROM roles WHERE entity_id = ?1
			ON CONFLICT(entity_id, norm) DO UPDATE SET uses = uses + excluded.uses, first_doc = MIN(first_doc, excluded.first_doc)`,
		`INSERT INTO affiliations(entity_id, org, uses) SELECT ?2, org, uses FROM affiliations WHERE entity_id = ?1
			ON CONFLICT(entity_id, org) DO UPDATE SET uses = uses + excluded.uses`,
		`INSERT OR IGNORE INTO name_keys(key, entity_id) SELECT key, ?2 FROM name_keys WHERE entity_id = ?1`,
		`INSERT OR IGNORE INTO name_words(word, entity_id) SELECT word, ?2 FROM name_words WHERE entity_id = ?1`,
		`INSERT INTO entity_documents(entity_id, document_id, mentions) SELECT ?2, document_id, mentions FROM entity_documents WHERE entity_id = ?1
			ON CONFLICT(entity_id, document_id) DO UPDATE SET mentions = mentions + excluded.mentions`,
		`UPDATE quotes SET speaker_id = ?2 WHERE speaker_id = ?1`,
		`INSERT OR IGNORE INTO meeting_participants(meeting_id, entity_id) SELECT meeting_id, ?2 FROM meeting_participants WHERE entity_id = ?1`,
		`INSERT OR IGNORE INTO meeting_source_parties(meeting_id, document_id, entity_id) SELECT meeting_id, document_id, ?2 FROM meeting_source_parties WHERE entity_id = ?1`,
		`UPDATE entities SET gender = (SELECT gender FROM entities WHERE id = ?1) WHERE id = ?2 AND gender = ''`,
	}
	for _, q := range stmts {
		if _, err := in.t.exec(q, from, into); err != nil {
			return fmt.Errorf("merge %d into %d: %w", from, into, err)
		}
	}
	if _, err := in.t.exec(`DELETE FROM entities WHERE id = ?`, from); err != nil {
		return fmt.Errorf("merge %d into %d: %w", from, into, err)
	}
	// The mention count follows the articles moved over; the
	// transaction's articles stored so far are in the sum now.
	if _, err := in.t.exec(`UPDATE entities SET mentions = (SELECT COALESCE(SUM(mentions), 0) FROM entity_documents WHERE entity_id = ?1) WHERE id = ?1`, into); err != nil {
		return fmt.Errorf("merge %d into %d: %w", from, into, err)
	}
	delete(in.mentions, from)
	delete(in.mentions, into)
	in.recounted = append(in.recounted, from, into)
	in.idx.merge(from, into)
	for i, id := range in.entities {
		if id == from {
			in.entities[i] = into
		}
	}
	in.db.log.Debug("people merged", "from", from, "into", into)
	return in.updateCanonical(into)
}
