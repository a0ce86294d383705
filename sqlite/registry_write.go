package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// The actor registry is written in the writer's transaction, by the
// statements below (prepared once per transaction, like every other).
// A document adds, for each distinct key among its coded entities, one to
// the key's docs, to each distinct (code, source), to each distinct
// descriptor and to its month of publication; the additions of a
// transaction are summed in memory first (regBatch). clearDoc subtracts
// what one document added, deletes rows that reach zero and recomputes a
// date bound only when the removed document was on it.
const (
	// The additions take rows of 8, 10, 6 and 3 values (see multiRow and
	// regUpsert): the statement's prefix, then its conflict clause. A new
	// key whose batch has one code row takes that code as its settled
	// code at once (the conflict clause leaves an existing key's code to
	// the triggers), so the settling trigger has nothing to do for it.
	sqlRegAdd       = `INSERT INTO registry(key, name, type, docs, first_date, last_date, code, country) VALUES `
	sqlRegAddUpsert = ` ON CONFLICT(key) DO UPDATE SET docs = docs + excluded.docs,
			first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date, first_date)),
			last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date, last_date))`
	sqlRegCodeAdd       = `INSERT INTO registry_codes(key, code, source, country, sectors, kind, kb_id, count, first_date, last_date) VALUES `
	sqlRegCodeAddUpsert = ` ON CONFLICT(key, code, source) DO UPDATE SET count = count + excluded.count,
			country = excluded.country, sectors = excluded.sectors, kind = excluded.kind,
			kb_id = CASE WHEN excluded.kb_id <> '' THEN excluded.kb_id ELSE kb_id END,
			first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date, first_date)),
			last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date, last_date))`
	sqlRegDescAdd       = `INSERT INTO registry_descriptors(key, descriptor, code, count, first_date, last_date) VALUES `
	sqlRegDescAddUpsert = ` ON CONFLICT(key, descriptor) DO UPDATE SET count = count + excluded.count,
			code = CASE WHEN last_date IS NULL OR excluded.last_date >= last_date THEN excluded.code ELSE code END,
			first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date, first_date)),
			last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date, last_date))`
	sqlRegMonthAdd       = `INSERT INTO registry_months(key, month, count) VALUES `
	sqlRegMonthAddUpsert = ` ON CONFLICT(key, month) DO UPDATE SET count = count + excluded.count`

	sqlRegEntities = `SELECT name_key, name, type, actor FROM entities WHERE doc_seq = ? AND actor IS NOT NULL`

	sqlRegSub       = `UPDATE registry SET docs = docs - 1 WHERE key = ? RETURNING docs, first_date, last_date`
	sqlRegDel       = `DELETE FROM registry WHERE key = ?`
	sqlRegDates     = `UPDATE registry SET first_date = ?, last_date = ? WHERE key = ?`
	sqlRegCodeSub   = `UPDATE registry_codes SET count = count - 1 WHERE key = ? AND code = ? AND source = ? RETURNING count, first_date, last_date`
	sqlRegCodeDel   = `DELETE FROM registry_codes WHERE key = ? AND code = ? AND source = ?`
	sqlRegCodeDates = `UPDATE registry_codes SET first_date = ?, last_date = ? WHERE key = ? AND code = ? AND source = ?`
	sqlRegDescSub   = `UPDATE registry_descriptors SET count = count - 1 WHERE key = ? AND descriptor = ? RETURNING count, first_date, last_date`
	sqlRegDescDel   = `DELETE FROM registry_descriptors WHERE key = ? AND descriptor = ?`
	sqlRegDescDates = `UPDATE registry_descriptors SET first_date = ?, last_date = ? WHERE key = ? AND descriptor = ?`
	sqlRegMonthSub  = `UPDATE registry_months SET count = count - 1 WHERE key = ? AND month = ? RETURNING count`
	sqlRegMonthDel  = `DELETE FROM registry_months WHERE key = ? AND month = ?`
	// The dated documents that still code an actor, for recomputing the
	// date bounds a removed document was on.
	sqlRegBounds = `SELECT d.published_date, e.actor FROM entities e JOIN documents d ON d.seq = e.doc_seq
		WHERE e.name_key = ? AND e.actor IS NOT NULL AND d.published_date IS NOT NULL`
)

// regEntity is a coded entity of one document, as the registry reads it.
type regEntity struct {
	key, name, typ string
	actor          *newsgraph.Actor
}

// regActor is what one document adds to (or takes from) one registry key.
type regActor struct {
	key, name, typ string
	codes          []regCode
	descriptors    []regDescriptor
}

// regCode is one distinct (code, source) of a document's actor.
type regCode struct {
	code, source string
	actor        *newsgraph.Actor // the first entity's actor with this code and source
}

// regDescriptor is one distinct descriptor of a document's actor, with the
// code of the entity that first used it.
type regDescriptor struct {
	text, code string
}

// regSource is the registry's name for where a code came from: the actor's
// Source, "text" when unset.
func regSource(a *newsgraph.Actor) string {
	if a.Source == "" {
		return newsgraph.ActorFromText
	}
	return a.Source
}

// regDescriptorText normalises a descriptor's spaces; "" means none.
func regDescriptorText(s string) string { return strings.Join(strings.Fields(s), " ") }

// groupRegistry folds a document's coded entities into one regActor per
// key, so that the document counts once per key, code and descriptor.
func groupRegistry(es []regEntity) []regActor {
	var out []regActor
	index := map[string]int{}
	for _, e := range es {
		i, ok := index[e.key]
		if !ok {
			i = len(out)
			index[e.key] = i
			out = append(out, regActor{key: e.key, name: e.name, typ: e.typ})
		}
		ra := &out[i]
		src := regSource(e.actor)
		if !containsFunc(ra.codes, func(c regCode) bool { return c.code == e.actor.Code && c.source == src }) {
			ra.codes = append(ra.codes, regCode{code: e.actor.Code, source: src, actor: e.actor})
		}
		for _, d := range e.actor.Descriptors {
			d = regDescriptorText(d)
			if d != "" && !containsFunc(ra.descriptors, func(x regDescriptor) bool { return x.text == d }) {
				ra.descriptors = append(ra.descriptors, regDescriptor{text: d, code: e.actor.Code})
			}
		}
	}
	return out
}

func containsFunc[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if f(v) {
			return true
		}
	}
	return false
}

// month returns the YYYY-MM of a date with month or day precision, or "".
func month(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return ""
}

// regBatch is what the documents of one write transaction add to the
// registry, summed per row so that an actor in fifty documents of a batch
// costs one upsert, not fifty. It is written by flushRegistry before the
// transaction commits (and before any document is removed), and leaves
// the registry exactly as adding the documents one by one would.
type regBatch struct {
	keys   []string
	actors map[string]*regSum
}

// regSum is one key's share of a batch.
type regSum struct {
	name, typ string
	docs      int
	dates     bounds
	codes     []*regCodeSum
	descs     []*regDescSum
	months    map[string]int
	monthList []string
}

// regCodeSum is one (code, source) of a key in a batch. Country, sectors
// and kind are the last document's, the KB id the last one given, as the
// row-by-row upsert would leave them.
type regCodeSum struct {
	code, source        string
	country, kind, kbID string
	sectors             []string
	count               int
	dates               bounds
}

// regDescSum is one descriptor of a key in a batch. code follows the
// upsert's rule, applied from an empty row: a document takes the code
// over unless an earlier one is dated later.
type regDescSum struct {
	text, code string
	count      int
	dates      bounds
}

// registryAdd counts a stored document's coded entities into the batch.
func (w *writeTx) registryAdd(date string, es []regEntity) {
	b := &w.reg
	if b.actors == nil {
		b.actors = map[string]*regSum{}
	}
	m := month(date)
	for _, ra := range groupRegistry(es) {
		sum := b.actors[ra.key]
		if sum == nil {
			sum = &regSum{name: ra.name, typ: ra.typ, months: map[string]int{}}
			b.actors[ra.key] = sum
			b.keys = append(b.keys, ra.key)
		}
		sum.docs++
		sum.dates.addDate(date)
		for _, c := range ra.codes {
			i := slices.IndexFunc(sum.codes, func(x *regCodeSum) bool { return x.code == c.code && x.source == c.source })
			if i < 0 {
				sum.codes = append(sum.codes, &regCodeSum{code: c.code, source: c.source})
				i = len(sum.codes) - 1
			}
			cs := sum.codes[i]
			a := c.actor
			cs.count++
			cs.dates.addDate(date)
			cs.country, cs.kind, cs.sectors = a.Country, a.Kind, a.Sectors
			if a.KBID != "" {
				cs.kbID = a.KBID
			}
		}
		for _, d := range ra.descriptors {
			i := slices.IndexFunc(sum.descs, func(x *regDescSum) bool { return x.text == d.text })
			if i < 0 {
				sum.descs = append(sum.descs, &regDescSum{text: d.text})
				i = len(sum.descs) - 1
			}
			ds := sum.descs[i]
			if ds.dates.hi == "" || (date != "" && date >= ds.dates.hi) {
				ds.code = d.code
			}
			ds.count++
			ds.dates.addDate(date)
		}
		if m != "" {
			if sum.months[m] == 0 {
				sum.monthList = append(sum.monthList, m)
			}
			sum.months[m]++
		}
	}
}

// flushRegistry writes the batch's sums and empties it.
func (w *writeTx) flushRegistry(ctx context.Context) error {
	b := &w.reg
	// Table by table, many rows to a statement: the actors first, so that
	// the code triggers find their rows.
	regs := regUpsert{w: w, prefix: sqlRegAdd, suffix: sqlRegAddUpsert, cols: 8}
	codes := regUpsert{w: w, prefix: sqlRegCodeAdd, suffix: sqlRegCodeAddUpsert, cols: 10}
	descs := regUpsert{w: w, prefix: sqlRegDescAdd, suffix: sqlRegDescAddUpsert, cols: 6}
	months := regUpsert{w: w, prefix: sqlRegMonthAdd, suffix: sqlRegMonthAddUpsert, cols: 3}
	for _, key := range b.keys {
		sum := b.actors[key]
		code, country := "", ""
		if len(sum.codes) == 1 {
			code, country = sum.codes[0].code, sum.codes[0].country
		}
		if err := regs.add(ctx, key, sum.name, sum.typ, sum.docs, null(sum.dates.lo), null(sum.dates.hi), code, country); err != nil {
			return fmt.Errorf("registry %q: %w", key, err)
		}
	}
	if err := regs.flush(ctx); err != nil {
		return fmt.Errorf("registry: %w", err)
	}
	for _, key := range b.keys {
		sum := b.actors[key]
		for _, c := range sum.codes {
			sectors := "[]"
			if len(c.sectors) > 0 {
				j, err := json.Marshal(c.sectors)
				if err != nil {
					return fmt.Errorf("registry %q: encode sectors: %w", key, err)
				}
				sectors = string(j)
			}
			if err := codes.add(ctx, key, c.code, c.source, c.country, sectors, c.kind, c.kbID,
				c.count, null(c.dates.lo), null(c.dates.hi)); err != nil {
				return fmt.Errorf("registry %q code %s: %w", key, c.code, err)
			}
		}
		for _, d := range sum.descs {
			if err := descs.add(ctx, key, d.text, d.code, d.count, null(d.dates.lo), null(d.dates.hi)); err != nil {
				return fmt.Errorf("registry %q descriptor %q: %w", key, d.text, err)
			}
		}
		for _, m := range sum.monthList {
			if err := months.add(ctx, key, m, sum.months[m]); err != nil {
				return fmt.Errorf("registry %q month %s: %w", key, m, err)
			}
		}
	}
	for _, u := range []*regUpsert{&codes, &descs, &months} {
		if err := u.flush(ctx); err != nil {
			return fmt.Errorf("registry: %w", err)
		}
	}
	w.reg = regBatch{}
	return nil
}

// regUpsert gathers the rows of one registry table's upsert and writes
// them regChunk to a statement. A batch holds each key once per table, so
// no statement meets its own rows in conflict.
type regUpsert struct {
	w              *writeTx
	prefix, suffix string
	cols           int
	args           []any
	rows           int
}

// regChunk is the most rows a registry upsert writes in one statement.
const regChunk = 64

func (u *regUpsert) add(ctx context.Context, vals ...any) error {
	u.args = append(u.args, vals...)
	if u.rows++; u.rows == regChunk {
		return u.flush(ctx)
	}
	return nil
}

func (u *regUpsert) flush(ctx context.Context) error {
	if u.rows == 0 {
		return nil
	}
	if _, err := u.w.exec(ctx, multiRow(u.prefix, u.cols, u.rows)+u.suffix, u.args...); err != nil {
		return err
	}
	u.args, u.rows = u.args[:0], 0
	return nil
}

// registryEntities reads back the coded entities of a stored document, or
// nil when it has none.
func (w *writeTx) registryEntities(ctx context.Context, seq int64) ([]regEntity, error) {
	st, err := w.stmt(ctx, sqlRegEntities)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, seq)
	if err != nil {
		return nil, fmt.Errorf("read coded entities: %w", err)
	}
	defer rows.Close()
	var es []regEntity
	for rows.Next() {
		var e regEntity
		var actor string
		if err := rows.Scan(&e.key, &e.name, &e.typ, &actor); err != nil {
			return nil, fmt.Errorf("read coded entities: %w", err)
		}
		e.actor = &newsgraph.Actor{}
		if err := json.Unmarshal([]byte(actor), e.actor); err != nil {
			return nil, fmt.Errorf("decode actor of %q: %w", e.name, err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read coded entities: %w", err)
	}
	return es, nil
}

// registryRemove takes a removed document's coded entities out of the
// registry: the exact inverse of registryAdd for the same entities and
// date. The document's entity rows must be deleted already.
func (w *writeTx) registryRemove(ctx context.Context, date string, es []regEntity) error {
	if err := w.flushRegistry(ctx); err != nil {
		return err
	}
	m := month(date)
	for _, ra := range groupRegistry(es) {
		if err := w.registryRemoveActor(ctx, date, m, ra); err != nil {
			return fmt.Errorf("registry %q: %w", ra.key, err)
		}
	}
	return nil
}

func (w *writeTx) registryRemoveActor(ctx context.Context, date, m string, ra regActor) error {
	// onBound is set when the document was on a date bound of some row:
	// the bounds are then recomputed from the documents that remain.
	onBound := false
	sub := func(query string, args ...any) (int, error) {
		st, err := w.stmt(ctx, query)
		if err != nil {
			return 0, err
		}
		var n int
		var lo, hi sql.NullString
		err = st.QueryRowContext(ctx, args...).Scan(&n, &lo, &hi)
		if errors.Is(err, sql.ErrNoRows) {
			return 1, nil // nothing counted: leave it be
		}
		if err != nil {
			return 0, fmt.Errorf("exec %.40q: %w", query, err)
		}
		if date != "" && (date == lo.String || date == hi.String) {
			onBound = true
		}
		return n, nil
	}
	n, err := sub(sqlRegSub, ra.key)
	if err != nil {
		return err
	}
	if n <= 0 {
		if _, err := w.exec(ctx, sqlRegDel, ra.key); err != nil {
			return err
		}
	}
	for _, c := range ra.codes {
		n, err := sub(sqlRegCodeSub, ra.key, c.code, c.source)
		if err != nil {
			return err
		}
		if n <= 0 {
			if _, err := w.exec(ctx, sqlRegCodeDel, ra.key, c.code, c.source); err != nil {
				return err
			}
		}
	}
	for _, ds := range ra.descriptors {
		n, err := sub(sqlRegDescSub, ra.key, ds.text)
		if err != nil {
			return err
		}
		if n <= 0 {
			if _, err := w.exec(ctx, sqlRegDescDel, ra.key, ds.text); err != nil {
				return err
			}
		}
	}
	if m != "" {
		st, err := w.stmt(ctx, sqlRegMonthSub)
		if err != nil {
			return err
		}
		var n int
		switch err := st.QueryRowContext(ctx, ra.key, m).Scan(&n); {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("month %s: %w", m, err)
		case n <= 0:
			if _, err := w.exec(ctx, sqlRegMonthDel, ra.key, m); err != nil {
				return err
			}
		}
	}
	if onBound {
		return w.registryBounds(ctx, ra)
	}
	return nil
}

// bounds is a date range being recomputed.
type bounds struct{ lo, hi string }

// addDate widens the bounds to a date; "" (undated) changes nothing.
func (b *bounds) addDate(date string) {
	if date != "" {
		b.add(date)
	}
}

func (b *bounds) add(date string) {
	if b.lo == "" || date < b.lo {
		b.lo = date
	}
	if date > b.hi {
		b.hi = date
	}
}

// registryBounds recomputes the first and last dates of an actor's rows
// (the registry row, the codes and descriptors a removed document had)
// from the documents that still code it.
func (w *writeTx) registryBounds(ctx context.Context, ra regActor) error {
	var all bounds
	codes := map[[2]string]*bounds{}
	descs := map[string]*bounds{}
	for _, c := range ra.codes {
		codes[[2]string{c.code, c.source}] = &bounds{}
	}
	for _, d := range ra.descriptors {
		descs[d.text] = &bounds{}
	}
	err := w.scanBounds(ctx, ra.key, func(date string, a *newsgraph.Actor) {
		all.add(date)
		if b := codes[[2]string{a.Code, regSource(a)}]; b != nil {
			b.add(date)
		}
		for _, d := range a.Descriptors {
			if b := descs[regDescriptorText(d)]; b != nil {
				b.add(date)
			}
		}
	})
	if err != nil {
		return fmt.Errorf("recompute dates: %w", err)
	}
	// Rows deleted above are not touched by these updates.
	if _, err := w.exec(ctx, sqlRegDates, null(all.lo), null(all.hi), ra.key); err != nil {
		return err
	}
	for k, b := range codes {
		if _, err := w.exec(ctx, sqlRegCodeDates, null(b.lo), null(b.hi), ra.key, k[0], k[1]); err != nil {
			return err
		}
	}
	for d, b := range descs {
		if _, err := w.exec(ctx, sqlRegDescDates, null(b.lo), null(b.hi), ra.key, d); err != nil {
			return err
		}
	}
	return nil
}

// scanBounds calls fn with the date and actor of every dated document that
// still codes the actor key.
func (w *writeTx) scanBounds(ctx context.Context, key string, fn func(date string, a *newsgraph.Actor)) error {
	st, err := w.stmt(ctx, sqlRegBounds)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, key)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var date, actor string
		if err := rows.Scan(&date, &actor); err != nil {
			return err
		}
		var a newsgraph.Actor
		if err := json.Unmarshal([]byte(actor), &a); err != nil {
			return fmt.Errorf("decode actor: %w", err)
		}
		fn(date, &a)
	}
	return rows.Err()
}
