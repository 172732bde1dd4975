// Package feed reads RSS, Atom and JSON feeds that have already been
// fetched: it lists their items with absolute and canonical links, dates and
// the richest body the feed carries, and says whether that body is the whole
// article or only a summary. It does no network I/O.
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed.
type Feed struct {
	// Title is the feed's title.
	Title string
	// Link is the address of the site the feed belongs to, absolute.
	Link string
	// Items are the feed's entries in document order; entries with neither
	// a link nor any content are left out.
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	// GUID identifies the item: the feed's guid or id, else the link, else
	// a hash of the title and publication time.
	GUID string
	// Link is the item's web address, resolved against the feed URL; empty
	// when the item has no http or https link.
	Link string
	// CanonicalURL is Link in canonical form (see CanonicalURL), empty when
	// Link is.
	CanonicalURL string
	// Title is the item's headline, tags removed and spaces collapsed.
	Title string
	// Author names the item's first author, when the feed gives one.
	Author string
	// Published is when the item was published, else when it was last
	// updated; zero when the feed says neither.
	Published time.Time
	// Content is the richest HTML body the feed carries: content:encoded
	// or Atom content, else the description or summary.
	Content string
	// FullText reports whether Content looks like the whole article rather
	// than a summary: its text has at least MinFullTextWords words in at
	// least MinFullTextParagraphs paragraphs and does not end with a
	// truncation mark such as "…", "[…]", "Read more" or "Continue
	// reading".
	FullText bool
}

// ErrNotFeed reports data that is not a feed, such as an HTML page.
var ErrNotFeed = errors.New("not a feed")

// ErrEmpty reports empty data.
var ErrEmpty = errors.New("empty response, not a feed")

// ErrMalformed reports a document that looks like a feed but cannot be
// parsed.
var ErrMalformed = errors.New("feed could not be parsed")

// NotFeedError is returned, matching ErrNotFeed, when the data is an HTML
// page; Feeds lists the feed addresses the page advertises, if any.
type NotFeedError struct {
	// URL is the address the page was fetched from.
	URL string
	// Feeds are the absolute feed addresses the page links to with
	// <link rel="alternate">.
	Feeds []string
}

// Error names the page and the feeds it advertises.
func (e *NotFeedError) Error() string {
	msg := name(e.URL) + " is an HTML page, not a feed"
	switch len(e.Feeds) {
	case 0:
		return msg
	case 1:
		return msg + "; it advertises the feed " + e.Feeds[0]
	}
	return msg + "; it advertises the feeds " + strings.Join(e.Feeds, ", ")
}

// Is makes errors.Is(err, ErrNotFeed) true.
func (e *NotFeedError) Is(target error) bool { return target == ErrNotFeed }

// maxDetail bounds how much of a parser's message an error repeats.
const maxDetail = 160

// Parse reads an RSS, Atom or JSON feed fetched from feedURL, which is used
// to resolve relative links and to name the feed in errors. An HTML page
// fails with a *NotFeedError, empty data with ErrEmpty, anything else that
// is not a feed with ErrNotFeed, and a broken feed with ErrMalformed.
func Parse(data []byte, feedURL string) (Feed, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return Feed{}, fmt.Errorf("%s: %w", name(feedURL), ErrEmpty)
	}
	if looksLikeHTML(trimmed) {
		return Feed{}, &NotFeedError{URL: feedURL, Feeds: Discover(data, feedURL)}
	}
	parsed, err := parseFeed(data)
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		if mentionsHTML(trimmed) {
			return Feed{}, &NotFeedError{URL: feedURL, Feeds: Discover(data, feedURL)}
		}
		return Feed{}, fmt.Errorf("%s: %w (no RSS, Atom or JSON feed found)", name(feedURL), ErrNotFeed)
	case err != nil:
		return Feed{}, fmt.Errorf("%s: %w: %s", name(feedURL), ErrMalformed, brief(err.Error()))
	case parsed == nil:
		return Feed{}, fmt.Errorf("%s: %w", name(feedURL), ErrMalformed)
	}
	return convert(parsed, baseURL(feedURL)), nil
}

// parseFeed runs gofeed's universal parser. The parsers are third-party
// code run on untrusted input: a panic in them is returned as an error
// rather than crashing the caller.
func parseFeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("parser failure: %v", r)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// convert turns gofeed's universal feed into a Feed.
func convert(p *gofeed.Feed, base *url.URL) Feed {
	f := Feed{Title: cleanText(p.Title), Link: resolve(base, p.Link)}
	for _, it := range p.Items {
		if it == nil {
			continue
		}
		item := Item{
			Title:     cleanText(it.Title),
			Author:    author(it),
			Published: published(it),
			Content:   richest(it.Content, it.Description),
		}
		item.Link = resolve(base, it.Link)
		for _, l := range it.Links {
			if item.Link != "" {
				break
			}
			item.Link = resolve(base, l)
		}
		if item.Link == "" && strings.TrimSpace(item.Content) == "" {
			continue
		}
		if item.Link != "" {
			if c, err := CanonicalURL(item.Link); err == nil {
				item.CanonicalURL = c
			}
		}
		item.GUID = guid(strings.TrimSpace(it.GUID), item)
		item.FullText = isFullText(item.Content)
		f.Items = append(f.Items, item)
	}
	return f
}

// guid returns the feed's own identifier, else the link, else a hash of
// the title and publication time (of the content when both are empty).
func guid(own string, it Item) string {
	if own != "" {
		return own
	}
	if it.Link != "" {
		return it.Link
	}
	key := it.Title + "\n"
	if !it.Published.IsZero() {
		key += it.Published.UTC().Format(time.RFC3339)
	}
	if strings.TrimSpace(key) == "" {
		key = it.Content
	}
	sum := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(sum[:16])
}

// author returns the name (else the e-mail) of the item's first author.
func author(it *gofeed.Item) string {
	people := it.Authors
	if len(people) == 0 && it.Author != nil {
		people = []*gofeed.Person{it.Author}
	}
	for _, p := range people {
		if p == nil {
			continue
		}
		if n := cleanText(p.Name); n != "" {
			return n
		}
		if e := cleanText(p.Email); e != "" {
			return e
		}
	}
	return ""
}

// published returns the publication time, else the update time, else zero.
func published(it *gofeed.Item) time.Time {
	if it.PublishedParsed != nil && !it.PublishedParsed.IsZero() {
		return *it.PublishedParsed
	}
	if it.UpdatedParsed != nil && !it.UpdatedParsed.IsZero() {
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// richest returns whichever of the full content and the description has
// more text, preferring the full content on a tie.
func richest(content, description string) string {
	content, description = strings.TrimSpace(content), strings.TrimSpace(description)
	if content == "" {
		return description
	}
	if description == "" {
		return content
	}
	if utf8.RuneCountInString(plainText(description)) > utf8.RuneCountInString(plainText(content)) {
		return description
	}
	return content
}

// baseURL parses the feed URL, or returns nil when it is not absolute.
func baseURL(feedURL string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(feedURL))
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// resolve returns ref as an absolute http or https URL, resolved against
// base when relative, or "" when that is not possible.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// cleanText strips tags from s, if it has any, and collapses spaces.
func cleanText(s string) string {
	if strings.Contains(s, "<") {
		s = plainText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// name returns how errors name the feed: its URL, or "the feed".
func name(feedURL string) string {
	if u := strings.TrimSpace(feedURL); u != "" {
		return u
	}
	return "the feed"
}

// brief returns the first line of a parser message, cut to maxDetail
// bytes at a character boundary.
func brief(msg string) string {
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	if len(msg) > maxDetail {
		cut := maxDetail
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	return strings.ToValidUTF8(msg, "\uFFFD")
}

// looksLikeHTML reports whether trimmed data starts like an HTML page: a
// doctype, or an <html> element after any XML declaration and comments.
func looksLikeHTML(trimmed []byte) bool {
	head := strings.ToLower(string(trimmed[:min(len(trimmed), 2048)]))
	for {
		switch {
		case strings.HasPrefix(head, "<!doctype html"), strings.HasPrefix(head, "<html"):
			return true
		case strings.HasPrefix(head, "<?"):
			_, rest, ok := strings.Cut(head, "?>")
			if !ok {
				return false
			}
			head = strings.TrimSpace(rest)
		case strings.HasPrefix(head, "<!--"):
			_, rest, ok := strings.Cut(head, "-->")
			if !ok {
				return false
			}
			head = strings.TrimSpace(rest)
		default:
			return false
		}
	}
}

// mentionsHTML reports whether the start of data that is not a feed holds
// an <html>, <head> or <body> tag.
func mentionsHTML(trimmed []byte) bool {
	head := strings.ToLower(string(trimmed[:min(len(trimmed), 4096)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<head") || strings.Contains(head, "<body")
}
