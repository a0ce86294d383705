package registry

import (
	"github.com/newsgraph/newsgraph"
	"reflect"
	"strings"
	"testing"
)

func TestParseOverrides(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Override
		err  string // substring of the error, "" for none
	}{
		{"empty", "", nil, ""},
		{"comments and blanks", "# people\n\n   \t\n  # indented comment\n", nil, ""},
		{"one", "Jane Doe = ATLGOV", []Override{{Name: "Jane Doe", Code: "ATLGOV"}}, ""},
		{"range open end", "Jane Doe = ATLGOV 2025-01-20..  # in office", []Override{{Name: "Jane Doe", Code: "ATLGOV", From: "2025-01-20"}}, ""},
		{"range open start", "Jane Doe = ATLOPP ..2025-01-19", []Override{{Name: "Jane Doe", Code: "ATLOPP", To: "2025-01-19"}}, ""},
		{"range both, month and year", "Kim = KORELI 2020-05..2024", []Override{{Name: "Kim", Code: "KORELI", From: "2020-05", To: "2024"}}, ""},
		{"lower-case code, spaces, BOM, CRLF", "\ufeff  Acme   Shipping  =  korbus \r\n", []Override{{Name: "Acme Shipping", Code: "KORBUS"}}, ""},
		{"hash inside a name", "C# Foundation = USANGO", []Override{{Name: "C# Foundation", Code: "USANGO"}}, ""},
		{"country only and IGO", "South Korea = KOR\nUnited Nations = IGOUNO\n", []Override{{Name: "South Korea", Code: "KOR"}, {Name: "United Nations", Code: "IGOUNO"}}, ""},
		{"two ranges of one name", "Jane Doe = ATLGOV 2025-01-20..\njane doe = ATLOPP ..2025-01-19\n",
			[]Override{{Name: "Jane Doe", Code: "ATLGOV", From: "2025-01-20"}, {Name: "jane doe", Code: "ATLOPP", To: "2025-01-19"}}, ""},
		{"no equals", "# header\nJane Doe ATLGOV", nil, "line 2: no '='"},
		{"no name", " = ATLGOV", nil, "line 1: no name"},
		{"no code", "Jane Doe =   # nothing", nil, "line 1: no code"},
		{"bad code letters", "Jane Doe = ATL-GO", nil, "line 1: code \"ATL-GO\""},
		{"bad code length", "Jane Doe = ATLGO", nil, "line 1: code \"ATLGO\""},
		{"too many fields", "Jane Doe = ATLGOV 2025.. extra", nil, "line 1: \"extra\" after the code"},
		{"range without dots", "Jane Doe = ATLGOV 2025", nil, "line 1: date range \"2025\""},
		{"empty range", "Jane Doe = ATLGOV ..", nil, "empty date range"},
		{"bad date", "Jane Doe = ATLGOV 2025-13..", nil, "line 1: date \"2025-13\""},
		{"reversed range", "Jane Doe = ATLGOV 2025..2024", nil, "2025 is after 2024"},
		{"overlap", "Jane Doe = ATLGOV 2025-01-20..\n\nJANE DOE = ATLOPP 2025..2025-06", nil, "line 3: the dates of \"JANE DOE\" overlap those of line 1"},
		{"duplicate without ranges", "X = USA\nx = USAGOV", nil, "line 2"},
		{"invalid UTF-8", "Jane \xff = ATLGOV", nil, "line 1: not valid UTF-8"},
		{"control character", "Jane\x01Doe = ATLGOV", nil, "control character"},
		{"long line", strings.Repeat("x", 70000) + " = USA", nil, "line 1: longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOverrides(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestCovers(t *testing.T) {
	gov := Override{Name: "Jane Doe", Code: "ATLGOV", From: "2025-01-20"}
	opp := Override{Name: "Jane Doe", Code: "ATLOPP", To: "2025-01-19"}
	always := Override{Name: "Acme", Code: "KORBUS"}
	span := Override{Name: "Kim", Code: "KORELI", From: "2020-05", To: "2024"}
	tests := []struct {
		o    Override
		date string
		want bool
	}{
		{gov, "2025-01-20", true},
		{gov, "2025-01-19", false},
		{gov, "2025-01", true}, // the month meets the range
		{gov, "2024", false},
		{gov, "", false},
		{opp, "2025-01-19", true},
		{opp, "2025-01-20", false},
		{opp, "2025", true},
		{always, "", true},
		{always, "1999-01-01", true},
		{span, "2020-04-30", false},
		{span, "2020-05-01", true},
		{span, "2024-12-31", true},
		{span, "2025-01", false},
	}
	for _, tt := range tests {
		if got := tt.o.Covers(tt.date); got != tt.want {
			t.Errorf("%v covers %q = %v, want %v", tt.o, tt.date, got, tt.want)
		}
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		code, want, country string
	}{
		{"KORGOV", "South Korea · government", "KOR"},
		{"CHNGOVMIL", "China · government · military", "CHN"},
		{"USA", "United States", "USA"},
		{"IGOUNO", "intergovernmental organisation · United Nations", ""},
		{"XYZQQQ", "XYZ · QQQ", ""},
		{"KORELIX", "South Korea · elites / former officials", "KOR"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := Explain(tt.code); got != tt.want {
			t.Errorf("Explain(%q) = %q, want %q", tt.code, got, tt.want)
		}
		if got := CountryOf(tt.code); got != tt.country {
			t.Errorf("CountryOf(%q) = %q, want %q", tt.code, got, tt.country)
		}
	}
}

func TestKindFor(t *testing.T) {
	tests := []struct{ typ, code, want string }{
		{"PERSON", "KORGOV", "person"},
		{"ORG", "IGOUNO", "igo"},
		{"ORG", "KORBUS", "organisation"},
		{"GPE", "KOR", "country"},
		{"MISC", "KOR", ""},
	}
	for _, tt := range tests {
		if got := KindFor(tt.typ, tt.code); got != tt.want {
			t.Errorf("KindFor(%q, %q) = %q, want %q", tt.typ, tt.code, got, tt.want)
		}
	}
}

// FuzzParseOverrides checks that the parser never panics, that every
// override it returns is well-formed, and that writing the overrides back
// as a file parses to the same overrides.
func FuzzParseOverrides(f *testing.F) {
	for _, s := range []string{
		"Jane Doe = ATLGOV 2025-01-20..  # in office\nJane Doe = ATLOPP ..2025-01-19\n",
		"# comment\n\nAcme = korbus\n",
		"a=b", "=", "x = KOR ..", "x = KOR 2020-02-30..", "x = KOR 2020..2019", "\ufeffX = USA\r\n", "C# = USA #c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		os, err := ParseOverrides(strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("error without a line number: %v", err)
			}
			return
		}
		var b strings.Builder
		for _, o := range os {
			if o.Name == "" || CheckCode(o.Code) != nil || (o.From != "" && !newsgraph.ValidDate(o.From)) || (o.To != "" && !newsgraph.ValidDate(o.To)) {
				t.Fatalf("malformed override %+v from %q", o, in)
			}
			b.WriteString(o.String() + "\n")
		}
		again, err := ParseOverrides(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("re-parse of %q: %v", b.String(), err)
		}
		if len(again) != len(os) || (len(os) > 0 && !reflect.DeepEqual(again, os)) {
			t.Errorf("round trip:\n%+v\n%+v", os, again)
		}
	})
}
