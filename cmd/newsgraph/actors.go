package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/registry"
	"github.com/newsgraph/newsgraph/web"
)

const actorsAbout = `Lists the corpus-wide actor registry: every entity that documents coded with a
CAMEO-style actor code (CHNGOV, KORELI), most documents first, with its settled code,
its documents, their first and last dates and the descriptors texts used for it.
With NAME, shows that actor in detail: its codes, its descriptors with counts and
dates, and its documents per month.

--overrides FILE (- for standard input) loads a file of codes that fix or add actors,
replacing the overrides loaded before, and prints nothing else. One actor per line:

    NAME = CODE [FROM..TO]  # comment

    Jane Doe = ATLGOV 2025-01-20..     # in office from that day
    Jane Doe = ATLOPP ..2025-01-19
    Acme Shipping = KORBUS

Blank lines and # comments are ignored; NAME is matched case-insensitively. CODE is
a 3-letter country (ISO 3166 alpha-3) or international prefix (IGO, NGO, …) and up to
four 3-letter sectors (GOV, MIL, ELI, OPP, BUS, …). The date range (YYYY, YYYY-MM or
YYYY-MM-DD, both ends inclusive, either may be left out) bounds when the code holds;
one name may have several lines with ranges that do not overlap.`

func runActors(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "actors", "[NAME]", actorsAbout)
	db := dbFlag(fs, e)
	asJSON := fs.Bool("json", false, "print JSON: one actor per line, or the actor in detail with NAME")
	country := fs.String("country", "", "actors whose code is of this country (ISO 3166 alpha-3, e.g. KOR)")
	code := fs.String("code", "", "actors whose code starts with this (e.g. KORGOV)")
	typ := fs.String("type", "", "actors of this entity type (PERSON, ORG, GPE, LOC, MISC)")
	limit := fs.Int("limit", 50, "number of actors to list (at most 1000)")
	offset := fs.Int("offset", 0, "actors to skip")
	overrides := fs.String("overrides", "", "load this override file into the database (- for standard input)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *limit < 1 || *limit > 1000 || *offset < 0 {
		return errors.New("--limit must be from 1 to 1000 and --offset at least 0")
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *overrides != "" {
		list, err := readOverrides(e, *overrides)
		if err != nil {
			return err
		}
		if err := st.SetOverrides(ctx, list); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "actors: loaded %d override(s) from %s\n", len(list), *overrides)
		return nil
	}
	if len(pos) > 0 {
		name := strings.Join(pos, " ")
		a, err := st.Actor(ctx, registry.Key(name))
		if errors.Is(err, newsgraph.ErrNotFound) {
			return fmt.Errorf("no actor %q in the registry", name)
		}
		if err != nil {
			return err
		}
		months, err := st.ActorMonths(ctx, a.Key)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, web.NewActorDetail(a, months))
		}
		return printActor(e.stdout, a, months)
	}
	q := newsgraph.ActorQuery{Country: strings.ToUpper(*country), Code: strings.ToUpper(*code), Type: strings.ToUpper(*typ), Limit: *limit, Offset: *offset}
	actors, err := st.Actors(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		w := bufio.NewWriter(e.stdout)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, a := range actors {
			if err := enc.Encode(a); err != nil {
				return fmt.Errorf("write actor %s: %w", a.Key, err)
			}
		}
		return w.Flush()
	}
	return printActors(e.stdout, actors)
}

// readOverrides parses an override file, or standard input for "-".
func readOverrides(e *env, path string) ([]registry.Override, error) {
	var r io.Reader = e.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("open overrides: %w", err)
		}
		defer f.Close()
		r = f
	}
	list, err := registry.ParseOverrides(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return list, nil
}

// printActors writes the registry as a table.
func printActors(w io.Writer, actors []newsgraph.RegisteredActor) error {
	if len(actors) == 0 {
		_, err := fmt.Fprintln(w, "no actors")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTYPE\tCODE\tDOCS\tDATES\tDESCRIPTORS")
	for _, a := range actors {
		var ds []string
		for _, d := range a.Descriptors[:min(3, len(a.Descriptors))] {
			ds = append(ds, fmt.Sprintf("%s ×%d", d.Descriptor, d.Count))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", oneLine(a.Name), orDash(a.Type), actorCode(a.Actor), a.Documents,
			orDash(span(a.FirstDate, a.LastDate)), orDash(oneLine(strings.Join(ds, "; "))))
	}
	return tw.Flush()
}

// printActor writes one actor in detail.
func printActor(w io.Writer, a *newsgraph.RegisteredActor, months []newsgraph.MonthCount) error {
	fmt.Fprintf(w, "%s (%s)\n", oneLine(a.Name), orDash(a.Type))
	if c := a.Actor; c != nil {
		fmt.Fprintf(w, "code:        %s — %s (%s)\nevidence:    %s\n", c.Code, registry.Explain(c.Code), orDash(c.Source), orDash(oneLine(c.Evidence)))
	} else {
		fmt.Fprintf(w, "code:        -\n")
	}
	fmt.Fprintf(w, "documents:   %d", a.Documents)
	if s := span(a.FirstDate, a.LastDate); s != "" {
		fmt.Fprintf(w, ", %s", s)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\ncodes:\n")
	if len(a.Codes) == 0 {
		fmt.Fprintf(tw, "  none\n")
	}
	for _, c := range a.Codes {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t×%d\t%s\n", c.Code, registry.Explain(c.Code), c.Source, c.Count, orDash(span(c.FirstDate, c.LastDate)))
	}
	fmt.Fprintf(tw, "\ndescriptors:\n")
	if len(a.Descriptors) == 0 {
		fmt.Fprintf(tw, "  none\n")
	}
	for _, d := range a.Descriptors {
		fmt.Fprintf(tw, "  %s\t%s\t×%d\t%s\n", oneLine(d.Descriptor), orDash(d.Code), d.Count, orDash(span(d.FirstDate, d.LastDate)))
	}
	fmt.Fprintf(tw, "\nmonths:\n")
	if len(months) == 0 {
		fmt.Fprintf(tw, "  none dated to the month\n")
	}
	peak := 0
	for _, m := range months {
		peak = max(peak, m.Count)
	}
	for _, m := range months {
		bar := strings.Repeat("#", max(1, m.Count*40/max(1, peak)))
		fmt.Fprintf(tw, "  %s\t%d\t%s\n", m.Month, m.Count, bar)
	}
	return tw.Flush()
}

// actorCode is the code of an actor, with "*" when an override set it.
func actorCode(a *newsgraph.Actor) string {
	switch {
	case a == nil || a.Code == "":
		return "-"
	case a.Source == newsgraph.ActorFromOverride:
		return a.Code + "*"
	}
	return a.Code
}

// span writes "first … last", one date when they are equal, "" without.
func span(first, last string) string {
	switch {
	case first == "" && last == "":
		return ""
	case first == last || last == "":
		return first
	case first == "":
		return last
	}
	return first + " … " + last
}

// oneLine replaces tabs and line breaks so a value stays in its cell.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
