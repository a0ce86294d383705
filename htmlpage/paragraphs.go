package htmlpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// paraKind says which block a paragraph came from; isArticle uses it to tell
// running text from lists and tables.
type paraKind uint8

const (
	kindText    paraKind = iota // p, div, blockquote, pre, …
	kindHeading                 // h1–h6
	kindItem                    // li, dt, dd
	kindRow                     // a table row
)

// para is one paragraph of the body.
type para struct {
	text string
	kind paraKind
}

// blockKinds lists the elements that start a paragraph of their own, with
// the kind they give it. Anything else is inline: its text joins the
// enclosing block's paragraph.
var blockKinds = map[string]paraKind{
	"p": kindText, "div": kindText, "section": kindText, "article": kindText,
	"main": kindText, "header": kindText, "footer": kindText, "aside": kindText,
	"nav": kindText, "body": kindText, "html": kindText, "blockquote": kindText,
	"pre": kindText, "figure": kindText, "figcaption": kindText, "address": kindText,
	"center": kindText, "form": kindText, "fieldset": kindText, "legend": kindText,
	"details": kindText, "summary": kindText, "caption": kindText, "hr": kindText,
	"ul": kindItem, "ol": kindItem, "dl": kindItem, "menu": kindItem,
	"li": kindItem, "dt": kindItem, "dd": kindItem,
	"h1": kindHeading, "h2": kindHeading, "h3": kindHeading,
	"h4": kindHeading, "h5": kindHeading, "h6": kindHeading,
	"table": kindRow, "thead": kindRow, "tbody": kindRow, "tfoot": kindRow, "tr": kindRow,
}

// cellTags separate their text from the next cell's by a space but stay in
// the row's paragraph.
var cellTags = map[string]bool{"td": true, "th": true}

// skipTags hold no readable text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "head": true}

// walker collects paragraphs in document order.
type walker struct {
	out   []para
	buf   strings.Builder
	kind  paraKind
	space bool // a space is pending before the next word
}

// paragraphs returns the paragraphs of the tree under n: one per block
// element, whitespace collapsed, no text emitted twice.
func paragraphs(n *html.Node) []para {
	if n == nil {
		return nil
	}
	w := &walker{}
	w.walk(n, kindText)
	w.flush()
	return w.out
}

func (w *walker) flush() {
	if w.buf.Len() > 0 {
		w.out = append(w.out, para{text: w.buf.String(), kind: w.kind})
	}
	w.buf.Reset()
	w.space = false
}

func (w *walker) text(s string, kind paraKind) {
	for _, r := range s {
		if isSpace(r) {
			w.space = true
			continue
		}
		if w.buf.Len() == 0 {
			w.kind = kind
		} else if w.space {
			w.buf.WriteByte(' ')
		}
		w.space = false
		w.buf.WriteRune(r)
	}
}

func (w *walker) walk(n *html.Node, kind paraKind) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, kind)
		return
	case html.ElementNode:
		tag := n.Data
		if skipTags[tag] {
			return
		}
		if tag == "br" {
			// trafilatura folds "<br><br>" into one <br>, so every line
			// break ends a paragraph (as in trafilatura's text output,
			// where a break is a new line).
			w.flush()
			return
		}
		if cellTags[tag] {
			w.space = true
			w.children(n, kind)
			w.space = true
			return
		}
		if k, ok := blockKinds[tag]; ok {
			// Rows keep their kind for the text of their cells; plain
			// blocks inside a list item or a cell keep the item's kind.
			if k == kindText && (kind == kindItem || kind == kindRow) {
				k = kind
			}
			w.flush()
			w.children(n, k)
			w.flush()
			return
		}
		// Inline elements: words on either side of an element boundary are
		// kept apart only if the source had whitespace there.
		w.children(n, kind)
	case html.DocumentNode:
		w.children(n, kind)
	}
}

func (w *walker) children(n *html.Node, kind paraKind) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, kind)
	}
}

// isSpace reports whether r is white space, counting no-break and
// zero-width spaces and the byte-order mark.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// collapse trims s and collapses runs of whitespace into single spaces.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}
