package text

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// BoundaryScore counts sentence boundaries: those in the reference (Gold),
// those the splitter produced (Predicted), and those in both (Correct).
type BoundaryScore struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted (1 when nothing was predicted).
func (s BoundaryScore) Precision() float64 {
	if s.Predicted == 0 {
		return 1
	}
	return float64(s.Correct) / float64(s.Predicted)
}

// Recall is Correct/Gold (1 when there is no gold boundary).
func (s BoundaryScore) Recall() float64 {
	if s.Gold == 0 {
		return 1
	}
	return float64(s.Correct) / float64(s.Gold)
}

// F1 is the harmonic mean of precision and recall.
func (s BoundaryScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String formats the score as "P 0.981 R 0.752 F1 0.851 (gold 3034, predicted 2326, correct 2282)".
func (s BoundaryScore) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (gold %d, predicted %d, correct %d)",
		s.Precision(), s.Recall(), s.F1(), s.Gold, s.Predicted, s.Correct)
}

// CoNLLResult is the sentence splitter measured on a CoNLL-2003 file.
type CoNLLResult struct {
	// Documents and Sentences count the reference's documents and sentences.
	Documents, Sentences int
	// All scores every boundary between two sentences of a document (the
	// end of a document is not counted: it is given).
	All BoundaryScore
	// Punctuated scores only the gold sentences that end in . ? ! or …
	// (possibly followed by a closing quote or bracket), the ones a
	// splitter can find in running text; headlines, datelines and table
	// rows end with a word or number. Its Predicted counts only
	// predictions at such ends, so its precision is not meaningful; use
	// All's.
	Punctuated BoundaryScore
	// Misses and FalseSplits are up to 20 examples each, for reading.
	Misses, FalseSplits []string
}

// conllDoc is one CoNLL document: its tokens and the index of each
// sentence's last token.
type conllDoc struct {
	tokens []string
	ends   []int
}

// readCoNLL reads CoNLL column data into documents.
func readCoNLL(ctx context.Context, r io.Reader) ([]conllDoc, error) {
	var docs []conllDoc
	var cur conllDoc
	flushSentence := func() {
		if n := len(cur.tokens); n > 0 && (len(cur.ends) == 0 || cur.ends[len(cur.ends)-1] != n-1) {
			cur.ends = append(cur.ends, n-1)
		}
	}
	flushDoc := func() {
		flushSentence()
		if len(cur.tokens) > 0 {
			docs = append(docs, cur)
		}
		cur = conllDoc{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 0; sc.Scan(); line++ {
		if line%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("reading CoNLL: %w", err)
			}
		}
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flushSentence()
		case fields[0] == "-DOCSTART-":
			flushDoc()
		default:
			cur.tokens = append(cur.tokens, fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading CoNLL: %w", err)
	}
	flushDoc()
	return docs, nil
}

// EvalCoNLL measures the sentence splitter against the sentence breaks of
// a CoNLL-2003 file (such as eng.testa): each document's tokens are joined
// with single spaces into one paragraph, split with [Tokenize] and
// [Sentences], and each predicted sentence end is mapped back to the CoNLL
// token it falls in. Boundaries are compared as token indices, so the
// differences between CoNLL's tokenization and ours do not count, and
// modulo the ASCII quotes at the boundary (see quoteFree).
func EvalCoNLL(ctx context.Context, r io.Reader) (CoNLLResult, error) {
	docs, err := readCoNLL(ctx, r)
	if err != nil {
		return CoNLLResult{}, err
	}
	var res CoNLLResult
	var toks []Token
	var sents []Sentence
	for _, d := range docs {
		res.Documents++
		res.Sentences += len(d.ends)
		// Code-point end of each CoNLL token in the joined paragraph.
		var b strings.Builder
		tokEnd := make([]int, len(d.tokens))
		pos := 0
		for k, w := range d.tokens {
			if k > 0 {
				b.WriteByte(' ')
				pos++
			}
			b.WriteString(w)
			pos += runeCount(w)
			tokEnd[k] = pos
		}
		para := b.String()
		toks = AppendTokens(toks[:0], para)
		sents = AppendSentences(sents[:0], para, toks)
		pred := map[int]bool{}
		for _, s := range sents[:max(len(sents)-1, 0)] {
			// The CoNLL token holding the sentence's last code point.
			k := sort.SearchInts(tokEnd, s.End)
			if k < len(d.tokens)-1 {
				pred[quoteFree(d.tokens, k)] = true
			}
		}
		gold := map[int]bool{}
		for _, e := range d.ends[:len(d.ends)-1] {
			gold[quoteFree(d.tokens, e)] = true
		}
		res.All.Gold += len(gold)
		res.All.Predicted += len(pred)
		for k := range pred {
			if gold[k] {
				res.All.Correct++
			} else if len(res.FalseSplits) < 20 {
				res.FalseSplits = append(res.FalseSplits, context3(d.tokens, k))
			}
		}
		for k := range gold {
			if !punctuatedEnd(d.tokens, k) {
				continue
			}
			res.Punctuated.Gold++
			if pred[k] {
				res.Punctuated.Predicted++
				res.Punctuated.Correct++
			} else if len(res.Misses) < 20 {
				res.Misses = append(res.Misses, context3(d.tokens, k))
			}
		}
		for k := range pred {
			if !gold[k] && punctuatedEnd(d.tokens, k) {
				res.Punctuated.Predicted++
			}
		}
	}
	sort.Strings(res.Misses)
	sort.Strings(res.FalseSplits)
	return res, nil
}

// quoteFree moves a boundary after token k to before the quotation marks
// that end at k: CoNLL often puts the opening quote of the next sentence
// at the end of the previous one (`he said . " | It was`), and where a
// quote goes is tested by the unit tests, not here.
func quoteFree(tokens []string, k int) int {
	for k > 0 {
		switch tokens[k] {
		case `"`, "'", "''", "``":
			k--
			continue
		}
		return k
	}
	return k
}

// punctuatedEnd reports whether CoNLL token k ends with sentence
// punctuation, possibly followed by closing quotes or brackets.
func punctuatedEnd(tokens []string, k int) bool {
	for ; k >= 0; k-- {
		switch tokens[k] {
		case `"`, "'", ")", "]", "''":
			continue
		case ".", "?", "!", "...", "…":
			return true
		}
		return false
	}
	return false
}

// context3 shows the tokens around a boundary after token k, the boundary
// marked with "|".
func context3(tokens []string, k int) string {
	lo, hi := max(k-5, 0), min(k+6, len(tokens))
	return strings.Join(tokens[lo:k+1], " ") + " | " + strings.Join(tokens[k+1:hi], " ")
}

// PolNeARResult is the sentence splitter checked against PolNeAR's
// attribution annotations. PolNeAR marks no sentences, but each
// attribution's source and cue ("a source said", "Trump told reporters")
// lie inside one sentence, so a sentence boundary inside the span from the
// first to the last of them is a false split. This measures over-splitting
// only; recall cannot be read from these annotations (contents run across
// sentences, and nothing marks where a sentence ends).
type PolNeARResult struct {
	// Files, Paragraphs and Sentences count what was split.
	Files, Paragraphs, Sentences int
	// Spans counts the source-and-cue spans checked, Split those with a
	// predicted sentence boundary inside.
	Spans, Split int
	// Examples are up to 20 split spans, for reading.
	Examples []string
}

// EvalPolNeAR checks the sentence splitter against the PolNeAR texts and
// BRAT annotations under dir (dir/text/*.txt, dir/attributions/*.ann).
// Each text line is a paragraph; annotation offsets are code points into
// the whole text.
func EvalPolNeAR(ctx context.Context, dir string) (PolNeARResult, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return PolNeARResult{}, fmt.Errorf("listing PolNeAR annotations: %w", err)
	}
	var res PolNeARResult
	var toks []Token
	var sents []Sentence
	for _, ann := range anns {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("PolNeAR: %w", err)
		}
		base := filepath.Base(ann)
		base = base[:strings.LastIndexByte(base, '_')]
		raw, err := os.ReadFile(filepath.Join(dir, "text", base+".txt"))
		if err != nil {
			return res, fmt.Errorf("PolNeAR text for %s: %w", ann, err)
		}
		spans, err := readSourceCueSpans(ann)
		if err != nil {
			return res, err
		}
		res.Files++
		// Code-point offsets of every predicted boundary (a sentence end
		// followed by another sentence of the same paragraph).
		var bounds []int
		text := string(raw)
		off := 0
		for _, para := range strings.Split(text, "\n") {
			if strings.TrimSpace(para) != "" {
				res.Paragraphs++
				toks = AppendTokens(toks[:0], para)
				sents = AppendSentences(sents[:0], para, toks)
				res.Sentences += len(sents)
				for _, s := range sents[:len(sents)-1] {
					bounds = append(bounds, off+s.End)
				}
			}
			off += runeCount(para) + 1
		}
		runes := []rune(text)
		for _, sp := range spans {
			if sp[1] > len(runes) || strings.ContainsRune(string(runes[sp[0]:sp[1]]), '\n') {
				continue // across paragraphs: no sentence holds it
			}
			res.Spans++
			k := sort.SearchInts(bounds, sp[0]+1)
			if k < len(bounds) && bounds[k] < sp[1] {
				res.Split++
				if len(res.Examples) < 20 {
					res.Examples = append(res.Examples, string(runes[sp[0]:bounds[k]])+" | "+string(runes[bounds[k]:sp[1]]))
				}
			}
		}
	}
	return res, nil
}

// readSourceCueSpans reads a BRAT file and returns, for each attribution
// with a source and a cue, the code-point span from the first of them to
// the last.
func readSourceCueSpans(path string) ([][2]int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	type span struct {
		typ        string
		start, end int
	}
	ts := map[string]span{}
	var events [][]string
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(f[0], "T"):
			// "Source 89 106" (discontinuous spans "a b;c d" take the hull).
			parts := strings.FieldsFunc(f[1], func(r rune) bool { return r == ' ' || r == ';' })
			if len(parts) < 3 {
				continue
			}
			a, err1 := strconv.Atoi(parts[1])
			b, err2 := strconv.Atoi(parts[len(parts)-1])
			if err1 != nil || err2 != nil {
				continue
			}
			ts[f[0]] = span{parts[0], a, b}
		case strings.HasPrefix(f[0], "E"):
			events = append(events, strings.Fields(f[1]))
		}
	}
	var out [][2]int
	for _, ev := range events {
		lo, hi, n := -1, -1, 0
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok || role != "Source" && role != "Cue" {
				continue
			}
			sp, ok := ts[id]
			if !ok {
				continue
			}
			n++
			if lo < 0 || sp.start < lo {
				lo = sp.start
			}
			if sp.end > hi {
				hi = sp.end
			}
		}
		if n >= 2 {
			out = append(out, [2]int{lo, hi})
		}
	}
	return out, nil
}
