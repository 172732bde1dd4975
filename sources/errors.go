package sources

import (
	"errors"

	"briefbot/briefing"
	"briefbot/briefing/normalize"
	"briefbot/sources/feed"
	"briefbot/sources/page"
	"briefbot/sources/web"
)

// shownErrors are the errors whose messages are written for the person
// who gave the address or file, and carry no internal detail.
var shownErrors = []error{
	web.ErrBlockedAddress, web.ErrScheme, web.ErrInvalidURL, web.ErrTooLarge, web.ErrTooManyRedirects,
	web.ErrHostBackoff, web.ErrTimeout,
	feed.ErrNotFeed, feed.ErrEmpty, feed.ErrMalformed,
	page.ErrNoArticle, page.ErrEmpty,
	normalize.ErrEmpty, normalize.ErrBinary, normalize.ErrInvalidUTF8, normalize.ErrInvalidUTF16,
	normalize.ErrTooLarge, normalize.ErrUnsupported,
	errNotArticle,
}

// UserMessage returns err's message when it is about the source itself
// (unreachable, refused, not a feed, no article…) and safe to show to
// whoever gave it; ok is false for internal failures, which belong in
// the log.
func UserMessage(err error) (msg string, ok bool) {
	if ue, isUser := briefing.UserError(err); isUser {
		return ue.Message, true
	}
	var st *web.StatusError
	var se *sourceError
	if errors.As(err, &st) || errors.As(err, &se) {
		return err.Error(), true
	}
	for _, e := range shownErrors {
		if errors.Is(err, e) {
			return err.Error(), true
		}
	}
	return "", false
}

// sourceError is an error about a source (fetching it, reading its page),
// worded for people by sources/web or sources/page: it is shown whatever
// its kind, such as a refused connection or a host not found.
type sourceError struct{ err error }

func (e *sourceError) Error() string { return e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }
