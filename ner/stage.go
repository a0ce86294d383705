package ner

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// Stage is the pipeline stage that finds the named entities of a document:
// it tokenizes and splits each paragraph (package text), tags the whole
// document's sentences at once (so each word's casing elsewhere in the
// document informs the tagger), and groups the mentions of one name into one
// entity ("Xi Jinping", "Xi", "President Xi" → one PERSON named "Xi
// Jinping"). Offsets are code points into the paragraph. It implements
// newsgraph.Stage and is safe for concurrent use.
type Stage struct {
	model *Model
}

// NewStage returns a stage using m, or the embedded model when m is nil.
func NewStage(m *Model) *Stage { return &Stage{model: m} }

var _ newsgraph.Stage = (*Stage)(nil)

// Name identifies the stage.
func (s *Stage) Name() string { return "ner" }

// mention is one tagged span before grouping.
type mention struct {
	newsgraph.Mention
	typ    string
	tokens []string
	key    string
}

// Annotate fills doc.Entities from its paragraphs.
func (s *Stage) Annotate(ctx context.Context, doc *newsgraph.Document) error {
	m := s.model
	if m == nil {
		var err error
		if m, err = Default(); err != nil {
			return fmt.Errorf("ner: load model: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	type sentRef struct {
		para   int
		tokens []text.Token
	}
	var (
		refs  []sentRef
		words [][]string
		runes = make([][]rune, len(doc.Paragraphs))
	)
	analysis := text.Reuse(doc.Scratch, doc.Paragraphs)
	if doc.Scratch == nil {
		doc.Scratch = map[string]any{}
	}
	doc.Scratch[text.ScratchKey] = analysis // for the stages after this one
	for pi, pa := range analysis {
		for _, st := range pa.Sentences {
			if len(st.Tokens) == 0 {
				continue
			}
			w := make([]string, len(st.Tokens))
			for k, t := range st.Tokens {
				w[k] = t.Text
			}
			refs = append(refs, sentRef{pi, st.Tokens})
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		doc.Entities = []newsgraph.Entity{}
		return nil
	}
	tags := m.TagDocument(words)
	var ms []mention
	for i, ref := range refs {
		spans := m.joinPossessives(Chunks(tags[i]), words[i])
		for k, sp := range spans {
			if runes[ref.para] == nil {
				runes[ref.para] = []rune(doc.Paragraphs[ref.para])
			}
			first := sp.Start
			typ := m.DomainType(sp.Type, words[i][sp.Start:sp.End])
			if typ == "MISC" && (forums[nameKey(words[i][sp.Start:sp.End])] || m.Gazetteer != nil && m.Gazetteer.Contains(words[i][sp.Start:sp.End])&(1<<GazOrg) != 0) {
				typ = "ORG" // a known international organisation or forum: "G20", "NATO"
			}
			// An organisation a place owns is named with its owner:
			// "China's Foreign Ministry", "Seoul's city council".
			if typ == "ORG" && k > 0 && sp.Start >= 2 && spans[k-1].End == sp.Start-1 && strings.HasSuffix(strings.ToLower(words[i][sp.Start-1]), "s") &&
				(words[i][sp.Start-1] == "'s" || words[i][sp.Start-1] == "’s") && spans[k-1].Type == "LOC" {
				first = spans[k-1].Start
			}
			start, end := ref.tokens[first].Start, ref.tokens[sp.End-1].End
			toks := words[i][first:sp.End]
			ms = append(ms, mention{
				Mention: newsgraph.Mention{Paragraph: ref.para, Start: start, End: end, Text: string(runes[ref.para][start:end])},
				typ:     typ,
				tokens:  toks,
				key:     nameKey(toks),
			})
		}
	}
	doc.Entities = group(ms)
	return nil
}

// joinPossessives joins two spans split at a possessive "'s" when the
// whole is a country the gazetteer knows: "Democratic People's Republic
// of Korea" is one name, not "Democratic People" and "Republic of Korea".
func (m *Model) joinPossessives(spans []Span, words []string) []Span {
	if m.Gazetteer == nil {
		return spans
	}
	for k := 1; k < len(spans); k++ {
		a, b := spans[k-1], spans[k]
		if b.Start != a.End+1 || (words[a.End] != "'s" && words[a.End] != "’s") {
			continue
		}
		if m.Gazetteer.Contains(words[a.Start:b.End])&(1<<GazCountry) == 0 {
			continue
		}
		spans[k-1] = Span{Start: a.Start, End: b.End, Type: "LOC"}
		spans = append(spans[:k], spans[k+1:]...)
		k--
	}
	return spans
}

// forums are intergovernmental groupings the tagger tends to call MISC and
// the PETRARCH2 organisation list (2014) lacks; they are organisations.
var forums = map[string]bool{
	"g20": true, "g 20": true, "g7": true, "g 7": true, "g8": true, "g 8": true, "g77": true, "brics": true, "quad": true, "aukus": true,
	"sco": true, "apec": true, "asean": true, "cop26": true, "cop27": true, "cop28": true, "cop29": true, "opec": true,
}

// nameKey compares names by letters and digits only, in lower case: "G-20"
// and "G20" are one name.
func nameKey(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		for _, r := range t {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// group merges mentions into entities: the same name (by nameKey) is one
// entity; a one-word PERSON mention joins the single PERSON entity whose
// name starts or ends with that word ("Xi" → "Xi Jinping", "Biden" → "Joe
// Biden"), and stays apart when two entities could claim it. The entity's
// name is its longest mention; its type the commonest among its mentions.
// IDs follow the order of first mention.
func group(ms []mention) []newsgraph.Entity {
	type ent struct {
		key     string
		words   []string
		mention []int
		types   map[string]int
		first   int
	}
	var ents []*ent
	byKey := map[string]*ent{}
	// Longer names first, so short forms can find the names they shorten.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(ms[order[a]].tokens) > len(ms[order[b]].tokens) })
	for _, i := range order {
		mm := ms[i]
		e := byKey[mm.key]
		if e == nil && mm.typ == "PERSON" && len(mm.tokens) == 1 {
			var match *ent
			n := 0
			for _, c := range ents {
				if c.types["PERSON"] > 0 && len(c.words) > 1 && (c.words[0] == mm.key || c.words[len(c.words)-1] == mm.key) {
					match = c
					n++
				}
			}
			if n == 1 {
				e = match
			}
		}
		if e == nil {
			e = &ent{key: mm.key, words: strings.Fields(mm.key), types: map[string]int{}, first: i}
			ents = append(ents, e)
			byKey[mm.key] = e
		}
		e.mention = append(e.mention, i)
		e.types[mm.typ]++
		e.first = min(e.first, i)
	}
	sort.Slice(ents, func(a, b int) bool { return ents[a].first < ents[b].first })
	out := make([]newsgraph.Entity, 0, len(ents))
	for n, e := range ents {
		sort.Ints(e.mention)
		name, typ, best := "", "", 0
		for _, i := range e.mention {
			if len([]rune(ms[i].Text)) > len([]rune(name)) {
				name = ms[i].Text
			}
		}
		for _, i := range e.mention { // the commonest type, ties to the first seen
			if c := e.types[ms[i].typ]; c > best {
				typ, best = ms[i].typ, c
			}
		}
		ent := newsgraph.Entity{ID: fmt.Sprintf("e%d", n+1), Name: name, Type: typ, Mentions: make([]newsgraph.Mention, 0, len(e.mention))}
		for _, i := range e.mention {
			ent.Mentions = append(ent.Mentions, ms[i].Mention)
		}
		out = append(out, ent)
	}
	return out
}
