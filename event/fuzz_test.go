package event

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// FuzzStage runs the stages up to the event coder on arbitrary paragraphs:
// no panics, and every event's evidence and trigger slice their paragraph,
// its code has a root and a quad class.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"Chinese President Xi Jinping met his South Korean counterpart Yoon Suk-yeol in Bali on Tuesday.",
		"NEW YORK, April 16 - Guterres called on Sudan to stop fighting.",
		"Peru said it would not meet Chile. The treaty must be approved by Chile and ratified by Peru.",
		"Talks between Chile and Peru resumed.", "must", "X declared that Y must", "to protest", "as soon as",
		"\"We will attack,\" the commander said.", "Rebels in Chad blocked roads to protest against Niger.",
		"A", "LIMA -", "Peru, led by", "likely to", "a plan to attack Chile",
	} {
		f.Add(s)
	}
	ss := stages()
	f.Fuzz(func(t *testing.T, text string) {
		lang := "en"
		doc := &newsgraph.Document{Paragraphs: strings.Split(text, "\n"), Language: &lang, IsArticle: true,
			Published: newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay}}
		doc.Normalize()
		if err := runAll(ss)(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for _, e := range doc.Events {
			ev := e.Evidence
			if ev.Paragraph < 0 || ev.Paragraph >= len(doc.Paragraphs) {
				t.Fatalf("evidence paragraph %d of %d", ev.Paragraph, len(doc.Paragraphs))
			}
			r := []rune(doc.Paragraphs[ev.Paragraph])
			if ev.Start < 0 || ev.End > len(r) || ev.Start >= ev.End {
				t.Fatalf("evidence %d–%d outside %q", ev.Start, ev.End, doc.Paragraphs[ev.Paragraph])
			}
			if tr := e.Trigger; tr == nil || tr.Start < ev.Start || tr.End > ev.End || string(r[tr.Start:tr.End]) != tr.Text {
				t.Fatalf("trigger %+v does not slice evidence %q", e.Trigger, ev.Text)
			}
			if len(e.Cameo) < 3 || e.Root != e.Cameo[:2] || e.QuadClass != quadClass(e.Root) {
				t.Fatalf("event code %q root %q quad %d", e.Cameo, e.Root, e.QuadClass)
			}
		}
	})
}
