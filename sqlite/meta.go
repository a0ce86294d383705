package sqlite

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Filter tokens in the FTS meta column. Each starts with "z" and a kind
// letter and ends with a digit, so that the porter stemmer leaves it alone
// and no English word collides with it. User text is matched against title
// and body only, so typing a token finds nothing.
//
//	zl<hash>0    language (hash of the code, exact like the SQL filter)
//	zs<hash>0    site (hash of the site, exact like the SQL filter)
//	zyYYYY       the publication year
//	zmYYYYMM     each month the date can mean (12 for a year-precision date)
//	zd0          undated
const maxDateTokens = 48

// hashToken makes a filter token from a value of any length and alphabet.
func hashToken(kind, s string) string {
	sum := sha256.Sum256([]byte(s))
	return "z" + kind + hex.EncodeToString(sum[:6]) + "0"
}

// metaTokens returns the meta column text of a document.
func metaTokens(lang, site, date string) string {
	var t []string
	if lang != "" {
		t = append(t, hashToken("l", lang))
	}
	if site != "" {
		t = append(t, hashToken("s", site))
	}
	lo, hi, ok := dateRange(date)
	if !ok {
		return strings.Join(append(t, "zd0"), " ")
	}
	t = append(t, "zy"+lo[:4])
	l, _ := time.Parse(time.DateOnly, lo)
	h, _ := time.Parse(time.DateOnly, hi)
	for m := l; !m.After(h); m = m.AddDate(0, 1, 0) {
		t = append(t, m.Format("zm200601"))
	}
	return strings.Join(t, " ")
}

// dateTokens returns an FTS5 expression over the meta column matching the
// documents whose date can fall in [lo, hi] (YYYY-MM-DD, already clamped to
// the stored dates), whole years as zy tokens and the months at the edges as
// zm tokens, and whether it is exact (the bounds are month bounds). It
// returns "" when that would take too many tokens.
func dateTokens(lo, hi string) (expr string, exact bool) {
	l, err1 := time.Parse(time.DateOnly, lo)
	h, err2 := time.Parse(time.DateOnly, hi)
	if err1 != nil || err2 != nil || l.After(h) {
		return "", false
	}
	exact = l.Day() == 1 && h.AddDate(0, 0, 1).Day() == 1
	var toks []string
	for m := time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(h); {
		if m.Month() == time.January && !time.Date(m.Year(), 12, 31, 0, 0, 0, 0, time.UTC).After(h) {
			toks = append(toks, fmt.Sprintf(`"zy%04d"`, m.Year()))
			m = m.AddDate(1, 0, 0)
		} else {
			toks = append(toks, `"`+m.Format("zm200601")+`"`)
			m = m.AddDate(0, 1, 0)
		}
		if len(toks) > maxDateTokens {
			return "", false
		}
	}
	return "meta : (" + strings.Join(toks, " OR ") + ")", exact
}
