package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadBBCParagraphs reads the BBC News texts as paragraphs (one per
// non-empty line).
func loadBBCParagraphs(tb testing.TB) (paras []string, tokens int) {
	tb.Helper()
	files, _ := filepath.Glob(bbcGlob)
	if len(files) == 0 {
		tb.Skip("../shared/data/corpus/bbc-fulltext is absent; the benchmark needs it")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, line)
				tokens += len(Tokenize(line))
			}
		}
	}
	return paras, tokens
}

// BenchmarkTokenize tokenizes the whole BBC corpus (2,225 articles) per
// iteration on one goroutine, reusing one token slice; tokens/s is reported.
func BenchmarkTokenize(b *testing.B) {
	paras, ntok := loadBBCParagraphs(b)
	bytes := 0
	for _, p := range paras {
		bytes += len(p)
	}
	buf := make([]Token, 0, 1024)
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paras {
			buf = AppendTokens(buf[:0], p)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkSentences splits the tokenized BBC corpus into sentences per
// iteration (tokenizing excluded); tokens/s is reported.
func BenchmarkSentences(b *testing.B) {
	paras, ntok := loadBBCParagraphs(b)
	toks := make([][]Token, len(paras))
	for i, p := range paras {
		toks[i] = Tokenize(p)
	}
	buf := make([]Sentence, 0, 64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, p := range paras {
			buf = AppendSentences(buf[:0], p, toks[j])
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenizeAndSplit does both, as the pipeline will.
func BenchmarkTokenizeAndSplit(b *testing.B) {
	paras, ntok := loadBBCParagraphs(b)
	tbuf := make([]Token, 0, 1024)
	sbuf := make([]Sentence, 0, 64)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range paras {
			tbuf = AppendTokens(tbuf[:0], p)
			sbuf = AppendSentences(sbuf[:0], p, tbuf)
		}
	}
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
