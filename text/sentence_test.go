package text

import (
	"strings"
	"testing"
)

// checkSentences verifies the splitter's contract: every token in exactly
// one sentence, in order, and offsets matching the tokens.
func checkSentences(t testing.TB, p string, toks []Token, sents []Sentence) {
	t.Helper()
	next := 0
	for i, s := range sents {
		if s.First != next || len(s.Tokens) == 0 {
			t.Fatalf("%q: sentence %d starts at token %d with %d tokens, want token %d", p, i, s.First, len(s.Tokens), next)
		}
		if &s.Tokens[0] != &toks[s.First] {
			t.Fatalf("%q: sentence %d Tokens is not a sub-slice of the tokens", p, i)
		}
		last := s.Tokens[len(s.Tokens)-1]
		if s.Start != s.Tokens[0].Start || s.End != last.End {
			t.Fatalf("%q: sentence %d offsets [%d,%d) but tokens span [%d,%d)", p, i, s.Start, s.End, s.Tokens[0].Start, last.End)
		}
		next += len(s.Tokens)
	}
	if next != len(toks) {
		t.Fatalf("%q: sentences cover %d of %d tokens", p, next, len(toks))
	}
}

// split returns the sentences of p as their text, joined with " | ".
func split(t testing.TB, p string) string {
	t.Helper()
	toks := Tokenize(p)
	sents := Sentences(p, toks)
	checkSentences(t, p, toks, sents)
	runes := []rune(p)
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = string(runes[s.Start:s.End])
	}
	return strings.Join(out, " | ")
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "It rained. We left. Then it stopped.", "It rained. | We left. | Then it stopped."},
		{"question exclamation", "Why? Because! Really?! Yes.", "Why? | Because! | Really?! | Yes."},
		{"question before lower case", `"Why?" he asked. "Stop!" she said.`, `"Why?" he asked. | "Stop!" she said.`},
		// Abbreviations and initials.
		{"titles", "Mr. Smith met Gen. Kim and Dr. Lee. They talked.", "Mr. Smith met Gen. Kim and Dr. Lee. | They talked."},
		{"initials", "J. K. Rowling and George W. Bush met. It was brief.", "J. K. Rowling and George W. Bush met. | It was brief."},
		{"dotted initials", "J.K. Rowling spoke at 10 a.m. Tuesday.", "J.K. Rowling spoke at 10 a.m. Tuesday."},
		{"month", "On Nov. 15 the talks began.", "On Nov. 15 the talks began."},
		{"e.g. i.e.", "Some cities, e.g. Seoul, i.e. the capital, grew.", "Some cities, e.g. Seoul, i.e. the capital, grew."},
		{"vs.", "Korea vs. Japan ended 3-0. Fans cheered.", "Korea vs. Japan ended 3-0. | Fans cheered."},
		{"No.", "He is No. 1 in the world. She is No. 2.", "He is No. 1 in the world. | She is No. 2."},
		{"Inc. mid", "Apple Inc. Chief Executive Tim Cook said so.", "Apple Inc. Chief Executive Tim Cook said so."},
		{"Inc. end", "He joined Apple Inc. The company said so.", "He joined Apple Inc. | The company said so."},
		// "U.S." before a capitalised word: a sentence starter splits,
		// another capitalised word does not.
		{"U.S. end", "Talks were held in the U.S. The next round is in Seoul.", "Talks were held in the U.S. | The next round is in Seoul."},
		{"U.S. mid", "The U.S. Army and U.S. President Joe Biden agreed.", "The U.S. Army and U.S. President Joe Biden agreed."},
		{"U.S. end of paragraph", "He flew to the U.S.", "He flew to the U.S."},
		{"U.S. closing quote", `"We love the U.S." Biden smiled.`, `"We love the U.S." | Biden smiled.`},
		{"U.S. double period", "He flew to the U.S.. Then home.", "He flew to the U.S.. | Then home."},
		// Quotes that end a sentence.
		{"comma inside quote", `"We will respond," he said. "It is clear."`, `"We will respond," he said. | "It is clear."`},
		{"period inside quote", `He said: "It is over." She added that it was not.`, `He said: "It is over." | She added that it was not.`},
		{"curly quotes", "“We will respond,” he said. “It is clear.” She nodded.", "“We will respond,” he said. | “It is clear.” | She nodded."},
		{"single curly", "He called it ‘a disaster.’ Others agreed.", "He called it ‘a disaster.’ | Others agreed."},
		{"guillemets", "« C'est fini. » Il est parti.", "« C'est fini. » | Il est parti."},
		{"quote then paren", `It ended ("finally.") Then rain.`, `It ended ("finally.") | Then rain.`},
		{"spaced ascii quotes", `" It is over . " Then he left .`, `" It is over . " | Then he left .`},
		// Ellipses.
		{"ellipsis end", "He waited… Then he left.", "He waited… | Then he left."},
		{"ellipsis mid", "He waited... and waited.", "He waited... and waited."},
		{"ellipsis quote", "“I don’t know…” He paused.", "“I don’t know…” | He paused."},
		// Datelines.
		{"Yonhap dateline", "BALI, Indonesia, Nov. 15 (Yonhap) -- South Korea's President Yoon Suk-yeol met Chinese President Xi Jinping on Tuesday. They discussed North Korea.",
			"BALI, Indonesia, Nov. 15 (Yonhap) -- South Korea's President Yoon Suk-yeol met Chinese President Xi Jinping on Tuesday. | They discussed North Korea."},
		{"AP dateline", "WASHINGTON (AP) — The Senate voted. It passed.", "WASHINGTON (AP) — The Senate voted. | It passed."},
		{"Reuters dateline", "SEOUL, Nov 15 (Reuters) - Shares rose 1.5%. Bonds fell.", "SEOUL, Nov 15 (Reuters) - Shares rose 1.5%. | Bonds fell."},
		// Numbers with dots.
		{"decimal", "Growth was 3.5 percent. It slowed.", "Growth was 3.5 percent. | It slowed."},
		{"number end", "It grew 3.5. Then it fell.", "It grew 3.5. | Then it fell."},
		{"year start", "It ended in 2019. 2020 was worse.", "It ended in 2019. | 2020 was worse."},
		// Lists.
		{"bullets", "Key points: • Prices rose • Wages fell", "Key points: | • Prices rose | • Wages fell"},
		{"numbered item", "1. Introduction to the report", "1. Introduction to the report"},
		{"lines", "Key points:\n- Prices rose\n- Wages fell", "Key points: | - Prices rose | - Wages fell"},
		{"numbered lines", "Steps:\n1. Go\n2. Stop", "Steps: | 1. Go | 2. Stop"},
		{"blank line", "Title\n\nBody text here", "Title | Body text here"},
		{"wrapped line", "The talks\nended today.", "The talks\nended today."},
		{"ranked results", "Men's 100 metres 1. Dennis Mitchell (U.S.) 10.08 2. Donovan Bailey (Canada) 10.10",
			// After a number the rank starts the item; after a word it is
			// taken for the end of a sentence.
			"Men's 100 metres 1. | Dennis Mitchell (U.S.) 10.08 | 2. Donovan Bailey (Canada) 10.10"},
		// CJK and other scripts.
		{"CJK", "中国外交部发言人说。他说！真的吗？好的", "中国外交部发言人说。 | 他说！ | 真的吗？ | 好的"},
		{"CJK quote", "他说：「好。」然后走了。", "他说：「好。」 | 然后走了。"},
		{"Cyrillic", "Путин заявил. Он уехал.", "Путин заявил. | Он уехал."},
		{"Arabic", "قال الرئيس؟ نعم.", "قال الرئيس؟ | نعم."},
		{"Hindi", "यह अच्छा है। वह गया।", "यह अच्छा है। | वह गया।"},
		// Odd input.
		{"no terminator", "A headline without a stop", "A headline without a stop"},
		{"lower case after period", "See p. 5 and fig. 2 for details.", "See p. 5 and fig. 2 for details."},
		{"comma after period", "It was 5 p.m., late.", "It was 5 p.m., late."},
		{"only punctuation", "... !!! ???", "... !!! | ???"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := split(t, tc.in); got != tc.want {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestAppendSentencesNoAlloc(t *testing.T) {
	p := `BALI, Indonesia, Nov. 15 (Yonhap) -- Yoon met Xi. "We agree," he said. It ended.`
	toks := Tokenize(p)
	buf := make([]Sentence, 0, 16)
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendSentences(buf[:0], p, toks)
	})
	if allocs != 0 || len(buf) != 3 {
		t.Errorf("AppendSentences: %d sentences, %.0f allocations; want 3, 0", len(buf), allocs)
	}
}
