package clean

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/pubdate"
)

// header is a crawl record's optional first line " date YYYY-MM[-DD] TEXT".
type header struct {
	present bool
	raw     string // the date as written
	date    pubdate.Date
	text    string
}

// parseHeader splits the header line off a record's text.
func parseHeader(text string) (header, string) {
	first, rest, _ := strings.Cut(text, "\n")
	f := strings.TrimLeft(first, " \t\ufeff")
	if !strings.HasPrefix(f, "date ") {
		return header{}, text
	}
	f = f[5:]
	end := strings.IndexAny(f, " \t\r")
	if end < 0 {
		end = len(f)
	}
	raw := f[:end]
	d, ok := pubdate.ParseHeader(raw)
	if !ok && !(len(raw) >= 7 && raw[4] == '-') {
		return header{}, text
	}
	h := header{present: true, raw: raw, date: d, text: trimSpace(f[end:])}
	return h, rest
}

// verdict is what the cleaner decided for one line.
type verdict struct {
	body bool
	kind string
}

// CleanRecord cleans one crawl text record: it decides for every line
// whether it is article body or boilerplate (and which kind), recovers the
// title, judges whether the page is an article and dates it. Language and the
// ID are left to the caller.
func (c *Cleaner) CleanRecord(text string, src newsgraph.Source) *newsgraph.Document {
	h, hl, lines, start, end := c.prepare(text)
	doc := &newsgraph.Document{Source: src}
	v := make([]verdict, len(lines))
	c.judgeRegion(lines, v, start, end)

	// The header's text: lead paragraph moved up, headline, first words, or furniture.
	headerKind := ""
	headerIsLead, headerTitle := false, false
	if hl != nil {
		headerKind, headerIsLead, headerTitle = c.judgeHeader(hl, lines, v)
	}

	// The lead: the first body paragraphs, some sixty words of them. The
	// paragraphs after the first are kept apart to spot a standfirst.
	lead, afterFirst := words{}, words{}
	leadWords, n := 0, 0
	if headerIsLead {
		contentWords(hl.text, lead)
		leadWords += hl.words
	}
	for i := 0; i < len(lines) && n < 4 && (leadWords < 60 || n < 2); i++ {
		if v[i].body {
			if n > 0 {
				contentWords(lines[i].text, afterFirst)
			}
			contentWords(lines[i].text, lead)
			leadWords += lines[i].words
			n++
		}
	}
	var titleHeader *line
	if headerTitle {
		titleHeader = hl
	}
	title, titleIdx := c.findTitle(titleHeader, lines, v, start, end, lead)
	if headerTitle && title != "" && nearCopy(normalize(title), hl.norm()) {
		headerKind = newsgraph.KindTitle
	}
	c.judgeOutside(lines, v, start, end, title)
	for _, i := range titleIdx {
		v[i] = verdict{kind: newsgraph.KindTitle}
	}
	c.markStandfirst(lines, v, afterFirst)

	// Assemble the record in the input's order.
	if hl != nil {
		if headerIsLead {
			doc.Paragraphs = append(doc.Paragraphs, hl.text)
		} else {
			doc.Boilerplate = append(doc.Boilerplate, newsgraph.BoilerplateLine{Text: hl.orig, Kind: headerKind})
		}
	}
	for i, l := range lines {
		if v[i].body {
			doc.Paragraphs = append(doc.Paragraphs, l.text)
		} else {
			doc.Boilerplate = append(doc.Boilerplate, newsgraph.BoilerplateLine{Text: l.orig, Kind: v[i].kind})
		}
	}
	doc.IsArticle = c.isArticle(lines, v, doc, hl, headerIsLead)
	if !doc.IsArticle && title == "" && countKind(doc.Boilerplate, newsgraph.KindCookie) < 3 {
		title = c.pageHeading(lines, v)
	}
	if doc.IsArticle && title == "" {
		if i, t := headlineAboveStamp(lines, start); t != "" {
			title = t
			if !v[i].body {
				doc.Boilerplate = relabel(doc.Boilerplate, lines[i].orig, newsgraph.KindTitle)
			}
		}
	}
	if title != "" {
		doc.Title = &title
	}
	doc.Published = c.recordDate(h, hl, lines, v, doc)
	return doc
}

// markLabelled marks the headline a "read more" label introduces on the
// next line as related, before anything looks for the page's headline.
func markLabelled(lines []*line) {
	for i := 0; i+1 < len(lines); i++ {
		n := lines[i+1]
		if lines[i].label && n.kind == "" && !n.label && !n.labelHead && !n.speaker && !n.body && n.words >= 3 {
			n.kind = newsgraph.KindRelated
			n.score = -0.6
		}
	}
}

// markCaptionCopies marks a caption printed twice, once without its credit:
// a line that the next line, a caption, repeats and extends.
func markCaptionCopies(lines []*line) {
	for i := 0; i+1 < len(lines); i++ {
		l, n := lines[i], lines[i+1]
		if l.kind == "" && n.kind == newsgraph.KindCaption && l.words >= 4 && len(n.text) > len(l.text) &&
			strings.HasPrefix(n.norm(), l.norm()) {
			l.kind, l.score = newsgraph.KindCaption, -0.6
		}
	}
}

// markLists keeps lists in the text: a sentence that announces a list
// ("The measures include:") and the short items after it, up to the next
// paragraph or piece of furniture.
func markLists(lines []*line) {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.kind != "" || l.words < 6 || !(strings.HasSuffix(l.text, ":") || strings.HasSuffix(l.text, "：")) || l.speaker {
			continue
		}
		l.listIntro = true
		l.headline = false
		l.score = max(l.score, 0.5)
		for j := i + 1; j < len(lines) && j <= i+15; j++ {
			n := lines[j]
			if n.kind != "" || n.label || n.labelHead || n.body || n.words == 0 || n.words > 30 || !looksLikeItem(n) {
				break
			}
			n.bullet, n.headline = true, false
			n.score = 0.3
		}
	}
}

// prepare splits a record into its header and lines, classifies them and
// finds the article region (end exclusive).
func (c *Cleaner) prepare(text string) (h header, hl *line, lines []*line, start, end int) {
	h, rest := parseHeader(text)
	for _, raw := range strings.Split(rest, "\n") {
		if !isBlank(raw) {
			lines = append(lines, &line{orig: trimSpace(raw)})
		}
	}
	if h.text != "" {
		hl = &line{orig: h.text}
		c.classify(hl, h.date)
	}
	for _, l := range lines {
		c.classify(l, h.date)
	}
	markLabelled(lines)
	markLists(lines)
	markCaptionCopies(lines)
	start, end = mainRegion(lines)
	return h, hl, lines, start, end
}

// looksLikeItem reports a list item's shape: a bullet or number, an ending
// in punctuation, or a lower-case start. A bare capitalised line after a
// colon is as likely a headline as an item, and is not taken.
func looksLikeItem(l *line) bool {
	if isBullet(l.text) || l.bullet {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(l.text)
	if strings.ContainsRune(".,;:!?)”\"»", last) {
		return !isUpperLine(l.text)
	}
	first, _ := utf8.DecodeRuneInString(l.text)
	return unicode.IsLower(first)
}

// mainRegion finds the span of lines with the largest total body score: the
// article. Furniture lines inside it are removed later; lines outside it are
// boilerplate. end is exclusive; start == end when there is no body.
func mainRegion(lines []*line) (start, end int) {
	best, sum := 0.0, 0.0
	s := 0
	for i, l := range lines {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += l.score
		if sum > best {
			best, start, end = sum, s, i+1
		}
	}
	return start, end
}

// judgeRegion decides the lines of the main region: body, subheads and
// transcript labels stay; furniture goes.
func (c *Cleaner) judgeRegion(lines []*line, v []verdict, start, end int) {
	for i := start; i < end; i++ {
		l := lines[i]
		switch {
		case l.kind != "":
			v[i] = verdict{kind: l.kind}
		case l.label:
			v[i] = verdict{kind: newsgraph.KindRelated}
			// The headline a label introduces goes with it.
			if i+1 < end && !lines[i+1].body && lines[i+1].kind == "" && !lines[i+1].speaker {
				v[i+1] = verdict{kind: newsgraph.KindRelated}
				lines[i+1].kind = newsgraph.KindRelated
			}
		case l.labelHead:
			v[i] = verdict{kind: newsgraph.KindRelated}
		case l.body || l.speaker || l.bullet || l.listIntro:
			v[i] = verdict{body: true}
		case l.headline && l.words >= 12 && !isTitleCase(l.text) && prevBodyLine(lines, i-1, start) && nextBodyLine(lines, i+1, end):
			v[i] = verdict{body: true} // a paragraph that lost its full stop
		case l.terminal && !l.question && l.words <= 3 && prevBodyLine(lines, i-1, start):
			v[i] = verdict{body: true} // "My pleasure." "He declined."
		case l.headline || l.words <= 2:
			// A subhead sits between body paragraphs and is short.
			prevBody := prevBodyLine(lines, i-1, start)
			nextBody := nextBodyLine(lines, i+1, end)
			if nextBody && (prevBody || i == start) && l.words <= 18 && !l.question {
				v[i] = verdict{body: true}
			} else if nextBody && prevBody && l.question && l.words <= 25 {
				v[i] = verdict{body: true} // interview questions
			} else if l.words <= 3 {
				v[i] = verdict{kind: newsgraph.KindNavigation}
			} else {
				v[i] = verdict{kind: newsgraph.KindHeadline}
			}
		default:
			v[i] = verdict{body: true}
		}
	}
	// A pull quote repeats words of a paragraph between quotation marks.
	for i := start; i < end; i++ {
		if v[i].body && isPullQuote(lines, v, i, start, end) {
			v[i] = verdict{kind: newsgraph.KindOther}
		}
	}
	// Repeated lines inside the body (a caption printed twice, a paragraph
	// duplicated by the crawler) are kept once.
	seen := map[string]bool{}
	for i := start; i < end; i++ {
		if !v[i].body || lines[i].speaker || lines[i].words < 5 {
			continue
		}
		if seen[lines[i].text] {
			v[i] = verdict{kind: newsgraph.KindOther}
		}
		seen[lines[i].text] = true
	}
}

// isPullQuote reports a line that is only a quotation whose words appear,
// in order, inside another body paragraph.
func isPullQuote(lines []*line, v []verdict, i, start, end int) bool {
	l := lines[i]
	if l.words < 4 || l.words > 30 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(l.text)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l.text, "."))
	if !strings.ContainsRune("\"“„«‘'「", first) || !strings.ContainsRune("\"”“»’'」", last) {
		return false
	}
	q := l.norm()
	for j := start; j < end; j++ {
		if j != i && v[j].body && len(lines[j].norm()) > len(q) && strings.Contains(lines[j].norm(), q) {
			return true
		}
	}
	return false
}

// prevBodyLine looks back past furniture lines for a body paragraph.
func prevBodyLine(lines []*line, from, start int) bool {
	for j := from; j >= start && j > from-4; j-- {
		if lines[j].body || lines[j].speaker {
			return true
		}
		if lines[j].kind == "" && !lines[j].label && !lines[j].labelHead {
			return false
		}
	}
	return false
}

func nextBodyLine(lines []*line, from, end int) bool {
	for j := from; j < end && j < from+3; j++ {
		if lines[j].kind != "" && lines[j].kind != newsgraph.KindAdvertisement {
			return false
		}
		if lines[j].body || lines[j].speaker {
			return true
		}
		if !lines[j].terminal && lines[j].words > 2 {
			return false
		}
	}
	return false
}

// judgeOutside decides the lines around the main region: all of them are
// boilerplate, of the kind their cues or shape and position say.
func (c *Cleaner) judgeOutside(lines []*line, v []verdict, start, end int, title string) {
	tnorm := normalize(title)
	afterComments := false
	for i, l := range lines {
		if i >= start && i < end {
			if l.kind == newsgraph.KindComment {
				afterComments = true
			}
			continue
		}
		kind := l.kind
		switch {
		case kind == newsgraph.KindComment:
			afterComments = true
		case kind != "":
		case l.label || l.labelHead:
			kind = newsgraph.KindRelated
			if l.label && i+1 < len(lines) && (i+1 < start || i+1 >= end) && lines[i+1].kind == "" && !lines[i+1].label {
				lines[i+1].kind = newsgraph.KindRelated
			}
		case tnorm != "" && nearCopy(l.norm(), tnorm):
			kind = newsgraph.KindTitle
		case afterComments && i >= end:
			kind = newsgraph.KindComment
		case l.headline && l.words >= 4:
			kind = newsgraph.KindHeadline
		case l.words <= 3 && !l.terminal:
			kind = newsgraph.KindNavigation
		case i < start && (l.body || l.words >= 15 && l.headline):
			kind = newsgraph.KindStandfirst
		case i < start && looksLikeName(l.text) && nearKind(lines, i, newsgraph.KindTimestamp, newsgraph.KindByline, newsgraph.KindTitle):
			kind = newsgraph.KindByline
		default:
			kind = newsgraph.KindOther
		}
		v[i] = verdict{kind: kind}
	}
}

// markStandfirst marks a summary that repeats the lead: a body line before
// the first paragraph whose words mostly reappear in the next paragraphs.
func (c *Cleaner) markStandfirst(lines []*line, v []verdict, next words) {
	first := -1
	for i := range lines {
		if v[i].body {
			first = i
			break
		}
	}
	if first < 0 || len(next) == 0 {
		return
	}
	l := lines[first]
	if l.words >= 14 && !strings.Contains(l.text, "(") {
		if overlap(wordSet(l.text), next) >= 0.75 && !looksLikeDateline(l.text) {
			v[first] = verdict{kind: newsgraph.KindStandfirst}
		}
	}
}

func looksLikeDateline(s string) bool {
	_, n, _ := pubdate.Dateline(s, pubdate.Date{})
	return n > 0
}

// judgeHeader decides what the header's text is.
//
// titleCandidate reports whether the header text may be the headline (it is
// not when it is the body's first words, a repeat of the first paragraph or
// recognised furniture).
func (c *Cleaner) judgeHeader(hl *line, lines []*line, v []verdict) (kind string, isLead, titleCandidate bool) {
	firstBody := -1
	for i := range lines {
		if v[i].body {
			firstBody = i
			break
		}
	}
	hn := hl.norm()
	if hn == "" {
		return newsgraph.KindHeader, false, false
	}
	if firstBody >= 0 {
		fb := lines[firstBody].norm()
		if fb == hn {
			return newsgraph.KindHeader, false, false // repeated below
		}
		if strings.HasPrefix(fb, hn) {
			return newsgraph.KindHeader, false, false // the body's first words
		}
	}
	if hl.kind != "" || hl.label || hl.labelHead || captionCredit(hl.text) || strings.HasPrefix(hl.text, "...") ||
		isUpperLine(hl.text) && hl.words <= 3 {
		return newsgraph.KindHeader, false, false // furniture: credit, alert, kicker
	}
	if hl.body || (hl.terminal && hl.words >= 10) {
		return "", true, false
	}
	return newsgraph.KindHeader, false, true
}

// findTitle picks the page's headline: the header text when it is one, else
// the headline-like line that shares most content words with the lead. It
// returns the cleaned title and the indexes of the lines that are it or
// near-copies of it.
func (c *Cleaner) findTitle(hl *line, lines []*line, v []verdict, start, end int, lead words) (string, []int) {
	type cand struct {
		text  string
		norm  string
		score float64
		idx   int // -1 for the header
	}
	var cands []cand
	consider := func(l *line, idx int) {
		if l.kind != "" && l.kind != newsgraph.KindRelated || l.label || l.labelHead || l.speaker || l.words < 2 || l.runes > 250 {
			return
		}
		if l.kind == newsgraph.KindRelated {
			return
		}
		if strings.HasSuffix(l.text, ":") || strings.HasSuffix(l.text, "：") || l.bullet || isBullet(l.text) {
			return
		}
		if idx >= end+3 {
			return // far below the article: other stories' headlines
		}
		if !l.headline && !(l.terminal && l.words <= 25 && !l.body) && !(l.body && l.words <= 30 && idx < start) {
			return
		}
		t := titleText(l.text, lead)
		ws := wordSet(t)
		if len(ws) == 0 {
			return
		}
		c := cand{text: t, norm: normalize(t), idx: idx}
		ov := overlap(ws, lead)
		sh := shared(ws, lead)
		if sh < 2 && !(sh >= 1 && len(ws) <= 3) {
			return
		}
		score := ov * math.Min(1, float64(len(ws))/6)
		switch {
		case idx < 0:
			score += 0.3
		case idx < start && start-idx <= 12:
			score += 0.15
		case idx >= end && idx-end <= 2:
			score += 0.1
		case idx >= end:
			score -= 0.15
		}
		// A headline printed twice is the page's headline; a line that
		// repeats a body paragraph is a standfirst or the lead, not it.
		tn := normalize(t)
		for j, o := range lines {
			if j == idx || o == l || len(o.text) > 3*len(t)+24 || len(t) > 3*len(o.text)+24 || !nearCopy(o.norm(), tn) {
				continue
			}
			if v[j].body {
				return
			}
			score += 0.25
			break
		}
		if l.body {
			score -= 0.2
		}
		if !hasLowerWord(t) && len(ws) <= 6 && !isUpperLine(t) {
			score -= 0.2 // a list of names: tags, sections
		}
		if l.words > 18 {
			score -= 0.015 * float64(l.words-18) // standfirsts are longer than headlines
		}
		c.score = score
		cands = append(cands, c)
	}
	if hl != nil {
		consider(hl, -1)
	}
	for i, l := range lines {
		if v[i].body && !(i == start && l.headline) {
			continue
		}
		consider(l, i)
	}
	var best *cand
	for i := range cands {
		if best == nil || cands[i].score > best.score {
			best = &cands[i]
		}
	}
	if best == nil || best.score < 0.3 {
		return "", nil
	}
	// A headline above the article beats one below it unless the one below
	// is clearly better (the seed's layout: the headline after the body).
	if best.idx >= end {
		for i := range cands {
			if cands[i].idx < start && cands[i].score >= best.score-0.2 {
				best = &cands[i]
				break
			}
		}
	}
	// Above the article, the headline comes before the standfirst: take the
	// first candidate that scores nearly as well as the best.
	if best.idx < start {
		for i := range cands {
			if cands[i].idx < start && cands[i].score >= best.score-0.12 {
				best = &cands[i]
				break
			}
		}
	}
	// The fullest version among its near-copies is the title.
	var idx []int
	title := best.text
	for i, l := range lines {
		if v[i].body && i != best.idx {
			continue
		}
		if i == best.idx || nearCopy(l.norm(), best.norm) || nearCopy(normalize(titleText(l.text, lead)), best.norm) {
			idx = append(idx, i)
			t := titleText(l.text, lead)
			if len([]rune(t)) > len([]rune(title)) && !strings.HasSuffix(t, "…") && !strings.HasSuffix(t, "...") && l.kind == "" && nearCopy(normalize(t), best.norm) {
				title = t
			}
		}
	}
	return title, idx
}

// hasLowerWord reports whether some word of s starts with a lower-case
// letter (headlines in sentence case do; tag and section lists don't).
func hasLowerWord(s string) bool {
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsLower(r[0]) {
			return true
		}
	}
	return false
}

// leadingClock matches a ticker time glued to a headline: "19:44Carrozza…".
var leadingClock = regexp.MustCompile(`^\d{1,2}:\d{2}\s?`)

// isTitleCase reports a line whose words are mostly capitalised.
func isTitleCase(s string) bool {
	f := strings.Fields(s)
	caps := 0
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		}
	}
	return len(f) > 0 && caps*10 >= len(f)*6
}

// titleDecoration matches labels that wire services and live pages put
// around a headline: "(2nd LD)", "(LEAD)", "[LIVE]", "(UPDATE 2)", "(종합)".
var titleDecoration = regexp.MustCompile(`(?i)^\s*(?:[\[(](?:\d+(?:st|nd|rd|th)\s+ld|lead|urgent|live|live updates|update\s*\d*|wrapup\s*\d*|news focus|news analysis|yonhap interview|breaking|exclusive|video|watch|photos?|종합\d?|\d보|속보|단독|영상|포토)[\])]\s*)+|(?:\s*[\[(](?:\d+(?:st|nd|rd|th)\s+ld|lead|update\s*\d*|종합\d?|\d보|video|photos?)[\])])+\s*$`)

// titleText turns a headline line into a title: decorations, a breadcrumb
// trail before it and an outlet or section suffix after it are removed.
func titleText(s string, lead words) string {
	s = strings.TrimSpace(leadingClock.ReplaceAllString(s, ""))
	for _, sep := range []string{" / ", " > ", " » ", " › "} {
		if parts := strings.Split(s, sep); len(parts) >= 2 {
			lastWords := len(strings.Fields(parts[len(parts)-1]))
			crumbs := true
			for _, p := range parts[:len(parts)-1] {
				if n := len(strings.Fields(p)); n == 0 || n > 3 {
					crumbs = false
				}
			}
			if crumbs && lastWords >= 4 {
				s = parts[len(parts)-1]
			}
		}
	}
	s = stripOutlet(s, lead)
	return stripOutlet(strings.TrimSpace(titleDecoration.ReplaceAllString(s, "")), lead)
}

// headlineAboveStamp is the fallback title of an article whose lead shares
// no words with any headline-shaped line: the headline-shaped line right
// above the timestamp or byline.
func headlineAboveStamp(lines []*line, start int) (int, string) {
	for i := 0; i+1 < len(lines) && i < start; i++ {
		l, n := lines[i], lines[i+1]
		if l.kind == "" && l.headline && !l.label && !l.labelHead && !l.bullet && l.words >= 3 && hasLowerWord(l.text) &&
			(n.kind == newsgraph.KindTimestamp || n.kind == newsgraph.KindByline) {
			return i, titleText(l.text, nil)
		}
	}
	return -1, ""
}

// relabel changes the kind of the boilerplate line with the given text.
func relabel(bp []newsgraph.BoilerplateLine, text, kind string) []newsgraph.BoilerplateLine {
	for i := range bp {
		if bp[i].Text == text {
			bp[i].Kind = kind
			break
		}
	}
	return bp
}

// pageHeading is the title of a page that is not an article when no line
// summarises a lead: its first heading-like line that is not furniture nor
// a name (an outlet's or a section's name has no lower-case word).
func (c *Cleaner) pageHeading(lines []*line, v []verdict) string {
	for i, l := range lines {
		if i > 8 {
			break
		}
		if l.kind != "" && l.kind != newsgraph.KindTitle || l.label || l.labelHead || l.words < 2 || l.words > 25 || l.body && !l.question {
			continue
		}
		if v[i].kind == newsgraph.KindNavigation && l.words <= 1 {
			continue
		}
		if (l.headline || l.question || l.words <= 4) && hasLowerWord(l.text) {
			return titleText(l.text, nil)
		}
	}
	return ""
}

// stripOutlet removes outlet, section and tagline suffixes and section
// prefixes: "Title - Outlet", "Title | Section", "Title — OUTLET - Independent
// news for the region", "Opinion | Title". A suffix goes when it is short and
// either a name (no lower-case word) or shares nothing with the story; a
// headline's own second half ("… – Naturschützer zählen Rekord") shares
// words with the lead and stays.
func stripOutlet(s string, lead words) string {
	if head, rest, ok := strings.Cut(s, " | "); ok && len(strings.Fields(head)) <= 2 && len(strings.Fields(rest)) >= 4 &&
		(vocabularyShare(strings.ToLower(head), sectionWords) >= 0.5 || !hasLowerWord(head)) {
		s = rest // "Opinion | …", "World | …"
	}
	for {
		cut := -1
		var tail string
		for _, sep := range []string{" | ", " - ", " — ", " – ", " :: ", " « ", " ｜ "} {
			if i := strings.LastIndex(s, sep); i > cut {
				cut, tail = i, s[i+len(sep):]
			}
		}
		if cut <= 0 {
			return s
		}
		head := s[:cut]
		if n := len(strings.Fields(tail)); n == 0 || n > 6 || len(strings.Fields(head)) < 3 {
			return s
		}
		if hasLowerWord(tail) && (lead == nil || shared(wordSet(tail), lead) > 0) {
			return s
		}
		s = strings.TrimSpace(head)
	}
}

// nearCopy reports whether two normalised lines are the same headline up to
// a prefix, suffix or a few words.
func nearCopy(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short)*3 < len(long) {
		return false
	}
	if len(short) >= 20 && (strings.HasPrefix(long, short) || strings.HasSuffix(long, short) || strings.Contains(long, short) && len(short)*2 > len(long)) {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 3 || len(wb) < 3 {
		return false
	}
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	inter := 0
	for _, w := range wb {
		if set[w] {
			inter++
		}
	}
	union := len(wa) + len(wb) - inter
	return float64(inter)/float64(union) >= 0.7
}

// recordDate dates a crawl record from, in order of trust: timestamp lines,
// a dateline opening the body, a full date in the first paragraphs that fits
// the header, then the header itself.
func (c *Cleaner) recordDate(h header, hl *line, lines []*line, v []verdict, doc *newsgraph.Document) newsgraph.Published {
	pub := newsgraph.Published{Raw: h.raw}
	ref := h.date
	set := func(d pubdate.Date, origin string) {
		pub.Date, pub.Precision, pub.Origin, pub.Time = d.String(), d.Precision, origin, d.Time
	}
	found := false
	// Timestamp lines. A listing page (not an article) carries its items'
	// timestamps, not its own: there the timestamps count only when they all
	// agree, or on a forum page, whose first post dates it.
	type stamp struct {
		d       pubdate.Date
		idx     int
		updated bool
	}
	var stamps []stamp
	first := firstBodyLine(v)
	// Header text that is itself a timestamp ("Sunday May 31, 2020") is the
	// page's own date, above everything else.
	if hl != nil && hl.timestamp {
		if d, ok := pubdate.Timestamp(unsquash(hl.text), ref); ok && !d.IsZero() {
			stamps = append(stamps, stamp{d, -1, isUpdateLine(hl.lower)})
		}
	}
	for i, l := range lines {
		// Timestamp lines, and above the article also lines that carry a
		// timestamp beside other furniture ("Published 09/08/2023 - 10:15
		// By Jane Doe - Reporter").
		if v[i].body || !l.timestamp && (i > first || l.words > 30) {
			continue
		}
		if d, ok := pubdate.Timestamp(unsquash(l.text), ref); ok && !d.IsZero() {
			stamps = append(stamps, stamp{d, i, isUpdateLine(l.lower)})
		}
	}
	sameDay := len(stamps) > 0
	for _, st := range stamps {
		sameDay = sameDay && st.d.String() == stamps[0].d.String()
	}
	forum := !doc.IsArticle && countCues(lines, forumCues, false) >= 4
	if len(stamps) > 0 && (doc.IsArticle || sameDay || forum) {
		// The article's own timestamp sits nearest above its text; a date
		// bar higher up is the site's "today", and an "updated" line is
		// later than the publication.
		best := stamps[0]
		if doc.IsArticle {
			for _, st := range stamps {
				if st.idx < first && !st.updated {
					best = st
				}
			}
		}
		set(best.d, newsgraph.OriginTimestamp)
		found = true
	}
	// Short furniture lines near the top that hold a full date ("All News
	// 18:42 November 15, 2022", "Source: AGENCY | 2022-09-14 | Editor: X").
	if !found && doc.IsArticle {
		first := len(lines)
		for i := range lines {
			if v[i].body {
				first = i
				break
			}
		}
		for i, l := range lines {
			if v[i].body || l.words > 16 || i > first+2 {
				continue
			}
			if f := pubdate.InText(unsquash(l.text)); len(f) > 0 && !f[0].Date.IsZero() {
				set(f[0].Date, newsgraph.OriginTimestamp)
				found = true
				break
			}
		}
	}
	// A dateline opens the first paragraph, or the second when a caption
	// or standfirst was left before it.
	for _, p := range doc.Paragraphs[:min(2, len(doc.Paragraphs))] {
		if found {
			break
		}
		if d, _, ok := pubdate.Dateline(p, ref); ok && !d.IsZero() {
			set(d, newsgraph.OriginDateline)
			found = true
		}
	}
	if !found && h.present && !ref.IsZero() {
		for _, p := range doc.Paragraphs[:min(2, len(doc.Paragraphs))] {
			for _, f := range pubdate.InText(p) {
				if f.Date.Year == ref.Year && (ref.Precision != newsgraph.PrecisionMonth || f.Date.Month == ref.Month) && ref.Precision != newsgraph.PrecisionDay {
					set(f.Date, newsgraph.OriginText)
					found = true
					break
				}
			}
			if found {
				break
			}
		}
	}
	if found {
		if h.present && !ref.IsZero() && !compatible(ref, pub.Date) {
			pub.Conflict = fmt.Sprintf("the header says %s but the %s says %s", h.raw, pub.Origin, pub.Date)
		}
		return pub
	}
	if h.present && !ref.IsZero() {
		set(ref, newsgraph.OriginHeader)
	}
	return pub
}

// compatible reports whether a text date agrees with the header's date at
// the header's precision.
func compatible(ref pubdate.Date, date string) bool {
	r := ref.String()
	return strings.HasPrefix(date, r) || strings.HasPrefix(r, date)
}

func countKind(lines []newsgraph.BoilerplateLine, kind string) int {
	n := 0
	for _, b := range lines {
		if b.Kind == kind {
			n++
		}
	}
	return n
}

func firstBodyLine(v []verdict) int {
	for i := range v {
		if v[i].body {
			return i
		}
	}
	return len(v)
}

// updateLabels open the "last updated" timestamp lines.
var updateLabels = []string{"updated", "last updated", "update:", "actualizado", "mis à jour", "mise à jour", "aktualisiert", "atualizado", "aggiornato",
	"обновлено", "оновлено", "수정", "更新", "diperbarui", "güncellendi", "cập nhật"}

func isUpdateLine(lower string) bool {
	for _, u := range updateLabels {
		if strings.HasPrefix(lower, u) {
			return true
		}
	}
	return false
}

// looksLikeName reports a line of two to four capitalised words without
// digits: a person's name as a byline ("Rachel Ngai", "HT Correspondent").
func looksLikeName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789:|") {
			return false
		}
	}
	return true
}

// nearKind reports whether a line within two lines of i has one of kinds.
func nearKind(lines []*line, i int, kinds ...string) bool {
	for j := max(0, i-2); j < min(len(lines), i+3); j++ {
		if j == i {
			continue
		}
		for _, k := range kinds {
			if lines[j].kind == k {
				return true
			}
		}
	}
	return false
}
