-- Digests: where each channel's briefings stand, the schedules of the
-- subscribed channels, every posting (run) with what it said, and the facts
-- a channel was told. Times are RFC 3339 in UTC with nine fractional digits
-- (fixed width, so that they sort as text and round-trip exactly).

-- Where a channel's digests stand: the corpus position the last posted
-- digest covered and when it was posted.
CREATE TABLE digest_channels (
    channel     TEXT PRIMARY KEY,
    cursor      INTEGER NOT NULL DEFAULT 0,  -- the last document id a posted digest covered
    last_posted TEXT                         -- when the last digest was posted
);

-- A channel's digest schedule; paused when the bot could no longer post
-- there, until the channel subscribes again.
CREATE TABLE digest_subscriptions (
    channel       TEXT PRIMARY KEY,
    guild         TEXT NOT NULL DEFAULT '',  -- the server, '' for none
    schedule      TEXT NOT NULL,             -- a cron spec or descriptor, as given
    timezone      TEXT NOT NULL,             -- IANA name
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    paused_at     TEXT,                      -- NULL while active
    paused_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX digest_subscriptions_guild ON digest_subscriptions(guild);

-- One posting of a channel's digest, keyed by (channel, scheduled_for):
-- recorded before anything is posted, so that it is posted exactly once
-- across restarts.
CREATE TABLE digest_runs (
    id            INTEGER PRIMARY KEY,
    channel       TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,             -- the run's key with channel
    manual        INTEGER NOT NULL DEFAULT 0, -- asked for, not scheduled
    state         TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    digest        TEXT NOT NULL,             -- the digest as JSON: what was said
    message_ids   TEXT NOT NULL DEFAULT '[]', -- JSON array of the posted parts' message ids, in part order
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt  TEXT,                      -- when to try again; NULL when not set
    last_error    TEXT NOT NULL DEFAULT '',
    started_at    TEXT NOT NULL,
    finished_at   TEXT,                      -- when done or given up
    UNIQUE (channel, scheduled_for)
);
-- The runs still to post.
CREATE INDEX digest_runs_unfinished ON digest_runs(scheduled_for) WHERE state = 'pending';
-- A channel's latest scheduled run.
CREATE INDEX digest_runs_channel ON digest_runs(channel, manual, scheduled_for);

-- What a channel's posted digests said, so that later ones do not repeat it;
-- run_id is the run that first said it.
CREATE TABLE digest_facts (
    channel TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    text    TEXT NOT NULL,
    run_id  INTEGER NOT NULL REFERENCES digest_runs(id) ON DELETE CASCADE,
    PRIMARY KEY (channel, kind, key)
) WITHOUT ROWID;
CREATE INDEX digest_facts_run ON digest_facts(run_id);
