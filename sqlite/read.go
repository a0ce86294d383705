package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph"
)

// pageSize is how many rows Documents and Inputs read per query. Each page is
// read completely before the callback runs, so no read transaction stays
// open while the caller works and memory stays bounded.
const pageSize = 256

const sqlSelectDoc = `SELECT d.id, r.record, d.source_record, d.published_time, d.published_conflict, d.author
	FROM documents d JOIN document_records r ON r.seq = d.seq`

// scanDoc decodes one row of sqlSelectDoc.
func scanDoc(sc interface{ Scan(...any) error }) (*newsgraph.Document, error) {
	var id, record string
	var srcRecord int
	var ptime, conflict, author sql.NullString
	if err := sc.Scan(&id, &record, &srcRecord, &ptime, &conflict, &author); err != nil {
		return nil, err
	}
	d := &newsgraph.Document{}
	if err := json.Unmarshal([]byte(record), d); err != nil {
		return nil, fmt.Errorf("decode document %s: %w", id, err)
	}
	d.Source.Record = srcRecord
	d.Published.Time = ptime.String
	d.Published.Conflict = conflict.String
	d.Author = author.String
	return d, nil
}

// Document returns a stored document; the error satisfies
// errors.Is(err, newsgraph.ErrNotFound) when the ID is unknown.
func (s *Store) Document(ctx context.Context, id string) (*newsgraph.Document, error) {
	d, err := scanDoc(s.reader.QueryRowContext(ctx, sqlSelectDoc+" WHERE d.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: document %q: %w", id, newsgraph.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: document %q: %w", id, err)
	}
	return d, nil
}

// Documents calls fn for every stored document in ID order, stopping at the
// first error fn returns.
func (s *Store) Documents(ctx context.Context, fn func(*newsgraph.Document) error) error {
	after := ""
	for {
		page, err := s.docPage(ctx, after)
		if err != nil {
			return fmt.Errorf("sqlite: documents after %q: %w", after, err)
		}
		for _, d := range page {
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

func (s *Store) docPage(ctx context.Context, after string) ([]*newsgraph.Document, error) {
	rows, err := s.reader.QueryContext(ctx, sqlSelectDoc+" WHERE d.id > ? ORDER BY d.id LIMIT ?", after, pageSize)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	page := make([]*newsgraph.Document, 0, pageSize)
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, err
		}
		page = append(page, d)
	}
	return page, rows.Err()
}

// Inputs calls fn for every stored raw input in insertion order, with its
// bytes decompressed, the document it produced and its latest failure
// reason.
func (s *Store) Inputs(ctx context.Context, fn func(*newsgraph.StoredInput) error) error {
	var after int64
	for {
		page, err := s.inputPage(ctx, after)
		if err != nil {
			return fmt.Errorf("sqlite: inputs after %d: %w", after, err)
		}
		for _, in := range page {
			if err := fn(in); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

func (s *Store) inputPage(ctx context.Context, after int64) ([]*newsgraph.StoredInput, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT i.id, i.path, i.record, i.format, i.data, i.hints, i.doc_id,
		(SELECT f.reason FROM failures f WHERE f.input_id = i.id ORDER BY f.id DESC LIMIT 1)
		FROM inputs i WHERE i.id > ? ORDER BY i.id LIMIT ?`, after, pageSize)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	page := make([]*newsgraph.StoredInput, 0, pageSize)
	for rows.Next() {
		var in newsgraph.StoredInput
		var format, hints string
		var data []byte
		var docID, reason sql.NullString
		if err := rows.Scan(&in.ID, &in.Input.Path, &in.Input.Record, &format, &data, &hints, &docID, &reason); err != nil {
			return nil, err
		}
		in.Input.Format = newsgraph.Format(format)
		in.DocID, in.Reason = docID.String, reason.String
		in.Input.Data, err = s.dec.DecodeAll(data, nil)
		if err != nil {
			return nil, fmt.Errorf("input %d: decompress: %w", in.ID, err)
		}
		var h hintsJSON
		if err := json.Unmarshal([]byte(hints), &h); err != nil {
			return nil, fmt.Errorf("input %d: decode hints: %w", in.ID, err)
		}
		in.Input.Hints = newsgraph.Hints(h)
		page = append(page, &in)
	}
	return page, rows.Err()
}

// FailureRow is one recorded failure.
type FailureRow struct {
	ID      int64
	InputID int64
	Path    string
	Record  int
	Format  newsgraph.Format
	Reason  string
	Time    time.Time
}

// Failures calls fn for every failure row, oldest first.
func (s *Store) Failures(ctx context.Context, fn func(*FailureRow) error) error {
	var after int64
	for {
		var page []*FailureRow
		err := func() error {
			rows, err := s.reader.QueryContext(ctx, `SELECT id, input_id, path, record, format, reason, created
				FROM failures WHERE id > ? ORDER BY id LIMIT ?`, after, pageSize)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var f FailureRow
				var format, created string
				if err := rows.Scan(&f.ID, &f.InputID, &f.Path, &f.Record, &format, &f.Reason, &created); err != nil {
					return err
				}
				f.Format = newsgraph.Format(format)
				f.Time, _ = time.Parse(time.RFC3339Nano, created)
				page = append(page, &f)
			}
			return rows.Err()
		}()
		if err != nil {
			return fmt.Errorf("sqlite: failures after %d: %w", after, err)
		}
		for _, f := range page {
			if err := fn(f); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// Stats summarises the store in one read transaction. Map keys are the
// stored values; documents without a language, site or date precision are
// counted under "". Duplicates counts inputs linked to a document that
// another input produced first.
func (s *Store) Stats(ctx context.Context) (*newsgraph.Stats, error) {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: stats: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	st := &newsgraph.Stats{}
	var oldest, newest sql.NullString
	scalars := []struct {
		query string
		dest  any
	}{
		{"SELECT count(*), coalesce(sum(is_article), 0) FROM documents", nil},
		{"SELECT count(*) FROM inputs", &st.Inputs},
		{"SELECT count(*) FROM failures", &st.Failures},
		{"SELECT count(*) - count(DISTINCT doc_id) FROM inputs WHERE doc_id IS NOT NULL", &st.Duplicates},
		{"SELECT coalesce(sum(mention_count), 0) FROM entities", &st.Mentions},
		{"SELECT published_date FROM documents WHERE date_lo IS NOT NULL ORDER BY date_lo, date_hi LIMIT 1", &oldest},
		{"SELECT published_date FROM documents WHERE date_hi IS NOT NULL ORDER BY date_hi DESC, date_lo DESC LIMIT 1", &newest},
	}
	for _, q := range scalars {
		row := tx.QueryRowContext(ctx, q.query)
		if q.dest == nil {
			err = row.Scan(&st.Documents, &st.Articles)
		} else {
			err = row.Scan(q.dest)
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("sqlite: stats: %s: %w", q.query, err)
		}
	}
	st.Oldest, st.Newest = oldest.String, newest.String
	groups := []struct {
		query string
		dest  *map[string]int
	}{
		{"SELECT coalesce(language, ''), count(*) FROM documents GROUP BY 1", &st.Languages},
		{"SELECT coalesce(site, ''), count(*) FROM documents GROUP BY 1", &st.Sites},
		{"SELECT format, count(*) FROM documents GROUP BY 1", &st.Formats},
		{"SELECT j.key, sum(j.value) FROM documents d, json_each(d.boilerplate) j WHERE d.boilerplate IS NOT NULL GROUP BY 1", &st.Boilerplate},
		{"SELECT coalesce(published_precision, ''), count(*) FROM documents GROUP BY 1", &st.Precisions},
		{"SELECT extractor, count(*) FROM documents GROUP BY 1", &st.Extractors},
		{"SELECT type, count(*) FROM entities GROUP BY 1", &st.Entities},
		{"SELECT type, count(DISTINCT name_key) FROM entities GROUP BY 1", &st.Names},
	}
	for _, g := range groups {
		m, err := countMap(ctx, tx, g.query)
		if err != nil {
			return nil, fmt.Errorf("sqlite: stats: %s: %w", g.query, err)
		}
		*g.dest = m
	}
	return st, nil
}

func countMap(ctx context.Context, tx *sql.Tx, query string) (map[string]int, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		m[k] = n
	}
	return m, rows.Err()
}
