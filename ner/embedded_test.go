package ner

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// dataDir is the shared data directory seen from this package.
const dataDir = "../../shared/data"

func readTesta(tb testing.TB) []Sentence {
	tb.Helper()
	path := filepath.Join(dataDir, "conll2003", "eng.testa")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("CoNLL-2003 dev set not available (%v): skipping", err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

func embeddedOrFail(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatalf("embedded model: %v", err)
	}
	return m
}

func TestEmbeddedModelTesta(t *testing.T) {
	sents := readTesta(t)
	m := embeddedOrFail(t)
	pred := m.TagSentences(sents)
	gold := make([][]string, len(sents))
	for i, s := range sents {
		gold[i] = s.Labels
		if gold[i] == nil {
			gold[i] = []string{}
		}
	}
	ev, err := Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := ev.WriteReport(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("eng.testa:\n%s", b.String())
	plain := make([][]string, len(sents))
	for i, s := range sents {
		plain[i] = m.Tag(s.Tokens)
	}
	if ev2, err := Evaluate(gold, plain); err == nil {
		t.Logf("without document context (Tag): F1 %.4f", ev2.Overall.F1)
	}
	if ev.Overall.F1 < 0.90 {
		t.Errorf("F1 on eng.testa = %.4f, want >= 0.90", ev.Overall.F1)
	}
}

// TestEmbeddedModelSeedStory checks sentences about the seed's story.
func TestEmbeddedModelSeedStory(t *testing.T) {
	m := embeddedOrFail(t)
	type ent struct{ text, types string } // types: accepted types, "|"-separated
	tests := []struct {
		sentence string
		want     []ent
		notPER   []string
	}{
		{
			sentence: "Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol in Bali , Indonesia , on Tuesday .",
			want:     []ent{{"Xi Jinping", "PER"}, {"Yoon Suk-yeol", "PER"}, {"Bali", "LOC"}, {"Indonesia", "LOC"}},
			notPER:   []string{"Tuesday"},
		},
		{
			sentence: "China 's Foreign Ministry said the talks were candid .",
			want:     []ent{{"Foreign Ministry", "ORG"}},
		},
		{
			sentence: "Leaders of the G20 gathered in Bali on Tuesday .",
			want:     []ent{{"G20", "ORG|MISC"}, {"Bali", "LOC"}},
			notPER:   []string{"Tuesday"},
		},
		{
			sentence: "Moon Jae-in visited Beijing and Seoul .",
			want:     []ent{{"Moon Jae-in", "PER"}, {"Beijing", "LOC"}, {"Seoul", "LOC"}},
		},
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.sentence)
		spans := m.Entities(toks)
		got := map[string]string{}
		for _, s := range spans {
			got[strings.Join(toks[s.Start:s.End], " ")] = s.Type
		}
		for _, w := range tt.want {
			typ, ok := got[w.text]
			if !ok || !slices.Contains(strings.Split(w.types, "|"), typ) {
				t.Errorf("%q: %q tagged %q, want %s (all: %v)", tt.sentence, w.text, typ, w.types, got)
			}
		}
		for _, s := range spans {
			text := strings.Join(toks[s.Start:s.End], " ")
			if s.Type == "PER" && slices.Contains(tt.notPER, text) {
				t.Errorf("%q: %q tagged PER", tt.sentence, text)
			}
		}
	}
}

func TestDomainType(t *testing.T) {
	m := embeddedOrFail(t)
	if m.Gazetteer == nil {
		t.Skip("model has no gazetteer")
	}
	tests := []struct {
		typ, name, want string
	}{
		{"PER", "Xi Jinping", "PERSON"},
		{"LOC", "Indonesia", "GPE"},
		{"LOC", "Bali", "GPE"},
		{"LOC", "Pacific", "LOC"},
		{"ORG", "Foreign Ministry", "ORG"},
		{"MISC", "Korean", "MISC"},
	}
	for _, tt := range tests {
		if got := m.DomainType(tt.typ, strings.Fields(tt.name)); got != tt.want {
			t.Errorf("DomainType(%s, %s) = %s, want %s", tt.typ, tt.name, got, tt.want)
		}
	}
}

// BenchmarkTag measures tagging speed on eng.testa, one goroutine.
func BenchmarkTag(b *testing.B) {
	sents := readTesta(b)
	m := embeddedOrFail(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDocument is BenchmarkTag with document context.
func BenchmarkTagDocument(b *testing.B) {
	sents := readTesta(b)
	m := embeddedOrFail(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		m.TagSentences(sents)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures loading the embedded model (the once-only cost of
// Default).
func BenchmarkLoad(b *testing.B) {
	if len(embeddedModel) == 0 {
		b.Skip("no embedded model")
	}
	for b.Loop() {
		if _, err := Load(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestModelMemory checks the heap a loaded model holds.
func TestModelMemory(t *testing.T) {
	if len(embeddedModel) == 0 {
		t.Skip("no embedded model")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Load(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	m.Tag([]string{"Xi", "Jinping", "met", "Yoon", "Suk-yeol", "."})
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc)) / (1 << 20)
	t.Logf("model heap: %.1f MB, %d feature rows", mb, m.NumFeatures())
	if mb > 300 {
		t.Errorf("model heap %.1f MB, want < 300", mb)
	}
	runtime.KeepAlive(m)
}

// TestCachedScoresMatch checks that the word-cached emission scores equal the
// plain feature sums on every eng.testa sentence (the tagger's fast path must
// not change what it computes), and on hand-made sentences with the cases
// the cache has to get right: sentence edges, all-caps headlines, one-word
// sentences, gazetteer phrases, a cache that overflows.
func TestCachedScoresMatch(t *testing.T) {
	m := embeddedOrFail(t)
	var docs [][][]string
	docs = append(docs, [][]string{
		{"Chinese", "President", "Xi", "Jinping", "met", "Yoon", "Suk-yeol", "in", "Bali", ",", "Indonesia", "."},
		{"BALI", "TALKS", "END"},
		{"Seoul"},
		{"The", "United", "States", "and", "South", "Korea", "’s", "Foreign", "Ministry", "said", "so", "."},
	})
	if _, err := os.Stat(filepath.Join(dataDir, "conll2003", "eng.testa")); err == nil {
		for _, doc := range groupDocs(readTesta(t)) {
			words := make([][]string, 0, len(doc))
			for _, s := range doc {
				if len(s.Tokens) > 0 {
					words = append(words, s.Tokens)
				}
			}
			docs = append(docs, words)
		}
	}
	plain, cached := &scratch{ex: extractor{gaz: m.Gazetteer, clusters: m.Clusters}}, &scratch{}
	var want []float32
	checked, overflowed := 0, false
	for _, doc := range docs {
		dc := docCases(doc)
		ents := make([][]*wordEntry, len(doc))
		for i, s := range doc {
			ents[i] = m.wordCache().entries(nil, s, nil)
		}
		if got := docCasesOf(ents); !maps.Equal(got, dc) {
			t.Fatalf("docCasesOf differs from docCases on %q", doc)
		}
		for _, s := range doc {
			m.scorePlain(plain, s, dc)
			want = append(want[:0], plain.score...)
			m.scoreCached(cached, s, dc)
			for i, w := range want {
				if d := w - cached.score[i]; d > 1e-3 || d < -1e-3 {
					t.Fatalf("sentence %q, score %d: cached %v, plain %v", s, i, cached.score[i], w)
				}
			}
			checked++
		}
		if checked > 200 && !overflowed {
			overflowed = true
			// Overflow the cache once so words age out and come back.
			for k := range 2 * cacheShards * shardLimit {
				m.wordCache().get(strings.Repeat("x", k%7+1) + string(rune('a'+k%26)) + strconv.Itoa(k))
			}
		}
	}
	t.Logf("%d sentences: cached scores equal the plain sums", checked)
}

// TestConcurrentTagging tags the same documents from several goroutines at
// once (they share the model's word cache) and expects the sequential tags.
func TestConcurrentTagging(t *testing.T) {
	m := embeddedOrFail(t)
	docs := [][][]string{
		{{"Chinese", "President", "Xi", "Jinping", "met", "Yoon", "Suk-yeol", "in", "Bali", "."}},
		{{"Moon", "Jae-in", "visited", "Pyongyang", "on", "Tuesday", "."}, {"NORTH", "KOREA", "TALKS"}},
		{{"The", "European", "Union", "and", "NATO", "met", "in", "Brussels", "."}},
	}
	want := make([][][]string, len(docs))
	for i, d := range docs {
		want[i] = m.TagDocument(d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 200 {
				i := (g + k) % len(docs)
				if got := m.TagDocument(docs[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d: doc %d tagged %v, want %v", g, i, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
