package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph"
)

const eventsAbout = `Lists the events of the stored documents: who did what to whom, when and where,
newest first. The reports of all outlets with the same source and target codes, CAMEO
root, date (within a day) and place are one event; its counts are the mentions, the
distinct sources (sites) and the distinct articles that reported it. Codes are prefixes
(--actor CHN matches CHN, CHNGOV, CHNMIL…). Negated and hypothetical events are not
listed: they did not happen.

One line per event: date, source → target (with the names of the first report),
CAMEO code (PLOVER category), Goldstein value, mentions/sources/articles, place and
the first report's sentence. --json prints one object per event with its mentions.`

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "events", "", eventsAbout)
	db := dbFlag(fs, e)
	actorCode := fs.String("actor", "", "events whose source or target code starts with CODE")
	source := fs.String("source", "", "events whose source code starts with CODE")
	target := fs.String("target", "", "events whose target code starts with CODE")
	pair := fs.String("pair", "", "events between two country codes, either direction (CHN,KOR)")
	root := fs.String("root", "", "events of one CAMEO root (two digits: 19)")
	name := fs.String("name", "", "events whose source or target is this name (case-insensitive)")
	doc := fs.String("doc", "", "events reported by this document ID")
	from := fs.String("from", "", "events dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "events dated on or before this date")
	limit := fs.Int("limit", 50, "number of events (at most 1000)")
	offset := fs.Int("offset", 0, "events to skip")
	asJSON := fs.Bool("json", false, "one JSON object per event, with its mentions")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := checkPage(*limit, *offset); err != nil {
		return err
	}
	if err := checkDates(*from, *to); err != nil {
		return err
	}
	if *root != "" && (len(*root) != 2 || strings.Trim(*root, "0123456789") != "") {
		return fmt.Errorf("bad --root %q: use a two-digit CAMEO root such as 19", *root)
	}
	q := newsgraph.EventQuery{Actor: *actorCode, Source: *source, Target: *target, Root: *root, Name: *name,
		DocID: *doc, From: *from, To: *to, Mentions: true, Limit: *limit, Offset: *offset}
	if *pair != "" {
		a, b, ok := strings.Cut(*pair, ",")
		a, b = strings.TrimSpace(a), strings.TrimSpace(b)
		if !ok || a == "" || b == "" || strings.Contains(b, ",") {
			return fmt.Errorf("bad --pair %q: use two country codes separated by a comma (CHN,KOR)", *pair)
		}
		q.Pair = [2]string{a, b}
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	events, err := st.Events(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, ev := range events {
			if err := enc.Encode(ev); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		return nil
	}
	for i := range events {
		if err := writeEventLine(e.stdout, &events[i]); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if len(events) == 0 {
		fmt.Fprintln(e.stdout, "no events")
	}
	return nil
}

// writeEventLine writes one event on one line: date, source → target,
// cameo (plover), goldstein, mentions/sources/articles, place and the
// first mention's sentence.
func writeEventLine(w io.Writer, ev *newsgraph.CorpusEvent) error {
	date := ev.Date
	if date == "" {
		date = "undated"
	}
	target := "—"
	if ev.Target != nil {
		target = eventActorText(ev.Target.Code, ev.Target.Name)
	}
	code := ev.Cameo
	if ev.Plover != "" {
		code += " (" + ev.Plover + ")"
	}
	place := "—"
	if l := ev.Location; l != nil {
		place = l.Name
		if l.Country != "" {
			place += ", " + l.Country
		}
	}
	line := fmt.Sprintf("%s  %s → %s  %s  %+.1f  %d/%d/%d mentions/sources/articles  %s", date, eventActorText(ev.Source.Code, ev.Source.Name),
		target, code, ev.Goldstein, ev.NumMentions, ev.NumSources, ev.NumArticles, place)
	if len(ev.Mentions) > 0 {
		line += "  " + quoteLine(ev.Mentions[0].Event.Evidence.Text)
	}
	_, err := fmt.Fprintln(w, line)
	return err
}

// eventActorText is a code with the actor's name: "CHNGOV (Xi Jinping)".
func eventActorText(code, name string) string {
	if name == "" {
		return code
	}
	return code + " (" + name + ")"
}
