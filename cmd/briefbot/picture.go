package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"briefbot/briefing"
	"briefbot/briefing/picture"
)

const graphUsage = `Usage: briefbot graph [--db FILE | --config FILE] [--depth 1|2] [--json] PERSON --out FILE.png

Draws a person's meeting network as a PNG: the people they met in person
(at depth 2, also the people those met), linked by lines as thick as the
number of meetings: solid for held, dashed for planned, crossed for
canceled. Large networks keep their strongest links. The same summary in
words is printed on stdout.

Examples:
  briefbot graph barnea --out g.png
  briefbot graph --depth 2 "william burns" --out burns.png

Flags:
`

const chartUsage = `Usage: briefbot chart [--db FILE | --config FILE] [--json] [SUBJECT] --out FILE.png

Draws a timeline chart as a PNG: articles per publication day about a
person or a topic (everything when no subject is given), with in-person
meetings marked on the days they were held or planned for. The same
summary in words is printed on stdout.

Examples:
  briefbot chart --out t.png
  briefbot chart barnea --out barnea.png
  briefbot chart "rafah crossing" --out rafah.png

Flags:
`

func runGraph(ctx context.Context, a *app, args []string) error {
	fs := newFlags("graph", a, graphUsage)
	depth := fs.Int("depth", 1, "1: the people the person met; 2: also the people those met")
	return runPicture(ctx, a, fs, args, func(words []string) (briefing.Command, error) {
		if len(words) == 0 {
			return briefing.Command{}, fs.usageError("give a person, for example: briefbot graph barnea --out g.png")
		}
		if *depth < 1 || *depth > briefing.MaxGraphDepth {
			return briefing.Command{}, fs.usageError("--depth is 1 or 2, not %d", *depth)
		}
		return briefing.Command{Name: briefing.CmdGraph, Person: strings.Join(words, " "), Depth: *depth}, nil
	}, func(ctx context.Context, r *picture.Renderer, ans briefing.Answer) (picture.Image, error) {
		return r.Network(ctx, ans.(briefing.GraphAnswer))
	})
}

func runChart(ctx context.Context, a *app, args []string) error {
	fs := newFlags("chart", a, chartUsage)
	return runPicture(ctx, a, fs, args, func(words []string) (briefing.Command, error) {
		return briefing.Command{Name: briefing.CmdTimelineChart, Subject: strings.Join(words, " ")}, nil
	}, func(ctx context.Context, r *picture.Renderer, ans briefing.Answer) (picture.Image, error) {
		return r.Chart(ans.(briefing.ChartAnswer))
	})
}

// runPicture answers a picture command: it parses the flags, asks the
// query layer, prints the answer in words (or JSON) and writes the
// picture to --out.
func runPicture(ctx context.Context, a *app, fs *flags, args []string,
	command func(words []string) (briefing.Command, error),
	draw func(context.Context, *picture.Renderer, briefing.Answer) (picture.Image, error)) error {
	var f dbFlags
	f.register(fs)
	out := fs.String("out", "", "the PNG file to write (required)")
	asJSON := fs.Bool("json", false, "print the answer as JSON")
	words, err := fs.parse(args)
	if err != nil {
		return err
	}
	cmd, err := command(words)
	if err != nil {
		return err
	}
	if *out == "" {
		return fs.usageError("give the file to write with --out FILE.png")
	}
	if st, err := os.Stat(*out); err == nil && st.IsDir() {
		return fs.usageError("--out %s is a directory; give a file, for example %s", *out, filepath.Join(*out, fs.Name()+".png"))
	}
	if st, err := os.Stat(filepath.Dir(*out)); err != nil || !st.IsDir() {
		return fmt.Errorf("write %s: directory %s does not exist", *out, filepath.Dir(*out))
	}
	ans, err := f.ask(ctx, a, cmd, *asJSON)
	if err != nil {
		return err
	}
	if err := writeAnswer(a.stdout, ans, *asJSON); err != nil {
		return err
	}
	r, err := picture.NewRenderer(ctx)
	if err != nil {
		return err
	}
	defer r.Close()
	img, err := draw(ctx, r, ans)
	if errors.Is(err, picture.ErrNothingToDraw) {
		fmt.Fprintf(a.stderr, "briefbot %s: nothing to draw, so %s was not written\n", fs.Name(), *out)
		return errFailed
	}
	if err != nil {
		return fmt.Errorf("draw: %w", err)
	}
	if err := writeFileAtomic(*out, img.PNG); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "wrote %s: %d×%d pixels, %d KB\n", *out, img.Width, img.Height, (len(img.PNG)+1023)/1024)
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the
// same directory, so that a failed write never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
