package text

import "testing"

// fuzzSeeds are the starting inputs of both fuzz targets; the corpus the
// fuzzer found is kept under testdata/fuzz.
var fuzzSeeds = []string{
	"",
	"BALI, Indonesia, Nov. 15 (Yonhap) -- South Korea's President Yoon Suk-yeol met Xi.",
	`"We will respond," he said. "It is clear." She added: ‘no.’`,
	"The U.S. Army won 3-0 on 2022-11-15 at 10:30; 1/2 of $5.5bn (50%) — £5bn… €5",
	"see https://www.bbc.co.uk/news/x_(y)). mail a.b@c.co.uk #MeToo @Reuters",
	"don't can't O'Brien workers' '90s ``x'' «y» „z“ 「東京」",
	"中国外交部发言人说。他说！윤석열 대통령은 Путин заявил. قال الرئيس؟",
	"Key points:\n- one\n2. two\n\n• three",
	"a\xffb\xc3 \u200b\ufeff 👨‍👩‍👧 🇰🇷 Cafe\u0301",
	"D-N.Y. R-S.C. U.S.. etc... J. K. Ph.D.",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		toks := Tokenize(p)
		checkTokens(t, p, toks)
		// Appending after other tokens gives the same tokens.
		more := AppendTokens([]Token{{Text: "x"}}, p)
		if len(more) != len(toks)+1 {
			t.Fatalf("%q: AppendTokens gave %d tokens, Tokenize %d", p, len(more)-1, len(toks))
		}
		for i := range toks {
			if more[i+1] != toks[i] {
				t.Fatalf("%q: token %d differs: %+v vs %+v", p, i, more[i+1], toks[i])
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		toks := Tokenize(p)
		sents := Sentences(p, toks)
		checkSentences(t, p, toks, sents)
		runeLen := len([]rune(p))
		prevEnd := 0
		for i, s := range sents {
			if s.Start < prevEnd || s.End <= s.Start || s.End > runeLen {
				t.Fatalf("%q: sentence %d [%d,%d) after %d (len %d)", p, i, s.Start, s.End, prevEnd, runeLen)
			}
			prevEnd = s.End
		}
		// Any token slice, even one not from Tokenize, must not crash it.
		if len(toks) > 1 {
			Sentences(p, toks[1:])
			Sentences("", toks[:len(toks)/2])
		}
	})
}
