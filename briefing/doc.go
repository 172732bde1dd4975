// Package briefing is briefbot's domain: articles, people, quotes, meetings
// and figures, the command grammar, and the query layer that the CLI, the
// Discord bot and DMs share. It imports neither SQL nor Discord; storage and
// bot depend on it.
package briefing
