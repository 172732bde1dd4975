package main

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"briefbot/briefing/digest"
	"briefbot/sources"
)

// Config is briefbot's configuration file (see config.example.yaml).
type Config struct {
	Discord  DiscordConfig  `yaml:"discord"`
	Database DatabaseConfig `yaml:"database"`
	Ingest   IngestConfig   `yaml:"ingest"`
	Digest   DigestConfig   `yaml:"digest"`
	Sources  SourcesConfig  `yaml:"sources"`
	Log      LogConfig      `yaml:"log"`
}

// SourcesConfig sets the live sources: feeds, the watched folder, and how
// the web is fetched.
type SourcesConfig struct {
	// Feeds are polled by serve and fetch (and added to the database's
	// feeds at start).
	Feeds []FeedConfig `yaml:"feeds"`
	// WatchDir is a folder whose new files serve ingests.
	WatchDir string `yaml:"watch_dir"`
	// AllowPrivateNetworks lets fetches reach loopback, private and
	// link-local addresses (tests, private deployments).
	AllowPrivateNetworks bool `yaml:"allow_private_networks"`
	// RequestsPerSecond is the most requests a second to one web host.
	RequestsPerSecond float64 `yaml:"requests_per_second"`
	// FetchTimeout bounds one web request ("20s").
	FetchTimeout string `yaml:"fetch_timeout"`
	// IngestRoles are the Discord role ids whose members may use /ingest
	// (besides members with Manage Server).
	IngestRoles []string `yaml:"ingest_roles"`
}

// FeedConfig is one feed of the config.
type FeedConfig struct {
	URL   string `yaml:"url"`
	Every string `yaml:"every"` // a duration such as 30m; default 30m
}

// DigestConfig sets how scheduled digests read their schedules and what a
// digest with nothing new does.
type DigestConfig struct {
	// TimeZone reads the schedules subscribed without a time zone (an
	// IANA name).
	TimeZone string `yaml:"timezone"`
	// WhenQuiet is "post" (the line "No new developments since …") or
	// "skip" (post nothing).
	WhenQuiet string `yaml:"when_quiet"`
}

// DiscordConfig is how `serve` reaches Discord.
type DiscordConfig struct {
	// Token is the bot token; serve requires it. Never logged.
	Token string `yaml:"token"`
	// APIURL is a Discord-compatible server; every REST call and the
	// gateway lookup go there.
	APIURL string `yaml:"api_url"`
	// GuildID registers the slash commands in this server only.
	GuildID string `yaml:"guild_id"`
}

// DatabaseConfig locates the corpus database.
type DatabaseConfig struct {
	Path string `yaml:"path"`
}

// IngestConfig bounds what ingest accepts.
type IngestConfig struct {
	MaxFileBytes int `yaml:"max_file_bytes"`
}

// LogConfig sets the log level.
type LogConfig struct {
	Level string `yaml:"level"`
}

// defaultConfig is the configuration without a file.
func defaultConfig() Config {
	return Config{
		Discord:  DiscordConfig{APIURL: "https://discord.com"},
		Database: DatabaseConfig{Path: "briefbot.db"},
		Ingest:   IngestConfig{MaxFileBytes: 5 << 20},
		Digest:   DigestConfig{TimeZone: "UTC", WhenQuiet: string(digest.QuietPost)},
		Sources:  SourcesConfig{RequestsPerSecond: 1, FetchTimeout: "20s"},
		Log:      LogConfig{Level: "info"},
	}
}

// maxConfigBytes bounds a configuration file.
const maxConfigBytes = 1 << 20

// loadConfig reads a configuration file (see parseConfig).
func loadConfig(path string, getenv func(string) string) (Config, error) {
	st, err := os.Stat(path)
	if err == nil && st.Size() > maxConfigBytes {
		return Config{}, fmt.Errorf("config %s: larger than %d bytes", path, maxConfigBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	c, err := parseConfig(data, getenv)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

// parseConfig reads a configuration: every key must be known, ${NAME} and
// ${NAME:-default} in values are replaced from the environment (an unset
// or empty NAME without a default is an error naming it), each value must
// have its field's type, and the result must validate. Errors name the
// field ("ingest.max_file_bytes").
func parseConfig(data []byte, getenv func(string) string) (Config, error) {
	c := defaultConfig()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return c, errors.New(strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return c, c.Validate() // an empty file: the defaults
	}
	root := doc.Content[0]
	if err := checkNode(root, reflect.TypeOf(c), ""); err != nil {
		return c, err
	}
	var missing []string
	expandNode(root, getenv, "", &missing)
	if len(missing) > 0 {
		return c, fmt.Errorf("environment variables not set: %s", strings.Join(missing, ", "))
	}
	if err := decodeNode(root, &c, reflect.TypeOf(c), ""); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// checkNode reports keys the configuration does not have, by their path.
func checkNode(n *yaml.Node, t reflect.Type, path string) error {
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && n.Kind == yaml.SequenceNode {
		for i, c := range n.Content {
			if err := checkNode(c, t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		return nil
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return nil
		}
		return fmt.Errorf("%s: want a section of keys, line %d", orRoot(path), n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i].Value
		f, ok := fieldByTag(t, key)
		if !ok {
			return fmt.Errorf("%s: unknown key (line %d); the keys are: %s", join(path, key), n.Content[i].Line, strings.Join(tags(t), ", "))
		}
		if err := checkNode(n.Content[i+1], f.Type, join(path, key)); err != nil {
			return err
		}
	}
	return nil
}

// decodeNode decodes each scalar into its field, naming the field when
// the value has the wrong type.
func decodeNode(n *yaml.Node, v any, t reflect.Type, path string) error {
	rv := reflect.ValueOf(v).Elem()
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		f, _ := fieldByTag(t, key)
		field := rv.FieldByIndex(f.Index)
		if f.Type.Kind() == reflect.Struct {
			if val.Kind == yaml.MappingNode {
				if err := decodeNode(val, field.Addr().Interface(), f.Type, join(path, key)); err != nil {
					return err
				}
			}
			continue
		}
		if err := val.Decode(field.Addr().Interface()); err != nil {
			return fmt.Errorf("%s: %q is not %s (line %d)", join(path, key), val.Value, kindName(f.Type), val.Line)
		}
	}
	return nil
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	}
	return "text"
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}`)

// expandNode replaces ${NAME} and ${NAME:-default} in every scalar value
// and notes unset names ("NAME (database.path)") in missing. The
// substitution is made in the parsed value, so any character in the
// environment is taken literally.
func expandNode(n *yaml.Node, getenv func(string) string, path string, missing *[]string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			expandNode(n.Content[i+1], getenv, join(path, n.Content[i].Value), missing)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			expandNode(c, getenv, path+"["+strconv.Itoa(i)+"]", missing)
		}
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, "${") {
			return
		}
		n.Value = envRef.ReplaceAllStringFunc(n.Value, func(m string) string {
			sub := envRef.FindStringSubmatch(m)
			if v := getenv(sub[1]); v != "" {
				return v
			}
			if sub[2] != "" {
				return sub[3]
			}
			*missing = append(*missing, sub[1]+" ("+path+")")
			return ""
		})
		// Let the value take its field's type ("${SIZE}" into a number).
		n.Tag = ""
		n.Style = 0
	}
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if strings.Split(f.Tag.Get("yaml"), ",")[0] == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tags(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		out = append(out, strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0])
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orRoot(path string) string {
	if path == "" {
		return "the configuration"
	}
	return path
}

// Validate checks every field and names the first bad one.
func (c Config) Validate() error {
	switch {
	case strings.TrimSpace(c.Database.Path) == "":
		return errors.New("database.path: must not be empty")
	case c.Ingest.MaxFileBytes <= 0 || c.Ingest.MaxFileBytes > 100<<20:
		return fmt.Errorf("ingest.max_file_bytes: %d is out of range (1 to %d)", c.Ingest.MaxFileBytes, 100<<20)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		return fmt.Errorf("log.level: %q is not one of debug, info, warn, error", c.Log.Level)
	}
	if err := c.Discord.validate(); err != nil {
		return err
	}
	if err := c.Sources.validate(); err != nil {
		return err
	}
	return c.Digest.validate()
}

func (s SourcesConfig) validate() error {
	seen := map[string]bool{}
	for i, f := range s.Feeds {
		path := fmt.Sprintf("sources.feeds[%d]", i)
		canon, err := sources.CanonicalURL(f.URL)
		if err != nil {
			return fmt.Errorf("%s.url: %q is not an http(s) URL", path, f.URL)
		}
		if seen[canon] {
			return fmt.Errorf("%s.url: %s is listed twice", path, f.URL)
		}
		seen[canon] = true
		if _, err := s.feedEvery(f); err != nil {
			return fmt.Errorf("%s.every: %w", path, err)
		}
	}
	if s.RequestsPerSecond <= 0 || s.RequestsPerSecond > 100 {
		return fmt.Errorf("sources.requests_per_second: %g is out of range (above 0, at most 100)", s.RequestsPerSecond)
	}
	if d, err := time.ParseDuration(s.FetchTimeout); err != nil || d < time.Second || d > 10*time.Minute {
		return fmt.Errorf("sources.fetch_timeout: %q is not a duration from 1s to 10m such as 20s", s.FetchTimeout)
	}
	for i, r := range s.IngestRoles {
		if !snowflake.MatchString(r) {
			return fmt.Errorf("sources.ingest_roles[%d]: %q is not a Discord role id (digits)", i, r)
		}
	}
	return nil
}

// feedEvery is a configured feed's polling interval.
func (s SourcesConfig) feedEvery(f FeedConfig) (time.Duration, error) {
	if f.Every == "" {
		return sources.DefaultEvery, nil
	}
	d, err := time.ParseDuration(f.Every)
	if err != nil || d < sources.MinEvery || d > 7*24*time.Hour {
		return 0, fmt.Errorf("%q is not a duration from %s to 168h such as 30m", f.Every, sources.MinEvery)
	}
	return d, nil
}

// fetchTimeout is the validated fetch timeout.
func (s SourcesConfig) fetchTimeout() time.Duration {
	d, _ := time.ParseDuration(s.FetchTimeout)
	return d
}

func (d DigestConfig) validate() error {
	if _, err := digest.ParseSchedule("@daily", d.TimeZone); err != nil || d.TimeZone == "" {
		return fmt.Errorf("digest.timezone: %q is not an IANA time zone such as UTC or Europe/Paris", d.TimeZone)
	}
	switch digest.QuietPolicy(d.WhenQuiet) {
	case digest.QuietPost, digest.QuietSkip:
		return nil
	}
	return fmt.Errorf("digest.when_quiet: %q is not one of post, skip", d.WhenQuiet)
}

var snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)

func (d DiscordConfig) validate() error {
	u, err := url.Parse(d.APIURL)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("discord.api_url: %q is not an http(s) URL such as https://discord.com", d.APIURL)
	}
	if d.GuildID != "" && !snowflake.MatchString(d.GuildID) {
		return fmt.Errorf("discord.guild_id: %q is not a Discord id (digits)", d.GuildID)
	}
	if strings.ContainsAny(d.Token, " \t\r\n") {
		return errors.New("discord.token: contains spaces or line breaks; paste the token alone")
	}
	return nil
}
