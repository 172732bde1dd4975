package main

import (
	"os"
	"reflect"
	"testing"
)

// TestExampleConfig keeps config.example.yaml valid: it parses strictly and
// gives the defaults.
func TestExampleConfig(t *testing.T) {
	data, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := parseConfig(data, func(string) string { return "" })
	if err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	if !reflect.DeepEqual(c, defaultConfig()) {
		t.Errorf("config.example.yaml gives %+v, want the defaults %+v", c, defaultConfig())
	}
}
