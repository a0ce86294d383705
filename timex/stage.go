package timex

import (
	"context"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// Stage is the pipeline stage that fills doc.Times: the time expressions
// of every paragraph, normalised against the publication date. It
// implements newsgraph.Stage, keeps no state between documents and is
// safe for concurrent use.
type Stage struct{}

// NewStage returns the time-expression stage.
func NewStage() *Stage { return &Stage{} }

var _ newsgraph.Stage = (*Stage)(nil)

// Name identifies the stage.
func (s *Stage) Name() string { return "timex" }

// Annotate fills doc.Times (nil when the document has none). Documents
// declared in a language other than English get none: the rules are
// English.
func (s *Stage) Annotate(ctx context.Context, doc *newsgraph.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	doc.Times = nil
	if lang := doc.LanguageCode(); lang != "" && lang != "en" {
		return nil
	}
	analysis := text.Reuse(doc.Scratch, doc.Paragraphs)
	if doc.Scratch == nil {
		doc.Scratch = map[string]any{}
	}
	doc.Scratch[text.ScratchKey] = analysis
	doc.Times = Find(doc.Paragraphs, analysis, doc.Published)
	return nil
}

// Find returns the time expressions of paragraphs (analysed by package
// text, as text.Reuse gives them), resolved against pub. Weekdays, months
// and day–month dates are read by the tense of their clause; anchored
// expressions ("the day before", "earlier in the day", "two days later")
// by the last date before them in the text, or by pub when none came
// before; an anchor without a value leaves them without one.
func Find(paragraphs []string, analysis []text.Paragraph, pub newsgraph.Published) []newsgraph.TimeExpr {
	var out []newsgraph.TimeExpr
	ref := reference{pub: pubSpan(pub)}
	ref.anchor = ref.pub
	longest := 0
	for _, pa := range analysis {
		longest = max(longest, len(pa.Tokens))
	}
	var buf [256]entry
	ents := buf[:]
	if longest > len(buf) {
		ents = make([]entry, longest)
	}
	for pi, pa := range analysis {
		if pi >= len(paragraphs) {
			break
		}
		toks := pa.Tokens
		p := para{text: paragraphs[pi], toks: toks, ents: ents[:len(toks)]}
		p.lookupAll()
		var cur cursor
		si := 0
		for i := 0; i < len(toks); i++ {
			if !p.ents[i].has(starters) {
				continue
			}
			m, ok := p.at(i)
			if !ok || m.last < i {
				continue
			}
			ref.tense = TenseUnknown
			if m.tensed() {
				for si < len(pa.Sentences)-1 && pa.Sentences[si].First+len(pa.Sentences[si].Tokens) <= m.first {
					si++
				}
				sFirst, sEnd := 0, len(toks)
				if si < len(pa.Sentences) {
					st := pa.Sentences[si]
					sFirst, sEnd = st.First, st.First+len(st.Tokens)
				}
				ref.tense = p.tenseOf(sFirst, sEnd, m.first, m.last)
			}
			r := m.resolve(&ref)
			if r.Kind == KindDate {
				ref.anchor = valueSpan(r.Value)
			}
			out = append(out, newsgraph.TimeExpr{
				Text:      cur.slice(paragraphs[pi], toks[m.first].Start, toks[m.last].End),
				Paragraph: pi,
				Start:     toks[m.first].Start,
				End:       toks[m.last].End,
				Value:     r.ValuePtr(),
				Kind:      string(r.Kind),
			})
			p.found(&m)
			i = m.last
		}
	}
	return out
}
