package timex

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

var fuzzPubs = []newsgraph.Published{pubDay, pubMonth, pubYear, pubPlaceholder, pubNone,
	{Date: "2020-02-29", Precision: newsgraph.PrecisionDay}, {Date: "2021-01-03", Precision: newsgraph.PrecisionDay}}

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		"Chinese President Xi Jinping said on Tuesday that his country is ready.",
		"Earlier in the day, media reported. The leaders meet after nearly three years. They last met in December 2019.",
		"the 30th anniversary of South Korea-China relations, the G-20 and the two leaders",
		"last week, this week, earlier this month, in December, 15 November 2022, Nov. 15, 15/11/2022, mid-2023, the 1990s",
		"every Monday, each year, annually, twice a year, $5bn a year, two and a half years, a year and a half ago",
		"between 2019 and 2021, from March to May, the day before yesterday, the following week, that year",
		"the end of the", "the 15th of", "May", "a", "the past", "early", "mid-", "'90s", "Tuesday,", "\xff\xfe on Tuesday",
	} {
		f.Add(s, uint8(0))
	}
}

// FuzzFind checks that Find never panics, that every expression slices its
// paragraph (code points, Start < End) and that its value has its kind's
// form.
func FuzzFind(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string, pi uint8) {
		pub := fuzzPubs[int(pi)%len(fuzzPubs)]
		paras := strings.Split(s, "\n")
		for _, x := range Find(paras, text.Analyze(paras), pub) {
			p := paras[x.Paragraph]
			n := utf8.RuneCountInString(p)
			if x.Start < 0 || x.Start >= x.End || x.End > n {
				t.Fatalf("%+v: offsets outside paragraph of %d code points", x, n)
			}
			if r := []rune(p); string(r[x.Start:x.End]) != x.Text && utf8.ValidString(p) {
				t.Fatalf("%+v: text is not paragraph[%d:%d] = %q", x, x.Start, x.End, string(r[x.Start:x.End]))
			}
			checkValue(t, Kind(x.Kind), x.Value)
		}
	})
}

// FuzzResolve checks that Resolve never panics and gives well-formed
// values whatever the expression and the anchor.
func FuzzResolve(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string, pi uint8) {
		pub := fuzzPubs[int(pi)%len(fuzzPubs)]
		for _, anchor := range []string{"", "2022-11-15", "2022-W46", "2022-11", "2022", "199", s} {
			r := ResolveAnchored(s, pub, Tense(pi%3), anchor)
			if r.Kind == "" && (r.Value != "" || r.Text != "") {
				t.Fatalf("%q: %+v without a kind", s, r)
			}
			if r.Kind == "" {
				continue
			}
			checkValue(t, r.Kind, r.ValuePtr())
			if r.Kind == KindDate && (r.Value == "") != (r.Granularity == "") {
				t.Fatalf("%q: %+v: value and granularity disagree", s, r)
			}
		}
	})
}

func checkValue(t *testing.T, kind Kind, v *string) {
	t.Helper()
	switch kind {
	case KindDate:
		if v != nil && !valueSpan(*v).ok {
			t.Fatalf("date value %q is not a calendar value", *v)
		}
	case KindDuration, KindSet:
		if v != nil && !strings.HasPrefix(*v, "P") && !strings.HasPrefix(*v, "XXXX-WXX-") {
			t.Fatalf("%s value %q", kind, *v)
		}
	default:
		t.Fatalf("kind %q", kind)
	}
}
