package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeConfig writes a configuration file in dir and returns its path.
func writeConfig(t *testing.T, dir, text string) string {
	t.Helper()
	return writeFile(t, dir, "briefbot.yaml", []byte(text))
}

func TestConfigUnknownKey(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ text, key string }{
		{"database:\n  path: x.db\n  colour: red\n", "colour"},
		{"databse:\n  path: x.db\n", "databse"},
		{"log:\n  level: info\n  format: json\n", "format"},
		{"ingest:\n  max_bytes: 10\n", "max_bytes"},
		{"sources:\n  feeds:\n    - url: https://a.example/rss\n      evry: 1h\n", "sources.feeds[0].evry"},
	} {
		dir := t.TempDir()
		cfg := writeConfig(t, dir, tc.text)
		r := run(t, "migrate", "--config", cfg)
		wantCode(t, r, exitError)
		wantContains(t, "stderr", r.stderr, cfg, tc.key)
		assertNoDatabase(t, dir)
	}
}

// assertNoDatabase fails if a database file appeared in dir.
func assertNoDatabase(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".db") {
			t.Errorf("a bad configuration created %s", e.Name())
		}
	}
}

func TestConfigBadValues(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, text, field string }{
		{"negative size", "ingest:\n  max_file_bytes: -1\n", "ingest.max_file_bytes"},
		{"zero size", "ingest:\n  max_file_bytes: 0\n", "ingest.max_file_bytes"},
		{"huge size", "ingest:\n  max_file_bytes: 104857601\n", "ingest.max_file_bytes"},
		{"loud log", "log:\n  level: loud\n", "log.level"},
		{"empty path", "database:\n  path: \"\"\n", "database.path"},
		{"blank path", "database:\n  path: \"   \"\n", "database.path"},
		// A value of the wrong type names its field too, not only its line.
		{"size not a number", "ingest:\n  max_file_bytes: lots\n", "max_file_bytes"},
		{"feed not a URL", "sources:\n  feeds:\n    - url: ftp://a.example/rss\n", "sources.feeds[0].url"},
		{"feed twice", "sources:\n  feeds:\n    - url: https://a.example/rss\n    - url: https://A.example/rss?utm_source=x\n", "sources.feeds[1].url"},
		{"feed too often", "sources:\n  feeds:\n    - url: https://a.example/rss\n      every: 1m\n", "sources.feeds[0].every"},
		{"feed every nonsense", "sources:\n  feeds:\n    - url: https://a.example/rss\n      every: daily\n", "sources.feeds[0].every"},
		{"no rate", "sources:\n  requests_per_second: 0\n", "sources.requests_per_second"},
		{"bad timeout", "sources:\n  fetch_timeout: forever\n", "sources.fetch_timeout"},
		{"bad role", "sources:\n  ingest_roles: [admins]\n", "sources.ingest_roles[0]"},
		{"private not a bool", "sources:\n  allow_private_networks: maybe\n", "allow_private_networks"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			cfg := writeConfig(t, dir, "database:\n  path: "+filepath.Join(dir, "c.db")+"\n"+tc.text)
			if tc.field == "database.path" {
				cfg = writeConfig(t, dir, tc.text)
			}
			r := run(t, "ingest", "--config", cfg, seedsDir(t))
			wantCode(t, r, exitError)
			wantContains(t, "stderr", r.stderr, cfg, tc.field)
			if r.stdout != "" {
				t.Errorf("stdout should be empty:\n%s", r.stdout)
			}
			assertNoDatabase(t, dir)
		})
	}
}

func TestConfigValidateBounds(t *testing.T) {
	t.Parallel()
	for size, ok := range map[int]bool{1: true, 100 << 20: true, 100<<20 + 1: false, 0: false, -5: false} {
		c := defaultConfig()
		c.Ingest.MaxFileBytes = size
		if err := c.Validate(); (err == nil) != ok {
			t.Errorf("max_file_bytes %d: Validate() = %v, want ok=%v", size, err, ok)
		}
	}
	for _, level := range []string{"debug", "info", "warn", "error"} {
		c := defaultConfig()
		c.Log.Level = level
		if err := c.Validate(); err != nil {
			t.Errorf("log.level %q: %v", level, err)
		}
	}
	if err := defaultConfig().Validate(); err != nil {
		t.Errorf("the default configuration is invalid: %v", err)
	}
}

func TestConfigMalformed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "database: [\n")
	r := run(t, "migrate", "--config", cfg)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, cfg)

	// Not readable, even by root: a directory, a dangling link, nothing.
	asDir := filepath.Join(dir, "dir.yaml")
	if err := os.Mkdir(asDir, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(filepath.Join(dir, "no-such-target.yaml"), link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{asDir, link, filepath.Join(dir, "missing.yaml")} {
		if _, err := os.ReadFile(p); err == nil {
			t.Fatalf("%s is readable; the test needs an unreadable path", p)
		}
		r := run(t, "migrate", "--config", p)
		wantCode(t, r, exitError)
		wantContains(t, "stderr", r.stderr, "config "+p)
	}

	// Too large.
	big := writeFile(t, dir, "big.yaml", []byte("# "+strings.Repeat("x", 1<<20)+"\n"))
	r = run(t, "migrate", "--config", big)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "larger than")
}

func TestConfigEnvExpansion(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "database:\n  path: ${DBDIR}/c.db\nlog:\n  level: ${LEVEL:-warn}\n")
	rn := runner{env: map[string]string{"DBDIR": dir}}
	r := rn.run(t, "migrate", "--config", cfg)
	wantCode(t, r, exitOK)
	if want := filepath.Join(dir, "c.db") + ": schema version 5\n"; r.stdout != want {
		t.Errorf("stdout = %q, want %q", r.stdout, want)
	}
	// The level defaulted to warn: no info line about the migration.
	wantNotContains(t, "stderr", r.stderr, "database migrated")

	// Set, the variable wins over the default.
	dir2 := t.TempDir()
	rn = runner{env: map[string]string{"DBDIR": dir2, "LEVEL": "debug"}}
	r = rn.run(t, "migrate", "--config", cfg)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, filepath.Join(dir2, "c.db"))
	wantContains(t, "stderr", r.stderr, "database migrated")
}

func TestConfigEnvDefault(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "database:\n  path: ${NOT_SET_DB:-"+filepath.Join(dir, "default.db")+"}\n")
	r := run(t, "migrate", "--config", cfg)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, filepath.Join(dir, "default.db"))
	if _, err := os.Stat(filepath.Join(dir, "default.db")); err != nil {
		t.Error(err)
	}
}

func TestConfigEnvMissing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "database:\n  path: ${BRIEFBOT_TEST_MISSING}/c.db\nlog:\n  level: ${ALSO_MISSING}\n")
	rn := runner{env: map[string]string{"OTHER": "x"}}
	r := rn.run(t, "migrate", "--config", cfg)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, cfg, "BRIEFBOT_TEST_MISSING", "ALSO_MISSING", "not set")
	assertNoDatabase(t, dir)
}

func TestConfigEnvNumber(t *testing.T) {
	t.Parallel()
	// A substituted number reaches an integer field: the limit applies.
	dir := t.TempDir()
	good := writeFile(t, dir, "in/good.txt", seedText(t, goodSeed)) // 2275 bytes
	cfg := writeConfig(t, dir, "database:\n  path: "+filepath.Join(dir, "c.db")+"\ningest:\n  max_file_bytes: ${MAX}\n")
	rn := runner{env: map[string]string{"MAX": "1000"}}
	r := rn.run(t, "ingest", "--config", cfg, good)
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "failed: "+good+": too large")
	rn = runner{env: map[string]string{"MAX": "3000"}}
	r = rn.run(t, "ingest", "--config", cfg, good)
	wantCode(t, r, exitOK)
}

func TestConfigEnvSpecialCharacters(t *testing.T) {
	t.Parallel()
	// Values with YAML syntax in them are data, never YAML.
	for _, tc := range []struct{ name, sub, text string }{
		{"whole value", "odd #dir: x", "database:\n  path: ${DB}\n"},
		{"start of a value", "odd #dir: x", "database:\n  path: ${DIR}/c.db\n"},
		{"inside quotes", "odd #dir: x", "database:\n  path: \"${DIR}/c.db\"\n"},
		{"brackets", "[a], {b}", "database:\n  path: ${DIR}/c.db\n"},
		{"quote mark", "it's", "database:\n  path: ${DIR}/c.db\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), tc.sub)
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, "c.db")
			cfg := writeConfig(t, t.TempDir(), tc.text)
			rn := runner{env: map[string]string{"DIR": dir, "DB": db}}
			r := rn.run(t, "migrate", "--config", cfg)
			wantCode(t, r, exitOK)
			if r.stdout != db+": schema version 5\n" {
				t.Errorf("stdout = %q, want the database at %q", r.stdout, db)
			}
			if _, err := os.Stat(db); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestConfigDBFlagOverrides(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fromConfig := filepath.Join(dir, "config.db")
	fromFlag := filepath.Join(dir, "flag.db")
	cfg := writeConfig(t, dir, "database:\n  path: "+fromConfig+"\n")
	r := run(t, "migrate", "--config", cfg, "--db", fromFlag)
	wantCode(t, r, exitOK)
	if r.stdout != fromFlag+": schema version 5\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	if _, err := os.Stat(fromConfig); err == nil {
		t.Error("the config's database was created although --db overrides it")
	}
	// Flags after a positional too.
	r = run(t, "ingest", filepath.Join(seedsDir(t), goodSeed), "--config", cfg, "--db", fromFlag)
	wantCode(t, r, exitOK)
	if _, err := os.Stat(fromConfig); err == nil {
		t.Error("the config's database was created although --db overrides it")
	}
	// The rest of the configuration still applies with --db.
	small := writeConfig(t, t.TempDir(), "database:\n  path: "+fromConfig+"\ningest:\n  max_file_bytes: 100\n")
	r = run(t, "ingest", "--config", small, "--db", filepath.Join(dir, "small.db"), filepath.Join(seedsDir(t), goodSeed))
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, "too large")
}

func TestConfigFromEnvironment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	envDB := filepath.Join(dir, "env.db")
	envCfg := writeFile(t, dir, "env.yaml", []byte("database:\n  path: "+envDB+"\n"))
	rn := runner{env: map[string]string{"BRIEFBOT_CONFIG": envCfg}}
	r := rn.run(t, "migrate")
	wantCode(t, r, exitOK)
	if r.stdout != envDB+": schema version 5\n" {
		t.Errorf("stdout = %q, want the database of $BRIEFBOT_CONFIG", r.stdout)
	}

	// --config wins over the environment.
	flagDB := filepath.Join(dir, "flag.db")
	flagCfg := writeFile(t, dir, "flag.yaml", []byte("database:\n  path: "+flagDB+"\n"))
	r = rn.run(t, "migrate", "--config", flagCfg)
	wantCode(t, r, exitOK)
	if r.stdout != flagDB+": schema version 5\n" {
		t.Errorf("stdout = %q, want the database of --config", r.stdout)
	}

	// A bad file named by the environment is reported like one named by
	// the flag.
	bad := writeFile(t, dir, "bad.yaml", []byte("bogus: 1\n"))
	rn = runner{env: map[string]string{"BRIEFBOT_CONFIG": bad}}
	r = rn.run(t, "ask", "sources")
	wantCode(t, r, exitError)
	wantContains(t, "stderr", r.stderr, bad, "bogus")
}

func TestConfigEmptyFile(t *testing.T) {
	// No t.Parallel: the default database path is relative to the working
	// directory.
	dir := t.TempDir()
	t.Chdir(dir)
	for i, text := range []string{"", "# nothing here\n", "\n\n", "---\n"} {
		cfg := writeFile(t, dir, "empty.yaml", []byte(text))
		r := run(t, "migrate", "--config", cfg)
		wantCode(t, r, exitOK)
		if r.stdout != "briefbot.db: schema version 5\n" {
			t.Errorf("config %d (%q): stdout = %q, want the default database", i, text, r.stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "briefbot.db")); err != nil {
		t.Error(err)
	}
	// Partial: only the level; the rest stays default.
	cfg := writeFile(t, dir, "partial.yaml", []byte("log:\n  level: error\n"))
	r := run(t, "migrate", "--config", cfg)
	wantCode(t, r, exitOK)
	wantContains(t, "stdout", r.stdout, "briefbot.db: schema version 5")
}

func TestParseConfig(t *testing.T) {
	t.Parallel()
	env := map[string]string{"HOME": "/home/x", "N": "42"}
	getenv := func(k string) string { return env[k] }
	c, err := parseConfig([]byte("database:\n  path: ${HOME}/b.db\ningest:\n  max_file_bytes: ${N}\nlog:\n  level: ${L:-debug}\n"), getenv)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Discord: DiscordConfig{APIURL: "https://discord.com"}, Database: DatabaseConfig{Path: "/home/x/b.db"}, Ingest: IngestConfig{MaxFileBytes: 42}, Digest: DigestConfig{TimeZone: "UTC", WhenQuiet: "post"}, Sources: defaultConfig().Sources, Log: LogConfig{Level: "debug"}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("parseConfig = %+v, want %+v", c, want)
	}
	c, err = parseConfig(nil, getenv)
	if err != nil || !reflect.DeepEqual(c, defaultConfig()) {
		t.Errorf("empty configuration = %+v, %v; want the defaults", c, err)
	}
	// Text that only looks like a reference stays.
	c, err = parseConfig([]byte("database:\n  path: $HOME/{x}.db\n"), getenv)
	if err != nil || c.Database.Path != "$HOME/{x}.db" {
		t.Errorf("path = %q, %v; want it unchanged", c.Database.Path, err)
	}
}
