-- Live sources: the feeds the corpus reads and where their polling stands,
-- the items each feed has given (so that each is read once), and the files
-- of the watched folder already ingested. Times as in 002.

CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL DEFAULT '',
    every_seconds INTEGER NOT NULL,
    polled        INTEGER NOT NULL DEFAULT 1,  -- 0: read once by ingest, not on a schedule
    origin        TEXT NOT NULL DEFAULT '',    -- config, cli, discord:<user id>
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    next_check    TEXT NOT NULL,
    last_check    TEXT,
    last_success  TEXT,
    errors        INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row
    last_error    TEXT NOT NULL DEFAULT '',
    articles      INTEGER NOT NULL DEFAULT 0,  -- articles it added
    added_at      TEXT NOT NULL
);
CREATE INDEX feeds_due ON feeds(polled, next_check);

-- An item a feed gave: by its GUID within the feed; url is its canonical
-- address, document_id what it became (NULL when it could not be used,
-- with the reason in error).
CREATE TABLE feed_items (
    feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid        TEXT NOT NULL,
    url         TEXT NOT NULL DEFAULT '',
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    error       TEXT NOT NULL DEFAULT '',
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (feed_id, guid)
);
CREATE INDEX feed_items_url ON feed_items(url) WHERE url <> '';

-- A file of the watched folder, by its path under the folder, size and
-- modification time: a new version of a file is ingested again.
CREATE TABLE watched_files (
    name        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mod_time    TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (name, size, mod_time)
);
