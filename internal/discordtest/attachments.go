package discordtest

import (
	"bytes"
	"net/http"
	"net/url"
)

// attachmentRoute is where the server serves the files uploaded with
// messages, at the address their attachment's URL gives. Discord serves
// them from its CDN, without the bot's token; so does this server.
const attachmentRoute = "GET /attachments/{channel}/{attachment}/{filename}"

// storedFile is a file uploaded with a message: the content of one of its
// attachments.
type storedFile struct {
	id          string // the attachment's id
	channelID   string
	filename    string
	contentType string // as the upload gave it; empty when it gave none
	data        []byte
}

// attachmentPath is the path of an attachment's URL.
func attachmentPath(channelID, id, filename string) string {
	return "/attachments/" + url.PathEscape(channelID) + "/" + url.PathEscape(id) + "/" + url.PathEscape(filename)
}

// keepUploadsLocked makes the files uploaded with m downloadable, now that
// m is stored.
func (s *Server) keepUploadsLocked(m *storedMessage) {
	for _, f := range m.uploads {
		s.attachments[f.id] = f
	}
	m.uploads = nil
}

// handleAttachment serves an uploaded file, with the content type it was
// uploaded with. The channel and the filename must be the attachment's.
func (s *Server) handleAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	f, ok := s.attachments[r.PathValue("attachment")]
	s.mu.Unlock()
	if !ok || f.channelID != r.PathValue("channel") || f.filename != r.PathValue("filename") {
		writeError(w, errNotFound())
		return
	}
	contentType := f.contentType
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(f.data) // never changed once stored
}

// AttachmentData returns the content of a file the bot uploaded with a
// message, by the id of the attachment it became, and whether there is
// one. Files stay available, here and at their attachment's URL, for as
// long as the server runs, even once their message is edited or deleted.
// Files sent with a request the server refused are not kept.
func (s *Server) AttachmentData(id string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.attachments[id]
	if !ok {
		return nil, false
	}
	return bytes.Clone(f.data), true
}
