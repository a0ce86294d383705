package pubdate

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Year bounds. A publication date outside [minYear, maxYear] is rejected;
// InText accepts older years (down to minTextYear) when the month is written
// as a word, because "15 November 1989" is unambiguously a date.
const (
	minYear     = 1990
	maxYear     = 2100
	minTextYear = 1900
)

// Date is a calendar date with the precision the evidence supports. Fields
// below the precision are zero: a month-precision date has Day 0.
type Date struct {
	Year, Month, Day int
	// Precision is how much of the date the evidence supports.
	Precision newsgraph.Precision
	// Time is the time of day as "HH:MM" (24-hour clock, the page's own
	// time zone) when the evidence gave one, else "".
	Time string
}

// String formats the date to its precision: "2022", "2022-11" or
// "2022-11-15"; "" for a zero date.
func (d Date) String() string {
	switch d.Precision {
	case newsgraph.PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case newsgraph.PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case newsgraph.PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// IsZero reports whether d carries no date.
func (d Date) IsZero() bool { return d.Precision == newsgraph.PrecisionNone || d.Year == 0 }

// Published turns d into the record's published object with the given
// origin (one of the newsgraph.Origin constants). Raw and Conflict are left
// for the caller.
func (d Date) Published(origin string) newsgraph.Published {
	if d.IsZero() {
		return newsgraph.Published{}
	}
	return newsgraph.Published{Date: d.String(), Precision: d.Precision, Origin: origin, Time: d.Time}
}

// ParseHeader parses a crawl header date. "YYYY-MM-DD" gives day precision,
// except the placeholder "YYYY-01-01" which crawlers write when they only
// know the year: it gives year precision. "YYYY-MM" gives month precision
// and "YYYY" year precision. "YYYY-MM-00" and "YYYY-00-00" are read as month
// and year. Slashes and dots are accepted in place of hyphens.
func ParseHeader(raw string) (Date, bool) {
	s := strings.TrimSpace(raw)
	if i := strings.IndexAny(s, "T "); i > 0 { // "2022-11-15T10:30:00Z", "2022-11-15 10:30"
		s = s[:i]
	}
	var parts [3]int
	n := 0
	for s != "" && n < 3 {
		j := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == 0 || (n == 0 && j != 4) || (n > 0 && j > 2) {
			return Date{}, false
		}
		parts[n] = atoi(s[:j])
		n++
		s = s[j:]
		if s == "" {
			break
		}
		if s[0] != '-' && s[0] != '/' && s[0] != '.' {
			return Date{}, false
		}
		s = s[1:]
		if s == "" {
			return Date{}, false
		}
	}
	if s != "" || n == 0 {
		return Date{}, false
	}
	y, m, d := parts[0], parts[1], parts[2]
	if y < minYear || y > maxYear {
		return Date{}, false
	}
	switch {
	case n == 1 || m == 0:
		return yearDate(y), true
	case n == 2 || d == 0:
		if m > 12 {
			return Date{}, false
		}
		return monthDate(y, m), true
	case m == 1 && d == 1:
		return yearDate(y), true
	}
	if !validDay(y, m, d) {
		return Date{}, false
	}
	return dayDate(y, m, d), true
}

func yearDate(y int) Date { return Date{Year: y, Precision: newsgraph.PrecisionYear} }

func monthDate(y, m int) Date { return Date{Year: y, Month: m, Precision: newsgraph.PrecisionMonth} }

func dayDate(y, m, d int) Date {
	return Date{Year: y, Month: m, Day: d, Precision: newsgraph.PrecisionDay}
}

// atoi parses a short run of ASCII digits (callers guarantee the form).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// daysIn returns the number of days of month m in year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validDay reports whether y-m-d is a real calendar day (any year).
func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// fillYear completes a month-day date that had no year with the year of
// ref. When ref is itself known to the month (a real crawl date, not a
// placeholder) and the day lies more than six months after it, the previous
// year is taken: a page crawled in January 2023 that says "Dec. 30" means
// December 2022. It reports false when ref has no year or the day is not
// valid in the chosen year (29 February).
func fillYear(m, d int, ref Date) (Date, bool) {
	if ref.Year < minYear || ref.Year > maxYear {
		return Date{}, false
	}
	y := ref.Year
	if ref.Precision.Rank() >= newsgraph.PrecisionMonth.Rank() && ref.Month > 0 && m-ref.Month > 6 {
		y--
	}
	if d == 0 {
		return monthDate(y, m), true
	}
	if !validDay(y, m, d) {
		return Date{}, false
	}
	return dayDate(y, m, d), true
}
