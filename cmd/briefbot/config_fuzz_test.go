package main

import "testing"

// FuzzParseConfig checks that no configuration text panics the reader,
// and that what it accepts validates.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{"", "database:\n  path: x.db\n", "log: {level: debug}", "ingest:\n  max_file_bytes: ${N:-7}\n", "[", "database: [1, 2]", "a: &a [*a]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseConfig([]byte(s), func(string) string { return "" })
		if err == nil {
			if verr := c.Validate(); verr != nil {
				t.Fatalf("accepted an invalid config: %v", verr)
			}
		}
	})
}
