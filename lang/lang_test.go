package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetectTable(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"empty", "", ""},
		{"punctuation", "!!! ... 123 456 --- ???", ""},
		{"too short latin", "Hello world", ""},
		{"names only", "Manchester United 2-1 Chelsea", ""},
		{"english sentence", "The minister said on Tuesday that the plan would be published after the election.", "en"},
		{"french sentence", "Le ministre a déclaré mardi que le plan serait publié après les élections.", "fr"},
		{"german sentence", "Der Minister sagte am Dienstag, dass der Plan nach der Wahl veröffentlicht wird.", "de"},
		{"spanish sentence", "El ministro dijo el martes que el plan se publicará después de las elecciones.", "es"},
		{"portuguese sentence", "O ministro disse na terça-feira que o plano será publicado depois das eleições.", "pt"},
		{"italian sentence", "Il ministro ha detto martedì che il piano sarà pubblicato dopo le elezioni.", "it"},
		{"dutch sentence", "De minister zei dinsdag dat het plan na de verkiezingen wordt gepubliceerd.", "nl"},
		{"swedish sentence", "Ministern sade på tisdagen att planen ska publiceras efter valet och att det är viktigt.", "sv"},
		{"polish sentence", "Minister powiedział we wtorek, że plan zostanie opublikowany po wyborach.", "pl"},
		{"turkish sentence", "Bakan salı günü yaptığı açıklamada planın seçimlerden sonra yayımlanacağını söyledi.", "tr"},
		{"indonesian sentence", "Menteri mengatakan pada hari Selasa bahwa rencana itu akan diumumkan setelah pemilihan.", "id"},
		{"vietnamese headline", "Bộ trưởng cho biết kế hoạch sẽ được công bố", "vi"},
		{"russian sentence", "Министр заявил во вторник, что план будет опубликован после выборов.", "ru"},
		{"ukrainian sentence", "Міністр заявив у вівторок, що план буде оприлюднено після виборів.", "uk"},
		{"korean", "장관은 화요일 선거 후에 계획을 발표하겠다고 말했다", "ko"},
		{"korean short", "서울 날씨", ""},
		{"japanese", "大臣は火曜日、選挙の後に計画を発表すると述べた。", "ja"},
		{"chinese", "部长周二表示，该计划将在选举后公布。", "zh"},
		{"greek", "Ο υπουργός δήλωσε την Τρίτη ότι το σχέδιο θα δημοσιευθεί", "el"},
		{"hebrew", "השר אמר ביום שלישי כי התוכנית תפורסם לאחר הבחירות", "he"},
		{"thai", "รัฐมนตรีกล่าวเมื่อวันอังคารว่าแผนจะประกาศหลังการเลือกตั้ง", "th"},
		{"arabic", "قال الوزير يوم الثلاثاء إن الخطة ستنشر بعد الانتخابات", "ar"},
		{"persian", "وزیر روز سه شنبه گفت که این برنامه پس از انتخابات منتشر خواهد شد", "fa"},
		{"urdu", "وزیر نے منگل کو کہا کہ منصوبہ انتخابات کے بعد شائع کیا جائے گا", "ur"},
		{"english with a few korean letters", "The president of South Korea, 윤석열, said the talks with the north would resume in the spring.", "en"},
		{"digits and urls", "https://example.com/2024/01/02/123456789 0123456789", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := Detect(tt.text)
			if got != tt.want {
				t.Errorf("Detect(%q) = %q (%.2f); want %q", tt.text, got, conf, tt.want)
			}
			if got == "" && conf != 0 || got != "" && (conf < MinConfidence || conf > 1) {
				t.Errorf("Detect(%q) confidence %.2f out of range", tt.text, conf)
			}
		})
	}
}

func TestDetectLongInputIsSampled(t *testing.T) {
	long := strings.Repeat("The minister said that the plan would be published after the election. ", 2000)
	if got, _ := Detect(long); got != "en" {
		t.Errorf("long English = %q", got)
	}
	// A cut inside a multi-byte rune must not break anything.
	ru := strings.Repeat("Министр заявил, что план будет опубликован после выборов. ", 200)
	if got, _ := Detect(ru); got != "ru" {
		t.Errorf("long Russian = %q", got)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"EN", "en"}, {"en-US", "en"}, {"en_GB", "en"}, {"en_GB.UTF-8", "en"},
		{" fr-FR ", "fr"}, {"zh-Hans", "zh"}, {"zh-Hant-TW", "zh"}, {"zh_CN", "zh"},
		{"ENG", "en"}, {"fre", "fr"}, {"fra", "fr"}, {"ger", "de"}, {"cmn", "zh"}, {"yue", "zh"},
		{"english", "en"}, {"English", "en"}, {"Français", "fr"}, {"deutsch", "de"},
		{"español", "es"}, {"日本語", "ja"}, {"한국어", "ko"}, {"русский", "ru"},
		{"English (United States)", "en"}, {"iw", "he"}, {"in", "id"}, {"pt-BR", "pt"},
		{"en, fr", "en"}, {"de;q=0.8", "de"}, {`"nl"`, "nl"}, {"sr-Latn-RS", "sr"},
		{"nb-NO", "nb"}, {"no", "no"},
		{"", ""}, {"und", ""}, {"mul", ""}, {"zxx", ""}, {"x-default", ""}, {"xx", ""},
		{"klingon", ""}, {"-", ""}, {"en-", "en"}, {"e", ""}, {"12", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestTables(t *testing.T) {
	if len(wordLangs) > 32 {
		t.Fatalf("%d languages do not fit a uint32 mask", len(wordLangs))
	}
	for code := range functionWords {
		if langIndex(code) < 0 {
			t.Errorf("functionWords: unknown language %q", code)
		}
		if !iso6391[code] {
			t.Errorf("functionWords: %q is not ISO 639-1", code)
		}
	}
	for r, codes := range letterHints {
		for _, c := range strings.Fields(codes) {
			if langIndex(c) < 0 {
				t.Errorf("letterHints[%q]: unknown language %q", r, c)
			}
		}
	}
	for k, v := range aliases {
		if !iso6391[v] {
			t.Errorf("aliases[%q] = %q is not ISO 639-1", k, v)
		}
	}
	for _, l := range []langList{latinList, cyrillicList, devanagariList} {
		for _, c := range l.iso6391 {
			if !iso6391[c] {
				t.Errorf("whitelist code %q is not ISO 639-1", c)
			}
		}
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "The minister said that the plan", "서울", "東京です", "Ð¡Ð°Ð½ÐºÑ‚", "\xff\xfe", "وزیر"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, conf := Detect(s)
		if code == "" && conf != 0 || conf < 0 || conf > 1 {
			t.Fatalf("Detect(%q) = %q, %v", s, code, conf)
		}
		if code != "" && !iso6391[code] {
			t.Fatalf("Detect(%q) = %q: not ISO 639-1", s, code)
		}
		if n := Normalize(s); n != "" && !iso6391[n] {
			t.Fatalf("Normalize(%q) = %q", s, n)
		}
		_ = utf8.ValidString(s)
	})
}

// BenchmarkDetectArticle measures Detect on whole BBC articles.
func BenchmarkDetectArticle(b *testing.B) {
	samples := loadBBC(b, 100)
	var arts []string
	for _, s := range samples {
		if s.kind == "bbc-article" {
			arts = append(arts, s.text)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Detect(arts[i%len(arts)])
		i++
	}
}

// BenchmarkDetectHeadline measures Detect on BBC titles.
func BenchmarkDetectHeadline(b *testing.B) {
	samples := loadBBC(b, 100)
	var hs []string
	for _, s := range samples {
		if s.kind == "bbc-title" {
			hs = append(hs, s.text)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Detect(hs[i%len(hs)])
		i++
	}
}

// BenchmarkDetectMultilingual measures Detect over the hand-written set.
func BenchmarkDetectMultilingual(b *testing.B) {
	samples := loadMultilingual(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Detect(samples[i%len(samples)].text)
		i++
	}
}
