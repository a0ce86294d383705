package lang

import "strings"

// iso6391 is the set of ISO 639-1 codes.
var iso6391 = buildSet("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv " +
	"cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu " +
	"hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg " +
	"li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os " +
	"pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg " +
	"th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu")

func buildSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// aliases maps deprecated two-letter codes, ISO 639-2/B, 639-2/T and common
// 639-3 codes, and language names in English and in the language itself to
// an ISO 639-1 code.
var aliases = buildAliases(
	// deprecated 639-1
	"iw he", "in id", "ji yi", "jw jv", "mo ro",
	// 639-2 and 639-3
	"eng en", "fra fr", "fre fr", "deu de", "ger de", "spa es", "por pt", "ita it", "nld nl", "dut nl",
	"swe sv", "dan da", "nor no", "nob nb", "nno nn", "fin fi", "pol pl", "ces cs", "cze cs", "slk sk",
	"slo sk", "ron ro", "rum ro", "hun hu", "hrv hr", "srp sr", "bos bs", "slv sl", "bul bg", "mkd mk",
	"mac mk", "rus ru", "ukr uk", "bel be", "ell el", "gre el", "tur tr", "ara ar", "arb ar", "heb he",
	"fas fa", "per fa", "pes fa", "urd ur", "hin hi", "ben bn", "tam ta", "tel te", "mar mr", "tha th",
	"vie vi", "ind id", "msa ms", "may ms", "zsm ms", "zho zh", "chi zh", "cmn zh", "yue zh", "jpn ja",
	"kor ko", "kat ka", "geo ka", "hye hy", "arm hy", "lit lt", "lav lv", "est et", "cat ca", "eus eu",
	"baq eu", "glg gl", "isl is", "ice is", "gle ga", "cym cy", "wel cy", "afr af", "swa sw", "swh sw",
	"tgl tl", "fil tl", "aze az", "azj az", "kaz kk", "uzb uz", "sqi sq", "alb sq", "lat la", "epo eo",
	"amh am", "som so", "hau ha", "yor yo", "zul zu", "xho xh", "khm km", "mya my", "bur my", "nep ne",
	"sin si", "pus ps", "kur ku", "mlt mt", "ltz lb", "tat tt", "kir ky", "tgk tg", "tuk tk", "mon mn",
	"lao lo", "bod bo", "tib bo", "pan pa", "guj gu", "kan kn", "mal ml",
	// names
	"english en", "french fr", "français fr", "francais fr", "german de", "deutsch de",
	"spanish es", "español es", "espanol es", "castellano es", "portuguese pt", "português pt",
	"portugues pt", "italian it", "italiano it", "dutch nl", "nederlands nl", "flemish nl",
	"swedish sv", "svenska sv", "danish da", "dansk da", "norwegian no", "norsk no", "bokmål nb",
	"bokmal nb", "nynorsk nn", "finnish fi", "suomi fi", "polish pl", "polski pl", "czech cs",
	"čeština cs", "cestina cs", "slovak sk", "slovenčina sk", "romanian ro", "română ro", "romana ro",
	"hungarian hu", "magyar hu", "croatian hr", "hrvatski hr", "serbian sr", "srpski sr", "српски sr",
	"bosnian bs", "slovenian sl", "slovene sl", "slovenščina sl", "bulgarian bg", "български bg",
	"macedonian mk", "македонски mk", "russian ru", "русский ru", "ukrainian uk", "українська uk",
	"belarusian be", "беларуская be", "greek el", "ελληνικά el", "turkish tr", "türkçe tr",
	"turkce tr", "arabic ar", "العربية ar", "عربي ar", "hebrew he", "עברית he", "persian fa",
	"farsi fa", "فارسی fa", "urdu ur", "اردو ur", "hindi hi", "हिन्दी hi", "हिंदी hi", "bengali bn",
	"bangla bn", "বাংলা bn", "tamil ta", "தமிழ் ta", "thai th", "ไทย th", "vietnamese vi",
	"tiếng việt vi", "tieng viet vi", "indonesian id", "bahasa indonesia id", "malay ms",
	"bahasa melayu ms", "chinese zh", "中文 zh", "汉语 zh", "漢語 zh", "简体中文 zh", "繁體中文 zh",
	"mandarin zh", "cantonese zh", "japanese ja", "日本語 ja", "korean ko", "한국어 ko", "조선말 ko",
	"catalan ca", "català ca", "basque eu", "euskara eu", "galician gl", "galego gl",
	"icelandic is", "íslenska is", "irish ga", "gaeilge ga", "welsh cy", "cymraeg cy",
	"afrikaans af", "swahili sw", "kiswahili sw", "tagalog tl", "filipino tl", "latin la",
	"esperanto eo", "lithuanian lt", "lietuvių lt", "latvian lv", "latviešu lv", "estonian et",
	"eesti et", "albanian sq", "shqip sq", "georgian ka", "ქართული ka", "armenian hy",
	"հայերեն hy", "azerbaijani az", "kazakh kk", "uzbek uz", "amharic am", "somali so",
	"hausa ha", "yoruba yo", "zulu zu", "punjabi pa", "gujarati gu", "kannada kn",
	"malayalam ml", "telugu te", "marathi mr", "nepali ne", "sinhala si", "khmer km",
	"burmese my", "lao lo", "mongolian mn", "pashto ps", "kurdish ku", "maltese mt",
	"luxembourgish lb",
)

func buildAliases(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs))
	for _, p := range pairs {
		i := strings.LastIndexByte(p, ' ')
		m[p[:i]] = p[i+1:]
	}
	return m
}

// Normalize turns a page's own language declaration (an HTML lang
// attribute, a Content-Language header, a metadata field) into an ISO 639-1
// code, or "" when it names no single known language. It accepts BCP 47
// tags ("en-US", "zh-Hans-CN"), POSIX locales ("en_GB.UTF-8"), ISO 639-2
// and 639-3 codes ("ENG", "fre", "cmn"), deprecated codes ("iw", "in"),
// language names in English or in the language itself ("english",
// "Français", "日本語"), and lists, of which the first entry counts
// ("en, fr", "en;q=0.8"). "und", "mul", "zxx" and "x-default" give "".
func Normalize(declared string) string {
	s := strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexAny(s, ",;"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	s = strings.Trim(s, `"' `)
	if s == "" {
		return ""
	}
	if c, ok := aliases[s]; ok {
		return c
	}
	s = strings.ReplaceAll(s, "_", "-")
	if i := strings.IndexByte(s, '.'); i >= 0 { // en_GB.UTF-8
		s = s[:i]
	}
	primary := s
	if i := strings.IndexByte(s, '-'); i >= 0 {
		primary = s[:i]
	}
	if iso6391[primary] {
		return primary
	}
	if c, ok := aliases[primary]; ok {
		return c
	}
	// "English (United States)", "Deutsch (Schweiz)"
	if i := strings.IndexAny(s, " (/"); i > 0 {
		if c, ok := aliases[strings.TrimSpace(s[:i])]; ok {
			return c
		}
	}
	return ""
}
