package text

import (
	"unicode"
	"unicode/utf8"
)

// ASCII character classes, a bit set per byte.
const (
	clSpace  = 1 << iota // white space and control characters
	clLetter             // A-Z a-z
	clDigit              // 0-9
	clUpper              // A-Z
	clURL                // may appear inside a URL
	clLocal              // may appear in the local part of an e-mail address
)

// asciiClass classifies the 128 ASCII bytes. Built once, never mutated.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c <= ' ' || c == 0x7f:
			t[c] |= clSpace
		case c >= 'a' && c <= 'z':
			t[c] |= clLetter | clURL | clLocal
		case c >= 'A' && c <= 'Z':
			t[c] |= clLetter | clUpper | clURL | clLocal
		case c >= '0' && c <= '9':
			t[c] |= clDigit | clURL | clLocal
		}
	}
	for _, c := range "-._~:/?#[]@!$&'()*+,;=%" {
		t[c] |= clURL
	}
	for _, c := range "._%+-" {
		t[c] |= clLocal
	}
	return t
}()

// isAlnumASCII reports whether c is an ASCII letter or digit.
func isAlnumASCII(c byte) bool { return c < utf8.RuneSelf && asciiClass[c]&(clLetter|clDigit) != 0 }

// isSpaceRune reports whether a non-ASCII rune separates tokens: white
// space, control and format characters standing alone (zero-width space,
// byte-order mark, a soft hyphen outside a word).
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r)
}

// isWordRune reports whether r continues a word: a letter, mark or digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(clLetter|clDigit) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || unicode.Is(unicode.Nl, r)
}

// isLetterRune reports whether r is a letter.
func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&clLetter != 0
	}
	return unicode.IsLetter(r)
}

// isDigitRune reports whether r is a decimal digit of any script.
func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

// Script groups written without spaces between words: a run of one of
// them is one token.
const (
	grpSpaced = iota
	grpCJK    // Han, hiragana, katakana
	grpThai
	grpLao
	grpKhmer
	grpMyanmar
)

// scriptGroup returns the script group of a letter.
func scriptGroup(r rune) int {
	switch {
	case r < 0x0e00:
		return grpSpaced
	case r <= 0x0e7f:
		return grpThai
	case r <= 0x0eff:
		return grpLao
	case r >= 0x1000 && r <= 0x109f:
		return grpMyanmar
	case r >= 0x1780 && r <= 0x17ff:
		return grpKhmer
	case r >= 0x3005 && r <= 0x3007, r >= 0x3040 && r <= 0x30ff, r >= 0x31f0 && r <= 0x31ff,
		r >= 0x3400 && r <= 0x4dbf, r >= 0x4e00 && r <= 0x9fff, r >= 0xf900 && r <= 0xfaff,
		r >= 0xff66 && r <= 0xff9f, r >= 0x20000 && r <= 0x3134f:
		return grpCJK
	}
	return grpSpaced
}

// isHyphen reports whether r joins the parts of a compound word.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// isApostrophe reports whether r may be an apostrophe inside a word.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// scanWord scans a word or number that starts at byte ws and continues at
// byte i, and returns its end. number is true when it started with a
// digit.
func (t *tokenizer) scanWord(ws, i int, number bool) int {
	s := t.s
	grp := grpSpaced
	if !number {
		r, _ := decode(s, ws)
		grp = scriptGroup(r)
	}
	prev, _ := decodeLast(s, i)
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf && asciiClass[c]&(clLetter|clDigit) != 0 {
			if grp != grpSpaced {
				return i
			}
			prev = rune(c)
			i++
			continue
		}
		r, n := decode(s, i)
		if r >= utf8.RuneSelf && isWordRune(r) {
			if g := scriptGroup(r); g != grp && !unicode.Is(unicode.M, r) {
				return i
			}
			prev = r
			i += n
			continue
		}
		next, nn := rune(utf8.RuneError), 0
		if i+n < len(s) {
			next, nn = decode(s, i+n)
		}
		join := false
		switch {
		case isHyphen(r):
			join = isWordRune(prev) && isWordRune(next) && grp == grpSpaced && scriptGroup(next) == grpSpaced
		case r == '.' || r == ':' || r == '/':
			join = isDigitRune(prev) && isDigitRune(next)
		case r == ',':
			join = isDigitRune(prev) && threeDigits(s, i+1)
		case isApostrophe(r):
			if !isWordRune(prev) {
				break
			}
			if cliticEnd(s, i+n) > 0 {
				return i
			}
			if (next == 't' || next == 'T') && (prev == 'n' || prev == 'N') && !isWordAt(s, i+n+1) {
				// "don't" → "do" + "n't".
				if i-1 > ws {
					return i - 1
				}
			}
			join = isLetterRune(next)
		case r == '&':
			join = prev >= 'A' && prev <= 'Z' && next >= 'A' && next <= 'Z'
		case r == '\u00ad' || r == '\u200c' || r == '\u200d':
			// Soft hyphen, zero-width (non-)joiner inside a word.
			join = isWordRune(next)
		case r == '\u05f3' || r == '\u05f4' || r == '"':
			// Hebrew geresh and gershayim: צה״ל.
			join = prev >= 0x05d0 && prev <= 0x05ea && next >= 0x05d0 && next <= 0x05ea
		}
		if !join {
			return i
		}
		prev = next
		i += n + nn
	}
	return i
}

// threeDigits reports whether s[i:] starts with exactly three digits.
func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for j := i; j < i+3; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	return i+3 == len(s) || s[i+3] < '0' || s[i+3] > '9'
}

// isWordAt reports whether a word rune starts at byte i.
func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := decode(s, i)
	return isWordRune(r)
}

// cliticEnd returns the end of a clitic ("s", "m", "d", "re", "ve", "ll",
// any case) that starts at byte j right after an apostrophe and ends a
// word, or 0.
func cliticEnd(s string, j int) int {
	if j >= len(s) {
		return 0
	}
	e := 0
	switch s[j] | 0x20 {
	case 's', 'm', 'd':
		e = j + 1
	case 'r', 'v':
		if j+1 < len(s) && s[j+1]|0x20 == 'e' {
			e = j + 2
		}
	case 'l':
		if j+1 < len(s) && s[j+1]|0x20 == 'l' {
			e = j + 2
		}
	}
	if e == 0 || isWordAt(s, e) {
		return 0
	}
	return e
}

// prevWordy reports whether the token before the current position touches
// it and ends in a letter or digit.
func (t *tokenizer) prevWordy() bool {
	p, touch := t.prev()
	if !touch || p.Text == "" {
		return false
	}
	switch p.Kind {
	case Word, Number, Abbrev:
		r, _ := decodeLast(p.Text, len(p.Text))
		return isWordRune(r)
	}
	return false
}

// prevKind returns the kind of the token before the current position, or
// Punct when there is none.
func (t *tokenizer) prevKind() TokenKind {
	if len(t.dst) == t.base {
		return Punct
	}
	return t.dst[len(t.dst)-1].Kind
}

// scanApostrophe scans a token starting with ' ’ or ‘ (size n at byte i):
// a clitic, a plural possessive, an abbreviated year ('90s) or a quote.
func (t *tokenizer) scanApostrophe(i, n int, r rune) (int, TokenKind) {
	s := t.s
	after := i + n
	if r == '\'' && after < len(s) && s[after] == '\'' {
		return after + 1, Quote // ''
	}
	wordy := t.prevWordy()
	if r != '\u2018' {
		// A clitic after its word, or after a space in pre-tokenized text
		// ("China 's").
		if e := cliticEnd(s, after); e > 0 && (wordy || t.prevKind() == Word) {
			return e, Clitic
		}
	}
	if wordy && r != '\u2018' {
		p, _ := t.prev()
		if last := p.Text[len(p.Text)-1]; (last == 's' || last == 'S') && !isWordAt(s, after) {
			if t.openSingle > 0 {
				t.openSingle--
				return after, Quote
			}
			return after, Clitic
		}
	}
	if !wordy && after+2 <= len(s) && isDigitByte(s[after]) && isDigitByte(s[after+1]) {
		// '90s, '22.
		e := after + 2
		if e < len(s) && s[e] == 's' {
			e++
		}
		if !isWordAt(s, e) {
			return e, Number
		}
	}
	if t.opening(after) {
		t.openSingle++
	} else if t.openSingle > 0 {
		t.openSingle--
	}
	return after, Quote
}

// opening reports whether a quote ending at byte after opens a quotation:
// it does not touch the token before it, and a word or another quote
// follows it.
func (t *tokenizer) opening(after int) bool {
	if _, touch := t.prev(); touch {
		return false
	}
	return after < len(t.s) && t.s[after] != ' '
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// scanASCIIPunct scans a token starting with an ASCII byte c that is
// neither a letter, a digit nor space.
func (t *tokenizer) scanASCIIPunct(i int, c byte) (int, TokenKind) {
	s := t.s
	switch c {
	case '\'':
		return t.scanApostrophe(i, 1, '\'')
	case '"':
		return i + 1, Quote
	case '`':
		if i+1 < len(s) && s[i+1] == '`' {
			return i + 2, Quote
		}
		return i + 1, Quote
	case '.':
		e := runOf(s, i, '.')
		switch {
		case e-i >= 3:
			return e, Ellipsis
		case e-i == 1 && e < len(s) && isDigitByte(s[e]) && !t.prevWordy():
			return t.scanWord(i, e, true), Number // .5
		}
		return e, Punct
	case '-':
		e := runOf(s, i, '-')
		if e-i == 1 && e < len(s) && isDigitByte(s[e]) && !t.prevWordy() {
			return t.scanWord(i, e, true), Number // -5
		}
		return e, Dash
	case '+':
		if i+1 < len(s) && isDigitByte(s[i+1]) && !t.prevWordy() {
			return t.scanWord(i, i+1, true), Number
		}
		return i + 1, Symbol
	case '!', '?':
		e := i + 1
		for e < len(s) {
			r, n := decode(s, e)
			if !isBang(r) {
				break
			}
			e += n
		}
		return e, Punct
	case '#':
		if !t.prevWordy() {
			if e := scanTagBody(s, i+1, true); e > i+1 {
				return e, Hashtag
			}
		}
		return i + 1, Symbol
	case '@':
		if !t.prevWordy() {
			if e := scanTagBody(s, i+1, false); e > i+1 {
				return e, Handle
			}
		}
		return i + 1, Symbol
	case '(', ')', '[', ']', '{', '}', ',', ';', ':', '/':
		return i + 1, Punct
	}
	return i + 1, Symbol
}

// isBang reports whether r is an exclamation or question mark.
func isBang(r rune) bool {
	switch r {
	case '!', '?', '！', '？', '‼', '⁇', '⁈', '⁉', '؟':
		return true
	}
	return false
}

// runOf returns the end of the run of byte c starting at i.
func runOf(s string, i int, c byte) int {
	for i < len(s) && s[i] == c {
		i++
	}
	return i
}

// scanTagBody scans the body of a hashtag (letters of any script, digits,
// "_", at least one letter) or of a handle (ASCII letters, digits, "_")
// starting at byte i, and returns its end, or i when there is none.
func scanTagBody(s string, i int, hashtag bool) int {
	e, letter := i, false
	for e < len(s) {
		c := s[e]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clLetter != 0 {
				letter = true
			} else if c != '_' && asciiClass[c]&clDigit == 0 {
				break
			}
			e++
			continue
		}
		if !hashtag {
			break
		}
		r, n := decode(s, e)
		if !isWordRune(r) {
			break
		}
		letter = letter || unicode.IsLetter(r)
		e += n
	}
	if hashtag && !letter {
		return i
	}
	return e
}

// scanUnicode scans a token starting with the non-ASCII rune r (size n) at
// byte i.
func (t *tokenizer) scanUnicode(i int, r rune, n int) (int, TokenKind) {
	s := t.s
	switch {
	case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
		if g := scriptGroup(r); g != grpSpaced {
			e := i + n
			for e < len(s) {
				r2, n2 := decode(s, e)
				if scriptGroup(r2) != g && !(r2 >= utf8.RuneSelf && unicode.Is(unicode.M, r2)) {
					break
				}
				e += n2
			}
			return e, Word
		}
		return t.scanWord(i, i+n, false), Word
	case unicode.IsDigit(r):
		return t.scanWord(i, i+n, true), Number
	case r == '\u2019' || r == '\u2018':
		return t.scanApostrophe(i, n, r)
	case isQuoteRune(r):
		return i + n, Quote
	case isDashRune(r):
		e := i + n
		for e < len(s) {
			r2, n2 := decode(s, e)
			if r2 != r {
				break
			}
			e += n2
		}
		if r == '\u2212' && e == i+n && e < len(s) && isDigitByte(s[e]) && !t.prevWordy() {
			return t.scanWord(i, e, true), Number // −5
		}
		return e, Dash
	case r == '…':
		e := i + n
		for e+n <= len(s) && s[e:e+n] == "…" {
			e += n
		}
		return e, Ellipsis
	case isBang(r):
		e := i + n
		for e < len(s) {
			r2, n2 := decode(s, e)
			if !isBang(r2) {
				break
			}
			e += n2
		}
		return e, Punct
	case unicode.IsPunct(r):
		return i + n, Punct
	}
	return scanSymbol(s, i, r, n), Symbol
}

// scanSymbol scans a symbol with what binds to it: variation selectors,
// skin tones, a keycap, zero-width-joined emoji, the second regional
// indicator of a flag.
func scanSymbol(s string, i int, r rune, n int) int {
	e := i + n
	if r >= 0x1f1e6 && r <= 0x1f1ff && e < len(s) {
		if r2, n2 := decode(s, e); r2 >= 0x1f1e6 && r2 <= 0x1f1ff {
			return e + n2
		}
	}
	for e < len(s) {
		r2, n2 := decode(s, e)
		switch {
		case r2 == 0xfe0f || r2 == 0xfe0e || r2 == 0x20e3 || r2 >= 0x1f3fb && r2 <= 0x1f3ff || r2 >= 0xe0020 && r2 <= 0xe007f:
			e += n2
		case r2 == 0x200d && e+n2 < len(s):
			r3, n3 := decode(s, e+n2)
			if !unicode.IsSymbol(r3) {
				return e
			}
			e += n2 + n3
		default:
			return e
		}
	}
	return e
}

// isQuoteRune reports whether r is a quotation mark (other than ' ’ ‘).
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '‹', '›', '‚', '‛', '「', '」', '『', '』', '〝', '〞', '〟', '＂', '＇':
		return true
	}
	return false
}

// isDashRune reports whether r is a dash.
func isDashRune(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2e3a', '\u2e3b', '\ufe58', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// scanURLPrefixed returns the end of a URL starting at byte i with a
// scheme or "www.", or i when there is none.
func scanURLPrefixed(s string, i int) int {
	rest := s[i:]
	p := 0
	switch {
	case hasPrefixFold(rest, "https://"):
		p = 8
	case hasPrefixFold(rest, "http://"):
		p = 7
	case hasPrefixFold(rest, "ftp://"):
		p = 6
	case hasPrefixFold(rest, "www."):
		p = 4
	case hasPrefixFold(rest, "mailto:"):
		p = 7
	default:
		return i
	}
	if p >= len(rest) || asciiClass[rest[p]&0x7f]&(clLetter|clDigit) == 0 {
		return i
	}
	return urlEnd(s, i+p)
}

// urlEnd extends a URL from byte i to the last character that belongs to
// it: trailing punctuation is left out, and a closing parenthesis only
// belongs when the URL opened one.
func urlEnd(s string, i int) int {
	e := i
	for e < len(s) {
		c := s[e]
		if c < utf8.RuneSelf {
			if asciiClass[c]&clURL == 0 {
				break
			}
			e++
			continue
		}
		r, n := decode(s, e)
		if !isWordRune(r) {
			break
		}
		e += n
	}
	opens, closes := 0, 0
	for k := i; k < e; k++ {
		switch s[k] {
		case '(':
			opens++
		case ')':
			closes++
		}
	}
	for e > i {
		switch s[e-1] {
		case '.', ',', ';', ':', '!', '?', '\'', ']', '[':
			e--
			continue
		case '(':
			opens--
			e--
			continue
		case ')':
			if opens < closes {
				closes--
				e--
				continue
			}
		}
		break
	}
	return e
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// scanDomain returns the end of a bare domain name (with its path) that
// starts at byte i, or i and the offset up to which it looked. The last
// label must be a generic top-level domain (com, org, …), or a country
// domain after two labels or before a path ("bbc.co.uk", "spiegel.de/…").
func scanDomain(s string, i int) (end, stop int) {
	e, labels, lastStart := i, 0, i
	for {
		ls := e
		for e < len(s) && (isAlnumASCII(s[e]) || s[e] == '-') {
			e++
		}
		if e == ls {
			return i, e
		}
		labels++
		lastStart = ls
		if e+1 < len(s) && s[e] == '.' && isAlnumASCII(s[e+1]) {
			e++
			continue
		}
		break
	}
	if labels < 2 || isWordAt(s, e) {
		return i, e
	}
	tld := s[lastStart:e]
	path := e < len(s) && s[e] == '/'
	switch {
	case genericTLD[tld]:
	case len(tld) == 2 && isLowerASCII(tld) && (labels >= 3 || path):
	default:
		return i, e
	}
	if path {
		return urlEnd(s, e), e
	}
	return e, e
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// scanEmail returns the end of an e-mail address starting at byte i, or i
// and the offset up to which it looked.
func scanEmail(s string, i int) (end, stop int) {
	e := i
	for e < len(s) && s[e] < utf8.RuneSelf && asciiClass[s[e]]&clLocal != 0 {
		e++
	}
	stop = e
	if e == i || e >= len(s) || s[e] != '@' || !isAlnumASCII(s[e-1]) {
		return i, stop
	}
	e++
	labels, end := 0, i
	for {
		ls := e
		for e < len(s) && (isAlnumASCII(s[e]) || s[e] == '-') {
			e++
		}
		if e == ls {
			break
		}
		labels++
		end = e
		if e+1 < len(s) && s[e] == '.' && isAlnumASCII(s[e+1]) {
			e++
			continue
		}
		break
	}
	if labels < 2 || isWordAt(s, end) {
		return i, stop
	}
	return end, stop
}

// scanAcronym returns the end of a dotted acronym starting at byte i
// ("U.S.", "e.g.", "a.m.", "Ph.D.", "U.S.A."), or i and the offset up to
// which a scan from inside it would fail the same way: two or more parts
// of one letter (the first may have two), each followed by a period, and
// no letter or digit after the last period.
func scanAcronym(s string, i int) (end, stop int) {
	e, parts, last := i, 0, i
	for {
		ls := e
		for e < len(s) && s[e] < utf8.RuneSelf && asciiClass[s[e]]&clLetter != 0 {
			e++
		}
		l := e - ls
		if l == 0 || l > 2 || l == 2 && parts > 0 || e >= len(s) || s[e] != '.' {
			stop = ls
			break
		}
		e++
		parts++
		last = e
	}
	if parts < 2 || isWordAt(s, last) {
		return i, stop
	}
	return last, stop
}
