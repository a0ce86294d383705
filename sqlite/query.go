package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on user queries, so a pasted essay cannot make an expensive query.
const (
	maxQueryRunes = 1000
	maxQueryTerms = 32
)

// queryItem is one term or phrase of a user query.
type queryItem struct {
	text   string // the words, without quotes
	prefix bool   // a trailing * : match words starting with the last word
}

// ftsQuery turns free text typed by a user into a safe FTS5 MATCH
// expression. No FTS5 syntax from the user reaches SQLite: every term and
// "quoted phrase" becomes an FTS5 string (double quotes doubled), so
// keywords such as AND, NOT, NEAR( and column filters are plain words. What
// the user can express:
//
//   - words separated by spaces: all must match;
//   - "a quoted phrase": the words in that order;
//   - a trailing * on a word or phrase: prefix match on the last word;
//   - OR in capitals between two terms: either matches. OR binds tighter
//     than AND, as in web search engines: `a b OR c` means a
//     and (b or c).
//
// Terms without any letter or digit (punctuation, emoji, a lone *) are
// dropped, as are dangling ORs. The result is "" when nothing is left.
func ftsQuery(text string) string {
	if utf8.RuneCountInString(text) > maxQueryRunes {
		text = string([]rune(text)[:maxQueryRunes])
	}
	text = strings.ToValidUTF8(text, " ")
	// groups of OR-ed items; consecutive groups are AND-ed.
	var groups [][]queryItem
	pendingOR := false
	n := 0
	add := func(it queryItem) {
		if !hasWordChar(it.text) || n >= maxQueryTerms {
			return
		}
		n++
		if pendingOR && len(groups) > 0 {
			last := len(groups) - 1
			groups[last] = append(groups[last], it)
		} else {
			groups = append(groups, []queryItem{it})
		}
		pendingOR = false
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			i += size
		case r == '"':
			j := strings.IndexByte(text[i+1:], '"')
			var phrase string
			if j < 0 {
				phrase, i = text[i+1:], len(text)
			} else {
				phrase, i = text[i+1:i+1+j], i+j+2
			}
			prefix := false
			for i < len(text) && text[i] == '*' {
				prefix = true
				i++
			}
			add(queryItem{text: phrase, prefix: prefix})
		default:
			j := i
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if r == '"' || unicode.IsSpace(r) || unicode.IsControl(r) {
					break
				}
				j += size
			}
			word := text[i:j]
			i = j
			if word == "OR" {
				// Only meaningful between two terms; the next add decides.
				pendingOR = len(groups) > 0
				continue
			}
			prefix := strings.HasSuffix(word, "*")
			word = strings.TrimRight(word, "*")
			add(queryItem{text: word, prefix: prefix})
		}
	}
	var b strings.Builder
	for gi, g := range groups {
		if gi > 0 {
			// FTS5 accepts implicit AND only between plain phrases, not
			// next to a parenthesised group, so spell it out.
			b.WriteString(" AND ")
		}
		if len(g) > 1 {
			b.WriteByte('(')
		}
		for ii, it := range g {
			if ii > 0 {
				b.WriteString(" OR ")
			}
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(cleanTerm(it.text), `"`, `""`))
			b.WriteByte('"')
			if it.prefix {
				b.WriteString(" *")
			}
		}
		if len(g) > 1 {
			b.WriteByte(')')
		}
	}
	return b.String()
}

// cleanTerm replaces control characters and NULs by spaces and trims.
func cleanTerm(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// hasWordChar reports whether s holds a letter or digit, i.e. something the
// FTS tokenizer will index.
func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
