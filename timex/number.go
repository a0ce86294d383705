package timex

import "strings"

// digits parses a run of ASCII digits of length 1–9, or reports false.
func digits(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// count parses a cardinal written in digits: "3", "1,000", "1.5". It
// returns the value as a decimal string without thousands separators.
func count(s string) (string, bool) {
	if s == "" || len(s) > 15 || s[0] < '0' || s[0] > '9' {
		return "", false
	}
	var b [16]byte
	n := 0
	dot := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == ',' && dot < 0 && i+3 < len(s)+1 && isDigits(s[i+1:min(i+4, len(s))]) && i+4 <= len(s) && (i+4 == len(s) || s[i+4] == ',' || s[i+4] == '.'):
			continue
		case c == '.' && dot < 0 && i+1 < len(s):
			dot = n
		default:
			return "", false
		}
		b[n] = c
		n++
	}
	out := string(b[:n])
	if dot >= 0 {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	if strings.Trim(out, "0.") == "" {
		return "", false
	}
	return out, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ordinal parses "1st", "2nd", "3rd", "15th" (any case), returning the
// number.
func ordinal(s string) (int, bool) {
	if len(s) < 3 {
		return 0, false
	}
	suf := strings.ToLower(s[len(s)-2:])
	n, ok := digits(s[:len(s)-2])
	if !ok || n == 0 {
		return 0, false
	}
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	if suf != want {
		return 0, false
	}
	return n, true
}

// dayOfMonth parses a day of the month: "15", "15th", "1st".
func dayOfMonth(s string) (int, bool) {
	n, ok := digits(s)
	if !ok {
		if len(s) > 4 {
			return 0, false
		}
		n, ok = ordinal(s)
	} else if len(s) > 2 {
		return 0, false
	}
	if !ok || n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

// year parses a four-digit year in [minYear, maxYear].
func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n, ok := digits(s)
	if !ok || n < minYear || n > maxYear {
		return 0, false
	}
	return n, true
}

// Years accepted as written years.
const (
	minYear = 1000
	maxYear = 2199
)

// decade parses "1990s" (→ 199) and "'90s" / "’90s" (→ 199; '00s, '10s
// and '20s are the 2000s, 2010s and 2020s). A year ending in "00s" other
// than 2000 is ambiguous between a decade and a century ("the 1900s"): it
// reports ok with dec = -1.
func decade(s string) (dec int, ok bool) {
	switch {
	case len(s) == 5 && s[4] == 's' && s[3] == '0':
		y, ok := digits(s[:4])
		if !ok || y < minYear || y > maxYear {
			return 0, false
		}
		if y%100 == 0 && y != 2000 {
			return -1, true
		}
		return y / 10, true
	case len(s) >= 4 && s[len(s)-1] == 's' && s[len(s)-2] == '0':
		q := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "'"), "’"), "s")
		if len(q) != 2 || len(q) == len(s)-1 {
			return 0, false
		}
		d, ok := digits(q)
		if !ok {
			return 0, false
		}
		if d <= 20 {
			return 200 + d/10, true
		}
		return 190 + d/10, true
	}
	return 0, false
}

// numericDate parses an all-numeric date token: "2022-11-15", "2022/11/15",
// "15/11/2022", "15.11.2022", "15-11-2022". Day–month dates are read
// day-first; when both numbers are 12 or less and differ the reading is
// ambiguous and amb is true (y is still right). A number above 12 decides
// the order either way ("11/15/2022" is 15 November).
func numericDate(s string) (y, m, d int, amb, ok bool) {
	if len(s) < 8 || len(s) > 10 {
		return 0, 0, 0, false, false
	}
	var parts [3]string
	sep := byte(0)
	n, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			continue
		}
		if i < len(s) {
			c := s[i]
			if c != '-' && c != '/' && c != '.' || sep != 0 && c != sep || n == 2 {
				return 0, 0, 0, false, false
			}
			sep = c
		}
		parts[n] = s[start:i]
		n++
		start = i + 1
	}
	if n != 3 {
		return 0, 0, 0, false, false
	}
	if len(parts[0]) == 4 && sep != '.' { // year first: ISO or 2022/11/15
		y, _ = digits(parts[0])
		m, _ = digits(parts[1])
		d, _ = digits(parts[2])
		if len(parts[1]) > 2 || len(parts[2]) > 2 || y < minYear || y > maxYear || !validDay(y, m, d) {
			return 0, 0, 0, false, false
		}
		return y, m, d, false, true
	}
	if len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[0]) == 0 || len(parts[1]) == 0 {
		return 0, 0, 0, false, false
	}
	a, _ := digits(parts[0])
	b, _ := digits(parts[1])
	y, _ = digits(parts[2])
	if y < minYear || y > maxYear {
		return 0, 0, 0, false, false
	}
	switch {
	case validDay(y, b, a) && (a > 12 || a == b || sep == '.'):
		return y, b, a, false, true // day-first, unambiguous (dots are day-first by convention)
	case b > 12 && validDay(y, a, b):
		return y, a, b, false, true // month-first, unambiguous
	case validDay(y, b, a):
		return y, b, a, true, true
	}
	return 0, 0, 0, false, false
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

// validDay reports whether y-m-d is a calendar day.
func validDay(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }
