package quote

import "github.com/newsgraph/newsgraph/text"

// span is a quotation between an opening mark and its closing mark,
// possibly in a later paragraph.
type span struct {
	// p0, a: paragraph and token of the opening mark. p1, b: paragraph
	// and token of the closing mark, b == len(tokens) when the quotation
	// runs unclosed to the end of paragraph p1.
	p0, a, p1, b int
	family       byte
	closed       bool
	used         bool // merged into the quotation before it
}

// Mark roles.
const (
	roleOpen  = 1 // opens only: “ ‘ « „ ‚ 「 『 ``
	roleClose = 2 // closes only: ” ’ » 」 』
	roleBoth  = 3 // either: " '' '
)

// markInfo returns the family and role of a quotation mark: 'd' double
// (" “ ” „ ” “), 's' single (' ‘ ’ ‚), 'g' guillemets (« »), 'h' single
// guillemets (‹ ›), 'c' corner brackets (「 」), 'w' white corners (『 』).
func markInfo(s string) (family byte, role int) {
	switch s {
	case `"`, "''", "＂":
		return 'd', roleBoth
	case "“", "„", "``":
		return 'd', roleOpen
	case "”":
		return 'd', roleClose
	case "'":
		return 's', roleBoth
	case "‘", "‚":
		return 's', roleOpen
	case "’":
		return 's', roleClose
	case "«":
		return 'g', roleOpen
	case "»":
		return 'g', roleClose
	case "‹":
		return 'h', roleOpen
	case "›":
		return 'h', roleClose
	case "「":
		return 'c', roleOpen
	case "」":
		return 'c', roleClose
	case "『":
		return 'w', roleOpen
	case "』":
		return 'w', roleClose
	}
	return 0, 0
}

// looksOpening: the mark stands after a space (or opens the paragraph, or
// follows a bracket or dash) and touches the word after it.
func looksOpening(toks []text.Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].SpaceBefore {
		return false
	}
	if i == 0 || toks[i].SpaceBefore {
		return true
	}
	switch toks[i-1].Kind {
	case text.Dash, text.Quote:
		return true
	case text.Punct:
		return toks[i-1].Text == "(" || toks[i-1].Text == "[" || toks[i-1].Text == ":"
	}
	return false
}

// openMark is the quotation open while the marks are read.
type openMark struct {
	p, a   int
	family byte
	text   string
}

// findSpans pairs the quotation marks of the document. Marks of another
// family inside a quotation are nested quotes and stay part of it. A
// quotation left open at the end of a paragraph continues when the next
// paragraph opens with a mark of its family (the convention for quotes
// running over several paragraphs); otherwise a double quotation ends
// with its paragraph and a single one, more likely an apostrophe, is
// dropped.
func (d *docState) findSpans() {
	var open *openMark
	var cur openMark
	for p := range d.paras {
		toks := d.paras[p].toks
		start := 0
		if open != nil {
			// Continued from the paragraph before: skip its opening mark.
			d.paras[p].flags[0] |= flagMark
			start = 1
		}
		for i := start; i < len(toks); i++ {
			t := toks[i]
			if t.Kind != text.Quote {
				continue
			}
			fam, role := markInfo(t.Text)
			if fam == 0 {
				continue
			}
			if open == nil {
				switch {
				case role == roleClose:
					continue // a stray closing mark
				case role == roleBoth && !looksOpening(toks, i):
					if i > 0 && !t.SpaceBefore {
						continue // touches the word before: a closing mark
					}
					if fam == 's' {
						continue
					}
				case fam == 's' && role == roleBoth && (i+1 >= len(toks) || toks[i+1].Kind != text.Word):
					continue
				}
				cur = openMark{p: p, a: i, family: fam, text: t.Text}
				open = &cur
				continue
			}
			if fam != open.family {
				continue // a nested quotation
			}
			closes := false
			switch role {
			case roleClose:
				closes = true
			case roleBoth:
				closes = true
				if fam == 's' && looksOpening(toks, i) {
					closes = false // a nested opening single mark
				} else if fam == 'd' && t.SpaceBefore && looksOpening(toks, i) && i > 0 && terminal(toks[i-1]) && open.p == p && i-open.a > 2 {
					// `"One sentence. "Another` — paragraphs run together,
					// each opening a quotation: the first ends unclosed
					// and this mark opens the next.
					d.spans = append(d.spans, span{p0: open.p, a: open.a, p1: p, b: i, family: fam})
					cur = openMark{p: p, a: i, family: fam, text: t.Text}
					open = &cur
					continue
				}
			case roleOpen:
				// “ closes „ (German), ‘ closes ‚.
				closes = open.text == "„" && t.Text == "“" || open.text == "‚" && t.Text == "‘"
			}
			if closes {
				d.spans = append(d.spans, span{p0: open.p, a: open.a, p1: p, b: i, family: fam, closed: true})
				open = nil
			} else if role == roleOpen && open.p == p {
				// A new opening mark while one is open in this paragraph:
				// the first was never closed.
				cur = openMark{p: p, a: i, family: fam, text: t.Text}
			}
		}
		if open == nil {
			continue
		}
		// Open at the paragraph's end.
		if p+1 < len(d.paras) && len(d.paras[p+1].toks) > 0 {
			nt := d.paras[p+1].toks[0]
			if nt.Kind == text.Quote {
				if fam, role := markInfo(nt.Text); fam == open.family && role != roleClose {
					continue // the quotation runs on into the next paragraph
				}
			}
		}
		if open.family != 's' || open.text == "‘" {
			d.spans = append(d.spans, span{p0: open.p, a: open.a, p1: p, b: len(toks), family: open.family})
		}
		open = nil
	}
	for _, s := range d.spans {
		d.paras[s.p0].flags[s.a] |= flagMark
		if s.b < len(d.paras[s.p1].toks) {
			d.paras[s.p1].flags[s.b] |= flagMark
		}
		d.eachContent(s, func(p, from, to int) {
			for t := from; t < to; t++ {
				d.paras[p].flags[t] |= flagQuoted
			}
		})
	}
}

// eachContent calls fn with the token range inside a span, paragraph by
// paragraph (a continued paragraph's opening mark left out).
func (d *docState) eachContent(s span, fn func(p, from, to int)) {
	for p := s.p0; p <= s.p1; p++ {
		from, to := 0, len(d.paras[p].toks)
		if p == s.p0 {
			from = s.a + 1
		} else if to > 0 && d.paras[p].toks[0].Kind == text.Quote {
			from = 1
		}
		if p == s.p1 {
			to = s.b
		}
		if from < to {
			fn(p, from, to)
		}
	}
}
