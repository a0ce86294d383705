package pubdate

import (
	"testing"
)

func mustHeader(t testing.TB, s string) Date {
	t.Helper()
	d, ok := ParseHeader(s)
	if !ok {
		t.Fatalf("ParseHeader(%q) failed", s)
	}
	return d
}

func TestTimestamp(t *testing.T) {
	ref := Date{Year: 2022, Precision: "year"}
	tests := []struct {
		line string
		want string // date, "" for none
		time string
		ts   bool
	}{
		// English
		{"Published : Nov 15, 2022 - 10:30 Updated : Nov 15, 2022 - 11:00", "2022-11-15", "10:30", true},
		{"Updated : Nov 16, 2022 - 11:00 Published : Nov 15, 2022 - 10:30", "2022-11-15", "10:30", true},
		{"Updated 3:04 PM EST, Tue November 15, 2022", "2022-11-15", "15:04", true},
		{"15 November 2022", "2022-11-15", "", true},
		{"November 15, 2022", "2022-11-15", "", true},
		{"Tuesday, 15 November 2022", "2022-11-15", "", true},
		{"Published on 15th November 2022 at 10:30 GMT", "2022-11-15", "10:30", true},
		{"First published on Tue 15 Nov 2022 10.30 GMT", "2022-11-15", "10:30", true},
		{"Last updated: November 15, 2022 10:30 a.m. ET", "2022-11-15", "10:30", true},
		{"Posted: 11/15/2022 3:04 PM", "2022-11-15", "15:04", true},
		{"Nov. 15, 2022", "2022-11-15", "", true},
		{"15-Nov-2022", "2022-11-15", "", true},
		{"November 2022", "2022-11", "", true},
		{"Nov 15, 10:30 AM", "2022-11-15", "10:30", true},
		{"Yonhap Tuesday 10:30, 15 November 2022", "2022-11-15", "10:30", true},
		{"2022-11-15T10:30:00Z", "2022-11-15", "10:30", true},
		{"2022-11-15T10:30:00+09:00", "2022-11-15", "10:30", true},
		{"2022-11-15 10:30", "2022-11-15", "10:30", true},
		{"5 min read", "", "", true},
		{"Reading time: 4 minutes", "", "", true},
		{"2 hours ago", "", "", true},
		{"Updated 10:30 GMT", "", "", true},
		{"Reuters | 15 Nov 2022", "2022-11-15", "", true},
		{"All News 18:42 November 15, 2022", "2022-11-15", "18:42", true},
		{"Source: Xinhua | 2022-09-14 | Editor: Li Wei", "", "", false},
		{"Source: Xinhua | 2022-09-14 | Editor: Wei", "2022-09-14", "", true},
		// French
		{"publié le 15/11/2022 à 10h30", "2022-11-15", "10:30", true},
		{"Publié le 15 novembre 2022 à 10h30, mis à jour le 16 novembre 2022 à 08h00", "2022-11-15", "10:30", true},
		{"Mis à jour le 16/11/2022 à 08h00 - Publié le 15/11/2022", "2022-11-15", "", true},
		{"Lecture : 3 min", "", "", true},
		{"il y a 2 heures", "", "", true},
		// German
		{"Stand: 15.11.2022 10:30 Uhr", "2022-11-15", "10:30", true},
		{"Veröffentlicht am 15. November 2022 um 10:30 Uhr", "2022-11-15", "10:30", true},
		{"Aktualisiert am 15.11.22, 10:30 Uhr", "2022-11-15", "10:30", true},
		{"Dienstag, 15.11.2022, 10.30 Uhr", "2022-11-15", "10:30", true},
		{"Lesezeit: 3 Min.", "", "", true},
		{"vor 2 Stunden", "", "", true},
		// Spanish, Portuguese, Italian
		{"Publicado el 15 de noviembre de 2022 a las 10:30", "2022-11-15", "10:30", true},
		{"Actualizado: 15/11/2022 10:30", "2022-11-15", "10:30", true},
		{"15 de novembro de 2022, 10h30", "2022-11-15", "10:30", true},
		{"Atualizado em 15/11/2022 às 10h30", "2022-11-15", "10:30", true},
		{"Pubblicato il 15 novembre 2022 alle 10:30", "2022-11-15", "10:30", true},
		{"martedì 15 novembre 2022", "2022-11-15", "", true},
		{"hace 2 horas", "", "", true},
		// Russian, Ukrainian
		{"Опубликовано: 15.11.2022 10:30", "2022-11-15", "10:30", true},
		{"15 ноября 2022, 10:30", "2022-11-15", "10:30", true},
		{"Обновлено 15 ноября 2022 г., 11:00", "2022-11-15", "11:00", true},
		{"Опубліковано 15 листопада 2022 року о 10:30", "2022-11-15", "10:30", true},
		// Korean, Chinese, Japanese
		{"입력 2022.11.15 10:30 수정 2022.11.15 11:00", "2022-11-15", "10:30", true},
		{"기사입력 2022. 11. 15. 오후 3:04", "2022-11-15", "15:04", true},
		{"2022년 11월 15일 10시 30분", "2022-11-15", "10:30", true},
		{"2022年11月15日 10:30", "2022-11-15", "10:30", true},
		{"发布时间：2022-11-15 10:30 来源：新华社", "2022-11-15", "10:30", true},
		{"2022年11月15日 10时30分", "2022-11-15", "10:30", true},
		{"更新 2022年11月16日 公開 2022年11月15日", "2022-11-15", "", true},
		{"2小时前", "", "", true},
		// Arabic, Indonesian, Turkish, Vietnamese
		{"نشر في 15 نوفمبر 2022", "2022-11-15", "", true},
		{"تاريخ النشر: ١٥ نوفمبر ٢٠٢٢", "2022-11-15", "", true},
		{"الثلاثاء 15 تشرين الثاني 2022", "2022-11-15", "", true},
		{"Selasa, 15 Nov 2022 10:30 WIB", "2022-11-15", "10:30", true},
		{"Diterbitkan: Selasa, 15 November 2022 pukul 10:30 WIB", "2022-11-15", "10:30", true},
		{"Yayınlanma: 15 Kasım 2022 10:30", "2022-11-15", "10:30", true},
		{"15.11.2022 - Güncelleme: 15.11.2022 11:00", "2022-11-15", "", true},
		{"Thứ ba, 15/11/2022, 10:30 (GMT+7)", "2022-11-15", "10:30", true},
		{"Cập nhật lúc 10:30 ngày 15 tháng 11 năm 2022", "2022-11-15", "10:30", true},
		// Long tail (go-dateparser)
		{"Opublikowano: 15 listopada 2022", "2022-11-15", "", true},
		// Ambiguous numeric dates: day-first unless decided.
		{"03/04/2022", "2022-04-03", "", true},
		{"03/04/2022 10:30 AM EST", "2022-03-04", "10:30", true},
		{"04/15/2022", "2022-04-15", "", true},
		// Byline with a labelled date: the date, but not furniture.
		{"By Jane Doe | Published 15 Nov 2022", "2022-11-15", "", false},
		// Negatives: sentences, captions, scores, phones, prices, times.
		{"The talks resumed on 15 November 2022 after a pause.", "", "", false},
		{"He was born on 15 November 1990.", "", "", false},
		{"It happened on 15 November 2022.", "", "", false},
		{"Protesters gather outside parliament on 15 November 2022. REUTERS/John Smith", "", "", false},
		{"Photo taken on 15 November 2022 shows the site.", "", "", false},
		{"Korea won 3-0.", "", "", false},
		{"3-0", "", "", false},
		{"1 of 3", "", "", false},
		{"Call +1 202-555-0143 for details", "", "", false},
		{"Price: $1,299.99", "", "", false},
		{"The meeting starts at 10:30.", "", "", false},
		{"10:30", "", "", false},
		{"Tuesday 10:30", "", "", false},
		{"Over 2,000 people attended in 2022.", "", "", false},
		{"Chapter 11", "", "", false},
		{"Top 10 stories of 2022", "", "", false},
		{"COVID-19 cases rose 15% in November 2022, officials said on Tuesday.", "", "", false},
		{"The G20 summit in Bali runs from Nov 15 to 16.", "", "", false},
		{"Score: 2-1 (45', 78')", "", "", false},
		{"Version 1.2.2022 released", "", "", false},
		{"Image 3/12", "", "", false},
		{"Room 2022", "", "", false},
		{"President Yoon Suk-yeol met Xi Jinping on the sidelines of the G20 summit in Bali, Indonesia, on Tuesday, Nov. 15, 2022.", "", "", false},
		{"", "", "", false},
		{"Advertisement", "", "", false},
		{"2017年7月18日，正式加盟环球音乐并在北京举行亚洲签约记者会", "", "", false},
		{"© 2022 Yonhap News Agency. All rights reserved.", "", "", false},
		{"Copyright 2022 Reuters", "", "", false},
		{"Tel. 02-398-3114", "", "", false},
		{"Page 2 of 15", "", "", false},
		{"Temperatures will reach 15 degrees on 15 November.", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			d, ts := Timestamp(tc.line, ref)
			if d.String() != tc.want || d.Time != tc.time || ts != tc.ts {
				t.Errorf("Timestamp(%q) = %v %q %v, want %s %q %v", tc.line, d, d.Time, ts, tc.want, tc.time, tc.ts)
			}
		})
	}
}

func TestTimestampRef(t *testing.T) {
	tests := []struct {
		line, ref, want string
	}{
		{"Nov 15, 10:30", "2022-01-01", "2022-11-15"},
		{"Nov 15, 10:30", "", ""},
		{"Dec. 30, 18:00", "2023-01-02", "2022-12-30"},
		{"Dec. 30, 18:00", "2023-01", "2022-12-30"},
		{"Dec. 30, 18:00", "2023-01-01", "2023-12-30"}, // placeholder header: year only
		{"29 Feb, 10:00", "2022-01-01", ""},
		{"29 Feb, 10:00", "2024-01-01", "2024-02-29"},
		{"11월 15일 10:30", "2022-11-16", "2022-11-15"},
	}
	for _, tc := range tests {
		var ref Date
		if tc.ref != "" {
			ref = mustHeader(t, tc.ref)
		}
		d, ts := Timestamp(tc.line, ref)
		if d.String() != tc.want || !ts {
			t.Errorf("Timestamp(%q, %s) = %v %v, want %s true", tc.line, tc.ref, d, ts, tc.want)
		}
	}
}
