package storage

import (
	"briefbot/briefing"
	"briefbot/briefing/normalize"
)

func normalizeBench(name string, data []byte) (briefing.Article, error) {
	return normalize.Normalize(name, data, normalize.Options{})
}
