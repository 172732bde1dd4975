// Package corpusgen generates deterministic, realistic English news articles
// for benchmarks and scale tests of briefbot's extraction.
//
// Each article is a text file in the format of corpus/seeds: an optional
// inline " date YYYY-MM-DD " prefix, paragraphs separated by blank lines or
// single newlines, section headings, page noise and sometimes a closing
// "— Outlet" line. Every article comes with its Truth: the people it names
// (and the surface forms used), its quotations, meetings and figures.
//
// Articles are pure functions of the Config and their index, so they can be
// generated in any order or in parallel:
//
//	g := corpusgen.New(corpusgen.Config{Seed: 1})
//	a := g.Article(42)
//
// About 15% of articles re-run an earlier article of the same story from
// another outlet with light rephrasing, and about 1% repeat an earlier
// article byte for byte under a new name.
package corpusgen
