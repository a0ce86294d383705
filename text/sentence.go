package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a paragraph.
type Sentence struct {
	// Start and End are code-point offsets into the paragraph, End
	// exclusive: the start of the first token and the end of the last.
	Start, End int
	// First is the index of the sentence's first token in the token slice
	// given to Sentences.
	First int
	// Tokens are the sentence's tokens: a sub-slice (capacity capped) of
	// the token slice given to Sentences, so they are tokens[First :
	// First+len(Tokens)].
	Tokens []Token
}

// Sentences splits a paragraph, already tokenized by [Tokenize], into
// sentences. Every token belongs to exactly one sentence, in order.
func Sentences(paragraph string, tokens []Token) []Sentence {
	return AppendSentences(nil, paragraph, tokens)
}

// AppendSentences appends the sentences of paragraph to dst and returns
// the extended slice. It allocates nothing beyond dst's growth unless the
// paragraph contains line breaks.
func AppendSentences(dst []Sentence, paragraph string, tokens []Token) []Sentence {
	n := len(tokens)
	if n == 0 {
		return dst
	}
	var nl []uint8
	if strings.IndexByte(paragraph, '\n') >= 0 {
		nl = newlinesBefore(paragraph, tokens)
	}
	emit := func(a, b int) {
		dst = append(dst, Sentence{Start: tokens[a].Start, End: tokens[b-1].End, First: a, Tokens: tokens[a:b:b]})
	}
	start := 0
	q := quoteState{}
	for i := 0; i < n; i++ {
		if i > start && (isBullet(tokens[i].Text) || nl != nil && hardBreak(tokens, nl, i)) {
			emit(start, i)
			start = i
		}
		q.see(tokens, i)
		term := terminator(tokens[i])
		if term == termNone {
			continue
		}
		// Closing quotes and brackets, and more terminators, belong to the
		// sentence they close: `."`, `?!”`, `.)`.
		quoted, bracketed := false, false
		j := i + 1
		for j < n {
			if t := terminator(tokens[j]); t != termNone && t != termAbbrev && !tokens[j].SpaceBefore {
				term = t
			} else if tokens[j].Kind == Quote && q.closes(tokens, j) {
				quoted = true
			} else if closingBracket(tokens[j]) {
				bracketed = true
			} else {
				break
			}
			q.see(tokens, j)
			j++
		}
		if term == termPeriod && !quoted && !bracketed && j < n && i-2 > start && rankMarker(tokens, i) && startsUpper(tokens[j]) {
			// A ranked list run together: "… (Germany) 1.97 4. Tatyana
			// Motkova (Russia) …": "4." starts the next item.
			emit(start, i-1)
			start = i - 1
			continue
		}
		if j < n && boundary(tokens, start, i, j, term, quoted, bracketed) {
			emit(start, j)
			start = j
		}
		i = j - 1
	}
	if start < n {
		emit(start, n)
	}
	return dst
}

// Terminator kinds.
const (
	termNone     = iota
	termPeriod   // .
	termBang     // ? ! and runs of them
	termFull     // 。 ｡ । ॥ ۔ ። : always end a sentence
	termEllipsis // … ...
	termAbbrev   // U.S. Inc. a.m. J.
)

// terminator returns the terminator kind of a token.
func terminator(t Token) int {
	switch t.Kind {
	case Abbrev:
		return termAbbrev
	case Ellipsis:
		return termEllipsis
	case Punct:
		switch t.Text {
		case ".", "．", "..":
			return termPeriod
		case "。", "｡", "।", "॥", "۔", "።":
			return termFull
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if isBang(r) {
			if r == '！' || r == '？' {
				return termFull
			}
			return termBang
		}
	}
	return termNone
}

// quoteState follows the quotation marks of a paragraph to tell an
// opening quote from a closing one.
type quoteState struct {
	// open is true inside a quotation opened by an ASCII or curly double
	// quote.
	open bool
}

// closes reports whether the quote token j closes a quotation: it is
// attached to the token before it; or it is a closing mark (” » › 」 』)
// standing apart (French « … »); or it is an ASCII " standing apart while
// a quotation is open.
func (q *quoteState) closes(tokens []Token, j int) bool {
	t := tokens[j]
	attached := j > 0 && !t.SpaceBefore
	apart := j+1 == len(tokens) || tokens[j+1].SpaceBefore
	switch t.Text {
	case "”", "»", "›", "」", "』":
		return attached || apart
	case `"`, "''", "＂":
		if attached {
			return true
		}
		return apart && q.open
	}
	return attached
}

// see updates the state with token i.
func (q *quoteState) see(tokens []Token, i int) {
	if tokens[i].Kind != Quote {
		return
	}
	switch tokens[i].Text {
	case `"`, "''", "＂", "“", "”", "„", "«", "»", "``":
		q.open = !q.closes(tokens, i)
	}
}

// closingBracket reports whether a token is a closing bracket.
func closingBracket(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case ")", "]", "}", "）", "］", "】", "》", "〉":
		return true
	}
	return false
}

// boundary decides whether the sentence that runs from token start to the
// terminator at i, followed by closing quotes (quoted) or brackets
// (bracketed) up to token j, ends before token j.
func boundary(tokens []Token, start, i, j, term int, quoted, bracketed bool) bool {
	next := tokens[j]
	if next.Kind == Punct {
		switch next.Text {
		case ",", ";", ":", "，", "；", "：", "、":
			return false
		}
	}
	switch term {
	case termFull:
		return true
	case termAbbrev:
		// "U.S." and the like end a sentence only before a word that
		// usually starts one, or when a quotation closes after them.
		switch {
		case next.Kind == Word && sentenceStarters[next.Text]:
			return true
		case quoted:
			return startsUpper(next) && next.Kind != Number
		case next.Kind == Quote && next.SpaceBefore && j+1 < len(tokens):
			return startsUpper(tokens[j+1]) && tokens[j+1].Kind != Number
		}
		return false
	case termEllipsis:
		if next.Kind == Quote && j+1 < len(tokens) {
			return startsUpper(tokens[j+1])
		}
		return startsUpper(next)
	case termPeriod:
		// A list marker: "1. Introduction", "a. first".
		if i == start+1 && !quoted && !bracketed && tokens[i].Text == "." && isListMarker(tokens[start]) {
			return false
		}
	}
	return !startsLower(next)
}

// rankMarker reports whether the period at i closes a rank ("4.") that
// follows a number, a closing bracket or a colon.
func rankMarker(tokens []Token, i int) bool {
	num, before := tokens[i-1], tokens[i-2]
	return num.Kind == Number && len(num.Text) <= 2 && !tokens[i].SpaceBefore &&
		(before.Kind == Number || before.Text == ")" || before.Text == ":")
}

// isListMarker reports whether a token can number a list item.
func isListMarker(t Token) bool {
	switch t.Kind {
	case Number:
		return len(t.Text) <= 3
	case Word:
		return len(t.Text) == 1
	}
	return false
}

// startsLower reports whether a token starts with a lower-case letter.
func startsLower(t Token) bool {
	switch t.Kind {
	case Word, Abbrev, Clitic:
		r, _ := utf8.DecodeRuneInString(t.Text)
		return unicode.IsLower(r)
	}
	return false
}

// startsUpper reports whether a token is a word starting with a capital
// letter or with a letter of a script without case (Han, Arabic, Hangul).
func startsUpper(t Token) bool {
	switch t.Kind {
	case Word, Abbrev:
		r, _ := utf8.DecodeRuneInString(t.Text)
		return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
	case Number:
		return true
	}
	return false
}

// isBullet reports whether a token is a list bullet, which starts a new
// sentence.
func isBullet(s string) bool {
	switch s {
	case "•", "◦", "‣", "⁃", "∙", "●", "○", "■", "□", "▪", "▫", "►", "▶", "◆", "◇", "➢", "➤", "✓", "✔":
		return true
	}
	return false
}

// newlinesBefore counts, for each token, the line breaks between it and
// the token before it (capped at 2).
func newlinesBefore(paragraph string, tokens []Token) []uint8 {
	nl := make([]uint8, len(tokens))
	k, ri := 0, 0
	for _, r := range paragraph {
		if r == '\n' {
			for k < len(tokens) && tokens[k].Start <= ri {
				k++
			}
			if k > 0 && k < len(tokens) && nl[k] < 2 {
				nl[k]++
			}
		}
		ri++
	}
	return nl
}

// hardBreak reports whether line breaks before token i end a sentence: a
// blank line does, and a single line break before a bullet, a dash or a
// list marker ("1.", "2)").
func hardBreak(tokens []Token, nl []uint8, i int) bool {
	switch {
	case nl[i] >= 2:
		return true
	case nl[i] == 0:
		return false
	}
	t := tokens[i]
	if t.Kind == Dash || t.Text == "*" {
		return true
	}
	if isListMarker(t) && i+1 < len(tokens) && !tokens[i+1].SpaceBefore {
		switch tokens[i+1].Text {
		case ".", ")":
			return true
		}
	}
	return false
}
