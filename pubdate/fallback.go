package pubdate

import (
	"time"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// maxFallbackRunes bounds the lines handed to go-dateparser.
const maxFallbackRunes = 64

// fallbackTimestamp asks go-dateparser about a short line that holds a
// plausible year and one or two words the lexicon does not know ("15
// listopada 2022"). It is the slow path, reached by few lines. The result is
// kept only when go-dateparser finds a full date whose year and day are
// numbers of the line, which rules out relative and invented dates.
func fallbackTimestamp(line string, ts []token) (Date, bool) {
	if utf8.RuneCountInString(line) > maxFallbackRunes {
		return Date{}, false
	}
	hasYear := false
	start, numStart := -1, -1
	for k := range ts {
		t := &ts[k]
		if t.isNum(4, 4) && t.val >= minYear && t.val <= maxYear {
			hasYear = true
		}
		if start < 0 && t.kind != tPunct && !t.has(fPub|fUpd|fFill|fWeekday) {
			start = t.start
		}
		if numStart < 0 && t.kind == tNum {
			numStart = t.start
		}
	}
	if !hasYear || start < 0 {
		return Date{}, false
	}
	// Try the line without its leading labels, then from its first number
	// (an unknown label such as "Opublikowano:" defeats the parser).
	tm, period, ok := parseLongTail(line[start:])
	if !ok && numStart > start {
		tm, period, ok = parseLongTail(line[numStart:])
	}
	if !ok || tm.Year() < minYear || tm.Year() > maxYear {
		return Date{}, false
	}
	yearSeen, daySeen := false, false
	for k := range ts {
		t := &ts[k]
		if t.kind != tNum {
			continue
		}
		if t.val == tm.Year() {
			yearSeen = true
		}
		if t.val == tm.Day() && t.ndig <= 2 {
			daySeen = true
		}
	}
	if !yearSeen || !daySeen {
		return Date{}, false
	}
	d := dayDate(tm.Year(), int(tm.Month()), tm.Day())
	if period.IsTime() {
		d.Time = tm.Format("15:04")
	}
	return d, true
}

// parseLongTail runs go-dateparser on s, requiring day, month and year, with
// day-first order for ambiguous numbers. Panics inside the library are
// turned into a failed parse: bad input must never crash the cleaner.
func parseLongTail(s string) (t time.Time, period date.Period, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	cfg := &dps.Configuration{
		CurrentTime:        time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		DateOrder:          dps.DMY,
		StrictParsing:      true,
		ReturnTimeAsPeriod: true,
	}
	dt, err := dps.Parse(cfg, s)
	if err != nil || dt.IsZero() {
		return time.Time{}, date.None, false
	}
	return dt.Time, dt.Period, true
}
