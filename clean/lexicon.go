package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

// A cue is a lower-case phrase that marks a line as furniture of one kind.
// Cues are multilingual on purpose: crawled news comes in many languages and
// the furniture's wording differs while its shape does not.
type cue struct {
	kind string
	// whole: the line must be exactly the phrase (after trimming punctuation
	// and counters); otherwise the line must start with it.
	whole bool
	text  string
}

// labelCues introduce an injected headline or a link list ("Read more: …").
// A line that is only the label is furniture, and so is the one headline that
// follows it.
var labelCues = []string{
	"read more", "read also", "also read", "see also", "related", "related articles", "related stories",
	"related news", "related content", "related coverage", "related topics", "related links", "more from", "more on this",
	"more stories", "more news", "recommended", "recommended for you", "you may also like", "you might also like",
	"you may like", "don't miss", "dont miss", "must read", "trending", "trending now", "most read", "most popular", "most viewed",
	"popular", "popular stories", "latest news", "latest stories", "latest", "top stories", "editor's picks", "editors' picks",
	"further reading", "suggested", "watch", "watch:", "listen", "opinion", "explainer", "what's next", "in other news",
	"lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "à voir aussi", "lire la suite", "sur le même sujet", "à lire", "les plus lus",
	"lesen sie auch", "lesen sie mehr", "auch interessant", "mehr zum thema", "das könnte sie auch interessieren", "weitere artikel", "meistgelesen",
	"lee también", "lea también", "mirá también", "mira también", "ver más", "te puede interesar", "le puede interesar", "leer más", "ver también", "más información", "noticias relacionadas", "lo más leído",
	"leia também", "leia mais", "veja também", "saiba mais", "mais lidas",
	"leggi anche", "potrebbe interessarti", "leggi di più", "articoli correlati", "più letti",
	"читайте также", "читайте також", "смотрите также", "по теме", "читать далее", "читайте еще", "читайте ещё", "подробнее", "популярное", "дивіться також",
	"baca juga", "baca", "simak juga", "lihat juga", "berita terkait", "terpopuler",
	"إقرأ أيضا", "اقرأ أيضا", "اقرأ ايضا", "إقرأ أيضاً", "اقرأ أيضاً", "إقرأ المزيد", "اقرأ المزيد", "شاهد أيضا", "مواضيع ذات صلة",
	"相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "相关报道", "更多新闻", "热门新闻",
	"관련기사", "관련 기사", "관련뉴스", "함께 볼만한 뉴스", "많이 본 뉴스", "추천 기사",
	"関連記事", "あわせて読みたい", "関連ニュース", "おすすめ記事",
	"ayrıca okuyun", "ilginizi çekebilir", "ilgili haberler", "ayrıca bakınız",
	"xem thêm", "đọc thêm", "tin liên quan",
	"czytaj także", "czytaj też", "zobacz też", "zobacz także",
	"lees ook", "lees meer", "läs också", "läs mer", "les også", "læs også",
	"διαβάστε επίσης", "קרא גם",
}

// cues lists whole-line phrases and line prefixes that mark furniture.
var cues = []cue{
	// advertisement
	{newsgraph.KindAdvertisement, true, "advertisement"}, {newsgraph.KindAdvertisement, true, "advertisment"},
	{newsgraph.KindAdvertisement, true, "ad"}, {newsgraph.KindAdvertisement, true, "ads"}, {newsgraph.KindAdvertisement, true, "sponsored"},
	{newsgraph.KindAdvertisement, true, "sponsored content"}, {newsgraph.KindAdvertisement, false, "story continues below"},
	{newsgraph.KindAdvertisement, false, "article continues below"}, {newsgraph.KindAdvertisement, false, "continue reading below"},
	{newsgraph.KindAdvertisement, false, "story continues after"}, {newsgraph.KindAdvertisement, false, "article continues after"},
	{newsgraph.KindAdvertisement, true, "scroll to continue"}, {newsgraph.KindAdvertisement, true, "scroll to continue with content"},
	{newsgraph.KindAdvertisement, true, "continue reading"}, {newsgraph.KindAdvertisement, true, "publicité"},
	{newsgraph.KindAdvertisement, true, "anzeige"}, {newsgraph.KindAdvertisement, true, "werbung"}, {newsgraph.KindAdvertisement, true, "publicidad"},
	{newsgraph.KindAdvertisement, true, "pubblicità"}, {newsgraph.KindAdvertisement, true, "publicidade"}, {newsgraph.KindAdvertisement, true, "реклама"},
	{newsgraph.KindAdvertisement, true, "iklan"}, {newsgraph.KindAdvertisement, true, "광고"}, {newsgraph.KindAdvertisement, true, "广告"},
	{newsgraph.KindAdvertisement, true, "広告"}, {newsgraph.KindAdvertisement, true, "reklam"}, {newsgraph.KindAdvertisement, true, "quảng cáo"},
	{newsgraph.KindAdvertisement, true, "إعلان"}, {newsgraph.KindAdvertisement, true, "реклама."}, {newsgraph.KindAdvertisement, true, "advertising"},
	{newsgraph.KindAdvertisement, false, "the article continues after"}, {newsgraph.KindCaption, false, "file photo:"}, {newsgraph.KindCaption, false, "file photo -"},
	{newsgraph.KindCaption, false, "photo:"}, {newsgraph.KindCaption, false, "photos:"}, {newsgraph.KindCaption, false, "image:"}, {newsgraph.KindCaption, false, "watch:"}, {newsgraph.KindAdvertisement, false, "der artikel wird nach der anzeige fortgesetzt"},
	{newsgraph.KindAdvertisement, false, "la suite après cette publicité"}, {newsgraph.KindAdvertisement, false, "weiter nach der anzeige"},
	{newsgraph.KindAdvertisement, false, "продолжение после рекламы"}, {newsgraph.KindAdvertisement, false, "scroll untuk melanjutkan"},
	{newsgraph.KindAdvertisement, false, "gulir untuk melanjutkan"}, {newsgraph.KindAdvertisement, false, "continúa después de la publicidad"},
	// share and social
	{newsgraph.KindShare, true, "share"}, {newsgraph.KindShare, true, "share this"}, {newsgraph.KindShare, true, "share this article"},
	{newsgraph.KindShare, true, "share this story"}, {newsgraph.KindShare, true, "share article"}, {newsgraph.KindShare, true, "share on facebook"},
	{newsgraph.KindShare, true, "share on twitter"}, {newsgraph.KindShare, true, "tweet"}, {newsgraph.KindShare, true, "facebook"},
	{newsgraph.KindShare, true, "twitter"}, {newsgraph.KindShare, true, "whatsapp"}, {newsgraph.KindShare, true, "linkedin"},
	{newsgraph.KindShare, true, "telegram"}, {newsgraph.KindShare, true, "email"}, {newsgraph.KindShare, true, "e-mail"}, {newsgraph.KindShare, true, "print"},
	{newsgraph.KindShare, true, "copy link"}, {newsgraph.KindShare, true, "link copied"}, {newsgraph.KindShare, true, "pinterest"}, {newsgraph.KindShare, true, "reddit"},
	{newsgraph.KindShare, false, "follow us"}, {newsgraph.KindShare, false, "follow us on"}, {newsgraph.KindShare, false, "share this:"},
	{newsgraph.KindShare, false, "click to share"}, {newsgraph.KindShare, false, "share via"}, {newsgraph.KindShare, true, "like"},
	{newsgraph.KindShare, true, "partager"}, {newsgraph.KindShare, true, "partager cet article"}, {newsgraph.KindShare, true, "teilen"}, {newsgraph.KindShare, true, "artikel teilen"},
	{newsgraph.KindShare, true, "compartir"}, {newsgraph.KindShare, true, "compartilhar"}, {newsgraph.KindShare, true, "condividi"},
	{newsgraph.KindShare, true, "поделиться"}, {newsgraph.KindShare, true, "поділитися"}, {newsgraph.KindShare, true, "bagikan"}, {newsgraph.KindShare, true, "bagikan artikel"},
	{newsgraph.KindShare, true, "공유"}, {newsgraph.KindShare, true, "공유하기"}, {newsgraph.KindShare, true, "分享"}, {newsgraph.KindShare, true, "分享到"}, {newsgraph.KindShare, true, "共有"},
	{newsgraph.KindShare, true, "paylaş"}, {newsgraph.KindShare, true, "chia sẻ"}, {newsgraph.KindShare, true, "مشاركة"}, {newsgraph.KindShare, true, "شارك"},
	{newsgraph.KindShare, false, "folgen sie uns"}, {newsgraph.KindShare, false, "suivez-nous"}, {newsgraph.KindShare, false, "síguenos"},
	{newsgraph.KindShare, false, "подписывайтесь на"}, {newsgraph.KindShare, false, "ikuti kami"}, {newsgraph.KindNavigation, false, "sign up for our newsletter"},
	{newsgraph.KindNavigation, false, "subscribe to our newsletter"}, {newsgraph.KindShare, false, "get the latest news"}, {newsgraph.KindShare, false, "download our app"},
	{newsgraph.KindShare, false, "join our whatsapp"}, {newsgraph.KindShare, false, "join our telegram"}, {newsgraph.KindShare, false, "abonnez-vous à notre newsletter"},
	// cookies and consent
	{newsgraph.KindCookie, false, "we use cookies"}, {newsgraph.KindCookie, false, "this site uses cookies"}, {newsgraph.KindCookie, false, "this website uses cookies"},
	{newsgraph.KindCookie, false, "by continuing to use"}, {newsgraph.KindCookie, false, "by using this site"}, {newsgraph.KindCookie, true, "accept all"},
	{newsgraph.KindCookie, true, "accept cookies"}, {newsgraph.KindCookie, true, "reject all"}, {newsgraph.KindCookie, true, "manage preferences"},
	{newsgraph.KindCookie, true, "cookie settings"}, {newsgraph.KindCookie, true, "cookie policy"}, {newsgraph.KindCookie, true, "i agree"}, {newsgraph.KindCookie, true, "i accept"},
	{newsgraph.KindCookie, true, "agree"}, {newsgraph.KindCookie, true, "accept"}, {newsgraph.KindCookie, true, "got it"}, {newsgraph.KindCookie, true, "ok, i understand"},
	{newsgraph.KindCookie, false, "nous utilisons des cookies"}, {newsgraph.KindCookie, true, "tout accepter"}, {newsgraph.KindCookie, true, "tout refuser"},
	{newsgraph.KindCookie, false, "wir verwenden cookies"}, {newsgraph.KindCookie, false, "diese website verwendet cookies"}, {newsgraph.KindCookie, true, "alle akzeptieren"},
	{newsgraph.KindCookie, true, "zustimmen"}, {newsgraph.KindCookie, false, "utilizamos cookies"}, {newsgraph.KindCookie, false, "este sitio utiliza cookies"},
	{newsgraph.KindCookie, true, "aceptar"}, {newsgraph.KindCookie, true, "aceptar todo"}, {newsgraph.KindCookie, false, "utilizziamo i cookie"}, {newsgraph.KindCookie, true, "accetta"},
	{newsgraph.KindCookie, false, "мы используем cookie"}, {newsgraph.KindCookie, false, "мы используем файлы cookie"}, {newsgraph.KindCookie, true, "принять"},
	{newsgraph.KindCookie, false, "kami menggunakan cookie"}, {newsgraph.KindCookie, false, "쿠키"}, {newsgraph.KindCookie, false, "本网站使用cookie"},
	{newsgraph.KindCookie, false, "çerez"}, {newsgraph.KindCookie, true, "we value your privacy"}, {newsgraph.KindCookie, true, "your privacy choices"},
	{newsgraph.KindCookie, true, "your privacy"}, {newsgraph.KindCookie, true, "privacy settings"}, {newsgraph.KindCookie, true, "nous respectons votre vie privée"},
	{newsgraph.KindCookie, true, "respectons votre vie privée"}, {newsgraph.KindCookie, true, "wir respektieren ihre privatsphäre"}, {newsgraph.KindCookie, true, "datenschutzeinstellungen"},
	{newsgraph.KindCookie, true, "valoramos tu privacidad"}, {newsgraph.KindCookie, true, "tu privacidad"}, {newsgraph.KindCookie, true, "la tua privacy"},
	{newsgraph.KindCookie, true, "refuser"}, {newsgraph.KindCookie, true, "accepter"}, {newsgraph.KindCookie, true, "accepter & fermer"}, {newsgraph.KindCookie, true, "accepter et fermer"},
	{newsgraph.KindCookie, true, "ablehnen"}, {newsgraph.KindCookie, true, "rechazar"}, {newsgraph.KindCookie, true, "rifiuta"}, {newsgraph.KindCookie, true, "отклонить"}, {newsgraph.KindCookie, false, "utilizamos cookies"},
	// paywall
	{newsgraph.KindPaywall, false, "subscribe to continue"}, {newsgraph.KindPaywall, false, "subscribe to read"}, {newsgraph.KindPaywall, false, "subscribe now"},
	{newsgraph.KindPaywall, false, "this article is for subscribers"}, {newsgraph.KindPaywall, false, "this content is for subscribers"}, {newsgraph.KindPaywall, false, "to continue reading"},
	{newsgraph.KindPaywall, false, "already a subscriber"}, {newsgraph.KindPaywall, false, "already subscribed"}, {newsgraph.KindPaywall, false, "sign in to read"},
	{newsgraph.KindPaywall, false, "log in to continue"}, {newsgraph.KindPaywall, false, "you have reached your"}, {newsgraph.KindPaywall, false, "you've reached your"},
	{newsgraph.KindPaywall, false, "free articles"}, {newsgraph.KindPaywall, false, "unlock this article"}, {newsgraph.KindPaywall, false, "become a member"},
	{newsgraph.KindPaywall, false, "subscribers only"}, {newsgraph.KindPaywall, false, "for subscribers only"}, {newsgraph.KindPaywall, false, "start your free trial"},
	{newsgraph.KindPaywall, false, "abonnez-vous"}, {newsgraph.KindPaywall, false, "article réservé aux abonnés"}, {newsgraph.KindShare, true, "email this article"},
	{newsgraph.KindShare, true, "print this article"}, {newsgraph.KindShare, true, "share this article"}, {newsgraph.KindByline, false, "article rédigé par"},
	{newsgraph.KindByline, false, "rédigé par"}, {newsgraph.KindByline, false, "verfasst von"}, {newsgraph.KindByline, false, "escrito por"}, {newsgraph.KindByline, false, "scritto da"},
	{newsgraph.KindByline, false, "об авторе"}, {newsgraph.KindByline, false, "thread starter"}, {newsgraph.KindByline, false, "started by"}, {newsgraph.KindByline, false, "about the author"}, {newsgraph.KindByline, false, "à propos de l'auteur"}, {newsgraph.KindPaywall, false, "réservé aux abonnés"}, {newsgraph.KindPaywall, false, "cet article est réservé"},
	{newsgraph.KindPaywall, false, "il vous reste"}, {newsgraph.KindPaywall, false, "jetzt abonnieren"}, {newsgraph.KindPaywall, false, "weiterlesen mit"}, {newsgraph.KindPaywall, false, "lesen sie jetzt weiter"}, {newsgraph.KindPaywall, false, "bereits abonnent"},
	{newsgraph.KindPaywall, true, "jetzt testen"}, {newsgraph.KindPaywall, false, "déjà abonné"}, {newsgraph.KindPaywall, false, "ya eres suscriptor"}, {newsgraph.KindPaywall, false, "già abbonato"}, {newsgraph.KindPaywall, false, "dieser artikel ist nur für"},
	{newsgraph.KindPaywall, false, "suscríbete"}, {newsgraph.KindPaywall, false, "solo para suscriptores"}, {newsgraph.KindPaywall, false, "exclusivo para suscriptores"},
	{newsgraph.KindPaywall, false, "assine"}, {newsgraph.KindPaywall, false, "exclusivo para assinantes"}, {newsgraph.KindPaywall, false, "abbonati"},
	{newsgraph.KindPaywall, false, "подпишитесь"}, {newsgraph.KindPaywall, false, "оформите подписку"}, {newsgraph.KindPaywall, false, "berlangganan"},
	{newsgraph.KindPaywall, false, "유료 회원"}, {newsgraph.KindPaywall, false, "구독하기"}, {newsgraph.KindPaywall, false, "会员专享"}, {newsgraph.KindPaywall, false, "有料会員"},
	// comments
	{newsgraph.KindComment, false, "leave a reply"}, {newsgraph.KindComment, false, "leave a comment"}, {newsgraph.KindComment, false, "post a comment"},
	{newsgraph.KindComment, false, "add a comment"}, {newsgraph.KindComment, false, "write a comment"}, {newsgraph.KindComment, false, "join the conversation"},
	{newsgraph.KindComment, false, "your email address will not be published"}, {newsgraph.KindComment, false, "required fields are marked"},
	{newsgraph.KindComment, false, "sign in to comment"}, {newsgraph.KindComment, false, "log in to comment"}, {newsgraph.KindComment, false, "comments are closed"},
	{newsgraph.KindComment, false, "show comments"}, {newsgraph.KindComment, false, "view comments"}, {newsgraph.KindComment, false, "load comments"},
	{newsgraph.KindComment, true, "comments"}, {newsgraph.KindComment, true, "comment"}, {newsgraph.KindComment, true, "reply"}, {newsgraph.KindComment, true, "report"},
	{newsgraph.KindComment, true, "post comment"}, {newsgraph.KindComment, true, "submit"}, {newsgraph.KindComment, true, "name"}, {newsgraph.KindComment, true, "website"},
	{newsgraph.KindComment, true, "save my name, email, and website in this browser for the next time i comment."},
	{newsgraph.KindComment, true, "commentaires"}, {newsgraph.KindComment, false, "laisser un commentaire"}, {newsgraph.KindComment, true, "kommentare"},
	{newsgraph.KindComment, false, "kommentar schreiben"}, {newsgraph.KindComment, true, "comentarios"}, {newsgraph.KindComment, false, "deja un comentario"},
	{newsgraph.KindComment, true, "comentários"}, {newsgraph.KindComment, true, "commenti"}, {newsgraph.KindComment, true, "комментарии"}, {newsgraph.KindComment, false, "оставить комментарий"},
	{newsgraph.KindComment, true, "komentar"}, {newsgraph.KindComment, true, "댓글"}, {newsgraph.KindComment, false, "댓글을 입력"}, {newsgraph.KindComment, true, "评论"},
	{newsgraph.KindComment, true, "コメント"}, {newsgraph.KindComment, true, "yorumlar"}, {newsgraph.KindComment, true, "bình luận"}, {newsgraph.KindComment, true, "التعليقات"},
	// credits and slugs
	{newsgraph.KindCredit, false, "(reporting by"}, {newsgraph.KindCredit, false, "reporting by"}, {newsgraph.KindCredit, false, "(additional reporting"},
	{newsgraph.KindCredit, false, "additional reporting by"}, {newsgraph.KindCredit, false, "(writing by"}, {newsgraph.KindCredit, false, "writing by"},
	{newsgraph.KindCredit, false, "(editing by"}, {newsgraph.KindCredit, false, "editing by"}, {newsgraph.KindCredit, false, "(compiled by"}, {newsgraph.KindCredit, false, "compiled by"},
	{newsgraph.KindCredit, false, "(this story has"}, {newsgraph.KindCredit, false, "this story has been corrected"}, {newsgraph.KindCredit, false, "this story has not been edited"},
	{newsgraph.KindCredit, false, "(with inputs from"}, {newsgraph.KindCredit, false, "with inputs from"}, {newsgraph.KindCredit, false, "(with input from"},
	{newsgraph.KindCredit, false, "edited by"}, {newsgraph.KindCredit, false, "source:"}, {newsgraph.KindCredit, false, "sources:"}, {newsgraph.KindCredit, false, "editor:"},
	{newsgraph.KindCredit, false, "editing:"}, {newsgraph.KindCredit, false, "sumber:"}, {newsgraph.KindCredit, false, "penulis:"}, {newsgraph.KindCredit, false, "pewarta:"},
	{newsgraph.KindCredit, false, "redaktur:"}, {newsgraph.KindCredit, false, "quelle:"}, {newsgraph.KindCredit, false, "fuente:"}, {newsgraph.KindCredit, false, "fonte:"},
	{newsgraph.KindCredit, false, "источник:"}, {newsgraph.KindCredit, false, "джерело:"}, {newsgraph.KindCredit, false, "【编辑:"}, {newsgraph.KindCredit, false, "【编辑："},
	{newsgraph.KindCredit, false, "责任编辑"}, {newsgraph.KindCredit, false, "(责任编辑"}, {newsgraph.KindCredit, false, "（责任编辑"}, {newsgraph.KindCredit, false, "编辑："}, {newsgraph.KindCredit, false, "来源："},
	{newsgraph.KindCredit, false, "来源:"}, {newsgraph.KindCredit, false, "(编辑"}, {newsgraph.KindCredit, false, "（编辑"}, {newsgraph.KindCredit, false, "무단전재"}, {newsgraph.KindCredit, false, "<저작권자"},
	{newsgraph.KindCredit, false, "저작권자"}, {newsgraph.KindCredit, false, "ⓒ"}, {newsgraph.KindCredit, false, "제보는 카카오톡"}, {newsgraph.KindCredit, false, "redacción:"},
	{newsgraph.KindCredit, false, "mit material von"}, {newsgraph.KindCredit, false, "avec afp"}, {newsgraph.KindCredit, false, "(avec afp"}, {newsgraph.KindCredit, false, "(mit dpa"},
	{newsgraph.KindCredit, false, "(con información de"}, {newsgraph.KindCredit, false, "con información de"}, {newsgraph.KindCredit, false, "(com agências"},
	// legal
	{newsgraph.KindLegal, false, "©"}, {newsgraph.KindLegal, false, "(c) 20"}, {newsgraph.KindLegal, false, "disclaimer:"}, {newsgraph.KindLegal, false, "copyright"}, {newsgraph.KindLegal, false, "all rights reserved"},
	{newsgraph.KindLegal, false, "tous droits réservés"}, {newsgraph.KindLegal, false, "alle rechte vorbehalten"}, {newsgraph.KindLegal, false, "todos los derechos reservados"},
	{newsgraph.KindLegal, false, "todos os direitos reservados"}, {newsgraph.KindLegal, false, "tutti i diritti riservati"}, {newsgraph.KindLegal, false, "все права защищены"},
	{newsgraph.KindLegal, false, "版权所有"}, {newsgraph.KindLegal, false, "hak cipta"}, {newsgraph.KindLegal, true, "privacy policy"}, {newsgraph.KindLegal, true, "terms of use"},
	{newsgraph.KindLegal, true, "terms of service"}, {newsgraph.KindLegal, true, "terms and conditions"}, {newsgraph.KindLegal, true, "contact us"}, {newsgraph.KindLegal, true, "about us"},
	{newsgraph.KindLegal, true, "impressum"}, {newsgraph.KindLegal, true, "datenschutz"}, {newsgraph.KindLegal, true, "mentions légales"}, {newsgraph.KindLegal, true, "aviso legal"},
	// timestamps that carry no date
	{newsgraph.KindTimestamp, false, "updated"}, {newsgraph.KindTimestamp, false, "last updated"}, {newsgraph.KindTimestamp, false, "published"},
	{newsgraph.KindTimestamp, false, "posted"}, {newsgraph.KindTimestamp, false, "posted on"}, {newsgraph.KindTimestamp, false, "first published"},
	// tags
	{newsgraph.KindTags, false, "tags:"}, {newsgraph.KindTags, false, "tags"}, {newsgraph.KindTags, false, "topics:"}, {newsgraph.KindTags, false, "keywords:"}, {newsgraph.KindTags, false, "tagged:"},
	{newsgraph.KindTags, false, "tagged with"}, {newsgraph.KindTags, false, "filed under"}, {newsgraph.KindTags, false, "filed in"}, {newsgraph.KindTags, false, "categories:"},
	{newsgraph.KindTags, false, "category:"}, {newsgraph.KindTags, false, "mots-clés"}, {newsgraph.KindTags, false, "mots clés"}, {newsgraph.KindTags, false, "schlagwörter"},
	{newsgraph.KindTags, false, "themen:"}, {newsgraph.KindTags, false, "etiquetas:"}, {newsgraph.KindTags, false, "temas:"}, {newsgraph.KindTags, false, "tag:"},
	{newsgraph.KindTags, false, "теги:"}, {newsgraph.KindTags, false, "тэги:"}, {newsgraph.KindTags, false, "тэги"}, {newsgraph.KindTags, false, "теги"}, {newsgraph.KindTags, false, "теги"}, {newsgraph.KindTags, false, "метки:"}, {newsgraph.KindTags, false, "теми:"}, {newsgraph.KindTags, false, "태그"},
	{newsgraph.KindTags, false, "#태그"}, {newsgraph.KindTags, false, "标签："}, {newsgraph.KindTags, false, "标签:"}, {newsgraph.KindTags, false, "关键词："}, {newsgraph.KindTags, false, "タグ"},
	{newsgraph.KindTags, false, "etiketler:"}, {newsgraph.KindTags, false, "từ khóa:"}, {newsgraph.KindTags, false, "tag terkait"}, {newsgraph.KindTags, false, "topik:"},
	{newsgraph.KindTags, false, "الكلمات المفتاحية"}, {newsgraph.KindTags, false, "وسوم"},
	// navigation and interface strings
	{newsgraph.KindNavigation, true, "home"}, {newsgraph.KindNavigation, true, "menu"}, {newsgraph.KindNavigation, true, "search"}, {newsgraph.KindNavigation, true, "close"},
	{newsgraph.KindNavigation, false, "skip to"}, {newsgraph.KindNavigation, false, "next:"}, {newsgraph.KindNavigation, false, "previous:"},
	{newsgraph.KindNavigation, false, "← "}, {newsgraph.KindNavigation, false, "next article:"}, {newsgraph.KindNavigation, false, "previous article:"},
	{newsgraph.KindNavigation, false, "please turn on javascript"}, {newsgraph.KindNavigation, false, "please enable javascript"}, {newsgraph.KindNavigation, false, "explore more on these topics"},
	{newsgraph.KindNavigation, false, "show key events"}, {newsgraph.KindNavigation, false, "seite 1 von"}, {newsgraph.KindNavigation, false, "page 1 of"},
	{newsgraph.KindShare, false, "reuse this content"}, {newsgraph.KindShare, true, "shares"}, {newsgraph.KindNavigation, false, "go to contents"}, {newsgraph.KindNavigation, false, "go to navigation"},
	{newsgraph.KindNavigation, false, "jump to"}, {newsgraph.KindNavigation, true, "sign in"}, {newsgraph.KindNavigation, true, "log in"}, {newsgraph.KindNavigation, true, "login"},
	{newsgraph.KindNavigation, true, "register"}, {newsgraph.KindNavigation, true, "sign up"}, {newsgraph.KindNavigation, true, "log out"}, {newsgraph.KindNavigation, true, "my account"},
	{newsgraph.KindNavigation, true, "subscribe"}, {newsgraph.KindNavigation, true, "newsletter"}, {newsgraph.KindNavigation, true, "newsletters"},
	{newsgraph.KindNavigation, true, "next"}, {newsgraph.KindNavigation, true, "previous"}, {newsgraph.KindNavigation, true, "next article"}, {newsgraph.KindNavigation, true, "previous article"},
	{newsgraph.KindNavigation, true, "back to top"}, {newsgraph.KindNavigation, true, "scroll to top"}, {newsgraph.KindNavigation, true, "top"}, {newsgraph.KindNavigation, true, "toggle navigation"},
	{newsgraph.KindNavigation, true, "sections"}, {newsgraph.KindNavigation, true, "load more"}, {newsgraph.KindNavigation, true, "show more"}, {newsgraph.KindNavigation, true, "view all"},
	{newsgraph.KindNavigation, true, "see all"}, {newsgraph.KindNavigation, true, "more"}, {newsgraph.KindNavigation, true, "live"}, {newsgraph.KindNavigation, true, "video"}, {newsgraph.KindNavigation, true, "videos"},
	{newsgraph.KindNavigation, true, "photos"}, {newsgraph.KindNavigation, true, "gallery"}, {newsgraph.KindNavigation, true, "podcasts"}, {newsgraph.KindNavigation, true, "breaking news"},
	{newsgraph.KindNavigation, true, "font size"}, {newsgraph.KindNavigation, true, "text size"}, {newsgraph.KindNavigation, true, "listen to this article"}, {newsgraph.KindNavigation, true, "listen to article"},
	{newsgraph.KindNavigation, true, "accueil"}, {newsgraph.KindNavigation, true, "startseite"}, {newsgraph.KindNavigation, true, "inicio"}, {newsgraph.KindNavigation, true, "início"},
	{newsgraph.KindNavigation, true, "главная"}, {newsgraph.KindNavigation, true, "beranda"}, {newsgraph.KindNavigation, true, "홈"}, {newsgraph.KindNavigation, true, "首页"},
	{newsgraph.KindNavigation, true, "ホーム"}, {newsgraph.KindNavigation, true, "anasayfa"}, {newsgraph.KindNavigation, true, "trang chủ"}, {newsgraph.KindNavigation, true, "الرئيسية"},
	{newsgraph.KindNavigation, true, "rechercher"}, {newsgraph.KindNavigation, true, "suche"}, {newsgraph.KindNavigation, true, "buscar"}, {newsgraph.KindNavigation, true, "поиск"},
	{newsgraph.KindNavigation, true, "cari"}, {newsgraph.KindNavigation, true, "검색"}, {newsgraph.KindNavigation, true, "搜索"}, {newsgraph.KindNavigation, true, "検索"},
	{newsgraph.KindNavigation, true, "se connecter"}, {newsgraph.KindNavigation, true, "anmelden"}, {newsgraph.KindNavigation, true, "iniciar sesión"}, {newsgraph.KindNavigation, true, "войти"},
	{newsgraph.KindNavigation, true, "masuk"}, {newsgraph.KindNavigation, true, "로그인"}, {newsgraph.KindNavigation, true, "登录"}, {newsgraph.KindNavigation, true, "ログイン"},
	{newsgraph.KindNavigation, true, "글씨크기"}, {newsgraph.KindNavigation, true, "인쇄"}, {newsgraph.KindNavigation, true, "스크랩"}, {newsgraph.KindNavigation, true, "본문 바로가기"},
	{newsgraph.KindNavigation, true, "打印"}, {newsgraph.KindNavigation, true, "关闭"}, {newsgraph.KindNavigation, true, "返回顶部"}, {newsgraph.KindNavigation, true, "字号"},
}

// containsCues mark furniture wherever the phrase stands in a line.
var containsCues = []cue{
	{newsgraph.KindPaywall, false, "free articles"}, {newsgraph.KindPaywall, false, "free article"}, {newsgraph.KindPaywall, false, "articles remaining"},
	{newsgraph.KindPaywall, false, "subscribe now for unlimited"}, {newsgraph.KindPaywall, false, "for unlimited access"}, {newsgraph.KindPaywall, false, "subscribers only"},
	{newsgraph.KindCredit, false, "contributed to this report"}, {newsgraph.KindCredit, false, "contributed to this story"}, {newsgraph.KindCredit, false, "contributed reporting"},
	{newsgraph.KindCredit, false, "contributed to this article"}, {newsgraph.KindCredit, false, "ont contribué à cet article"},
	{newsgraph.KindLegal, false, "this story is from a syndicated feed"}, {newsgraph.KindLegal, false, "auto-generated from a syndicated feed"},
	{newsgraph.KindCookie, false, "store and/or access information"}, {newsgraph.KindCookie, false, "we and our partners"}, {newsgraph.KindCookie, false, "and our partners"},
	{newsgraph.KindCookie, false, "nos partenaires et nous"}, {newsgraph.KindCookie, false, "avec nos partenaires"}, {newsgraph.KindCookie, false, "wir und unsere partner"},
	{newsgraph.KindCookie, false, "nosotros y nuestros socios"}, {newsgraph.KindCookie, false, "géolocalisation précises"}, {newsgraph.KindCookie, false, "precise geolocation"},
	{newsgraph.KindCookie, false, "ihre zustimmung"}, {newsgraph.KindCookie, false, "zustimmen und anzeigen"}, {newsgraph.KindCookie, false, "externer inhalt"},
}

// interfaceCues are instructions of the page's interface.
var interfaceCues = []string{"click on photo", "click on the photo", "click to enlarge", "tap to enlarge", "hold pointer over", "swipe to", "click here to",
	"tap here to", "scroll down to", "bildirim", "benachrichtigungen aktivieren", "activer les notifications", "activar notificaciones", "включить уведомления"}

// captionAgencies open the parenthesised credit that ends a photo caption:
// "(AP Photo/Name)", "(Yonhap)", "(File photo)".
var captionAgencies = []string{"archivbild", "archiv", "foto de archivo", "photo d'archives", "foto d'archivio", "архивное фото", "ap", "afp", "reuters", "yonhap", "epa", "getty", "xinhua", "ani", "pti", "ians", "bloomberg", "file", "photo", "photos",
	"foto", "pool", "handout", "supplied", "screenshot", "screengrab", "courtesy", "kyodo", "jiji", "anadolu", "efe", "ansa", "dpa", "sputnik", "tass", "ria", "imago", "picture"}

// captionLabels name a photo credit before a colon: "Photo: X", "Bild: Y".
var captionLabels = []string{"ảnh", "foto:", "photo", "photos", "photograph", "picture", "image", "pic", "foto", "fotos", "bild", "фото", "사진", "图片", "写真", "صورة",
	"credit", "credits", "crédit", "crédito", "photo credit", "image credit", "photo by", "image source", "courtesy", "fuente", "quelle"}

// captionStock are picture agencies named in credit tails without brackets.
var captionStock = []string{"getty images", "shutterstock", "istock", "alamy", "ap photo", "reuters/", "afp via getty", "/ afp", "/afp", "/ reuters", "epa-efe", "/ epa"}

// captionCredit reports whether a line ends with a photo credit: a bracketed
// credit with a slash or an agency's name, a "Photo: X" label near the end,
// or a picture agency's name in its last words. It is written by hand rather
// than as one regular expression because it runs on every short line.
func captionCredit(s string) bool {
	s = strings.TrimRight(tail(s, 160), " .")
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）") {
		open := strings.LastIndexAny(s, "(（")
		if open >= 0 {
			inner := strings.ToLower(strings.TrimSpace(s[open+1 : len(s)-1]))
			if inner == "" {
				return false
			}
			if strings.Contains(inner, "/") && len(inner) < 120 && !strings.Contains(inner, "://") && letterCount(inner) >= 2 && !isDateWords(inner) {
				return true // "(AP Photo/Jane Doe)", not "(11/12/2024)"
			}
			for _, a := range captionAgencies {
				if strings.HasPrefix(inner, a) && (len(inner) == len(a) || !isLetterByte(inner[len(a)])) {
					return true
				}
			}
		}
	}
	lower := strings.ToLower(s)
	if i := strings.LastIndexAny(lower, ":："); i > 0 && len(lower)-i < 80 {
		label := strings.TrimSpace(lower[max(0, strings.LastIndexAny(lower[:i], ".|)—–")+1):i])
		for _, l := range captionLabels {
			if label == l || strings.HasSuffix(label, " "+l) {
				return true
			}
		}
	}
	if i := strings.LastIndex(lower, "photo by "); i >= 0 && len(lower)-i <= 45 {
		return true // "… on Thursday. Photo by Yonhap"
	}
	if i := strings.LastIndex(lower, "photo "); i >= 0 && len(lower)-i <= 10 && isLoneNumber(strings.TrimSpace(lower[i+6:])) {
		return true // "… - Photo 1."
	}
	if agencySlashName.MatchString(tail(s, 60)) {
		return true // "… in Bogotá. EFE/Carlos Ortega"
	}
	t := tail(lower, 60)
	for _, a := range captionStock {
		if strings.Contains(t, a) {
			return true
		}
	}
	return false
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isDateWords reports bracket contents that are a date with a weekday or
// month name ("rabu, 11/12/2024"), not a credit.
func isDateWords(s string) bool {
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	return digits >= 4 && letterCount(s) <= 10
}

// agencySlashName matches a photo credit "AGENCY/Firstname Lastname" ending a line.
var agencySlashName = regexp.MustCompile(`(?:^|[\s.])(?:[A-Z]{2,8}|Reuters|Getty Images|Yonhap|Xinhua)\s?/\s?\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,3}$`)

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// galleryCounter matches "1 of 3", "Photo 2 of 10", "3/12", "(1/5)".
var galleryCounter = regexp.MustCompile(`(?i)^(?:photo|image|slide|bild|foto|фото)?\s*\(?\d{1,3}\s*(?:of|/|von|de|из|sur)\s*\d{1,3}\)?$`)

// creditSlug matches wire-service sign-offs and editor slugs: "--AGENCY",
// "— AFP", "xxx/yy", "(Yonhap)", "/IANS", "jk/rt (AP, Reuters)".
var creditSlug = regexp.MustCompile(`^(?:[-–—]{1,2}\s?[A-Za-z][A-Za-z .&]{1,30}|\(?[a-z]{1,5}(?:/[a-z]{1,5}){1,3}\)?(?:\s*\([A-Za-z ,/]{2,40}\))?|\((?:yonhap|ap|afp|reuters|xinhua|ani|ians|pti|dpa|efe|ansa|tass|ria novosti|bernama|kyodo|antara)\)|/[A-Z]{2,10}|[A-Z]{2,6}/[A-Z]{2,6}|(?:ANI|IANS|PTI|AFP|AP|UNI)\s*$)$`)

// bylineRE matches author lines in several languages.
var bylineRE = regexp.MustCompile(`(?i)^(?:by|written by|words by|story by|author:?|reporter:?|par|von|por|di|door|av|af|автор:?|автор|oleh|tác giả:?|yazar:?|bởi)\s+\S.{0,80}$`)

// koreanByline matches "홍길동 기자", "(서울=연합뉴스) 홍길동 기자", "글·사진 홍길동 기자".
var koreanByline = regexp.MustCompile(`^(?:\([^)]{1,30}\)\s*)?(?:[^\s]{0,10}\s)?[가-힣]{2,4}\s?(?:기자|특파원|논설위원|위원|앵커|객원기자)(?:\s?[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+)?$`)

// markupDebris matches lines that are only markup left over by the crawler.
var markupDebris = regexp.MustCompile(`^(?:\s*(?:<[^>]{0,200}>|&[a-zA-Z#0-9]{2,8};|\[/?[a-z_]{2,20}(?:\s[^\]]{0,200})?\]|\{\{[^}]{0,200}\}\}|\{%[^%]{0,200}%\}))+\s*$`)

// inlineMarkup matches markup inside a text line, removed before judging it.
var inlineMarkup = regexp.MustCompile(`(?i)<(?:br|/?p|/?b|/?i|/?em|/?strong|/?span|/?a|/?div|/?u|/?sup|/?sub|/?font|/?h[1-6])(?:\s[^>]{0,200})?\s*/?>|\[/?(?:caption|embed|video|audio|gallery|tweet|instagram|youtube)[^\]]{0,200}\]`)

// normCue lower-cases a line and trims the decoration around a label so it
// can be looked up among the cues: "READ MORE:", "» See also »", "Share (12)".
func normCue(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimFunc(s, func(r rune) bool {
		return r == ':' || r == '：' || r == '»' || r == '«' || r == '>' || r == '<' || r == '▶' || r == '►' || r == '→' || r == '|' ||
			r == '-' || r == '–' || r == '—' || r == '*' || r == '•' || r == '·' || r == '[' || r == ']' || r == '【' || r == '】' ||
			r == '(' || r == ')' || r == '.' || r == '…' || r == '!' || r == ' ' || r == '\u00a0' || r == '#' || r == '=' || r == '✓' || r == '➤' || r == '▷'
	})
	return s
}
