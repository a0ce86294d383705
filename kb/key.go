package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key normalises a name for lookup: lower case, diacritics folded ("São" →
// "sao", "Łódź" → "lodz", "Straße" → "strasse"), and every run of characters
// that are not letters or digits — apostrophes, hyphens and periods included —
// becomes one space, trimmed: "G-20" → "g 20", "Côte d'Ivoire" → "cote d
// ivoire", "U.S." → "u s". Letters of other scripts are kept ("서울" →
// "서울"). Every lookup of the knowledge base compares names by Key.
func Key(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return keyUnicode(name)
		}
	}
	return keyASCII(name)
}

// keyASCII is Key for ASCII input: no normalisation needed.
func keyASCII(s string) string {
	// Most keys are already normal ("beijing"): return s itself then.
	clean := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ':
			clean = s[i-1] != ' '
		default:
			clean = false
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b)
}

// fold returns the folding of a letter that does not decompose into a base
// letter and a combining mark ("ø" → "o", "ß" → "ss"), or "".
func fold(r rune) string {
	switch r {
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ł', 'Ł':
		return "l"
	case 'ß', 'ẞ':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'þ', 'Þ':
		return "th"
	case 'ı':
		return "i"
	case 'ħ', 'Ħ':
		return "h"
	case 'ŧ', 'Ŧ':
		return "t"
	case 'ŋ', 'Ŋ':
		return "n"
	case 'ĸ':
		return "k"
	}
	return ""
}

// keyUnicode is Key for input with non-ASCII characters: NFD, marks
// dropped, folds applied, then NFC so that scripts such as Hangul recompose.
func keyUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	ascii := true
	add := func(r rune) {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r >= utf8.RuneSelf {
			ascii = false
		}
		b.WriteRune(r)
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			// A diacritic: dropped.
		case fold(r) != "":
			for _, f := range fold(r) {
				add(f)
			}
		case r >= 0x02B0 && r <= 0x02FF:
			// Spacing modifier letters (ʻ ʼ ˈ): separators, like apostrophes.
			space = true
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r):
			add(unicode.ToLower(r))
		default:
			space = true
		}
	}
	if ascii {
		return b.String()
	}
	return norm.NFC.String(b.String())
}

// keyTokens splits a key into its words.
func keyTokens(key string) []string { return strings.Fields(key) }

// stripThe removes a leading "the " from a key.
func stripThe(key string) string {
	if strings.HasPrefix(key, "the ") {
		return key[4:]
	}
	return key
}

// isShortToken reports whether a key is one word of at most three
// characters ("us", "un", "who"): such names are acronyms and only match
// input written in capitals.
func isShortToken(key string) bool {
	return len(key) <= 3 && !strings.Contains(key, " ")
}

// upperCode returns the letters of s when s is written as an upper-case
// code of two to four letters, periods allowed ("US", "U.S.", "DPRK",
// "KOR"), and "" otherwise.
func upperCode(s string) string {
	s = strings.TrimSpace(s)
	var b [8]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			if n == len(b) {
				return ""
			}
			b[n] = c
			n++
		case c == '.':
		default:
			return ""
		}
	}
	if n < 2 || n > 4 {
		return ""
	}
	return string(b[:n])
}

// isUpperInput reports whether every letter of s is upper case and there is
// at least one.
func isUpperInput(s string) bool {
	seen := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// splitAlnum inserts a space between letters and digits in a key ("g20" →
// "g 20") and returns "" when there is none to insert.
func splitAlnum(key string) string {
	var b strings.Builder
	changed := false
	prev := rune(0)
	for _, r := range key {
		if prev != 0 && prev != ' ' && r != ' ' && unicode.IsDigit(prev) != unicode.IsDigit(r) {
			b.WriteByte(' ')
			changed = true
		}
		b.WriteRune(r)
		prev = r
	}
	if !changed {
		return ""
	}
	return b.String()
}

// joinAlnum removes the space between a letter run and a digit run in a
// key ("g 20" → "g20") and returns "" when there is none to remove.
func joinAlnum(key string) string {
	toks := keyTokens(key)
	if len(toks) < 2 {
		return ""
	}
	var b strings.Builder
	changed := false
	for i, t := range toks {
		if i > 0 {
			if a, z := allDigits(toks[i-1]), allDigits(t); a != z && (a || allLetters(toks[i-1])) && (z || allLetters(t)) {
				changed = true
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	if !changed {
		return ""
	}
	return b.String()
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}
