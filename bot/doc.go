// Package bot answers briefbot's commands on Discord: slash commands with
// autocomplete, paged embeds and DMs, on top of briefing.Service.
package bot
