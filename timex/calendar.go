package timex

import (
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph"
)

// span is the set of days a date may be: a publication date known to the
// month is any day of that month. lo and hi are the first and last day.
type span struct {
	lo, hi time.Time
	gran   Granularity
	value  string
	ok     bool
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// pubSpan reads a publication date at its stated precision: "2022-01-01"
// with year precision (the crawl placeholder) is the whole of 2022.
func pubSpan(pub newsgraph.Published) span {
	s := valueSpan(pub.Date)
	if !s.ok {
		return s
	}
	switch pub.Precision {
	case newsgraph.PrecisionYear:
		if s.gran != GranYear {
			return valueSpan(pub.Date[:4])
		}
	case newsgraph.PrecisionMonth:
		if s.gran == GranDay {
			return valueSpan(pub.Date[:7])
		}
	}
	return s
}

// valueSpan reads a date value ("2022-11-15", "2022-W46", "2022-11",
// "2022", "199") as the days it covers.
func valueSpan(v string) span {
	switch {
	case len(v) == 3:
		d, ok := digits(v)
		if !ok || d*10 < minYear || d*10 > maxYear {
			return span{}
		}
		return span{lo: day(d*10, 1, 1), hi: day(d*10+9, 12, 31), gran: GranDecade, value: v, ok: true}
	case len(v) == 4:
		y, ok := year(v)
		if !ok {
			return span{}
		}
		return span{lo: day(y, 1, 1), hi: day(y, 12, 31), gran: GranYear, value: v, ok: true}
	case len(v) == 7 && v[4] == '-':
		y, ok1 := year(v[:4])
		m, ok2 := digits(v[5:])
		if !ok1 || !ok2 || m < 1 || m > 12 {
			return span{}
		}
		return span{lo: day(y, m, 1), hi: day(y, m, daysIn(y, m)), gran: GranMonth, value: v, ok: true}
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		y, ok1 := year(v[:4])
		w, ok2 := digits(v[6:])
		if !ok1 || !ok2 || w < 1 || w > 53 {
			return span{}
		}
		mon := isoWeekMonday(y, w)
		if yy, ww := mon.ISOWeek(); yy != y || ww != w {
			return span{}
		}
		return span{lo: mon, hi: mon.AddDate(0, 0, 6), gran: GranWeek, value: v, ok: true}
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		y, ok1 := year(v[:4])
		m, ok2 := digits(v[5:7])
		d, ok3 := digits(v[8:])
		if !ok1 || !ok2 || !ok3 || !validDay(y, m, d) {
			return span{}
		}
		t := day(y, m, d)
		return span{lo: t, hi: t, gran: GranDay, value: v, ok: true}
	}
	return span{}
}

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) time.Time {
	jan4 := day(y, 1, 4) // always in week 1
	wd := int(jan4.Weekday()+6) % 7
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}

// format writes t at granularity g; "" for a year outside [minYear,
// maxYear] ("6,000 years ago").
func format(t time.Time, g Granularity) string {
	if y := t.Year(); y < minYear || y > maxYear {
		return ""
	}
	switch g {
	case GranDay:
		return t.Format("2006-01-02")
	case GranWeek:
		y, w := t.ISOWeek()
		if y < minYear || y > maxYear {
			return ""
		}
		return pad4(y) + "-W" + pad2(w)
	case GranMonth:
		return t.Format("2006-01")
	case GranYear:
		return pad4(t.Year())
	case GranDecade:
		return strconv.Itoa(t.Year() / 10)
	}
	return ""
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// isoWeekday is 1 for Monday … 7 for Sunday.
func isoWeekday(t time.Time) int { return int(t.Weekday()+6)%7 + 1 }

// granOf is the granularity at which a unit is counted.
func granOf(u unit) Granularity {
	switch u {
	case uDay:
		return GranDay
	case uWeek, uFortnight, uWeekend:
		return GranWeek
	case uMonth:
		return GranMonth
	case uYear, uDecade, uCentury:
		return GranYear
	}
	return ""
}

// shift moves t by n units.
func shift(t time.Time, u unit, n int) time.Time {
	switch u {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return addMonths(t, n)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	}
	return t
}

// addMonths moves t by n calendar months, clamping the day ("31 March"
// minus a month is 28 or 29 February, not 3 March).
func addMonths(t time.Time, n int) time.Time {
	y, m := t.Year(), int(t.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	d := min(t.Day(), daysIn(y, m+1))
	return day(y, m+1, d)
}
