package sqlite

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// BenchmarkPutQuotes stores batches of 250 synthetic documents with, for
// quotes=6, six statements each as the quote stage finds them in news (two
// verbatim quotes of a sentence, a partial quote, three reported
// statements, their words drawn uniformly), one verbatim quote in ten a
// wire quote another document carried before with a word changed; quotes=0 is the same documents without them: the
// difference is the cost of the quotes and their cross-outlet groups.
func BenchmarkPutQuotes(b *testing.B) {
	for _, quotes := range []int{0, 6} {
		b.Run(fmt.Sprintf("quotes=%d", quotes), func(b *testing.B) {
			syn := newSynth(3, 20000)
			var wire []string
			putBench(b, openTest(b), func(n int) newsgraph.Item {
				it := syn.item(n)
				for i := range quotes {
					kind, words := "indirect", 12+syn.rng.IntN(14)
					switch i {
					case 0, 1:
						kind = "direct"
					case 2:
						kind, words = "partial", 3+syn.rng.IntN(4)
					}
					text := quoteText(syn, words)
					if kind == "direct" && len(wire) > 0 && syn.rng.IntN(10) == 0 {
						w := strings.Fields(wire[syn.rng.IntN(len(wire))])
						w[syn.rng.IntN(len(w))] = syn.vocab[syn.rng.IntN(len(syn.vocab))]
						text = strings.Join(w, " ")
					} else if kind == "direct" && len(wire) < 5000 {
						wire = append(wire, text)
					}
					sp := fmt.Sprintf("Speaker %d", syn.rng.IntN(500))
					it.Doc.Quotes = append(it.Doc.Quotes, newsgraph.Quote{Kind: kind, Text: text, Speaker: &sp,
						Cue: "said", Paragraph: i % len(it.Doc.Paragraphs), Start: 0, End: len(text), EndParagraph: i % len(it.Doc.Paragraphs), Confidence: 0.8})
				}
				return it
			})
		})
	}
}

// quoteText draws words uniformly (the documents' Zipf-distributed words
// would make every quote share its frequent words, which real quotes'
// content words do not).
func quoteText(syn *synth, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = syn.vocab[syn.rng.IntN(len(syn.vocab))]
	}
	return strings.Join(w, " ")
}
