package discordtest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// Discord's bounds on the limit parameter of GET /channels/{id}/messages.
const (
	defaultHistoryLimit = 50
	maxHistoryLimit     = 100
)

// historyQuery is a GET /channels/{id}/messages query: at most one of the
// anchors is used, around first, then before, then after.
type historyQuery struct {
	limit                          int
	around, before, after          uint64
	hasAround, hasBefore, hasAfter bool
}

// readHistoryQuery reads the query parameters of GET
// /channels/{id}/messages, answering 400 "Invalid Form Body" as Discord
// does when limit is not an integer from 1 to 100 or an anchor is not a
// snowflake.
func readHistoryQuery(q url.Values) (historyQuery, *apiError) {
	hq := historyQuery{limit: defaultHistoryLimit}
	var errs []fieldError
	if q.Has("limit") {
		v := q.Get("limit")
		n, err := strconv.Atoi(v)
		switch {
		case err != nil:
			errs = append(errs, fieldError{"limit", "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not int.", v)})
		case n < 1:
			errs = append(errs, fieldError{"limit", "NUMBER_TYPE_MIN", "int value should be greater than or equal to 1."})
		case n > maxHistoryLimit:
			errs = append(errs, fieldError{"limit", "NUMBER_TYPE_MAX",
				fmt.Sprintf("int value should be less than or equal to %d.", maxHistoryLimit)})
		default:
			hq.limit = n
		}
	}
	for _, anchor := range []struct {
		name string
		id   *uint64
		has  *bool
	}{
		{"around", &hq.around, &hq.hasAround},
		{"before", &hq.before, &hq.hasBefore},
		{"after", &hq.after, &hq.hasAfter},
	} {
		if !q.Has(anchor.name) {
			continue
		}
		v := q.Get(anchor.name)
		id, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			errs = append(errs, fieldError{anchor.name, "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not snowflake.", v)})
			continue
		}
		*anchor.id, *anchor.has = id, true
	}
	if len(errs) > 0 {
		return historyQuery{}, invalidFormBody(errs)
	}
	return hq, nil
}

// historyEntry is a message of a channel's history with its id as a number.
type historyEntry struct {
	id  uint64
	obj wireObject
}

// handleListMessages answers GET /channels/{id}/messages: the messages the
// server holds in the channel, newest first. It holds those the bot sent
// (see ChannelMessages), not those of users (see DispatchMessage), and
// leaves out ephemeral ones, which are not in a channel's history. A
// channel the server has no messages in answers an empty list.
func (s *Server) handleListMessages(w http.ResponseWriter, r *http.Request) {
	channelID := r.PathValue("channel")
	if s.channelRevoked(channelID) {
		writeError(w, errMissingAccess())
		return
	}
	hq, apiErr := readHistoryQuery(r.URL.Query())
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}

	s.mu.Lock()
	var all []historyEntry // oldest first
	for _, id := range s.channelMsgs[channelID] {
		m := s.messages[id]
		if m.deleted || m.flags()&discordgo.MessageFlagsEphemeral != 0 {
			continue
		}
		n, err := strconv.ParseUint(id, 10, 64)
		if err != nil {
			continue // not a snowflake, so not one this server made
		}
		all = append(all, historyEntry{id: n, obj: m.obj.clone()})
	}
	s.mu.Unlock()
	slices.SortFunc(all, func(a, b historyEntry) int { return cmp.Compare(a.id, b.id) })

	page := hq.page(all)
	out := make([]json.RawMessage, 0, len(page))
	for i := len(page) - 1; i >= 0; i-- {
		out = append(out, mustJSON(page[i].obj))
	}
	writeJSON(w, http.StatusOK, out)
}

// page picks the query's messages from all of a channel's, both oldest
// first. Like Discord, around takes the message with that id (when there
// is one) and newer ones for half the limit, rounded up, and older ones
// for the other half; before takes the newest messages older than the
// id, after the oldest messages newer than it, and no anchor the newest
// messages.
func (hq historyQuery) page(all []historyEntry) []historyEntry {
	// first is the index of the first message with an id of at least id.
	first := func(id uint64) int {
		i, _ := slices.BinarySearchFunc(all, id, func(e historyEntry, id uint64) int { return cmp.Compare(e.id, id) })
		return i
	}
	newest := func(msgs []historyEntry, n int) []historyEntry {
		return msgs[max(0, len(msgs)-n):]
	}
	oldest := func(msgs []historyEntry, n int) []historyEntry {
		return msgs[:min(len(msgs), n)]
	}
	switch {
	case hq.hasAround:
		at := first(hq.around)
		older := newest(all[:at], hq.limit/2)
		newer := oldest(all[at:], hq.limit-hq.limit/2)
		return append(slices.Clone(older), newer...)
	case hq.hasBefore:
		return newest(all[:first(hq.before)], hq.limit)
	case hq.hasAfter:
		if hq.after == ^uint64(0) {
			return nil
		}
		return oldest(all[first(hq.after+1):], hq.limit)
	default:
		return newest(all, hq.limit)
	}
}
