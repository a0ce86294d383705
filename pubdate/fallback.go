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
	if utf8.RuneCountInString(line) > maxFallbackRunes || !monthSlot(ts) {
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
			start = int(t.start)
		}
		if numStart < 0 && t.kind == tNum {
			numStart = int(t.start)
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

// monthSlot reports whether an unknown word sits where a month name would:
// between a day and a year ("15 listopada 2022", "15. listopadu 2022") or
// before a day and a year ("listopad 15, 2022"). Only such lines are worth
// the cost of go-dateparser (milliseconds a call).
func monthSlot(ts []token) bool {
	// skip steps over "." and "," from k in direction step.
	skip := func(k, step int) int {
		for k >= 0 && k < len(ts) && ts[k].kind == tPunct && (ts[k].r == '.' || ts[k].r == ',') {
			k += step
		}
		return k
	}
	for k := range ts {
		if t := &ts[k]; t.kind != tWord || t.info.known() {
			continue
		}
		p, n := skip(k-1, -1), skip(k+1, 1)
		if at(ts, p).isNum(1, 2) && at(ts, n).isNum(4, 4) {
			return true
		}
		if at(ts, n).isNum(1, 2) && at(ts, skip(n+1, 1)).isNum(4, 4) {
			return true
		}
	}
	return false
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
