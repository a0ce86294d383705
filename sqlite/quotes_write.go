package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Cross-outlet quote grouping. The same quote carried by many outlets is
// one group with many mentions. A document's quote joins a group when its
// normalised text (newsgraph.NormalizeText: case, punctuation and quotation
// marks aside) equals the group's, or, for quotes of at least
// minFuzzyWords words, when the two texts are near-duplicates: word sets
// with a Jaccard similarity of at least minJaccard (a little editing: a
// word or two changed, dropped or added). Candidates come from a MinHash
// index over the content words (function words and words of one or two
// letters left out, so unrelated quotes do not meet over "the" and "of"):
// signatures of minhashBands × minhashRows hashes, one index row per band;
// two word sets with Jaccard s share some band with probability
// 1-(1-s^r)^b (0.987 at s = 0.75, 0.0001 at s = 0.1). The group keeps the
// text and speaker of its earliest mention.
const (
	minhashBands  = 8
	minhashRows   = 3
	minJaccard    = 0.75
	minFuzzyWords = 6
)

// functionWords are left out of the MinHash signature.
var functionWords = map[string]bool{"the": true, "and": true, "for": true, "that": true, "with": true, "this": true,
	"are": true, "was": true, "were": true, "will": true, "have": true, "has": true, "had": true, "not": true, "but": true,
	"our": true, "their": true, "they": true, "you": true, "his": true, "her": true, "its": true, "from": true, "all": true,
	"can": true, "would": true, "been": true, "there": true, "what": true, "which": true, "who": true, "into": true,
	"about": true, "more": true, "than": true, "them": true, "these": true, "those": true, "any": true, "she": true}

const (
	// sqlQuoteCandidates takes the minhashBands (band, value) pairs.
	sqlQuoteCandidates = `SELECT DISTINCT g.id, g.text_key FROM quote_bands b JOIN quote_groups g ON g.id = b.group_id
		WHERE (b.band, b.value) IN (VALUES (?, ?), (?, ?), (?, ?), (?, ?), (?, ?), (?, ?), (?, ?), (?, ?))`
	// sqlQuoteGroupUpsert counts a mention in the group of a text key,
	// making the group when there is none; it returns the group, whether
	// it is new (mentions = 1) and its first mention's date and document.
	// The group is found by the hash of the text key (?9); the key it
	// returns tells a hash collision (two texts, one hash) from a match.
	sqlQuoteGroupUpsert = `INSERT INTO quote_groups(text, kind, text_key, speaker, speaker_key, speaker_actor,
		mentions, first_date, last_date, first_seq, key_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8, ?9)
		ON CONFLICT(key_hash) DO UPDATE SET mentions = mentions + 1,
			last_date = CASE WHEN last_date IS NULL OR ?7 > last_date THEN coalesce(?7, last_date) ELSE last_date END
		RETURNING id, mentions, first_date, first_seq, text_key`
	// sqlInsertGroups and sqlInsertBandRows take rows of groupCols and 3
	// values (see multiRow): new groups with one mention, their bands.
	sqlInsertGroups = `INSERT INTO quote_groups(text, kind, text_key, speaker, speaker_key, speaker_actor,
		first_date, last_date, first_seq, key_hash, mentions) VALUES `
	sqlInsertBandRows = `INSERT OR IGNORE INTO quote_bands(band, value, group_id) VALUES `
	// sqlQuoteGroupUncount takes back the count a hash collision added.
	sqlQuoteGroupUncount = `UPDATE quote_groups SET mentions = mentions - 1 WHERE id = ?`
	sqlQuoteGroupAdd     = `UPDATE quote_groups SET mentions = mentions + 1,
		last_date = CASE WHEN last_date IS NULL OR ?1 > last_date THEN coalesce(?1, last_date) ELSE last_date END
		WHERE id = ?2 RETURNING first_date, first_seq`
	sqlQuoteGroupFirst = `UPDATE quote_groups SET text = ?, kind = ?, speaker = ?, speaker_key = ?, speaker_actor = ?,
		first_date = ?, first_seq = ? WHERE id = ?`
	// sqlInsertQuoteRows takes rows of quoteCols values (see multiRow).
	sqlInsertQuoteRows = `INSERT INTO quotes(doc_seq, position, kind, text, speaker, speaker_key, speaker_entity, speaker_actor,
		cue, paragraph, start, "end", end_paragraph, confidence, date, group_id) VALUES `

	sqlQuotesOfDoc  = `SELECT DISTINCT group_id FROM quotes WHERE doc_seq = ?`
	sqlQuotesDelDoc = `DELETE FROM quotes WHERE doc_seq = ?`
	sqlQuoteGroupRe = `SELECT count(*) FROM quotes WHERE group_id = ?`
	sqlQuoteEarly   = `SELECT text, kind, speaker, speaker_key, speaker_actor, date, doc_seq FROM quotes WHERE group_id = ?
		ORDER BY date IS NULL, date, doc_seq LIMIT 1`
	sqlQuoteLast      = `SELECT max(date) FROM quotes WHERE group_id = ?`
	sqlQuoteGroupSet  = `UPDATE quote_groups SET mentions = ?, last_date = ? WHERE id = ?`
	sqlQuoteGroupDel  = `DELETE FROM quote_groups WHERE id = ?`
	sqlQuoteBandDrop  = `DELETE FROM quote_bands WHERE band = ? AND value = ? AND group_id = ?`
	sqlQuoteGroupText = `SELECT text_key FROM quote_groups WHERE id = ?`
)

// insertQuotes writes a document's quotes, each into its group, the rows
// quoteChunk to a statement. In a fresh store, a quote whose text hash and
// bands the session's filters have never seen makes a new group for sure:
// such groups are written together, several to a statement, with their
// bands; any other quote first flushes them and takes the one-statement
// upsert (or the near-duplicate search).
func (w *writeTx) insertQuotes(ctx context.Context, seq int64, d *newsgraph.Document) error {
	if len(d.Quotes) == 0 {
		return nil
	}
	gids := make([]int64, len(d.Quotes))
	var pend []newGroup
	flushGroups := func() error {
		if len(pend) == 0 {
			return nil
		}
		ids, err := w.insertGroups(ctx, seq, d.Published.Date, d.Quotes, pend)
		if err != nil {
			return err
		}
		for k, g := range pend {
			gids[g.quote] = ids[k]
		}
		pend = pend[:0]
		return nil
	}
	for i := range d.Quotes {
		q := &d.Quotes[i]
		key := newsgraph.NormalizeText(q.Text)
		words := strings.Fields(key)
		bands := groupBands(words, q.Kind)
		h := keyHash(key)
		if w.keys != nil && w.bands != nil && !w.keys.mayContain(h) && !w.bands.mayContainAny(bands) {
			// Recorded now (groupMade records them again, idempotently),
			// so that a repeat later in this document flushes first.
			w.keys.add(h)
			for _, v := range bands {
				w.bands.add(v)
			}
			pend = append(pend, newGroup{quote: i, key: key, hash: h, bands: bands})
			continue
		}
		if err := flushGroups(); err != nil {
			return err
		}
		gid, err := w.quoteGroup(ctx, seq, d.Published.Date, q, key, words, bands, h)
		if err != nil {
			return err
		}
		gids[i] = gid
	}
	if err := flushGroups(); err != nil {
		return err
	}
	date := null(d.Published.Date)
	args := make([]any, 0, quoteCols*min(len(d.Quotes), quoteChunk))
	rows := 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		if _, err := w.exec(ctx, multiRow(sqlInsertQuoteRows, quoteCols, rows), args...); err != nil {
			return err
		}
		args, rows = args[:0], 0
		return nil
	}
	for i, q := range d.Quotes {
		var key any
		if q.Speaker != nil {
			key = strings.ToLower(*q.Speaker)
		}
		args = append(args, seq, i, q.Kind, q.Text, q.Speaker, key, q.SpeakerEntity, q.SpeakerActor,
			q.Cue, q.Paragraph, q.Start, q.End, q.EndParagraph, q.Confidence, date, gids[i])
		if rows++; rows == quoteChunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// newGroup is a quote that makes a group no earlier quote can share.
type newGroup struct {
	quote int // index in the document's quotes
	key   string
	hash  int64
	bands []int64
}

// insertGroups writes new groups (one mention each, this document's) and
// their bands, groupChunk to a statement, and returns their ids in order.
func (w *writeTx) insertGroups(ctx context.Context, seq int64, date string, quotes []newsgraph.Quote, gs []newGroup) ([]int64, error) {
	ids := make([]int64, len(gs))
	byHash := make(map[int64]int, len(gs))
	for k, g := range gs {
		byHash[g.hash] = k
	}
	for lo := 0; lo < len(gs); lo += groupChunk {
		part := gs[lo:min(lo+groupChunk, len(gs))]
		args := make([]any, 0, groupCols*len(part))
		for _, g := range part {
			q := &quotes[g.quote]
			var speakerKey any
			if q.Speaker != nil {
				speakerKey = strings.ToLower(*q.Speaker)
			}
			args = append(args, q.Text, q.Kind, g.key, q.Speaker, speakerKey, q.SpeakerActor, null(date), null(date), seq, g.hash, 1)
		}
		st, err := w.stmt(ctx, multiRow(sqlInsertGroups, groupCols, len(part))+" RETURNING id, key_hash")
		if err != nil {
			return nil, err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return nil, fmt.Errorf("quote groups: %w", err)
		}
		for rows.Next() {
			var id, h int64
			if err := rows.Scan(&id, &h); err != nil {
				rows.Close()
				return nil, fmt.Errorf("quote groups: %w", err)
			}
			ids[byHash[h]] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("quote groups: %w", err)
		}
	}
	for k, g := range gs {
		if ids[k] == 0 {
			return nil, fmt.Errorf("quote groups: no id returned for %.40q", g.key)
		}
	}
	return ids, w.groupMade(ctx, ids, gs)
}

// groupMade writes the bands of new groups (ids[k] is gs[k]'s),
// bandChunk rows to a statement, and records their text hashes and bands
// in the session's filters.
func (w *writeTx) groupMade(ctx context.Context, ids []int64, gs []newGroup) error {
	var args []any
	for k, g := range gs {
		for b, v := range g.bands {
			args = append(args, b, v, ids[k])
		}
		if w.keys != nil {
			w.keys.add(g.hash)
		}
		if w.bands != nil {
			for _, v := range g.bands {
				w.bands.add(v)
			}
		}
	}
	for lo := 0; lo < len(args); lo += 3 * bandChunk {
		part := args[lo:min(lo+3*bandChunk, len(args))]
		if _, err := w.exec(ctx, multiRow(sqlInsertBandRows, 3, len(part)/3), part...); err != nil {
			return err
		}
	}
	return nil
}

// Batched new groups: groupChunk groups (of groupCols values) and
// bandChunk band rows to a statement at most.
const (
	groupCols  = 11
	groupChunk = 32
	bandChunk  = 256
)

// Quote rows are written quoteChunk to a statement at most.
const (
	quoteCols  = 16
	quoteChunk = 32
)

// quoteGroup finds or makes the group of a quote and counts the mention.
func (w *writeTx) quoteGroup(ctx context.Context, seq int64, date string, q *newsgraph.Quote, key string, words []string, bands []int64, h int64) (int64, error) {
	var speakerKey any
	if q.Speaker != nil {
		speakerKey = strings.ToLower(*q.Speaker)
	}
	var (
		gid      int64
		first    sql.NullString
		firstSeq sql.NullInt64
	)
	matched, err := w.fuzzyQuoteGroup(ctx, words, bands)
	if err != nil {
		return 0, err
	}
	if matched != 0 {
		st, err := w.stmt(ctx, sqlQuoteGroupAdd)
		if err != nil {
			return 0, err
		}
		if err := st.QueryRowContext(ctx, null(date), matched).Scan(&first, &firstSeq); err != nil {
			return 0, fmt.Errorf("count quote mention: %w", err)
		}
		gid = matched
	} else {
		// Same text key: one statement counts the mention or makes the
		// group.
		st, err := w.stmt(ctx, sqlQuoteGroupUpsert)
		if err != nil {
			return 0, err
		}
		var mentions int
		for probe := 0; ; probe++ {
			var got string
			if err := st.QueryRowContext(ctx, q.Text, q.Kind, key, q.Speaker, speakerKey, q.SpeakerActor, null(date), seq, h).
				Scan(&gid, &mentions, &first, &firstSeq, &got); err != nil {
				return 0, fmt.Errorf("quote group: %w", err)
			}
			if got == key {
				break
			}
			// Another text has this hash: take the count back and try the
			// next hash (linear probing; about once in 10^12 pairs).
			if _, err := w.exec(ctx, sqlQuoteGroupUncount, gid); err != nil {
				return 0, err
			}
			if probe == 16 {
				return 0, fmt.Errorf("quote group: no free hash for %.40q", key)
			}
			h++
		}
		if mentions == 1 {
			return gid, w.groupMade(ctx, []int64{gid}, []newGroup{{hash: h, bands: bands}})
		}
	}
	// An earlier mention becomes the group's face (text, speaker).
	if date != "" && (!first.Valid || date < first.String) && firstSeq.Int64 != seq {
		if _, err := w.exec(ctx, sqlQuoteGroupFirst, q.Text, q.Kind, q.Speaker, speakerKey, q.SpeakerActor, date, seq, gid); err != nil {
			return 0, err
		}
	}
	return gid, nil
}

// fuzzyQuoteGroup returns the group whose text is a near-duplicate of
// words (found through the MinHash bands, checked by Jaccard), or 0; an
// identical text is among them. Without bands it returns 0 at once.
func (w *writeTx) fuzzyQuoteGroup(ctx context.Context, words []string, bands []int64) (int64, error) {
	if len(bands) == 0 {
		return 0, nil
	}
	if w.bands != nil {
		seen := false
		for _, v := range bands {
			if w.bands.mayContain(v) {
				seen = true
				break
			}
		}
		if !seen {
			// No quote of this session shares a band, and the store held
			// none before it: no candidate can exist.
			return 0, nil
		}
	}
	st, err := w.stmt(ctx, sqlQuoteCandidates)
	if err != nil {
		return 0, err
	}
	best, bestSim := int64(0), 0.0
	args := make([]any, 0, 2*len(bands))
	for b, v := range bands {
		args = append(args, b, v)
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return 0, fmt.Errorf("quote candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var other string
		if err := rows.Scan(&id, &other); err != nil {
			return 0, fmt.Errorf("quote candidates: %w", err)
		}
		if sim := jaccard(words, strings.Fields(other)); sim >= minJaccard && sim > bestSim {
			best, bestSim = id, sim
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("quote candidates: %w", err)
	}
	return best, nil
}

// clearQuotes takes a document's quotes out of their groups.
func (w *writeTx) clearQuotes(ctx context.Context, seq int64) error {
	st, err := w.stmt(ctx, sqlQuotesOfDoc)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, seq)
	if err != nil {
		return fmt.Errorf("quotes of document: %w", err)
	}
	var groups []int64
	for rows.Next() {
		var g int64
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return fmt.Errorf("quotes of document: %w", err)
		}
		groups = append(groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quotes of document: %w", err)
	}
	if _, err := w.exec(ctx, sqlQuotesDelDoc, seq); err != nil {
		return err
	}
	for _, g := range groups {
		var n int
		if err := w.tx.QueryRowContext(ctx, sqlQuoteGroupRe, g).Scan(&n); err != nil {
			return fmt.Errorf("recount quote group %d: %w", g, err)
		}
		if n == 0 {
			var key string
			if err := w.tx.QueryRowContext(ctx, sqlQuoteGroupText, g).Scan(&key); err != nil {
				return fmt.Errorf("quote group %d: %w", g, err)
			}
			// The face's kind may have changed since the group was made:
			// delete the bands a verbatim quote would have (no-ops if none).
			for b, v := range groupBands(strings.Fields(key), "direct") {
				if _, err := w.exec(ctx, sqlQuoteBandDrop, b, v, g); err != nil {
					return err
				}
			}
			if _, err := w.exec(ctx, sqlQuoteGroupDel, g); err != nil {
				return err
			}
			continue
		}
		var text, kind string
		var speaker, speakerKey, actor, date sql.NullString
		var first int64
		if err := w.tx.QueryRowContext(ctx, sqlQuoteEarly, g).Scan(&text, &kind, &speaker, &speakerKey, &actor, &date, &first); err != nil {
			return fmt.Errorf("earliest mention of quote group %d: %w", g, err)
		}
		if _, err := w.exec(ctx, sqlQuoteGroupFirst, text, kind, speaker, speakerKey, actor, date, first, g); err != nil {
			return err
		}
		var last sql.NullString
		if err := w.tx.QueryRowContext(ctx, sqlQuoteLast, g).Scan(&last); err != nil {
			return fmt.Errorf("latest mention of quote group %d: %w", g, err)
		}
		if _, err := w.exec(ctx, sqlQuoteGroupSet, n, last, g); err != nil {
			return err
		}
	}
	return nil
}

// keyHash is the 64-bit FNV-1a hash of a quote's text key.
func keyHash(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key)) //nolint:errcheck // hash writes do not fail
	return int64(h.Sum64())
}

// backfillQuoteHashes fills key_hash for the groups stored before
// migration 0007, in one transaction.
func (s *Store) backfillQuoteHashes(ctx context.Context) error {
	var one int
	// Only once migration 0007 gave the table the column.
	err := s.writer.QueryRowContext(ctx, "SELECT 1 FROM pragma_table_info('quote_groups') WHERE name = 'key_hash'").Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("quote hashes: %w", err)
	}
	err = s.writer.QueryRowContext(ctx, "SELECT 1 FROM quote_groups WHERE key_hash IS NULL LIMIT 1").Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("quote hashes: %w", err)
	}
	return s.write(ctx, func(w *writeTx) error {
		rows, err := w.tx.QueryContext(ctx, "SELECT id, text_key FROM quote_groups WHERE key_hash IS NULL")
		if err != nil {
			return fmt.Errorf("quote hashes: %w", err)
		}
		type pending struct {
			id  int64
			key string
		}
		var all []pending
		for rows.Next() {
			var p pending
			if err := rows.Scan(&p.id, &p.key); err != nil {
				rows.Close()
				return fmt.Errorf("quote hashes: %w", err)
			}
			all = append(all, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("quote hashes: %w", err)
		}
		for _, p := range all {
			h := keyHash(p.key)
			for {
				_, err := w.exec(ctx, "UPDATE quote_groups SET key_hash = ? WHERE id = ?", h, p.id)
				if err == nil {
					break
				}
				if !strings.Contains(err.Error(), "UNIQUE") {
					return err
				}
				h++ // a collision: the next hash, as the writer probes
			}
		}
		s.log.Info("quote groups: text hashes filled", "groups", len(all))
		return nil
	})
}

// groupBands returns the MinHash band values of a quote's normalised
// words, or nil when it is not matched fuzzily: near-duplicates are
// looked for among verbatim quotes of minFuzzyWords words or more (reported
// speech is the outlet's own wording). A group's bands are those of the
// text that created it, its text_key.
func groupBands(words []string, kind string) []int64 {
	if len(words) < minFuzzyWords || kind == "indirect" {
		return nil
	}
	return minhashBandsOf(contentWords(words))
}

// contentWords drops function words and words of one or two letters.
func contentWords(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if len(w) > 2 && !functionWords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

// minhashBandsOf returns the LSH band values of a word set's MinHash
// signature: minhashBands values, each combining minhashRows minima.
func minhashBandsOf(words []string) []int64 {
	var sig [minhashBands * minhashRows]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, w := range words {
		h := fnv.New64a()
		h.Write([]byte(w)) //nolint:errcheck // hash writes do not fail
		x := h.Sum64()
		for i := range sig {
			// A different hash function per row: mix the word's hash
			// with the row number (splitmix64 finaliser).
			z := x + uint64(i+1)*0x9e3779b97f4a7c15
			z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
			z = (z ^ z>>27) * 0x94d049bb133111eb
			z ^= z >> 31
			if z < sig[i] {
				sig[i] = z
			}
		}
	}
	out := make([]int64, minhashBands)
	for b := range out {
		v := uint64(14695981039346656037)
		for r := range minhashRows {
			v = (v ^ sig[b*minhashRows+r]) * 1099511628211
		}
		out[b] = int64(v >> 1)
	}
	return out
}

// jaccard is the Jaccard similarity of two word sets.
func jaccard(a, b []string) float64 {
	sa := make(map[string]bool, len(a))
	for _, w := range a {
		sa[w] = true
	}
	sb := make(map[string]bool, len(b))
	inter := 0
	for _, w := range b {
		if sb[w] {
			continue
		}
		sb[w] = true
		if sa[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// bandFilter is a blocked Bloom filter over quote band values (and text
// hashes): no false negatives, so a value it has not seen is in no group
// of the session. Each value sets three bits of one 64-bit word, so a
// lookup costs one memory access; 2^26 bits (8 MB) keep false positives
// under 1% up to about 3 million values; past that it only asks the store
// more often.
type bandFilter struct {
	words []uint64
}

const bandFilterBits = 1 << 26

func newBandFilter() *bandFilter {
	return &bandFilter{words: make([]uint64, bandFilterBits/64)}
}

// slot returns the word index and the three-bit mask of v.
func (f *bandFilter) slot(v int64) (int, uint64) {
	z := uint64(v) + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	z ^= z >> 31
	w := int(z & (bandFilterBits/64 - 1))
	mask := uint64(1)<<(z>>20&63) | uint64(1)<<(z>>26&63) | uint64(1)<<(z>>32&63)
	return w, mask
}

func (f *bandFilter) add(v int64) {
	w, m := f.slot(v)
	f.words[w] |= m
}

// mayContainAny reports whether any of vs may have been added.
func (f *bandFilter) mayContainAny(vs []int64) bool {
	for _, v := range vs {
		if f.mayContain(v) {
			return true
		}
	}
	return false
}

func (f *bandFilter) mayContain(v int64) bool {
	w, m := f.slot(v)
	return f.words[w]&m == m
}
