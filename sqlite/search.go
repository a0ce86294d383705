package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Search limits and the thresholds that keep a query fast on a large store.
const (
	// DefaultLimit is the page size when SearchQuery.Limit is 0.
	DefaultLimit = 20
	// MaxLimit caps SearchQuery.Limit.
	MaxLimit = 1000
	// CountCap bounds counting: SearchResult.Total is exact up to CountCap;
	// a Total of CountCap+1 means "more than CountCap" (show "10,000+").
	CountCap = 10_000
	// RankCap is the largest number of matches ranked by bm25. Broader
	// queries are ordered newest stored first; see the package doc.
	RankCap = 2_000
	// dfCap is the largest number of documents a single term or phrase of a
	// ranked query may occur in: bm25 first scans every document of every
	// phrase to weigh it, whatever the other terms and filters.
	dfCap = 5_000
	// snippetTokens is the length of a snippet in tokens.
	snippetTokens = 24
	// leadRunes is the length of the lead shown for filter-only hits.
	leadRunes = 200
)

// CountText formats a Total for display: "10,000+" when counting stopped at
// CountCap, the number otherwise.
func CountText(total int) string {
	if total > CountCap {
		return fmt.Sprintf("%s+", thousands(CountCap))
	}
	return thousands(total)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// searchLimits are the search thresholds of a store (the constants above;
// tests lower them to exercise the broad-query paths on small stores).
type searchLimits struct {
	count, rank, df int
}

// searchFilter is the SQL condition on documents d for a query's filters.
type searchFilter struct {
	where string
	args  []any
}

func newFilter(q newsgraph.SearchQuery) (searchFilter, error) {
	var where []string
	var args []any
	if q.From != "" || q.To != "" {
		lo, hi := "0000-01-01", "9999-12-31"
		if q.From != "" {
			l, _, ok := dateRange(q.From)
			if !ok {
				return searchFilter{}, fmt.Errorf("bad from date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.From)
			}
			lo = l
		}
		if q.To != "" {
			_, h, ok := dateRange(q.To)
			if !ok {
				return searchFilter{}, fmt.Errorf("bad to date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.To)
			}
			hi = h
		}
		// Overlap of [date_lo, date_hi] with [lo, hi]; NULLs (undated) fail.
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
	if e := strings.ToLower(strings.TrimSpace(q.Entity)); e != "" {
		where = append(where, "EXISTS (SELECT 1 FROM entities e WHERE e.name_key = ? AND e.doc_id = d.id)")
		args = append(args, e)
	}
	return searchFilter{where: strings.Join(where, " AND "), args: args}, nil
}

// and returns " AND <filter>" or "".
func (f searchFilter) and() string {
	if f.where == "" {
		return ""
	}
	return " AND " + f.where
}

// Search runs a full-text query with filters; see the package doc for the
// query language and the ordering. Total counts matches up to CountCap.
func (s *Store) Search(ctx context.Context, q newsgraph.SearchQuery) (*newsgraph.SearchResult, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(q.Offset, 0)
	filter, err := newFilter(q)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	groups := parseQuery(q.Text)
	match := joinQuery(groups)
	res := &newsgraph.SearchResult{Hits: []newsgraph.SearchHit{}}
	if match == "" && filter.where == "" {
		return res, nil
	}

	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	if match == "" {
		err = s.filterSearch(ctx, tx, filter, limit, offset, res)
	} else {
		err = s.textSearch(ctx, tx, match, groups, filter, limit, offset, res)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", match, err)
	}
	return res, nil
}

// hitColumns are the documents columns of a hit, in scanHit order.
const hitColumns = `d.id, d.title, d.published_date, d.published_precision, d.published_origin,
	d.published_raw, d.published_time, d.published_conflict, d.language, d.site, d.url`

func scanHit(sc interface{ Scan(...any) error }, h *newsgraph.SearchHit) error {
	var title, date, prec, origin, raw, ptime, conflict, lang, site, url, snippet sql.NullString
	if err := sc.Scan(&h.ID, &title, &date, &prec, &origin, &raw, &ptime, &conflict, &lang, &site, &url, &snippet); err != nil {
		return err
	}
	h.Title, h.Language, h.Site, h.URL, h.Snippet = title.String, lang.String, site.String, url.String, snippet.String
	h.Published = newsgraph.Published{Date: date.String, Precision: newsgraph.Precision(prec.String),
		Origin: origin.String, Raw: raw.String, Time: ptime.String, Conflict: conflict.String}
	return nil
}

// filterSearch lists the documents passing the filters, newest first, with
// the start of the first paragraph as snippet.
func (s *Store) filterSearch(ctx context.Context, tx *sql.Tx, f searchFilter, limit, offset int, res *newsgraph.SearchResult) error {
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM documents d WHERE "+f.where+" LIMIT ?)",
		append(f.args[:len(f.args):len(f.args)], s.limits.count+1)...).Scan(&res.Total)
	if err != nil {
		return fmt.Errorf("count: %w", err)
	}
	if offset >= res.Total {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+hitColumns+`,
		substr(coalesce(json_extract(r.record, '$.paragraphs[0]'), ''), 1, ?)
		FROM documents d JOIN document_records r ON r.seq = d.seq
		WHERE `+f.where+`
		ORDER BY d.date_hi DESC, d.seq DESC LIMIT ? OFFSET ?`,
		append(append([]any{leadRunes}, f.args...), limit, offset)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var h newsgraph.SearchHit
		if err := scanHit(rows, &h); err != nil {
			return err
		}
		res.Hits = append(res.Hits, h)
	}
	return rows.Err()
}

// textSearch runs a full-text query in three steps: a bounded count, the
// page of rowids (by bm25 when the query is narrow enough to rank quickly,
// else newest first), then the details and snippet of each hit.
func (s *Store) textSearch(ctx context.Context, tx *sql.Tx, match string, groups [][]string, f searchFilter, limit, offset int, res *newsgraph.SearchResult) error {
	var countSQL string
	if f.where == "" {
		countSQL = `SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)`
	} else {
		countSQL = `SELECT count(*) FROM (SELECT 1 FROM documents_fts f JOIN documents d ON d.seq = f.rowid
			WHERE f.documents_fts MATCH ?` + f.and() + ` LIMIT ?)`
	}
	args := append(append([]any{match}, f.args...), s.limits.count+1)
	if err := tx.QueryRowContext(ctx, countSQL, args...).Scan(&res.Total); err != nil {
		return fmt.Errorf("count: %w", err)
	}
	if offset >= res.Total {
		return nil
	}

	ranked := res.Total <= s.limits.rank
	if ranked && (len(groups) > 1 || len(groups[0]) > 1 || f.where != "") {
		for _, g := range groups {
			for _, phrase := range g {
				var over int
				err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents_fts
					WHERE documents_fts MATCH ? LIMIT 1 OFFSET ?)`, phrase, s.limits.df).Scan(&over)
				if err != nil {
					return fmt.Errorf("document frequency: %w", err)
				}
				ranked = ranked && over == 0
			}
		}
	}

	// Step 2: the page. bm25 (lower is better) with the title weighted 5x.
	order := "f.rowid DESC"
	score := "0.0"
	if ranked {
		order, score = "score, f.rowid DESC", "bm25(documents_fts, 5.0, 1.0)"
	}
	join := ""
	if f.where != "" {
		join = " JOIN documents d ON d.seq = f.rowid"
	}
	rows, err := tx.QueryContext(ctx, `SELECT f.rowid, `+score+` AS score FROM documents_fts f`+join+`
		WHERE f.documents_fts MATCH ?`+f.and()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(append([]any{match}, f.args...), limit, offset)...)
	if err != nil {
		return fmt.Errorf("page: %w", err)
	}
	type pageRow struct {
		seq   int64
		score float64
	}
	var page []pageRow
	for rows.Next() {
		var p pageRow
		if err := rows.Scan(&p.seq, &p.score); err != nil {
			rows.Close()
			return fmt.Errorf("page: %w", err)
		}
		page = append(page, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("page: %w", err)
	}

	// Step 3: details and snippets, for the page only.
	detail, err := tx.PrepareContext(ctx, `SELECT `+hitColumns+`,
		snippet(documents_fts, 1, ?, ?, '…', `+fmt.Sprint(snippetTokens)+`)
		FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
		WHERE documents_fts MATCH ? AND documents_fts.rowid = ?`)
	if err != nil {
		return fmt.Errorf("prepare details: %w", err)
	}
	defer detail.Close()
	for _, p := range page {
		h := newsgraph.SearchHit{}
		if p.score != 0 {
			h.Score = -p.score // bm25 is lower-is-better; Score is higher-is-better
		}
		err := scanHit(detail.QueryRowContext(ctx, newsgraph.SnippetOpen, newsgraph.SnippetClose, match, p.seq), &h)
		if errors.Is(err, sql.ErrNoRows) {
			continue // cannot happen within one read transaction
		}
		if err != nil {
			return fmt.Errorf("details: %w", err)
		}
		res.Hits = append(res.Hits, h)
	}
	return nil
}
