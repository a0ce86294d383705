package charset

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// correctTexts are correct strings in many languages: Repair must leave them
// alone, and must restore them from their mojibake.
var correctTexts = []string{
	"The quick brown fox jumps over the lazy dog.",
	"L'été dernier, à Paris, le président a déclaré « Nous irons » !",
	"À bientôt — c’est déjà l’heure ; où est le garçon ?",
	"Über die Straße gehen Bäume, Öl und Äpfel für 5 €.",
	"»Die Größe«, sagte er, „ist übertrieben“.",
	"El niño comió año tras año en España; ¿qué pasó? ¡Olé!",
	"São Paulo e Brasília: ação, coração, irmã e avô.",
	"SÃO PAULO — A prefeitura anunciou nesta terça-feira",
	"SÃO TOMÉ E PRÍNCIPE; NGÃ BA; TRÃ VINH",
	"Hà Nội: Thủ tướng Phạm Minh Chính phát biểu tại Việt Nam.",
	"Санкт-Петербург: президент России заявил в пятницу",
	"Київ: Верховна Рада ухвалила закон про ґрунти і їжу.",
	"서울 시장은 오늘 기자회견을 열었다.",
	"東京都は月曜日、新しい計画を発表した。",
	"北京市政府周一宣布了新的交通计划。",
	"Αθήνα: Η κυβέρνηση ανακοίνωσε νέα μέτρα.",
	"ירושלים: הממשלה הודיעה היום על צעדים חדשים",
	"القاهرة: أعلنت الحكومة المصرية اليوم عن خطة جديدة",
	"İstanbul'da yağmur: Türkiye'nin başkenti Ankara'dır.",
	"Warszawa: Prezydent Polski spotkał się z żołnierzami.",
	"Göteborg: Regeringen säger att åtgärderna är nödvändiga.",
	"Emoji 😀 and “smart quotes” and ‘single’ … and ™ ©",
	"Ã is a letter; ã too. Â and â. Ð and ð. Ñ and ñ.",
	"3×\u00a04 = 12, 45° angle, ½ cup, ±2, µm",
	"à\u00a0« Paris »\u00a0: l’été à\u00a0Nice",
	"«CAFÉ» «ÇA» »MÜ« «ESPAÑA»",
	"dijo que sí…” y luego José…” pero",
	"Ïñtërnâtiônàlizætiøn",
	"naïve café résumé coöperate",
	"Thị trường chứng khoán Việt Nam tăng điểm mạnh",
	"",
}

// mojibake returns s as a Windows-1252 mis-decoder would show it, mapping
// the five undefined bytes to U+0081 etc. like Python's and browsers'
// lenient decoders do.
func mojibake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// latin1 returns s as a Latin-1 mis-decoder would show it.
func latin1(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func TestRepairTable(t *testing.T) {
	tests := []struct {
		name, in, want string
		changed        bool
	}{
		{"ete", "Ã©tÃ©", "été", true},
		{"apostrophe", "itâ€™s", "it’s", true},
		{"quotes with undefined 0x9D", "â€œHelloâ€\u009d", "“Hello”", true},
		{"uber", "Ã¼ber", "über", true},
		{"cyrillic", "Ð¡Ð°Ð½ÐºÑ‚", "Санкт", true},
		{"korean", "ì„œìš¸", "서울", true},
		{"euro", "â‚¬5", "€5", true},
		{"trademark", "Brandâ„¢", "Brand™", true},
		{"pound nbsp", "Â£10\u00a0and", "£10\u00a0and", true},
		{"emoji", "ðŸ˜€ smile", "😀 smile", true},
		{"bom mojibake dropped", "ï»¿Title", "Title", true},
		{"double", "ÃƒÂ©tÃƒÂ©", "été", true},
		{"double apostrophe", "itÃ¢â‚¬â„¢s", "it’s", true},
		{"mixed correct and broken", "café and cafÃ©", "café and café", true},
		{"mixed across scripts", "Москва and Ð¡Ð°Ð½ÐºÑ‚", "Москва and Санкт", true},
		{"vietnamese", "Viá»‡t Nam", "Việt Nam", true},
		{"decomposed accent", "e\u00cc\u0081", "e\u0301", true},
		{"latin1 decoded quote", "\u00e2\u0080\u0099", "’", true},
		{"ellipsis", "waitâ€¦", "wait…", true},
		{"em dash", "yesâ€”no", "yes—no", true},
		{"chinese sentence", "åŒ—äº¬å¸‚", "北京市", true},
		{"japanese with undefined 0x9D", "æ\u009d±äº¬", "東京", true},
		// Negatives: correct text must survive.
		{"sao paulo", "SÃO PAULO", "SÃO PAULO", false},
		{"plain e acute", "é", "é", false},
		{"ascii", "hello world", "hello world", false},
		{"lone A tilde", "Ã", "Ã", false},
		{"A tilde at end", "IRMÃ", "IRMÃ", false},
		{"french nbsp guillemet", "à\u00a0« Paris »", "à\u00a0« Paris »", false},
		{"spanish ellipsis quote", "sí…”", "sí…”", false},
		{"single weak cyrillic", "Ð°", "Ð°", false},
		{"times nbsp", "3×\u00a04", "3×\u00a04", false},
		{"guillemet after caps", "«CAFÉ»", "«CAFÉ»", false},
		{"C1 control from double mis-decoding", "Â\u0080", "\u0080", true},
		{"IPA result rejected", "É»", "É»", false},
		{"truncated sequence", "â€", "â€", false},
		{"invalid utf8 passthrough", "caf\xc3", "caf\xc3", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := Repair(tt.in)
			if got != tt.want || changed != tt.changed {
				t.Errorf("Repair(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
			}
		})
	}
}

func TestRepairRoundTrip(t *testing.T) {
	for _, s := range correctTexts {
		if got, changed := Repair(s); got != s || changed {
			t.Errorf("Repair(correct %q) = %q, %v; want unchanged", s, got, changed)
		}
		if s == "" || isASCII(s) {
			continue
		}
		for name, broken := range map[string]string{
			"cp1252":        mojibake(s),
			"latin1":        latin1(s),
			"double cp1252": mojibake(mojibake(s)),
		} {
			if got, _ := Repair(broken); got != s {
				t.Errorf("%s: Repair(%q) = %q; want %q", name, broken, got, s)
			}
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func TestDecodeBytes(t *testing.T) {
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("héllo 서울")
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("héllo 서울")
	tests := []struct {
		name     string
		in       []byte
		declared string
		want     string
		errOff   int // -1: no error; >=0: InvalidUTF8Error offset; -2: other error
	}{
		{"ascii", []byte("hello"), "", "hello", -1},
		{"utf8", []byte("héllo"), "", "héllo", -1},
		{"utf8 bom", []byte("\xef\xbb\xbfhéllo"), "", "héllo", -1},
		{"utf8 ignores wrong declaration", []byte("héllo"), "windows-1252", "héllo", -1},
		{"empty", nil, "", "", -1},
		{"utf16le bom", []byte(utf16le), "", "héllo 서울", -1},
		{"utf16be bom", []byte(utf16be), "", "héllo 서울", -1},
		{"latin1 declared", []byte("caf\xe9"), "iso-8859-1", "café", -1},
		{"cp1252 declared quotes", []byte("\x93hi\x94"), "windows-1252", "“hi”", -1},
		{"declared with quotes and charset=", []byte("caf\xe9"), `text/html; charset="ISO-8859-1"`, "café", -1},
		{"cp1251", []byte("\xcf\xf0\xe8\xe2\xe5\xf2"), "windows-1251", "Привет", -1},
		{"koi8-r", []byte("\xf0\xd2\xc9\xd7\xc5\xd4"), "koi8-r", "Привет", -1},
		{"shift_jis", []byte("\x93\x8c\x8b\x9e"), "Shift_JIS", "東京", -1},
		{"euc-kr", []byte("\xbc\xad\xbf\xef"), "euc-kr", "서울", -1},
		{"gbk", []byte("\xb1\xb1\xbe\xa9"), "gb2312", "北京", -1},
		{"undeclared latin1", []byte("caf\xe9 ok"), "", "", 3},
		{"undeclared at start", []byte("\xff"), "", "", 0},
		{"unknown charset", []byte("caf\xe9"), "no-such-charset", "", -2},
		{"blank declaration", []byte("ab\x80"), "  ", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeBytes(tt.in, tt.declared)
			switch {
			case tt.errOff == -1:
				if err != nil || got != tt.want {
					t.Errorf("DecodeBytes = %q, %v; want %q", got, err, tt.want)
				}
			case tt.errOff == -2:
				if err == nil {
					t.Errorf("DecodeBytes = %q, nil; want error", got)
				}
			default:
				var ie *InvalidUTF8Error
				if !errors.As(err, &ie) || ie.Offset != tt.errOff {
					t.Errorf("DecodeBytes err = %v; want InvalidUTF8Error at %d", err, tt.errOff)
				}
			}
		})
	}
}

func FuzzRepair(f *testing.F) {
	for _, s := range correctTexts {
		f.Add(s)
		f.Add(mojibake(s))
	}
	f.Add("Ã©tÃ©\xff\xc3")
	f.Fuzz(func(t *testing.T, s string) {
		out, changed := Repair(s)
		if !changed && out != s {
			t.Fatalf("changed=false but output differs: %q -> %q", s, out)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("valid input gave invalid output: %q -> %q", s, out)
		}
		// Repairing twice gives nothing more than the pass limit allows,
		// and never panics.
		_, _ = Repair(out)
	})
}

func FuzzDecodeBytes(f *testing.F) {
	f.Add([]byte("héllo"), "")
	f.Add([]byte("\xff\xfeh\x00"), "")
	f.Add([]byte("caf\xe9"), "latin1")
	f.Fuzz(func(t *testing.T, b []byte, declared string) {
		out, err := DecodeBytes(b, declared)
		if err == nil && !utf8.ValidString(out) && utf8.Valid(b) {
			t.Fatalf("valid input gave invalid output")
		}
	})
}

func BenchmarkRepairFastPath(b *testing.B) {
	s := cleanArticle()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Repair(s)
	}
}

func BenchmarkRepairAccentedClean(b *testing.B) {
	s := strings.Repeat("L'été dernier, à Paris, le président a déclaré « Nous irons » ! ", 48)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Repair(s)
	}
}

func BenchmarkRepairBroken(b *testing.B) {
	s := mojibake(strings.Repeat("L'été dernier, à Paris, le président a déclaré “Nous irons” ! ", 48))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Repair(s)
	}
}

// cleanArticle is about 3 KB of clean English news text.
func cleanArticle() string {
	const p = "The government said on Tuesday that it would raise spending on schools and hospitals, " +
		"after months of pressure from opposition parties and unions. "
	return strings.Repeat(p, 3072/len(p)+1)[:3072]
}
