package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Discord's JSON error codes that the server answers with.
const (
	codeGeneral                 = 0
	codeUnknownMessage          = 10008
	codeUnknownWebhook          = 10015
	codeUnknownInteraction      = 10062
	codeUnknownCommand          = 10063
	codeMaxAttachments          = 30015
	codeEntityTooLarge          = 40005
	codeMissingAccess           = 50001
	codeEmptyMessage            = 50006
	codeCannotMessageUser       = 50007
	codeInvalidFormBody         = 50035
	codeInvalidJSON             = 50109
	codeInteractionAcknowledged = 40060
)

// apiError is an error answer in Discord's shape:
// {"code": 10008, "message": "Unknown Message", "errors": {...}}.
type apiError struct {
	status  int
	Code    int            `json:"code"`
	Message string         `json:"message"`
	Errors  map[string]any `json:"errors,omitempty"`
}

func newAPIError(status, code int, message string) *apiError {
	return &apiError{status: status, Code: code, Message: message}
}

func errUnauthorized() *apiError {
	return newAPIError(http.StatusUnauthorized, codeGeneral, "401: Unauthorized")
}

func errNotFound() *apiError {
	return newAPIError(http.StatusNotFound, codeGeneral, "404: Not Found")
}

func errInvalidJSON() *apiError {
	return newAPIError(http.StatusBadRequest, codeInvalidJSON, "The request body contains invalid JSON.")
}

func errEmptyMessage() *apiError {
	return newAPIError(http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
}

// errTooManyAttachments is Discord's answer to a message with more than
// maxFiles attachments.
func errTooManyAttachments() *apiError {
	return newAPIError(http.StatusBadRequest, codeMaxAttachments,
		fmt.Sprintf("Maximum number of attachments in a message reached (%d)", maxFiles))
}

// errEntityTooLarge is Discord's answer to a file over maxFileSize, or a
// request body over maxBody.
func errEntityTooLarge() *apiError {
	return newAPIError(http.StatusRequestEntityTooLarge, codeEntityTooLarge, "Request entity too large")
}

// A fieldError is one entry of an "Invalid Form Body" answer: what is wrong
// with the field at path, a dotted path such as "embeds.0.title".
type fieldError struct {
	path    string
	code    string
	message string
}

// invalidFormBody is Discord's 50035 answer listing errs, nested by path
// as Discord nests them:
// {"embeds": {"0": {"title": {"_errors": [{"code": ..., "message": ...}]}}}}.
func invalidFormBody(errs []fieldError) *apiError {
	e := newAPIError(http.StatusBadRequest, codeInvalidFormBody, "Invalid Form Body")
	e.Errors = make(map[string]any)
	for _, fe := range errs {
		node := e.Errors
		if fe.path != "" {
			for _, key := range strings.Split(fe.path, ".") {
				child, ok := node[key].(map[string]any)
				if !ok {
					child = make(map[string]any)
					node[key] = child
				}
				node = child
			}
		}
		list, _ := node["_errors"].([]map[string]string)
		node["_errors"] = append(list, map[string]string{"code": fe.code, "message": fe.message})
	}
	return e
}

// writeJSON answers with v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "discordtest: encoding answer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeError answers with e.
func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, e)
}
