package pubdate

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tNum   tokKind = iota + 1 // a run of decimal digits (any script)
	tWord                     // a run of letters and combining marks
	tPunct                    // one other non-space rune
)

// token is one piece of a scanned string. Offsets are into the scanned
// string: bytes for slicing, code points for the API.
type token struct {
	start, end     int32
	cpStart, cpEnd int32
	val            int  // number value; -1 when longer than 9 digits
	r              rune // the punctuation rune, or a word's first rune
	info           wordInfo
	kind           tokKind
	ndig           uint8 // number of digits (capped at 255)
	space          bool  // whitespace or the start of the string precedes
	upper          bool  // word with cased letters, all upper case
	title          bool  // word starting with an upper-case letter
}

// digitVal returns the value of a decimal digit in the scripts news pages
// use (ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width),
// or -1.
func digitVal(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r < 0x660:
		return -1
	case r <= 0x669:
		return int(r - 0x660)
	case r >= 0x6F0 && r <= 0x6F9:
		return int(r - 0x6F0)
	case r >= 0x966 && r <= 0x96F:
		return int(r - 0x966)
	case r >= 0x9E6 && r <= 0x9EF:
		return int(r - 0x9E6)
	case r >= 0xE50 && r <= 0xE59:
		return int(r - 0xE50)
	case r >= 0xFF10 && r <= 0xFF19:
		return int(r - 0xFF10)
	}
	return -1
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF || r == 0x200E || r == 0x200F
}

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// unknownWeight is how many unknown words an unknown word token counts
// for. Chinese and Japanese do not space words: a run of ideographs is a
// phrase, worth one unknown word per four characters.
func unknownWeight(t *token) int {
	if isHanKana(t.r) {
		return 1 + int(t.cpEnd-t.cpStart-1)/4
	}
	return 1
}

// isHanKana reports whether r is a CJK ideograph or Japanese kana.
func isHanKana(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
}

// isUnitRune reports whether r is a CJK date or time unit that is split
// off as its own word when it follows a number ("15日电" → "15", "日", "电").
func isUnitRune(r rune) bool {
	switch r {
	case '年', '月', '日', '时', '時', '点', '點', '分', '号', '號', '년', '월', '일', '시', '분':
		return true
	}
	return false
}

// keepsCompound reports whether unit rune r followed by next forms a word
// that must stay whole ("分钟", "시간", "時間").
func keepsCompound(r, next rune) bool {
	switch r {
	case '分':
		return next == '钟' || next == '鐘' || next == '前'
	case '시':
		return next == '간'
	case '時':
		return next == '間'
	case '点', '點':
		return next == '钟' || next == '鐘'
	case '일':
		return next == '전'
	}
	return false
}

// scanner limits: tokenize stops and reports false when a string has more
// than maxTokens tokens or more than maxUnknown words the lexicon does not
// know (maxUnknown < 0: no limit). A byline opener ("By …") as the first
// token raises maxUnknown by bylineBonus.
const bylineBonus = 5

// tokenize appends the tokens of s to dst.
func tokenize(s string, dst []token, maxTokens, maxUnknown int) ([]token, bool) {
	var key [64]byte
	cp := 0
	space := true
	unknown := 0
	first := len(dst)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpaceRune(r) {
			space = true
			i += size
			cp++
			continue
		}
		if len(dst)-first >= maxTokens {
			return dst, false
		}
		t := token{start: int32(i), cpStart: int32(cp), space: space, r: r}
		space = false
		if v := digitVal(r); v >= 0 {
			t.kind = tNum
			val, n := 0, 0
			for i < len(s) {
				r, size = rune(s[i]), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(s[i:])
				}
				v := digitVal(r)
				if v < 0 {
					break
				}
				if n < 10 {
					val = val*10 + v
				}
				n++
				i += size
				cp++
			}
			if n > 9 {
				val = -1
			}
			if n > 255 {
				n = 255
			}
			t.val, t.ndig = val, uint8(n)
			t.end, t.cpEnd = int32(i), int32(cp)
			dst = append(dst, t)
			continue
		}
		if !isLetterRune(r) {
			t.kind = tPunct
			i += size
			cp++
			t.end, t.cpEnd = int32(i), int32(cp)
			dst = append(dst, t)
			continue
		}
		t.kind = tWord
		afterNum := len(dst) > first && dst[len(dst)-1].kind == tNum && int(dst[len(dst)-1].end) == i
		n := 0
		hasUpper, hasLower := false, false
		for j := 0; i < len(s); j++ {
			r, size = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if !isLetterRune(r) {
				break
			}
			if j == 1 && afterNum && isUnitRune(t.r) && !keepsCompound(t.r, r) {
				break // unit split off after a number
			}
			if r < utf8.RuneSelf {
				c := byte(r)
				if c >= 'A' && c <= 'Z' {
					hasUpper = true
					c += 'a' - 'A'
				} else {
					hasLower = true
				}
				if n < len(key) {
					key[n] = c
				}
				n++
			} else if !unicode.Is(unicode.Mn, r) {
				if unicode.IsUpper(r) {
					hasUpper = true
				} else if unicode.IsLower(r) {
					hasLower = true
				}
				lr := unicode.ToLower(r)
				if n+utf8.UTFMax <= len(key) {
					n += utf8.EncodeRune(key[n:], lr)
				} else {
					n += utf8.UTFMax
				}
			}
			if j == 0 {
				t.title = hasUpper
			}
			i += size
			cp++
		}
		t.upper = hasUpper && !hasLower
		if n <= len(key) {
			t.info = lexicon[string(key[:n])]
		}
		t.end, t.cpEnd = int32(i), int32(cp)
		if !t.info.known() {
			unknown += unknownWeight(&t)
			if maxUnknown >= 0 && unknown > maxUnknown {
				if len(dst) == first || dst[first].kind != tWord || dst[first].info.flags&fBy == 0 || unknown > maxUnknown+bylineBonus {
					dst = append(dst, t)
					return dst, false
				}
			}
		}
		dst = append(dst, t)
	}
	return dst, true
}
