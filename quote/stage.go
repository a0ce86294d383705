package quote

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// Version identifies the rules of this package in records and stores.
const Version = "quote-1"

// Quote kinds.
const (
	KindDirect   = "direct"
	KindIndirect = "indirect"
	KindPartial  = "partial"
)

// Stage is the pipeline stage that finds the quotes of a document (see the
// package doc). It implements newsgraph.Stage, holds no state between
// documents and is safe for concurrent use.
type Stage struct{}

// NewStage returns the quote stage.
func NewStage() *Stage { return &Stage{} }

var _ newsgraph.Stage = (*Stage)(nil)

// Name identifies the stage.
func (s *Stage) Name() string { return "quote" }

// Annotate fills doc.Quotes with every direct, partial and reported
// statement and its speaker. It reads doc.Entities (names from the ner
// stage, pronoun and nominal mentions and group entities from the actor
// stage) and replaces whatever doc.Quotes held.
func (s *Stage) Annotate(ctx context.Context, doc *newsgraph.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	d := newDocState(doc, text.Reuse(doc.Scratch, doc.Paragraphs))
	d.run()
	doc.Quotes = d.output()
	return nil
}

// Flags of a token.
const (
	flagQuoted  uint8 = 1 << iota // inside quotation marks
	flagCue                       // part of a cue already used
	flagContent                   // inside the content of a statement found
	flagMark                      // a quotation mark that opens or closes a span
)

// paraState is one paragraph's tokens and what the rules know of them.
type paraState struct {
	text  string
	toks  []text.Token
	sents []text.Sentence
	// ent holds, per token, 1 + the index in doc.Entities of the entity
	// whose mention covers the token (0: none); flags the token flags.
	ent   []int32
	flags []uint8
	// sentOf holds per token the index of its sentence.
	sentOf []int32
	// bytes maps code-point offsets to byte offsets when the paragraph
	// is not ASCII (nil otherwise); built on demand.
	bytes []int32
	ascii bool
}

// docState is one document being annotated.
type docState struct {
	doc   *newsgraph.Document
	paras []paraState
	spans []span
	stmts []*stmt
	// names maps the words of person names to their entity (1-based; -1
	// when ambiguous), built on demand.
	names map[string]int
}

// stmt is a statement found, with what the later rules need to know.
type stmt struct {
	q newsgraph.Quote
	// ent is 1 + the speaker's entity index, 0 when none was found.
	ent int
	// p0/s0 and p1/s1 are the paragraph and sentence of the content's
	// first and last tokens; cp/ct the cue's paragraph and verb token
	// (ct < 0 when there is no cue).
	p0, s0, p1, s1 int
	cp, ct         int
	// inherit marks a quotation with no cue, which takes the speaker of a
	// statement in the sentence just before it.
	inherit bool
	// lateSpeaker marks a quotation after a participle cue (', adding:
	// "…"') whose speaker is looked for again once the reported
	// statements of its sentence are known.
	lateSpeaker bool
	lo          int // its sentence's first token
}

func newDocState(doc *newsgraph.Document, analysis []text.Paragraph) *docState {
	d := &docState{doc: doc, paras: make([]paraState, len(doc.Paragraphs))}
	total := 0
	for i := range analysis {
		total += len(analysis[i].Tokens)
	}
	ents := make([]int32, total)
	flags := make([]uint8, total)
	sentOf := make([]int32, total)
	off := 0
	for i := range d.paras {
		a := analysis[i]
		n := len(a.Tokens)
		ps := &d.paras[i]
		ps.text = doc.Paragraphs[i]
		ps.toks, ps.sents = a.Tokens, a.Sentences
		ps.ent, ps.flags, ps.sentOf = ents[off:off+n:off+n], flags[off:off+n:off+n], sentOf[off:off+n:off+n]
		off += n
		for si, st := range a.Sentences {
			for t := st.First; t < st.First+len(st.Tokens) && t < n; t++ {
				ps.sentOf[t] = int32(si)
			}
		}
		ps.ascii = len(ps.text) == utf8.RuneCountInString(ps.text)
	}
	d.indexMentions()
	return d
}

// indexMentions marks every token covered by an entity mention. Where two
// mentions cover a token, the longer one wins ("South Korean media" over
// "South Korean").
func (d *docState) indexMentions() {
	for ei := range d.doc.Entities {
		e := &d.doc.Entities[ei]
		for _, m := range e.Mentions {
			if m.Paragraph < 0 || m.Paragraph >= len(d.paras) || m.End <= m.Start {
				continue
			}
			ps := &d.paras[m.Paragraph]
			toks := ps.toks
			t := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
			length := int32(m.End - m.Start)
			for ; t < len(toks) && toks[t].Start < m.End; t++ {
				if ps.ent[t] != 0 && d.mentionLength(m.Paragraph, t) >= length {
					continue
				}
				ps.ent[t] = int32(ei + 1)
			}
		}
	}
}

// mentionLength returns the length of the longest mention of the entity at
// token t that covers it.
func (d *docState) mentionLength(p, t int) int32 {
	ps := &d.paras[p]
	e := &d.doc.Entities[ps.ent[t]-1]
	tok := ps.toks[t]
	best := int32(0)
	for _, m := range e.Mentions {
		if m.Paragraph == p && m.Start <= tok.Start && tok.End <= m.End && int32(m.End-m.Start) > best {
			best = int32(m.End - m.Start)
		}
	}
	return best
}

// entity returns the entity of 1-based index i.
func (d *docState) entity(i int) *newsgraph.Entity { return &d.doc.Entities[i-1] }

// tok returns token t of paragraph p.
func (d *docState) tok(p, t int) text.Token { return d.paras[p].toks[t] }

// slice returns paragraph p's text between code points from and to.
func (d *docState) slice(p, from, to int) string {
	ps := &d.paras[p]
	if ps.ascii {
		return ps.text[from:to]
	}
	if ps.bytes == nil {
		ps.bytes = make([]int32, 0, len(ps.text)+1)
		for i := 0; i < len(ps.text); {
			ps.bytes = append(ps.bytes, int32(i))
			_, n := utf8.DecodeRuneInString(ps.text[i:])
			i += n
		}
		ps.bytes = append(ps.bytes, int32(len(ps.text)))
	}
	return ps.text[ps.bytes[from]:ps.bytes[to]]
}

// sentRange returns the token range of the sentence holding token t.
func (d *docState) sentRange(p, t int) (int, int) {
	ps := &d.paras[p]
	if len(ps.sents) == 0 {
		return 0, len(ps.toks)
	}
	st := ps.sents[ps.sentOf[t]]
	return st.First, st.First + len(st.Tokens)
}

// run applies the rules in order: quotation marks, reported speech, then
// the speakers that carry over to quotations with no cue.
func (d *docState) run() {
	d.findSpans()
	d.direct()
	d.reported()
	for _, s := range d.stmts {
		if s.lateSpeaker && s.ent == 0 {
			if e, _ := d.sentenceSpeaker(s.cp, s.lo, s.ct); e != 0 {
				d.setSpeaker(s, e)
			}
		}
	}
	d.inheritSpeakers()
}

// add records a statement.
func (d *docState) add(s *stmt) { d.stmts = append(d.stmts, s) }

// setSpeaker fills the speaker fields from entity index ent (1-based).
func (d *docState) setSpeaker(s *stmt, ent int) {
	s.ent = ent
	s.q.Speaker, s.q.SpeakerEntity, s.q.SpeakerActor = nil, nil, nil
	if ent == 0 {
		return
	}
	e := d.entity(ent)
	name, id := e.Name, e.ID
	s.q.Speaker, s.q.SpeakerEntity = &name, &id
	if e.Actor != nil && e.Actor.Code != "" {
		code := e.Actor.Code
		s.q.SpeakerActor = &code
	}
}

// output returns the statements in document order.
func (d *docState) output() []newsgraph.Quote {
	out := make([]newsgraph.Quote, 0, len(d.stmts))
	for _, s := range d.stmts {
		out = append(out, s.q)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Paragraph != out[b].Paragraph {
			return out[a].Paragraph < out[b].Paragraph
		}
		return out[a].Start < out[b].Start
	})
	return out
}

// cueText returns the words of tokens [from, to) of paragraph p.
func (d *docState) cueText(p, from, to int) string {
	if from >= to {
		return ""
	}
	return d.slice(p, d.tok(p, from).Start, d.tok(p, to-1).End)
}

// is reports whether token t of paragraph p is the word w (any case).
func (d *docState) is(p, t int, w string) bool {
	toks := d.paras[p].toks
	return t >= 0 && t < len(toks) && strings.EqualFold(toks[t].Text, w)
}

// isWordTok reports whether a token is a word, abbreviation, number or
// clitic.
func isWordTok(t text.Token) bool {
	return t.Kind == text.Word || t.Kind == text.Abbrev || t.Kind == text.Number || t.Kind == text.Clitic
}

// terminal reports whether a token ends a sentence's text: . ! ? … and
// their CJK forms.
func terminal(t text.Token) bool {
	switch t.Kind {
	case text.Ellipsis:
		return true
	case text.Punct:
		switch t.Text {
		case ".", "!", "?", "。", "！", "？":
			return true
		}
		return strings.Trim(t.Text, "!?") == ""
	}
	return false
}

// capitalised reports whether a word starts with an upper-case letter.
func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 'A' && r <= 'Z' || r > utf8.RuneSelf && strings.ToLower(string(r)) != string(r)
}
