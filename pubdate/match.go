package pubdate

// matchOpt says which date shapes a caller accepts.
type matchOpt struct {
	noYear       bool // day and month without a year ("Nov. 15")
	monthYear    bool // month and year without a day ("November 2022")
	twoDigitYear bool // "15.11.22"
	monthFirst   bool // ambiguous numeric dates are month-first (US context)
	minNamedYear int  // lowest year accepted when the month is a word
}

// dmatch is a date found in a token slice.
type dmatch struct {
	y, m, d     int // y 0: no year given; d 0: month precision
	first, last int // token indexes, inclusive
	named       bool
}

func (t *token) isP(r rune) bool { return t.kind == tPunct && t.r == r }

func (t *token) isNum(minDig, maxDig int) bool {
	return t.kind == tNum && int(t.ndig) >= minDig && int(t.ndig) <= maxDig
}

func (t *token) has(f wordFlag) bool { return t.kind == tWord && t.info.flags&f != 0 }

func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '−' || r == '‐' || r == '‑' || r == '―'
}

// at returns token j or a zero token past the end.
func at(ts []token, j int) *token {
	if j >= 0 && j < len(ts) {
		return &ts[j]
	}
	return &token{}
}

// adjacent reports whether token j exists and touches its predecessor.
func adjacent(ts []token, j int) bool { return j < len(ts) && !ts[j].space }

func (o matchOpt) yearOK(y int, named bool) bool {
	lo := minYear
	if named && o.minNamedYear > 0 {
		lo = o.minNamedYear
	}
	return y >= lo && y <= maxYear
}

// monthAt reads a month name at token j: its month and last token.
func monthAt(ts []token, j int) (m, last int) {
	t := at(ts, j)
	if t.kind != tWord {
		return 0, 0
	}
	if t.info.month > 0 {
		return int(t.info.month), j
	}
	if t.info.flags&fArHead != 0 {
		n := at(ts, j+1)
		switch {
		case n.has(fArFirst):
			return int(t.info.arFirst), j + 1
		case n.has(fArSecond):
			return int(t.info.arSecond), j + 1
		}
	}
	return 0, 0
}

// numChainBefore reports whether token i is glued to a preceding
// "number separator" pair, so a date found at i would be the tail of a
// longer numeric chain (a version, an IP address, a phone number).
func numChainBefore(ts []token, i int) bool {
	if i < 2 || ts[i].space {
		return false
	}
	p := ts[i-1]
	return p.kind == tPunct && (p.r == '.' || p.r == '-' || p.r == '/' || p.r == ':') && !p.space && ts[i-2].kind == tNum
}

// numChainAfter reports whether token j (the last of a date) continues with
// a glued separator and number.
func numChainAfter(ts []token, j int) bool {
	n := at(ts, j+1)
	if n.kind == tNum && !n.space {
		return true
	}
	if n.kind != tPunct || n.space || !(n.r == '.' || n.r == '-' || n.r == '/' || n.r == ':' || n.r == ',') {
		return false
	}
	nn := at(ts, j+2)
	return nn.kind == tNum && !nn.space
}

// resolveDM orders the two small numbers of an all-numeric date. The rule:
// a number above 12 must be the day; otherwise day-first (the order of most
// of the world's news sites), unless the caller has seen a US context
// (monthFirst).
func resolveDM(a, b int, monthFirst bool) (d, m int, ok bool) {
	switch {
	case a > 12 && b > 12, a == 0 || b == 0:
		return 0, 0, false
	case a > 12:
		return a, b, true
	case b > 12:
		return b, a, true
	case monthFirst:
		return b, a, true
	}
	return a, b, true
}

// matchDate tries every date shape starting at token i.
func matchDate(ts []token, i int, o matchOpt) (dmatch, bool) {
	if i < 0 || i >= len(ts) {
		return dmatch{}, false
	}
	switch ts[i].kind {
	case tNum:
		return matchNum(ts, i, o)
	case tWord:
		return matchWord(ts, i, o)
	}
	return dmatch{}, false
}

func okDay(y, m, d int) bool {
	if y == 0 {
		y = 2000 // leap year: 29 February is possible without a year
	}
	return validDay(y, m, d)
}

func matchNum(ts []token, i int, o matchOpt) (dmatch, bool) {
	t := &ts[i]
	if numChainBefore(ts, i) {
		return dmatch{}, false
	}
	if t.ndig == 4 {
		y := t.val
		// Y-M-D, Y/M/D, Y.M.D (Korean "2022. 11. 15." allows spaces after dots).
		if s := at(ts, i+1); s.kind == tPunct && !s.space && (s.r == '-' || s.r == '/' || s.r == '.') {
			sp := s.r == '.'
			m, s2, d := at(ts, i+2), at(ts, i+3), at(ts, i+4)
			if m.isNum(1, 2) && (sp || !m.space) && s2.isP(s.r) && !s2.space && d.isNum(1, 2) && (sp || !d.space) {
				last := i + 4
				if !numChainAfter(ts, last) && o.yearOK(y, false) && validDay(y, m.val, d.val) {
					if sp && at(ts, last+1).isP('.') && adjacent(ts, last+1) {
						last++
					}
					return dmatch{y: y, m: m.val, d: d.val, first: i, last: last}, true
				}
				return dmatch{}, false
			}
		}
		// 2022年11月15日, 2022년 11월 15일.
		if u := at(ts, i+1); u.kind == tWord && (u.r == '年' || u.r == '년') && o.yearOK(y, true) {
			m, um := at(ts, i+2), at(ts, i+3)
			if m.isNum(1, 2) && um.kind == tWord && (um.r == '月' || um.r == '월') && m.val >= 1 && m.val <= 12 {
				d, ud := at(ts, i+4), at(ts, i+5)
				if d.isNum(1, 2) && ud.kind == tWord && (ud.r == '日' || ud.r == '일' || ud.r == '号' || ud.r == '號') {
					if validDay(y, m.val, d.val) {
						return dmatch{y: y, m: m.val, d: d.val, first: i, last: i + 5, named: true}, true
					}
					return dmatch{}, false
				}
				if o.monthYear {
					return dmatch{y: y, m: m.val, first: i, last: i + 3, named: true}, true
				}
			}
		}
		return dmatch{}, false
	}
	if t.ndig > 2 || t.val == 0 {
		return dmatch{}, false
	}
	// D.M.Y, D/M/Y, D-M-Y (or M/D/Y in a US context).
	if s := at(ts, i+1); s.kind == tPunct && !s.space && (s.r == '-' || s.r == '/' || s.r == '.') {
		b, s2, y := at(ts, i+2), at(ts, i+3), at(ts, i+4)
		if b.isNum(1, 2) && !b.space && s2.isP(s.r) && !s2.space && !y.space &&
			(y.isNum(4, 4) || (o.twoDigitYear && y.isNum(2, 2))) && !numChainAfter(ts, i+4) {
			yy := y.val
			if y.ndig == 2 {
				yy += 2000
			}
			d, m, ok := resolveDM(t.val, b.val, o.monthFirst && s.r == '/')
			if ok && o.yearOK(yy, false) && validDay(yy, m, d) {
				return dmatch{y: yy, m: m, d: d, first: i, last: i + 4}, true
			}
		}
		if b.kind == tNum {
			return dmatch{}, false
		}
	}
	n := at(ts, i+1)
	// 11月15日, 11월 15일 (no year).
	if n.kind == tWord && (n.r == '月' || n.r == '월') && t.val <= 12 {
		d, ud := at(ts, i+2), at(ts, i+3)
		if o.noYear && d.isNum(1, 2) && ud.kind == tWord && (ud.r == '日' || ud.r == '일' || ud.r == '号' || ud.r == '號') && okDay(0, t.val, d.val) {
			return dmatch{m: t.val, d: d.val, first: i, last: i + 3, named: true}, true
		}
		return dmatch{}, false
	}
	// Vietnamese: 15 tháng 11 năm 2022.
	if n.has(fThang) {
		m := at(ts, i+2)
		if !m.isNum(1, 2) || m.val < 1 || m.val > 12 {
			return dmatch{}, false
		}
		if nm, y := at(ts, i+3), at(ts, i+4); nm.has(fNam) && y.isNum(4, 4) {
			if o.yearOK(y.val, true) && validDay(y.val, m.val, t.val) {
				return dmatch{y: y.val, m: m.val, d: t.val, first: i, last: i + 4, named: true}, true
			}
			return dmatch{}, false
		}
		if o.noYear && okDay(0, m.val, t.val) {
			return dmatch{m: m.val, d: t.val, first: i, last: i + 2, named: true}, true
		}
		return dmatch{}, false
	}
	// Day then month name: 15 November 2022, 15. November 2022, 15th Nov,
	// 15-Nov-2022, 15 de noviembre de 2022, 15 ноября 2022 г.
	j := i + 1
	dash := false
	switch {
	case n.kind == tWord && !n.space && n.info.flags&fOrd != 0:
		j++
	case n.isP('.') && !n.space:
		j++
	case n.kind == tPunct && isDash(n.r) && !n.space:
		j++
		dash = true
	}
	if at(ts, j).has(fDe) && at(ts, j).info.month == 0 {
		j++
	}
	m, last := monthAt(ts, j)
	if m == 0 || (dash && at(ts, j).space) {
		return dmatch{}, false
	}
	j = last + 1
	if at(ts, j).isP('.') && !at(ts, j).space {
		j++
	}
	if dash && at(ts, j).kind == tPunct && isDash(at(ts, j).r) {
		j++
	}
	if at(ts, j).isP(',') {
		j++
	}
	if at(ts, j).has(fDe) && at(ts, j).info.month == 0 {
		j++
	}
	if y := at(ts, j); y.isNum(4, 4) {
		if !o.yearOK(y.val, true) || !validDay(y.val, m, t.val) || numChainAfter(ts, j) {
			return dmatch{}, false
		}
		return dmatch{y: y.val, m: m, d: t.val, first: i, last: j, named: true}, true
	} else if y.kind == tNum {
		if y.ndig == 2 && at(ts, j+1).isP(':') {
			// "15 Nov 10:30": a time follows; fall through to the no-year form.
		} else {
			return dmatch{}, false
		}
	}
	if o.noYear && okDay(0, m, t.val) {
		return dmatch{m: m, d: t.val, first: i, last: last, named: true}, true
	}
	return dmatch{}, false
}

func matchWord(ts []token, i int, o matchOpt) (dmatch, bool) {
	m, last := monthAt(ts, i)
	if m == 0 {
		return dmatch{}, false
	}
	j := last + 1
	if at(ts, j).isP('.') && !at(ts, j).space {
		j++
	}
	d := at(ts, j)
	if d.isNum(1, 2) && d.val > 0 && !(at(ts, j+1).isP(':') && adjacent(ts, j+1)) && !numChainAfter(ts, j) ||
		(d.isNum(1, 2) && at(ts, j+1).isP(',')) {
		dj := j
		j++
		if at(ts, j).has(fOrd) && !at(ts, j).space {
			j++
		}
		if at(ts, j).isP(',') {
			j++
		}
		if y := at(ts, j); y.isNum(4, 4) {
			if !o.yearOK(y.val, true) || !validDay(y.val, m, d.val) || numChainAfter(ts, j) {
				return dmatch{}, false
			}
			return dmatch{y: y.val, m: m, d: d.val, first: i, last: j, named: true}, true
		}
		if o.noYear && okDay(0, m, d.val) {
			return dmatch{m: m, d: d.val, first: i, last: dj, named: true}, true
		}
		return dmatch{}, false
	}
	if !o.monthYear {
		return dmatch{}, false
	}
	if at(ts, j).isP(',') || at(ts, j).has(fDe) {
		j++
	}
	if y := at(ts, j); y.isNum(4, 4) && o.yearOK(y.val, true) && !numChainAfter(ts, j) {
		return dmatch{y: y.val, m: m, first: i, last: j, named: true}, true
	}
	return dmatch{}, false
}

// tmatch is a time of day found in a token slice.
type tmatch struct {
	h, m        int
	first, last int
}

func (t tmatch) String() string {
	b := [5]byte{byte('0' + t.h/10), byte('0' + t.h%10), ':', byte('0' + t.m/10), byte('0' + t.m%10)}
	return string(b[:])
}

// matchTime reads a time of day at token i: 10:30, 10:30:00, 3:04 PM,
// 10h30, 10.30 Uhr, 10 Uhr, 10时30分, 오후 3:04, 3 p.m.
func matchTime(ts []token, i int) (tmatch, bool) {
	if i < 0 || i >= len(ts) {
		return tmatch{}, false
	}
	first := i
	pre := 0 // 1 am, 2 pm
	if t := &ts[i]; t.kind == tWord {
		switch {
		case t.info.flags&fAM != 0:
			pre = 1
		case t.info.flags&fPM != 0:
			pre = 2
		default:
			return tmatch{}, false
		}
		i++
	}
	h := at(ts, i)
	if !h.isNum(1, 2) || numChainBefore(ts, i) {
		return tmatch{}, false
	}
	hh, mm := h.val, 0
	j := i + 1
	n := at(ts, j)
	timeOK := false
	switch {
	case n.isP(':') && !n.space && at(ts, j+1).isNum(2, 2) && !at(ts, j+1).space:
		mm = at(ts, j+1).val
		j += 2
		if at(ts, j).isP(':') && !at(ts, j).space && at(ts, j+1).isNum(2, 2) && !at(ts, j+1).space {
			j += 2
			if at(ts, j).isP('.') && !at(ts, j).space && at(ts, j+1).kind == tNum && !at(ts, j+1).space {
				j += 2
			}
		}
		timeOK = true
	case n.has(fH) && at(ts, j+1).isNum(2, 2):
		mm = at(ts, j+1).val
		j += 2
		timeOK = true
	case n.has(fH) && !n.space:
		j++
		timeOK = true
	case n.isP('.') && !n.space && at(ts, j+1).isNum(2, 2) && !at(ts, j+1).space && at(ts, j+2).has(fUhr|fTZ|fAM|fPM):
		mm = at(ts, j+1).val
		j += 2
		timeOK = true
	case n.has(fUhr):
		timeOK = true
	case n.kind == tWord && (n.r == '时' || n.r == '時' || n.r == '点' || n.r == '點' || n.r == '시') && len(ts[j:]) > 0 && n.end-n.start <= 3:
		j++
		if m, u := at(ts, j), at(ts, j+1); m.isNum(1, 2) && u.kind == tWord && (u.r == '分' || u.r == '분') {
			mm = m.val
			j += 2
		}
		timeOK = true
	}
	last := j - 1 // last token of the core time
	suf := 0
	switch a := at(ts, j); {
	case a.has(fAM):
		suf, last = 1, j
	case a.has(fPM):
		suf, last = 2, j
	case a.kind == tWord && (a.r|0x20 == 'a' || a.r|0x20 == 'p') && a.end-a.start == 1 &&
		at(ts, j+1).isP('.') && !at(ts, j+1).space && at(ts, j+2).kind == tWord && at(ts, j+2).r|0x20 == 'm' &&
		at(ts, j+2).end-at(ts, j+2).start == 1 && !at(ts, j+2).space:
		suf, last = 1, j+2
		if a.r|0x20 == 'p' {
			suf = 2
		}
		if at(ts, j+3).isP('.') && !at(ts, j+3).space {
			last++
		}
	}
	if suf != 0 {
		pre = suf
		timeOK = true
	}
	if !timeOK || mm > 59 {
		return tmatch{}, false
	}
	switch pre {
	case 1, 2:
		if hh < 1 || hh > 12 {
			return tmatch{}, false
		}
		if pre == 1 && hh == 12 {
			hh = 0
		} else if pre == 2 && hh < 12 {
			hh += 12
		}
	default:
		if hh > 23 {
			return tmatch{}, false
		}
	}
	return tmatch{h: hh, m: mm, first: first, last: last}, true
}
