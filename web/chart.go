package web

import (
	"fmt"
	"html/template"
	"strconv"
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
	all := monthsBetween(first, last)
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
	yearLabels(&b, all, chartLeft, slot, base)
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%s" x2="%d" y2="%s"/>`, chartLeft, num(base), chartWidth-chartRight, num(base))
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // built from escaped text and numbers only
}

// yearLabels writes the years under their first month (January, or the
// first month shown) of a month axis starting at x = left with slot units
// per month, leaving out a label that would crowd the one before it.
func yearLabels(b *strings.Builder, all []time.Time, left int, slot, base float64) {
	lastX := -1e9
	for i, t := range all {
		if i != 0 && t.Month() != time.January {
			continue
		}
		x := float64(left) + slot*float64(i)
		if x-lastX < 36 {
			continue
		}
		lastX = x
		fmt.Fprintf(b, `<line class="tick" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(base), num(x), num(base+5))
		fmt.Fprintf(b, `<text class="label" x="%s" y="%s">%d</text>`, num(x+2), num(base+17), t.Year())
	}
}

// monthsBetween lists every month from first to last.
func monthsBetween(first, last time.Time) []time.Time {
	var all []time.Time
	for t := first; !t.After(last); t = t.AddDate(0, 1, 0) {
		all = append(all, t)
	}
	return all
}

// Pair chart geometry: room on the right for the Goldstein axis and on
// top for the axis names.
const (
	pairHeight = 240
	pairLeft   = 40
	pairRight  = 40
	pairTop    = 28
	pairBottom = 24
)

// pairMonth is one month of a pair chart.
type pairMonth struct {
	events int
	sum    float64 // Goldstein values summed over the events
}

// pairChart draws the events between two countries per month as an
// inline SVG: a bar per month with events (count axis on the left, from
// zero) and a line through the months' mean Goldstein values (axis on the
// right, −10 to +10, zero marked), solid between consecutive months and
// dashed across months without events, with a point per month. Bars and points have tooltip titles; the chart
// has an accessible title and description (ids pair-chart-title and
// pair-chart-desc), axis names and year labels. All text is escaped here
// and the SVG carries no script and no style attribute. It returns ""
// when no month has events.
func pairChart(title string, months []newsgraph.PairMonth) template.HTML {
	byMonth := map[string]*pairMonth{}
	var first, last time.Time
	for _, m := range months {
		t, err := time.Parse("2006-01", m.Month)
		if err != nil || m.Events <= 0 {
			continue
		}
		pm := byMonth[m.Month]
		if pm == nil {
			pm = &pairMonth{}
			byMonth[m.Month] = pm
		}
		g := max(-10, min(10, m.MeanGoldstein))
		pm.events += m.Events
		pm.sum += g * float64(m.Events)
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	if len(byMonth) == 0 {
		return ""
	}
	all := monthsBetween(first, last)
	peak, total := 0, 0
	var sum float64
	lo, hi := 10.0, -10.0
	for _, pm := range byMonth {
		peak = max(peak, pm.events)
		total += pm.events
		sum += pm.sum
		mean := pm.sum / float64(pm.events)
		lo, hi = min(lo, mean), max(hi, mean)
	}
	top := niceCeil(peak)

	esc := template.HTMLEscapeString
	var b strings.Builder
	right := chartWidth - pairRight
	plotW := float64(right - pairLeft)
	plotH := float64(pairHeight - pairTop - pairBottom)
	base := float64(pairTop) + plotH
	slot := plotW / float64(len(all))
	gap := 0.0
	if slot >= 4 {
		gap = slot * 0.2
	}
	gy := func(g float64) float64 { return float64(pairTop) + plotH*(10-g)/20 }
	desc := fmt.Sprintf("%d event%s from %s to %s; at most %d in one month; mean Goldstein value %s overall, from %s to %s by month.",
		total, plural(total), first.Format("2006-01"), last.Format("2006-01"), peak, signed(sum/float64(total)), signed(lo), signed(hi))
	fmt.Fprintf(&b, `<svg class="chart pair-chart" viewBox="0 0 %d %d" role="img" aria-labelledby="pair-chart-title pair-chart-desc" xmlns="http://www.w3.org/2000/svg">`, chartWidth, pairHeight)
	fmt.Fprintf(&b, `<title id="pair-chart-title">%s</title><desc id="pair-chart-desc">%s</desc>`, esc(title), esc(desc))
	// Axis names.
	fmt.Fprintf(&b, `<text class="label axis-name" x="%d" y="14" text-anchor="start">events per month</text>`, pairLeft)
	fmt.Fprintf(&b, `<text class="label axis-name goldstein-name" x="%d" y="14" text-anchor="end">mean Goldstein (−10 … +10)</text>`, chartWidth-4)
	// Count axis on the left: zero, half and the top, with grid lines.
	for _, v := range []int{0, top / 2, top} {
		if v == top/2 && (top%2 != 0 || top < 2) {
			continue
		}
		y := base - plotH*float64(v)/float64(top)
		fmt.Fprintf(&b, `<line class="grid" x1="%d" y1="%s" x2="%d" y2="%s"/>`, pairLeft, num(y), right, num(y))
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%s" text-anchor="end">%d</text>`, pairLeft-6, num(y+4), v)
	}
	// Goldstein axis on the right.
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%s"/>`, right, pairTop, right, num(base))
	for _, g := range []float64{10, 0, -10} {
		y := gy(g)
		fmt.Fprintf(&b, `<line class="tick" x1="%d" y1="%s" x2="%d" y2="%s"/>`, right, num(y), right+4, num(y))
		label := strconv.Itoa(int(g))
		if g > 0 {
			label = "+" + label
		} else if g < 0 {
			label = "−" + strconv.Itoa(int(-g))
		}
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%s" text-anchor="start">%s</text>`, right+6, num(y+4), label)
	}
	fmt.Fprintf(&b, `<line class="zero" x1="%d" y1="%s" x2="%d" y2="%s"/>`, pairLeft, num(gy(0)), right, num(gy(0)))
	// Bars.
	for i, t := range all {
		pm := byMonth[t.Format("2006-01")]
		if pm == nil {
			continue
		}
		h := plotH * float64(pm.events) / float64(top)
		x := float64(pairLeft) + slot*float64(i) + gap/2
		fmt.Fprintf(&b, `<rect class="bar" x="%s" y="%s" width="%s" height="%s"><title>%s: %d event%s, mean Goldstein %s</title></rect>`,
			num(x), num(base-h), num(slot-gap), num(h), t.Format("2006-01"), pm.events, plural(pm.events), signed(pm.sum/float64(pm.events)))
	}
	// The mean Goldstein line: solid between consecutive months, dashed
	// across months without events (their mean is undefined); then the
	// points, one per month with events.
	type point struct {
		month int
		x, y  float64
		label string
	}
	var pts []point
	for i, t := range all {
		if pm := byMonth[t.Format("2006-01")]; pm != nil {
			mean := pm.sum / float64(pm.events)
			pts = append(pts, point{i, float64(pairLeft) + slot*(float64(i)+0.5), gy(mean), t.Format("2006-01") + ": mean Goldstein " + signed(mean)})
		}
	}
	var solid, dashed strings.Builder
	chainEnd := -1 // index in pts of the solid path's last point
	for k := 1; k < len(pts); k++ {
		p, q := pts[k-1], pts[k]
		if q.month == p.month+1 {
			if chainEnd != k-1 {
				if solid.Len() > 0 {
					solid.WriteByte(' ')
				}
				fmt.Fprintf(&solid, "M%s %s", num(p.x), num(p.y))
			}
			fmt.Fprintf(&solid, " L%s %s", num(q.x), num(q.y))
			chainEnd = k
			continue
		}
		if dashed.Len() > 0 {
			dashed.WriteByte(' ')
		}
		fmt.Fprintf(&dashed, "M%s %s L%s %s", num(p.x), num(p.y), num(q.x), num(q.y))
	}
	if dashed.Len() > 0 {
		fmt.Fprintf(&b, `<path class="goldstein-gap" fill="none" d="%s"/>`, dashed.String())
	}
	if solid.Len() > 0 {
		fmt.Fprintf(&b, `<path class="goldstein" fill="none" d="%s"/>`, solid.String())
	}
	for _, p := range pts {
		fmt.Fprintf(&b, `<circle class="gpoint" cx="%s" cy="%s" r="3"><title>%s</title></circle>`, num(p.x), num(p.y), p.label)
	}
	yearLabels(&b, all, pairLeft, slot, base)
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%s" x2="%d" y2="%s"/>`, pairLeft, num(base), right, num(base))
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
