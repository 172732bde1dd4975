// Package sources brings articles in from the web: RSS and Atom feeds,
// polled on their schedule with conditional requests and backoff, and
// single article pages. It fetches with sources/web (polite, size-limited
// and guarded against private addresses), reads feeds with sources/feed,
// extracts article text with sources/page, and hands the articles to the
// ingest pipeline. Each feed item is read once: by its GUID in its feed,
// then by its canonical URL in any feed or in the corpus, then by the
// corpus's content hash.
package sources
