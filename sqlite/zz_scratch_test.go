package sqlite

import (
	"context"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	s, err := Open(context.Background(), "/tmp/newsgraph-sqlite-bench-v2/search.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	syn := newSynth(42, 30000)
	w := syn.vocab
	qs := []string{
		`SELECT count(*) FROM (SELECT rank FROM documents_fts WHERE documents_fts MATCH '"` + w[5] + `"' AND rowid > 99900 ORDER BY rank LIMIT 20)`,
		`SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '"` + w[5] + `"' AND rowid > 99900 ORDER BY rowid LIMIT 20)`,
		`SELECT count(*) FROM (SELECT rank FROM documents_fts WHERE documents_fts MATCH '"` + w[60] + `"' AND rowid > 99900 ORDER BY rank LIMIT 20)`,
		`SELECT count(*) FROM (SELECT rank FROM documents_fts WHERE documents_fts MATCH '"` + w[60] + `"' AND rowid > 95000 ORDER BY rank LIMIT 20)`,
		`SELECT count(*) FROM (SELECT rank FROM documents_fts WHERE documents_fts MATCH '"` + w[2] + ` ` + w[3] + `"' AND rowid > 95000 ORDER BY rank LIMIT 20)`,
		`SELECT count(*) FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '"` + w[2] + ` ` + w[3] + `"' ORDER BY rowid DESC LIMIT 2000)`,
		`SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH '"` + w[2] + ` ` + w[3] + `"' LIMIT 10001)`,
		`SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH '"xenx" *' LIMIT 10001)`,
		`SELECT count(*) FROM (SELECT rank FROM documents_fts WHERE documents_fts MATCH '"xenx" *' AND rowid > 95000 ORDER BY rank LIMIT 20)`,
	}
	for _, q := range qs {
		for range 2 {
			start := time.Now()
			var n int
			if err := s.reader.QueryRow(q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			t.Logf("%8v %6d %s", time.Since(start), n, q)
		}
	}
}
