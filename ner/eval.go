package ner

import (
	"fmt"
	"io"
	"sort"
)

// Span is a chunk of a sentence: tokens [Start, End) of one entity type.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// Chunks returns the entity chunks of a tag sequence with conlleval's rules:
// a chunk starts at B-, or at I- after O or after a chunk of another type,
// and ends before O, before B-, or before a tag of another type. It accepts
// IOB1, IOB2 and BILOU tags.
func Chunks(tags []string) []Span {
	var out []Span
	start := -1
	prevTyp, prevPre := "", byte(0)
	for i := 0; i <= len(tags); i++ {
		typ, pre := "", byte(0)
		if i < len(tags) {
			typ, pre = splitTag(tags[i])
		}
		if start >= 0 && chunkEnds(prevPre, prevTyp, pre, typ) {
			out = append(out, Span{Start: start, End: i, Type: prevTyp})
			start = -1
		}
		if pre != 0 && chunkStarts(prevPre, prevTyp, pre, typ) {
			start = i
		}
		prevTyp, prevPre = typ, pre
	}
	return out
}

// chunkEnds reports whether a chunk ended with the previous tag (conlleval's
// endOfChunk, with L/U/E/S for BILOU and IOBES).
func chunkEnds(pp byte, pt string, p byte, t string) bool {
	if pp == 0 {
		return false
	}
	if pp == 'L' || pp == 'U' || pp == 'E' || pp == 'S' {
		return true
	}
	return p == 0 || p == 'B' || p == 'U' || p == 'S' || pt != t
}

// chunkStarts reports whether a chunk starts at the current tag (conlleval's
// startOfChunk).
func chunkStarts(pp byte, pt string, p byte, t string) bool {
	if p == 'B' || p == 'U' || p == 'S' {
		return true
	}
	return pp == 0 || pp == 'L' || pp == 'U' || pp == 'E' || pp == 'S' || pt != t
}

// Score is precision, recall and F1 with the counts behind them.
type Score struct {
	Gold      int     `json:"gold"`      // chunks in the gold standard
	Predicted int     `json:"predicted"` // chunks predicted
	Correct   int     `json:"correct"`   // predicted chunks with exact span and type
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Correct) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Evaluation is the result of Evaluate: exact-span scores overall and per
// entity type, and token accuracy, with conlleval's semantics.
type Evaluation struct {
	Overall  Score            `json:"overall"`
	ByType   map[string]Score `json:"by_type"`
	Tokens   int              `json:"tokens"`
	Accuracy float64          `json:"accuracy"`
}

// Evaluate compares predicted tag sequences with gold ones, sentence by
// sentence: a predicted chunk is correct when a gold chunk has the same
// start, end and type. It fails when the shapes differ.
func Evaluate(gold, pred [][]string) (Evaluation, error) {
	ev := Evaluation{ByType: map[string]Score{}}
	if len(gold) != len(pred) {
		return ev, fmt.Errorf("evaluate: %d gold sentences but %d predicted", len(gold), len(pred))
	}
	okTokens := 0
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return ev, fmt.Errorf("evaluate: sentence %d has %d gold tags but %d predicted", i, len(gold[i]), len(pred[i]))
		}
		for j := range gold[i] {
			if gold[i][j] == pred[i][j] {
				okTokens++
			}
		}
		ev.Tokens += len(gold[i])
		g, p := Chunks(gold[i]), Chunks(pred[i])
		set := make(map[Span]bool, len(g))
		for _, s := range g {
			set[s] = true
			sc := ev.ByType[s.Type]
			sc.Gold++
			ev.ByType[s.Type] = sc
			ev.Overall.Gold++
		}
		for _, s := range p {
			sc := ev.ByType[s.Type]
			sc.Predicted++
			ev.Overall.Predicted++
			if set[s] {
				sc.Correct++
				ev.Overall.Correct++
			}
			ev.ByType[s.Type] = sc
		}
	}
	ev.Overall.finish()
	for t, sc := range ev.ByType {
		sc.finish()
		ev.ByType[t] = sc
	}
	if ev.Tokens > 0 {
		ev.Accuracy = float64(okTokens) / float64(ev.Tokens)
	}
	return ev, nil
}

// WriteReport prints the evaluation like conlleval: overall, then one line
// per type in alphabetical order.
func (ev Evaluation) WriteReport(w io.Writer) error {
	o := ev.Overall
	if _, err := fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n", ev.Tokens, o.Gold, o.Predicted, o.Correct); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if _, err := fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", 100*ev.Accuracy, 100*o.Precision, 100*o.Recall, 100*o.F1); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	types := make([]string, 0, len(ev.ByType))
	for t := range ev.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		s := ev.ByType[t]
		if _, err := fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n", t, 100*s.Precision, 100*s.Recall, 100*s.F1, s.Predicted); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}
