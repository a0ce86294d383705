package pubdate

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Published : Nov 15, 2022 - 10:30 Updated : Nov 15, 2022 - 11:00",
	"Updated 3:04 PM EST, Tue November 15, 2022",
	"입력 2022.11.15 10:30 수정 2022.11.15 11:00",
	"publié le 15/11/2022 à 10h30",
	"2022年11月15日 10时30分",
	"BALI, Indonesia, Nov. 15 (Yonhap) -- President",
	"新华社北京11月15日电（记者 张三）",
	"(서울=연합뉴스) 홍길동 기자 = 윤석열",
	"МОСКВА, 15 ноября. /ТАСС/. Президент",
	"الثلاثاء 15 تشرين الثاني 2022",
	"2022-11-15T10:30:00-05:00",
	"3-0", "1 of 3", "\xff\xfe15.11.2022", "(((((", "2小时前",
}

func FuzzTimestamp(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		d, _ := Timestamp(line, Date{Year: 2022, Precision: "year"})
		checkDate(t, d)
		d, _ = Timestamp(line, Date{})
		checkDate(t, d)
	})
}

func FuzzDateline(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		d, n, ok := Dateline(p, Date{Year: 2022, Month: 11, Precision: "month"})
		if n < 0 || n > utf8.RuneCountInString(p) {
			t.Fatalf("prefixLen %d out of range for %q", n, p)
		}
		if ok && (n == 0 || d.IsZero()) {
			t.Fatalf("ok with prefix %d date %v", n, d)
		}
		checkDate(t, d)
	})
}

func FuzzInText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, fd := range InText(s) {
			if fd.Start < 0 || fd.End > n || fd.Start >= fd.End {
				t.Fatalf("bad offsets %d-%d in %q", fd.Start, fd.End, s)
			}
			checkDate(t, fd.Date)
		}
	})
}

func FuzzFromURL(f *testing.F) {
	for _, s := range []string{"https://x.com/2022/11/15/a", "/2022/nov/15/", "?date=2022-11-15", "%zz/2022/11"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		d, _ := FromURL(u)
		checkDate(t, d)
	})
}

// checkDate fails on a date that is not a valid calendar date at its precision.
func checkDate(t *testing.T, d Date) {
	t.Helper()
	if d.IsZero() {
		return
	}
	if d.Year < minTextYear || d.Year > maxYear {
		t.Fatalf("year out of range: %+v", d)
	}
	switch d.Precision {
	case "day":
		if !validDay(d.Year, d.Month, d.Day) {
			t.Fatalf("invalid day: %+v", d)
		}
	case "month":
		if d.Month < 1 || d.Month > 12 || d.Day != 0 {
			t.Fatalf("invalid month: %+v", d)
		}
	}
	if d.Time != "" && (len(d.Time) != 5 || d.Time[2] != ':' || d.Time > "23:59") {
		t.Fatalf("invalid time: %+v", d)
	}
}
