package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on application commands.
const (
	maxCommandName    = 32
	maxDescription    = 100
	maxOptions        = 25
	maxCommandsTotal  = 4000 // characters of names, descriptions and choices together
	maxCommandsOfType = 100
)

// Commands returns the application commands registered for a guild, or the
// global ones when guildID is empty, in registration order.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneCommands(s.commands[guildID])
}

// CommandOverwrites is how many bulk overwrites (PUT) of a guild's commands,
// or of the global ones when guildID is empty, succeeded: what a test
// checks to see that a bot registers its commands only when they change.
func (s *Server) CommandOverwrites(guildID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.overwrites[guildID]
}

func cloneCommands(cmds []*discordgo.ApplicationCommand) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(cmds))
	for _, c := range cmds {
		var dup discordgo.ApplicationCommand
		if err := json.Unmarshal(mustJSON(c), &dup); err != nil {
			panic(fmt.Sprintf("discordtest: copying command: %v", err))
		}
		out = append(out, &dup)
	}
	return out
}

// commandScope is the guild id in a commands route, "" for global ones.
func commandScope(r *http.Request) string { return r.PathValue("guild") }

// checkApplication refuses routes naming another application.
func (s *Server) checkApplication(w http.ResponseWriter, r *http.Request) bool {
	if r.PathValue("app") != s.cfg.appID {
		writeError(w, newAPIError(http.StatusForbidden, codeMissingAccess, "Missing Access"))
		return false
	}
	return true
}

func (s *Server) handleListCommands(w http.ResponseWriter, r *http.Request) {
	if !s.checkApplication(w, r) {
		return
	}
	writeJSON(w, http.StatusOK, s.Commands(commandScope(r)))
}

// handleOverwriteCommands replaces all commands of a scope. A command
// keeps its id when one of the same type and name existed, as on Discord.
func (s *Server) handleOverwriteCommands(w http.ResponseWriter, r *http.Request) {
	if !s.checkApplication(w, r) {
		return
	}
	var cmds []*discordgo.ApplicationCommand
	if err := decodeBody(r, &cmds); err != nil {
		writeError(w, errInvalidJSON())
		return
	}
	if cmds == nil {
		cmds = []*discordgo.ApplicationCommand{}
	}
	if errs := checkCommands(cmds); len(errs) > 0 {
		writeError(w, invalidFormBody(errs))
		return
	}
	scope := commandScope(r)

	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commands[scope]
	for _, c := range cmds {
		s.completeCommandLocked(c, scope, findCommand(old, c.Type, c.Name))
	}
	s.commands[scope] = cmds
	s.overwrites[scope]++
	s.notifyLocked()
	writeJSON(w, http.StatusOK, cmds)
}

// handleCreateCommand creates a command, or replaces the one of the same
// type and name: 201 when new, 200 when replaced.
func (s *Server) handleCreateCommand(w http.ResponseWriter, r *http.Request) {
	if !s.checkApplication(w, r) {
		return
	}
	var c discordgo.ApplicationCommand
	if err := decodeBody(r, &c); err != nil {
		writeError(w, errInvalidJSON())
		return
	}
	if errs := checkCommand("", &c); len(errs) > 0 {
		writeError(w, invalidFormBody(errs))
		return
	}
	scope := commandScope(r)

	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[scope]
	existing := findCommand(cmds, c.Type, c.Name)
	s.completeCommandLocked(&c, scope, existing)
	status := http.StatusCreated
	if existing != nil {
		status = http.StatusOK
		for i, old := range cmds {
			if old == existing {
				cmds[i] = &c
			}
		}
	} else {
		s.commands[scope] = append(cmds, &c)
	}
	s.notifyLocked()
	writeJSON(w, status, &c)
}

func (s *Server) handleGetCommand(w http.ResponseWriter, r *http.Request) {
	if !s.checkApplication(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, c := s.commandLocked(r)
	if c == nil {
		writeError(w, errUnknownCommand())
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// handleEditCommand changes the fields of a command the request carries.
func (s *Server) handleEditCommand(w http.ResponseWriter, r *http.Request) {
	if !s.checkApplication(w, r) {
		return
	}
	patch, _, apiErr := readPayload(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	i, c := s.commandLocked(r)
	if c == nil {
		writeError(w, errUnknownCommand())
		return
	}
	var obj wireObject
	_ = json.Unmarshal(mustJSON(c), &obj)
	for k, v := range patch {
		obj[k] = v
	}
	var edited discordgo.ApplicationCommand
	if err := obj.decode(&edited); err != nil {
		writeError(w, errInvalidJSON())
		return
	}
	if errs := checkCommand("", &edited); len(errs) > 0 {
		writeError(w, invalidFormBody(errs))
		return
	}
	scope := commandScope(r)
	s.completeCommandLocked(&edited, scope, c)
	s.commands[scope][i] = &edited
	s.notifyLocked()
	writeJSON(w, http.StatusOK, &edited)
}

func (s *Server) handleDeleteCommand(w http.ResponseWriter, r *http.Request) {
	if !s.checkApplication(w, r) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i, c := s.commandLocked(r)
	if c == nil {
		writeError(w, errUnknownCommand())
		return
	}
	scope := commandScope(r)
	s.commands[scope] = append(s.commands[scope][:i:i], s.commands[scope][i+1:]...)
	s.notifyLocked()
	w.WriteHeader(http.StatusNoContent)
}

func errUnknownCommand() *apiError {
	return newAPIError(http.StatusNotFound, codeUnknownCommand, "Unknown application command")
}

// commandLocked finds the command a route names, and its index.
func (s *Server) commandLocked(r *http.Request) (int, *discordgo.ApplicationCommand) {
	for i, c := range s.commands[commandScope(r)] {
		if c.ID == r.PathValue("command") {
			return i, c
		}
	}
	return -1, nil
}

// completeCommandLocked fills in what Discord adds to a command it stores.
func (s *Server) completeCommandLocked(c *discordgo.ApplicationCommand, scope string, existing *discordgo.ApplicationCommand) {
	if c.Type == 0 {
		c.Type = discordgo.ChatApplicationCommand
	}
	c.ID = s.newID()
	if existing != nil {
		c.ID = existing.ID
	}
	c.ApplicationID = s.cfg.appID
	c.GuildID = scope
	c.Version = s.newID()
	if c.Options == nil && c.Type == discordgo.ChatApplicationCommand {
		c.Options = []*discordgo.ApplicationCommandOption{}
	}
}

func findCommand(cmds []*discordgo.ApplicationCommand, typ discordgo.ApplicationCommandType, name string) *discordgo.ApplicationCommand {
	if typ == 0 {
		typ = discordgo.ChatApplicationCommand
	}
	for _, c := range cmds {
		if c.Type == typ && c.Name == name {
			return c
		}
	}
	return nil
}

// lookupCommand finds a registered command for an interaction: one of the
// guild's, else a global one.
func (s *Server) lookupCommandLocked(guildID string, typ discordgo.ApplicationCommandType, name string) *discordgo.ApplicationCommand {
	if guildID != "" {
		if c := findCommand(s.commands[guildID], typ, name); c != nil {
			return c
		}
	}
	return findCommand(s.commands[""], typ, name)
}

// decodeBody decodes a request's JSON body into v.
func decodeBody(r *http.Request, v any) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// namePattern is what Discord accepts as the name of a chat input command
// or option. Letters must also be lower case where they have cases.
var namePattern = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func checkName(path, name string, chatInput bool) []fieldError {
	if !chatInput {
		if n := runes(name); n < 1 || n > maxCommandName {
			return []fieldError{badLength(path, 1, maxCommandName)}
		}
		return nil
	}
	if !namePattern.MatchString(name) || strings.ToLower(name) != name {
		return []fieldError{{path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"}}
	}
	return nil
}

func checkDescription(path, description string) []fieldError {
	if n := runes(description); n < 1 || n > maxDescription {
		return []fieldError{badLength(path, 1, maxDescription)}
	}
	return nil
}

// checkCommands checks a bulk overwrite: each command, and no two of one
// type with the same name.
func checkCommands(cmds []*discordgo.ApplicationCommand) []fieldError {
	var errs []fieldError
	seen := make(map[string]bool)
	perType := make(map[discordgo.ApplicationCommandType]int)
	for i, c := range cmds {
		at := fmt.Sprintf("%d.", i)
		if c == nil {
			errs = append(errs, required(fmt.Sprint(i)))
			continue
		}
		errs = append(errs, checkCommand(at, c)...)
		typ := c.Type
		if typ == 0 {
			typ = discordgo.ChatApplicationCommand
		}
		key := fmt.Sprintf("%d/%s", typ, c.Name)
		if seen[key] {
			errs = append(errs, fieldError{at + "name", "APPLICATION_COMMANDS_DUPLICATE_NAME",
				"Application command names must be unique"})
		}
		seen[key] = true
		if perType[typ]++; perType[typ] == maxCommandsOfType+1 {
			errs = append(errs, tooLong("", maxCommandsOfType))
		}
	}
	return errs
}

// checkCommand checks one command definition; prefix starts its paths.
func checkCommand(prefix string, c *discordgo.ApplicationCommand) []fieldError {
	chatInput := c.Type == 0 || c.Type == discordgo.ChatApplicationCommand
	errs := checkName(prefix+"name", c.Name, chatInput)
	if chatInput {
		errs = append(errs, checkDescription(prefix+"description", c.Description)...)
		errs = append(errs, checkOptions(prefix+"options", c.Options, 0)...) // 0: the command itself
	} else {
		if c.Description != "" {
			errs = append(errs, fieldError{prefix + "description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
				"Context menu commands cannot have description"})
		}
		if len(c.Options) > 0 {
			errs = append(errs, fieldError{prefix + "options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS",
				"Context menu commands cannot have options"})
		}
	}
	if n := commandSize(c); n > maxCommandsTotal {
		errs = append(errs, fieldError{prefix, "APPLICATION_COMMAND_TOO_LARGE",
			fmt.Sprintf("Command exceeds maximum size (%d)", maxCommandsTotal)})
	}
	return errs
}

// checkOptions checks a level of options: a command's own when parent is
// 0, else those of a sub-command or sub-command group.
func checkOptions(path string, opts []*discordgo.ApplicationCommandOption, parent discordgo.ApplicationCommandOptionType) []fieldError {
	var errs []fieldError
	if len(opts) > maxOptions {
		errs = append(errs, tooLong(path, maxOptions))
	}
	names := make(map[string]bool)
	optional, subcommands := false, 0
	for i, o := range opts {
		at := fmt.Sprintf("%s.%d.", path, i)
		if o == nil {
			errs = append(errs, required(fmt.Sprintf("%s.%d", path, i)))
			continue
		}
		errs = append(errs, checkName(at+"name", o.Name, true)...)
		errs = append(errs, checkDescription(at+"description", o.Description)...)
		if names[o.Name] {
			errs = append(errs, fieldError{at + "name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS",
				"Option names must be unique"})
		}
		names[o.Name] = true

		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
			subcommands++
			nested := parent == discordgo.ApplicationCommandOptionSubCommand ||
				(parent == discordgo.ApplicationCommandOptionSubCommandGroup &&
					o.Type == discordgo.ApplicationCommandOptionSubCommandGroup)
			if nested {
				errs = append(errs, fieldError{at + "type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
					"Sub-commands cannot be nested this deep"})
			}
			errs = append(errs, checkOptions(at+"options", o.Options, o.Type)...)
		default:
			if parent == discordgo.ApplicationCommandOptionSubCommandGroup {
				errs = append(errs, fieldError{at + "type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
					"A sub-command group can only contain sub-commands"})
			}
			if o.Required && optional {
				errs = append(errs, fieldError{at + "required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
					"Required options must be placed before non-required options"})
			}
			optional = optional || !o.Required
			errs = append(errs, checkOptionChoices(at, o)...)
		}
	}
	if subcommands > 0 && subcommands < len(opts) {
		errs = append(errs, fieldError{path, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
			"Sub-command and sub-command group option types are mutually exclusive to all other types"})
	}
	return errs
}

func checkOptionChoices(at string, o *discordgo.ApplicationCommandOption) []fieldError {
	var errs []fieldError
	if len(o.Choices) > 0 && o.Autocomplete {
		errs = append(errs, fieldError{at + "autocomplete", "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES",
			"Autocomplete cannot be enabled on options that have choices"})
	}
	if len(o.Choices) > maxChoices {
		errs = append(errs, tooLong(at+"choices", maxChoices))
	}
	for j, ch := range o.Choices {
		cat := fmt.Sprintf("%schoices.%d.", at, j)
		if ch == nil {
			errs = append(errs, required(strings.TrimSuffix(cat, ".")))
			continue
		}
		if n := runes(ch.Name); n < 1 || n > maxChoiceName {
			errs = append(errs, badLength(cat+"name", 1, maxChoiceName))
		}
		if v, ok := ch.Value.(string); ok && runes(v) > maxChoiceValue {
			errs = append(errs, tooLong(cat+"value", maxChoiceValue))
		}
	}
	return errs
}

// commandSize is what counts towards a command's size limit: the names,
// descriptions, choice names and choice values of it and its options.
func commandSize(c *discordgo.ApplicationCommand) int {
	n := runes(c.Name) + runes(c.Description)
	var walk func([]*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			if o == nil {
				continue
			}
			n += runes(o.Name) + runes(o.Description)
			for _, ch := range o.Choices {
				if ch != nil {
					n += runes(ch.Name) + runes(fmt.Sprint(ch.Value))
				}
			}
			walk(o.Options)
		}
	}
	walk(c.Options)
	return n
}
