package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

const quotesAbout = `Lists the quotes of the stored documents, newest first. The same quote carried
by several outlets (case, punctuation, quotation marks and a little editing aside) is
one quote with many mentions: its text and speaker are the earliest mention's, and
its sources are listed earliest first.`

func runQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "quotes", "", quotesAbout)
	db := dbFlag(fs, e)
	speaker := fs.String("speaker", "", "quotes attributed to this name (case-insensitive)")
	about := fs.String("about", "", "full-text query over the quotes' words (the search syntax)")
	from := fs.String("from", "", "first published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := fs.String("to", "", "first published on or before this date")
	limit := fs.Int("limit", 20, "number of quotes (at most 1000)")
	offset := fs.Int("offset", 0, "quotes to skip")
	asJSON := fs.Bool("json", false, "one JSON object per quote")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := checkPage(*limit, *offset); err != nil {
		return err
	}
	if err := checkDates(*from, *to); err != nil {
		return err
	}
	st, err := openStore(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	groups, err := st.Quotes(ctx, newsgraph.QuoteQuery{Speaker: *speaker, About: *about, From: *from, To: *to, Limit: *limit, Offset: *offset})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, g := range groups {
			if err := enc.Encode(g); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		return nil
	}
	for _, g := range groups {
		who := g.Speaker
		if who == "" {
			who = "(speaker unknown)"
		}
		if g.SpeakerActor != "" {
			who += " [" + g.SpeakerActor + "]"
		}
		dates := g.FirstDate
		if g.LastDate != "" && g.LastDate != g.FirstDate {
			dates += " … " + g.LastDate
		}
		fmt.Fprintf(e.stdout, "%s — %s, %s, %d mention(s)\n  %s\n", who, g.Kind, dates, g.Mentions, quoteLine(g.Text))
		for i, s := range g.Sources {
			if i == 3 {
				fmt.Fprintf(e.stdout, "    … and %d more\n", len(g.Sources)-3)
				break
			}
			fmt.Fprintf(e.stdout, "    %s  %s  %s (%s)\n", s.Date, s.DocID, s.Title, s.Site)
		}
	}
	if len(groups) == 0 {
		fmt.Fprintln(e.stdout, "no quotes")
	}
	return nil
}

// quoteLine puts a quote's text on one line in quotation marks.
func quoteLine(s string) string {
	return "“" + strings.Join(strings.Fields(s), " ") + "”"
}
