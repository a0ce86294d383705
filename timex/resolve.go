package timex

import (
	"strconv"
	"time"
)

// form is the shape of a recognised expression: which rule gives its value.
type form uint8

const (
	fmFixed       form = iota + 1 // value known from the words alone (explicit dates, durations, sets, decades)
	fmDayMonth                    // "15 November": the year from the publication date
	fmMonth                       // "in December": which December from the publication date and dir
	fmWeekday                     // "Tuesday": which Tuesday from the publication date and dir
	fmRelDay                      // "yesterday": n days from the publication date
	fmShift                       // "last week": n units from the publication date
	fmSeason                      // "last summer": the year of a season relative to publication
	fmAgo                         // "three years ago": n units before publication
	fmAnchor                      // "the day before", "that year": n units from the anchor
	fmMonthOfYear                 // "May last year": month m of the year n years from publication
)

// sem is what an expression means before it is resolved.
type sem struct {
	kind  Kind
	form  form
	value string      // fmFixed: the value ("" when it has none)
	gran  Granularity // fmFixed dates, fmAnchor: the granularity of the value
	m, d  int         // month and day (fmDayMonth, fmMonth; fmSeason: first month)
	wd    int         // weekday 1–7 (fmWeekday)
	dir   int         // -1 "last", +1 "next", 0 by tense
	n     int         // a count of units or days
	unit  unit
}

// tensed reports whether the value depends on the tense of the clause.
func (s *sem) tensed() bool {
	return s.dir == 0 && (s.form == fmWeekday || s.form == fmMonth || s.form == fmDayMonth)
}

// reference is what an expression is resolved against.
type reference struct {
	pub    span
	tense  Tense
	anchor span
}

// resolve normalises s. A value that depends on the publication (or
// anchor) date is computed for the first and for the last day that date
// may be; every rule is monotonic in the date, so when the two agree the
// value holds for every day in between, and when they differ the
// expression gets no value rather than a guess.
func (s *sem) resolve(ref *reference) Resolution {
	r := Resolution{Kind: s.kind}
	if s.form == fmFixed {
		r.Value = s.value
		if s.kind == KindDate && r.Value != "" {
			r.Granularity = s.gran
		}
		return r
	}
	base := ref.pub
	if s.form == fmAnchor {
		base = ref.anchor
	}
	if !base.ok {
		return r
	}
	lo, g := s.at(base.lo, ref.tense)
	hi, _ := s.at(base.hi, ref.tense)
	if lo != "" && lo == hi {
		r.Value, r.Granularity = lo, g
	}
	return r
}

// at is the value of s when the reference date is t.
func (s *sem) at(t time.Time, tense Tense) (string, Granularity) {
	switch s.form {
	case fmDayMonth:
		y := t.Year()
		c := day(y, s.m, min(s.d, daysIn(y, s.m)))
		if tense == TenseFuture {
			if c.Before(t.AddDate(0, 0, -7)) {
				y++
			}
		} else if c.After(t.AddDate(0, 0, 7)) {
			y--
		}
		if !validDay(y, s.m, s.d) {
			return "", ""
		}
		return format(day(y, s.m, s.d), GranDay), GranDay
	case fmMonth:
		y, tm := t.Year(), int(t.Month())
		switch {
		case s.dir < 0 && s.m >= tm, s.dir == 0 && tense != TenseFuture && s.m > tm:
			y--
		case s.dir > 0 && s.m <= tm, s.dir == 0 && tense == TenseFuture && s.m < tm:
			y++
		}
		return format(day(y, s.m, 1), GranMonth), GranMonth
	case fmWeekday:
		diff := s.wd - isoWeekday(t) // days from t to the weekday in t's week
		switch {
		case s.dir < 0, s.dir == 0 && tense != TenseFuture:
			if diff > 0 || diff == 0 && s.dir < 0 {
				diff -= 7
			}
		default:
			if diff < 0 || diff == 0 && s.dir > 0 {
				diff += 7
			}
		}
		return format(t.AddDate(0, 0, diff), GranDay), GranDay
	case fmMonthOfYear:
		return format(day(t.Year()+s.n, s.m, 1), GranMonth), GranMonth
	case fmRelDay:
		return format(t.AddDate(0, 0, s.n), GranDay), GranDay
	case fmShift:
		g := granOf(s.unit)
		return format(shift(t, s.unit, s.n), g), g
	case fmSeason:
		if s.m == 12 { // winter straddles two years
			return "", ""
		}
		y, tm := t.Year(), int(t.Month())
		switch {
		case s.n < 0 && tm < s.m+3: // the season has not ended yet this year
			y--
		case s.n > 0 && tm >= s.m:
			y++
		}
		return format(day(y, 1, 1), GranYear), GranYear
	case fmAgo:
		g := granOf(s.unit)
		if g == "" {
			return "", ""
		}
		return format(shift(t, s.unit, -s.n), g), g
	case fmAnchor:
		g := s.gran
		if g == "" {
			g = granOf(s.unit)
		}
		return format(shift(t, s.unit, s.n), g), g
	}
	return "", ""
}

// isoDuration writes n units as an ISO 8601 duration ("P3Y", "PT5H",
// "P1.5Y"); n is a decimal string.
func isoDuration(n string, u unit) string {
	switch u {
	case uSecond:
		return "PT" + n + "S"
	case uMinute:
		return "PT" + n + "M"
	case uHour:
		return "PT" + n + "H"
	case uDay:
		return "P" + n + "D"
	case uWeek:
		return "P" + n + "W"
	case uFortnight:
		return "P" + scale(n, 2) + "W"
	case uMonth:
		return "P" + n + "M"
	case uYear:
		return "P" + n + "Y"
	case uDecade:
		return "P" + scale(n, 10) + "Y"
	case uCentury:
		return "P" + scale(n, 100) + "Y"
	}
	return ""
}

// scale multiplies the decimal string n by k.
func scale(n string, k int) string {
	f, err := strconv.ParseFloat(n, 64)
	if err != nil {
		return n
	}
	return strconv.FormatFloat(f*float64(k), 'f', -1, 64)
}
