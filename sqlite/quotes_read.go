package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// maxQuoteSources bounds the mentions listed per quote group.
const maxQuoteSources = 50

// Quotes lists the corpus's quotes (groups of mentions), newest first,
// with their sources: filters by speaker (any mention attributed to the
// name), words (full-text query over the quote, the search syntax) and
// first publication date. About is matched with stemming through the
// documents' index, then in the quote itself (each term at the start of
// one of its words).
func (s *Store) Quotes(ctx context.Context, q newsgraph.QuoteQuery) ([]newsgraph.QuoteGroup, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	var where []string
	var args []any
	if groups := parseQuery(q.About); len(groups) > 0 {
		// The documents' full-text index finds the documents; the quote
		// must then hold the words itself (every word of one OR branch).
		where = append(where, `g.id IN (SELECT m.group_id FROM quotes m WHERE m.doc_seq IN
			(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))`)
		args = append(args, joinQuery(groups))
		// groups are ANDed; the terms of one group are alternatives (OR).
		// A term matches the start of a word of the quote, so "farmer"
		// finds "farmers" as the stemmed index did.
		for _, g := range groups {
			var ors []string
			for _, term := range g {
				w := newsgraph.NormalizeText(strings.Trim(strings.TrimSuffix(term, " *"), `"`))
				if w == "" {
					continue
				}
				ors = append(ors, "instr(' ' || g.text_key, ?) > 0")
				args = append(args, " "+w)
			}
			if len(ors) > 0 {
				where = append(where, "("+strings.Join(ors, " OR ")+")")
			}
		}
	} else if strings.TrimSpace(q.About) != "" {
		return []newsgraph.QuoteGroup{}, nil // only operators or punctuation
	}
	if sp := strings.ToLower(strings.TrimSpace(q.Speaker)); sp != "" {
		where = append(where, "g.id IN (SELECT m.group_id FROM quotes m WHERE m.speaker_key = ?)")
		args = append(args, sp)
	}
	if q.From != "" {
		where = append(where, "g.first_date >= ?")
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, "g.first_date <= ?")
		args = append(args, q.To+"\uffff") // "2022" takes in "2022-12-31"
	}
	query := `SELECT g.id, g.text, g.kind, coalesce(g.speaker, ''), coalesce(g.speaker_actor, ''), g.mentions,
		coalesce(g.first_date, ''), coalesce(g.last_date, '') FROM quote_groups g`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY g.first_date IS NULL, g.first_date DESC, g.id DESC LIMIT ? OFFSET ?"
	args = append(args, limit, max(q.Offset, 0))

	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	out := []newsgraph.QuoteGroup{}
	for rows.Next() {
		var g newsgraph.QuoteGroup
		if err := rows.Scan(&g.ID, &g.Text, &g.Kind, &g.Speaker, &g.SpeakerActor, &g.Mentions, &g.FirstDate, &g.LastDate); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		out = append(out, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	for i := range out {
		src, err := quoteSources(ctx, tx, out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Sources = src
	}
	return out, nil
}

// quoteSources lists a group's mentions, earliest first.
func quoteSources(ctx context.Context, tx *sql.Tx, group int64) ([]newsgraph.QuoteSource, error) {
	rows, err := tx.QueryContext(ctx, `SELECT d.id, coalesce(d.title, ''), coalesce(d.site, ''), coalesce(q.date, ''), coalesce(q.speaker, ''),
		q.cue, q.paragraph, q.start, q."end"
		FROM quotes q JOIN documents d ON d.seq = q.doc_seq WHERE q.group_id = ?
		ORDER BY q.date IS NULL, q.date, q.doc_seq LIMIT ?`, group, maxQuoteSources)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quote sources: %w", err)
	}
	defer rows.Close()
	out := []newsgraph.QuoteSource{}
	for rows.Next() {
		var s newsgraph.QuoteSource
		if err := rows.Scan(&s.DocID, &s.Title, &s.Site, &s.Date, &s.Speaker, &s.Cue, &s.Paragraph, &s.Start, &s.End); err != nil {
			return nil, fmt.Errorf("sqlite: quote sources: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quote sources: %w", err)
	}
	return out, nil
}
