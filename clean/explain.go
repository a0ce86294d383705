package clean

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Explain cleans a crawl record and returns a line-by-line account of the
// decisions: each line's score, shape, whether it fell in the article
// region, and its verdict. It is for people tuning or debugging the cleaner
// (newsgraph extract --explain).
func (c *Cleaner) Explain(text string) string {
	h, _, lines, start, end := c.prepare(text)
	doc := c.CleanRecord(text, newsgraph.Source{})
	var b strings.Builder
	fmt.Fprintf(&b, "header: present=%v raw=%q text=%q\n", h.present, h.raw, h.text)
	fmt.Fprintf(&b, "title: %q  article: %v  date: %s/%s (%s)\n", doc.TitleText(), doc.IsArticle, doc.Published.Date, doc.Published.Precision, doc.Published.Origin)
	body := map[string]int{}
	for _, p := range doc.Paragraphs {
		body[p]++
	}
	for i, l := range lines {
		in := " "
		if i >= start && i < end {
			in = "|"
		}
		verdict := "body"
		if body[l.text] > 0 {
			body[l.text]--
		} else {
			verdict = "-"
			for _, bp := range doc.Boilerplate {
				if bp.Text == l.orig {
					verdict = bp.Kind
					break
				}
			}
		}
		shape := ""
		if l.body {
			shape += "B"
		}
		if l.headline {
			shape += "H"
		}
		if l.terminal {
			shape += "."
		}
		if l.speaker {
			shape += "S"
		}
		if l.label || l.labelHead {
			shape += "L"
		}
		fmt.Fprintf(&b, "%3d %s %5.1f %-4s %-13s %s\n", i, in, l.score, shape, verdict, clipLine(l.orig, 110))
	}
	return b.String()
}

func clipLine(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
