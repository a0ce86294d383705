package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/clean"
	"github.com/newsgraph/newsgraph/source"
	"github.com/newsgraph/newsgraph/sqlite"
)

// article writes a distinct crawl record of a few paragraphs.
func article(i int) string {
	return fmt.Sprintf(" date 2023-03-%02d Council news %d\n"+
		"The city council of town number %d voted on Tuesday to approve a new budget for road repairs, parks and the library service, after a debate that lasted most of the afternoon.\n"+
		"Councillors said the plan, worth %d million, would be paid for by savings elsewhere and a small rise in parking charges.\n"+
		"\"This is a budget for the people who use our streets every day,\" the council leader told the meeting, which was open to the public.\n"+
		"Town %d approves road and parks budget\n", i%28+1, i, i, i%90+10, i)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func openStore(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func ingest(t *testing.T, st newsgraph.Store, paths ...string) Summary {
	t.Helper()
	sum, err := Ingest(context.Background(), &source.Reader{}, paths, clean.NewExtractor(), st, Options{BatchSize: 64})
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return sum
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	var good strings.Builder
	for i := 0; i < 5; i++ {
		good.WriteString(article(i))
	}
	writeFile(t, filepath.Join(dir, "good.txt"), []byte(good.String()))
	writeFile(t, filepath.Join(dir, "empty.txt"), nil)
	writeFile(t, filepath.Join(dir, "binary.dat"), append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 0xff, 3}, 400)...))
	writeFile(t, filepath.Join(dir, "invalid-utf8.txt"), []byte("The minister said on Monday that talks would resume \xff\xfe\xfd next week in the capital, officials confirmed.\n"))
	big := bytes.Repeat([]byte("This line is part of a text file far larger than any article could be.\n"), 50<<20/72)
	writeFile(t, filepath.Join(dir, "big.txt"), big)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := 100; i < 400; i++ {
		zw.Write([]byte(article(i)))
	}
	zw.Close()
	writeFile(t, filepath.Join(dir, "truncated.txt.gz"), gz.Bytes()[:gz.Len()*2/3])
	writeFile(t, filepath.Join(dir, "lines.jsonl"), []byte(`{"url": "https://example.org/2023/05/02/story", "title": "Harbour reopens", "text": "The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said.\nFishing boats returned to their moorings by the afternoon and the ferry service will resume on Thursday, with extra sailings at the weekend."}`+"\n{\"title\": broken\n"))

	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	sum := ingest(t, st, dir)
	if sum.Failed < 6 {
		t.Errorf("summary %s: want at least 6 failures", sum)
	}
	if sum.New < 5+1+1 {
		t.Errorf("summary %s: want the 5 good records, the JSON line and the records before the gzip truncation stored", sum)
	}
	var reasons []string
	if err := st.Inputs(context.Background(), func(si *newsgraph.StoredInput) error {
		if si.Reason != "" {
			reasons = append(reasons, filepath.Base(si.Input.Path)+": "+si.Reason)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(reasons, "\n")
	for _, want := range []string{"empty.txt: empty input", "binary.dat: binary content", "invalid-utf8.txt", "big.txt: record too large", "truncated.txt.gz: truncated", "lines.jsonl: line 2: malformed JSON"} {
		if !strings.Contains(all, want) {
			t.Errorf("no failure row %q among:\n%s", want, all)
		}
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Failures != sum.Failed {
		t.Errorf("store has %d failures, summary says %d", stats.Failures, sum.Failed)
	}
}

func TestIngestIdempotent(t *testing.T) {
	dir := t.TempDir()
	for f := 0; f < 3; f++ {
		var b strings.Builder
		for i := 0; i < 40; i++ {
			b.WriteString(article(f*40 + i))
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%d.txt", f)), []byte(b.String()))
	}
	// The same article as another input (different furniture): a duplicate.
	writeFile(t, filepath.Join(dir, "copy.txt"), []byte(article(7)+"Share this article\nMost read\n"))
	st := openStore(t, filepath.Join(t.TempDir(), "t.db"))
	first := ingest(t, st, dir)
	if first.Read != 121 || first.New != 120 || first.Duplicates != 1 || first.Failed != 0 {
		t.Errorf("first run: %s", first)
	}
	second := ingest(t, st, dir)
	if second.Read != 121 || second.New != 0 || second.Duplicates != 121 {
		t.Errorf("second run stored something: %s", second)
	}
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 120 {
		t.Errorf("%d documents stored, want 120", stats.Documents)
	}
}

// TestIngestResumable kills an ingest with SIGKILL midway (in a child
// process), runs it again, and checks that everything is stored once.
func TestIngestResumable(t *testing.T) {
	if os.Getenv("NEWSGRAPH_INGEST_CHILD") != "" {
		return
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := t.TempDir()
	const files, per = 40, 100
	for f := 0; f < files; f++ {
		var b strings.Builder
		for i := 0; i < per; i++ {
			b.WriteString(article(f*per + i))
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("f%03d.txt", f)), []byte(b.String()))
	}
	db := filepath.Join(t.TempDir(), "t.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestResumeChild$", "-test.v")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_INGEST_CHILD=1", "NEWSGRAPH_CHILD_DB="+db, "NEWSGRAPH_CHILD_DIR="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some documents are in, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	killed := false
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		if n := countDocs(t, db); n > 200 && n < files*per {
			cmd.Process.Kill()
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Skipf("could not catch the child midway (it finished or never started):\n%s", out.String())
	}
	before := countDocs(t, db)
	st := openStore(t, db)
	sum := ingest(t, st, dir)
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != files*per {
		t.Errorf("after resume: %d documents, want %d (had %d when killed; resume: %s)", stats.Documents, files*per, before, sum)
	}
	if sum.New != files*per-before {
		t.Errorf("resume stored %d new, want %d", sum.New, files*per-before)
	}
}

// TestResumeChild is the ingest that TestIngestResumable kills.
func TestResumeChild(t *testing.T) {
	if os.Getenv("NEWSGRAPH_INGEST_CHILD") == "" {
		t.Skip("run by TestIngestResumable")
	}
	st, err := sqlite.Open(context.Background(), os.Getenv("NEWSGRAPH_CHILD_DB"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Ingest(context.Background(), &source.Reader{}, []string{os.Getenv("NEWSGRAPH_CHILD_DIR")}, clean.NewExtractor(), st, Options{BatchSize: 16, Workers: 1}); err != nil {
		t.Fatal(err)
	}
}

func countDocs(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		return 0
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		return 0
	}
	return s.Documents
}

func TestProcessOrder(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 50; i++ {
		b.WriteString(article(i))
	}
	writeFile(t, filepath.Join(dir, "a.txt"), []byte(b.String()))
	var got []int
	err := Process(context.Background(), &source.Reader{}, []string{dir}, clean.NewExtractor(), Options{Workers: 4}, nil, func(it newsgraph.Item) error {
		got = append(got, it.Input.Record)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		if r != i {
			t.Fatalf("output out of input order at %d: %v", i, got[:i+1])
		}
	}
	if len(got) != 50 {
		t.Errorf("%d items, want 50", len(got))
	}
}
