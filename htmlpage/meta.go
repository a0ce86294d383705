package htmlpage

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"

	"github.com/newsgraph/newsgraph"
)

// declaredLanguage returns the language the page declares for itself, as a
// lowercase ISO 639-1 code, or "": <html lang> (or xml:lang), then
// og:locale, then a content-language or language meta element.
func declaredLanguage(root *html.Node) string {
	if h := dom.QuerySelector(root, "html"); h != nil {
		for _, key := range []string{"lang", "xml:lang"} {
			if l := normalizeLang(dom.GetAttribute(h, key)); l != "" {
				return l
			}
		}
	}
	var ogLocale, httpEquiv, metaName string
	for _, m := range dom.GetElementsByTagName(root, "meta") {
		content := dom.GetAttribute(m, "content")
		switch {
		case strings.EqualFold(dom.GetAttribute(m, "property"), "og:locale") && ogLocale == "":
			ogLocale = normalizeLang(content)
		case strings.EqualFold(dom.GetAttribute(m, "http-equiv"), "content-language") && httpEquiv == "":
			httpEquiv = normalizeLang(content)
		case metaName == "":
			switch strings.ToLower(dom.GetAttribute(m, "name")) {
			case "language", "content-language", "dc.language", "dcterms.language":
				metaName = normalizeLang(content)
			}
		}
	}
	return firstNonEmpty(ogLocale, httpEquiv, metaName)
}

// normalizeLang turns a language tag ("en-US", "de_DE", "EN", "fr, en")
// into a lowercase ISO 639-1 code, or "" when it is not one.
func normalizeLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, ",;"); i >= 0 {
		tag = tag[:i]
	}
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(strings.TrimSpace(tag))
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// published builds the publication date from htmldate's result and the
// input's declared date. A parsable declared date wins (origin "input");
// a page date that disagrees with it is recorded as a conflict.
func published(r htmldate.Result, pageURL, hint string) newsgraph.Published {
	var p newsgraph.Published
	if !r.IsZero() {
		p.Date, p.Precision = pageDate(r)
		p.Origin = newsgraph.OriginHTMLMeta
		if isURLSource(r.SrcString, pageURL) {
			p.Origin = newsgraph.OriginURL
		}
		if r.HasTime {
			p.Time = r.DateTime.Format("15:04")
		}
	}
	hint = strings.TrimSpace(hint)
	if hint == "" {
		return p
	}
	p.Raw = hint
	d, prec, tm, ok := parseHintDate(hint)
	if !ok {
		return p
	}
	if p.Date != "" && !compatible(p.Date, d) {
		p.Conflict = fmt.Sprintf("input date %s, page (%s) says %s", d, p.Origin, p.Date)
	}
	if p.Date != d {
		p.Time = tm
	}
	p.Date, p.Precision, p.Origin = d, prec, newsgraph.OriginInput
	return p
}

// isURLSource reports whether htmldate took its date from the page URL
// (the one given, or the canonical URL it found itself): its source string
// is then the URL.
func isURLSource(src, pageURL string) bool {
	if pageURL != "" && src == collapse(pageURL) {
		return true
	}
	return (strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://")) && !strings.ContainsAny(src, " \"<>")
}

// compatible reports whether two dates of any precision agree on their
// common prefix ("2020-05" and "2020-05-17" do).
func compatible(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] == b[:n]
}

var (
	rxTimeOfDay   = regexp.MustCompile(`\d{1,2}:\d{2}(?::\d{2})?`)
	rxYearMonth   = regexp.MustCompile(`\d{4}[-/.]\d{1,2}|\d{1,2}[-/.]\d{4}`)
	rxDigits      = regexp.MustCompile(`\d+`)
	rxLetters     = regexp.MustCompile(`\pL{3,}`)
	rxPartialPath = regexp.MustCompile(`^/?\d{4}/\d{1,2}/(?:[^0-9]|$)`)
	rxHint        = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?`)
)

// pageDate formats htmldate's date with the precision its source string
// supports. htmldate always returns a full date, filling a missing day or
// month with 1; the source string tells whether the page gave them:
//   - a URL path with only a year and a month ("/2018/08/slug") → month;
//   - a short source (≤ 40 characters) whose numbers, once times of day
//     and a year-month pair ("03/2020", "2016-12") are set aside, include
//     no day → month if it had a year-month pair or a word ("Dezember
//     2016"), else year;
//   - anything else → day.
func pageDate(r htmldate.Result) (string, newsgraph.Precision) {
	t := r.DateTime
	src := r.SrcString
	switch {
	case src == "":
	case rxPartialPath.MatchString(src):
		return t.Format("2006-01"), newsgraph.PrecisionMonth
	case utf8.RuneCountInString(src) <= 40:
		rest := rxTimeOfDay.ReplaceAllString(src, " ")
		ym := rxYearMonth.MatchString(rest)
		rest = rxYearMonth.ReplaceAllString(rest, " ")
		day := false
		for _, g := range rxDigits.FindAllString(rest, -1) {
			if len(g) <= 2 || len(g) >= 8 {
				day = true
			}
		}
		switch {
		case day:
		case ym || rxLetters.MatchString(rest):
			return t.Format("2006-01"), newsgraph.PrecisionMonth
		default:
			return t.Format("2006"), newsgraph.PrecisionYear
		}
	}
	return t.Format("2006-01-02"), newsgraph.PrecisionDay
}

// parseHintDate reads a declared date: YYYY, YYYY-MM, YYYY-MM-DD, optionally
// followed by a time, or RFC 1123 / RFC 3339 forms.
func parseHintDate(s string) (date string, prec newsgraph.Precision, tm string, ok bool) {
	if m := rxHint.FindStringSubmatch(s); m != nil {
		switch {
		case m[3] != "":
			if _, err := time.Parse("2006-01-02", m[1]+"-"+m[2]+"-"+m[3]); err != nil {
				return "", "", "", false
			}
			if m[4] != "" {
				tm = m[4] + ":" + m[5]
			}
			return m[1] + "-" + m[2] + "-" + m[3], newsgraph.PrecisionDay, tm, true
		case m[2] != "":
			if _, err := time.Parse("2006-01", m[1]+"-"+m[2]); err != nil {
				return "", "", "", false
			}
			return m[1] + "-" + m[2], newsgraph.PrecisionMonth, "", true
		default:
			return m[1], newsgraph.PrecisionYear, "", true
		}
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), newsgraph.PrecisionDay, t.Format("15:04"), true
		}
	}
	return "", "", "", false
}

// titleKey reduces a line to lowercase letters and digits for comparison.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// sameTitle reports whether line is the headline: equal once reduced, or the
// title is "headline | site" and the line is the headline part.
func sameTitle(line, title string) bool {
	lk, tk := titleKey(line), titleKey(title)
	if lk == "" || tk == "" {
		return false
	}
	if lk == tk {
		return true
	}
	return utf8.RuneCountInString(lk) >= 15 && strings.HasPrefix(tk, lk) && len(lk)*10 >= len(tk)*6
}

// droppedHeadline returns the page's <h1> when it is the headline and
// trafilatura left it out of the body.
func droppedHeadline(root *html.Node, title string, paras []para) string {
	if title == "" {
		return ""
	}
	for _, h := range dom.GetElementsByTagName(root, "h1") {
		line := textOf(h)
		if !sameTitle(line, title) {
			continue
		}
		for _, p := range paras {
			if titleKey(p.text) == titleKey(line) {
				return ""
			}
		}
		return line
	}
	return ""
}

// bodyRunes counts the characters of the paragraphs.
func bodyRunes(paras []para) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p.text)
	}
	return n
}

// Article thresholds (see isArticle).
const (
	minArticleRunes    = 500  // total body text
	minSingleParaRunes = 1000 // a body of one paragraph must be this long, unless typed as an article
	longParaRunes      = 80   // a paragraph of running text
	minRunningShare    = 0.5  // share of the body in running text
	maxItemShare       = 0.6  // share of the body in list items for an untyped page
)

// nonArticleTypes are schema.org page types that are never articles.
var nonArticleTypes = map[string]bool{
	"collectionpage": true, "itemlist": true, "searchresultspage": true,
	"profilepage": true, "product": true, "organization": true, "person": true,
	"aboutpage": true, "contactpage": true, "faqpage": true, "event": true,
	"place": true, "localbusiness": true, "store": true,
}

// articleType reports whether a page type (schema.org @type or og:type)
// says article: Article, NewsArticle, BlogPosting, Report, ….
func articleType(t string) bool {
	t = strings.ToLower(t)
	return strings.Contains(t, "article") || strings.Contains(t, "posting") || strings.Contains(t, "report")
}

// isArticle decides, conservatively, whether the body is an article:
//   - the page type, when given, is not a listing or profile type
//     (CollectionPage, ItemList, Product, …);
//   - the body has at least minArticleRunes characters, and more than one
//     paragraph unless that one is minSingleParaRunes long or the page
//     declares itself an article;
//   - at least half of the text is running text: paragraphs or list items
//     of at least longParaRunes characters (headings and table rows do not
//     count), so link lists, teaser indexes and tables are not articles;
//   - on a page that does not declare itself an article, list items make
//     up at most maxItemShare of the text.
func isArticle(paras []para, pageType string) bool {
	if nonArticleTypes[strings.ToLower(strings.TrimSpace(pageType))] {
		return false
	}
	typed := articleType(pageType)
	total := bodyRunes(paras)
	if total < minArticleRunes {
		return false
	}
	if len(paras) < 2 && total < minSingleParaRunes && !typed {
		return false
	}
	running, items := 0, 0
	for _, p := range paras {
		n := utf8.RuneCountInString(p.text)
		if p.kind == kindItem {
			items += n
		}
		if (p.kind == kindText || p.kind == kindItem) && n >= longParaRunes {
			running += n
		}
	}
	if float64(running) < minRunningShare*float64(total) {
		return false
	}
	return typed || float64(items) <= maxItemShare*float64(total)
}
