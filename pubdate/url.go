package pubdate

import (
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// dateQueryKeys are query parameters that carry a date by name.
var dateQueryKeys = [...]string{"d", "dt", "day", "pubdate", "published", "publish_date", "date"}

// FromURL finds a publication date in a URL's path or query:
//
//	/2022/11/15/slug, /2022/11/15.html, /2022-11-15-slug, /slug_2022_11_15
//	/20221115/slug, /slug-20221115.html    (exactly eight digits)
//	/2022/nov/15/slug                      (English month abbreviation)
//	/2022-11/15/c_1129.htm, /2022/1115/    (Xinhua, Chinese portals)
//	/15-11-2022/                           (day-first)
//	/2022/11/slug                          → month precision
//	?date=2022-11-15, ?d=20221115          (keys with "date", d, dt, day)
//
// The host is ignored. Digit runs longer than eight (article IDs such as
// 2022111500123) and numbers that are not valid dates are not dates; a
// year alone ("/2022/") is too weak and is ignored. The left-most date in
// the path wins; the query is consulted when the path has none.
func FromURL(u string) (Date, bool) {
	path, query := u, ""
	if pu, err := url.Parse(strings.TrimSpace(u)); err == nil {
		path, query = pu.EscapedPath(), pu.RawQuery
	} else {
		if i := strings.Index(path, "://"); i >= 0 {
			path = path[i+3:]
			if j := strings.IndexByte(path, '/'); j >= 0 {
				path = path[j:]
			} else {
				path = ""
			}
		}
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path, query = path[:i], path[i+1:]
		}
	}
	if d, ok := dateInPath(path); ok {
		return d, true
	}
	if query == "" {
		return Date{}, false
	}
	for _, kv := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(kv, "=")
		k = strings.ToLower(k)
		match := strings.Contains(k, "date")
		for _, q := range dateQueryKeys {
			match = match || k == q
		}
		if !match || v == "" {
			continue
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		if d, ok := dateInPath("/" + v + "/"); ok && d.Precision == newsgraph.PrecisionDay {
			return d, true
		}
	}
	return Date{}, false
}

// run is a maximal run of digits or letters in a URL path.
type run struct {
	start, end int
	digits     bool
}

func isURLSep(c byte) bool { return c == '/' || c == '-' || c == '_' || c == '.' }

// dateInPath scans the digit runs of a path for the date shapes above.
func dateInPath(p string) (Date, bool) {
	// Collect runs.
	var buf [64]run
	runs := buf[:0]
	for i := 0; i < len(p) && len(runs) < cap(buf); {
		c := p[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(p) && p[j] >= '0' && p[j] <= '9' {
				j++
			}
			runs = append(runs, run{i, j, true})
			i = j
		case (c|0x20) >= 'a' && (c|0x20) <= 'z':
			j := i
			for j < len(p) && (p[j]|0x20) >= 'a' && (p[j]|0x20) <= 'z' {
				j++
			}
			runs = append(runs, run{i, j, false})
			i = j
		default:
			i++
		}
	}
	// sepBetween returns the single separator between runs a and b, or 0.
	sepBetween := func(a, b int) byte {
		if b >= len(runs) || runs[b].start != runs[a].end+1 || !isURLSep(p[runs[a].end]) {
			return 0
		}
		return p[runs[a].end]
	}
	// bounded reports whether run k stands between separators (or ends).
	bounded := func(k int) bool {
		r := runs[k]
		return (r.start == 0 || isURLSep(p[r.start-1])) && (r.end == len(p) || isURLSep(p[r.end]))
	}
	num := func(k int) int { return atoi(p[runs[k].start:runs[k].end]) }
	dl := func(k int) int {
		if k >= len(runs) || !runs[k].digits {
			return -1
		}
		return runs[k].end - runs[k].start
	}
	for k := 0; k < len(runs); k++ {
		if !runs[k].digits || !bounded(k) {
			continue
		}
		switch dl(k) {
		case 8: // YYYYMMDD
			s := p[runs[k].start:runs[k].end]
			y, m, d := atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])
			if y >= minYear && y <= maxYear && validDay(y, m, d) {
				return dayDate(y, m, d), true
			}
		case 4:
			y := num(k)
			if y < minYear || y > maxYear {
				continue
			}
			s1 := sepBetween(k, k+1)
			if s1 == 0 {
				continue
			}
			// /2022/nov/15/
			if !runs[k+1].digits {
				mname := strings.ToLower(p[runs[k+1].start:runs[k+1].end])
				if len(mname) < 3 || len(mname) > 9 {
					continue
				}
				info, ok := lexicon[mname]
				if !ok || info.month == 0 || !isEnglishMonth(mname) {
					continue
				}
				if sepBetween(k+1, k+2) != 0 && (dl(k+2) == 1 || dl(k+2) == 2) && bounded(k+2) && validDay(y, int(info.month), num(k+2)) {
					return dayDate(y, int(info.month), num(k+2)), true
				}
				continue
			}
			switch dl(k + 1) {
			case 1, 2:
				m := num(k + 1)
				if m < 1 || m > 12 || !bounded(k+1) {
					continue
				}
				if s2 := sepBetween(k+1, k+2); s2 != 0 && (s2 == s1 || s1 == '-' && s2 == '/') && (dl(k+2) == 1 || dl(k+2) == 2) && bounded(k+2) &&
					!(s1 == '/' && runs[k+2].end < len(p) && p[runs[k+2].end] == '-') { // "/2023/10/3-fragen": a slug
					if d := num(k + 2); validDay(y, m, d) {
						return dayDate(y, m, d), true
					}
					continue
				}
				// /2022/11/ followed by a slug or the end: month precision.
				if s1 == '/' && (runs[k+1].end == len(p) || p[runs[k+1].end] == '/') {
					return monthDate(y, m), true
				}
			case 4: // /2022/1115/
				if s1 != '/' || !bounded(k+1) {
					continue
				}
				md := num(k + 1)
				if m, d := md/100, md%100; validDay(y, m, d) {
					return dayDate(y, m, d), true
				}
			}
		case 1, 2: // DD-MM-YYYY
			s1 := sepBetween(k, k+1)
			if s1 == 0 || (dl(k+1) != 1 && dl(k+1) != 2) || sepBetween(k+1, k+2) != s1 || dl(k+2) != 4 || !bounded(k+2) {
				continue
			}
			y := num(k + 2)
			d, m, ok := resolveDM(num(k), num(k+1), false)
			if ok && y >= minYear && y <= maxYear && validDay(y, m, d) {
				return dayDate(y, m, d), true
			}
		}
	}
	return Date{}, false
}

// isEnglishMonth reports whether w is an English month name or its
// three-letter abbreviation (URL slugs are English).
func isEnglishMonth(w string) bool {
	switch w {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return false
}
