-- Merge the search index's segments sixteen at a time rather than four:
-- each batch of articles adds a segment, and merging four at a time
-- rewrote every indexed sentence once more for each fourfold growth of
-- the corpus (a fifth of ingest time at 100,000 articles). Queries read
-- at most fifteen segments per level, a few levels in all.
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 16);
