package timex_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/timex"
)

func ExampleResolve() {
	pub := newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay} // a Wednesday
	for _, c := range []struct {
		expr  string
		tense timex.Tense
	}{
		{"on Tuesday", timex.TensePast},
		{"on Tuesday", timex.TenseFuture},
		{"last week", timex.TenseUnknown},
		{"in December 2019", timex.TenseUnknown},
		{"for nearly three years", timex.TenseUnknown},
		{"every Monday", timex.TenseUnknown},
	} {
		r := timex.Resolve(c.expr, pub, c.tense)
		fmt.Printf("%s (%s): %s %q", c.expr, c.tense, r.Kind, r.Value)
		if r.Granularity != "" {
			fmt.Printf(" %s", r.Granularity)
		}
		fmt.Println()
	}
	// A year-precise date cannot say which Tuesday.
	r := timex.Resolve("Tuesday", newsgraph.Published{Date: "2022", Precision: newsgraph.PrecisionYear}, timex.TensePast)
	fmt.Printf("Tuesday in 2022: %s %v\n", r.Kind, r.ValuePtr())
	// Output:
	// on Tuesday (past): date "2022-11-15" day
	// on Tuesday (future): date "2022-11-22" day
	// last week (unknown): date "2022-W45" week
	// in December 2019 (unknown): date "2019-12" month
	// for nearly three years (unknown): duration "P3Y"
	// every Monday (unknown): set "XXXX-WXX-1"
	// Tuesday in 2022: date <nil>
}

func ExampleResolveAnchored() {
	pub := newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay}
	fmt.Println(timex.ResolveAnchored("the day before", pub, timex.TenseUnknown, "2022-11-02").Value)
	fmt.Println(timex.ResolveAnchored("that year", pub, timex.TenseUnknown, "2019-12").Value)
	fmt.Printf("%q\n", timex.ResolveAnchored("earlier in the day", pub, timex.TenseUnknown, "").Value)
	// Output:
	// 2022-11-01
	// 2019
	// ""
}
