package discordtest

import (
	"net/http"
	"strings"
)

// apiRoutes is the REST API. Routes that Discord serves without a bot
// token (the gateway address, interaction callbacks, webhooks, which carry
// their own token in the path) are served without one here too.
func (s *Server) apiRoutes() *http.ServeMux {
	mux := http.NewServeMux()
	bot := s.requireBot
	api := func(pattern string, h http.HandlerFunc) {
		method, path, _ := strings.Cut(pattern, " ")
		mux.HandleFunc(method+" "+apiPrefix+path, h)
	}

	api("GET /gateway", s.handleGateway)
	api("GET /gateway/bot", bot(s.handleGatewayBot))
	api("GET /users/@me", bot(s.handleCurrentUser))
	api("POST /users/@me/channels", bot(s.handleCreateDM))
	api("GET /channels/{channel}/messages", bot(s.handleListMessages))
	api("POST /channels/{channel}/messages", bot(s.handleCreateMessage))

	for _, scope := range []string{"/applications/{app}", "/applications/{app}/guilds/{guild}"} {
		api("GET "+scope+"/commands", bot(s.handleListCommands))
		api("PUT "+scope+"/commands", bot(s.handleOverwriteCommands))
		api("POST "+scope+"/commands", bot(s.handleCreateCommand))
		api("GET "+scope+"/commands/{command}", bot(s.handleGetCommand))
		api("PATCH "+scope+"/commands/{command}", bot(s.handleEditCommand))
		api("DELETE "+scope+"/commands/{command}", bot(s.handleDeleteCommand))
	}

	api("POST /interactions/{interaction}/{token}/callback", s.handleCallback)
	api("POST /webhooks/{app}/{token}", s.handleFollowup)
	api("GET /webhooks/{app}/{token}/messages/{message}", s.handleGetWebhookMessage)
	api("PATCH /webhooks/{app}/{token}/messages/{message}", s.handleEditWebhookMessage)
	api("DELETE /webhooks/{app}/{token}/messages/{message}", s.handleDeleteWebhookMessage)

	// Attachments live outside the API, as on Discord's CDN.
	mux.HandleFunc(attachmentRoute, s.handleAttachment)

	mux.HandleFunc(fallbackPattern, func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errNotFound())
	})
	return mux
}

// requireBot refuses requests without the bot's token, 401 as Discord does.
func (s *Server) requireBot(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bot "+s.cfg.token {
			writeError(w, errUnauthorized())
			return
		}
		h(w, r)
	}
}

func (s *Server) handleGateway(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"url": s.wsURL})
}

func (s *Server) handleGatewayBot(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url":    s.wsURL,
		"shards": 1,
		"session_start_limit": map[string]int{
			"total":           1000,
			"remaining":       1000,
			"reset_after":     0,
			"max_concurrency": 1,
		},
	})
}

func (s *Server) handleCurrentUser(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.botObject())
}
