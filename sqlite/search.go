package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Search limits and the thresholds that keep a query fast on a large store.
const (
	// DefaultLimit is the page size when SearchQuery.Limit is 0.
	DefaultLimit = 20
	// MaxLimit caps SearchQuery.Limit.
	MaxLimit = 1000
	// CountCap bounds counting: SearchResult.Total is exact up to CountCap;
	// beyond it Total is CountCap and Capped is set (show "1,000+").
	CountCap = 1_000
	// RankCap is the largest number of matches ranked by bm25. Broader
	// queries are ordered newest stored first; see the package doc.
	RankCap = 1_000
	// dfCap is the largest number of documents a single term or phrase of a
	// ranked query may occur in: bm25 first scans every document of every
	// phrase to weigh it, whatever the other terms and filters.
	dfCap = 5_000
	// snippetTokens is the length of a snippet in tokens.
	snippetTokens = 24
	// leadRunes is the length of the lead shown for filter-only hits.
	leadRunes = 200
)

// searchLimits are the search thresholds of a store (the constants above;
// tests lower them to exercise the broad-query paths on small stores).
type searchLimits struct {
	count, rank, df int
}

// searchFilter is a query's filters in two forms: where, the exact SQL
// condition on documents d; and meta, an FTS5 expression on the meta column
// that selects the same documents (or a superset), with residual the part of
// where still to check after meta.
type searchFilter struct {
	where    string
	args     []any
	meta     []string
	residual string
	resArgs  []any
	none     bool // nothing can match
}

func (s *Store) newFilter(ctx context.Context, tx *sql.Tx, q newsgraph.SearchQuery) (searchFilter, error) {
	var f searchFilter
	var where, residual []string
	if q.From != "" || q.To != "" {
		lo, hi := "0000-01-01", "9999-12-31"
		if q.From != "" {
			l, _, ok := dateRange(q.From)
			if !ok {
				return f, fmt.Errorf("bad from date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.From)
			}
			lo = l
		}
		if q.To != "" {
			_, h, ok := dateRange(q.To)
			if !ok {
				return f, fmt.Errorf("bad to date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.To)
			}
			hi = h
		}
		// Overlap of [date_lo, date_hi] with [lo, hi]; NULLs (undated) fail.
		cond := "d.date_lo <= ? AND d.date_hi >= ?"
		where = append(where, cond)
		f.args = append(f.args, hi, lo)
		// Clamp an open range to the stored dates before making tokens.
		var first, last sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT min(date_lo) FROM documents), (SELECT max(date_hi) FROM documents)`).
			Scan(&first, &last); err != nil {
			return f, fmt.Errorf("date extent: %w", err)
		}
		expr, exact := "", false
		if first.Valid && last.Valid {
			expr, _ = dateTokens(max(lo, first.String), min(hi, last.String))
			// Clamping changes no result, so exactness is that of the
			// filter's own bounds.
			exact = strings.HasSuffix(lo, "-01") && monthEnd(hi)
		}
		if !first.Valid || max(lo, first.String) > min(hi, last.String) {
			f.none = true // no stored date can overlap
		}
		if expr != "" {
			f.meta = append(f.meta, expr)
		}
		if !exact {
			residual = append(residual, cond)
			f.resArgs = append(f.resArgs, hi, lo)
		}
	}
	if q.Lang != "" {
		where = append(where, "d.language = ?")
		f.args = append(f.args, q.Lang)
		f.meta = append(f.meta, `meta : "`+hashToken("l", q.Lang)+`"`)
	}
	if q.Site != "" {
		where = append(where, "d.site = ?")
		f.args = append(f.args, q.Site)
		f.meta = append(f.meta, `meta : "`+hashToken("s", q.Site)+`"`)
	}
	if e := strings.ToLower(strings.TrimSpace(q.Entity)); e != "" {
		cond := "EXISTS (SELECT 1 FROM entities e WHERE e.name_key = ? AND e.doc_seq = d.seq)"
		where = append(where, cond)
		f.args = append(f.args, e)
		residual = append(residual, cond)
		f.resArgs = append(f.resArgs, e)
	}
	f.where = strings.Join(where, " AND ")
	f.residual = strings.Join(residual, " AND ")
	return f, nil
}

// monthEnd reports whether a YYYY-MM-DD date is the last day of its month.
func monthEnd(d string) bool {
	t, err := time.Parse(time.DateOnly, d)
	return err == nil && t.AddDate(0, 0, 1).Day() == 1
}

// and returns " AND <filter>" or "".
func (f searchFilter) and() string {
	if f.where == "" {
		return ""
	}
	return " AND " + f.where
}

// filtered returns the FTS5 expression of text restricted to title and body
// and AND-ed with the meta filters, the join needed for the residual
// filter, the residual condition and its arguments.
func (f searchFilter) filtered(text string) (match, join, cond string, args []any) {
	match = "{title body} : (" + text + ")"
	for _, m := range f.meta {
		match += " AND " + m
	}
	if f.residual != "" {
		join, cond = " JOIN documents d ON d.seq = f.rowid", " AND "+f.residual
	}
	return match, join, cond, f.resArgs
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
	groups := parseQuery(q.Text)
	match := joinQuery(groups)
	res := &newsgraph.SearchResult{Hits: []newsgraph.SearchHit{}}
	if match == "" && q.From == "" && q.To == "" && q.Lang == "" && q.Site == "" && strings.TrimSpace(q.Entity) == "" {
		return res, nil
	}

	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	filter, err := s.newFilter(ctx, tx, q)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	if filter.none {
		return res, nil
	}
	if match == "" {
		err = s.filterSearch(ctx, tx, filter, limit, offset, res)
	} else {
		err = s.textSearch(ctx, tx, match, groups, filter, limit, offset, res)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", match, err)
	}
	if res.Total > s.limits.count {
		res.Total, res.Capped = s.limits.count, true
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
	if offset >= res.Total && res.Total <= s.limits.count {
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
	fmatch, fjoin, fcond, fargs := f.filtered(match)
	newest, err := queryInts(ctx, tx, `SELECT f.rowid FROM documents_fts f`+fjoin+`
		WHERE f.documents_fts MATCH ?`+fcond+` ORDER BY f.rowid DESC LIMIT ?`,
		append(append([]any{fmatch}, fargs...), s.limits.count+1)...)
	if err != nil {
		return fmt.Errorf("count: %w", err)
	}
	res.Total = len(newest)
	if offset >= res.Total && res.Total <= s.limits.count {
		return nil
	}

	ranked := res.Total <= s.limits.rank
	if ranked {
		// bm25 weighs each phrase by scanning all its documents first, and
		// matching a phrase walks the documents of each of its words: rank
		// only when every word is rare enough. A lone word without filters
		// needs no check: its document count is Total.
		var words []string
		for _, g := range groups {
			for _, phrase := range g {
				words = append(words, phraseWords(phrase)...)
			}
		}
		if len(words) > 1 || f.where != "" {
			for _, w := range words {
				over, err := queryInts(ctx, tx, `SELECT rowid FROM documents_fts
					WHERE documents_fts MATCH ? LIMIT 1 OFFSET ?`, "{title body} : "+w, s.limits.df)
				if err != nil {
					return fmt.Errorf("document frequency: %w", err)
				}
				if len(over) > 0 {
					ranked = false
					break
				}
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
		// Filters by join here: the meta phrases would add their own
		// document-frequency scans to bm25's work.
		join := ""
		if f.where != "" {
			join = " JOIN documents d ON d.seq = f.rowid"
		}
		rows, err := tx.QueryContext(ctx, `SELECT f.rowid, bm25(documents_fts, 5.0, 1.0, 0.0) AS score
			FROM documents_fts f`+join+` WHERE f.documents_fts MATCH ?`+f.and()+`
			ORDER BY score, f.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{"{title body} : (" + match + ")"}, f.args...), limit, offset)...)
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
		seqs, err := queryInts(ctx, tx, `SELECT f.rowid FROM documents_fts f`+fjoin+`
			WHERE f.documents_fts MATCH ?`+fcond+` ORDER BY f.rowid DESC LIMIT ? OFFSET ?`,
			append(append([]any{fmatch}, fargs...), limit, offset)...)
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
	args := []any{newsgraph.SnippetOpen, newsgraph.SnippetClose, "{title body} : (" + match + ")"}
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
