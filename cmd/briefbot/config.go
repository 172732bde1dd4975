package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Config is briefbot's configuration file (see config.example.yaml).
type Config struct {
	Database DatabaseConfig `yaml:"database"`
	Ingest   IngestConfig   `yaml:"ingest"`
	Log      LogConfig      `yaml:"log"`
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
		Database: DatabaseConfig{Path: "briefbot.db"},
		Ingest:   IngestConfig{MaxFileBytes: 5 << 20},
		Log:      LogConfig{Level: "info"},
	}
}

// maxConfigBytes bounds a configuration file.
const maxConfigBytes = 1 << 20

// loadConfig reads a configuration file: ${NAME} and ${NAME:-default}
// are replaced from the environment first, unknown keys are errors, and
// the result is validated.
func loadConfig(path string, getenv func(string) string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	if len(data) > maxConfigBytes {
		return Config{}, fmt.Errorf("config %s: larger than %d bytes", path, maxConfigBytes)
	}
	c, err := parseConfig(data, getenv)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return c, nil
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}`)

// expandEnv replaces ${NAME} and ${NAME:-default}; an unset NAME without
// a default is an error naming it.
func expandEnv(data []byte, getenv func(string) string) ([]byte, error) {
	var missing []string
	out := envRef.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := envRef.FindSubmatch(m)
		name := string(sub[1])
		if v := getenv(name); v != "" {
			return []byte(yamlQuote(v))
		}
		if sub[2] != nil {
			return sub[3]
		}
		missing = append(missing, name)
		return nil
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("environment variable %s is not set", strings.Join(missing, ", "))
	}
	return out, nil
}

// yamlQuote keeps a substituted value a plain scalar when it is one, and
// quotes it when YAML would read it otherwise.
func yamlQuote(v string) string {
	if strings.ContainsAny(v, ":#{}[],&*!|>'\"%@`\n") || strings.TrimSpace(v) != v {
		b, _ := yaml.Marshal(v)
		return strings.TrimSpace(string(b))
	}
	return v
}

func parseConfig(data []byte, getenv func(string) string) (Config, error) {
	data, err := expandEnv(data, getenv)
	if err != nil {
		return Config{}, err
	}
	c := defaultConfig()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) { // an empty file is an empty configuration
		return Config{}, errors.New(strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
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
	return nil
}
