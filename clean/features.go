package clean

import (
	"github.com/newsgraph/newsgraph"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexicon is the cue tables arranged for fast lookup, built once by New.
type lexicon struct {
	whole   map[string]string // normalised whole line → kind
	prefix  []cue             // line prefixes
	labels  map[string]bool   // "read more" style labels (whole line)
	labelPx []string          // labels that may be followed by ": headline"
}

func newLexicon() *lexicon {
	lx := &lexicon{whole: map[string]string{}, labels: map[string]bool{}}
	for _, c := range cues {
		if c.whole {
			lx.whole[c.text] = c.kind
		} else {
			lx.prefix = append(lx.prefix, c)
		}
	}
	for _, l := range labelCues {
		lx.labels[l] = true
		lx.labelPx = append(lx.labelPx, l)
	}
	return lx
}

// line is one line of a crawl record with the features the cleaner uses.
type line struct {
	orig  string // the line as it appeared, trimmed
	text  string // markup removed, entities decoded, mis-decoding repaired
	runes int
	words int
	cjk   bool // written without spaces between words

	kind       string // furniture kind matched by a cue, "" when none
	label      bool   // a "read more" label on its own line
	labelHead  bool   // a label followed by its headline on the same line
	timestamp  bool
	clock      bool // a time of day alone (live-blog entry stamp)
	bullet     bool // a list item
	listIntro  bool // a sentence announcing a list ("… include:")
	speaker    bool // a transcript speaker label
	terminal   bool // ends like a sentence
	question   bool // ends with a question mark
	headline   bool // shaped like a headline
	body       bool // shaped like a body paragraph
	score      float64
	lower      string
	cue        string // the line as looked up among the cues (normCue)
	normalized string // for comparisons: lower case, letters and digits (see norm)
	normDone   bool
}

// isBlank reports lines holding only spaces, no-break spaces and other
// invisible characters.
func isBlank(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u2007' || r == '\u202f' || r == '\u3000'
}

func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }

// cleanText removes inline markup and HTML escapes and collapses spaces.
func cleanText(s string) string {
	if strings.IndexByte(s, '<') >= 0 || strings.IndexByte(s, '[') >= 0 {
		s = inlineMarkup.ReplaceAllString(s, " ")
	}
	if strings.IndexByte(s, '&') >= 0 && strings.IndexByte(s, ';') >= 0 {
		s = html.UnescapeString(s)
	}
	return collapseSpaces(s)
}

func collapseSpaces(s string) string {
	clean := true
	prev := true
	for _, r := range s {
		sp := isSpace(r)
		if sp && (prev || r != ' ') {
			clean = false
			break
		}
		prev = sp
	}
	if clean && !prev {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// countWords counts space-separated words; text in scripts written without
// spaces counts one word per two characters.
func countWords(s string) (words int, cjk bool) {
	inWord := false
	cjkRunes, letters := 0, 0
	for _, r := range s {
		if isCJK(r) {
			cjkRunes++
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			words++
		}
	}
	if cjkRunes*2 > letters && cjkRunes > 0 {
		return max(words, cjkRunes/2), true
	}
	return words, false
}

// isCJK reports Han, kana and Thai characters (scripts written without
// spaces). Hangul uses spaces and is not included.
func isCJK(r rune) bool {
	if r < 0x0e00 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r)
}

// endsSentence reports whether s ends like a sentence, looking past closing
// quotes and brackets.
func endsSentence(s string) (terminal, question bool) {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', '」', '』', ')', '）', ']', '*', ' ':
			s = s[:len(s)-size]
			continue
		case '.', '。', '！', '!', ';', '…', '|':
			return r != '|', false
		case '?', '？', '؟':
			return true, true
		case ':', '：':
			return false, false
		}
		return false, false
	}
	return false, false
}

// isUpperLine reports whether the letters of s are all upper case.
func isUpperLine(s string) bool {
	up, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	return letters >= 3 && up == letters
}

// normalize lower-cases s and keeps letters and digits, one space between
// words: the form lines are compared in.
func normalize(s string) string { return newsgraph.NormalizeText(s) }

// stopwords are frequent function words of the languages news comes in most;
// they are left out when lines are compared by content.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an and or of to in on for with at by from as is are was were be been has have had it its this that these those
	he she they we you i his her their our not no but if than then so into over after before about up out new says said will would could can
	le la les un une des du de et en au aux pour par sur dans est sont qui que il elle ils ce cette ces
	der die das den dem des ein eine einer und oder in im am zu von mit auf für ist sind nicht sich bei aus nach
	el los las del y o en con por para es son que se lo al una uno su sus
	o os as do da dos das e em no na nos nas um uma com por para é que se
	il lo gli i della delle di da e con per che non
	и в во на с со по к о от для не что это как из за у же
	dan di ke dari yang untuk dengan ini itu pada dalam akan tidak
	ve bir bu da de ile için`) {
		m[w] = true
	}
	return m
}()

// words is a set of content-word keys (hashes of stemmed words).
type words map[uint64]struct{}

// contentWords adds the content words of s to into: lower-case words of two
// or more letters that are not stop words, stemmed, and character pairs for
// text written without spaces (Chinese, Japanese, Thai) or in Hangul. Words
// are kept as 64-bit FNV hashes, which is all set comparison needs.
func contentWords(s string, into words) {
	var buf [64]rune
	word := buf[:0]
	var prev rune
	flush := func() {
		if len(word) >= 2 && len(word) < 40 {
			if len(word) > 4 || !stopwords[string(word)] {
				into[hashRunes(stem(word))] = struct{}{}
			}
		}
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case r >= 0x1100 && (isCJK(r) || unicode.Is(unicode.Hangul, r)):
			flush()
			if prev != 0 {
				into[hashRunes([]rune{prev, r})] = struct{}{}
			}
			prev = r
			continue
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			word = append(word, r)
		case r < 0x80 && r >= 'A' && r <= 'Z':
			word = append(word, r+('a'-'A'))
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			word = append(word, unicode.ToLower(r))
		default:
			flush()
		}
		prev = 0
	}
	flush()
}

func hashRunes(rs []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

func wordSet(s string) words {
	m := words{}
	contentWords(s, m)
	return m
}

// overlap returns the share of a's words found in b.
func overlap(a, b words) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(shared(a, b)) / float64(len(a))
}

// shared counts the words of a found in b.
func shared(a, b words) int {
	n := 0
	for w := range a {
		if _, ok := b[w]; ok {
			n++
		}
	}
	return n
}

// stem reduces a lower-case word to a comparison key: its first five letters
// (truncation stemming, which works across the European languages news comes
// in: "islands"/"island", "ferries"/"ferry" via the -ies rule), after
// stripping Arabic's attached article and conjunctions.
func stem(word []rune) []rune {
	if len(word) > 4 && unicode.Is(unicode.Arabic, word[0]) {
		for _, p := range [][]rune{[]rune("وال"), []rune("بال"), []rune("لل"), []rune("ال"), []rune("و")} {
			if len(word) > len(p)+2 && string(word[:len(p)]) == string(p) {
				word = word[len(p):]
				break
			}
		}
		return word
	}
	n := len(word)
	if n > 4 && string(word[n-3:]) == "ies" {
		word = append(word[:n-3:n-3], 'y')
	}
	if len(word) > 5 {
		word = word[:5]
	}
	return word
}

// norm returns the line normalised for comparisons, computing it once.
func (l *line) norm() string {
	if !l.normDone {
		l.normalized, l.normDone = normalize(l.text), true
	}
	return l.normalized
}
