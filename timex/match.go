package timex

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/text"
)

// para is one paragraph being searched: its tokens with their lexicon
// entries.
type para struct {
	text string
	toks []text.Token
	ents []entry
	// permissive accepts what the stage only accepts in context: a bare
	// year, a lower-case month or weekday (Resolve's input is known to be
	// a time expression).
	permissive bool
	// prevLast is the last token of the previous match in the paragraph
	// (-2 when none) and prevJoin what it was: joinYM for a year or a
	// month a connector can extend ("between 2019 and 2021", "from March
	// to May"), joinDur for a duration "to" can bound ("the three months
	// to December").
	prevLast int
	prevJoin uint8
}

// match is a recognised expression: tokens first..last (inclusive).
type match struct {
	first, last int
	sem
}

// lookupAll fills ents for the tokens that can start an expression;
// the entries of the other words are looked up when a rule asks (e).
// Abbreviations are looked up without their period and only as months
// ("Nov.", "Sept.").
func (p *para) lookupAll() {
	p.prevLast = -2
	for i := range p.toks {
		t := &p.toks[i]
		switch t.Kind {
		case text.Word:
			e := lookupIn(t.Text, startShapes)
			if e.flags != 0 {
				e.flags |= fLooked
			}
			p.ents[i] = e
		case text.Number:
			p.ents[i] = entry{flags: fNumber | fLooked}
		case text.Abbrev:
			e := lookupWord(strings.TrimSuffix(t.Text, "."))
			if e.has(fMonth | fMonthAbbr) {
				p.ents[i] = entry{flags: fMonthAbbr | fLooked, val: e.val}
			} else {
				p.ents[i] = entry{flags: fLooked}
			}
		default:
			p.ents[i] = entry{flags: fLooked}
		}
	}
}

// cursor locates code-point offsets in a text by walking forward from
// the previous point, so slicing successive expressions costs one pass.
type cursor struct{ b, r int }

// slice returns the code points [start, end) of s. Calls must come in
// increasing order of start for the walk to stay linear.
func (c *cursor) slice(s string, start, end int) string {
	if start < c.r {
		c.b, c.r = 0, 0
	}
	for c.r < start && c.b < len(s) {
		_, n := utf8.DecodeRuneInString(s[c.b:])
		c.b += n
		c.r++
	}
	b, r := c.b, c.r
	for r < end && b < len(s) {
		_, n := utf8.DecodeRuneInString(s[b:])
		b += n
		r++
	}
	return s[c.b:b]
}

// e returns the entry of token i, or the zero entry past either end.
func (p *para) e(i int) entry {
	if i < 0 || i >= len(p.ents) {
		return entry{}
	}
	if p.ents[i].flags&fLooked == 0 {
		p.ents[i] = lookup(p.toks[i].Text)
		p.ents[i].flags |= fLooked
	}
	return p.ents[i]
}

// is reports whether token i carries one of the flags f.
func (p *para) is(i int, f flag) bool { return p.e(i).has(f) }

// word reports whether token i is the word w (lower case), ignoring case.
func (p *para) word(i int, w string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].Kind == text.Word && strings.EqualFold(p.toks[i].Text, w)
}

// punct reports whether token i is the punctuation s.
func (p *para) punct(i int, s string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].Kind == text.Punct && p.toks[i].Text == s
}

// upper reports whether token i starts with a capital letter.
func (p *para) upper(i int) bool {
	if i < 0 || i >= len(p.toks) || p.toks[i].Text == "" {
		return false
	}
	c := p.toks[i].Text[0]
	return c >= 'A' && c <= 'Z'
}

// noToken is the kind of a position past either end of the paragraph.
const noToken text.TokenKind = 255

// kind returns the kind of token i, or noToken past either end.
func (p *para) kind(i int) text.TokenKind {
	if i < 0 || i >= len(p.toks) {
		return noToken
	}
	return p.toks[i].Kind
}

// number returns the text of token i when it is a Number.
func (p *para) number(i int) (string, bool) {
	if i < 0 || i >= len(p.toks) || p.toks[i].Kind != text.Number {
		return "", false
	}
	return p.toks[i].Text, true
}

// yearAt parses token i as a four-digit year.
func (p *para) yearAt(i int) (int, bool) {
	s, ok := p.number(i)
	if !ok {
		return 0, false
	}
	return year(s)
}

// dayAt parses token i as a day of the month ("15", "15th").
func (p *para) dayAt(i int) (int, bool) {
	s, ok := p.number(i)
	if !ok {
		return 0, false
	}
	return dayOfMonth(s)
}

// monthAt reports the month token i names: a capitalised month name, or an
// abbreviation ("Nov.", "Sept"), which only counts before a number.
func (p *para) monthAt(i int) (m int, abbr, ok bool) {
	e := p.e(i)
	if !e.has(fMonth | fMonthAbbr) {
		return 0, false, false
	}
	if !p.permissive && !p.upper(i) {
		return 0, false, false
	}
	return int(e.val), !e.has(fMonth), true
}

// hyphenated reports whether token i is a word with a hyphen, which the
// lexicon does not hold but which may be "mid-2023" or "two-week".
func (p *para) hyphenated(i int) bool { return p.is(i, fHyphen) }

// licensed reports whether a bare year or month at token i is a time: after
// a preposition ("in 2019", "since March"), or after "and"/"to"/"or"/a dash
// that follows a year or month just found ("between 2019 and 2021").
func (p *para) licensed(i int) bool {
	if p.permissive {
		return true
	}
	if p.is(i-1, fPrep) {
		return true
	}
	if p.prevLast != i-2 {
		return false
	}
	switch p.prevJoin {
	case joinYM:
		return p.is(i-1, fConnector) || p.kind(i-1) == text.Dash
	case joinDur:
		return p.word(i-1, "to")
	}
	return false
}

// What a previous match lets a connector join (para.prevJoin).
const (
	joinNone uint8 = iota
	joinYM
	joinDur
)

// found records m as the previous match, for connectors.
func (p *para) found(m *match) {
	p.prevLast = m.last
	switch {
	case m.form == fmMonth || m.form == fmFixed && m.kind == KindDate && (m.gran == GranYear || m.gran == GranMonth):
		p.prevJoin = joinYM
	case m.kind == KindDuration:
		p.prevJoin = joinDur
	default:
		p.prevJoin = joinNone
	}
}

// at tries every rule that can start at token i and returns the first
// expression found.
func (p *para) at(i int) (match, bool) {
	t := &p.toks[i]
	switch t.Kind {
	case text.Number:
		return p.atNumber(i)
	case text.Word, text.Abbrev:
	default:
		return match{}, false
	}
	if p.hyphenated(i) {
		return p.atHyphen(i)
	}
	e := p.e(i)
	if !e.has(starters) {
		return match{}, false
	}
	switch {
	case e.has(fWeekday):
		return p.weekday(i, i, 0)
	case e.has(fWeekdays):
		if !p.permissive && !p.weekdayName(i) {
			return match{}, false
		}
		return mk(i, i, sem{kind: KindSet, form: fmFixed, value: "XXXX-WXX-" + string(rune('0'+e.val))}), true
	case e.has(fMonth | fMonthAbbr):
		return p.month(i, i, 0, false)
	case e.has(fRelDay):
		return p.relDay(i)
	}
	if e.has(fThe) {
		if m, ok := p.the(i); ok {
			return m, true
		}
	}
	if e.has(fShift) {
		if m, ok := p.shifted(i, i); ok {
			return m, true
		}
	}
	if e.has(fThat) {
		return p.anchorPhrase(i, i+1)
	}
	if e.has(fEarlier) {
		if m, ok := p.earlier(i); ok {
			return m, true
		}
	}
	if e.has(fEdge) {
		if m, ok := p.edge(i, i+1); ok {
			return m, true
		}
	}
	if e.has(fEvery) {
		return p.every(i)
	}
	if e.has(fFreq) {
		if !p.permissive && p.upper(i) && (p.upper(i+1) || p.kind(i-1) == text.Word) { // "Daily Mail", "The Daily and Sunday Telegraph"
			return match{}, false
		}
		return mk(i, i, sem{kind: KindSet, form: fmFixed, value: isoDuration(itoa(int(e.num)), e.unit)}), true
	}
	if e.has(fOnce | fPer) {
		j := i + 1
		if e.has(fOnce) {
			if !p.is(j, fArticle|fEvery|fPer) {
				return match{}, false
			}
			j++
		}
		return p.rateUnit(i, j)
	}
	if e.has(fSeason) {
		return p.season(i)
	}
	if e.has(fApprox) {
		if m, ok := p.approx(i); ok {
			return m, true
		}
	}
	if e.has(fOrd) && p.is(i+1, fAnniv) {
		return mk(i, i+1, sem{kind: KindDuration, form: fmFixed, value: isoDuration(itoa(int(e.num)), uYear)}), true
	}
	if e.has(fArticle) && p.is(i+1, fUnit) && p.e(i+1).unit != uWeekend && p.rateBefore(i) && !p.is(i+2, fEarlier|fAgo) {
		return p.rateUnit(i, i+1)
	}
	if e.has(fArticle | fNum | fVague | fHalf) {
		return p.duration(i, i)
	}
	return match{}, false
}

func mk(first, last int, s sem) match { return match{first: first, last: last, sem: s} }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// weekdayName reports whether a capitalised weekday at i is a day rather
// than part of a name ("Black Friday", "Super Tuesday", "the Sunday
// Times", "Saturday Night Live"). Weekdays must be capitalised.
func (p *para) weekdayName(i int) bool {
	if !p.upper(i) {
		return false
	}
	if p.upper(i-1) && p.is(i-1, fNameBefore) {
		return false
	}
	if p.upper(i+1) && p.is(i+1, fNameAfter) {
		return false
	}
	return true
}

// weekday reads a weekday at i, with a following date ("Tuesday, Nov. 15")
// or part of the day ("Tuesday night"); first is where the expression
// starts ("last Friday" starts at "last").
func (p *para) weekday(i, first, dir int) (match, bool) {
	if !p.permissive && !p.weekdayName(i) {
		return match{}, false
	}
	j := i + 1
	if p.punct(j, ",") {
		j++
	}
	if dir == 0 {
		if m, ok := p.dateAfterWeekday(j); ok {
			m.first = first
			return m, true
		}
	}
	last := i
	if p.is(i+1, fPart) && !p.upper(i+1) {
		last = i + 1
	}
	return mk(first, last, sem{kind: KindDate, form: fmWeekday, wd: int(p.e(i).val), dir: dir}), true
}

// dateAfterWeekday reads a day-precise date at i: "Nov. 15", "15
// November 2022", "2022-11-15".
func (p *para) dateAfterWeekday(i int) (match, bool) {
	if i >= len(p.toks) {
		return match{}, false
	}
	var m match
	var ok bool
	switch {
	case p.kind(i) == text.Number:
		m, ok = p.atNumber(i)
	case p.is(i, fMonth|fMonthAbbr):
		m, ok = p.month(i, i, 0, false)
	}
	if !ok || !(m.form == fmDayMonth || m.form == fmFixed && m.gran == GranDay) {
		return match{}, false
	}
	return m, true
}

// month reads a month name at i: "November 15[, 2022]", "December 2019",
// "December of 2019", or a bare month ("in December"), which needs a
// preposition before it unless lic says the words before license it
// ("early November", "last December").
func (p *para) month(i, first, dir int, lic bool) (match, bool) {
	mo, abbr, ok := p.monthAt(i)
	if !ok {
		return match{}, false
	}
	j := i + 1
	if d, ok := p.dayAt(j); ok && validDay(2000, mo, d) && dir == 0 {
		k := j + 1
		if p.punct(k, ",") {
			k++
		}
		if y, ok := p.yearAt(k); ok && validDay(y, mo, d) {
			return mk(first, k, fixedDate(format(day(y, mo, d), GranDay), GranDay)), true
		}
		return mk(first, j, sem{kind: KindDate, form: fmDayMonth, m: mo, d: d}), true
	}
	k := j
	if p.word(k, "of") || p.punct(k, ",") {
		k++
	}
	if y, ok := p.yearAt(k); ok && dir == 0 {
		return mk(first, k, fixedDate(pad4(y)+"-"+pad2(mo), GranMonth)), true
	}
	if w := p.e(j); dir == 0 && w.has(fShift) && p.e(j+1).unit == uYear && p.word(j+1, "year") &&
		(p.word(j, "last") || p.word(j, "this") || p.word(j, "next")) { // "May last year"
		return mk(first, j+1, sem{kind: KindDate, form: fmMonthOfYear, m: mo, n: int(w.val)}), true
	}
	if abbr {
		return match{}, false
	}
	if !lic && !p.licensed(first) {
		return match{}, false
	}
	if mo == 5 && !p.permissive && (p.kind(i+1) == text.Clitic || p.upper(i+1)) { // "May's", "May Day"
		return match{}, false
	}
	return mk(first, i, sem{kind: KindDate, form: fmMonth, m: mo, dir: dir}), true
}

func fixedDate(v string, g Granularity) sem {
	return sem{kind: KindDate, form: fmFixed, value: v, gran: g}
}

// relDay reads "today", "yesterday", "tomorrow", "tonight", with a part
// of the day ("yesterday morning").
func (p *para) relDay(i int) (match, bool) {
	if !p.permissive && p.upper(i) && (p.kind(i-1) == text.Word || p.kind(i-1) == text.Clitic) && i > 0 {
		return match{}, false // "USA Today", "Radio 4's Today programme": capitalised inside a sentence, a name
	}
	last := i
	if p.is(i+1, fPart) && !p.word(i, "tonight") {
		last = i + 1
	}
	return mk(i, last, sem{kind: KindDate, form: fmRelDay, n: int(p.e(i).val)}), true
}

// shifted reads "last/next/this" + weekday, month, season, week, month,
// year, weekend, "last night", "this morning", or "last/next/past" + a
// count of units (a duration: "the past three years").
func (p *para) shifted(i, first int) (match, bool) {
	e := p.e(i)
	w := strings.ToLower(p.toks[i].Text)
	dir := int(e.val)
	j := i + 1
	if w == "this" && p.word(j, "past") { // "this past weekend"
		dir, j = -1, j+1
	}
	if w != "last" && w != "next" && w != "this" && w != "past" {
		return match{}, false
	}
	if w == "past" {
		if m, ok := p.duration(j, first); ok && m.kind == KindDuration {
			return m, true
		}
		return match{}, false
	}
	ej := p.e(j)
	switch {
	case ej.has(fWeekday):
		return p.weekday(j, first, dir)
	case ej.has(fMonth):
		return p.month(j, first, dir, true)
	case ej.has(fSeason):
		return mk(first, j, sem{kind: KindDate, form: fmSeason, m: int(ej.val), n: dir}), true
	case ej.has(fPart):
		if w == "last" && p.word(j, "night") || w == "last" && p.word(j, "evening") {
			return mk(first, j, sem{kind: KindDate, form: fmRelDay, n: -1}), true
		}
		if w == "this" && !p.word(j, "night") {
			return mk(first, j, sem{kind: KindDate, form: fmRelDay, n: 0}), true
		}
		return match{}, false
	case ej.has(fUnit):
		switch u := ej.unit; u {
		case uWeek, uMonth, uYear, uWeekend:
			if strings.HasSuffix(strings.ToLower(p.toks[j].Text), "s") {
				return match{}, false
			}
			return mk(first, j, sem{kind: KindDate, form: fmShift, unit: u, n: dir}), true
		}
		return match{}, false
	}
	if w == "last" || w == "next" {
		if m, ok := p.duration(j, first); ok && m.kind == KindDuration {
			return m, true
		}
	}
	return match{}, false
}

// the reads the expressions that start with "the".
func (p *para) the(i int) (match, bool) {
	j := i + 1
	if j >= len(p.toks) {
		return match{}, false
	}
	ej := p.e(j)
	switch {
	case p.kind(j) == text.Number:
		s := p.toks[j].Text
		if dec, ok := decade(s); ok {
			return mk(i, j, decadeSem(dec)), true
		}
		if n, ok := ordinal(s); ok {
			if p.is(j+1, fAnniv) {
				return mk(i, j+1, sem{kind: KindDuration, form: fmFixed, value: isoDuration(itoa(n), uYear)}), true
			}
			if n <= 31 && p.word(j+1, "of") {
				if m, ok := p.month(j+2, i, 0, true); ok && (m.form == fmMonth || m.form == fmFixed && m.gran == GranMonth) {
					return p.dayOfMonthPhrase(i, n, m)
				}
			}
		}
		return match{}, false
	case ej.has(fEdge):
		if s, ok := p.number(j + 1); ok {
			if dec, ok := decade(s); ok {
				return mk(i, j+1, decadeSem(dec)), true
			}
		}
		return match{}, false
	case p.hyphenated(j):
		if m, ok := p.atHyphen(j); ok && m.gran == GranDecade {
			m.first = i
			return m, true
		}
		return match{}, false
	case ej.has(fOrd) && p.is(j+1, fAnniv):
		return mk(i, j+1, sem{kind: KindDuration, form: fmFixed, value: isoDuration(itoa(int(ej.num)), uYear)}), true
	case ej.has(fAnniv) && ej.num > 0:
		return mk(i, j, sem{kind: KindDuration, form: fmFixed, value: isoDuration(itoa(int(ej.num)), uYear)}), true
	case ej.has(fShift):
		return p.theShift(i, j)
	case p.word(j, "day") && (p.word(j+1, "before") || p.word(j+1, "after")):
		n := 1
		if p.word(j+1, "before") {
			n = -1
		}
		switch {
		case p.word(j+2, "yesterday") && n < 0, p.word(j+2, "tomorrow") && n > 0:
			return mk(i, j+2, sem{kind: KindDate, form: fmRelDay, n: 2 * n}), true
		case p.clauseEnd(j + 2):
			return mk(i, j+1, sem{kind: KindDate, form: fmAnchor, unit: uDay, n: n}), true
		}
		return mk(i, j+1, sem{kind: KindDate, form: fmFixed}), true // "the day before the vote": relative to an event
	case p.word(j, "same"):
		return p.anchorPhrase(i, j+1)
	case ej.has(fEnd) && p.word(j+1, "of"):
		return p.endOf(i, j+2)
	case ej.has(fSeason) && p.word(j+1, "of"):
		if y, ok := p.yearAt(j + 2); ok {
			return mk(i, j+2, fixedDate(pad4(y), GranYear)), true
		}
	}
	return match{}, false
}

// dayOfMonthPhrase completes "the 15th of November [2022]" from the month
// match m.
func (p *para) dayOfMonthPhrase(first, d int, m match) (match, bool) {
	if m.form == fmFixed {
		y, _ := year(m.value[:4])
		mo, _ := digits(m.value[5:7])
		if !validDay(y, mo, d) {
			return match{}, false
		}
		return mk(first, m.last, fixedDate(format(day(y, mo, d), GranDay), GranDay)), true
	}
	if !validDay(2000, m.m, d) {
		return match{}, false
	}
	return mk(first, m.last, sem{kind: KindDate, form: fmDayMonth, m: m.m, d: d}), true
}

// clauseEnd reports whether token i ends a phrase: the end of the text,
// punctuation, or a conjunction.
func (p *para) clauseEnd(i int) bool {
	if i >= len(p.toks) {
		return true
	}
	switch p.kind(i) {
	case text.Punct, text.Quote, text.Dash:
		return true
	}
	for _, w := range [...]string{"and", "but", "when", "while", "as", "with"} {
		if p.word(i, w) {
			return true
		}
	}
	return false
}

// theShift reads "the" + last/past/next/coming/previous/following + …: a
// duration with a count ("the past three years"), a unit relative to the
// anchor ("the next day", "the previous week") or to publication ("the
// coming week").
func (p *para) theShift(i, j int) (match, bool) {
	w := strings.ToLower(p.toks[j].Text)
	k := j + 1
	if m, ok := p.duration(k, i); ok && m.kind == KindDuration {
		return m, true
	}
	ek := p.e(k)
	if !ek.has(fUnit | fDay) {
		return match{}, false
	}
	plural := strings.HasSuffix(strings.ToLower(p.toks[k].Text), "s")
	u := ek.unit
	if ek.has(fDay) {
		u = uDay
	}
	if u == uSecond || u == uMinute || u == uHour || u == uCentury && !plural ||
		u == uDecade && !plural && w != "past" && w != "last" {
		return match{}, false
	}
	if plural { // "the coming days", "the past years": an unspecified count
		if w == "past" || w == "last" || w == "coming" || w == "next" {
			return mk(i, k, sem{kind: KindDuration, form: fmFixed}), true
		}
		return match{}, false
	}
	switch w {
	case "next", "following":
		return mk(i, k, sem{kind: KindDate, form: fmAnchor, unit: u, n: 1, gran: granOf(u)}), true
	case "previous":
		return mk(i, k, sem{kind: KindDate, form: fmAnchor, unit: u, n: -1, gran: granOf(u)}), true
	case "coming":
		if u == uDay {
			return match{}, false
		}
		return mk(i, k, sem{kind: KindDate, form: fmShift, unit: u, n: 1}), true
	case "past", "last":
		if u == uDay && w == "last" || u == uWeekend {
			return match{}, false // "the last day of …"
		}
		return mk(i, k, sem{kind: KindDuration, form: fmFixed, value: isoDuration("1", u)}), true
	}
	return match{}, false
}

// anchorPhrase reads the word at j after "that", "the same", "earlier
// that": day, morning …, week, month, year, all relative to the anchor.
func (p *para) anchorPhrase(first, j int) (match, bool) {
	ej := p.e(j)
	switch {
	case ej.has(fDay):
		return mk(first, j, sem{kind: KindDate, form: fmAnchor, unit: uDay, gran: GranDay}), true
	case ej.has(fUnit) && (ej.unit == uWeek || ej.unit == uMonth || ej.unit == uYear) && !strings.HasSuffix(p.toks[j].Text, "s"):
		return mk(first, j, sem{kind: KindDate, form: fmAnchor, unit: ej.unit, gran: granOf(ej.unit)}), true
	}
	return match{}, false
}

// endOf reads what follows "the end/start/beginning/middle of": "the
// year", "this month", "next year", "2022", "December [2022]". The value
// is that of the period.
func (p *para) endOf(first, j int) (match, bool) {
	ej := p.e(j)
	switch {
	case ej.has(fThe | fShift):
		w := strings.ToLower(p.toks[j].Text)
		dir := int(ej.val)
		if w == "the" {
			dir = 0
		} else if w != "this" && w != "next" && w != "last" {
			return match{}, false
		}
		u := p.e(j + 1).unit
		if (u == uWeek || u == uMonth || u == uYear) && !strings.HasSuffix(p.toks[j+1].Text, "s") {
			return mk(first, j+1, sem{kind: KindDate, form: fmShift, unit: u, n: dir}), true
		}
	case p.kind(j) == text.Number:
		if y, ok := p.yearAt(j); ok {
			return mk(first, j, fixedDate(pad4(y), GranYear)), true
		}
	case ej.has(fMonth):
		if m, ok := p.month(j, first, 0, true); ok && m.form != fmDayMonth {
			return m, true
		}
	}
	return match{}, false
}

// earlier reads "earlier/later" + "this/next/last week|month|year",
// "today", "in the day|week|month|year", "that day …".
func (p *para) earlier(i int) (match, bool) {
	j := i + 1
	ej := p.e(j)
	switch {
	case ej.has(fShift):
		w := strings.ToLower(p.toks[j].Text)
		u := p.e(j + 1).unit
		if (w == "this" || w == "next" || w == "last") && (u == uWeek || u == uMonth || u == uYear) && !strings.HasSuffix(p.toks[j+1].Text, "s") {
			return mk(i, j+1, sem{kind: KindDate, form: fmShift, unit: u, n: int(ej.val)}), true
		}
	case ej.has(fRelDay):
		if p.word(j, "today") || p.word(j, "tonight") {
			return mk(i, j, sem{kind: KindDate, form: fmRelDay}), true
		}
	case p.word(j, "in") && p.word(j+1, "the"):
		return p.anchorPhrase(i, j+2)
	case ej.has(fThat):
		return p.anchorPhrase(i, j+1)
	}
	return match{}, false
}

// edge reads "early/late/mid" + a year, a month, a weekday, a decade, or
// "next/last/this" + unit; j is the token after the edge word.
func (p *para) edge(i, j int) (match, bool) {
	ej := p.e(j)
	switch {
	case p.kind(j) == text.Number:
		s := p.toks[j].Text
		if y, ok := year(s); ok {
			return mk(i, j, fixedDate(pad4(y), GranYear)), true
		}
		if dec, ok := decade(s); ok {
			return mk(i, j, decadeSem(dec)), true
		}
	case ej.has(fMonth):
		if m, ok := p.month(j, i, 0, true); ok && m.form != fmDayMonth {
			return m, true
		}
	case ej.has(fWeekday):
		return p.weekday(j, i, 0)
	case ej.has(fShift):
		w := strings.ToLower(p.toks[j].Text)
		u := p.e(j + 1).unit
		if (w == "this" || w == "next" || w == "last") && (u == uWeek || u == uMonth || u == uYear) && !strings.HasSuffix(p.toks[j+1].Text, "s") {
			return mk(i, j+1, sem{kind: KindDate, form: fmShift, unit: u, n: int(ej.val)}), true
		}
	}
	return match{}, false
}

func decadeSem(dec int) sem {
	if dec < 0 {
		return sem{kind: KindDate, form: fmFixed}
	}
	return fixedDate(itoa(dec), GranDecade)
}

// atHyphen reads hyphenated words: "mid-2023", "early-2020",
// "mid-November", "mid-1990s", "two-week", "five-year", "twenty-five years".
func (p *para) atHyphen(i int) (match, bool) {
	s := p.toks[i].Text
	k := strings.IndexByte(s, '-')
	head, tail := s[:k], s[k+1:]
	if strings.IndexByte(tail, '-') >= 0 {
		return match{}, false // "three-year-old", "year-on-year"
	}
	if e := lookupWord(head); e.has(fEdge) {
		if y, ok := year(tail); ok {
			return mk(i, i, fixedDate(pad4(y), GranYear)), true
		}
		if dec, ok := decade(tail); ok {
			return mk(i, i, decadeSem(dec)), true
		}
		if e2 := lookupWord(tail); e2.has(fMonth) && (p.permissive || tail[0] >= 'A' && tail[0] <= 'Z') {
			if y, ok := p.yearAt(i + 1); ok {
				return mk(i, i+1, fixedDate(pad4(y)+"-"+pad2(int(e2.val)), GranMonth)), true
			}
			return mk(i, i, sem{kind: KindDate, form: fmMonth, m: int(e2.val)}), true
		}
		return match{}, false
	}
	e1, e2 := lookupWord(head), lookupWord(tail)
	if e1.has(fNum) && e2.has(fNum) && e1.num >= 20 && e1.num%10 == 0 && e2.num < 10 { // "twenty-five years"
		return p.durationWith(i, i, itoa(int(e1.num+e2.num)), i+1)
	}
	if e1.has(fNum|fArticle) && e2.has(fUnit) && e2.unit != uWeekend && !strings.HasSuffix(tail, "s") { // "two-week"
		n := int(e1.num)
		if e1.has(fArticle) {
			n = 1
		}
		return mk(i, i, sem{kind: KindDuration, form: fmFixed, value: isoDuration(itoa(n), e2.unit)}), true
	}
	return match{}, false
}

// atNumber reads expressions starting with a number: all-numeric dates,
// decades, "30th anniversary", "15 November [2022]", a year after a
// preposition, a count of units.
func (p *para) atNumber(i int) (match, bool) {
	s := p.toks[i].Text
	if y, m, d, amb, ok := numericDate(s); ok {
		if amb {
			return mk(i, i, sem{kind: KindDate, form: fmFixed}), true
		}
		return mk(i, i, fixedDate(format(day(y, m, d), GranDay), GranDay)), true
	}
	if dec, ok := decade(s); ok {
		return mk(i, i, decadeSem(dec)), true
	}
	if n, ok := ordinal(s); ok && p.is(i+1, fAnniv) {
		return mk(i, i+1, sem{kind: KindDuration, form: fmFixed, value: isoDuration(itoa(n), uYear)}), true
	}
	if d, ok := dayOfMonth(s); ok {
		j := i + 1
		if p.word(j, "of") && !isDigits(s) {
			j++
		}
		if mo, _, ok := p.monthAt(j); ok && validDay(2000, mo, d) {
			k := j + 1
			if p.punct(k, ",") && p.kind(k+1) == text.Number {
				k++
			}
			if y, ok := p.yearAt(k); ok && validDay(y, mo, d) {
				return mk(i, k, fixedDate(format(day(y, mo, d), GranDay), GranDay)), true
			}
			return mk(i, j, sem{kind: KindDate, form: fmDayMonth, m: mo, d: d}), true
		}
	}
	if y, ok := year(s); ok && y >= minBareYear && p.licensed(i) && !p.is(i+1, fUnit) {
		return mk(i, i, fixedDate(pad4(y), GranYear)), true
	}
	if k := strings.LastIndexByte(s, '-'); k > 0 && strings.IndexByte(s, '-') == k { // "10-day", "24-hour"
		if n, ok := count(s[:k]); ok {
			if e := lookupWord(s[k+1:]); e.has(fUnit) && e.unit != uWeekend && !strings.HasSuffix(s, "s") {
				return mk(i, i, sem{kind: KindDuration, form: fmFixed, value: isoDuration(n, e.unit)}), true
			}
		}
		return match{}, false
	}
	return p.duration(i, i)
}

// minBareYear is the earliest year accepted without a month ("in 1848"
// but not "in 1500 homes").
const minBareYear = 1800

// approx reads a duration after approximating words: "nearly three
// years", "more than a decade", "at least two weeks", "just over an hour".
func (p *para) approx(i int) (match, bool) {
	j := i
	for n := 0; n < 3; n++ {
		switch {
		case p.word(j, "more") || p.word(j, "less"):
			if !p.word(j+1, "than") {
				return match{}, false
			}
			j += 2
		case p.word(j, "at"):
			if !p.word(j+1, "least") && !p.word(j+1, "most") {
				return match{}, false
			}
			j += 2
		case p.word(j, "up"):
			if !p.word(j+1, "to") {
				return match{}, false
			}
			j += 2
		case p.is(j, fApprox):
			j++
		default:
			n = 3
		}
	}
	if j == i {
		return match{}, false
	}
	m, ok := p.duration(j, i)
	if !ok {
		return match{}, false
	}
	return m, true
}

// duration reads a count and a unit at i ("three years", "a decade", "1.5
// hours", "two and a half years", "a year and a half", "several weeks"),
// then what may follow: "ago" (a date before publication), "earlier" or
// "later" (a date relative to the anchor), "from now". An age ("three
// years old") is not a time. first is where the expression starts.
func (p *para) duration(i, first int) (match, bool) {
	n, j, ok := p.countAt(i)
	if !ok {
		return match{}, false
	}
	return p.durationWith(first, i, n, j)
}

// countAt reads a count at i and returns it as a decimal string ("" for
// a vague count such as "several") and the index after it.
func (p *para) countAt(i int) (string, int, bool) {
	if i >= len(p.toks) {
		return "", i, false
	}
	e := p.e(i)
	switch {
	case p.kind(i) == text.Number:
		n, ok := count(p.toks[i].Text)
		return n, i + 1, ok
	case e.has(fHyphen):
		s := p.toks[i].Text
		k := strings.IndexByte(s, '-')
		e1, e2 := lookupWord(s[:k]), lookupWord(s[k+1:])
		if e1.has(fNum) && e2.has(fNum) && e1.num >= 20 && e1.num < 100 && e1.num%10 == 0 && e2.num < 10 { // "twenty-five"
			return itoa(int(e1.num + e2.num)), i + 1, true
		}
		return "", i, false
	case e.has(fNum):
		v := int(e.num)
		j := i + 1
		if v >= 20 && v < 100 && v%10 == 0 && p.e(j).has(fNum) && p.e(j).num < 10 {
			v += int(p.e(j).num)
			j++
		}
		if v < 10 && p.word(j, "hundred") {
			v *= 100
			j++
		}
		return itoa(v), j, true
	case e.has(fArticle):
		switch {
		case p.word(i+1, "few") || p.word(i+1, "couple") && p.word(i+2, "of"):
			j := i + 2
			if p.word(i+1, "couple") {
				j++
			}
			return "", j, true
		case p.word(i+1, "dozen") || p.word(i+1, "hundred"):
			return itoa(int(p.e(i + 1).num)), i + 2, true
		}
		return "1", i + 1, true
	case e.has(fVague):
		if p.word(i-1, "as") { // "in as many months": as many as something else
			return "", i, false
		}
		j := i + 1
		if p.word(i, "couple") {
			if !p.word(j, "of") {
				return "", i, false
			}
			j++
		}
		return "", j, true
	case e.has(fHalf) && p.is(i+1, fArticle):
		return "0.5", i + 2, true
	}
	return "", i, false
}

// durationWith completes a duration whose count n ends before token j.
func (p *para) durationWith(first, i int, n string, j int) (match, bool) {
	half := false
	if n != "" && p.word(j, "and") && p.is(j+1, fArticle) && p.word(j+2, "half") { // "two and a half years"
		half = true
		j += 3
	}
	ej := p.e(j)
	if !ej.has(fUnit) || ej.unit == uWeekend || p.kind(j) != text.Word {
		return match{}, false
	}
	u := ej.unit
	last := j
	if n == "1" && !half && p.word(j+1, "and") && p.is(j+2, fArticle) && p.word(j+3, "half") { // "a year and a half"
		half = true
		last = j + 3
	}
	if half {
		n = addHalf(n)
	}
	// "one day" opening a clause is "some day" ("One day, he …").
	if p.word(i, "one") && u == uDay && !p.permissive && !p.is(first-1, fPrep) && !p.word(first-1, "for") && !p.word(first-1, "within") {
		return match{}, false
	}
	// An age: "three years old", "five years of age".
	if p.word(last+1, "old") || p.word(last+1, "of") && p.word(last+2, "age") {
		return match{}, false
	}
	next := last + 1
	switch {
	case p.is(next, fAgo):
		return p.dated(first, next, fmAgo, n, u, 1), true
	case p.word(next, "from") && p.word(next+1, "now"):
		return p.dated(first, next+1, fmAgo, n, u, -1), true
	case p.is(next, fEarlier):
		return p.dated(first, next, fmAnchor, n, u, int(p.e(next).val)), true
	case (p.word(next, "before") || p.word(next, "after")) && p.clauseEnd(next+1):
		sign := 1
		if p.word(next, "before") {
			sign = -1
		}
		return p.dated(first, next, fmAnchor, n, u, sign), true
	}
	v := ""
	if n != "" {
		v = isoDuration(n, u)
	}
	return mk(first, last, sem{kind: KindDuration, form: fmFixed, value: v}), true
}

// dated builds a date n units before publication (fmAgo, sign 1), after
// it (fmAgo, sign -1) or from the anchor (fmAnchor, sign ±1). Counts that
// are vague or not whole give a date without a value.
func (p *para) dated(first, last int, f form, n string, u unit, sign int) match {
	k, ok := digits(n)
	if !ok || u == uSecond || u == uMinute || u == uHour {
		return mk(first, last, sem{kind: KindDate, form: fmFixed})
	}
	s := sem{kind: KindDate, form: f, unit: u, n: sign * k}
	if f == fmAnchor {
		s.gran = granOf(u)
	}
	return mk(first, last, s)
}

// addHalf adds 0.5 to the decimal string n.
func addHalf(n string) string {
	if n == "" {
		return ""
	}
	if strings.IndexByte(n, '.') >= 0 {
		return n
	}
	return n + ".5"
}

// rateBefore reports whether "a" at i follows an amount, making "a year"
// a rate ("$5bn a year", "20% a year", "three times a day").
func (p *para) rateBefore(i int) bool {
	if p.word(i+2, "of") { // "a year of contraction"
		return false
	}
	if i == 0 {
		return false
	}
	switch p.kind(i - 1) {
	case text.Number:
		return true
	case text.Symbol:
		return p.toks[i-1].Text == "%"
	case text.Punct:
		return p.toks[i-1].Text == ")" // "$50bn (£26.69bn) a year"
	case text.Word:
		if p.is(i-1, fRate|fOnce) {
			return true
		}
		// A plural noun: "1.7 trillion cigarettes a year", "visitors a day".
		w := p.toks[i-1].Text
		return len(w) > 3 && w[0] >= 'a' && w[0] <= 'z' && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
			!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !p.is(i-1, fPrep) && w != "was" && w != "has" && w != "does"
	}
	return false
}

// rateUnit reads the unit at j of a rate starting at i: "per year", "once
// a week", "a year" after an amount → a set.
func (p *para) rateUnit(i, j int) (match, bool) {
	ej := p.e(j)
	if !ej.has(fUnit) || ej.unit == uWeekend || strings.HasSuffix(strings.ToLower(p.toks[j].Text), "s") {
		return match{}, false
	}
	return mk(i, j, sem{kind: KindSet, form: fmFixed, value: isoDuration("1", ej.unit)}), true
}

// every reads "every/each" + [other] [count] unit or weekday: "every
// Monday" (XXXX-WXX-1), "each year" (P1Y), "every two weeks" (P2W),
// "every other day" (P2D), "every few years" (no value).
func (p *para) every(i int) (match, bool) {
	j := i + 1
	ej := p.e(j)
	switch {
	case ej.has(fWeekday) && (p.permissive || p.upper(j)):
		return mk(i, j, sem{kind: KindSet, form: fmFixed, value: "XXXX-WXX-" + string(rune('0'+ej.val))}), true
	case ej.has(fPart):
		return mk(i, j, sem{kind: KindSet, form: fmFixed, value: "P1D"}), true
	case ej.has(fUnit) && ej.unit != uWeekend:
		return p.rateUnit(i, j)
	case p.word(j, "other") && p.is(j+1, fUnit) && p.e(j+1).unit != uWeekend:
		return mk(i, j+1, sem{kind: KindSet, form: fmFixed, value: isoDuration("2", p.e(j+1).unit)}), true
	}
	if n, k, ok := p.countAt(j); ok && !p.is(j, fArticle) {
		if ek := p.e(k); ek.has(fUnit) && ek.unit != uWeekend {
			v := ""
			if n != "" {
				v = isoDuration(n, ek.unit)
			}
			return mk(i, k, sem{kind: KindSet, form: fmFixed, value: v}), true
		}
	}
	return match{}, false
}

// season reads "summer 2020" and "spring of 2021" (the year).
func (p *para) season(i int) (match, bool) {
	j := i + 1
	if p.word(j, "of") {
		j++
	}
	if y, ok := p.yearAt(j); ok {
		return mk(i, j, fixedDate(pad4(y), GranYear)), true
	}
	return match{}, false
}
