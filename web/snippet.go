package web

import (
	"html"
	"html/template"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// snippetHTML turns a store snippet, whose matched terms are wrapped in
// newsgraph.SnippetOpen and SnippetClose, into HTML: every piece of text is
// escaped, each marked span becomes <mark>…</mark>. Markers are balanced
// whatever the input: a stray close is dropped, nested opens are ignored
// and an open mark is closed at the end.
func snippetHTML(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 32)
	open := false
	for len(s) > 0 {
		i := strings.IndexAny(s, newsgraph.SnippetOpen+newsgraph.SnippetClose)
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			break
		}
		b.WriteString(html.EscapeString(s[:i]))
		switch s[i : i+1] {
		case newsgraph.SnippetOpen:
			if !open {
				b.WriteString("<mark>")
				open = true
			}
		case newsgraph.SnippetClose:
			if open {
				b.WriteString("</mark>")
				open = false
			}
		}
		s = s[i+1:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return b.String()
}

// snippetTemplate is snippetHTML for templates: its output is safe HTML by
// construction.
func snippetTemplate(s string) template.HTML {
	return template.HTML(snippetHTML(s)) //nolint:gosec // escaped by snippetHTML
}
