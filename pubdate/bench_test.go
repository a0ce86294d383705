package pubdate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchLines is a realistic mix for one crawled page: mostly body
// sentences (long and short, with and without numbers), some furniture,
// a few timestamps.
var benchLines = []string{
	"Chinese President Xi Jinping said on Tuesday that his country is ready to collaborate with South Korea to promote regional peace and stability.",
	"These comments were made during a meeting he had with his South Korean counterpart Yoon Suk-yeol on the sidelines of the G-20 Summit in Bali, Indonesia.",
	"The leaders of the two countries meet after nearly three years.",
	"Both countries' top leaders last met in December 2019, when former South Korean President Moon Jae-in paid a visit to Xi in Beijing.",
	"President Yoon also expressed his willingness to use the 30th anniversary of South Korea-China relations to develop a mature relationship.",
	"The company reported revenue of $3.2 billion in 2022, up 12% from a year earlier.",
	"Shares closed 2.4% higher at 1,234 won.",
	"About 2,000 people attended the rally on Saturday.",
	"He said the talks would resume next week.",
	"The index fell 0.5 percent to 2,412.3 points, its lowest level since March.",
	"Police said 14 people were injured in the blast, three of them seriously, and that the death toll could rise.",
	"“We will not give up,” she told reporters.",
	"The 27-year-old scored twice in the 3-1 win over Leeds on Sunday.",
	"Inflation hit 10.1% in the 12 months to September, the highest rate in 40 years.",
	"Russia carried out 85 missile strikes across Ukraine, says Zelenskyy",
	"Home",
	"World",
	"Share on Facebook",
	"Advertisement",
	"Photo: Yonhap",
	"1 of 3",
	"Most read",
	"China ready to work with South Korea for regional peace, stability",
	"The talks resumed on 15 November 2022 after a pause.",
	"Published : Nov 15, 2022 - 10:30 Updated : Nov 15, 2022 - 11:00",
	"Updated 3:04 PM EST, Tue November 15, 2022",
	"입력 2022.11.15 10:30 수정 2022.11.15 11:00",
	"5 min read",
	"By Jane Doe",
	"© 2022 Yonhap News Agency. All rights reserved.",
}

func BenchmarkTimestamp(b *testing.B) {
	ref := Date{Year: 2022, Precision: "year"}
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range benchLines {
			Timestamp(l, ref)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchLines)), "ns/line")
}

// BenchmarkTimestampOrdinary measures body sentences only (the lines the
// cleaner sees most).
func BenchmarkTimestampOrdinary(b *testing.B) {
	ref := Date{Year: 2022, Precision: "year"}
	lines := benchLines[:15]
	for b.Loop() {
		for _, l := range lines {
			Timestamp(l, ref)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/line")
}

// BenchmarkTimestampBBC runs every line of the BBC corpus (body text).
func BenchmarkTimestampBBC(b *testing.B) {
	lines := bbcLines(b, 300)
	b.ResetTimer()
	for b.Loop() {
		for _, l := range lines {
			Timestamp(l, Date{})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/line")
}

func BenchmarkDateline(b *testing.B) {
	ref := Date{Year: 2022, Precision: "year"}
	for b.Loop() {
		for _, l := range benchLines {
			Dateline(l, ref)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchLines)), "ns/line")
}

func BenchmarkInText(b *testing.B) {
	text := strings.Join(benchLines[:15], "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		InText(text)
	}
}

const bbcDir = "../../shared/data/corpus/bbc-fulltext/bbc"

// bbcLines reads the non-empty lines of up to max BBC files per topic.
func bbcLines(tb testing.TB, max int) []string {
	tb.Helper()
	topics, err := os.ReadDir(bbcDir)
	if err != nil {
		tb.Skipf("BBC corpus not available at %s: %v", bbcDir, err)
	}
	var lines []string
	for _, topic := range topics {
		files, _ := filepath.Glob(filepath.Join(bbcDir, topic.Name(), "*.txt"))
		if len(files) > max {
			files = files[:max]
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatalf("read %s: %v", f, err)
			}
			for _, l := range strings.Split(string(b), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					lines = append(lines, l)
				}
			}
		}
	}
	return lines
}
