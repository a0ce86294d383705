package clean

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/pubdate"
)

// Page-type cues: phrases that give away a page that is not an article.
var (
	stubCues = []string{"read the full story", "read the full article", "read full story", "read full article", "continue reading at",
		"continue reading on", "click here to read", "the full article is available", "originally published at", "originally appeared on",
		"this article originally appeared", "view the original article", "read the original", "read more at", "full story at", "full story:",
		"lire l'article complet", "lire la suite sur", "den ganzen artikel lesen", "zum vollständigen artikel", "leer la nota completa", "lee la nota completa",
		"leia a matéria completa", "читать полностью", "читать далее на", "baca selengkapnya", "selengkapnya di", "기사 원문", "原文链接", "阅读全文", "続きを読む"}
	productCues = []string{"add to cart", "add to basket", "add to bag", "buy now", "in stock", "out of stock", "free shipping", "sku", "add to wishlist",
		"customer reviews", "write a review", "product details", "specifications", "quantity", "checkout", "price:", "our price",
		"in den warenkorb", "ajouter au panier", "añadir al carrito", "adicionar ao carrinho", "aggiungi al carrello", "в корзину", "купить",
		"장바구니", "구매하기", "加入购物车", "立即购买", "カートに入れる", "sepete ekle", "beli sekarang", "tambah ke keranjang", "thêm vào giỏ"}
	forumCues = []string{"posts:", "joined:", "reply with quote", "quote", "re:", "posted by", "thread starter", "member since", "registered user",
		"report post", "#1", "#2", "#3", "likes received", "forum", "topic starter", "new member", "senior member", "replies:", "views:",
		"beiträge:", "mitglied seit", "mensajes:", "registrado:", "сообщений:", "регистрация:", "답글", "回复", "楼主", "返信"}
	searchCues = []string{"recent searches", "clear history", "clear search history", "검색기록", "최근 검색어", "검색기록 지우기", "historial de búsqueda", "search results", "results for", "sort by", "showing results", "no results found", "filter by", "refine your search",
		"résultats de recherche", "suchergebnisse", "resultados de búsqueda", "результаты поиска", "hasil pencarian", "검색결과", "搜索结果", "検索結果"}
	faqCues = []string{"frequently asked questions", "faq", "faqs", "help center", "help centre", "how can we help", "contact support", "was this article helpful",
		"questions fréquentes", "häufig gestellte fragen", "preguntas frecuentes", "perguntas frequentes", "часто задаваемые вопросы", "자주 묻는 질문", "常见问题", "よくある質問"}
	mtCues = []string{"translated by automatic translator", "machine translated", "machine-translated", "automatically translated", "this article was translated",
		"auto-translated", "translated automatically", "original article:", "traduit automatiquement", "automatisch übersetzt", "traducido automáticamente",
		"tradotto automaticamente", "автоматический перевод", "자동 번역", "机器翻译", "機械翻訳"}
	teaserTails = []string{"read more", "read more »", "continue reading", "more »", "more>>", "lire la suite", "weiterlesen", "leer más", "leia mais",
		"leggi tutto", "читать далее", "selengkapnya", "더보기", "阅读全文", "続きを読む", "devamını oku", "xem tiếp"}
	// archiveCues head tag, category, author and archive pages, and
	// running news tickers: the page lists posts even when it shows one.
	archiveCues = []string{"posts tagged", "tag archives", "tag archive", "category archives", "category archive", "archives for", "archive for",
		"author archives", "all posts by", "posts by", "articles by", "articles tagged", "browsing category", "browsing tag", "stories tagged",
		"you are browsing", "showing posts", "entries tagged", "ultima ora", "ultim'ora", "últimas noticias", "lo último", "dernières infos",
		"fil info", "neueste nachrichten", "ticker", "последние новости", "лента новостей", "berita terkini", "indeks berita", "son dakika haberleri",
		"実況", "滚动新闻", "속보 목록", "archivo de", "archives du", "archiv:", "schlagwort:", "etiqueta:", "tag:", "arsip"}
	indexCues = []string{"weitere artikel laden", "mehr laden", "mehr artikel", "charger plus", "voir plus d'articles", "cargar más", "ver más noticias", "carregar mais",
		"загрузить ещё", "загрузить еще", "показать ещё", "muat lebih banyak", "berita lainnya", "더보기", "기사 더보기", "加载更多", "もっと見る", "daha fazla yükle", "xem thêm tin",
		"seite 1 von", "page 1 of", "next page", "older posts", "newer posts", "load more", "archive", "archives", "all stories", "latest articles",
		"page suivante", "nächste seite", "página siguiente", "следующая страница", "halaman berikutnya", "다음 페이지", "下一页", "次のページ"}
)

func countCues(lines []*line, cues []string, exact bool) int {
	n := 0
	for _, l := range lines {
		if l.runes > 160 {
			continue
		}
		c := l.cue
		for _, q := range cues {
			if exact && c == q || !exact && (strings.HasPrefix(c, q) || l.runes <= 80 && strings.Contains(l.lower, q)) {
				n++
				break
			}
		}
	}
	return n
}

// isArticle judges whether the page is a news article (or a transcript or
// live blog, which count as articles) rather than an index, teaser list,
// product, help, forum, search or stub page or a cookie wall.
func (c *Cleaner) isArticle(lines []*line, v []verdict, doc *newsgraph.Document, hl *line, headerIsLead bool) bool {
	bodyRunes, bodyParas, sentences := 0, 0, 0
	cjk := false
	for i, l := range lines {
		if v[i].body {
			bodyRunes += l.runes
			bodyParas++
			if l.body {
				sentences++
			}
			cjk = cjk || l.cjk || !cjk && hasHangul(l.text) && hangulShare(l.text) > 0.5
		}
	}
	if headerIsLead && hl != nil {
		bodyRunes += hl.runes
		bodyParas++
		sentences++
	}
	minRunes := 280
	if cjk {
		minRunes = 110
	}
	if bodyRunes < minRunes || sentences == 0 {
		return false
	}
	if bodyParas <= 3 && bodyRunes < 900 && countCues(lines, stubCues, false) > 0 {
		return false
	}
	cookies := countKind(doc.Boilerplate, newsgraph.KindCookie)
	if cookies >= 2 && (bodyRunes < 400 || cookies >= max(3, bodyParas)) {
		return false
	}
	if countCues(lines, productCues, false) >= 3 {
		return false
	}
	if countCues(lines, forumCues, false) >= 4 {
		return false
	}
	if countCues(lines, searchCues, false) >= 1 && bodyRunes < 2000 {
		return false
	}
	if countCues(lines, faqCues, true) >= 1 {
		questions := 0
		for _, l := range lines {
			if l.question {
				questions++
			}
		}
		if questions >= 3 {
			return false
		}
	}
	if countCues(lines, mtCues, false) > 0 {
		return false
	}
	if archiveHeading(lines, v) {
		return false
	}
	tails := 0
	for _, l := range lines {
		if readMore[l.cue] {
			tails++ // a "Continue reading…" link under a teaser
			continue
		}
		if l.terminal && !strings.HasSuffix(l.text, "...") {
			continue
		}
		for _, t := range teaserTails {
			if l.words > 4 && strings.HasSuffix(strings.TrimRight(strings.ToLower(tail(l.text, 40)), ".…»>› "), t) {
				tails++
				break
			}
		}
	}
	if tails >= 2 {
		return false
	}
	if keywordStuffed(lines, v) {
		return false
	}
	// Sections: a teaser list alternates headline and one blurb; an article's
	// subheads each lead several paragraphs.
	heads, blurbs := 0, 0
	for i := range lines {
		if !v[i].body || !lines[i].headline || lines[i].question || lines[i].speaker {
			continue
		}
		heads++
		n := 0
		for j := i + 1; j < len(lines) && !(v[j].body && lines[j].headline); j++ {
			if v[j].body {
				n++
			}
		}
		if n <= 1 {
			blurbs++
		}
	}
	if heads >= 3 && blurbs*4 >= heads*3 && !introBeforeSections(lines, v) {
		return false
	}
	// Several stories in a row, each opening with its own dateline: a
	// ticker or an index, not one article.
	if datelines(lines, v) >= 2 && heads >= 1 {
		return false
	}
	// Teaser lists and index pages: many headlines, little connected text.
	headlines := 0
	for i, l := range lines {
		if !v[i].body && (v[i].kind == newsgraph.KindHeadline || v[i].kind == newsgraph.KindRelated) && l.words >= 4 {
			headlines++
		}
	}
	if headlines >= 5 && headlines >= 2*bodyParas && bodyRunes < 1500 {
		return false
	}
	if countCues(lines, indexCues, true) >= 1 && bodyParas <= 4 && headlines >= 4 {
		return false
	}
	// A region of alternating headline + one-sentence blurb is a teaser list.
	alternating := 0
	for i := 1; i < len(lines); i++ {
		if v[i].body && lines[i].words <= 40 && lines[i-1].headline && v[i-1].body {
			alternating++
		}
	}
	if alternating >= 4 && alternating*2 >= bodyParas {
		return false
	}
	return true
}

// keywordStuffed recognises SEO copies: one word pair repeated far more
// often than prose repeats anything.
func keywordStuffed(lines []*line, v []verdict) bool {
	total := 0
	for i, l := range lines {
		if v[i].body {
			total += l.words
		}
	}
	paras := 0
	for i := range lines {
		if v[i].body {
			paras++
		}
	}
	if total > 450 || paras > 8 {
		return false // stuffed copies are short; long prose needs no check
	}
	counts := map[uint64]int{}
	n, top := 0, 0
	var prev, h uint64
	letters := 0
	var short []rune
	end := func() {
		if letters >= 3 && !(letters <= 4 && stopwords[string(short)]) {
			if prev != 0 {
				k := prev*31 + h
				counts[k]++
				top = max(top, counts[k])
			}
			prev = h
		} else if letters > 0 {
			prev = 0
		}
		if letters > 0 {
			n++
		}
		h, letters, short = 14695981039346656037, 0, short[:0]
	}
	h = 14695981039346656037
	for i, l := range lines {
		if !v[i].body {
			continue
		}
		prev = 0
		for _, r := range l.text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				r = unicode.ToLower(r)
				h = (h ^ uint64(r)) * 1099511628211
				letters++
				if letters <= 4 {
					short = append(short, r)
				}
				continue
			}
			end()
		}
		end()
		prev = 0
	}
	return top >= 6 && float64(top)/float64(max(n, 1)) > 0.025
}

// hangulShare is the share of Hangul among the letters of s (Korean packs
// more into fewer characters than alphabetic scripts).
func hangulShare(s string) float64 {
	h, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if r >= 0xac00 && r <= 0xd7a3 {
				h++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(h) / float64(letters)
}

func hasHangul(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xea || s[i] == 0xeb || s[i] == 0xec || s[i] == 0xed { // UTF-8 lead bytes of U+A000–U+DFFF
			return true
		}
	}
	return false
}

// introBeforeSections reports an introduction (a full paragraph) before the
// first subhead: a listicle or a year in review, not a teaser list.
func introBeforeSections(lines []*line, v []verdict) bool {
	words := 0
	for i := range lines {
		if !v[i].body {
			continue
		}
		if lines[i].headline {
			break
		}
		words += lines[i].words
	}
	// A teaser's blurb is a sentence or two; an introduction is longer.
	return words >= 45
}

// datelines counts body paragraphs that open with a wire dateline, each
// distinct opening once (a page that prints its story twice is one story).
func datelines(lines []*line, v []verdict) int {
	seen := map[string]bool{}
	for i, l := range lines {
		if v[i].body && l.body {
			if _, p, _ := pubdate.Dateline(l.text, pubdate.Date{}); p > 0 {
				r := []rune(l.text)
				seen[normalize(string(r[:min(len(r), p+40)]))] = true
			}
		}
	}
	return len(seen)
}

// readMore are the links under teasers, as whole lines.
var readMore = map[string]bool{"read more": true, "continue reading": true, "read full story": true, "read the full story": true, "more": false,
	"lire la suite": true, "lire plus": true, "weiterlesen": true, "mehr lesen": true, "leer más": true, "seguir leyendo": true, "leia mais": true,
	"continue lendo": true, "leggi tutto": true, "continua a leggere": true, "читать далее": true, "читать полностью": true, "подробнее": true,
	"selengkapnya": true, "baca selengkapnya": true, "devamını oku": true, "xem tiếp": true, "더보기": true, "阅读全文": true, "続きを読む": true}

// archiveHeading reports a tag, category, author or ticker page by its
// heading: a short line above the first body paragraph that opens with an
// archive cue ("Posts Tagged 'Saint-Petersburg'", "Tag Archives: Brexit").
func archiveHeading(lines []*line, v []verdict) bool {
	for i, l := range lines {
		if v[i].body || i > 12 {
			return false
		}
		if l.words > 10 || l.lower == "" || l.kind == newsgraph.KindTags {
			continue
		}
		for _, c := range archiveCues {
			if strings.HasPrefix(l.lower, c) {
				return true
			}
		}
	}
	return false
}
