package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph"
)

// hintsJSON is the stored form of newsgraph.Hints.
type hintsJSON struct {
	URL      string `json:"url,omitempty"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Site     string `json:"site,omitempty"`
	Language string `json:"language,omitempty"`
	Text     string `json:"text,omitempty"`
	HTML     string `json:"html,omitempty"`
}

// row is an item prepared for writing: hashing, compression and JSON
// encoding happen before the write transaction starts, so the write lock is
// held only for the inserts.
type row struct {
	sum    []byte
	size   int
	data   []byte // zstd
	hints  []byte
	path   string
	record int
	format newsgraph.Format

	doc    *newsgraph.Document // normalised copy
	json   []byte
	body   string
	dateLo any
	dateHi any
	kinds  any // JSON object of boilerplate line counts by kind, or nil

	reason string // failure reason when doc is nil
}

// prepare builds the row for one item.
func (s *Store) prepare(it newsgraph.Item) (*row, error) {
	if it.Doc == nil && it.Failure == nil {
		return nil, errors.New("item has neither a document nor a failure")
	}
	r := &row{}
	var raw []byte
	var hints newsgraph.Hints
	switch {
	case it.Input != nil:
		raw, hints = it.Input.Data, it.Input.Hints
		r.path, r.record, r.format = it.Input.Path, it.Input.Record, it.Input.Format
	case it.Failure != nil:
		raw = it.Failure.Data
		r.path, r.record, r.format = it.Failure.Path, it.Failure.Record, it.Failure.Format
	default:
		// A document without its raw input: key it on its body so the same
		// document given twice is still a duplicate input.
		raw = []byte("newsgraph-doc:" + it.Doc.Body())
		if len(it.Doc.Paragraphs) == 0 {
			raw = append(raw, it.Doc.TitleText()...)
		}
		r.path, r.record, r.format = it.Doc.Source.Path, it.Doc.Source.Record, it.Doc.Source.Format
	}
	sum := sha256.Sum256(raw)
	if it.Doc == nil {
		// A failure is keyed on where it came from as well as its bytes: two
		// different empty (or unreadable) files are two failure rows, while
		// the same failing input read again is still a duplicate.
		h := sha256.New()
		fmt.Fprintf(h, "failure\x00%s\x00%d\x00", r.path, r.record)
		h.Write(raw)
		copy(sum[:], h.Sum(nil))
	}
	r.sum = sum[:]
	r.size = len(raw)
	r.data = s.enc.EncodeAll(raw, make([]byte, 0, len(raw)/2+64))
	var err error
	r.hints, err = json.Marshal(hintsJSON(hints))
	if err != nil {
		return nil, fmt.Errorf("encode hints: %w", err)
	}
	if it.Doc == nil {
		r.reason = it.Failure.Reason
		if r.reason == "" {
			r.reason = "unknown failure"
		}
		if r.path == "" {
			r.path = it.Failure.Path
		}
		return r, nil
	}
	if err := r.setDoc(it.Doc); err != nil {
		return nil, err
	}
	if r.format == "" {
		r.format = r.doc.Source.Format
	}
	return r, nil
}

// setDoc fills the document columns of r from a normalised copy of doc.
func (r *row) setDoc(doc *newsgraph.Document) error {
	d := *doc
	d.Normalize()
	r.doc = &d
	var err error
	r.json, err = json.Marshal(&d)
	if err != nil {
		return fmt.Errorf("encode document %s: %w", d.ID, err)
	}
	r.body = d.Body()
	if lo, hi, ok := dateRange(d.Published.Date); ok {
		r.dateLo, r.dateHi = lo, hi
	}
	if len(d.Boilerplate) > 0 {
		counts := map[string]int{}
		for _, b := range d.Boilerplate {
			counts[b.Kind]++
		}
		k, err := json.Marshal(counts)
		if err != nil {
			return fmt.Errorf("encode boilerplate counts: %w", err)
		}
		r.kinds = string(k)
	}
	return nil
}

// prepareAll prepares items on up to GOMAXPROCS goroutines: hashing,
// compression and JSON encoding are a sixth of Put's CPU and need no lock.
func (s *Store) prepareAll(items []newsgraph.Item) ([]*row, error) {
	rows := make([]*row, len(items))
	errs := make([]error, len(items))
	workers := min(runtime.GOMAXPROCS(0), (len(items)+63)/64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(items); i += workers {
				rows[i], errs[i] = s.prepare(items[i])
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("sqlite: put item %d: %w", i, err)
		}
	}
	return rows, nil
}

// Put stores a batch in one transaction; see newsgraph.Store. An input whose
// raw bytes (SHA-256) were stored before is a Duplicate and nothing is
// written for it; a document whose ID exists is a Duplicate whose input row
// links to the existing document.
func (s *Store) Put(ctx context.Context, items []newsgraph.Item) ([]newsgraph.PutResult, error) {
	rows, err := s.prepareAll(items)
	if err != nil {
		return nil, err
	}
	results := make([]newsgraph.PutResult, len(items))
	err = s.write(ctx, func(w *writeTx) error {
		for i, r := range rows {
			res, err := w.put(ctx, r)
			if err != nil {
				return fmt.Errorf("item %d (%s#%d): %w", i, r.path, r.record, err)
			}
			results[i] = res
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	s.remember(rows)
	return results, nil
}

// remember adds committed inputs to the in-memory set Seen uses while the
// store is fresh.
func (s *Store) remember(rows []*row) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.fresh {
		return
	}
	if len(s.stored)+len(rows) > s.sessionLimit {
		s.fresh, s.stored = false, nil
		return
	}
	for _, r := range rows {
		s.stored[[sha256.Size]byte(r.sum)] = struct{}{}
	}
}

// Seen reports whether these exact input bytes are stored.
//
// A store that held no inputs when it was opened answers from memory (the
// hashes of what it has put since), without a query.
func (s *Store) Seen(ctx context.Context, data []byte) (bool, error) {
	sum := sha256.Sum256(data)
	s.mu.Lock()
	fresh := s.fresh
	_, seen := s.stored[sum]
	s.mu.Unlock()
	if fresh {
		return seen, nil
	}
	var n int
	err := s.reader.QueryRowContext(ctx, "SELECT count(*) FROM inputs WHERE sha256 = ?", sum[:]).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("sqlite: seen: %w", err)
	}
	return n > 0, nil
}

// Replace overwrites what a stored input produced with a re-extraction: the
// new document (or failure) becomes the input's result, the old document is
// deleted when no other input refers to it, and the search index follows.
func (s *Store) Replace(ctx context.Context, inputID int64, it newsgraph.Item) error {
	if it.Doc == nil && it.Failure == nil {
		return fmt.Errorf("sqlite: replace input %d: item has neither a document nor a failure", inputID)
	}
	var r *row
	if it.Doc != nil {
		r = &row{}
		if err := r.setDoc(it.Doc); err != nil {
			return fmt.Errorf("sqlite: replace input %d: %w", inputID, err)
		}
	}
	err := s.write(ctx, func(w *writeTx) error {
		var old sql.NullString
		var path, format string
		var record int
		err := w.tx.QueryRowContext(ctx, "SELECT doc_id, path, record, format FROM inputs WHERE id = ?", inputID).
			Scan(&old, &path, &record, &format)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("input %d: %w", inputID, newsgraph.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := w.tx.ExecContext(ctx, "DELETE FROM failures WHERE input_id = ?", inputID); err != nil {
			return fmt.Errorf("clear failures: %w", err)
		}
		var newID any
		if r != nil {
			id := r.doc.ID
			newID = id
			if old.Valid && old.String == id {
				if err := w.updateDoc(ctx, r); err != nil {
					return err
				}
			} else if _, err := w.insertDoc(ctx, r); err != nil {
				return err
			}
		} else {
			reason := it.Failure.Reason
			if reason == "" {
				reason = "unknown failure"
			}
			fpath, frec, fformat := it.Failure.Path, it.Failure.Record, string(it.Failure.Format)
			if fpath == "" {
				fpath, frec = path, record
			}
			if fformat == "" {
				fformat = format
			}
			if _, err := w.tx.ExecContext(ctx, "INSERT INTO failures(input_id, path, record, format, reason, created) VALUES (?, ?, ?, ?, ?, ?)",
				inputID, fpath, frec, fformat, reason, w.now); err != nil {
				return fmt.Errorf("insert failure: %w", err)
			}
		}
		if _, err := w.tx.ExecContext(ctx, "UPDATE inputs SET doc_id = ? WHERE id = ?", newID, inputID); err != nil {
			return fmt.Errorf("link input: %w", err)
		}
		if old.Valid && (r == nil || old.String != r.doc.ID) {
			var refs int
			if err := w.tx.QueryRowContext(ctx, "SELECT count(*) FROM inputs WHERE doc_id = ?", old.String).Scan(&refs); err != nil {
				return fmt.Errorf("count references: %w", err)
			}
			if refs == 0 {
				if err := w.deleteDoc(ctx, old.String); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: replace input %d: %w", inputID, err)
	}
	return nil
}

// writeTx is one write transaction with its statements, prepared lazily.
//
// Full-text index changes are queued and applied together just before
// commit: FTS5 flushes its pending in-memory index at every statement
// savepoint, so interleaving index writes with ordinary inserts would write
// one tiny index segment per document and spend the batch merging them.
type writeTx struct {
	tx     *sql.Tx
	now    string
	stmts  map[string]*sql.Stmt
	ftsDel []int64
	ftsAdd []ftsRow
	reg    regBatch // actor registry additions, written before commit
	// evDirty holds the corpus events to recount before commit (see
	// events_write.go).
	evDirty map[int64]struct{}
	// bands and keys, when the store is fresh, hold every quote band value
	// and text hash written in this session (see quotes_write.go); nil
	// otherwise.
	bands, keys *bandFilter
}

// ftsRow is a queued full-text index entry.
type ftsRow struct {
	seq               int64
	title, body, meta string
}

// flushFTS applies the queued index deletions, then insertions.
func (w *writeTx) flushFTS(ctx context.Context) error {
	for _, seq := range w.ftsDel {
		if _, err := w.exec(ctx, `DELETE FROM documents_fts WHERE rowid = ?`, seq); err != nil {
			return err
		}
	}
	for _, r := range w.ftsAdd {
		if _, err := w.exec(ctx, sqlInsertFTS, r.seq, r.title, r.body, r.meta); err != nil {
			return err
		}
	}
	w.ftsDel, w.ftsAdd = nil, nil
	return nil
}

// write runs fn in a BEGIN IMMEDIATE transaction on the writer connection.
func (s *Store) write(ctx context.Context, fn func(*writeTx) error) error {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	w := &writeTx{tx: tx, now: nowString(), stmts: map[string]*sql.Stmt{}, bands: s.bands, keys: s.keys}
	defer func() {
		for _, st := range w.stmts {
			st.Close()
		}
	}()
	err = fn(w)
	if err == nil {
		err = w.flushEvents(ctx)
	}
	if err == nil {
		err = w.flushRegistry(ctx)
	}
	if err == nil {
		err = w.flushFTS(ctx)
	}
	if err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return errors.Join(err, fmt.Errorf("rollback: %w", rerr))
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// stmt returns the prepared statement for query within the transaction.
func (w *writeTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare %.40q: %w", query, err)
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writeTx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	res, err := st.ExecContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("exec %.40q: %w", query, err)
	}
	return res, nil
}

const (
	sqlInputExists = `SELECT 1 FROM inputs WHERE sha256 = ?`
	sqlInsertInput = `INSERT INTO inputs(path, record, format, sha256, size, data, hints, doc_id, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlInsertFailure = `INSERT INTO failures(input_id, path, record, format, reason, created) VALUES (?, ?, ?, ?, ?, ?)`
	sqlInsertDoc     = `INSERT INTO documents(id, title, language, site, url, format, is_article,
		source_path, source_record, published_date, published_precision, published_origin,
		published_raw, published_time, published_conflict, date_lo, date_hi, author,
		extractor, paragraphs, boilerplate, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO NOTHING RETURNING seq`
	sqlInsertRecord = `INSERT INTO document_records(seq, record) VALUES (?, ?)`
	sqlInsertFTS    = `INSERT INTO documents_fts(rowid, title, body, meta) VALUES (?, ?, ?, ?)`
	// sqlInsertEntities takes rows of entityCols values (see multiRow).
	sqlInsertEntities = `INSERT OR IGNORE INTO entities(doc_seq, entity_id, name, name_key, type,
		actor_code, actor_country, geo_name, geo_country, geo_admin1, geo_lat, geo_lon, geonames_id,
		mention_count, spans, actor) VALUES `
)

// Entities are written entityChunk rows per statement at most.
const (
	entityCols  = 16
	entityChunk = 32
)

// multiRow returns an INSERT statement ending in "VALUES " completed with
// rows groups of cols placeholders. The strings are the statement cache's
// keys, so each (statement, rows) is prepared once per transaction.
func multiRow(prefix string, cols, rows int) string {
	var b strings.Builder
	b.Grow(len(prefix) + rows*(cols*3+3))
	b.WriteString(prefix)
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('?')
		}
		b.WriteByte(')')
	}
	return b.String()
}

// put writes one prepared row.
func (w *writeTx) put(ctx context.Context, r *row) (newsgraph.PutResult, error) {
	st, err := w.stmt(ctx, sqlInputExists)
	if err != nil {
		return 0, err
	}
	var one int
	err = st.QueryRowContext(ctx, r.sum).Scan(&one)
	if err == nil {
		return newsgraph.Duplicate, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("look up input: %w", err)
	}
	result := newsgraph.Failed
	var docID any
	if r.doc != nil {
		created, err := w.insertDoc(ctx, r)
		if err != nil {
			return 0, err
		}
		result = newsgraph.Duplicate
		if created {
			result = newsgraph.Stored
		}
		docID = r.doc.ID
	}
	res, err := w.exec(ctx, sqlInsertInput, r.path, r.record, string(r.format), r.sum, r.size, r.data, string(r.hints), docID, w.now)
	if err != nil {
		return 0, err
	}
	if r.doc == nil {
		inputID, err := res.LastInsertId()
		if err != nil {
			return 0, fmt.Errorf("input id: %w", err)
		}
		if _, err := w.exec(ctx, sqlInsertFailure, inputID, r.path, r.record, string(r.format), r.reason, w.now); err != nil {
			return 0, err
		}
	}
	return result, nil
}

// insertDoc inserts a document with its index entry and child rows. It
// reports false, writing nothing, when the ID exists.
func (w *writeTx) insertDoc(ctx context.Context, r *row) (bool, error) {
	d := r.doc
	st, err := w.stmt(ctx, sqlInsertDoc)
	if err != nil {
		return false, err
	}
	var seq int64
	err = st.QueryRowContext(ctx, d.ID, d.Title, d.Language, null(d.Source.Site), null(d.Source.URL),
		string(d.Source.Format), d.IsArticle, d.Source.Path, d.Source.Record,
		null(d.Published.Date), null(string(d.Published.Precision)), null(d.Published.Origin),
		null(d.Published.Raw), null(d.Published.Time), null(d.Published.Conflict), r.dateLo, r.dateHi,
		null(d.Author), d.Extractor, len(d.Paragraphs), r.kinds, w.now, w.now).Scan(&seq)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("insert document %s: %w", d.ID, err)
	}
	if _, err := w.exec(ctx, sqlInsertRecord, seq, string(r.json)); err != nil {
		return false, err
	}
	w.ftsAdd = append(w.ftsAdd, ftsRow{seq, d.TitleText(), r.body, metaTokens(d.LanguageCode(), d.Source.Site, d.Published.Date)})
	if err := w.insertChildren(ctx, seq, d); err != nil {
		return false, fmt.Errorf("document %s: %w", d.ID, err)
	}
	return true, nil
}

// insertChildren writes a document's child rows: entities (and, for those
// with an actor code, the actor registry; see registry_write.go), quotes,
// events (merged into corpus events; see events_write.go) and time
// expressions.
func (w *writeTx) insertChildren(ctx context.Context, seq int64, d *newsgraph.Document) error {
	var reg []regEntity // the coded entities, nil for a document without any
	// One statement for the document's entities (in chunks): the statement
	// overhead, not the rows, was most of their cost. A repeated entity ID
	// keeps its first row, as the insert would.
	args := make([]any, 0, entityCols*min(len(d.Entities), entityChunk))
	rows := 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		if _, err := w.exec(ctx, multiRow(sqlInsertEntities, entityCols, rows), args...); err != nil {
			return err
		}
		args, rows = args[:0], 0
		return nil
	}
	seen := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		if seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		var actorCode, actorCountry, actorJSON, geoName, geoCountry, geoAdmin1, lat, lon, gid any
		a := e.Actor
		if a != nil && a.Code != "" {
			actorCode, actorCountry = a.Code, a.Country
			// The actor column marks the rows the registry counted, for
			// clearDoc to take back.
			if newsgraph.InRegistry(e.Type, a) {
				j, err := json.Marshal(a)
				if err != nil {
					return fmt.Errorf("encode actor of %s: %w", e.ID, err)
				}
				actorJSON = string(j)
				reg = append(reg, regEntity{key: strings.ToLower(e.Name), name: e.Name, typ: e.Type, actor: a})
			}
		}
		if g := e.Geo; g != nil {
			geoName, geoCountry, geoAdmin1, lat, lon, gid = g.Name, g.Country, g.Admin1, g.Lat, g.Lon, g.GeonamesID
		}
		args = append(args, seq, e.ID, e.Name, strings.ToLower(e.Name), e.Type,
			actorCode, actorCountry, geoName, geoCountry, geoAdmin1, lat, lon, gid,
			len(e.Mentions), mentionSpans(e.Mentions), actorJSON)
		if rows++; rows == entityChunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if reg != nil {
		w.registryAdd(d.Published.Date, reg)
	}
	if err := w.insertQuotes(ctx, seq, d); err != nil {
		return err
	}
	if err := w.insertEvents(ctx, seq, d); err != nil {
		return err
	}
	return nil
}

// updateDoc rewrites an existing document in place (keeping the input rows
// that link to it), with its index entry and child rows.
func (w *writeTx) updateDoc(ctx context.Context, r *row) error {
	d := r.doc
	if err := w.clearDoc(ctx, d.ID); err != nil {
		return err
	}
	var seq int64
	err := w.tx.QueryRowContext(ctx, `UPDATE documents SET title = ?, language = ?, site = ?, url = ?,
		format = ?, is_article = ?, source_path = ?, source_record = ?, published_date = ?,
		published_precision = ?, published_origin = ?, published_raw = ?, published_time = ?,
		published_conflict = ?, date_lo = ?, date_hi = ?, author = ?, extractor = ?, paragraphs = ?,
		boilerplate = ?, updated = ? WHERE id = ? RETURNING seq`,
		d.Title, d.Language, null(d.Source.Site), null(d.Source.URL),
		string(d.Source.Format), d.IsArticle, d.Source.Path, d.Source.Record,
		null(d.Published.Date), null(string(d.Published.Precision)), null(d.Published.Origin),
		null(d.Published.Raw), null(d.Published.Time), null(d.Published.Conflict), r.dateLo, r.dateHi,
		null(d.Author), d.Extractor, len(d.Paragraphs), r.kinds, w.now, d.ID).Scan(&seq)
	if err != nil {
		return fmt.Errorf("update document %s: %w", d.ID, err)
	}
	if _, err := w.exec(ctx, `UPDATE document_records SET record = ? WHERE seq = ?`, string(r.json), seq); err != nil {
		return err
	}
	w.ftsAdd = append(w.ftsAdd, ftsRow{seq, d.TitleText(), r.body, metaTokens(d.LanguageCode(), d.Source.Site, d.Published.Date)})
	if err := w.insertChildren(ctx, seq, d); err != nil {
		return fmt.Errorf("document %s: %w", d.ID, err)
	}
	// The document kept its seq: its mentions may now come first in
	// their events.
	if err := w.markEvents(ctx, seq); err != nil {
		return fmt.Errorf("document %s: %w", d.ID, err)
	}
	return nil
}

// clearDoc removes a document's index entry and child rows, keeping the
// documents row. The actor registry loses what the document's coded
// entities added to it.
func (w *writeTx) clearDoc(ctx context.Context, id string) error {
	var seq int64
	var date sql.NullString
	if err := w.tx.QueryRowContext(ctx, `SELECT seq, published_date FROM documents WHERE id = ?`, id).Scan(&seq, &date); err != nil {
		return fmt.Errorf("find document %s: %w", id, err)
	}
	reg, err := w.registryEntities(ctx, seq)
	if err != nil {
		return err
	}
	w.ftsDel = append(w.ftsDel, seq)
	if _, err := w.exec(ctx, "DELETE FROM entities WHERE doc_seq = ?", seq); err != nil {
		return err
	}
	if reg != nil {
		// After the entity rows are gone, so that recomputed date bounds
		// leave this document out.
		if err := w.registryRemove(ctx, date.String, reg); err != nil {
			return err
		}
	}
	if err := w.clearQuotes(ctx, seq); err != nil {
		return err
	}
	if err := w.clearEvents(ctx, seq); err != nil {
		return err
	}
	return nil
}

// deleteDoc removes a document, its index entry and its child rows.
func (w *writeTx) deleteDoc(ctx context.Context, id string) error {
	if err := w.clearDoc(ctx, id); err != nil {
		return err
	}
	if _, err := w.exec(ctx, `DELETE FROM documents WHERE id = ?`, id); err != nil {
		return err
	}
	return nil
}

// null maps "" to SQL NULL.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// dateRange returns the first and last day a date of precision year, month
// or day can mean, as YYYY-MM-DD strings.
func dateRange(s string) (lo, hi string, ok bool) {
	switch len(s) {
	case 4:
		t, err := time.Parse("2006", s)
		if err != nil {
			return "", "", false
		}
		return t.Format(time.DateOnly), t.AddDate(1, 0, -1).Format(time.DateOnly), true
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return "", "", false
		}
		return t.Format(time.DateOnly), t.AddDate(0, 1, -1).Format(time.DateOnly), true
	case 10:
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return "", "", false
		}
		return s, s, true
	}
	return "", "", false
}

// mentionSpans encodes mentions as the JSON array of [paragraph, start, end]
// triples kept in entities.spans.
func mentionSpans(ms []newsgraph.Mention) string {
	b := make([]byte, 0, 2+len(ms)*12)
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(m.Paragraph), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(m.End), 10)
		b = append(b, ']')
	}
	return string(append(b, ']'))
}
