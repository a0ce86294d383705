package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Search limits.
const (
	// DefaultLimit is the page size when SearchQuery.Limit is 0.
	DefaultLimit = 20
	// MaxLimit caps SearchQuery.Limit.
	MaxLimit = 1000
	// snippetTokens is the length of a snippet in tokens.
	snippetTokens = 24
)

// Search runs a full-text query with filters; see the package doc for the
// query language. Hits are ordered by bm25 (title weighted 5x body); when
// only filters are given, by date, newest first. Total counts every match.
func (s *Store) Search(ctx context.Context, q newsgraph.SearchQuery) (*newsgraph.SearchResult, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(q.Offset, 0)

	// Filters on the documents table d.
	var where []string
	var args []any
	if q.From != "" || q.To != "" {
		lo, hi := "0000-01-01", "9999-12-31"
		if q.From != "" {
			l, _, ok := dateRange(q.From)
			if !ok {
				return nil, fmt.Errorf("sqlite: search: bad from date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.From)
			}
			lo = l
		}
		if q.To != "" {
			_, h, ok := dateRange(q.To)
			if !ok {
				return nil, fmt.Errorf("sqlite: search: bad to date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.To)
			}
			hi = h
		}
		where = append(where, "d.date_lo <= ? AND d.date_hi >= ?")
		args = append(args, hi, lo)
	}
	if q.Lang != "" {
		where = append(where, "d.language = ?")
		args = append(args, q.Lang)
	}
	if q.Site != "" {
		where = append(where, "d.site = ?")
		args = append(args, q.Site)
	}
	if q.Entity != "" {
		where = append(where, "EXISTS (SELECT 1 FROM entities e WHERE e.name_key = ? AND e.doc_id = d.id)")
		args = append(args, strings.ToLower(strings.TrimSpace(q.Entity)))
	}

	match := ftsQuery(q.Text)
	if match == "" && len(where) == 0 {
		return &newsgraph.SearchResult{Hits: []newsgraph.SearchHit{}}, nil
	}

	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only

	res := &newsgraph.SearchResult{Hits: []newsgraph.SearchHit{}}
	var countSQL, hitsSQL string
	var countArgs, hitArgs []any
	filter := strings.Join(where, " AND ")
	if match == "" {
		countSQL = "SELECT count(*) FROM documents d WHERE " + filter
		countArgs = args
		hitsSQL = `SELECT d.id, d.title, d.published_date, d.published_precision, d.published_origin,
			d.published_raw, d.published_time, d.published_conflict, d.language, d.site, d.url,
			substr(coalesce(json_extract(d.record, '$.paragraphs[0]'), ''), 1, 200), 0.0
			FROM documents d WHERE ` + filter + `
			ORDER BY d.date_hi IS NULL, d.date_hi DESC, d.id LIMIT ? OFFSET ?`
		hitArgs = append(append(hitArgs, args...), limit, offset)
	} else {
		if filter == "" {
			countSQL = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?"
			countArgs = []any{match}
		} else {
			countSQL = `SELECT count(*) FROM documents_fts f JOIN documents d ON d.seq = f.rowid
				WHERE f.documents_fts MATCH ? AND ` + filter
			countArgs = append([]any{match}, args...)
		}
		cond := ""
		if filter != "" {
			cond = " AND " + filter
		}
		// ORDER BY rank lets FTS5 sort by bm25 itself, so snippet() runs only
		// for the rows returned, not for every match.
		hitsSQL = `SELECT d.id, d.title, d.published_date, d.published_precision, d.published_origin,
			d.published_raw, d.published_time, d.published_conflict, d.language, d.site, d.url,
			snippet(documents_fts, 1, ?, ?, '…', ` + fmt.Sprint(snippetTokens) + `), rank
			FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
			WHERE documents_fts MATCH ?` + cond + `
			ORDER BY rank LIMIT ? OFFSET ?`
		hitArgs = append([]any{newsgraph.SnippetOpen, newsgraph.SnippetClose, match}, args...)
		hitArgs = append(hitArgs, limit, offset)
	}
	if err := tx.QueryRowContext(ctx, countSQL, countArgs...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: count: %w", match, err)
	}
	if res.Total == 0 || offset >= res.Total {
		return res, nil
	}
	rows, err := tx.QueryContext(ctx, hitsSQL, hitArgs...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", match, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h newsgraph.SearchHit
		var title, date, prec, origin, raw, ptime, conflict, lang, site, url sql.NullString
		if err := rows.Scan(&h.ID, &title, &date, &prec, &origin, &raw, &ptime, &conflict, &lang, &site, &url, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", match, err)
		}
		h.Title, h.Language, h.Site, h.URL = title.String, lang.String, site.String, url.String
		h.Published = newsgraph.Published{Date: date.String, Precision: newsgraph.Precision(prec.String),
			Origin: origin.String, Raw: raw.String, Time: ptime.String, Conflict: conflict.String}
		// bm25 is negative, lower is better; report higher-is-better.
		h.Score = -h.Score
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", match, err)
	}
	return res, nil
}
