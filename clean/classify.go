package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/charset"
	"github.com/newsgraph/newsgraph/pubdate"
)

// classify fills the features of one line and the furniture kind its own
// text reveals (context decides the rest, in Clean).
func (c *Cleaner) classify(l *line, ref pubdate.Date) {
	l.text = l.orig
	if fixed, ok := charset.Repair(l.text); ok {
		l.text = fixed
	}
	if c0 := l.text[0]; (c0 == '<' || c0 == '&' || c0 == '[' || c0 == '{') && markupDebris.MatchString(l.text) {
		l.kind = newsgraph.KindMarkup
		l.score = -2
		return
	}
	l.text = cleanText(l.text)
	if l.text == "" {
		l.kind = newsgraph.KindMarkup
		l.score = -2
		return
	}
	l.runes = len([]rune(l.text))
	l.words, l.cjk = countWords(l.text)
	l.terminal, l.question = endsSentence(l.text)
	if l.runes <= 400 {
		l.lower = strings.ToLower(l.text)
	}
	if l.runes <= 400 {
		l.cue = normCue(l.text)
	}

	// Sentence-like and headline-like shapes. A headline is one sentence and
	// short; a line with a sentence break inside, or of more than twenty
	// words, reads as prose even without a closing full stop (an excerpt cut
	// off, a paragraph ending in a link).
	long := l.words > 20 && !hasTitleSeparator(l.text) || l.words >= 30 || (l.cjk && l.runes >= 60)
	prose := l.words >= 14 && hasSentenceBreak(l.text)
	l.body = (l.terminal && (l.words >= 8 || (l.cjk && l.runes >= 20))) || long || prose
	l.headline = !l.body && l.words >= 3 && l.runes <= 220 && (!l.terminal || l.question || strings.HasSuffix(l.text, "…"))
	l.bullet = isBullet(l.text) && l.words >= 4
	if l.bullet && (l.terminal || l.words >= 12) {
		l.headline = false // a list item of the text, not a list of headlines
	} else {
		l.bullet = false
	}

	if l.runes <= 220 || l.words <= 40 {
		c.matchCues(l, ref)
	}
	if l.kind == "" && !l.label && !l.labelHead {
		l.speaker = isSpeakerLabel(l.text)
	}
	switch {
	case l.kind == newsgraph.KindAdvertisement || l.kind == newsgraph.KindMarkup:
		l.score = -0.2 // interstitials: they sit between paragraphs of the article
	case l.kind == newsgraph.KindCaption || l.kind == newsgraph.KindCookie || l.clock || l.label || l.labelHead:
		l.score = -0.6
	case l.kind != "":
		l.score = -2.5
	case l.speaker:
		l.score = 0.5
	case l.body:
		l.score = 1 + min(float64(l.runes)/150, 2.5)
	case l.bullet:
		l.score = 0.3 // list items belong to the text around them
	case l.headline:
		l.score = -0.6
	case l.terminal && l.words >= 4:
		l.score = 0.4
	case l.terminal && !strings.HasSuffix(l.text, ":"):
		l.score = 0.1 // "My pleasure." "He declined."
	case l.words <= 2 && !l.terminal:
		l.score = -1.2
	default:
		l.score = -0.4
	}
}

// matchCues looks the line up among the multilingual furniture cues.
func (c *Cleaner) matchCues(l *line, ref pubdate.Date) {
	n := l.cue
	if kind, ok := c.lex.whole[n]; ok {
		l.kind = kind
		return
	}
	if c.lex.labels[n] || n == "" && l.runes <= 8 && strings.ContainsAny(l.text, ">»▶►") {
		l.label = true
		return
	}
	// "Read more: <headline>", ">>> <headline>", "RELATED: <headline>"
	if strings.HasPrefix(l.text, ">>") || strings.HasPrefix(l.text, "»") || strings.HasPrefix(l.text, "▶") || strings.HasPrefix(l.text, "►") || strings.HasPrefix(l.text, "☞") || strings.HasPrefix(l.text, "▷") {
		l.labelHead = true
		return
	}
	for _, p := range c.lex.labelPx {
		if strings.HasPrefix(n, p) {
			rest := strings.TrimLeft(l.lower[min(len(l.lower), strings.Index(l.lower, p)+len(p)):], " ")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, "»") || strings.HasPrefix(rest, ">") || strings.HasPrefix(rest, "|") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") {
				l.labelHead = true
				return
			}
		}
	}
	for _, p := range []string{"more from ", "more on ", "also on ", "more in "} {
		if strings.HasPrefix(n, p) {
			if i := strings.IndexAny(l.text, ":："); i > 0 && i < 50 && l.words > 4 {
				l.labelHead = true
				return
			}
		}
	}
	if l.words <= 4 && clockTime.MatchString(l.text) {
		l.kind = newsgraph.KindTimestamp
		l.clock = true // a live blog's entry time: sits between paragraphs
		return
	}
	if _, isTS := pubdate.Timestamp(unsquash(l.text), ref); isTS || l.words <= 8 && relativeTime.MatchString(l.text) {
		l.kind = newsgraph.KindTimestamp
		l.timestamp = true
		return
	}
	if isConsent(l.lower, l.words) {
		l.kind = newsgraph.KindCookie
		return
	}
	for _, p := range c.lex.prefix {
		if strings.HasPrefix(n, p.text) || strings.HasPrefix(l.lower, p.text) {
			// A prefix cue only marks short lines or lines whose shape is not
			// a sentence: "Updated" opens furniture, not "Updated figures show…".
			if p.kind == newsgraph.KindTimestamp && (l.words > 12 || l.body) {
				continue
			}
			if (p.kind == newsgraph.KindLegal || p.kind == newsgraph.KindTags) && l.body && l.words > 20 && !strings.HasPrefix(n, "©") && !strings.HasPrefix(n, "copyright ©") && !strings.HasPrefix(n, "copyright (c)") {
				continue
			}
			if p.kind == newsgraph.KindCookie && l.words > 80 {
				continue
			}
			l.kind = p.kind
			return
		}
	}
	if strings.Contains(l.text, "기자") && koreanByline.MatchString(l.text) || strings.Contains(l.text, "특파원") && koreanByline.MatchString(l.text) || (l.words <= 10 && bylineRE.MatchString(l.text) && !l.body && startsWithName(l.text)) {
		l.kind = newsgraph.KindByline
		return
	}
	if l.words <= 4 && adSize.MatchString(l.text) {
		l.kind = newsgraph.KindAdvertisement
		return
	}
	if galleryCounter.MatchString(l.text) {
		l.kind = newsgraph.KindCaption
		return
	}
	if l.words <= 120 && captionCredit(l.text) {
		l.kind = newsgraph.KindCaption
		return
	}
	if l.words <= 8 && creditSlug.MatchString(l.text) {
		l.kind = newsgraph.KindCredit
		return
	}
	if isHashtagLine(l.text) {
		l.kind = newsgraph.KindTags
		return
	}
	if isCounterLine(l.text) {
		l.kind = newsgraph.KindShare
		return
	}
	if l.words <= 30 && (deskNote.MatchString(l.text) || feedFooter.MatchString(l.text)) {
		l.kind = newsgraph.KindCredit
		return
	}
	if l.words <= 7 && strings.Contains(l.text, ",") && (strings.HasSuffix(l.lower, " news.") || strings.HasSuffix(l.lower, " news")) {
		l.kind = newsgraph.KindByline // a reporter's sign-off: "Jane Doe, Example News."
		return
	}
	if repeatsName(l.text) {
		l.kind = newsgraph.KindByline // an author card: "Jane Doe Jane Doe Her latest column…"
		return
	}
	if isEmailOrURL(l.text) {
		l.kind = newsgraph.KindByline
		return
	}
	if isLoneNumber(l.text) {
		l.kind = newsgraph.KindNavigation
		return
	}
	if isBreadcrumb(l.text) || strings.Count(l.text, " › ")+strings.Count(l.text, " » ") >= 2 || l.words >= 2 && vocabularyShare(l.lower, sectionWords) >= 0.6 {
		l.kind = newsgraph.KindNavigation
		return
	}
	if l.words >= 2 && vocabularyShare(l.lower, socialWords) >= 0.6 {
		l.kind = newsgraph.KindShare
		return
	}
	if strings.HasPrefix(l.text, "[") && strings.HasSuffix(l.text, "]") && strings.Contains(l.text, "=") && l.runes < 40 {
		l.kind = newsgraph.KindByline // "[Seoul = Reporter Kim]", "[서울=뉴시스]"
		return
	}
	if l.runes <= 200 {
		for _, p := range interfaceCues {
			if strings.Contains(l.lower, p) {
				l.kind = newsgraph.KindNavigation
				return
			}
		}
	}
	if l.runes <= 400 {
		for _, p := range containsCues {
			if strings.Contains(l.lower, p.text) && (l.words <= 40 || p.kind == newsgraph.KindCredit) {
				l.kind = p.kind
				return
			}
		}
	}
	if l.words <= 14 && strings.Contains(l.lower, "newsletter") && !l.terminal {
		l.kind = newsgraph.KindNavigation
	}
}

// sectionWords are the names of a news site's sections, in several
// languages: a line made mostly of them is a menu.
var sectionWords = wordTable(`home news world business sport sports opinion politics culture lifestyle video videos tech technology markets health science
	entertainment travel local national international economy climate weather podcasts podcast newsletters live programs obituaries education society
	environment u.s. us uk asia europe africa americas australia india china latest breakingviews investigations more menu e-edition photos magazine
	arts books food style money finance property cars jobs games puzzles crosswords interviews programm programs shows radio tv regional
	nachrichten politik wirtschaft kultur startseite panorama wissen reise meinung
	actualités actualites monde économie economie société societe culture sports idées
	noticias deportes política politica economía economia cultura sociedad opinión internacional
	notícias esportes economia política mundo
	notizie cronaca politica economia esteri sport spettacoli
	новости политика экономика общество спорт культура мир происшествия
	berita politik ekonomi olahraga hiburan teknologi nasional internasional
	뉴스 정치 경제 사회 국제 문화 스포츠 연예 오피니언
	新闻 国内 国际 财经 体育 娱乐 科技 军事 社会
	ニュース 政治 経済 国際 社会 スポーツ エンタメ
	haberler gündem ekonomi spor dünya siyaset
	tin thời sự kinh tế thể thao thế giới`)

// socialWords are share buttons' labels.
var socialWords = wordTable(`facebook twitter x whatsapp telegram linkedin email e-mail mail print reddit pinterest flipboard line messenger copy link copied
	share shares tweet vk weibo wechat kakaotalk kakao naver band tumblr sms threads bluesky mastodon like likes haha sad wow angry love
	teilen drucken kopieren partager imprimer compartir imprimir condividi stampa поделиться печать bagikan 공유 분享 分享 共有 paylaş
	فيسبوك تويتر واتساب تلغرام مشاركة شارك`)

func wordTable(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// vocabularyShare is the share of the line's words (lower case, stripped of
// punctuation and counts) found in the table; numbers count as found.
func vocabularyShare(lower string, table map[string]bool) float64 {
	if lower == "" {
		return 0
	}
	n, in := 0, 0
	for _, w := range strings.Fields(lower) {
		w = strings.Trim(w, ".,:;|()[]·•-–—&/+")
		if w == "" {
			continue
		}
		n++
		if table[w] || isLoneNumber(w) {
			in++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(in) / float64(n)
}

// startsWithName checks that a "By …" line goes on with a capitalised name.
func startsWithName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 {
		return false
	}
	r := []rune(f[1])
	return len(r) > 0 && (unicode.IsUpper(r[0]) || !unicode.IsLetter(r[0]) || unicode.Is(unicode.Cyrillic, r[0]) && unicode.IsUpper(r[0]))
}

// isSpeakerLabel recognises transcript speaker labels: "ANCHOR:",
// "[Soundbite] Name (Role):", "Role Name:", "[Reporter]", "Q:".
func isSpeakerLabel(s string) bool {
	if len(s) > 120 {
		s = s[:120] // a label opens its line
	}
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end > 0 && end < 40 && (strings.TrimSpace(s[end+1:]) == "" || strings.HasSuffix(s, ":")) {
			return true // "[Reporter]", "[Soundbite] Name (Role):"
		}
	}
	if i := strings.IndexAny(s, ":："); i > 0 && i < 60 {
		head := s[:i]
		words := strings.Fields(head)
		if len(words) >= 1 && len(words) <= 6 && !strings.ContainsAny(head, ",;") && onlyInitialDots(words) {
			upper := isUpperLine(head)
			titled := true
			for _, w := range words {
				r := []rune(strings.Trim(w, "()"))
				if len(r) > 0 && unicode.IsLetter(r[0]) && !unicode.IsUpper(r[0]) {
					titled = false
				}
			}
			rest := strings.TrimSpace(s[i+1:])
			capitalised := 0
			for _, w := range words {
				if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
					capitalised++
				}
			}
			return upper || (titled && rest == "") || (titled && strings.Contains(head, "(")) || (rest == "" && capitalised >= 2 && len(words) <= 5)
		}
	}
	return false
}

func isHashtagLine(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		if !strings.HasPrefix(w, "#") {
			return false
		}
	}
	return true
}

// isCounterLine matches social counters: "12 Comments", "1.2K shares", "345 views".
func isCounterLine(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) < 1 || len(f) > 4 {
		return false
	}
	hasNum := false
	for _, w := range f {
		if w != "" && (w[0] >= '0' && w[0] <= '9') {
			hasNum = true
			continue
		}
		switch strings.Trim(w, "():·|") {
		case "comments", "comment", "shares", "share", "views", "view", "likes", "like", "reads", "reactions", "replies",
			"commentaires", "kommentare", "comentarios", "комментариев", "комментария", "просмотров", "komentar", "댓글", "조회", "评论", "阅读", "":
		default:
			return false
		}
	}
	return hasNum
}

func isEmailOrURL(s string) bool {
	if strings.ContainsRune(s, ' ') {
		return false
	}
	at := strings.IndexByte(s, '@')
	if at > 0 && strings.Contains(s[at:], ".") {
		return true
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func isLoneNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune(" .,:/-+%()#", r) {
			return false
		}
	}
	return true
}

// isBreadcrumb matches "Home > World > Asia" and "News | Politics".
func isBreadcrumb(s string) bool {
	for _, sep := range []string{" > ", " » ", " / ", " | ", " › ", " • ", " · "} {
		parts := strings.Split(s, sep)
		if len(parts) < 2 {
			continue
		}
		short := true
		for _, p := range parts {
			if n := len(strings.Fields(p)); n == 0 || n > 3 {
				short = false
				break
			}
		}
		if short {
			return true
		}
	}
	return false
}

// relativeTime matches relative timestamps: "2 hours ago", "vor 2 Std.",
// "il y a 3 heures", "hace 5 minutos", "3 часа назад", "2 jam lalu",
// "3시간 전", "5小时前", "3時間前".
var relativeTime = regexp.MustCompile(`(?i)^(?:(?:updated|posted|published|aktualisiert|mis à jour|actualizado)\s*:?\s*)?(?:\d{1,3}\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?|months?|h|m|d)\s+ago|vor\s+\d{1,3}\s*(?:min\.?|minuten|std\.?|stunden|tagen?)|il y a\s+\d{1,3}\s*(?:min(?:utes?)?|h|heures?|jours?)|hace\s+\d{1,3}\s*(?:min(?:utos)?|h|horas?|días?)|há\s+\d{1,3}\s*(?:min(?:utos)?|h|horas?|dias?)|\d{1,3}\s*(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад|\d{1,3}\s*(?:menit|jam|hari)\s+(?:yang\s+)?lalu|\d{1,3}\s*(?:분|시간|일)\s*전|\d{1,3}\s*(?:分钟|小时|天)前|\d{1,3}\s*(?:分|時間|日)前|\d{1,3}\s*(?:dakika|saat|gün)\s+önce)\.?$`)

// consentWords mark consent banners in several languages.
var consentWords = []string{"consent", "your privacy", "privacy policy", "privacy settings", "personal data", "vie privée", "consentement", "données personnelles",
	"einwilligung", "datenschutzerklärung", "privacidad", "consentimiento", "privacidade", "consentimento", "consenso", "конфиденциальност", "согласие",
	"персональных данных", "개인정보", "동의", "隐私", "プライバシー", "gizlilik", "privasi", "persetujuan", "manage options", "legitimate interest", "intérêt légitime"}

func isConsent(lower string, words int) bool {
	if words > 90 {
		return false
	}
	n := 0
	if strings.Contains(lower, "cookie") || strings.Contains(lower, "куки") || strings.Contains(lower, "쿠키") {
		if words <= 8 {
			return true
		}
		n++
		for _, w := range []string{"we use", "accept", "agree", "settings", "browsing", "this site", "our site", "website", "experience", "preferences", "nous utilisons", "wir verwenden", "utilizamos", "usamos", "utilizziamo", "используем", "사용", "使用", "kullan", "menggunakan"} {
			if strings.Contains(lower, w) {
				n++
				break
			}
		}
	}
	for _, w := range consentWords {
		if strings.Contains(lower, w) {
			n++
		}
	}
	return n >= 2 && (words <= 45 || n >= 3)
}

// squashedTime finds a year run into a time of day ("November 15, 20224:12
// PM"), which crawlers produce when they join two text nodes.
var squashedTime = regexp.MustCompile(`\b((?:19|20)\d{2})(\d{1,2}:\d{2})`)

func unsquash(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	return squashedTime.ReplaceAllString(s, "$1 $2")
}

// tail returns about the last n bytes of s, cut at a rune boundary: the
// caption-credit pattern is anchored at the end, and matching only the tail
// keeps it cheap on long lines.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// adSize matches ad-slot placeholders: "300x250 Ad", "728x90".
var adSize = regexp.MustCompile(`(?i)^\d{2,4}\s?[x×]\s?\d{2,4}(?:\s?(?:ad|ads|advertisement|banner))?$`)

// clockTime matches a time of day alone, as live blogs stamp their entries:
// "14.02 BST", "9:30 a.m. ET", "20:05".
var clockTime = regexp.MustCompile(`(?i)^\d{1,2}[.:h]\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.))?(?:\s?(?:gmt|bst|utc|cet|cest|est|edt|cst|cdt|pst|pdt|et|pt|ist|kst|jst|wib|msk|hkt|sgt|aest|aedt)(?:[+-]\d{1,2})?)?$`)

// hasSentenceBreak reports a sentence end inside the line: a full stop after
// a lower-case word, then a capital ("… on Tuesday. Officials said"), not
// after a short abbreviation or initial.
func hasSentenceBreak(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		c := s[i]
		if c != '.' || s[i+1] != ' ' {
			continue // headlines may hold "?", "!" and ":" inside
		}
		if p, _ := utf8.DecodeLastRuneInString(s[:i]); !unicode.IsLower(p) && !unicode.IsDigit(p) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i+2:])
		if !unicode.IsUpper(r) && r != '"' && r != '\u201c' {
			continue
		}
		// The word before: "Mr.", "U.S.", "Jan." and initials don't end sentences.
		j := strings.LastIndexByte(s[:i], ' ') + 1
		word := s[j:i]
		if len(word) <= 3 || strings.Contains(word, ".") {
			continue
		}
		return true
	}
	return false
}

// isBullet reports a list item: "• text", "- text", "* text", "1. text".
func isBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '●', '▪', '◦', '‣', '·', '-', '–', '*', '■', '□', '◆', '▶':
		return len(s) > size && s[size] == ' '
	}
	if i := strings.IndexAny(s, ".)"); i > 0 && i <= 2 && isLoneNumber(s[:i]) && len(s) > i+1 && s[i+1] == ' ' {
		return true
	}
	return false
}

// onlyInitialDots allows full stops in a speaker label only after initials
// ("Ю. Грымов:", "J. Smith:").
func onlyInitialDots(words []string) bool {
	for _, w := range words {
		if strings.Contains(w, ".") && utf8.RuneCountInString(strings.TrimRight(w, ".")) > 2 {
			return false
		}
	}
	return true
}

// deskNote matches wire desk notes: "(ATTN: ADDS more info in paras 6, 10)",
// "(EDS: …)", "(CORRECTS spelling …)", "(UPDATES with …)".
var deskNote = regexp.MustCompile(`^[(\[](?:ATTN|EDS|EDITORS|CORRECTS?|UPDATES?|RECASTS?|ADDS|REFILE|REPEATS|FIXES|WRITETHRU)\b[^)\]]*[)\]]$`)

// feedFooter matches the line feeds and blog engines append: "The post X
// appeared first on Y.", "La entrada X se publicó primero en Y."
var feedFooter = regexp.MustCompile(`(?i)^(?:the post|la entrada|der beitrag|l['’]article|o post|il post|la publicación|запись)\b.{0,300}\b(?:appeared first on|se publicó primero en|erschien zuerst auf|est apparu en premier sur|apareceu primeiro em|è apparso per la prima volta su|впервые появилась)`)

// hasTitleSeparator reports " - ", " | " and the like, which join a headline
// to its outlet's name.
func hasTitleSeparator(s string) bool {
	return strings.Contains(s, " | ") || strings.Contains(s, " - ") || strings.Contains(s, " – ") || strings.Contains(s, " — ")
}

// repeatsName reports a line opening with the same two or three capitalised
// words twice, as author cards and teaser boxes render a name.
func repeatsName(s string) bool {
	f := strings.Fields(s)
	for n := 2; n <= 3; n++ {
		if len(f) < 2*n {
			continue
		}
		same := true
		for i := 0; i < n; i++ {
			r, _ := utf8.DecodeRuneInString(f[i])
			if f[i] != f[n+i] || !unicode.IsUpper(r) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}
