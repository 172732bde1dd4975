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
// (Original, Followups, ChannelMessages), registered application commands
// (Commands, CommandOverwrites) and gateway handshakes (Identifies,
// Resumes, WaitReady). It checks what Discord checks where a bot is likely
// to get it wrong: the token, message and embed limits, command
// definitions, acknowledging an interaction twice, answering one that is
// unknown. Failures can be injected: rate limits (Fail429), dropped
// gateway connections (DropConnections), reconnect requests
// (RequestReconnect) and users who do not accept direct messages
// (RefuseDMs).
//
// What is not modelled is answered 404 with a Discord-style error and
// listed by Unhandled, so a test can assert that the bot called nothing
// unexpected.
package discordtest
