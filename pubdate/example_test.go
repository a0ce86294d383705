package pubdate_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/pubdate"
)

func ExampleTimestamp() {
	ref, _ := pubdate.ParseHeader("2022-01-01") // a placeholder: year precision
	for _, line := range []string{
		"Published : Nov 15, 2022 - 10:30 Updated : Nov 16, 2022 - 11:00",
		"입력 2022.11.15 10:30 수정 2022.11.15 11:00",
		"Nov 15, 10:30",
		"5 min read",
		"The talks resumed on 15 November 2022 after a pause.",
	} {
		d, isTS := pubdate.Timestamp(line, ref)
		fmt.Printf("%q %q %v\n", d.String(), d.Time, isTS)
	}
	// Output:
	// "2022-11-15" "10:30" true
	// "2022-11-15" "10:30" true
	// "2022-11-15" "10:30" true
	// "" "" true
	// "" "" false
}

func ExampleDateline() {
	p := "BALI, Indonesia, Nov. 15 (Yonhap) -- President Yoon Suk-yeol said …"
	d, n, ok := pubdate.Dateline(p, pubdate.Date{Year: 2022, Precision: "year"})
	fmt.Println(d, ok, string([]rune(p)[n:]))
	// Output: 2022-11-15 true President Yoon Suk-yeol said …
}

func ExampleInText() {
	for _, f := range pubdate.InText("El 15 de noviembre de 2022 se reunieron en Bali.") {
		fmt.Println(f.Date, f.Start, f.End, f.Text)
	}
	// Output: 2022-11-15 3 26 15 de noviembre de 2022
}

func ExampleFromURL() {
	d, ok := pubdate.FromURL("https://www.theguardian.com/world/2022/nov/15/xi-jinping-yoon")
	fmt.Println(d, d.Precision, ok)
	// Output: 2022-11-15 day true
}
