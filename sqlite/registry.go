package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/registry"
)

// Compile-time check that *Store is a newsgraph.ActorRegistry.
var _ newsgraph.ActorRegistry = (*Store)(nil)

// Registry listing limits.
const (
	// DefaultActorLimit is the page size of Actors when the query sets none.
	DefaultActorLimit = 50
	// MaxActorLimit bounds the page size of Actors.
	MaxActorLimit = 1000
	// listDescriptors is how many descriptors Actors returns per actor
	// (Actor returns them all).
	listDescriptors = 5
)

// codeRow is one registry_codes row.
type codeRow struct {
	newsgraph.CodeCount
	country, kind, kbID string
	sectors             []string
}

// settleCodes picks the code the registry settles on from an actor's code
// rows, ranked as the registry's triggers rank them (migration 0003):
// codes applied by an override first, then by documents counted from
// sources other than the registry's own suggestions, then by all
// documents, then by the latest last date, then alphabetically. With
// learned set, only evidence from text, overrides and the knowledge base
// counts (what LearnedActor may use); otherwise every row does. It returns
// "" when no row counts.
func settleCodes(rows []codeRow, learned bool) string {
	type score struct {
		code          string
		override      bool
		nonReg, total int
		last          string
	}
	var scores []*score
	for _, r := range rows {
		if learned && r.Source != newsgraph.ActorFromText && r.Source != newsgraph.ActorFromOverride && r.Source != newsgraph.ActorFromKB {
			continue
		}
		i := slices.IndexFunc(scores, func(s *score) bool { return s.code == r.Code })
		if i < 0 {
			scores = append(scores, &score{code: r.Code})
			i = len(scores) - 1
		}
		s := scores[i]
		s.override = s.override || r.Source == newsgraph.ActorFromOverride
		if r.Source != newsgraph.ActorFromRegistry {
			s.nonReg += r.Count
		}
		s.total += r.Count
		s.last = max(s.last, r.LastDate)
	}
	if len(scores) == 0 {
		return ""
	}
	best := slices.MinFunc(scores, func(a, b *score) int {
		if a.override != b.override {
			if a.override {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.nonReg, a.nonReg), cmp.Compare(b.total, a.total),
			cmp.Compare(b.last, a.last), cmp.Compare(a.code, b.code))
	})
	return best.code
}

// codeActor builds the Actor of a settled code from its rows and the best
// descriptor of that code (nil when none). learned restricts the rows as
// in settleCodes.
func codeActor(code string, rows []codeRow, top *newsgraph.DescriptorCount, learned bool) *newsgraph.Actor {
	a := &newsgraph.Actor{Code: code, Source: newsgraph.ActorFromRegistry}
	var best *codeRow
	count, first, last := 0, "", ""
	for i := range rows {
		r := &rows[i]
		if r.Code != code || (learned && r.Source == newsgraph.ActorFromRegistry) {
			continue
		}
		if best == nil || r.Count > best.Count {
			best = r
		}
		if a.KBID == "" {
			a.KBID = r.kbID
		}
		count += r.Count
		if r.FirstDate != "" && (first == "" || r.FirstDate < first) {
			first = r.FirstDate
		}
		last = max(last, r.LastDate)
	}
	if best != nil {
		a.Country, a.Kind, a.Sectors = best.country, best.kind, best.sectors
	}
	if a.Country == "" {
		a.Country = registry.CountryOf(code)
	}
	if a.Sectors == nil {
		_, a.Sectors = registry.SplitCode(code)
	}
	if top != nil {
		a.Evidence = fmt.Sprintf("registry: %q ×%d%s", top.Descriptor, top.Count, monthSpan(top.FirstDate, top.LastDate))
	} else {
		a.Evidence = fmt.Sprintf("registry: %s in %d document%s%s", code, count, plural(count), monthSpan(first, last))
	}
	return a
}

// overrideActor is the Actor an override gives an entity of type typ.
func overrideActor(o registry.Override, typ string) *newsgraph.Actor {
	_, sectors := registry.SplitCode(o.Code)
	return &newsgraph.Actor{
		Code:     o.Code,
		Country:  registry.CountryOf(o.Code),
		Sectors:  sectors,
		Kind:     registry.KindFor(typ, o.Code),
		Evidence: "registry override: " + o.String(),
		Source:   newsgraph.ActorFromRegistry,
	}
}

// currentOverride picks, among one actor's overrides, the one that holds
// last: an open end first, then the latest end, then the latest start.
func currentOverride(os []registry.Override) (registry.Override, bool) {
	if len(os) == 0 {
		return registry.Override{}, false
	}
	return slices.MinFunc(os, func(a, b registry.Override) int {
		if (a.To == "") != (b.To == "") {
			if a.To == "" {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.To, a.To), cmp.Compare(b.From, a.From))
	}), true
}

// topDescriptor returns the most frequent descriptor of code (the latest
// on a tie), or nil.
func topDescriptor(ds []newsgraph.DescriptorCount, code string) *newsgraph.DescriptorCount {
	var top *newsgraph.DescriptorCount
	for i := range ds {
		d := &ds[i]
		if d.Code == code && (top == nil || d.Count > top.Count || d.Count == top.Count && d.LastDate > top.LastDate) {
			top = d
		}
	}
	return top
}

// monthSpan writes " (2022-05 … 2024-12)" from two dates of any precision,
// " (2022-05)" when they share a month, "" without dates.
func monthSpan(first, last string) string {
	first, last = first[:min(len(first), 7)], last[:min(len(last), 7)]
	switch {
	case first == "" && last == "":
		return ""
	case first == last || last == "":
		return " (" + first + ")"
	case first == "":
		return " (" + last + ")"
	}
	return " (" + first + " … " + last + ")"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// LearnedActor implements newsgraph.ActorRegistry: the code the registry
// has learned for a name (compared case-insensitively), or nil, nil.
//
// An override loaded with SetOverrides comes first (its date range is
// not applied here; see Overrides). Otherwise the code comes from what
// documents coded the name by text descriptors, overrides or the
// knowledge base (never by the registry itself, which would feed back on
// its own suggestions): a code applied by an override first, else the code
// most documents gave, the latest on a tie. The Actor's Source is
// newsgraph.ActorFromRegistry and its Evidence names the code's most
// frequent descriptor: `registry: "South Korean President" ×412 (2022-05 …
// 2024-12)`.
func (s *Store) LearnedActor(ctx context.Context, name string) (*newsgraph.Actor, error) {
	key := registry.Key(strings.TrimSpace(name))
	if key == "" {
		return nil, nil
	}
	rows, err := s.reader.QueryContext(ctx, `
		SELECT 0, code, source, country, sectors, kind, kb_id, count, coalesce(first_date, ''), coalesce(last_date, '')
			FROM registry_codes WHERE key = ?1 AND source IN ('text', 'override', 'kb')
		UNION ALL
		SELECT 1, code, name, country, '[]', '', '', 0, from_date, to_date FROM registry_overrides WHERE key = ?1
		UNION ALL
		SELECT 2, type, '', '', '[]', '', '', 0, '', '' FROM registry WHERE key = ?1`, key)
	if err != nil {
		return nil, fmt.Errorf("sqlite: learned actor %q: %w", name, err)
	}
	var codes []codeRow
	var overrides []registry.Override
	typ := ""
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var kind int
			var r codeRow
			var sectors string
			if err := rows.Scan(&kind, &r.Code, &r.Source, &r.country, &sectors, &r.kind, &r.kbID, &r.Count, &r.FirstDate, &r.LastDate); err != nil {
				return err
			}
			switch kind {
			case 0:
				if err := json.Unmarshal([]byte(sectors), &r.sectors); err != nil {
					return fmt.Errorf("decode sectors of %s: %w", r.Code, err)
				}
				codes = append(codes, r)
			case 1:
				overrides = append(overrides, registry.Override{Name: r.Source, Code: r.Code, From: r.FirstDate, To: r.LastDate})
			case 2:
				typ = r.Code
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, fmt.Errorf("sqlite: learned actor %q: %w", name, err)
	}
	if o, ok := currentOverride(overrides); ok {
		return overrideActor(o, typ), nil
	}
	code := settleCodes(codes, true)
	if code == "" {
		return nil, nil
	}
	var top *newsgraph.DescriptorCount
	var d newsgraph.DescriptorCount
	err = s.reader.QueryRowContext(ctx, `SELECT descriptor, count, coalesce(first_date, ''), coalesce(last_date, '')
		FROM registry_descriptors WHERE key = ? AND code = ? ORDER BY count DESC, last_date DESC, descriptor LIMIT 1`, key, code).
		Scan(&d.Descriptor, &d.Count, &d.FirstDate, &d.LastDate)
	switch {
	case err == nil:
		d.Code = code
		top = &d
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("sqlite: learned actor %q: descriptor: %w", name, err)
	}
	return codeActor(code, codes, top, true), nil
}

// Actors lists the registry, most documents first (then by key), with
// each actor's settled code (an override first), all its codes and its
// five most frequent descriptors. Country matches the settled code's
// country, Code a prefix of it, Type the entity type and Query a
// substring of the name, case-insensitively. A zero Limit means
// DefaultActorLimit; at most MaxActorLimit.
func (s *Store) Actors(ctx context.Context, q newsgraph.ActorQuery) ([]newsgraph.RegisteredActor, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultActorLimit
	}
	limit = min(limit, MaxActorLimit)
	var where []string
	args := []any{}
	if c := strings.ToUpper(strings.TrimSpace(q.Country)); c != "" {
		// The index on registry(country) finds the candidates; an
		// override may move an actor in or out.
		where = append(where, `r.key IN (SELECT key FROM registry WHERE country = ? UNION SELECT key FROM o WHERE country = ?)
			AND coalesce(o.country, r.country) = ?`)
		args = append(args, c, c, c)
	}
	if c := strings.ToUpper(strings.TrimSpace(q.Code)); c != "" {
		hi := c + "\x7f"
		where = append(where, `r.key IN (SELECT key FROM registry WHERE code >= ? AND code < ? UNION SELECT key FROM o WHERE code >= ? AND code < ?)
			AND substr(coalesce(o.code, r.code), 1, ?) = ?`)
		args = append(args, c, hi, c, hi, len(c), c)
	}
	if t := strings.ToUpper(strings.TrimSpace(q.Type)); t != "" {
		where = append(where, `r.type = ?`)
		args = append(args, t)
	}
	if text := registry.Key(strings.TrimSpace(q.Query)); text != "" {
		where = append(where, `instr(r.key, ?) > 0`)
		args = append(args, text)
	}
	query := `WITH o AS (
			SELECT key, code, country FROM (
				SELECT key, code, country, row_number() OVER (PARTITION BY key
					ORDER BY to_date = '' DESC, to_date DESC, from_date DESC) AS rn
				FROM registry_overrides)
			WHERE rn = 1)
		SELECT r.key, r.name, r.type, r.docs, coalesce(r.first_date, ''), coalesce(r.last_date, '')
		FROM registry r LEFT JOIN o ON o.key = r.key`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += ` ORDER BY r.docs DESC, r.key LIMIT ? OFFSET ?`
	args = append(args, limit, max(0, q.Offset))

	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	var out []newsgraph.RegisteredActor
	err = queryEach(ctx, tx, query, args, func(rows *sql.Rows) error {
		var a newsgraph.RegisteredActor
		if err := rows.Scan(&a.Key, &a.Name, &a.Type, &a.Documents, &a.FirstDate, &a.LastDate); err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	if err := fillActors(ctx, tx, out, listDescriptors); err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	return out, nil
}

// Actor returns one actor of the registry by key (the lower-cased name)
// with all its codes and descriptors; the error satisfies
// errors.Is(err, newsgraph.ErrNotFound) when the key is neither in the
// registry nor overridden. An actor known only from an override has no
// documents.
func (s *Store) Actor(ctx context.Context, key string) (*newsgraph.RegisteredActor, error) {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlite: actor %q: %w", key, err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	a := []newsgraph.RegisteredActor{{Key: key}}
	err = tx.QueryRowContext(ctx, `SELECT name, type, docs, coalesce(first_date, ''), coalesce(last_date, '')
		FROM registry WHERE key = ?`, key).Scan(&a[0].Name, &a[0].Type, &a[0].Documents, &a[0].FirstDate, &a[0].LastDate)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM registry_overrides WHERE key = ? LIMIT 1`, key).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("sqlite: actor %q: %w", key, newsgraph.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: actor %q: %w", key, err)
		}
		a[0].Name = name
	case err != nil:
		return nil, fmt.Errorf("sqlite: actor %q: %w", key, err)
	}
	if err := fillActors(ctx, tx, a, 0); err != nil {
		return nil, fmt.Errorf("sqlite: actor %q: %w", key, err)
	}
	return &a[0], nil
}

// fillActors adds the codes, descriptors (the top maxDesc per actor, all
// when 0) and settled Actor to actors whose key, name and type are set.
func fillActors(ctx context.Context, tx *sql.Tx, actors []newsgraph.RegisteredActor, maxDesc int) error {
	if len(actors) == 0 {
		return nil
	}
	keys := make([]string, len(actors))
	index := make(map[string]int, len(actors))
	for i, a := range actors {
		keys[i] = a.Key
		index[a.Key] = i
	}
	keysJSON, err := json.Marshal(keys)
	if err != nil {
		return fmt.Errorf("encode keys: %w", err)
	}
	codes := make([][]codeRow, len(actors))
	err = queryEach(ctx, tx, `SELECT key, code, source, country, sectors, kind, kb_id, count, coalesce(first_date, ''), coalesce(last_date, '')
		FROM registry_codes WHERE key IN (SELECT value FROM json_each(?))
		ORDER BY key, count DESC, code, source`, []any{string(keysJSON)}, func(rows *sql.Rows) error {
		var key, sectors string
		var r codeRow
		if err := rows.Scan(&key, &r.Code, &r.Source, &r.country, &sectors, &r.kind, &r.kbID, &r.Count, &r.FirstDate, &r.LastDate); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(sectors), &r.sectors); err != nil {
			return fmt.Errorf("decode sectors of %s: %w", r.Code, err)
		}
		codes[index[key]] = append(codes[index[key]], r)
		return nil
	})
	if err != nil {
		return fmt.Errorf("codes: %w", err)
	}
	// All descriptors that are among an actor's top maxDesc or the top
	// of their code (for the evidence).
	descs := make([][]newsgraph.DescriptorCount, len(actors))
	tops := make([][]newsgraph.DescriptorCount, len(actors))
	err = queryEach(ctx, tx, `SELECT key, descriptor, code, count, first_date, last_date, rn, crn FROM (
			SELECT key, descriptor, code, count, coalesce(first_date, '') AS first_date, coalesce(last_date, '') AS last_date,
				row_number() OVER (PARTITION BY key ORDER BY count DESC, last_date DESC, descriptor) AS rn,
				row_number() OVER (PARTITION BY key, code ORDER BY count DESC, last_date DESC, descriptor) AS crn
			FROM registry_descriptors WHERE key IN (SELECT value FROM json_each(?)))
		WHERE ? = 0 OR rn <= ? OR crn = 1
		ORDER BY key, rn`, []any{string(keysJSON), maxDesc, maxDesc}, func(rows *sql.Rows) error {
		var key string
		var d newsgraph.DescriptorCount
		var rn, crn int
		if err := rows.Scan(&key, &d.Descriptor, &d.Code, &d.Count, &d.FirstDate, &d.LastDate, &rn, &crn); err != nil {
			return err
		}
		i := index[key]
		if maxDesc == 0 || rn <= maxDesc {
			descs[i] = append(descs[i], d)
		}
		if crn == 1 {
			tops[i] = append(tops[i], d)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("descriptors: %w", err)
	}
	overrides := make([][]registry.Override, len(actors))
	err = queryEach(ctx, tx, `SELECT key, name, code, from_date, to_date FROM registry_overrides
		WHERE key IN (SELECT value FROM json_each(?))`, []any{string(keysJSON)}, func(rows *sql.Rows) error {
		var key string
		var o registry.Override
		if err := rows.Scan(&key, &o.Name, &o.Code, &o.From, &o.To); err != nil {
			return err
		}
		overrides[index[key]] = append(overrides[index[key]], o)
		return nil
	})
	if err != nil {
		return fmt.Errorf("overrides: %w", err)
	}
	for i := range actors {
		a := &actors[i]
		a.Codes = make([]newsgraph.CodeCount, len(codes[i]))
		for j, r := range codes[i] {
			a.Codes[j] = r.CodeCount
		}
		a.Descriptors = descs[i]
		if a.Descriptors == nil {
			a.Descriptors = []newsgraph.DescriptorCount{}
		}
		if o, ok := currentOverride(overrides[i]); ok {
			a.Actor = overrideActor(o, a.Type)
			a.Actor.Source = newsgraph.ActorFromOverride
			a.Actor.Evidence = "override: " + o.String()
		} else if code := settleCodes(codes[i], false); code != "" {
			a.Actor = codeActor(code, codes[i], topDescriptor(tops[i], code), false)
		}
	}
	return nil
}

// ActorMonths returns how many documents mentioning an actor were
// published in each month, oldest first; documents dated only to the
// year, or undated, are not counted. An unknown key has no months.
func (s *Store) ActorMonths(ctx context.Context, key string) ([]newsgraph.MonthCount, error) {
	var out []newsgraph.MonthCount
	err := queryEach(ctx, s.reader, `SELECT month, count FROM registry_months WHERE key = ? ORDER BY month`, []any{key}, func(rows *sql.Rows) error {
		var m newsgraph.MonthCount
		if err := rows.Scan(&m.Month, &m.Count); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: actor months %q: %w", key, err)
	}
	return out, nil
}

// Overrides returns the loaded override file, by key and start date, for
// the actor stage to apply with their date ranges.
func (s *Store) Overrides(ctx context.Context) ([]registry.Override, error) {
	var out []registry.Override
	err := queryEach(ctx, s.reader, `SELECT name, code, from_date, to_date FROM registry_overrides ORDER BY key, from_date`, nil, func(rows *sql.Rows) error {
		var o registry.Override
		if err := rows.Scan(&o.Name, &o.Code, &o.From, &o.To); err != nil {
			return err
		}
		out = append(out, o)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: overrides: %w", err)
	}
	return out, nil
}

// SetOverrides replaces the stored overrides with overrides (as ParseOverrides
// returns them) in one transaction. Codes must be well-formed and one
// name's date ranges must start on different dates.
func (s *Store) SetOverrides(ctx context.Context, overrides []registry.Override) error {
	for _, o := range overrides {
		if err := registry.CheckCode(o.Code); err != nil {
			return fmt.Errorf("sqlite: set overrides: %s: %w", o.Name, err)
		}
	}
	err := s.write(ctx, func(w *writeTx) error {
		if _, err := w.exec(ctx, `DELETE FROM registry_overrides`); err != nil {
			return err
		}
		for _, o := range overrides {
			if _, err := w.exec(ctx, `INSERT INTO registry_overrides(key, name, code, country, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?)`,
				o.Key(), o.Name, o.Code, registry.CountryOf(o.Code), o.From, o.To); err != nil {
				return fmt.Errorf("%s: %w", o, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: set overrides: %w", err)
	}
	return nil
}

// querier is a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryEach runs query and calls fn for each row.
func queryEach(ctx context.Context, q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
