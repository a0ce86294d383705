package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/quote"
	"github.com/newsgraph/newsgraph/text"
)

// SpanScore counts one way of matching predicted statements with gold
// ones: precision is the share of predictions that match a gold
// statement, recall the share of gold statements matched by a prediction.
type SpanScore struct {
	Predicted, PredMatched int
	Gold, GoldMatched      int
}

// Precision is PredMatched / Predicted.
func (s SpanScore) Precision() float64 { return ratio(s.PredMatched, s.Predicted) }

// Recall is GoldMatched / Gold.
func (s SpanScore) Recall() float64 { return ratio(s.GoldMatched, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s SpanScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// QuoteReport is the result of the PolNeAR quotation evaluation.
type QuoteReport struct {
	Files int
	// Attributions counts PolNeAR's attributions with a cue and a
	// content; Gold those that report speech (the cue holds a reporting
	// verb of package quote, or the content is in quotation marks).
	Attributions, Gold int
	// Predicted counts the statements found; Ignored those that match
	// only attributions left out of the gold (PolNeAR marks beliefs,
	// polls and plans as attributions too), which count neither way.
	Predicted, Ignored int
	// Overlap matches when the shared tokens are at least half of the
	// shorter span's; Exact when the token sets are equal (punctuation,
	// quotation marks and a leading "that" aside).
	Overlap, Exact SpanScore
	// Joined is Exact with a quotation that continues another (no cue,
	// the speaker carried over: '"…," he said. "…"') joined to it, as
	// PolNeAR annotates the pair as one attribution.
	Joined SpanScore
	// Speaker accuracy over the predictions that match a gold statement
	// with a source: right when the speaker entity has a mention (name,
	// pronoun or description) inside the gold source, or the source is a
	// relative pronoun right after one of its mentions, or names the
	// person (a word of the name). SpeakerNil counts the judged
	// statements that have no speaker.
	SpeakerJudged, SpeakerRight, SpeakerNil int
	// SpeakerReachable counts the judged statements whose gold source
	// overlaps some entity mention of the document, SpeakerReachableRight
	// the right ones among them.
	SpeakerReachable, SpeakerReachableRight int
	// ByKind counts predictions and matched predictions by kind.
	ByKind map[string][2]int
}

// SpeakerAccuracy is the accuracy of the speakers given: SpeakerRight
// over the judged statements that have a speaker. A statement with no
// speaker abstains (the rules never guess); SpeakerCoverage says how
// often that happens.
func (r *QuoteReport) SpeakerAccuracy() float64 {
	return ratio(r.SpeakerRight, r.SpeakerJudged-r.SpeakerNil)
}

// SpeakerCoverage is the share of judged statements given a speaker.
func (r *QuoteReport) SpeakerCoverage() float64 {
	return ratio(r.SpeakerJudged-r.SpeakerNil, r.SpeakerJudged)
}

// SpeakerAccuracyAll counts a statement without a speaker as wrong.
func (r *QuoteReport) SpeakerAccuracyAll() float64 { return ratio(r.SpeakerRight, r.SpeakerJudged) }

// ReachableSpeakerAccuracy is the accuracy over the statements whose gold
// source names an entity of the document.
func (r *QuoteReport) ReachableSpeakerAccuracy() float64 {
	return ratio(r.SpeakerReachableRight, r.SpeakerReachable)
}

// polnearSpan is a BRAT text-bound annotation: its pieces in code points
// of the whole text.
type polnearSpan struct {
	typ    string
	pieces [][2]int
	text   string
}

// polnearAttr is one attribution (an E line).
type polnearAttr struct {
	source, cue, content *polnearSpan
}

// readPolNeARAnn reads a BRAT standoff file: "T" lines (type, code-point
// offsets, discontinuous pieces separated by ";") and "E" lines linking
// Source, Cue and Content. A span's text may run over several lines; the
// lines that continue it are skipped.
func readPolNeARAnn(path string) ([]polnearAttr, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	ts := map[string]*polnearSpan{}
	var evs [][]string
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) < 2 || len(f[0]) < 2 {
			continue
		}
		if _, err := strconv.Atoi(f[0][1:]); err != nil {
			continue // a continuation line of a span's text
		}
		switch f[0][0] {
		case 'T':
			typ, rest, ok := strings.Cut(f[1], " ")
			if !ok {
				continue
			}
			sp := &polnearSpan{typ: typ}
			for _, piece := range strings.Split(rest, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(piece), " ")
				if !ok {
					continue
				}
				x, err1 := strconv.Atoi(a)
				y, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || y < x {
					continue
				}
				sp.pieces = append(sp.pieces, [2]int{x, y})
			}
			if len(f) == 3 {
				sp.text = f[2]
			}
			if len(sp.pieces) > 0 {
				ts[f[0]] = sp
			}
		case 'E':
			evs = append(evs, strings.Fields(f[1]))
		}
	}
	var out []polnearAttr
	for _, ev := range evs {
		var a polnearAttr
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Source":
				a.source = ts[id]
			case "Cue":
				a.cue = ts[id]
			case "Content":
				a.content = ts[id]
			}
		}
		if a.cue != nil && a.content != nil {
			out = append(out, a)
		}
	}
	return out, nil
}

// polnearDoc is a PolNeAR text read as a Document: its paragraphs are the
// text's non-empty lines, each with its code-point offset in the file.
type polnearDoc struct {
	doc    *newsgraph.Document
	starts []int // file offset of each paragraph's first code point
}

func newPolNeARDoc(raw, date string) *polnearDoc {
	pd := &polnearDoc{doc: &newsgraph.Document{Source: newsgraph.Source{Format: newsgraph.FormatTextRecord}}}
	off := 0
	for _, line := range strings.Split(raw, "\n") {
		n := utf8.RuneCountInString(line)
		trimmed := strings.TrimLeft(line, " \t\r\u00a0")
		lead := n - utf8.RuneCountInString(trimmed)
		trimmed = strings.TrimRight(trimmed, " \t\r\u00a0")
		if trimmed != "" {
			pd.doc.Paragraphs = append(pd.doc.Paragraphs, trimmed)
			pd.starts = append(pd.starts, off+lead)
		}
		off += n + 1
	}
	if date != "" {
		pd.doc.Published = newsgraph.Published{Date: date, Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginInput}
	}
	lang := "en"
	pd.doc.Language = &lang
	pd.doc.IsArticle = true
	pd.doc.Normalize()
	return pd
}

// pieces maps a file span to paragraph ranges (paragraph, start, end in
// code points of the paragraph).
func (pd *polnearDoc) pieces(sp *polnearSpan) [][3]int {
	var out [][3]int
	for _, pc := range sp.pieces {
		for p, st := range pd.starts {
			n := utf8.RuneCountInString(pd.doc.Paragraphs[p])
			a, b := max(pc[0], st), min(pc[1], st+n)
			if a < b {
				out = append(out, [3]int{p, a - st, b - st})
			}
		}
	}
	return out
}

// tokenSet is a set of word tokens, each as paragraph<<20 | token index.
type tokenSet []int

func (pd *polnearDoc) tokens(analysis []text.Paragraph, ranges [][3]int) tokenSet {
	var out tokenSet
	for _, r := range ranges {
		toks := analysis[r[0]].Tokens
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > r[1] })
		for ; i < len(toks) && toks[i].Start < r[2]; i++ {
			if wordToken(toks[i]) {
				out = append(out, r[0]<<20|i)
			}
		}
	}
	sort.Ints(out)
	return dedupe(out)
}

func dedupe(s []int) []int {
	if len(s) < 2 {
		return s
	}
	j := 1
	for i := 1; i < len(s); i++ {
		if s[i] != s[j-1] {
			s[j] = s[i]
			j++
		}
	}
	return s[:j]
}

// wordToken: tokens that count in overlaps (not punctuation or marks).
func wordToken(t text.Token) bool {
	switch t.Kind {
	case text.Punct, text.Quote, text.Dash, text.Ellipsis, text.Symbol:
		return false
	}
	return true
}

// trimThat drops a leading "that" (gold contents of reported speech often
// start with it, the package's never do).
func trimThat(s tokenSet, analysis []text.Paragraph) tokenSet {
	if len(s) > 0 {
		p, i := s[0]>>20, s[0]&(1<<20-1)
		if strings.EqualFold(analysis[p].Tokens[i].Text, "that") {
			return s[1:]
		}
	}
	return s
}

// intersect counts the tokens two sorted sets share.
func intersect(a, b tokenSet) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

func equalSets(a, b tokenSet) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// overlaps: the shared tokens are at least half of the shorter span's.
func overlaps(a, b tokenSet) bool {
	n := intersect(a, b)
	return n > 0 && 2*n >= min(len(a), len(b))
}

// quoteTokens returns the word tokens of a predicted statement: those of
// its range that its Text holds (a cue in the middle, inside the range but
// not in the Text, is left out).
func quoteTokens(doc *newsgraph.Document, analysis []text.Paragraph, q newsgraph.Quote) tokenSet {
	var ranges [][3]int
	for p := q.Paragraph; p <= q.EndParagraph && p < len(analysis); p++ {
		a, b := 0, utf8.RuneCountInString(doc.Paragraphs[p])
		if p == q.Paragraph {
			a = q.Start
		}
		if p == q.EndParagraph {
			b = q.End
		}
		ranges = append(ranges, [3]int{p, a, b})
	}
	var all tokenSet
	for _, r := range ranges {
		toks := analysis[r[0]].Tokens
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > r[1] })
		for ; i < len(toks) && toks[i].Start < r[2]; i++ {
			if wordToken(toks[i]) {
				all = append(all, r[0]<<20|i)
			}
		}
	}
	var want []string
	for _, t := range text.Tokenize(q.Text) {
		if wordToken(t) {
			want = append(want, t.Text)
		}
	}
	var out tokenSet
	k := 0
	for _, id := range all {
		if k < len(want) && analysis[id>>20].Tokens[id&(1<<20-1)].Text == want[k] {
			out = append(out, id)
			k++
		}
	}
	if k < len(want) {
		return all // the Text does not align: count the whole range
	}
	return out
}

// Quotes evaluates statement extraction on PolNeAR (dir/text/*.txt with
// dir/attributions/NAME_ANNOTATOR.ann; the first annotator's file when
// several annotated a text). Each text becomes a Document directly (its
// non-empty lines are the paragraphs, so annotation offsets map back
// exactly), stages runs the pipeline on it (ner, actor, quote), and the
// statements are compared with the gold attributions that report speech.
// It writes the report to w, with every miss and false statement when
// verbose.
func Quotes(ctx context.Context, stages func(ctx context.Context, d *newsgraph.Document) error, dir string, w io.Writer, verbose bool) (*QuoteReport, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list PolNeAR texts: %w", err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("no PolNeAR texts under %s", filepath.Join(dir, "text"))
	}
	sort.Strings(texts)
	dates := polnearDates(filepath.Join(filepath.Dir(filepath.Clean(dir)), "metadata.tsv"))
	rep := &QuoteReport{ByKind: map[string][2]int{}}
	for _, path := range texts {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("PolNeAR evaluation: %w", err)
		}
		base := strings.TrimSuffix(filepath.Base(path), ".txt")
		anns, err := filepath.Glob(filepath.Join(dir, "attributions", base+"_*.ann"))
		if err != nil || len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		attrs, err := readPolNeARAnn(anns[0])
		if err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read PolNeAR text: %w", err)
		}
		pd := newPolNeARDoc(string(raw), dates[base])
		if err := stages(ctx, pd.doc); err != nil {
			return nil, fmt.Errorf("PolNeAR %s: %w", base, err)
		}
		rep.Files++
		rep.score(pd, attrs, base, w, verbose)
	}
	rep.write(w)
	return rep, nil
}

// polnearDates reads publication dates from metadata.tsv (filename →
// publication_date); a missing file gives none.
func polnearDates(path string) map[string]string {
	out := map[string]string{}
	raw, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	lines := strings.Split(string(raw), "\n")
	if len(lines) == 0 {
		return out
	}
	head := strings.Split(lines[0], "\t")
	fi, di := -1, -1
	for i, h := range head {
		switch h {
		case "filename":
			fi = i
		case "publication_date":
			di = i
		}
	}
	if fi < 0 || di < 0 {
		return out
	}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) > max(fi, di) && len(f[di]) == 10 {
			out[f[fi]] = f[di]
		}
	}
	return out
}

// goldQuote is a gold attribution prepared for matching.
type goldQuote struct {
	attr    polnearAttr
	content tokenSet
	source  [][3]int
	speech  bool
	matched bool
	exact   bool
}

// score compares one document's statements with its attributions.
func (r *QuoteReport) score(pd *polnearDoc, attrs []polnearAttr, base string, w io.Writer, verbose bool) {
	doc := pd.doc
	analysis := text.Reuse(doc.Scratch, doc.Paragraphs)
	var golds []*goldQuote
	for _, a := range attrs {
		g := &goldQuote{attr: a, content: trimThat(pd.tokens(analysis, pd.pieces(a.content)), analysis)}
		if len(g.content) == 0 {
			continue
		}
		if a.source != nil {
			g.source = pd.pieces(a.source)
		}
		g.speech = quote.IsCue(a.cue.text) || quoted(a.content.text)
		r.Attributions++
		if g.speech {
			r.Gold++
		}
		golds = append(golds, g)
	}
	for _, q := range doc.Quotes {
		toks := trimThat(quoteTokens(doc, analysis, q), analysis)
		var best *goldQuote
		var matched []*goldQuote
		bestScore := 0.0
		ignored := false
		exact := false
		for _, g := range golds {
			if !overlaps(toks, g.content) {
				continue
			}
			if !g.speech {
				ignored = true
				continue
			}
			g.matched = true
			matched = append(matched, g)
			if equalSets(toks, g.content) {
				g.exact = true
				exact = true
			}
			n := intersect(toks, g.content)
			if s := float64(n) / float64(len(toks)+len(g.content)-n); s > bestScore {
				best, bestScore = g, s
			}
		}
		if best == nil && ignored {
			r.Ignored++
			continue
		}
		r.Predicted++
		k := r.ByKind[q.Kind]
		k[0]++
		if best == nil {
			r.ByKind[q.Kind] = k
			if verbose {
				fmt.Fprintf(w, "%s: FALSE %s %q (cue %q)\n", base, q.Kind, clipRunes(q.Text, 160), q.Cue)
			}
			continue
		}
		k[1]++
		r.ByKind[q.Kind] = k
		r.Overlap.PredMatched++
		if exact {
			r.Exact.PredMatched++
		} else if verbose {
			fmt.Fprintf(w, "%s: SPAN %s %q\n    gold %q\n", base, q.Kind, clipRunes(q.Text, 160), clipRunes(best.attr.content.text, 160))
		}
		// The speaker is judged against the gold attributions the
		// statement matches (nested attributions share a content: "X
		// said, according to Y"), the best-matching one first.
		judged := best
		if judged.source == nil {
			for _, g := range matched {
				if g.source != nil {
					judged = g
					break
				}
			}
		}
		if judged.source == nil {
			continue
		}
		r.SpeakerJudged++
		reachable := false
		for _, g := range matched {
			reachable = reachable || g.source != nil && mentionsOverlap(doc, g.source, nil)
		}
		if reachable {
			r.SpeakerReachable++
		}
		right := false
		if q.SpeakerEntity == nil {
			r.SpeakerNil++
		} else if e := entityByID(doc, *q.SpeakerEntity); e != nil {
			for _, g := range append([]*goldQuote{best}, matched...) {
				if g.source != nil && (mentionsOverlap(doc, g.source, e) || relativeSource(g, pd, e) || namesEntity(g.attr.source.text, e)) {
					right = true
					break
				}
			}
		}
		if right {
			r.SpeakerRight++
			if reachable {
				r.SpeakerReachableRight++
			}
		} else if verbose {
			sp := "<none>"
			if q.Speaker != nil {
				sp = *q.Speaker
			}
			fmt.Fprintf(w, "%s: SPEAKER %q, gold source %q (cue %q, ours %q) for %q\n    in %q\n", base, sp, judged.attr.source.text, judged.attr.cue.text, q.Cue, clipRunes(q.Text, 100), pd.context(judged.attr))
		}
	}
	r.scoreJoined(doc, analysis, golds)
	r.Overlap.Predicted, r.Exact.Predicted = r.Predicted, r.Predicted
	for _, g := range golds {
		if !g.speech {
			continue
		}
		r.Overlap.Gold++
		r.Exact.Gold++
		if g.matched {
			r.Overlap.GoldMatched++
		} else if verbose {
			fmt.Fprintf(w, "%s: MISSED %q (cue %q, source %q)\n    in %q\n", base, clipRunes(g.attr.content.text, 160), g.attr.cue.text, sourceText(g), pd.context(g.attr))
		}
		if g.exact {
			r.Exact.GoldMatched++
		}
	}
}

// context returns the text around an attribution, for reading misses.
func (pd *polnearDoc) context(a polnearAttr) string {
	lo, hi := -1, -1
	for _, sp := range []*polnearSpan{a.source, a.cue, a.content} {
		if sp == nil {
			continue
		}
		for _, r := range pd.pieces(sp) {
			for p, st := range pd.starts {
				if p == r[0] {
					if lo < 0 || st+r[1] < lo {
						lo = st + r[1]
					}
					if st+r[2] > hi {
						hi = st + r[2]
					}
				}
			}
		}
	}
	for p, st := range pd.starts {
		runes := []rune(pd.doc.Paragraphs[p])
		if lo >= st && lo <= st+len(runes) {
			a, b := max(0, lo-st-60), min(len(runes), hi-st+60)
			if b < a {
				b = min(len(runes), a+300)
			}
			return clipRunes(string(runes[a:b]), 400)
		}
	}
	return ""
}

// scoreJoined counts exact matches with continued quotations joined to
// the statement they continue.
func (r *QuoteReport) scoreJoined(doc *newsgraph.Document, analysis []text.Paragraph, golds []*goldQuote) {
	var chains []tokenSet
	var prev *newsgraph.Quote
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		toks := trimThat(quoteTokens(doc, analysis, *q), analysis)
		if prev != nil && q.Cue == "" && len(chains) > 0 && samePtr(q.SpeakerEntity, prev.SpeakerEntity) {
			last := append(append(tokenSet{}, chains[len(chains)-1]...), toks...)
			sort.Ints(last)
			chains[len(chains)-1] = dedupe(last)
		} else {
			chains = append(chains, toks)
		}
		prev = q
	}
	exactGold := map[*goldQuote]bool{}
	for _, c := range chains {
		hit, ignored := false, false
		for _, g := range golds {
			if !equalSets(c, g.content) {
				if !g.speech && overlaps(c, g.content) {
					ignored = true
				}
				continue
			}
			if g.speech {
				hit = true
				exactGold[g] = true
			}
		}
		if !hit && ignored {
			continue
		}
		r.Joined.Predicted++
		if hit {
			r.Joined.PredMatched++
		}
	}
	for _, g := range golds {
		if g.speech {
			r.Joined.Gold++
			if exactGold[g] || g.exact {
				r.Joined.GoldMatched++
			}
		}
	}
}

func samePtr(a, b *string) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

func sourceText(g *goldQuote) string {
	if g.attr.source == nil {
		return ""
	}
	return g.attr.source.text
}

// quoted reports whether a content holds a quotation mark.
func quoted(s string) bool {
	return strings.ContainsAny(s, "\"“”„«»") || strings.Contains(s, "''")
}

// mentionsOverlap reports whether an entity (any entity when e is nil) has
// a mention overlapping the ranges.
func mentionsOverlap(doc *newsgraph.Document, ranges [][3]int, e *newsgraph.Entity) bool {
	check := func(e *newsgraph.Entity) bool {
		for _, m := range e.Mentions {
			for _, r := range ranges {
				if m.Paragraph == r[0] && m.Start < r[2] && m.End > r[1] {
					return true
				}
			}
		}
		return false
	}
	if e != nil {
		return check(e)
	}
	for i := range doc.Entities {
		if check(&doc.Entities[i]) {
			return true
		}
	}
	return false
}

// relativeSource: a gold source "who" or "which" right after a mention of
// the entity ("Smith, who said").
func relativeSource(g *goldQuote, pd *polnearDoc, e *newsgraph.Entity) bool {
	src := strings.ToLower(strings.TrimSpace(g.attr.source.text))
	if src != "who" && src != "which" && src != "that" || len(g.source) == 0 {
		return false
	}
	r := g.source[0]
	for _, m := range e.Mentions {
		if m.Paragraph == r[0] && m.End <= r[1] && r[1]-m.End <= 3 {
			return true
		}
	}
	return false
}

// namesEntity reports whether a gold source names the entity: it holds a
// word of the entity's name ("Sanders" for Bernie Sanders, where the
// tagger missed that mention and the speaker was found by name).
func namesEntity(source string, e *newsgraph.Entity) bool {
	if e.Type != "PERSON" {
		return false
	}
	words := strings.FieldsFunc(source, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for _, part := range strings.Fields(e.Name) {
		part = strings.Trim(part, ".,")
		if utf8.RuneCountInString(part) < 3 || !unicode.IsUpper([]rune(part)[0]) {
			continue
		}
		for _, w := range words {
			if w == part {
				return true
			}
		}
	}
	return false
}

func entityByID(doc *newsgraph.Document, id string) *newsgraph.Entity {
	for i := range doc.Entities {
		if doc.Entities[i].ID == id {
			return &doc.Entities[i]
		}
	}
	return nil
}

func clipRunes(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ¶ ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func (r *QuoteReport) write(w io.Writer) {
	fmt.Fprintf(w, "PolNeAR: %d texts, %d attributions, %d gold statements (speech cue or quotation marks)\n", r.Files, r.Attributions, r.Gold)
	fmt.Fprintf(w, "predicted %d statements (%d more match only non-speech attributions and are not counted)\n", r.Predicted, r.Ignored)
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		v := r.ByKind[k]
		fmt.Fprintf(w, "  %-8s %5d predicted, %5d match (precision %.3f)\n", k, v[0], v[1], ratio(v[1], v[0]))
	}
	fmt.Fprintf(w, "content, overlap  precision %.3f  recall %.3f  F1 %.3f\n", r.Overlap.Precision(), r.Overlap.Recall(), r.Overlap.F1())
	fmt.Fprintf(w, "content, exact    precision %.3f  recall %.3f  F1 %.3f\n", r.Exact.Precision(), r.Exact.Recall(), r.Exact.F1())
	fmt.Fprintf(w, "  continuations joined  precision %.3f  recall %.3f  F1 %.3f  (%d statements after joining)\n", r.Joined.Precision(), r.Joined.Recall(), r.Joined.F1(), r.Joined.Predicted)
	fmt.Fprintf(w, "speaker accuracy  %.3f  (%d/%d matched statements with a gold source and a speaker)\n",
		r.SpeakerAccuracy(), r.SpeakerRight, r.SpeakerJudged-r.SpeakerNil)
	fmt.Fprintf(w, "  speaker given   %.3f  (%d/%d; the others have none: never a guess)\n", r.SpeakerCoverage(), r.SpeakerJudged-r.SpeakerNil, r.SpeakerJudged)
	fmt.Fprintf(w, "  none as wrong   %.3f  (%d/%d)\n", r.SpeakerAccuracyAll(), r.SpeakerRight, r.SpeakerJudged)
	fmt.Fprintf(w, "  source names an entity of the document  %.3f  (%d/%d, none as wrong)\n", r.ReachableSpeakerAccuracy(), r.SpeakerReachableRight, r.SpeakerReachable)
}
