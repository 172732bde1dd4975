// Package normalize turns the raw bytes of an article file — plain text,
// markdown or HTML — into a briefing.Article: its title, publication date
// and paragraphs, with page noise such as advertisements, share buttons and
// photo credits removed.
package normalize

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"briefbot/briefing"
)

// DefaultMaxBytes is the input size limit used when Options.MaxBytes is zero.
const DefaultMaxBytes = 5 << 20

// Options bound what Normalize accepts. The zero value means the defaults.
type Options struct {
	// MaxBytes is the largest input accepted; zero or less means
	// DefaultMaxBytes. Larger input fails with ErrTooLarge.
	MaxBytes int
}

// Sentinel errors returned (wrapped, with detail) by Normalize; test for them
// with errors.Is.
var (
	// ErrEmpty reports input with no article text, either at all or once
	// page noise has been removed.
	ErrEmpty = errors.New("empty")
	// ErrBinary reports input that is not text: it holds a NUL byte or too
	// many control characters.
	ErrBinary = errors.New("binary content")
	// ErrInvalidUTF8 reports text that is neither valid UTF-8 nor UTF-16
	// with a byte-order mark.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrInvalidUTF16 reports text that starts with a UTF-16 byte-order
	// mark but cannot be UTF-16.
	ErrInvalidUTF16 = errors.New("invalid UTF-16")
	// ErrTooLarge reports input over Options.MaxBytes.
	ErrTooLarge = errors.New("too large")
	// ErrUnsupported reports a file type that is not text, markdown or HTML,
	// judged by the source's extension.
	ErrUnsupported = errors.New("unsupported format")
)

// format is the syntax of an input.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
)

// formatByExt maps the extensions Normalize reads to their format.
var formatByExt = map[string]format{
	".txt":      formatText,
	".text":     formatText,
	".md":       formatMarkdown,
	".markdown": formatMarkdown,
	".html":     formatHTML,
	".htm":      formatHTML,
}

// unsupportedExt lists extensions of documents, images, media and archives
// that Normalize refuses without looking at their content.
var unsupportedExt = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true,
	".xls": true, ".xlsx": true, ".ods": true, ".ppt": true, ".pptx": true,
	".odp": true, ".epub": true, ".mobi": true, ".pages": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".bmp": true, ".tif": true, ".tiff": true, ".ico": true, ".heic": true,
	".avif": true, ".svg": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".ogg": true,
	".flac": true, ".avi": true, ".mov": true, ".mkv": true, ".webm": true,
	".zip": true, ".gz": true, ".tgz": true, ".bz2": true, ".xz": true,
	".zst": true, ".7z": true, ".rar": true, ".tar": true,
	".exe": true, ".dll": true, ".so": true, ".bin": true, ".iso": true,
	".dmg": true, ".class": true, ".jar": true, ".wasm": true, ".sqlite": true,
	".db": true,
}

// Normalize parses data named source (a file base name like "003_x.txt" or
// a URL) into an Article whose Source is source.
//
// The format comes from the extension of source (.txt/.text, .md/.markdown,
// .html/.htm); for other or missing extensions, data that starts with
// "<!doctype html" or "<html" is HTML and anything else is plain text.
// Known non-text extensions such as .pdf fail with ErrUnsupported.
func Normalize(source string, data []byte, opts Options) (briefing.Article, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if len(data) > limit {
		return briefing.Article{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), limit)
	}
	ext := extension(source)
	f, known := formatByExt[ext]
	if !known && unsupportedExt[ext] {
		return briefing.Article{}, fmt.Errorf("%w: %q files are not read (want text, markdown or HTML)", ErrUnsupported, ext)
	}
	if len(data) == 0 {
		return briefing.Article{}, fmt.Errorf("%w: no data", ErrEmpty)
	}
	text, err := decode(data)
	if err != nil {
		return briefing.Article{}, err
	}
	if strings.TrimSpace(text) == "" {
		return briefing.Article{}, fmt.Errorf("%w: only whitespace", ErrEmpty)
	}
	if !known && looksLikeHTML(text) {
		f = formatHTML
	}

	var a briefing.Article
	switch f {
	case formatHTML:
		if a, err = parseHTML(text, source); err != nil {
			return briefing.Article{}, err
		}
	case formatMarkdown:
		a = parseMarkdown(text)
	default:
		a = parseText(text)
	}
	a.Source = source
	if a.URL == "" && isWebURL(source) {
		a.URL = source
	}
	if len(a.Paragraphs) == 0 {
		return briefing.Article{}, fmt.Errorf("%w: no article text after removing page noise", ErrEmpty)
	}
	return a, nil
}

// extension returns the lower-cased extension of a file name or of the path
// of a URL, with its dot, or "".
func extension(source string) string {
	p := source
	if strings.Contains(source, "://") {
		if u, err := url.Parse(source); err == nil {
			p = u.Path
		}
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	return strings.ToLower(path.Ext(p))
}

// isWebURL reports whether s is an absolute http or https URL.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// looksLikeHTML reports whether text starts, after whitespace, with an HTML
// doctype or an <html> tag.
func looksLikeHTML(text string) bool {
	t := strings.TrimLeft(text, " \n")
	return hasPrefixFold(t, "<!doctype html") || hasPrefixFold(t, "<html")
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
