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

// ftsQuery turns free text typed by a user into a safe FTS5 MATCH
// expression; see parseQuery. The result is "" when nothing is left.
func ftsQuery(text string) string { return joinQuery(parseQuery(text)) }

// parseQuery turns free text typed by a user into FTS5 phrases: groups of
// alternatives, the groups to be AND-ed. No FTS5 syntax from the user
// reaches SQLite: every term and "quoted phrase" becomes an FTS5 string
// (double quotes doubled), so keywords such as AND, NOT, NEAR( and column
// filters are plain words. What the user can express:
//
//   - words separated by spaces: all must match;
//   - "a quoted phrase": the words in that order;
//   - a trailing * on a word or phrase: prefix match on the last word;
//   - OR in capitals between two terms: either matches. OR binds tighter
//     than AND, as in web search engines: `a b OR c` means a and (b or c).
//
// Terms without any letter or digit (punctuation, emoji, a lone *) are
// dropped, as are dangling ORs; at most maxQueryTerms terms are kept.
func parseQuery(text string) [][]string {
	if utf8.RuneCountInString(text) > maxQueryRunes {
		text = string([]rune(text)[:maxQueryRunes])
	}
	text = strings.ToValidUTF8(text, " ")
	var groups [][]string
	pendingOR := false
	n := 0
	add := func(words string, prefix bool) {
		words = cleanTerm(words)
		if !hasWordChar(words) || n >= maxQueryTerms {
			return
		}
		n++
		phrase := `"` + strings.ReplaceAll(words, `"`, `""`) + `"`
		if prefix {
			phrase += " *"
		}
		if pendingOR && len(groups) > 0 {
			last := len(groups) - 1
			groups[last] = append(groups[last], phrase)
		} else {
			groups = append(groups, []string{phrase})
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
			add(phrase, prefix)
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
			add(strings.TrimRight(word, "*"), prefix)
		}
	}
	return groups
}

// phraseWords splits a phrase made by parseQuery into one FTS5 phrase per
// word (the prefix mark, if any, stays on the last).
func phraseWords(phrase string) []string {
	prefix := strings.HasSuffix(phrase, " *")
	inner := strings.TrimSuffix(phrase, " *")
	inner = strings.ReplaceAll(inner[1:len(inner)-1], `""`, `"`)
	fields := strings.Fields(inner)
	out := make([]string, 0, len(fields))
	for i, w := range fields {
		if !hasWordChar(w) {
			continue
		}
		p := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix && i == len(fields)-1 {
			p += " *"
		}
		out = append(out, p)
	}
	return out
}

// joinQuery writes groups as one FTS5 expression.
func joinQuery(groups [][]string) string {
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
		b.WriteString(strings.Join(g, " OR "))
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
