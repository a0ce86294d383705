package pubdate

import (
	"testing"
	"unicode/utf8"
)

func TestDateline(t *testing.T) {
	ref := Date{Year: 2022, Precision: "year"}
	tests := []struct {
		para string
		ref  Date
		want string // date, "" for none
		rest string // paragraph after the prefix; "" means no dateline (prefix 0)
		ok   bool
	}{
		{"BALI, Indonesia, Nov. 15 (Yonhap) -- President Yoon Suk-yeol said …", ref, "2022-11-15", "President Yoon Suk-yeol said …", true},
		{"WASHINGTON, Nov 15 (Reuters) - The U.S. Senate …", ref, "2022-11-15", "The U.S. Senate …", true},
		{"MOSCOW, 15 November 2022 (AFP) - Russia said …", ref, "2022-11-15", "Russia said …", true},
		{"SEOUL, Nov. 15 (Yonhap) -- North Korea fired …", ref, "2022-11-15", "North Korea fired …", true},
		{"Madrid, 24 ene (EFE).- El Gobierno aprobó hoy …", ref, "2022-01-24", "El Gobierno aprobó hoy …", true},
		{"BEIJING, Nov. 15 (Xinhua) -- Chinese President Xi Jinping …", ref, "2022-11-15", "Chinese President Xi Jinping …", true},
		{"NEW YORK, Nov. 15, 2022 /PRNewswire/ -- Acme Corp. today announced …", ref, "2022-11-15", "Acme Corp. today announced …", true},
		{"SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. today announced …", ref, "", "Acme Corp. today announced …", false},
		{"ST. LOUIS, Nov 15 (AP) — A jury …", ref, "2022-11-15", "A jury …", true},
		{"МОСКВА, 15 ноября. /ТАСС/. Президент России …", ref, "2022-11-15", "Президент России …", true},
		{"КИЇВ, 15 листопада (Укрінформ) — Президент …", ref, "2022-11-15", "Президент …", true},
		{"PARIS, 15 novembre (AFP) - Le président …", ref, "2022-11-15", "Le président …", true},
		{"BERLIN, 15. November (dpa) - Die Bundesregierung …", ref, "2022-11-15", "Die Bundesregierung …", true},
		{"MADRID, 15 Nov. (EUROPA PRESS) - El Gobierno …", ref, "2022-11-15", "El Gobierno …", true},
		{"JAKARTA, 15 November 2022 (Antara) - Presiden …", ref, "2022-11-15", "Presiden …", true},
		{"新华社北京11月15日电（记者 张三）国家主席习近平 …", ref, "2022-11-15", "国家主席习近平 …", true},
		{"新华社北京11月15日电 国家主席习近平 …", ref, "2022-11-15", "国家主席习近平 …", true},
		{"中新网11月15日电 据报道 …", ref, "2022-11-15", "据报道 …", true},
		{"新华社北京2022年11月15日电 国家主席 …", Date{}, "2022-11-15", "国家主席 …", true},
		// Datelines without a date.
		{"(서울=연합뉴스) 홍길동 기자 = 윤석열 대통령은 …", ref, "", "윤석열 대통령은 …", false},
		{"(서울=연합뉴스) 윤석열 대통령은 …", ref, "", "윤석열 대통령은 …", false},
		{"[서울=뉴시스] 홍길동 기자 = 윤석열 …", ref, "", "윤석열 …", false},
		{"【ワシントン=共同】米政府は …", ref, "", "米政府は …", false},
		{"PARIS (AP) — The French government …", ref, "", "The French government …", false},
		{"Washington (CNN) — President Joe Biden …", ref, "", "President Joe Biden …", false},
		{"NEW DELHI: The government on Tuesday …", ref, "", "The government on Tuesday …", false},
		{"LONDON — Britain's finance minister …", ref, "", "Britain's finance minister …", false},
		// Month and day without any year: the dateline is reported, not the date.
		{"BALI, Indonesia, Nov. 15 (Yonhap) -- President …", Date{}, "", "President …", false},
		// Not datelines.
		{"The President said on Tuesday that …", ref, "", "", false},
		{"Chinese President Xi Jinping said on Tuesday …", ref, "", "", false},
		{"BREAKING: A strong earthquake …", ref, "", "", false},
		{"UPDATE — The story has been corrected.", ref, "", "", false},
		{"Xi Jinping, the Chinese president, said …", ref, "", "", false},
		{"John Smith, Reuters", ref, "", "", false},
		{"On Nov. 15, the leaders met in Bali.", ref, "", "", false},
		{"Hello — this is a test.", ref, "", "", false},
		{"윤석열 대통령은 15일 …", ref, "", "", false},
		{"习近平11月15日在巴厘岛会见 …", ref, "", "", false},
		{"(AP) — The", ref, "", "", false},
		{"", ref, "", "", false},
		{"B Challenger (Belgrave Harriers). Pole vault: N Buckfield (Crawley AC).", ref, "", "", false},
		{"Manchester United (Premier League) - the club said …", ref, "", "", false},
		{"PARIS", ref, "", "", false},
		{"PARIS —", ref, "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.para, func(t *testing.T) {
			d, n, ok := Dateline(tc.para, tc.ref)
			rest := ""
			if n > 0 {
				rest = string([]rune(tc.para)[n:])
			}
			if d.String() != tc.want || rest != tc.rest || ok != tc.ok {
				t.Errorf("Dateline(%q) = %v, %d (%q), %v; want %s, %q, %v", tc.para, d, n, rest, ok, tc.want, tc.rest, tc.ok)
			}
			if n < 0 || n > utf8.RuneCountInString(tc.para) {
				t.Errorf("prefixLen %d out of range", n)
			}
		})
	}
}
