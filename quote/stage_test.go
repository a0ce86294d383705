package quote

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// ent describes a test entity: its name, type, actor code and the
// strings of its mentions ("he#pronoun" for a pronoun mention, "the
// minister#nominal" for a description). Every occurrence of a mention
// string (as whole words) becomes a mention.
type ent struct {
	name, typ, code string
	mentions        []string
}

// buildDoc makes a document with hand-made entities, so that the tests
// exercise the quote rules alone, not the tagger.
func buildDoc(paras []string, ents []ent) *newsgraph.Document {
	doc := &newsgraph.Document{Paragraphs: paras}
	for i, e := range ents {
		en := newsgraph.Entity{ID: fmt.Sprintf("e%d", i+1), Name: e.name, Type: e.typ}
		if e.code != "" {
			en.Actor = &newsgraph.Actor{Code: e.code, Kind: newsgraph.ActorPerson}
		}
		for _, m := range e.mentions {
			txt, kind, _ := strings.Cut(m, "#")
			re := regexp.MustCompile(`\b` + regexp.QuoteMeta(txt) + `\b`)
			for pi, p := range paras {
				for _, loc := range re.FindAllStringIndex(p, -1) {
					start := len([]rune(p[:loc[0]]))
					en.Mentions = append(en.Mentions, newsgraph.Mention{Paragraph: pi, Start: start,
						End: start + len([]rune(txt)), Text: txt, Kind: kind})
				}
			}
		}
		doc.Entities = append(doc.Entities, en)
	}
	return doc
}

// want is an expected quote: "kind|speaker|cue|text" (speaker "-" for
// none).
func describe(q newsgraph.Quote) string {
	sp := "-"
	if q.Speaker != nil {
		sp = *q.Speaker
	}
	return q.Kind + "|" + sp + "|" + q.Cue + "|" + q.Text
}

var (
	xi     = ent{"Xi Jinping", "PERSON", "CHNGOV", []string{"Xi Jinping", "Xi", "he#pronoun", "He#pronoun", "the Chinese president#nominal"}}
	merkel = ent{"Angela Merkel", "PERSON", "DEUGOV", []string{"Angela Merkel", "Merkel", "she#pronoun", "She#pronoun"}}
	macron = ent{"Emmanuel Macron", "PERSON", "FRAGOV", []string{"Emmanuel Macron", "Macron"}}
	fm     = ent{"China's Foreign Ministry", "ORG", "CHNGOV", []string{"China's Foreign Ministry"}}
	times  = ent{"The Times", "ORG", "GBRMED", []string{"The Times"}}
	media  = ent{"South Korean media", "GROUP", "KORMED", []string{"South Korean media#nominal"}}
	zelen  = ent{"Volodymyr Zelenskyy", "PERSON", "UKRGOV", []string{"Volodymyr Zelenskyy", "Zelenskyy"}}
	kishi  = ent{"Fumio Kishida", "PERSON", "JPNGOV", []string{"Fumio Kishida", "Kishida"}}
)

func TestQuotes(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		ents  []ent
		want  []string
	}{
		{"curly quotes, cue after", []string{`“We will never give up,” Merkel said.`}, []ent{merkel},
			[]string{"direct|Angela Merkel|said|We will never give up"}},
		{"straight quotes, inverted cue", []string{`"The talks went well," said Emmanuel Macron.`}, []ent{macron},
			[]string{"direct|Emmanuel Macron|said|The talks went well"}},
		{"single curly quotes", []string{`‘It was a fair deal,’ Macron told reporters.`}, []ent{macron},
			[]string{"direct|Emmanuel Macron|told reporters|It was a fair deal"}},
		{"single straight quotes, apostrophes around", []string{`'We won't sign it,' Macron said of the workers' plan.`}, []ent{macron},
			[]string{"direct|Emmanuel Macron|said|We won't sign it"}},
		{"guillemets", []string{`«Nous resterons unis», a déclaré Macron. «Unity matters,» Macron said.`}, []ent{macron},
			[]string{"direct|Emmanuel Macron|said|Unity matters"}},
		{"German quotes", []string{`„Wir schaffen das“, Merkel said.`}, []ent{merkel},
			[]string{"direct|Angela Merkel|said|Wir schaffen das"}},
		{"corner brackets", []string{`Kishida wrote: 「平和を守る」`}, []ent{kishi},
			[]string{"direct|Fumio Kishida|wrote|平和を守る"}},
		{"was quoted as saying", []string{`"China is ready to work with its neighbours," Xi was quoted as saying in a statement issued by China's Foreign Ministry.`},
			[]ent{xi, fm}, []string{"direct|Xi Jinping|was quoted as saying|China is ready to work with its neighbours"}},
		{"colon cue with verb", []string{`Zelenskyy wrote on Telegram: "The army is holding the line."`}, []ent{zelen},
			[]string{"direct|Volodymyr Zelenskyy|wrote|The army is holding the line."}},
		{"colon cue after a participle", []string{`Merkel thanked the voters, writing: "This result belongs to you."`}, []ent{merkel},
			[]string{"direct|Angela Merkel|writing|This result belongs to you."}},
		{"wrote on Telegram that", []string{`Zelenskyy wrote on Telegram that the army was holding the line.`}, []ent{zelen},
			[]string{"indirect|Volodymyr Zelenskyy|wrote|the army was holding the line"}},
		{"coordinated verb", []string{`Macron praised the deal and said the two countries would work together.`}, []ent{macron},
			[]string{"indirect|Emmanuel Macron|said|the two countries would work together"}},
		{"appositive subject", []string{`Angela Merkel, the German chancellor, said the plan was sound.`}, []ent{merkel},
			[]string{"indirect|Angela Merkel|said|the plan was sound"}},
		{"name missed by the tagger", []string{`Angela Merkel spoke first.`, `Later Merkel said the plan was sound.`},
			[]ent{{"Angela Merkel", "PERSON", "DEUGOV", []string{"Angela Merkel"}}},
			[]string{"indirect|Angela Merkel|said|the plan was sound"}},
		{"colon cue with a name", []string{`Merkel on the budget: "There is no alternative."`}, []ent{merkel},
			[]string{"direct|Angela Merkel|:|There is no alternative."}},
		{"cue in the middle joins the quotation", []string{`"We are ready," Macron said, "to sign the treaty tomorrow."`}, []ent{macron},
			[]string{"direct|Emmanuel Macron|said|We are ready to sign the treaty tomorrow."}},
		{"partial quotation", []string{`Merkel "is dogged, resilient," The Times wrote.`}, []ent{merkel, times},
			[]string{"partial|The Times|wrote|is dogged, resilient"}},
		{"naming verb", []string{`Macron called the proposal "a historic mistake" on Monday.`}, []ent{macron},
			[]string{"partial|Emmanuel Macron|called|a historic mistake"}},
		{"continued quotation inherits", []string{`"The two countries are partners," the Chinese president said. "They should trust each other."`}, []ent{xi},
			[]string{"direct|Xi Jinping|said|The two countries are partners", "direct|Xi Jinping||They should trust each other."}},
		{"quotation over two paragraphs", []string{`"The first part of the statement runs on`, `"and ends here," Merkel said.`}, []ent{merkel},
			[]string{"direct|Angela Merkel|said|The first part of the statement runs on\nand ends here"}},
		{"said that", []string{`Xi said on Tuesday that his country is ready to help.`}, []ent{xi},
			[]string{"indirect|Xi Jinping|said|his country is ready to help"}},
		{"said without that", []string{`Xi said Beijing and Seoul need to improve their ties.`}, []ent{xi},
			[]string{"indirect|Xi Jinping|said|Beijing and Seoul need to improve their ties"}},
		{"told reporters", []string{`Macron told reporters the deal would be signed soon.`}, []ent{macron},
			[]string{"indirect|Emmanuel Macron|told reporters|the deal would be signed soon"}},
		{"said in a statement", []string{`China's Foreign Ministry said in a statement that the meeting was constructive.`}, []ent{fm},
			[]string{"indirect|China's Foreign Ministry|said|the meeting was constructive"}},
		{"according to, after", []string{`The talks will resume next week, according to Macron.`}, []ent{macron},
			[]string{"indirect|Emmanuel Macron|according to|The talks will resume next week"}},
		{"according to, before", []string{`According to The Times, the minister will resign on Friday.`}, []ent{times},
			[]string{"indirect|The Times|According to|the minister will resign on Friday"}},
		{"adding that", []string{`"Trade is growing," Xi said, adding that both sides must cooperate more.`}, []ent{xi},
			[]string{"direct|Xi Jinping|said|Trade is growing", "indirect|Xi Jinping|adding|both sides must cooperate more"}},
		{"expressed willingness", []string{`Merkel also expressed her willingness to visit Kyiv in the spring.`}, []ent{merkel},
			[]string{"indirect|Angela Merkel|expressed|her willingness to visit Kyiv in the spring"}},
		{"expressed hope that", []string{`Kishida expressed hope that the summit would bring results.`}, []ent{kishi},
			[]string{"indirect|Fumio Kishida|expressed|hope that the summit would bring results"}},
		{"warned", []string{`Zelenskyy warned that the winter would be hard.`}, []ent{zelen},
			[]string{"indirect|Volodymyr Zelenskyy|warned|the winter would be hard"}},
		{"inverted reported", []string{`The economy will recover by spring, said Macron.`}, []ent{macron},
			[]string{"indirect|Emmanuel Macron|said|The economy will recover by spring"}},
		{"cue after reported clause", []string{`The economy will recover by spring, she said.`}, []ent{merkel},
			[]string{"indirect|Angela Merkel|said|The economy will recover by spring"}},
		{"cue inside the sentence", []string{`China and South Korea, Xi said, are inseparable partners.`}, []ent{xi},
			[]string{"indirect|Xi Jinping|said|China and South Korea are inseparable partners"}},
		{"group speaker", []string{`South Korean media reported that the leaders would meet in Bali.`}, []ent{media},
			[]string{"indirect|South Korean media|reported|the leaders would meet in Bali"}},
		{"pronoun speaker", []string{`Merkel arrived late. She said the meeting had been useful.`}, []ent{merkel},
			[]string{"indirect|Angela Merkel|said|the meeting had been useful"}},
		{"unnamed speaker has none", []string{`Officials said the bridge would reopen on Monday.`}, nil,
			[]string{"indirect|-|said|the bridge would reopen on Monday"}},
		{"plural speaker has none", []string{`Xi and Merkel said the talks had gone well.`}, []ent{xi, merkel},
			[]string{"indirect|-|said|the talks had gone well"}},
		{"representative speaks for the entity", []string{`A spokesman for China's Foreign Ministry said the visit was postponed.`}, []ent{fm},
			[]string{"indirect|China's Foreign Ministry|said|the visit was postponed"}},
		{"question", []string{`Merkel asked whether the plan could work.`}, []ent{merkel},
			[]string{"indirect|Angela Merkel|asked|whether the plan could work"}},
		// What is not a quote.
		{"what was said", []string{`The statement did not go into detail about what Xi said, only that the leaders discussed trade.`}, []ent{xi}, nil},
		{"negated cue", []string{`Macron did not say whether he would run again.`}, []ent{macron}, nil},
		{"passive", []string{`Merkel was told the vote would be close.`}, []ent{merkel}, nil},
		{"infinitive", []string{`Macron is expected to say the reform will go ahead.`}, []ent{macron}, nil},
		{"scare quotes", []string{`The so-called "peace plan" was dropped by the "coalition of the willing" in May.`}, nil, nil},
		{"title in quotes", []string{`He appeared on "Meet the Press" and on "Face the Nation" last week.`}, nil, nil},
		{"apostrophes only", []string{`The workers' union and the drivers' association met on Tuesday.`}, nil, nil},
		{"said nothing", []string{`Macron said nothing.`}, []ent{macron}, nil},
		{"noun, not verb", []string{`Merkel has a framed, handwritten note from Macron.`}, []ent{merkel, macron}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := buildDoc(tc.paras, tc.ents)
			if err := NewStage().Annotate(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range doc.Quotes {
				got = append(got, describe(q))
				checkOffsets(t, doc, q)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// checkOffsets verifies that a quote's offsets lie in its paragraphs and
// that a one-paragraph quote's range starts and ends with its Text.
func checkOffsets(t *testing.T, doc *newsgraph.Document, q newsgraph.Quote) {
	t.Helper()
	if q.Paragraph < 0 || q.EndParagraph < q.Paragraph || q.EndParagraph >= len(doc.Paragraphs) {
		t.Fatalf("paragraphs %d..%d out of range: %+v", q.Paragraph, q.EndParagraph, q)
	}
	first := []rune(doc.Paragraphs[q.Paragraph])
	last := []rune(doc.Paragraphs[q.EndParagraph])
	if q.Start < 0 || q.Start > len(first) || q.End > len(last) || q.End < 0 {
		t.Fatalf("offsets %d..%d out of range: %+v", q.Start, q.End, q)
	}
	if q.Paragraph == q.EndParagraph {
		if q.Start >= q.End {
			t.Fatalf("empty range: %+v", q)
		}
		span := string(first[q.Start:q.End])
		if !strings.HasPrefix(q.Text, firstWord(span)) || !strings.HasSuffix(span, lastWord(q.Text)) {
			t.Errorf("range %q does not hold text %q", span, q.Text)
		}
	}
	if q.Confidence <= 0 || q.Confidence > 1 {
		t.Errorf("confidence %v", q.Confidence)
	}
	if (q.Speaker == nil) != (q.SpeakerEntity == nil) {
		t.Errorf("speaker %v without entity %v", q.Speaker, q.SpeakerEntity)
	}
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func lastWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[len(f)-1]
	}
	return ""
}

func TestStageName(t *testing.T) {
	if NewStage().Name() != "quote" {
		t.Fatal(NewStage().Name())
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := NewStage().Annotate(ctx, buildDoc([]string{`"Hi," he said.`}, nil)); err == nil {
		t.Fatal("a canceled context gave no error")
	}
}

func TestIsCue(t *testing.T) {
	for cue, want := range map[string]bool{
		"said": true, "has argued": true, "told reporters": true, "according to": true, "pointed out": true,
		"expressed": true, "believes": false, "polls show": false, "": false, "was quoted as saying": true,
	} {
		if got := IsCue(cue); got != want {
			t.Errorf("IsCue(%q) = %v, want %v", cue, got, want)
		}
	}
}
