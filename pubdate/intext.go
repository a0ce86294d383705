package pubdate

// maxInText bounds the text InText scans (token offsets are 32-bit).
const maxInText = 1 << 28

// Found is a full date found in running text, located by code-point
// offsets (end exclusive) into the text searched.
type Found struct {
	Date
	Start, End int
	// Text is the date as written.
	Text string
}

// InText finds full dates — day, month and year — in running text such as
// the first paragraphs of an article: "on November 15, 2022", "15 November
// 2022", "15.11.2022", "2022-11-15", "2022年11月15日", "2022년 11월 15일",
// "15 de noviembre de 2022", "15. November 2022", "15 ноября 2022", "ngày
// 15 tháng 11 năm 2022", "15 تشرين الثاني 2022". Dates without a year and
// month-year phrases are skipped: they do not date a page on their own.
//
// All-numeric dates need a four-digit year in 1990–2100 and are read
// day-first unless a number above 12 decides (running text has no reliable
// US cue). Dates with a month word accept years from 1900.
func InText(text string) []Found {
	if !hasDigit(text) {
		return nil
	}
	if len(text) > maxInText {
		text = text[:maxInText]
	}
	ts, _ := tokenize(text, make([]token, 0, len(text)/5+4), len(text)+1, -1)
	o := matchOpt{minNamedYear: minTextYear}
	var out []Found
	for i := 0; i < len(ts); i++ {
		if ts[i].kind == tPunct {
			continue
		}
		m, ok := matchDate(ts, i, o)
		if !ok {
			continue
		}
		if m.y == 0 || m.d == 0 {
			i = m.last
			continue
		}
		first, last := &ts[m.first], &ts[m.last]
		out = append(out, Found{
			Date:  dayDate(m.y, m.m, m.d),
			Start: int(first.cpStart),
			End:   int(last.cpEnd),
			Text:  text[first.start:last.end],
		})
		i = m.last
	}
	return out
}

// hasDigit reports whether s holds a decimal digit of any supported script.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	for _, r := range s {
		if r >= 0x660 && digitVal(r) >= 0 {
			return true
		}
	}
	return false
}
