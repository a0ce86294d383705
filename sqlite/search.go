package sqlite

import (
	"context"
	"database/sql"
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

// scanHit scans hitColumns and a snippet, preceded by extra columns.
func scanHit(sc interface{ Scan(...any) error }, h *newsgraph.SearchHit, extra ...any) error {
	var title, date, prec, origin, raw, ptime, conflict, lang, site, url, snippet sql.NullString
	if err := sc.Scan(append(extra, &h.ID, &title, &date, &prec, &origin, &raw, &ptime, &conflict, &lang, &site, &url, &snippet)...); err != nil {
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

// textSearch runs a full-text query with as few FTS5 query instantiations
// as possible (each one walks the doclists of every term, which is what
// costs on a large store):
//
//  1. the rowids of the newest count+1 matches, newest first: this gives
//     Total (up to the cap) and, for broad queries, the page itself;
//  2. for narrow queries (Total <= rank cap and every phrase in at most
//     df-cap documents) the page ranked by bm25;
//  3. the details and snippets of the page's rows, in one query bounded by
//     the page's rowid range.
func (s *Store) textSearch(ctx context.Context, tx *sql.Tx, match string, groups [][]string, f searchFilter, limit, offset int, res *newsgraph.SearchResult) error {
	join := ""
	if f.where != "" {
		join = " JOIN documents d ON d.seq = f.rowid"
	}
	newest, err := queryInts(ctx, tx, `SELECT f.rowid FROM documents_fts f`+join+`
		WHERE f.documents_fts MATCH ?`+f.and()+` ORDER BY f.rowid DESC LIMIT ?`,
		append(append([]any{match}, f.args...), s.limits.count+1)...)
	if err != nil {
		return fmt.Errorf("count: %w", err)
	}
	res.Total = len(newest)
	if offset >= res.Total {
		return nil
	}

	ranked := res.Total <= s.limits.rank
	if ranked && (len(groups) > 1 || len(groups[0]) > 1 || f.where != "") {
		// bm25 weighs each phrase by scanning all its documents first.
		for _, g := range groups {
			for _, phrase := range g {
				over, err := queryInts(ctx, tx, `SELECT rowid FROM documents_fts
					WHERE documents_fts MATCH ? LIMIT 1 OFFSET ?`, phrase, s.limits.df)
				if err != nil {
					return fmt.Errorf("document frequency: %w", err)
				}
				ranked = ranked && len(over) == 0
			}
		}
	}

	type pageRow struct {
		seq   int64
		score float64
	}
	var page []pageRow
	switch {
	case ranked:
		// bm25 is lower-is-better, title weighted 5x the body.
		rows, err := tx.QueryContext(ctx, `SELECT f.rowid, bm25(documents_fts, 5.0, 1.0) AS score
			FROM documents_fts f`+join+` WHERE f.documents_fts MATCH ?`+f.and()+`
			ORDER BY score, f.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{match}, f.args...), limit, offset)...)
		if err != nil {
			return fmt.Errorf("rank: %w", err)
		}
		for rows.Next() {
			var p pageRow
			if err := rows.Scan(&p.seq, &p.score); err != nil {
				rows.Close()
				return fmt.Errorf("rank: %w", err)
			}
			page = append(page, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("rank: %w", err)
		}
	case offset+limit <= len(newest) || len(newest) <= s.limits.count:
		for _, seq := range newest[offset:min(offset+limit, len(newest))] {
			page = append(page, pageRow{seq: seq})
		}
	default: // a page beyond the counted matches
		seqs, err := queryInts(ctx, tx, `SELECT f.rowid FROM documents_fts f`+join+`
			WHERE f.documents_fts MATCH ?`+f.and()+` ORDER BY f.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{match}, f.args...), limit, offset)...)
		if err != nil {
			return fmt.Errorf("page: %w", err)
		}
		for _, seq := range seqs {
			page = append(page, pageRow{seq: seq})
		}
	}
	if len(page) == 0 {
		return nil
	}

	// Details and snippets: one query over the page's rowid range; the IN
	// list keeps only the page's rows, so snippet() runs for those alone.
	lo, hi := page[0].seq, page[0].seq
	args := []any{newsgraph.SnippetOpen, newsgraph.SnippetClose, match}
	in := make([]string, len(page))
	for i, p := range page {
		lo, hi = min(lo, p.seq), max(hi, p.seq)
		in[i] = "?"
		args = append(args, p.seq)
	}
	args = append(args, lo, hi)
	rows, err := tx.QueryContext(ctx, `SELECT f.rowid, `+hitColumns+`,
		snippet(documents_fts, 1, ?, ?, '…', `+fmt.Sprint(snippetTokens)+`)
		FROM documents_fts f JOIN documents d ON d.seq = f.rowid
		WHERE f.documents_fts MATCH ? AND +f.rowid IN (`+strings.Join(in, ",")+`)
		AND f.rowid >= ? AND f.rowid <= ?`, args...)
	if err != nil {
		return fmt.Errorf("details: %w", err)
	}
	defer rows.Close()
	hits := make(map[int64]newsgraph.SearchHit, len(page))
	for rows.Next() {
		var seq int64
		var h newsgraph.SearchHit
		if err := scanHit(rows, &h, &seq); err != nil {
			return fmt.Errorf("details: %w", err)
		}
		hits[seq] = h
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("details: %w", err)
	}
	for _, p := range page {
		h, ok := hits[p.seq]
		if !ok {
			continue // cannot happen within one read transaction
		}
		if p.score != 0 {
			h.Score = -p.score // Score is higher-is-better
		}
		res.Hits = append(res.Hits, h)
	}
	return nil
}

// queryInts runs a query returning one integer column.
func queryInts(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
