package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkTokens verifies the tokenizer's contract on one paragraph: offsets
// within the paragraph, strictly increasing and non-overlapping, Text equal
// to the paragraph's code points [Start:End], nothing but white space
// between tokens.
func checkTokens(t testing.TB, p string, toks []Token) {
	t.Helper()
	runes := []rune(p)
	prevEnd := 0
	for i, k := range toks {
		if k.Start < prevEnd || k.End <= k.Start || k.End > len(runes) {
			t.Fatalf("%q: token %d %q has bad offsets [%d,%d) after %d (len %d)", p, i, k.Text, k.Start, k.End, prevEnd, len(runes))
		}
		if got := string(runes[k.Start:k.End]); got != string([]rune(k.Text)) {
			t.Fatalf("%q: token %d Text %q but runes[%d:%d] = %q", p, i, k.Text, k.Start, k.End, got)
		}
		if (k.Start > prevEnd || i == 0 && k.Start > 0) != k.SpaceBefore {
			t.Fatalf("%q: token %d %q SpaceBefore %v, gap [%d,%d)", p, i, k.Text, k.SpaceBefore, prevEnd, k.Start)
		}
		for _, r := range runes[prevEnd:k.Start] {
			if !isSpaceRune(r) && r >= utf8.RuneSelf || r < utf8.RuneSelf && asciiClass[r]&clSpace == 0 {
				t.Fatalf("%q: non-space %q skipped before token %d", p, r, i)
			}
		}
		prevEnd = k.End
	}
	for _, r := range runes[prevEnd:] {
		if !isSpaceRune(r) && r >= utf8.RuneSelf || r < utf8.RuneSelf && asciiClass[r]&clSpace == 0 {
			t.Fatalf("%q: non-space %q skipped at the end", p, r)
		}
	}
}

// texts returns the tokens' texts joined with single spaces.
func texts(toks []Token) string {
	var b strings.Builder
	for i, k := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k.Text)
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Abbreviations and initials.
		{"US", "The U.S. and the U.K. met.", "The U.S. and the U.K. met ."},
		{"months", "On Nov. 15 and Sept. 3, Jan. 1", "On Nov. 15 and Sept. 3 , Jan. 1"},
		{"titles", "Gen. Smith, Mr. Jones, Dr. Who and Sen. Kim", "Gen. Smith , Mr. Jones , Dr. Who and Sen. Kim"},
		{"suffixes", "Martin Luther King Jr. and St. Louis", "Martin Luther King Jr. and St. Louis"},
		{"No before number", "No. 1 seed", "No. 1 seed"},
		{"no at sentence end", "He said no. Then", "He said no . Then"},
		{"vs eg ie", "Korea vs. Japan, e.g. Seoul, i.e. here", "Korea vs. Japan , e.g. Seoul , i.e. here"},
		{"initials", "J. K. Rowling and George W. Bush", "J. K. Rowling and George W. Bush"},
		{"dotted initials", "J.K. Rowling at 10 a.m. and 5 p.m.", "J.K. Rowling at 10 a.m. and 5 p.m."},
		{"Ph.D.", "a Ph.D. student", "a Ph.D. student"},
		{"party-state", "Sen. Lindsey Graham (R-S.C.) and (D-Ore.)", "Sen. Lindsey Graham ( R-S.C. ) and ( D-Ore. )"},
		{"etc ellipsis", "apples, etc... and", "apples , etc ... and"},
		{"Inc.", "Apple Inc. said", "Apple Inc. said"},
		{"unknown word", "the end.", "the end ."},
		{"capitals headline", "GEN. KIM VISITS U.S.", "GEN. KIM VISITS U.S."},
		// Names.
		{"Korean names", "Yoon Suk-yeol met Moon Jae-in", "Yoon Suk-yeol met Moon Jae-in"},
		{"Al-Assad", "Bashar al-Assad and Al-Assad", "Bashar al-Assad and Al-Assad"},
		{"O'Brien", "O'Brien and d'Ivoire and Qur'an", "O'Brien and d'Ivoire and Qur'an"},
		{"curly O'Brien", "O’Brien’s", "O’Brien ’s"},
		{"G-20", "the G-20 and G20 summit", "the G-20 and G20 summit"},
		{"AT&T", "AT&T and S&P 500, R&D; rock & roll", "AT&T and S&P 500 , R&D ; rock & roll"},
		// Possessives and clitics.
		{"possessive", "China's Foreign Ministry", "China 's Foreign Ministry"},
		{"curly possessive", "China’s Xi", "China ’s Xi"},
		{"plural possessive", "the workers' union", "the workers ' union"},
		{"plural possessive curly", "the workers’ union", "the workers ’ union"},
		{"caps possessive", "CHINA'S XI", "CHINA 'S XI"},
		{"negation", "don't can't won't DON'T isn't", "do n't ca n't wo n't DO N'T is n't"},
		{"clitics", "I'm we're they've he'll she'd", "I 'm we 're they 've he 'll she 'd"},
		{"curly negation", "doesn’t", "does n’t"},
		// Numbers.
		{"decimal thousands", "1,000.5 and 85 and 1,000,000", "1,000.5 and 85 and 1,000,000"},
		{"list commas", "1,2,3", "1 , 2 , 3"},
		{"score", "won 3-0 and 6-4", "won 3-0 and 6-4"},
		{"date", "on 2022-11-15 and 11/15/2022", "on 2022-11-15 and 11/15/2022"},
		{"time", "at 10:30 and 10.30am", "at 10:30 and 10.30am"},
		{"fraction", "1/2 and 3 1/2", "1/2 and 3 1/2"},
		{"percent", "50% and 3.5 %", "50 % and 3.5 %"},
		{"currencies", "$5, €5, £5bn, ¥100, ₩1,000", "$ 5 , € 5 , £ 5bn , ¥ 100 , ₩ 1,000"},
		{"US$", "US$5 and HK$3", "US$ 5 and HK$ 3"},
		{"ordinals", "the 10th and 1990s", "the 10th and 1990s"},
		{"apostrophe year", "the '90s and ’22", "the '90s and ’22"},
		{"negative", "fell to -5 and +3", "fell to -5 and +3"},
		{"compound", "a 10-year-old COVID-19 F-16", "a 10-year-old COVID-19 F-16"},
		{"number period", "grew 3.5.", "grew 3.5 ."},
		// Dashes and ellipses.
		{"dashes", "Yonhap -- South — Korea – Japan - x", "Yonhap -- South — Korea – Japan - x"},
		{"attached dashes", "word--word and word—word", "word -- word and word — word"},
		{"ellipsis", "wait... and wait… and wait....", "wait ... and wait … and wait ...."},
		{"two dots", "a..b", "a .. b"},
		// Quotes.
		{"ascii quotes", `"We agree," he said.`, `" We agree , " he said .`},
		{"curly quotes", "“We agree,” he said", "“ We agree , ” he said"},
		{"single quotes", "‘We agree’ and 'yes'", "‘ We agree ’ and ' yes '"},
		{"guillemets", "«Bonjour» and „Hallo“ and ‚ja‘", "« Bonjour » and „ Hallo “ and ‚ ja ‘"},
		{"CJK quotes", "「東京」", "「 東京 」"},
		{"quote after s", "the 'good times' ended", "the ' good times ' ended"},
		{"doubled ascii", "``Yes'' he said", "`` Yes '' he said"},
		// Web.
		{"URL", "See https://www.bbc.co.uk/news/world-1234.", "See https://www.bbc.co.uk/news/world-1234 ."},
		{"URL paren", "(see http://x.org/a_(b)) and (http://y.com/c)", "( see http://x.org/a_(b) ) and ( http://y.com/c )"},
		{"www", "at www.yna.co.kr, now", "at www.yna.co.kr , now"},
		{"domain", "Amazon.com and bbc.co.uk and spiegel.de", "Amazon.com and bbc.co.uk and spiegel . de"},
		{"email", "mail john.smith@example.com.", "mail john.smith@example.com ."},
		{"hashtag handle", "#MeToo @Reuters #1 C# a@b", "#MeToo @Reuters # 1 C # a @ b"},
		{"unicode hashtag", "#서울 #東京", "#서울 #東京"},
		// Scripts.
		{"Cyrillic", "Путин заявил, что", "Путин заявил , что"},
		{"Arabic", "قال الرئيس، اليوم؟", "قال الرئيس ، اليوم ؟"},
		{"Hangul", "윤석열 대통령은 15일", "윤석열 대통령은 15일"},
		{"Chinese", "中国外交部发言人说。", "中国外交部发言人说 。"},
		{"Japanese", "東京都のニュース、G20", "東京都のニュース 、 G20"},
		{"Thai", "ประเทศไทย ข่าว", "ประเทศไทย ข่าว"},
		{"Hebrew", "צה״ל אמר", "צה״ל אמר"},
		{"diacritics", "Zürich Ångström naïve São Paulo", "Zürich Ångström naïve São Paulo"},
		{"combining", "Cafe\u0301 x", "Cafe\u0301 x"},
		// Symbols and space.
		{"emoji", "nice 👍🏽 flag 🇰🇷 family 👨‍👩‍👧", "nice 👍🏽 flag 🇰🇷 family 👨‍👩‍👧"},
		{"nbsp and zwsp", "a\u00a0b\u200bc\ufeffd", "a b c d"},
		{"bangs", "What?! No!!", "What ?! No !!"},
		{"brackets", "(Yonhap) [1] {x}", "( Yonhap ) [ 1 ] { x }"},
		{"pre-tokenized", "China 's Xi did n't go", "China 's Xi did n't go"},
		{"empty", "", ""},
		{"spaces", "  \t\n ", ""},
		{"invalid utf8", "a\xffb \xc3", "a \xff b \xc3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.in)
			checkTokens(t, tc.in, toks)
			if got := texts(toks); got != tc.want {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		in   string
		want string // "text/Kind" for every token
	}{
		{"China's U.S. 3-0 $5", "China/Word 's/Clitic U.S./Abbrev 3-0/Number $/Symbol 5/Number"},
		{"workers' “x” — …", "workers/Word '/Clitic “/Quote x/Word ”/Quote —/Dash …/Ellipsis"},
		{"https://a.com a@b.org #tag @me 50%", "https://a.com/URL a@b.org/Email #tag/Hashtag @me/Handle 50/Number %/Symbol"},
		{"do n't? ,", "do/Word n't/Clitic ?/Punct ,/Punct"},
		{"J. Smith", "J./Abbrev Smith/Word"},
	}
	for _, tc := range tests {
		var parts []string
		for _, k := range Tokenize(tc.in) {
			parts = append(parts, k.Text+"/"+k.Kind.String())
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	// Offsets are code points: "’" and "한" count one each.
	p := "Moon’s 한국 visit 👍 ok"
	toks := Tokenize(p)
	want := []struct {
		text       string
		start, end int
		space      bool
	}{
		{"Moon", 0, 4, false}, {"’s", 4, 6, false}, {"한국", 7, 9, true},
		{"visit", 10, 15, true}, {"👍", 16, 17, true}, {"ok", 18, 20, true},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(toks), texts(toks), len(want))
	}
	for i, w := range want {
		k := toks[i]
		if k.Text != w.text || k.Start != w.start || k.End != w.end || k.SpaceBefore != w.space {
			t.Errorf("token %d = %q [%d,%d) space %v, want %q [%d,%d) space %v", i, k.Text, k.Start, k.End, k.SpaceBefore, w.text, w.start, w.end, w.space)
		}
	}
}

func TestAppendTokensReuse(t *testing.T) {
	buf := make([]Token, 0, 64)
	buf = AppendTokens(buf, "First paragraph.")
	n := len(buf)
	buf = AppendTokens(buf, "Second one")
	if len(buf) != n+2 || buf[n].Text != "Second" || buf[n].Start != 0 || buf[n].SpaceBefore {
		t.Fatalf("appended tokens wrong: %+v", buf[n:])
	}
	allocs := testing.AllocsPerRun(100, func() {
		buf = AppendTokens(buf[:0], "South Korea's President Yoon Suk-yeol met Xi Jinping on Nov. 15.")
	})
	if allocs != 0 {
		t.Errorf("AppendTokens into a large enough slice allocates %.0f times, want 0", allocs)
	}
}

func TestTokenKindString(t *testing.T) {
	if Handle.String() != "Handle" || TokenKind(200).String() != "TokenKind(200)" {
		t.Errorf("String: %q %q", Handle.String(), TokenKind(200).String())
	}
}
