package briefing

import (
	"errors"
	"fmt"
	"strings"
)

// ErrorCode classifies a user-facing error.
type ErrorCode string

// Error codes.
const (
	ErrBadCommand ErrorCode = "bad_command" // the command does not parse
	ErrNotFound   ErrorCode = "not_found"   // no such person
	ErrAmbiguous  ErrorCode = "ambiguous"   // several people fit
	ErrInvalid    ErrorCode = "invalid"     // an argument is unusable
)

// Error is the one error type whose message is safe to show to a user: it
// never carries internal details. Candidates list the people an ambiguous
// name fits; Suggestions, close names for an unknown one.
type Error struct {
	Code        ErrorCode   `json:"code"`
	Message     string      `json:"message"`
	Candidates  []PersonRef `json:"candidates,omitempty"`
	Suggestions []string    `json:"suggestions,omitempty"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, c := range e.Candidates {
		b.WriteString("\n  - ")
		b.WriteString(c.Name)
		if c.Role != "" {
			b.WriteString(" (" + c.Role + ")")
		}
	}
	if len(e.Suggestions) > 0 {
		b.WriteString("\nDid you mean: " + strings.Join(e.Suggestions, ", ") + "?")
	}
	return b.String()
}

// UserError returns the user-facing error inside err, if there is one.
func UserError(err error) (*Error, bool) {
	var ue *Error
	ok := errors.As(err, &ue)
	return ue, ok
}

// Invalid returns an ErrInvalid error with a formatted message.
func Invalid(format string, args ...any) *Error {
	return &Error{Code: ErrInvalid, Message: fmt.Sprintf(format, args...)}
}
