package sqlite

import (
	"strings"
	"testing"
)

func TestMetaTokens(t *testing.T) {
	tests := []struct {
		lang, site, date string
		want             []string // tokens that must be present
		n                int      // total tokens
	}{
		{"en", "bbc.co.uk", "2022-11-15", []string{hashToken("l", "en"), hashToken("s", "bbc.co.uk"), "zy2022", "zm202211"}, 4},
		{"", "", "2022-11", []string{"zy2022", "zm202211"}, 2},
		{"", "", "2022", []string{"zy2022", "zm202201", "zm202212"}, 13},
		{"de", "", "", []string{hashToken("l", "de"), "zd0"}, 2},
		{"", "", "garbage", []string{"zd0"}, 1},
	}
	for _, tt := range tests {
		got := strings.Fields(metaTokens(tt.lang, tt.site, tt.date))
		if len(got) != tt.n {
			t.Errorf("metaTokens(%q, %q, %q) = %q, want %d tokens", tt.lang, tt.site, tt.date, got, tt.n)
		}
		for _, w := range tt.want {
			if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+w+" ") {
				t.Errorf("metaTokens(%q, %q, %q) = %q, missing %s", tt.lang, tt.site, tt.date, got, w)
			}
		}
	}
	if hashToken("s", "BBC.co.uk") == hashToken("s", "bbc.co.uk") || hashToken("s", "x") == hashToken("l", "x") {
		t.Error("distinct values share a token")
	}
}

func TestDateTokens(t *testing.T) {
	tests := []struct {
		lo, hi string
		want   string
		exact  bool
	}{
		{"2022-01-01", "2022-12-31", `meta : ("zy2022")`, true},
		{"2021-01-01", "2022-12-31", `meta : ("zy2021" OR "zy2022")`, true},
		{"2022-11-01", "2023-02-28", `meta : ("zm202211" OR "zm202212" OR "zm202301" OR "zm202302")`, true},
		{"2022-11-15", "2022-11-15", `meta : ("zm202211")`, false},
		{"2021-12-01", "2023-01-31", `meta : ("zm202112" OR "zy2022" OR "zm202301")`, true},
		{"2020-02-01", "2020-02-29", `meta : ("zm202002")`, true},
		{"2023-01-01", "2022-01-01", "", false},
		{"1900-01-01", "2022-06-30", "", false}, // too many tokens
	}
	for _, tt := range tests {
		got, exact := dateTokens(tt.lo, tt.hi)
		if got != tt.want || exact != tt.exact {
			t.Errorf("dateTokens(%s, %s) = %s, %v; want %s, %v", tt.lo, tt.hi, got, exact, tt.want, tt.exact)
		}
	}
}
