// Package discordtest is a Discord-compatible server for tests: it speaks
// enough of Discord's REST API (v9) and gateway protocol that the real
// github.com/bwmarrin/discordgo client can be run against it end to end,
// on loopback, with Discord itself out of reach.
//
// A test starts a server with New, points a discordgo session at it and
// drives it:
//
//	srv := discordtest.New(t)
//	sess, _ := discordgo.New("Bot " + srv.Token())
//	sess.Client = srv.Client() // every https://discord.com request goes to srv
//	sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) { ... })
//	if err := sess.Open(); err != nil { ... }
//	in, _ := srv.DispatchInteraction(srv.SlashCommand("ping", nil, nil, "g1", "c1"))
//	cb, _ := srv.WaitCallback(ctx, in.ID)
//
// Open needs nothing else: GET /api/v9/gateway answers with the address of
// this server's gateway, which discordgo dials directly.
//
// The server keeps what a test wants to assert on: every HTTP request
// (Requests, WaitRequest, Unhandled), the first response to each
// interaction (Callback), the messages the bot created or edited
// (Original, Followups, ChannelMessages, WaitChannelMessages), registered
// application commands (Commands, CommandOverwrites) and gateway
// handshakes (Identifies, Resumes, WaitReady). It checks what Discord
// checks where a bot is likely to get it wrong: the token, message and
// embed limits, command definitions, acknowledging an interaction twice,
// answering one that is unknown. Failures can be injected: rate limits
// (Fail429), server errors (FailRequests), lost access to a channel
// (RevokeChannel), dropped gateway connections (DropConnections),
// reconnect requests (RequestReconnect) and users who do not accept direct
// messages (RefuseDMs).
//
// A bot can read a channel's history with GET /channels/{id}/messages
// (discordgo's Session.ChannelMessages), with Discord's limit (1 to 100,
// 50 by default), before, after and around parameters: the messages the
// bot sent there, newest first, ephemeral ones left out.
//
// POST /channels/{id}/messages takes Discord's nonce (a string or an
// integer, at most 25 characters), which the created message echoes, and
// enforce_nonce: when it is true and the bot created a message with the
// same nonce in the same channel within the nonce window (five minutes;
// see WithNonceWindow), no message is created and the earlier one is
// answered, 200, as it is now. discordgo's MessageSend has no nonce, so a
// bot sends it with Session.RequestWithBucketID and its own struct.
//
// Files sent with messages (multipart requests: channel messages,
// interaction responses, follow-ups and edits) are kept. Their attachment
// URLs, GET /attachments/{channel}/{id}/{filename} on the server's own
// address, serve them back with the content type they were sent with
// (application/octet-stream when none), and AttachmentData returns them.
// As on Discord, a message has at most 10 attachments (400, code 30015)
// and each file at most 10 MiB (413, code 40005), a request at most
// 25 MiB (413 too).
//
// What is not modelled is answered 404 with a Discord-style error and
// listed by Unhandled, so a test can assert that the bot called nothing
// unexpected.
package discordtest
