package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// DocStart is the token of the line that opens a document in CoNLL files.
const DocStart = "-DOCSTART-"

// Sentence is one sentence: its tokens and, when known, the gold labels.
type Sentence struct {
	// Tokens are the words of the sentence.
	Tokens []string
	// Labels are the gold tags in IOB2 (B-PER, I-PER, O), one per token, or
	// nil when unknown.
	Labels []string
	// Lines are the raw CoNLL lines of the tokens (for WriteTagged); nil for
	// sentences not read from CoNLL.
	Lines []string
	// Before are the raw lines that came before the sentence's first token
	// and are not tokens: blank lines and -DOCSTART- lines. WriteTagged
	// writes them unchanged. A final Sentence without tokens carries the
	// lines after the last sentence of a file.
	Before []string
	// Doc numbers the document the sentence belongs to: it grows by one at
	// each -DOCSTART- line. Sentences of one document share context.
	Doc int
}

// ReadCoNLL reads CoNLL-2003 column format: one token per line with the word
// in the first column and, when there are at least two columns, the NER tag
// in the last; a blank line between sentences; -DOCSTART- lines between
// documents. IOB1 tags are converted to IOB2. Lines with a single column
// are tokens without gold labels (then Labels stays nil for the sentence).
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var (
		out     []Sentence
		cur     Sentence
		doc     int
		labeled = true
		lineNo  int
	)
	flush := func() {
		if len(cur.Tokens) == 0 {
			return
		}
		if labeled {
			cur.Labels = IOB1ToIOB2(cur.Labels)
		} else {
			cur.Labels = nil
		}
		cur.Doc = doc
		out = append(out, cur)
		cur = Sentence{}
		labeled = true
	}
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
			flush()
			cur.Before = append(cur.Before, line)
		case fields[0] == DocStart:
			flush()
			if lineNo > 1 || len(out) > 0 {
				doc++
			}
			cur.Before = append(cur.Before, line)
		default:
			cur.Tokens = append(cur.Tokens, fields[0])
			cur.Lines = append(cur.Lines, line)
			if len(fields) >= 2 {
				cur.Labels = append(cur.Labels, fields[len(fields)-1])
			} else {
				labeled = false
				cur.Labels = append(cur.Labels, "O")
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read conll line %d: %w", lineNo, err)
	}
	flush()
	if len(cur.Before) > 0 {
		cur.Doc = doc
		out = append(out, cur)
	}
	return out, nil
}

// IOB1ToIOB2 converts IOB1 tags (I- opens a chunk unless it continues one of
// the same type; B- only between adjacent chunks of one type) to IOB2 (every
// chunk opens with B-). IOB2 input comes back unchanged. Unknown tags become O.
func IOB1ToIOB2(tags []string) []string {
	out := make([]string, len(tags))
	prev := "O"
	for i, t := range tags {
		typ, pre := splitTag(t)
		switch {
		case pre == 0:
			out[i] = "O"
		case pre == 'I':
			ptyp, _ := splitTag(prev)
			if prev == "O" || ptyp != typ {
				out[i] = "B-" + typ
			} else {
				out[i] = "I-" + typ
			}
		default: // B, and for robustness L/U/E/S map onto IOB2
			if pre == 'B' || pre == 'U' || pre == 'S' {
				out[i] = "B-" + typ
			} else {
				ptyp, _ := splitTag(prev)
				if prev == "O" || ptyp != typ {
					out[i] = "B-" + typ
				} else {
					out[i] = "I-" + typ
				}
			}
		}
		prev = out[i]
	}
	return out
}

// splitTag splits "B-PER" into ("PER", 'B'); O or malformed tags give ("", 0).
func splitTag(t string) (typ string, prefix byte) {
	if len(t) < 3 || t[1] != '-' {
		return "", 0
	}
	switch t[0] {
	case 'B', 'I', 'L', 'U', 'E', 'S':
		return t[2:], t[0]
	}
	return "", 0
}

// WriteTagged writes sentences in CoNLL format with the predicted tag
// appended as one more column to every token line: each sentence's Before
// lines unchanged, then its token lines (the raw line when the sentence was
// read from CoNLL, else the token), each followed by the separator of the
// line (a tab when the line has one, else a space) and the tag. pred holds
// one tag slice per sentence.
func WriteTagged(w io.Writer, sents []Sentence, pred [][]string) error {
	if len(pred) != len(sents) {
		return fmt.Errorf("write tagged: %d sentences but %d predictions", len(sents), len(pred))
	}
	bw := bufio.NewWriter(w)
	for si, s := range sents {
		for _, l := range s.Before {
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
		if len(pred[si]) != len(s.Tokens) {
			return fmt.Errorf("write tagged: sentence %d has %d tokens but %d tags", si, len(s.Tokens), len(pred[si]))
		}
		for i, tok := range s.Tokens {
			line := tok
			if i < len(s.Lines) {
				line = s.Lines[i]
			}
			sep := byte(' ')
			if strings.IndexByte(line, '\t') >= 0 {
				sep = '\t'
			}
			bw.WriteString(strings.TrimRight(line, " \t\r"))
			bw.WriteByte(sep)
			bw.WriteString(pred[si][i])
			bw.WriteByte('\n')
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write tagged: %w", err)
	}
	return nil
}
