-- The parsed corpus: articles, their sentences (searchable), the people,
-- organisations and places they name, quotes, meetings and figures.

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,             -- file base name, or URL for web articles
    url          TEXT,
    title        TEXT NOT NULL,
    outlet       TEXT,
    published    TEXT,                      -- YYYY-MM-DD, NULL when the article gives none
    content_hash TEXT NOT NULL UNIQUE,
    body         TEXT NOT NULL,
    ingested_at  TEXT NOT NULL              -- RFC 3339, UTC
);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
CREATE INDEX documents_published ON documents(published);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    heading     INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences(document_id, seq);

-- Full-text search over sentences, ranked with bm25.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
-- New sentences are indexed by the writer once per transaction (see
-- storage/ingest.go): FTS5 flushes its pending index at every statement
-- savepoint, so indexing row by row would flush once per article.
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE entities (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place')),
    name    TEXT NOT NULL,                  -- canonical name
    gender  TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',       -- places: the country they lie in
    mentions INTEGER NOT NULL DEFAULT 0     -- sum of entity_documents.mentions
);

-- Every written form of an entity's name.
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    norm      TEXT NOT NULL,                -- folded form
    alias     TEXT NOT NULL,                -- as first written
    first_doc INTEGER NOT NULL,             -- the first article using it
    PRIMARY KEY (entity_id, norm)
) WITHOUT ROWID;
CREATE INDEX aliases_norm ON aliases(norm);

-- Index keys of person names (transliteration skeletons of name words).
CREATE TABLE name_keys (
    key       TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX name_keys_entity ON name_keys(entity_id);

-- Folded name words for prefix lookups (suggestions, autocomplete).
CREATE TABLE name_words (
    word      TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (word, entity_id)
) WITHOUT ROWID;
CREATE INDEX name_words_entity ON name_words(entity_id);

CREATE TABLE roles (
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    norm        TEXT NOT NULL,
    role        TEXT NOT NULL,
    uses        INTEGER NOT NULL DEFAULT 1,
    first_doc   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, norm)
) WITHOUT ROWID;

CREATE TABLE affiliations (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    org       TEXT NOT NULL,
    uses      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (entity_id, org)
) WITHOUT ROWID;

-- Which articles name which entities, and how often.
CREATE TABLE entity_documents (
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (entity_id, document_id)
) WITHOUT ROWID;
CREATE INDEX entity_documents_document ON entity_documents(document_id, entity_id);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    speaker_id  INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    text        TEXT NOT NULL,
    partial     INTEGER NOT NULL,
    verb        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_speaker ON quotes(speaker_id, document_id);
CREATE INDEX quotes_document ON quotes(document_id);


-- A meeting (or call) merged across the articles that report it.
CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('meeting', 'call')),
    status        TEXT NOT NULL CHECK (status IN ('held', 'planned', 'canceled')),
    place_id      INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    date          TEXT,                     -- YYYY-MM-DD when known or inferred
    date_inferred INTEGER NOT NULL DEFAULT 0,
    when_text     TEXT NOT NULL DEFAULT '',
    published     TEXT                      -- earliest publication date of its reports
);
CREATE INDEX meetings_date ON meetings(date);
CREATE INDEX meetings_when ON meetings(kind, COALESCE(date, published));

CREATE TABLE meeting_participants (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_entity ON meeting_participants(entity_id, meeting_id);

CREATE TABLE meeting_groups (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, name)
) WITHOUT ROWID;

-- One article's report of a meeting.
CREATE TABLE meeting_sources (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
    place_id    INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    date        TEXT,
    when_text   TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, document_id)
) WITHOUT ROWID;
CREATE INDEX meeting_sources_document ON meeting_sources(document_id);

-- The people and organisations one article names as taking part.
CREATE TABLE meeting_source_parties (
    meeting_id  INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    entity_id   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, document_id, entity_id),
    FOREIGN KEY (meeting_id, document_id) REFERENCES meeting_sources(meeting_id, document_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX meeting_source_parties_entity ON meeting_source_parties(entity_id);

CREATE TABLE figures (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    value       REAL NOT NULL,
    of_total    REAL NOT NULL DEFAULT 0,
    unit        TEXT NOT NULL
);
CREATE INDEX figures_document ON figures(document_id);
