package timex

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

// Publication dates of the tests. 2022-11-16 is a Wednesday.
var (
	pubDay   = newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay}
	pubMonth = newsgraph.Published{Date: "2022-11", Precision: newsgraph.PrecisionMonth}
	pubYear  = newsgraph.Published{Date: "2022", Precision: newsgraph.PrecisionYear}
	// pubPlaceholder is a crawl header's 2022-01-01 kept at year precision.
	pubPlaceholder = newsgraph.Published{Date: "2022-01-01", Precision: newsgraph.PrecisionYear}
	pubNone        = newsgraph.Published{}
)

func TestResolve(t *testing.T) {
	const (
		P = TensePast
		F = TenseFuture
		U = TenseUnknown
	)
	tests := []struct {
		expr  string
		pub   newsgraph.Published
		tense Tense
		text  string
		kind  Kind
		value string
		gran  Granularity
	}{
		// Weekdays: the most recent on or before publication, or the next
		// in the future; "last"/"next" are strict.
		{"on Tuesday", pubDay, U, "Tuesday", KindDate, "2022-11-15", GranDay},
		{"Tuesday", pubDay, P, "Tuesday", KindDate, "2022-11-15", GranDay},
		{"on Tuesday", pubDay, F, "Tuesday", KindDate, "2022-11-22", GranDay},
		{"Wednesday", pubDay, U, "Wednesday", KindDate, "2022-11-16", GranDay},
		{"Wednesday", pubDay, F, "Wednesday", KindDate, "2022-11-16", GranDay},
		{"Thursday", pubDay, U, "Thursday", KindDate, "2022-11-10", GranDay},
		{"last Friday", pubDay, U, "last Friday", KindDate, "2022-11-11", GranDay},
		{"last Wednesday", pubDay, U, "last Wednesday", KindDate, "2022-11-09", GranDay},
		{"next Monday", pubDay, U, "next Monday", KindDate, "2022-11-21", GranDay},
		{"next Wednesday", pubDay, P, "next Wednesday", KindDate, "2022-11-23", GranDay},
		{"this Wednesday", pubDay, U, "this Wednesday", KindDate, "2022-11-16", GranDay},
		{"this Friday", pubDay, F, "this Friday", KindDate, "2022-11-18", GranDay},
		{"on Tuesday night", pubDay, U, "Tuesday night", KindDate, "2022-11-15", GranDay},
		{"Tuesday morning", pubDay, U, "Tuesday morning", KindDate, "2022-11-15", GranDay},
		{"Tuesday", pubMonth, U, "Tuesday", KindDate, "", ""},
		{"Tuesday", pubYear, U, "Tuesday", KindDate, "", ""},
		{"Tuesday", pubNone, U, "Tuesday", KindDate, "", ""},
		{"Tuesday, Nov. 15, 2022", pubYear, U, "Tuesday, Nov. 15, 2022", KindDate, "2022-11-15", GranDay},
		// Relative days.
		{"today", pubDay, U, "today", KindDate, "2022-11-16", GranDay},
		{"yesterday", pubDay, U, "yesterday", KindDate, "2022-11-15", GranDay},
		{"tomorrow", pubDay, U, "tomorrow", KindDate, "2022-11-17", GranDay},
		{"yesterday morning", pubDay, U, "yesterday morning", KindDate, "2022-11-15", GranDay},
		{"last night", pubDay, U, "last night", KindDate, "2022-11-15", GranDay},
		{"tonight", pubDay, U, "tonight", KindDate, "2022-11-16", GranDay},
		{"this morning", pubDay, U, "this morning", KindDate, "2022-11-16", GranDay},
		{"the day before", pubDay, U, "the day before", KindDate, "2022-11-15", GranDay},
		{"the day before yesterday", pubDay, U, "the day before yesterday", KindDate, "2022-11-14", GranDay},
		{"the day after tomorrow", pubDay, U, "the day after tomorrow", KindDate, "2022-11-18", GranDay},
		{"yesterday", pubMonth, U, "yesterday", KindDate, "", ""},
		// Weeks, months, years.
		{"last week", pubDay, U, "last week", KindDate, "2022-W45", GranWeek},
		{"this week", pubDay, U, "this week", KindDate, "2022-W46", GranWeek},
		{"next week", pubDay, U, "next week", KindDate, "2022-W47", GranWeek},
		{"last weekend", pubDay, U, "last weekend", KindDate, "2022-W45", GranWeek},
		{"last week", pubMonth, U, "last week", KindDate, "", ""},
		{"earlier this month", pubDay, U, "earlier this month", KindDate, "2022-11", GranMonth},
		{"earlier this month", pubMonth, U, "earlier this month", KindDate, "2022-11", GranMonth},
		{"earlier this month", pubYear, U, "earlier this month", KindDate, "", ""},
		{"last month", pubDay, U, "last month", KindDate, "2022-10", GranMonth},
		{"next month", pubDay, U, "next month", KindDate, "2022-12", GranMonth},
		{"this year", pubDay, U, "this year", KindDate, "2022", GranYear},
		{"last year", pubDay, U, "last year", KindDate, "2021", GranYear},
		{"last year", pubYear, U, "last year", KindDate, "2021", GranYear},
		{"last year", pubPlaceholder, U, "last year", KindDate, "2021", GranYear},
		{"later this year", pubYear, U, "later this year", KindDate, "2022", GranYear},
		{"in December", pubDay, U, "December", KindDate, "2021-12", GranMonth},
		{"in December", pubDay, F, "December", KindDate, "2022-12", GranMonth},
		{"in November", pubDay, P, "November", KindDate, "2022-11", GranMonth},
		{"in December", pubYear, U, "December", KindDate, "", ""},
		{"in January", pubYear, P, "January", KindDate, "2022-01", GranMonth}, // January is on or before any day of 2022
		{"in December", pubYear, F, "December", KindDate, "2022-12", GranMonth},
		{"last December", pubDay, U, "last December", KindDate, "2021-12", GranMonth},
		{"next March", pubDay, U, "next March", KindDate, "2023-03", GranMonth},
		{"May last year", pubYear, U, "May last year", KindDate, "2021-05", GranMonth},
		{"in December 2019", pubNone, U, "December 2019", KindDate, "2019-12", GranMonth},
		{"December of 2019", pubNone, U, "December of 2019", KindDate, "2019-12", GranMonth},
		{"in 2019", pubNone, U, "2019", KindDate, "2019", GranYear},
		{"15 November", pubDay, U, "15 November", KindDate, "2022-11-15", GranDay},
		{"November 15", pubDay, U, "November 15", KindDate, "2022-11-15", GranDay},
		{"Nov. 15", pubDay, U, "Nov. 15", KindDate, "2022-11-15", GranDay},
		{"November 15th", pubDay, U, "November 15th", KindDate, "2022-11-15", GranDay},
		{"the 15th of November", pubDay, U, "the 15th of November", KindDate, "2022-11-15", GranDay},
		{"20 November", pubDay, P, "20 November", KindDate, "2022-11-20", GranDay}, // within a week after
		{"30 November", pubDay, P, "30 November", KindDate, "2021-11-30", GranDay}, // more than a week after
		{"30 November", pubDay, F, "30 November", KindDate, "2022-11-30", GranDay},
		{"5 January", pubDay, F, "5 January", KindDate, "2023-01-05", GranDay},
		{"15 November", pubYear, U, "15 November", KindDate, "", ""},
		{"29 February", pubDay, U, "29 February", KindDate, "", ""}, // 2022 is no leap year
		{"15 November 2022", pubNone, U, "15 November 2022", KindDate, "2022-11-15", GranDay},
		{"November 15, 2022", pubNone, U, "November 15, 2022", KindDate, "2022-11-15", GranDay},
		{"2022-11-15", pubNone, U, "2022-11-15", KindDate, "2022-11-15", GranDay},
		{"15/11/2022", pubNone, U, "15/11/2022", KindDate, "2022-11-15", GranDay},
		{"15.11.2022", pubNone, U, "15.11.2022", KindDate, "2022-11-15", GranDay},
		{"11/15/2022", pubNone, U, "11/15/2022", KindDate, "2022-11-15", GranDay},
		{"03/04/2022", pubNone, U, "03/04/2022", KindDate, "", ""}, // 3 April or 4 March
		{"04/04/2022", pubNone, U, "04/04/2022", KindDate, "2022-04-04", GranDay},
		{"mid-2023", pubNone, U, "mid-2023", KindDate, "2023", GranYear},
		{"early 2020", pubNone, U, "early 2020", KindDate, "2020", GranYear},
		{"early next year", pubYear, U, "early next year", KindDate, "2023", GranYear},
		{"late last year", pubDay, U, "late last year", KindDate, "2021", GranYear},
		{"mid-November", pubDay, U, "mid-November", KindDate, "2022-11", GranMonth},
		{"the end of the year", pubYear, U, "the end of the year", KindDate, "2022", GranYear},
		{"the end of 2022", pubNone, U, "the end of 2022", KindDate, "2022", GranYear},
		{"the 1990s", pubNone, U, "the 1990s", KindDate, "199", GranDecade},
		{"the early 1990s", pubNone, U, "the early 1990s", KindDate, "199", GranDecade},
		{"the mid-1990s", pubNone, U, "the mid-1990s", KindDate, "199", GranDecade},
		{"the '90s", pubNone, U, "the '90s", KindDate, "199", GranDecade},
		{"the 2010s", pubNone, U, "the 2010s", KindDate, "201", GranDecade},
		{"the 1900s", pubNone, U, "the 1900s", KindDate, "", ""}, // a decade or a century
		{"summer 2020", pubNone, U, "summer 2020", KindDate, "2020", GranYear},
		{"last summer", pubDay, U, "last summer", KindDate, "2022", GranYear},
		{"this summer", pubDay, U, "this summer", KindDate, "2022", GranYear},
		{"last winter", pubDay, U, "last winter", KindDate, "", ""},
		{"three years ago", pubYear, U, "three years ago", KindDate, "2019", GranYear},
		{"two days ago", pubDay, U, "two days ago", KindDate, "2022-11-14", GranDay},
		{"two days ago", pubMonth, U, "two days ago", KindDate, "", ""},
		{"a week ago", pubDay, U, "a week ago", KindDate, "2022-W45", GranWeek},
		{"a few years ago", pubDay, U, "a few years ago", KindDate, "", ""},
		{"two weeks from now", pubDay, U, "two weeks from now", KindDate, "2022-W48", GranWeek},
		// Durations.
		{"nearly three years", pubNone, U, "nearly three years", KindDuration, "P3Y", ""},
		{"for two weeks", pubNone, U, "two weeks", KindDuration, "P2W", ""},
		{"five hours", pubNone, U, "five hours", KindDuration, "PT5H", ""},
		{"30 minutes", pubNone, U, "30 minutes", KindDuration, "PT30M", ""},
		{"a decade", pubNone, U, "a decade", KindDuration, "P10Y", ""},
		{"two decades", pubNone, U, "two decades", KindDuration, "P20Y", ""},
		{"a century", pubNone, U, "a century", KindDuration, "P100Y", ""},
		{"a fortnight", pubNone, U, "a fortnight", KindDuration, "P2W", ""},
		{"18 months", pubNone, U, "18 months", KindDuration, "P18M", ""},
		{"1.5 hours", pubNone, U, "1.5 hours", KindDuration, "PT1.5H", ""},
		{"two and a half years", pubNone, U, "two and a half years", KindDuration, "P2.5Y", ""},
		{"a year and a half", pubNone, U, "a year and a half", KindDuration, "P1.5Y", ""},
		{"half an hour", pubNone, U, "half an hour", KindDuration, "PT0.5H", ""},
		{"twenty-five years", pubNone, U, "twenty-five years", KindDuration, "P25Y", ""},
		{"nearly twenty-five years", pubNone, U, "nearly twenty-five years", KindDuration, "P25Y", ""},
		{"every twenty-five years", pubNone, U, "every twenty-five years", KindSet, "P25Y", ""},
		{"more than a decade", pubNone, U, "more than a decade", KindDuration, "P10Y", ""},
		{"at least two weeks", pubNone, U, "at least two weeks", KindDuration, "P2W", ""},
		{"several years", pubNone, U, "several years", KindDuration, "", ""},
		{"a couple of weeks", pubNone, U, "a couple of weeks", KindDuration, "", ""},
		{"the past three years", pubNone, U, "the past three years", KindDuration, "P3Y", ""},
		{"the next two weeks", pubNone, U, "the next two weeks", KindDuration, "P2W", ""},
		{"the past year", pubNone, U, "the past year", KindDuration, "P1Y", ""},
		{"the coming weeks", pubNone, U, "the coming weeks", KindDuration, "", ""},
		{"a two-week visit", pubNone, U, "two-week", KindDuration, "P2W", ""},
		{"a 10-day visit", pubNone, U, "10-day", KindDuration, "P10D", ""},
		{"the 30th anniversary", pubNone, U, "the 30th anniversary", KindDuration, "P30Y", ""},
		{"its tenth anniversary", pubNone, U, "tenth anniversary", KindDuration, "P10Y", ""},
		{"the centenary", pubNone, U, "the centenary", KindDuration, "P100Y", ""},
		// Sets.
		{"every Monday", pubNone, U, "every Monday", KindSet, "XXXX-WXX-1", ""},
		{"on Mondays", pubNone, U, "Mondays", KindSet, "XXXX-WXX-1", ""},
		{"each year", pubNone, U, "each year", KindSet, "P1Y", ""},
		{"every other week", pubNone, U, "every other week", KindSet, "P2W", ""},
		{"every two years", pubNone, U, "every two years", KindSet, "P2Y", ""},
		{"annually", pubNone, U, "annually", KindSet, "P1Y", ""},
		{"weekly", pubNone, U, "weekly", KindSet, "P1W", ""},
		{"quarterly", pubNone, U, "quarterly", KindSet, "P3M", ""},
		{"twice a year", pubNone, U, "twice a year", KindSet, "P1Y", ""},
		{"per hour", pubNone, U, "per hour", KindSet, "PT1H", ""},
		// Not time expressions.
		{"the two leaders", pubDay, U, "", "", "", ""},
		{"the G-20 summit", pubDay, U, "", "", "", ""},
		{"30th", pubDay, U, "", "", "", ""},
		{"a three-year-old", pubDay, U, "", "", "", ""},
		{"three years old", pubDay, U, "", "", "", ""},
		{"", pubDay, U, "", "", "", ""},
	}
	for _, tt := range tests {
		got := Resolve(tt.expr, tt.pub, tt.tense)
		want := Resolution{Text: tt.text, Kind: tt.kind, Value: tt.value, Granularity: tt.gran}
		if got != want {
			t.Errorf("Resolve(%q, %s/%s, %s) = %+v, want %+v", tt.expr, tt.pub.Date, tt.pub.Precision, tt.tense, got, want)
		}
	}
}

func TestResolveAnchored(t *testing.T) {
	tests := []struct {
		expr, anchor, value string
	}{
		{"the day before", "2022-11-10", "2022-11-09"},
		{"the next day", "2022-11-10", "2022-11-11"},
		{"the following day", "2022-11-30", "2022-12-01"},
		{"the previous week", "2022-11-10", "2022-W44"},
		{"that year", "2019-12", "2019"},
		{"that day", "2019-12", ""}, // the anchor is only known to the month
		{"earlier in the day", "2022-11-10", "2022-11-10"},
		{"later that day", "2022-11-10", "2022-11-10"},
		{"two days later", "2022-11-10", "2022-11-12"},
		{"a year earlier", "2019", "2018"},
		{"the same day", "2022-W46", ""},
		{"the day before", "", ""}, // an anchor without a value
		{"yesterday", "", "2022-11-15"},
	}
	for _, tt := range tests {
		got := ResolveAnchored(tt.expr, pubDay, TenseUnknown, tt.anchor)
		if got.Kind != KindDate || got.Value != tt.value {
			t.Errorf("ResolveAnchored(%q, anchor %q) = %+v, want date %q", tt.expr, tt.anchor, got, tt.value)
		}
	}
}

func TestGranularityPrecision(t *testing.T) {
	for g, want := range map[Granularity]newsgraph.Precision{
		GranDay: newsgraph.PrecisionDay, GranMonth: newsgraph.PrecisionMonth, GranYear: newsgraph.PrecisionYear,
		GranWeek: newsgraph.PrecisionNone, GranDecade: newsgraph.PrecisionNone,
	} {
		if got := g.Precision(); got != want {
			t.Errorf("%s.Precision() = %q, want %q", g, got, want)
		}
	}
}

func TestValueSpan(t *testing.T) {
	tests := []struct {
		v, lo, hi string
	}{
		{"2022-11-15", "2022-11-15", "2022-11-15"},
		{"2022-W46", "2022-11-14", "2022-11-20"},
		{"2021-W01", "2021-01-04", "2021-01-10"},
		{"2020-W53", "2020-12-28", "2021-01-03"},
		{"2022-02", "2022-02-01", "2022-02-28"},
		{"2022", "2022-01-01", "2022-12-31"},
		{"199", "1990-01-01", "1999-12-31"},
		{"2022-W53", "", ""},
		{"2022-13", "", ""},
		{"2022-02-30", "", ""},
		{"x", "", ""},
	}
	for _, tt := range tests {
		s := valueSpan(tt.v)
		lo, hi := "", ""
		if s.ok {
			lo, hi = format(s.lo, GranDay), format(s.hi, GranDay)
		}
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("valueSpan(%q) = %s..%s, want %s..%s", tt.v, lo, hi, tt.lo, tt.hi)
		}
	}
}
