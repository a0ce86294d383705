package text

import (
	"strings"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds. The zero value is Word.
const (
	// Word is a run of letters, marks and digits starting with a letter,
	// with internal hyphens ("Suk-yeol"), apostrophes ("O'Brien") and
	// ampersands between capitals ("AT&T"); also one run of Han/kana or of
	// Thai/Lao/Khmer/Myanmar letters.
	Word TokenKind = iota
	// Number starts with a digit (or a sign or a decimal point before a
	// digit): 85, 1,000.5, 3-0, 2022-11-15, 10:30, 1/2, 5bn, 1990s, '90s.
	Number
	// Abbrev is a word with its final period: "U.S.", "Nov.", "Mr.", "e.g.",
	// the initial "J.".
	Abbrev
	// Clitic is a piece split off the word before it: "'s", "’s", "n't",
	// "'re", "'ve", "'ll", "'m", "'d", and the plural possessive "'" of
	// "workers'".
	Clitic
	// Punct is punctuation: . , ; : ( ) [ ] ! ? (runs of ! and ? are one
	// token), CJK 。！？, and the like.
	Punct
	// Quote is one quotation mark: " ' “ ” ‘ ’ « » „ ‚ ‹ › 「 」 『 』, or a
	// doubled ASCII `` or ''.
	Quote
	// Dash is a dash standing alone: - -- --- — – ― ‒ −.
	Dash
	// Ellipsis is "…" or a run of three or more periods.
	Ellipsis
	// Symbol is a currency sign ($ € £ ¥ ₩, also "US$", "HK$"), %, &, #,
	// @ standing alone, emoji and other symbols.
	Symbol
	// URL is a web address: "https://…", "www.…", or a bare domain with a
	// known top-level domain ("bbc.co.uk", "Amazon.com/x").
	URL
	// Email is an e-mail address.
	Email
	// Hashtag is "#" followed by letters, digits or "_", at least one a
	// letter: "#MeToo".
	Hashtag
	// Handle is "@" followed by ASCII letters, digits or "_": "@Reuters".
	Handle
)

var kindNames = [...]string{
	Word: "Word", Number: "Number", Abbrev: "Abbrev", Clitic: "Clitic",
	Punct: "Punct", Quote: "Quote", Dash: "Dash", Ellipsis: "Ellipsis",
	Symbol: "Symbol", URL: "URL", Email: "Email", Hashtag: "Hashtag",
	Handle: "Handle",
}

// String returns the kind's name ("Word", "Number", …).
func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "TokenKind(" + itoa(int(k)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Token is one token of a paragraph.
type Token struct {
	// Text is the token exactly as written: the paragraph's bytes for
	// code points [Start, End). It shares memory with the paragraph.
	Text string
	// Start and End are offsets in Unicode code points into the paragraph,
	// End exclusive, so Python's paragraph[start:end] and JavaScript's
	// Array.from(paragraph).slice(start, end) give Text back.
	Start, End int
	// Kind says what the token is.
	Kind TokenKind
	// SpaceBefore is true when white space (or an invisible control
	// character) separates the token from the one before it, or from the
	// start of the paragraph.
	SpaceBefore bool
}

// Tokenize splits a paragraph into tokens. It never fails: any string,
// even invalid UTF-8, gives tokens in increasing, non-overlapping order
// (an invalid byte counts as one code point, as Go's []rune conversion
// counts it, and becomes a Symbol token).
func Tokenize(paragraph string) []Token {
	// A news paragraph has roughly one token per 5.5 bytes.
	return AppendTokens(make([]Token, 0, len(paragraph)/5+4), paragraph)
}

// AppendTokens appends the tokens of paragraph to dst and returns the
// extended slice. Reusing dst across paragraphs (dst[:0]) tokenizes without
// allocating.
func AppendTokens(dst []Token, paragraph string) []Token {
	t := tokenizer{s: paragraph, dst: dst, base: len(dst)}
	t.run()
	return t.dst
}

// tokenizer holds the state of one AppendTokens call.
type tokenizer struct {
	s   string
	dst []Token
	// base is len(dst) on entry: tokens before it belong to the caller.
	base int
	// curB and curR are the byte and code-point offsets of the end of the
	// last token emitted.
	curB, curR int
	// space is true when white space was skipped since the last token.
	space bool
	// openSingle counts single quotes opened and not yet closed; it tells a
	// closing quote after "s" from a plural possessive.
	openSingle int
	// noAcronym, noDomain and noEmail are byte offsets before which a scan
	// for a dotted acronym, a domain or an e-mail address is known to
	// fail: a failed scan examined the characters up to there, and a scan
	// starting inside them would fail the same way. They keep long runs
	// such as "a.a.a.a…" linear.
	noAcronym, noDomain, noEmail int
}

// cached runs a scanner at i unless an earlier failed scan already showed
// that nothing can match before *no; a failure moves *no to where that scan
// stopped, which keeps tokenizing linear on inputs like "a.a.a.a…".
func (t *tokenizer) cached(i int, no *int, scan func(string, int) (int, int)) int {
	if i < *no {
		return i
	}
	e, stop := scan(t.s, i)
	if e == i {
		*no = stop
	}
	return e
}

func (t *tokenizer) acronym(i int) int { return t.cached(i, &t.noAcronym, scanAcronym) }
func (t *tokenizer) domain(i int) int  { return t.cached(i, &t.noDomain, scanDomain) }
func (t *tokenizer) email(i int) int   { return t.cached(i, &t.noEmail, scanEmail) }

// decode returns the rune at byte offset i and its size.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeLast returns the rune ending at byte offset i and its size.
func decodeLast(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// runeCount counts code points the way Go's []rune conversion does.
func runeCount(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i + utf8.RuneCountInString(s[i:])
		}
	}
	return len(s)
}

// emit appends the token s[bs:be].
func (t *tokenizer) emit(bs, be int, k TokenKind) {
	start := t.curR
	if bs > t.curB {
		start += runeCount(t.s[t.curB:bs])
	}
	end := start + runeCount(t.s[bs:be])
	t.dst = append(t.dst, Token{Text: t.s[bs:be], Start: start, End: end, Kind: k, SpaceBefore: t.space})
	t.curB, t.curR = be, end
	t.space = false
}

// prev returns the last token emitted in this call and whether it touches
// the current position (no space between).
func (t *tokenizer) prev() (Token, bool) {
	if len(t.dst) == t.base {
		return Token{}, false
	}
	return t.dst[len(t.dst)-1], !t.space
}

// run tokenizes the whole string.
func (t *tokenizer) run() {
	s := t.s
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			cl := asciiClass[c]
			if cl&clSpace != 0 {
				t.space = true
				i++
				continue
			}
			var end int
			var k TokenKind
			switch {
			case cl&clLetter != 0:
				end, k = t.scanLetterStart(i)
			case cl&clDigit != 0:
				end, k = t.scanWord(i, i+1, true), Number
			default:
				end, k = t.scanASCIIPunct(i, c)
			}
			t.emit(i, end, k)
			i = end
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			t.emit(i, i+1, Symbol)
			i++
			continue
		}
		if isSpaceRune(r) {
			t.space = true
			i += n
			continue
		}
		end, k := t.scanUnicode(i, r, n)
		t.emit(i, end, k)
		i = end
	}
}

// scanLetterStart scans a token starting with an ASCII letter: a URL, an
// e-mail address, a bare domain, an acronym or abbreviation, or a word.
func (t *tokenizer) scanLetterStart(i int) (int, TokenKind) {
	s := t.s
	switch s[i] | 0x20 {
	case 'n':
		// "n't" split off "do", "ca", "wo" by scanWord, or standing apart
		// in pre-tokenized text ("do n't").
		if i+1 < len(s) && (t.prevWordy() || t.prevKind() == Word) {
			r, n := decode(s, i+1)
			if isApostrophe(r) && i+1+n < len(s) && s[i+1+n]|0x20 == 't' && !isWordAt(s, i+2+n) {
				return i + 2 + n, Clitic
			}
		}
	case 'h', 'w', 'f', 'm':
		if end := scanURLPrefixed(s, i); end > i {
			return end, URL
		}
	}
	if end := t.acronym(i); end > i {
		return end, Abbrev
	}
	end := t.scanWord(i, i+1, false)
	if end < len(s) {
		switch s[end] {
		case '.':
			if e := t.domain(i); e > end {
				return e, URL
			}
			// "D-N.Y.": a dotted acronym after a hyphen.
			if h := strings.LastIndexByte(s[i:end], '-'); h >= 0 {
				if e := t.acronym(i + h + 1); e > end {
					return e, Abbrev
				}
			}
			if e, ok := t.abbrevEnd(i, end); ok {
				return e, Abbrev
			}
			if e := t.email(i); e > end {
				return e, Email
			}
		case '@', '+', '_', '-':
			if e := t.email(i); e > end {
				return e, Email
			}
		case '$':
			// "US$", "HK$", "A$": a currency sign with its country.
			if end-i <= 3 && isUpperASCIIRun(s[i:end]) {
				return end + 1, Symbol
			}
		}
	}
	return end, Word
}

// abbrevEnd decides whether the word s[ws:we] followed by "." at we is an
// abbreviation that keeps its period, and returns the end including it.
func (t *tokenizer) abbrevEnd(ws, we int) (int, bool) {
	s := t.s
	// "etc..." is "etc" and an ellipsis.
	if we+1 < len(s) && s[we+1] == '.' {
		return 0, false
	}
	w := s[ws:we]
	if len(w) == 1 {
		// An initial: "J. K. Rowling", "George W. Bush" (also "I.": the
		// splitter still ends a sentence there before "The", "He", …).
		if c := w[0]; c >= 'A' && c <= 'Z' {
			return we + 1, true
		}
	}
	// "D-Ore." (Democrat of Oregon): the class of the last part decides.
	for k := len(w) - 1; k > 0; k-- {
		if w[k] == '-' {
			w = w[k+1:]
			break
		}
	}
	switch abbrevClass(w) {
	case abbrevAlways:
		return we + 1, true
	case abbrevBeforeNumber:
		if nextIsDigit(s, we+1) {
			return we + 1, true
		}
	}
	return 0, false
}

// nextIsDigit reports whether the first non-space byte at or after i is an
// ASCII digit.
func nextIsDigit(s string, i int) bool {
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			continue
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0: // no-break space
			i++
			continue
		case c >= '0' && c <= '9':
			return true
		default:
			return false
		}
	}
	return false
}

func isUpperASCIIRun(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return len(s) > 0
}
