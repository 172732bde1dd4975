-- The search index gains a segment with each batch of articles. Merge
-- them sixteen at a time rather than four: merging four at a time rewrote
-- every indexed sentence once more for each fourfold growth of the corpus
-- (a fifth of ingest time at 100,000 articles). Merge them step by step
-- with the batches that follow, never all at once: with the "crisis"
-- merge at its default of sixteen, a whole level was merged inside one
-- commit, which stalled ingestion for up to two seconds. Queries read at
-- most sixteen segments per level, a few levels in all.
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('automerge', 16);
INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('crisismerge', 64);
