package quote

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzStage runs the stage on random paragraphs (split at newlines), with
// "Xi" a person and "he" its pronoun wherever they occur: it must not
// panic, and every quote must lie within its paragraphs with Start <
// End.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"",
		`"China is ready," Xi said. "We will help." He added that trade matters.`,
		`Xi said on Tuesday that his country is ready, according to the statement.`,
		"\"The first part\n\"and the second,\" he said.",
		`China and South Korea, Xi said, are partners. ‘No,’ he said, ‘never.’`,
		`«Oui», a dit Xi. „Ja“, sagte er. 「はい」と彼は言った。 '' '' " " ' '`,
		`Asked if he would go, Xi said: "Yes." He was told. He did not say. What he said, only that`,
		"a\xffb\xc3 \u200b\ufeff \"\" \"x \" said Xi , , said , according to ,",
		`Xi expressed hope that, Xi told reporters that "a "b" c" d, adding that, "`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := strings.Split(s, "\n")
		doc := buildDoc(paras, []ent{{"Xi", "PERSON", "CHNGOV", []string{"Xi", "he#pronoun", "He#pronoun"}}})
		if err := NewStage().Annotate(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, q := range doc.Quotes {
			if q.Paragraph < 0 || q.EndParagraph < q.Paragraph || q.EndParagraph >= len(paras) {
				t.Fatalf("paragraphs out of range: %+v", q)
			}
			n0 := utf8.RuneCountInString(paras[q.Paragraph])
			n1 := utf8.RuneCountInString(paras[q.EndParagraph])
			if q.Start < 0 || q.Start > n0 || q.End < 0 || q.End > n1 {
				t.Fatalf("offsets out of range: %+v (paragraph lengths %d, %d)", q, n0, n1)
			}
			if q.Paragraph == q.EndParagraph && q.Start >= q.End {
				t.Fatalf("Start >= End: %+v", q)
			}
			if q.Text == "" || q.Kind == "" {
				t.Fatalf("empty quote: %+v", q)
			}
			if q.Confidence <= 0 || q.Confidence > 1 {
				t.Fatalf("confidence: %+v", q)
			}
		}
	})
}
