package geo

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kb"
	"github.com/newsgraph/newsgraph/text"
)

// TestPhraseCountry checks that phraseCountry, which skips phrases with
// a word no country name or demonym has, finds what Country, then
// Demonym, find for the phrase.
func TestPhraseCountry(t *testing.T) {
	k := embeddedKB(t)
	phrases := []string{"The company said", "South Korea", "South Korean", "the United States", "The Netherlands",
		"United Kingdom", "New Zealand", "Saudi Arabia", "the UK government", "Bosnia and Herzegovina", "East Timor",
		"North Korean leader", "The Gambia", "a South African", "São Tomé", "Côte d'Ivoire"}
	for _, c := range k.Countries {
		for _, n := range append(append([]string{c.Name}, c.Names...), c.Demonyms...) {
			if strings.Contains(n, " ") {
				phrases = append(phrases, n, "the "+n, strings.ToUpper(n), n+" said")
			}
		}
	}
	g := &geocoder{s: NewStage(k), kb: k}
	checked := 0
	for _, p := range phrases {
		toks := text.Tokenize(p)
		for n := 2; n <= min(maxContextWords, len(toks)); n++ {
			words := make([]string, n)
			for i, t := range toks[:n] {
				words[i] = t.Text
			}
			phrase := strings.Join(words, " ")
			want := k.Country(phrase)
			if want == nil {
				want = k.Demonym(phrase)
			}
			if got := g.phraseCountry(toks[:n]); got != want {
				t.Errorf("phraseCountry(%q) = %v, want %v", phrase, name(got), name(want))
			}
			checked++
		}
	}
	if checked < 500 {
		t.Fatalf("only %d phrases checked", checked)
	}
}

func name(c *kb.Country) string {
	if c == nil {
		return "nil"
	}
	return c.ISO3
}

// TestOverlap checks overlap.mark against the definition — a token
// overlaps a mention that starts before the token ends and ends after it
// starts — on a paragraph's tokens and spans of every kind (nested,
// touching, empty, reversed, out of range), asked in order with gaps.
func TestOverlap(t *testing.T) {
	toks := text.Tokenize("Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali, Indonesia, on Tuesday.")
	last := toks[len(toks)-1].End
	var spans []span
	for s := -2; s <= last+2; s += 3 {
		for _, l := range []int{-3, 0, 1, 4, 11} {
			spans = append(spans, span{0, s, s + l})
		}
	}
	for n := 0; n <= len(spans); n += 7 {
		// In reverse, then sorted by start as scanParagraphs sorts them.
		cov := append([]span(nil), spans[:n]...)
		slices.Reverse(cov)
		sortSpans(cov)
		if !slices.IsSortedFunc(cov, func(a, b span) int { return cmp.Compare(a.start, b.start) }) {
			t.Fatalf("sortSpans left %d spans out of order", n)
		}
		for _, step := range []int{1, 2, 3} {
			o := overlap{spans: cov, reach: -1 << 62}
			for i := 0; i < len(toks); i += step {
				want := false
				for _, c := range cov {
					if toks[i].Start < c.end && toks[i].End > c.start {
						want = true
					}
				}
				if got := o.mark(toks, i); got != want {
					t.Fatalf("%d spans, token %d %q: mark = %v, want %v", n, i, toks[i].Text, got, want)
				}
			}
		}
	}
}
