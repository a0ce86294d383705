package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Chart geometry, in SVG user units (the chart scales to its container).
const (
	chartWidth  = 720
	chartHeight = 200
	chartLeft   = 40 // room for the count labels
	chartRight  = 8
	chartTop    = 12
	chartBottom = 24 // room for the year labels
)

// monthChart draws documents per month as an inline SVG bar chart: one
// bar per month from the first month to the last (months without
// documents are gaps), a count axis with its maximum, and the years
// under the months they start. Every bar has a tooltip title, and the
// chart has an accessible title and description. All text is escaped
// here; the result carries no script and no style attribute (the
// stylesheet colours it). It returns "" when there is no month.
func monthChart(title string, months []newsgraph.MonthCount) template.HTML {
	counts := map[string]int{}
	var first, last time.Time
	for _, m := range months {
		t, err := time.Parse("2006-01", m.Month)
		if err != nil || m.Count <= 0 {
			continue
		}
		counts[m.Month] += m.Count
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if len(counts) == 0 {
		return ""
	}
	var all []time.Time
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		all = append(all, t)
	}
	peak := 0
	total := 0
	for _, n := range counts {
		peak = max(peak, n)
		total += n
	}
	top := niceCeil(peak)

	esc := template.HTMLEscapeString
	var b strings.Builder
	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := float64(chartHeight - chartTop - chartBottom)
	base := float64(chartTop) + plotH
	slot := plotW / float64(len(all))
	gap := 0.0
	if slot >= 4 {
		gap = slot * 0.2
	}
	desc := fmt.Sprintf("%d documents from %s to %s; at most %d in one month.",
		total, first.Format("2006-01"), last.Format("2006-01"), peak)
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">`, chartWidth, chartHeight)
	fmt.Fprintf(&b, `<title id="chart-title">%s</title><desc id="chart-desc">%s</desc>`, esc(title), esc(desc))
	// Count axis: zero, half and the top, with grid lines.
	for _, v := range []int{0, top / 2, top} {
		if v == top/2 && (top%2 != 0 || top < 2) {
			continue
		}
		y := base - plotH*float64(v)/float64(top)
		fmt.Fprintf(&b, `<line class="grid" x1="%d" y1="%s" x2="%d" y2="%s"/>`, chartLeft, num(y), chartWidth-chartRight, num(y))
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%s" text-anchor="end">%d</text>`, chartLeft-6, num(y+4), v)
	}
	// Bars.
	for i, t := range all {
		n := counts[t.Format("2006-01")]
		if n == 0 {
			continue
		}
		h := plotH * float64(n) / float64(top)
		x := float64(chartLeft) + slot*float64(i) + gap/2
		fmt.Fprintf(&b, `<rect class="bar" x="%s" y="%s" width="%s" height="%s"><title>%s: %d document%s</title></rect>`,
			num(x), num(base-h), num(slot-gap), num(h), t.Format("2006-01"), n, plural(n))
	}
	// Years under their first month (January, or the first month shown),
	// leaving out a label that would crowd the one before it.
	lastX := -1e9
	for i, t := range all {
		if i != 0 && t.Month() != time.January {
			continue
		}
		x := float64(chartLeft) + slot*float64(i)
		if x-lastX < 36 {
			continue
		}
		lastX = x
		fmt.Fprintf(&b, `<line class="tick" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(base), num(x), num(base+5))
		fmt.Fprintf(&b, `<text class="label" x="%s" y="%s">%d</text>`, num(x+2), num(base+17), t.Year())
	}
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%s" x2="%d" y2="%s"/>`, chartLeft, num(base), chartWidth-chartRight, num(base))
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // built from escaped text and numbers only
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten (at least 1),
// for the top of a count axis.
func niceCeil(n int) int {
	if n <= 1 {
		return 1
	}
	p := 1
	for {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
		p *= 10
	}
}

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
