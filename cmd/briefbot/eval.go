package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/eval"
	"briefbot/briefing/extract"
	"briefbot/briefing/ingest"
	"briefbot/corpus"
)

const evalUsage = `Usage: briefbot eval [--gold FILE [PATH...] | --gold FILE --db FILE] [--json] [--check]

Measures extraction against gold annotations (the shape of the bundled
corpus/gold/seeds.json). It ingests the articles at PATH (files or
directories) into a temporary database and compares them with --gold; an
article is matched to its gold by file name. Without flags it measures the
bundled sample corpus against the bundled gold; --db measures an existing
database instead.

Scores: quote precision, recall and F1 (a quote matches when its words
overlap the gold text with token F1 ≥ 0.8; a quotation split in two parts on
one side matches when the parts together do), attribution (right speaker,
of the quotes matched), full/partial, scare quotes and titles taken for
quotes, meeting person-pair precision, recall and F1, the places and status of
the pairs found, call pairs, name variants merged across articles,
people merged who must stay apart, publication dates. Then every miss, one
line each.

--check exits with status 1 when a score is under its floor: quote F1 ≥ 0.95,
attribution ≥ 0.95, meeting pair F1 ≥ 0.9, no scare quote
taken for a quote, nobody over-merged, every variant group merged, every date
right.

Flags:
`

// Floors are the scores --check requires.
var floors = struct{ quoteF1, attribution, pairF1 float64 }{0.95, 0.95, 0.9}

func runEval(ctx context.Context, a *app, args []string) error {
	fs := newFlags("eval", a, evalUsage)
	goldPath := fs.String("gold", "", "gold annotations `file` (default: the bundled ones)")
	dbPath := fs.String("db", "", "measure this existing database `file` instead of ingesting")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	check := fs.Bool("check", false, "exit 1 when a score is under its floor")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if *dbPath != "" && len(pos) > 0 || (*dbPath != "" || len(pos) > 0) && *goldPath == "" {
		return fs.usageError("--db and article paths exclude each other, and each needs --gold")
	}
	goldData := corpus.Gold()
	if *goldPath != "" {
		if goldData, err = os.ReadFile(*goldPath); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	gold, err := eval.ParseGold(goldData)
	if err != nil {
		return err
	}
	ex, err := evalExport(ctx, a, *dbPath, pos)
	if err != nil {
		return err
	}
	rep := eval.Evaluate(ex, gold)
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		writeEvalReport(a.stdout, rep)
	}
	if *check {
		if fails := underFloors(rep); len(fails) > 0 {
			fmt.Fprintf(a.stderr, "under the floor: %s\n", strings.Join(fails, "; "))
			return errFailed
		}
	}
	return nil
}

// evalExport builds the export to measure: from an existing database, or
// by ingesting files and directories (or the bundled corpus) into a
// temporary one.
func evalExport(ctx context.Context, a *app, dbPath string, paths []string) (briefing.Export, error) {
	cfg := defaultConfig()
	cfg.Log.Level = "warn"
	if dbPath != "" {
		if _, err := os.Stat(dbPath); err != nil {
			return briefing.Export{}, fmt.Errorf("eval: %w", err)
		}
		cfg.Database.Path = dbPath
		e, err := openEnv(ctx, a, cfg)
		if err != nil {
			return briefing.Export{}, err
		}
		defer e.close()
		return e.db.Export(ctx)
	}
	tmp, err := os.MkdirTemp("", "briefbot-eval-")
	if err != nil {
		return briefing.Export{}, fmt.Errorf("eval: %w", err)
	}
	defer os.RemoveAll(tmp)
	cfg.Database.Path = filepath.Join(tmp, "eval.db")
	e, err := openEnv(ctx, a, cfg)
	if err != nil {
		return briefing.Export{}, err
	}
	defer e.close()
	var items []ingest.Item
	if len(paths) > 0 {
		set := ingest.Files(paths)
		if len(set.Errors) > 0 {
			return briefing.Export{}, fmt.Errorf("eval: %s: %w", set.Errors[0].Path, set.Errors[0].Err)
		}
		items = set.Items
	} else if items, err = embeddedItems(corpus.Seeds(), "seeds"); err != nil {
		return briefing.Export{}, err
	}
	p := ingest.New(extract.New(e.lex), e.db, ingest.Options{})
	if _, err := p.Run(ctx, items, func(o ingest.Outcome) {
		if o.Err != nil {
			fmt.Fprintf(a.stderr, "failed: %s: %v\n", o.Path, o.Err)
		}
	}); err != nil {
		return briefing.Export{}, err
	}
	return e.db.Export(ctx)
}

// underFloors lists the scores under their floors.
func underFloors(r eval.Report) []string {
	var out []string
	check := func(name string, got, floor float64) {
		if got < floor {
			out = append(out, fmt.Sprintf("%s %.3f < %.2f", name, got, floor))
		}
	}
	check("quote F1", r.Quotes.F1, floors.quoteF1)
	check("attribution", r.Quotes.SpeakerAccuracy, floors.attribution)
	check("meeting pair F1", r.Meetings.F1, floors.pairF1)
	if n := len(r.NotQuotes.Taken); n > 0 {
		out = append(out, fmt.Sprintf("%d scare quotes or titles taken for quotes", n))
	}
	if r.Merges.Merged < r.Merges.Groups {
		out = append(out, fmt.Sprintf("variants merged %d/%d", r.Merges.Merged, r.Merges.Groups))
	}
	if len(r.Merges.Overmerged) > 0 {
		out = append(out, "people merged that must stay apart")
	}
	if r.Dates.Right < r.Dates.Total {
		out = append(out, fmt.Sprintf("dates %d/%d", r.Dates.Right, r.Dates.Total))
	}
	return out
}

func writeEvalReport(w io.Writer, r eval.Report) {
	q, m, c := r.Quotes, r.Meetings, r.Calls
	fmt.Fprintf(w, "quotes            F1 %.3f  (recall %.3f, precision %.3f; %d gold, %d found)\n", q.F1, q.Recall, q.Precision, q.Gold, q.Predicted)
	fmt.Fprintf(w, "attribution       %.3f  (%d of %d matched quotes)\n", q.SpeakerAccuracy, q.SpeakerRight, q.Matched)
	fmt.Fprintf(w, "full/partial      %.3f  (%d of %d)\n", q.KindAccuracy, q.KindRight, q.Matched)
	fmt.Fprintf(w, "not quotes        %d of %d scare quotes or titles taken for quotes\n", len(r.NotQuotes.Taken), r.NotQuotes.Total)
	fmt.Fprintf(w, "meeting pairs     F1 %.3f  (recall %.3f, precision %.3f; %d gold, %d found)\n", m.F1, m.Recall, m.Precision, m.GoldPairs, m.PredictedPairs)
	fmt.Fprintf(w, "meeting places    %d of %d matched pairs\n", m.PlaceRight, m.Matched)
	fmt.Fprintf(w, "meeting status    %d of %d matched pairs\n", m.StatusRight, m.Matched)
	fmt.Fprintf(w, "call pairs        F1 %.3f  (%d gold, %d found)\n", c.F1, c.GoldPairs, c.PredictedPairs)
	fmt.Fprintf(w, "variants merged   %d of %d groups; over-merged people: %d\n", r.Merges.Merged, r.Merges.Groups, len(r.Merges.Overmerged))
	fmt.Fprintf(w, "dates             %d of %d\n", r.Dates.Right, r.Dates.Total)
	fmt.Fprintf(w, "people found      %.3f  (%d of %d); roles %d of %d\n", r.People.Recall, r.People.Found, r.People.Gold, r.People.RolesFound, r.People.RolesGold)
	lists := []struct {
		title string
		items []string
	}{
		{"missed quotes", q.Missed}, {"spurious quotes", q.Spurious}, {"wrong speakers", q.WrongSpeaker},
		{"scare quotes taken for quotes", r.NotQuotes.Taken},
		{"missed meeting pairs", m.Missed}, {"spurious meeting pairs", m.Spurious},
		{"wrong meeting places", m.WrongPlace}, {"wrong meeting status", m.WrongStatus},
		{"missed call pairs", c.Missed}, {"spurious call pairs", c.Spurious},
		{"split people", r.Merges.Split}, {"over-merged people", r.Merges.Overmerged}, {"wrong dates", r.Dates.Wrong},
	}
	for _, l := range lists {
		if len(l.items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", l.title)
		for _, it := range l.items {
			fmt.Fprintf(w, "  - %s\n", it)
		}
	}
}
