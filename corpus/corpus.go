// Package corpus ships the sample corpus: five news articles about the
// March 2024 Gaza ceasefire talks (the demo and test corpus) and their
// hand-checked gold annotations.
package corpus

import (
	"embed"
	"io/fs"
)

//go:embed seeds/*.txt
var seeds embed.FS

//go:embed gold/seeds.json
var gold []byte

// Seeds returns the sample articles; file names are the articles' sources.
func Seeds() fs.FS {
	sub, err := fs.Sub(seeds, "seeds")
	if err != nil {
		panic(err) // the embedded directory exists by construction
	}
	return sub
}

// Gold returns the gold annotations of the sample articles (JSON).
func Gold() []byte { return append([]byte(nil), gold...) }
