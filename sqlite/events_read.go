package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Compile-time check that *Store is a newsgraph.EventReader.
var _ newsgraph.EventReader = (*Store)(nil)

const (
	// DefaultEventLimit is the page size of Events when EventQuery.Limit
	// is 0 (at most MaxLimit).
	DefaultEventLimit = 50
	// MaxEventMentions bounds the mentions Events lists per event
	// (earliest first); NumMentions counts them all.
	MaxEventMentions = 100
)

// eventColumns are the events columns of a CorpusEvent, in scanEvent
// order.
const eventColumns = `e.id, e.source_code, e.source_country, e.source_name, e.target_code, e.target_country,
	e.target_name, e.cameo, e.root, e.quad_class, e.goldstein, e.plover, e.date, e.date_precision,
	e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
	e.location_precision, e.geonames_id, e.num_mentions, e.num_sources, e.num_articles,
	e.first_seen, e.last_seen, e.source_url`

// scanEvent decodes one row of eventColumns.
func scanEvent(sc interface{ Scan(...any) error }) (*newsgraph.CorpusEvent, error) {
	var ev newsgraph.CorpusEvent
	var srcName, tgtName, prec, firstSeen, lastSeen, url sql.NullString
	var tgtCode, tgtCountry string
	var loc placeScan
	if err := sc.Scan(&ev.ID, &ev.Source.Code, &ev.Source.Country, &srcName, &tgtCode, &tgtCountry, &tgtName,
		&ev.Cameo, &ev.Root, &ev.QuadClass, &ev.Goldstein, &ev.Plover, &ev.Date, &prec,
		&loc.name, &loc.country, &loc.admin1, &loc.lat, &loc.lon, &loc.precision, &loc.gid,
		&ev.NumMentions, &ev.NumSources, &ev.NumArticles, &firstSeen, &lastSeen, &url); err != nil {
		return nil, err
	}
	ev.Source.Name = srcName.String
	if tgtCode != "" {
		ev.Target = &newsgraph.CorpusActor{Code: tgtCode, Country: tgtCountry, Name: tgtName.String}
	}
	ev.DatePrecision, ev.FirstSeen, ev.LastSeen, ev.SourceURL = prec.String, firstSeen.String, lastSeen.String, url.String
	ev.Location = loc.place()
	return &ev, nil
}

// placeScan receives the location columns of an event or a mention.
type placeScan struct {
	name, country, admin1, precision sql.NullString
	lat, lon                         sql.NullFloat64
	gid                              sql.NullInt64
}

// place returns the scanned place, nil when there is none.
func (p *placeScan) place() *newsgraph.Place {
	if !p.name.Valid {
		return nil
	}
	return &newsgraph.Place{Name: p.name.String, Country: p.country.String, Admin1: p.admin1.String,
		Lat: p.lat.Float64, Lon: p.lon.Float64, Precision: p.precision.String, GeonamesID: int(p.gid.Int64)}
}

// eventFilter returns the SQL condition on events e for q's filters (""
// for none) and its arguments.
func eventFilter(q newsgraph.EventQuery) (string, []any, error) {
	var where []string
	var args []any
	prefix := func(col, p string) {
		where = append(where, col+" >= ? AND "+col+" < ?")
		args = append(args, p, p+"\U0010FFFF")
	}
	if a := strings.ToUpper(strings.TrimSpace(q.Actor)); a != "" {
		where = append(where, "(e.source_code >= ? AND e.source_code < ? OR e.target_code >= ? AND e.target_code < ?)")
		args = append(args, a, a+"\U0010FFFF", a, a+"\U0010FFFF")
	}
	if s := strings.ToUpper(strings.TrimSpace(q.Source)); s != "" {
		prefix("e.source_code", s)
	}
	if t := strings.ToUpper(strings.TrimSpace(q.Target)); t != "" {
		prefix("e.target_code", t)
	}
	a, b := strings.ToUpper(strings.TrimSpace(q.Pair[0])), strings.ToUpper(strings.TrimSpace(q.Pair[1]))
	if a != "" && b != "" {
		where = append(where, "(e.source_country = ? AND e.target_country = ? OR e.source_country = ? AND e.target_country = ?)")
		args = append(args, a, b, b, a)
	}
	if n := strings.ToLower(strings.TrimSpace(q.Name)); n != "" {
		where = append(where, "(e.source_name_key = ? OR e.target_name_key = ?)")
		args = append(args, n, n)
	}
	if r := strings.TrimSpace(q.Root); r != "" {
		where = append(where, "e.root = ?")
		args = append(args, r)
	}
	if q.From != "" || q.To != "" {
		// Overlap of the event's days with the filter's, as for
		// documents: From 2022-05 finds an event dated only "2022";
		// undated events are left out.
		lo, hi := "0000-01-01", "9999-12-31"
		if q.From != "" {
			l, _, ok := dateRange(q.From)
			if !ok {
				return "", nil, fmt.Errorf("bad from date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.From)
			}
			lo = l
		}
		if q.To != "" {
			_, h, ok := dateRange(q.To)
			if !ok {
				return "", nil, fmt.Errorf("bad to date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", q.To)
			}
			hi = h
		}
		where = append(where, "e.date_lo <= ? AND e.date_hi >= ?")
		args = append(args, hi, lo)
	}
	if q.DocID != "" {
		where = append(where, `e.id IN (SELECT m.event_id FROM event_mentions m
			WHERE m.doc_seq = (SELECT seq FROM documents WHERE id = ?) AND m.event_id IS NOT NULL)`)
		args = append(args, q.DocID)
	}
	return strings.Join(where, " AND "), args, nil
}

// Events returns the corpus events that match q, newest date first (undated
// last), then most mentioned; see newsgraph.EventReader. Limit defaults to
// DefaultEventLimit and is at most MaxLimit; with Mentions, each event
// lists up to MaxEventMentions mentions, earliest published first.
func (s *Store) Events(ctx context.Context, q newsgraph.EventQuery) ([]newsgraph.CorpusEvent, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultEventLimit
	}
	limit = min(limit, MaxLimit)
	cond, args, err := eventFilter(q)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	query := "SELECT " + eventColumns + " FROM events e"
	if cond != "" {
		query += " WHERE " + cond
	}
	// NULLs (undated events) sort last in descending order.
	query += " ORDER BY e.date_lo DESC, e.num_mentions DESC, e.id DESC LIMIT ? OFFSET ?"
	args = append(args, limit, max(q.Offset, 0))

	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	out := []newsgraph.CorpusEvent{}
	for rows.Next() {
		ev, err := scanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		out = append(out, *ev)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	if q.Mentions {
		for i := range out {
			ms, err := eventMentions(ctx, tx, out[i].ID)
			if err != nil {
				return nil, err
			}
			out[i].Mentions = ms
		}
	}
	return out, nil
}

// mentionColumns are the event_mentions m and documents d columns of an
// EventMention, in scanMention order.
const mentionColumns = `coalesce(m.event_id, 0), d.id, coalesce(d.title, ''), coalesce(d.site, ''), coalesce(m.url, ''),
	coalesce(m.published, ''), m.position, m.source_name, m.target_name, m.doc_length,
	m.source_entity, m.source_code, m.source_country, m.has_target, m.target_entity, m.target_code, m.target_country,
	m.cameo, m.root, m.quad_class, m.goldstein, m.plover, m.date, m.date_precision,
	m.location_name, m.location_country, m.location_admin1, m.location_lat, m.location_lon, m.location_precision, m.geonames_id,
	m.evidence_paragraph, m.evidence_sentence, m.evidence_start, m.evidence_end, m.evidence_text, m.negated, m.confidence,
	m.trigger_text, m.trigger_start, m.trigger_end, m.hypothetical, m.evidence_doc_sentence`

// scanMention decodes one row of mentionColumns, preceded by extra
// columns.
func scanMention(sc interface{ Scan(...any) error }, extra ...any) (*newsgraph.EventMention, error) {
	var m newsgraph.EventMention
	var srcName, tgtName, srcEntity, tgtEntity, tgtCode, tgtCountry, date, prec sql.NullString
	var hasTarget bool
	var loc placeScan
	var trigText sql.NullString
	var trigStart, trigEnd, docSent sql.NullInt64
	e := &m.Event
	ev := &e.Evidence
	if err := sc.Scan(append(extra, &m.EventID, &m.DocID, &m.Title, &m.Site, &m.URL, &m.Published, &m.Position, &srcName, &tgtName, &m.DocLength,
		&srcEntity, &e.Source.Code, &e.Source.Country, &hasTarget, &tgtEntity, &tgtCode, &tgtCountry,
		&e.Cameo, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &date, &prec,
		&loc.name, &loc.country, &loc.admin1, &loc.lat, &loc.lon, &loc.precision, &loc.gid,
		&ev.Paragraph, &ev.Sentence, &ev.Start, &ev.End, &ev.Text, &e.Negated, &e.Confidence,
		&trigText, &trigStart, &trigEnd, &e.Hypothetical, &docSent)...); err != nil {
		return nil, err
	}
	ev.DocSentence = -1
	if docSent.Valid {
		ev.DocSentence = int(docSent.Int64)
	}
	if trigText.Valid {
		e.Trigger = &newsgraph.Trigger{Text: trigText.String, Start: int(trigStart.Int64), End: int(trigEnd.Int64)}
	}
	m.SourceName, m.TargetName = srcName.String, tgtName.String
	e.Source.Entity = stringPtr(srcEntity)
	if hasTarget {
		e.Target = &newsgraph.EventActor{Entity: stringPtr(tgtEntity), Code: tgtCode.String, Country: tgtCountry.String}
	}
	e.Date, e.DatePrecision = stringPtr(date), stringPtr(prec)
	e.Location = loc.place()
	return &m, nil
}

// stringPtr returns a pointer to the string, nil for NULL.
func stringPtr(s sql.NullString) *string {
	if !s.Valid {
		return nil
	}
	return &s.String
}

// eventMentions lists an event's mentions, earliest published first.
func eventMentions(ctx context.Context, tx *sql.Tx, id int64) ([]newsgraph.EventMention, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+mentionColumns+`
		FROM event_mentions m JOIN documents d ON d.seq = m.doc_seq WHERE m.event_id = ?
		ORDER BY m.published IS NULL, m.published, m.doc_seq, m.position LIMIT ?`, id, MaxEventMentions)
	if err != nil {
		return nil, fmt.Errorf("sqlite: mentions of event %d: %w", id, err)
	}
	defer rows.Close()
	out := []newsgraph.EventMention{}
	for rows.Next() {
		m, err := scanMention(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: mentions of event %d: %w", id, err)
		}
		out = append(out, *m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: mentions of event %d: %w", id, err)
	}
	return out, nil
}

// EachEvent calls fn for every event that matches q (Limit, Offset and
// Mentions ignored) in ID order, reading pageSize events per query with no
// transaction open while fn runs.
func (s *Store) EachEvent(ctx context.Context, q newsgraph.EventQuery, fn func(*newsgraph.CorpusEvent) error) error {
	cond, args, err := eventFilter(q)
	if err != nil {
		return fmt.Errorf("sqlite: each event: %w", err)
	}
	query := "SELECT " + eventColumns + " FROM events e WHERE e.id > ?"
	if cond != "" {
		query += " AND " + cond
	}
	query += " ORDER BY e.id LIMIT ?"
	var after int64
	for {
		page, err := queryPage(ctx, s.reader, query, append(append([]any{after}, args...), pageSize), scanEvent)
		if err != nil {
			return fmt.Errorf("sqlite: events after %d: %w", after, err)
		}
		for _, ev := range page {
			if err := fn(ev); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// EachEventMention calls fn for every mention of a corpus event in (event
// ID, document, position) order, pageSize mentions per query with no
// transaction open while fn runs. Mentions with no event (negated or
// hypothetical) are not streamed: they are in their documents' records.
func (s *Store) EachEventMention(ctx context.Context, fn func(*newsgraph.EventMention) error) error {
	// Keyset paging on the index (event_id, doc_seq[, position]): the
	// rest of the last page's event, then the events after it.
	const (
		rest = `SELECT m.doc_seq, ` + mentionColumns + ` FROM event_mentions m JOIN documents d ON d.seq = m.doc_seq
			WHERE m.event_id = ? AND (m.doc_seq, m.position) > (?, ?)
			ORDER BY m.event_id, m.doc_seq, m.position LIMIT ?`
		next = `SELECT m.doc_seq, ` + mentionColumns + ` FROM event_mentions m JOIN documents d ON d.seq = m.doc_seq
			WHERE m.event_id > ? ORDER BY m.event_id, m.doc_seq, m.position LIMIT ?`
	)
	type keyed struct {
		seq int64
		m   *newsgraph.EventMention
	}
	scan := func(sc interface{ Scan(...any) error }) (*keyed, error) {
		var k keyed
		var err error
		k.m, err = scanMention(sc, &k.seq)
		return &k, err
	}
	var last *keyed
	for {
		var page []*keyed
		var after int64
		if last != nil {
			p, err := queryPage(ctx, s.reader, rest, []any{last.m.EventID, last.seq, last.m.Position, pageSize}, scan)
			if err != nil {
				return fmt.Errorf("sqlite: mentions of event %d: %w", last.m.EventID, err)
			}
			page, after = p, last.m.EventID
		}
		if len(page) < pageSize {
			p, err := queryPage(ctx, s.reader, next, []any{after, pageSize - len(page)}, scan)
			if err != nil {
				return fmt.Errorf("sqlite: mentions after event %d: %w", after, err)
			}
			page = append(page, p...)
		}
		for _, k := range page {
			if err := fn(k.m); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		last = page[len(page)-1]
	}
}

// queryPage runs query and decodes every row with scan, closing the rows
// before it returns.
func queryPage[T any](ctx context.Context, db *sql.DB, query string, args []any, scan func(interface{ Scan(...any) error }) (*T, error)) ([]*T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []*T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		page = append(page, v)
	}
	return page, rows.Err()
}

// PairMonths returns, month by month, the number of events between two
// country codes (either direction) dated to the month or the day, and
// their mean Goldstein value; see newsgraph.EventReader.
func (s *Store) PairMonths(ctx context.Context, a, b string) ([]newsgraph.PairMonth, error) {
	a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
	rows, err := s.reader.QueryContext(ctx, `SELECT substr(e.date, 1, 7) AS month, count(*), avg(e.goldstein) FROM events e
		WHERE (e.source_country = ?1 AND e.target_country = ?2 OR e.source_country = ?2 AND e.target_country = ?1)
			AND length(e.date) >= 7
		GROUP BY month ORDER BY month`, a, b)
	if err != nil {
		return nil, fmt.Errorf("sqlite: pair months %s-%s: %w", a, b, err)
	}
	defer rows.Close()
	out := []newsgraph.PairMonth{}
	for rows.Next() {
		var m newsgraph.PairMonth
		if err := rows.Scan(&m.Month, &m.Events, &m.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("sqlite: pair months %s-%s: %w", a, b, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: pair months %s-%s: %w", a, b, err)
	}
	return out, nil
}
