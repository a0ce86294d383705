package lang

import (
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Thresholds of Detect.
const (
	// MinLetters is the number of letters below which whatlanggo's trigrams
	// are not trusted on their own (they must then agree with the word
	// votes), and half of which Arabic-script text needs.
	MinLetters = 40
	// minWordLetters is the number of letters below which even clear
	// function-word evidence is not trusted.
	minWordLetters = 15
	// minUnique is the number of letters below which text in a script that
	// one language owns (Hangul, kana, Han, Thai, Greek, …) is not judged.
	minUnique = 5
	// MinConfidence is the confidence below which Detect answers "".
	MinConfidence = 0.35
	// maxSample bounds the bytes of text examined: the first 4 KB of an
	// article decide its language as well as the whole of it.
	maxSample = 4096
)

// script is a writing system Detect tells apart.
type script int

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptArmenian
	scriptHebrew
	scriptArabic
	scriptDevanagari
	scriptBengali
	scriptTamil
	scriptThai
	scriptGeorgian
	scriptHangul
	scriptKana
	scriptHan
	numScripts
)

// uniqueScriptLang names the language of scripts one language owns.
var uniqueScriptLang = [numScripts]string{
	scriptGreek:    "el",
	scriptArmenian: "hy",
	scriptHebrew:   "he",
	scriptBengali:  "bn",
	scriptTamil:    "ta",
	scriptThai:     "th",
	scriptGeorgian: "ka",
	scriptHangul:   "ko",
}

// scriptOf classifies a letter.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return scriptLatin
		}
		return scriptOther
	case r <= 0x24F, r >= 0x1E00 && r <= 0x1EFF:
		return scriptLatin
	case r >= 0x370 && r <= 0x3FF, r >= 0x1F00 && r <= 0x1FFF:
		return scriptGreek
	case r >= 0x400 && r <= 0x52F:
		return scriptCyrillic
	case r >= 0x530 && r <= 0x58F:
		return scriptArmenian
	case r >= 0x590 && r <= 0x5FF:
		return scriptHebrew
	case r >= 0x600 && r <= 0x6FF, r >= 0x750 && r <= 0x77F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return scriptArabic
	case r >= 0x900 && r <= 0x97F:
		return scriptDevanagari
	case r >= 0x980 && r <= 0x9FF:
		return scriptBengali
	case r >= 0xB80 && r <= 0xBFF:
		return scriptTamil
	case r >= 0xE00 && r <= 0xE7F:
		return scriptThai
	case r >= 0x10A0 && r <= 0x10FF:
		return scriptGeorgian
	case r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F, r >= 0xAC00 && r <= 0xD7AF:
		return scriptHangul
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF, r >= 0xFF66 && r <= 0xFF9D:
		return scriptKana
	case r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xF900 && r <= 0xFAFF, r >= 0x20000 && r <= 0x3134F:
		return scriptHan
	}
	return scriptOther
}

// evidence is what one pass over the text collects.
type evidence struct {
	letters   int
	scripts   [numScripts]int
	scores    [32]float64 // per wordLangs index: function words + hint letters
	wordHits  int         // function words seen
	viLetters int         // letters only Vietnamese uses (ơ ư and U+1EA0..U+1EF9)
	persian   int         // Arabic-script letters of Persian (پ چ ژ گ ی ک)
	urdu      int         // Arabic-script letters of Urdu (ٹ ڈ ڑ ں ے ھ)
}

// collect makes one pass over text, tokenising words of letters.
func collect(text string) *evidence {
	ev := &evidence{}
	var word [64]byte
	n := 0 // bytes in word; 0 with overflow marks a word too long to matter
	long := false
	flush := func() {
		if n > 0 && !long {
			if m, ok := wordTable[string(word[:n])]; ok {
				ev.wordHits++
				addMask(&ev.scores, m, 1)
			}
		}
		n, long = 0, false
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			if !unicode.IsMark(r) {
				flush()
			}
			continue
		}
		ev.letters++
		sc := scriptOf(r)
		ev.scripts[sc]++
		lr := unicode.ToLower(r)
		switch sc {
		case scriptLatin:
			if (lr >= 0x1EA0 && lr <= 0x1EF9) || lr == 'ơ' || lr == 'ư' {
				ev.viLetters++
			}
		case scriptArabic:
			switch lr {
			case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ':
				ev.urdu++
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
				ev.persian++
			}
		}
		if lr >= 0x80 {
			if m, ok := letterTable[lr]; ok {
				addMask(&ev.scores, m, 1)
			}
		}
		if sc != scriptLatin && sc != scriptCyrillic {
			flush()
			continue
		}
		if n+utf8.RuneLen(lr) > len(word) {
			long = true
			continue
		}
		n += utf8.EncodeRune(word[n:], lr)
	}
	flush()
	return ev
}

func addMask(scores *[32]float64, m uint32, w float64) {
	for i := 0; m != 0; i++ {
		if m&1 != 0 {
			scores[i] += w
		}
		m >>= 1
	}
}

// Detect returns the ISO 639-1 code of the language text is written in and
// a confidence in [0, 1], or "" and 0 when the text is too short or too
// ambiguous to judge (see the package documentation).
func Detect(text string) (code string, confidence float64) {
	if len(text) > maxSample {
		cut := maxSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	ev := collect(text)
	code, confidence = decide(text, ev)
	if confidence < MinConfidence {
		return "", 0
	}
	return code, confidence
}

// decide turns the evidence into an answer.
func decide(text string, ev *evidence) (string, float64) {
	best := scriptOther
	for s := scriptLatin; s < numScripts; s++ {
		if ev.scripts[s] > ev.scripts[best] {
			best = s
		}
	}
	cjk := ev.scripts[scriptHan] + ev.scripts[scriptKana]
	switch {
	case best == scriptOther:
		return "", 0
	case best == scriptHan || best == scriptKana || (best == scriptHangul && cjk > 0):
		return decideCJK(ev)
	case uniqueScriptLang[best] != "":
		if ev.scripts[best] < minUnique {
			return "", 0
		}
		return uniqueScriptLang[best], share(ev, best)
	}
	n := ev.scripts[best]
	if n < minWordLetters {
		return "", 0
	}
	switch best {
	case scriptArabic:
		if n < MinLetters/2 {
			return "", 0
		}
		switch {
		case ev.urdu >= 2:
			return "ur", share(ev, best)
		case ev.persian >= 2:
			return "fa", share(ev, best)
		}
		return "ar", share(ev, best)
	case scriptDevanagari:
		return fallback(text, devanagariList, ev)
	case scriptLatin:
		if ev.viLetters >= 3 && ev.viLetters*10 >= n {
			return "vi", share(ev, best)
		}
		return decideWords(text, ev, latinList)
	case scriptCyrillic:
		return decideWords(text, ev, cyrillicList)
	}
	return "", 0
}

// share is the fraction of letters in the given script, the confidence of
// a script-level decision.
func share(ev *evidence, s script) float64 {
	if ev.letters == 0 {
		return 0
	}
	return float64(ev.scripts[s]) / float64(ev.letters)
}

// decideCJK separates Chinese, Japanese and Korean: any real share of kana
// means Japanese; Hangul outweighing Han means Korean; Han alone, Chinese.
func decideCJK(ev *evidence) (string, float64) {
	han, kana, hangul := ev.scripts[scriptHan], ev.scripts[scriptKana], ev.scripts[scriptHangul]
	total := han + kana + hangul
	if total < minUnique {
		return "", 0
	}
	conf := float64(total) / float64(ev.letters)
	switch {
	case hangul > han+kana:
		return "ko", conf
	case kana > 0 && kana*20 >= han+kana:
		return "ja", conf
	case kana == 0 && hangul == 0:
		return "zh", conf
	}
	return "", 0
}

// langList is a set of candidate languages of one script, by their
// wordLangs bits and their whatlanggo profiles.
type langList struct {
	bits     uint32
	whatlang map[whatlanggo.Lang]bool
	iso6391  map[whatlanggo.Lang]string
}

func newLangList(codes map[whatlanggo.Lang]string) langList {
	l := langList{whatlang: map[whatlanggo.Lang]bool{}, iso6391: codes}
	for wl, c := range codes {
		l.whatlang[wl] = true
		if i := langIndex(c); i >= 0 {
			l.bits |= 1 << i
		}
	}
	return l
}

// The whitelists of news languages per script, mapped to ISO 639-1.
var (
	latinList = newLangList(map[whatlanggo.Lang]string{
		whatlanggo.Eng: "en", whatlanggo.Fra: "fr", whatlanggo.Deu: "de", whatlanggo.Spa: "es",
		whatlanggo.Por: "pt", whatlanggo.Ita: "it", whatlanggo.Nld: "nl", whatlanggo.Swe: "sv",
		whatlanggo.Dan: "da", whatlanggo.Nob: "nb", whatlanggo.Fin: "fi", whatlanggo.Pol: "pl",
		whatlanggo.Ces: "cs", whatlanggo.Ron: "ro", whatlanggo.Hun: "hu", whatlanggo.Hrv: "hr",
		whatlanggo.Slv: "sl", whatlanggo.Tur: "tr", whatlanggo.Ind: "id", whatlanggo.Vie: "vi",
		whatlanggo.Lit: "lt", whatlanggo.Lav: "lv", whatlanggo.Est: "et", whatlanggo.Afr: "af",
		whatlanggo.Tgl: "tl", whatlanggo.Som: "so", whatlanggo.Hau: "ha",
	})
	cyrillicList = newLangList(map[whatlanggo.Lang]string{
		whatlanggo.Rus: "ru", whatlanggo.Ukr: "uk", whatlanggo.Bul: "bg", whatlanggo.Srp: "sr",
		whatlanggo.Mkd: "mk", whatlanggo.Bel: "be",
	})
	devanagariList = newLangList(map[whatlanggo.Lang]string{
		whatlanggo.Hin: "hi", whatlanggo.Mar: "mr", whatlanggo.Nep: "ne",
	})
)

// decideWords scores the languages of a script by function words and hint
// letters. A clear winner is the answer; otherwise whatlanggo's trigrams
// decide, but only when they do not contradict the word evidence.
func decideWords(text string, ev *evidence, list langList) (string, float64) {
	bi, si := -1, -1
	for i := range wordLangs {
		if list.bits&(1<<i) == 0 {
			continue
		}
		switch {
		case bi < 0 || ev.scores[i] > ev.scores[bi]:
			bi, si = i, bi
		case si < 0 || ev.scores[i] > ev.scores[si]:
			si = i
		}
	}
	if bi < 0 {
		return fallback(text, list, ev)
	}
	b, s := ev.scores[bi], 0.0
	if si >= 0 {
		s = ev.scores[si]
	}
	if b >= 2 && b >= 2*s+1 || b >= 4 && b >= 1.5*s+1 {
		conf := (1 - s/b) * min(1, b/6)
		return wordLangs[bi], max(conf, MinConfidence)
	}
	if ev.letters < MinLetters && b < 1 {
		return "", 0 // neither rule below could accept: skip the trigrams
	}
	code, conf := trigrams(text, list)
	if code == "" {
		return "", 0
	}
	i := langIndex(code)
	ws := 0.0
	if i >= 0 {
		ws = ev.scores[i]
	}
	switch {
	case ev.letters >= MinLetters && (b == 0 || ws >= s && ws > 0):
		// Long enough for trigrams, and the words do not contradict them.
		return code, conf * 0.8
	case ws >= 1 && ws == b && b > s:
		// Short, but trigrams and words agree on the leader.
		return code, max(conf, MinConfidence)
	}
	return "", 0
}

// fallback asks whatlanggo, restricted to the list, for text long enough.
func fallback(text string, list langList, ev *evidence) (string, float64) {
	if ev.letters < MinLetters {
		return "", 0
	}
	return trigrams(text, list)
}

// trigrams asks whatlanggo, restricted to the list.
func trigrams(text string, list langList) (string, float64) {
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: list.whatlang})
	code, ok := list.iso6391[info.Lang]
	if !ok {
		return "", 0
	}
	return code, info.Confidence
}
