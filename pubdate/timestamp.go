package pubdate

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Timestamp limits: a line longer than maxTimestampRunes code points, or
// with more tokens or unknown words than below, is never a timestamp line.
const (
	maxTimestampRunes   = 140
	maxTimestampTokens  = 48
	maxTimestampUnknown = 2 // words the lexicon does not know, before rejecting early
	maxLowerWords       = 4 // plain lower-case words of 4+ ASCII letters
	allowedUnknown      = 1 // unknown words a timestamp line may still hold (a site name)
)

// label says which label introduced a date.
const (
	labelNone = iota
	labelPub
	labelUpd
)

type tsDate struct {
	m     dmatch
	label int
	seg   int
	time  string
}

// Timestamp recognises a line that is a publication timestamp and returns
// the publication date in it and whether the WHOLE line is timestamp
// furniture.
//
// Recognised lines are made only of dates, times, labels ("Published",
// "Updated", "publié le", "Stand:", "입력", "发布时间", "نشر" …), weekdays,
// time zones, agency names, fillers ("at", "le", "um") and at most one
// unknown word (a site name); plus relative times ("2 hours ago", "vor 2
// Stunden") and reading times ("5 min read"), which are timestamp lines
// without a date. A sentence that merely contains a date is not one: d is
// then zero too, so a caller never mistakes running text for a timestamp.
// The one exception is a byline carrying a labelled date ("By Jane Doe |
// Published 15 Nov 2022"): the date is returned but the line is reported as
// not being timestamp furniture, so the caller can file it as a byline.
//
// When both a published and an updated date are present the published one
// is returned; a line with only an updated date ("Updated 3:04 PM EST, Tue
// November 15, 2022") returns that date, the best evidence the line has. A
// date without a year ("Nov 15, 10:30") takes ref's year (see Dateline for
// the rule); with a zero ref it is unusable and d is zero. The time of day,
// when given next to the chosen date, is returned in d.Time.
//
// Ambiguous numeric dates are read day-first unless a number above 12
// decides, or the line has a US context (AM/PM or a US time zone) and the
// date uses slashes: "03/04/2022" is 3 April, "03/04/2022 10:30 AM EST" is
// March 4.
//
// Cheap checks run first: lines without a digit, longer than 140 code
// points, or with more than three unknown words are rejected before any
// parsing. go-dateparser is only consulted for short, dateless-looking lines
// that hold a plausible year and a word the lexicon does not know (the long
// tail of languages).
func Timestamp(line string, ref Date) (d Date, isTimestampLine bool) {
	if !timestampCandidate(line) {
		return Date{}, false
	}
	var buf [maxTimestampTokens]token
	ts, ok := tokenize(line, buf[:0], maxTimestampTokens, maxTimestampUnknown)
	if !ok || len(ts) == 0 {
		return Date{}, false
	}
	return timestampTokens(line, ts, ref)
}

// timestampCandidate is the cheap pre-check: some digit, not too long,
// and not many plain lower-case words. Timestamp lines have at most three
// lower-case ASCII words of four letters or more ("mis à jour le 16
// novembre 2022"); sentences have many more.
func timestampCandidate(line string) bool {
	if len(line) > maxTimestampRunes && (len(line) > maxTimestampRunes*4 || utf8.RuneCountInString(line) > maxTimestampRunes) {
		return false
	}
	digit, ascii := false, true
	words, run := 0, 0 // lower-case words seen; length of the current one (-1: not a candidate)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c >= 'a' && c <= 'z':
			if run >= 0 {
				run++
			}
			continue
		case c >= '0' && c <= '9':
			digit = true
		case c >= utf8.RuneSelf:
			ascii = false
		}
		if run >= 4 {
			if words++; words > maxLowerWords {
				return false
			}
		}
		if c == ' ' {
			run = 0
		} else {
			run = -1
		}
	}
	if run >= 4 && words+1 > maxLowerWords {
		return false
	}
	if !digit && !ascii {
		for _, r := range line {
			if digitVal(r) >= 0 {
				return true
			}
		}
	}
	return digit
}

func timestampTokens(line string, ts []token, ref Date) (Date, bool) {
	var dates [6]tsDate
	nd := 0
	label, seg := labelNone, 0
	pending, pendingSeg := "", -1
	unknownW, unknownN := 0, 0
	unknownAfter := 0 // unknown words after the first label or date (bylines)
	started := false
	hasTime, hasRel, hasMinNum, hasRead, hasLabel := false, false, false, false, false
	byline := ts[0].has(fBy)

	o := matchOpt{noYear: true, monthYear: true, twoDigitYear: true, monthFirst: usContext(line, ts)}
	for i := 0; i < len(ts); {
		t := &ts[i]
		if t.kind == tPunct {
			i++
			continue
		}
		if m, ok := matchDate(ts, i, o); ok {
			if nd < len(dates) {
				dates[nd] = tsDate{m: m, label: label, seg: seg}
				if pending != "" && pendingSeg == seg {
					dates[nd].time = pending
					pending = ""
				}
				nd++
			}
			started = true
			i = m.last + 1
			continue
		}
		if tm, ok := matchTime(ts, i); ok {
			hasTime = true
			if !(i > 0 && (ts[i-1].isP('+') || isDash(ts[i-1].r) && ts[i-1].kind == tPunct) && !ts[i].space && nd > 0) { // not a "+09:00" offset
				if nd > 0 && dates[nd-1].seg == seg && dates[nd-1].time == "" {
					dates[nd-1].time = tm.String()
				} else if pending == "" {
					pending, pendingSeg = tm.String(), seg
				}
			}
			i = tm.last + 1
			continue
		}
		if t.kind == tNum {
			n := at(ts, i+1)
			switch {
			case n.has(fRelUnit|fMinUnit) && (n.has(fAgo) || at(ts, i+2).has(fAgo)),
				n.has(fRelUnit|fMinUnit) && i > 0 && ts[i-1].has(fAgoPre):
				hasRel = true
				i += 2
				continue
			case n.has(fMinUnit):
				hasMinNum = true
				i += 2
				continue
			}
			// A lone number: a score, a count, a page number. A number glued
			// to a sign after a time or zone is an offset ("-05:00", "GMT+7").
			glued := !t.space && i > 0 && ts[i-1].kind == tPunct && !ts[i-1].space &&
				(ts[i-1].r == '+' || isDash(ts[i-1].r) || ts[i-1].r == ':') && (hasTime || nd > 0 || i > 1 && ts[i-2].has(fTZ))
			if !glued {
				unknownN++
			}
			i++
			continue
		}
		// A word.
		f := t.info.flags
		switch {
		case f&(fPub|fUpd) != 0:
			if !followsLabel(ts, i) {
				seg++
			}
			label, hasLabel, started = labelPub, true, true
			if f&fPub == 0 {
				label = labelUpd
			}
		case f&fRead != 0:
			hasRead = true
		case !t.info.known():
			unknownW += unknownWeight(t)
			if started {
				unknownAfter += unknownWeight(t)
			}
		}
		i++
	}

	found := nd > 0 || hasRel || hasMinNum && hasRead || hasLabel && hasTime
	if !found {
		if nd == 0 && unknownW >= 1 && unknownW <= 2 && !byline {
			return fallbackTimestamp(line, ts)
		}
		return Date{}, false
	}
	furniture := unknownW <= allowedUnknown && unknownN == 0 && !byline
	if !furniture && !(byline && hasLabel && unknownAfter <= allowedUnknown && unknownN == 0) {
		return Date{}, false
	}
	if nd == 0 {
		return Date{}, furniture
	}
	best := -1
	for _, want := range [...]int{labelPub, labelNone, labelUpd} {
		for k := 0; k < nd && best < 0; k++ {
			if dates[k].label == want {
				best = k
			}
		}
	}
	d := toDate(dates[best].m, ref)
	if !d.IsZero() && d.Precision == newsgraph.PrecisionDay {
		d.Time = dates[best].time
	}
	return d, furniture
}

// followsLabel reports whether word i directly follows another label word
// ("Last updated", "mis à jour", "Дата публикации"): one label, one segment.
func followsLabel(ts []token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := &ts[j]
		if t.kind == tPunct {
			return false
		}
		if t.has(fPub | fUpd) {
			return true
		}
		if !t.has(fFill) {
			return false
		}
	}
	return false
}

// usZones are the time zones that mark a US page.
var usZones = [...]string{"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "akst", "hst"}

// usContext reports whether a line shows US conventions (an AM/PM suffix
// after a number, a US time zone), in which ambiguous slash dates are
// month-first.
func usContext(line string, ts []token) bool {
	for k := range ts {
		t := &ts[k]
		if t.kind != tWord || t.r >= utf8.RuneSelf || k == 0 {
			continue
		}
		w := line[t.start:t.end]
		if t.info.flags&(fAM|fPM) != 0 && ts[k-1].kind == tNum {
			return true
		}
		if len(w) == 1 && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p') && ts[k-1].kind == tNum && at(ts, k+1).isP('.') {
			return true
		}
		if t.info.flags&fTZ != 0 {
			for _, z := range usZones {
				if strings.EqualFold(w, z) {
					return true
				}
			}
		}
	}
	return false
}

// toDate completes a match into a Date, filling a missing year from ref.
func toDate(m dmatch, ref Date) Date {
	if m.y == 0 {
		d, ok := fillYear(m.m, m.d, ref)
		if !ok {
			return Date{}
		}
		return d
	}
	if m.d == 0 {
		return monthDate(m.y, m.m)
	}
	return dayDate(m.y, m.m, m.d)
}
