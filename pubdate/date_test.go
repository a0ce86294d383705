package pubdate

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		raw  string
		want string
		prec newsgraph.Precision
	}{
		{"2022-01-01", "2022", newsgraph.PrecisionYear},
		{"2022-11", "2022-11", newsgraph.PrecisionMonth},
		{"2022-11-15", "2022-11-15", newsgraph.PrecisionDay},
		{" 2022-11-15 ", "2022-11-15", newsgraph.PrecisionDay},
		{"2022-01-02", "2022-01-02", newsgraph.PrecisionDay},
		{"2022-11-00", "2022-11", newsgraph.PrecisionMonth},
		{"2022-00-00", "2022", newsgraph.PrecisionYear},
		{"2022", "2022", newsgraph.PrecisionYear},
		{"2022/11/15", "2022-11-15", newsgraph.PrecisionDay},
		{"2022-11-15T10:30:00Z", "2022-11-15", newsgraph.PrecisionDay},
		{"2024-02-29", "2024-02-29", newsgraph.PrecisionDay},
		{"2022-02-29", "", ""},
		{"2022-13", "", ""},
		{"2022-11-31", "", ""},
		{"1899-11-15", "", ""},
		{"22-11-15", "", ""},
		{"2022-", "", ""},
		{"2022-11-15-", "", ""},
		{"2022-11-15-01", "", ""},
		{"November 2022", "", ""},
		{"", "", ""},
	}
	for _, tc := range tests {
		d, ok := ParseHeader(tc.raw)
		if d.String() != tc.want || d.Precision != tc.prec || ok != (tc.want != "") {
			t.Errorf("ParseHeader(%q) = %v %q %v, want %q %q", tc.raw, d, d.Precision, ok, tc.want, tc.prec)
		}
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
		zero bool
	}{
		{Date{}, "", true},
		{Date{Year: 2022, Precision: newsgraph.PrecisionYear}, "2022", false},
		{Date{Year: 2022, Month: 3, Precision: newsgraph.PrecisionMonth}, "2022-03", false},
		{Date{Year: 2022, Month: 3, Day: 4, Precision: newsgraph.PrecisionDay}, "2022-03-04", false},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want || tc.d.IsZero() != tc.zero {
			t.Errorf("%#v: String %q IsZero %v, want %q %v", tc.d, got, tc.d.IsZero(), tc.want, tc.zero)
		}
	}
	p := Date{Year: 2022, Month: 11, Day: 15, Precision: newsgraph.PrecisionDay, Time: "10:30"}.Published(newsgraph.OriginTimestamp)
	if p.Date != "2022-11-15" || p.Precision != newsgraph.PrecisionDay || p.Origin != newsgraph.OriginTimestamp || p.Time != "10:30" {
		t.Errorf("Published = %+v", p)
	}
	if p := (Date{}).Published(newsgraph.OriginURL); p != (newsgraph.Published{}) {
		t.Errorf("zero Published = %+v", p)
	}
}
