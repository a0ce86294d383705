package pubdate

import (
	"unicode"
	"unicode/utf8"
)

// Dateline limits: only the head of a paragraph is scanned.
const (
	datelineBytes  = 320
	datelineTokens = 48
	maxPlaceWords  = 5
)

// Dateline finds a dateline opening a body paragraph and the date in it.
//
// Shapes recognised:
//
//	BALI, Indonesia, Nov. 15 (Yonhap) -- President …
//	WASHINGTON, Nov 15 (Reuters) - …
//	MOSCOW, 15 November 2022 (AFP) - …
//	NEW YORK, Nov. 15, 2022 /PRNewswire/ -- …
//	МОСКВА, 15 ноября. /ТАСС/. …
//	PARIS (AP) — …            (no date)
//	Washington (CNN) — …      (no date; title-case place needs an agency)
//	NEW DELHI: …              (no date)
//	新华社北京11月15日电（记者 张三）…
//	(서울=연합뉴스) 홍길동 기자 = …   (no date)
//	【ワシントン=共同】…              (no date)
//
// prefixLen is the length in code points of the dateline, including the
// separator and the spaces after it, so paragraph[prefixLen:] (in code
// points) is the first sentence; it is 0 when the paragraph has no
// dateline. ok reports whether a usable date was found; d is then set.
// A month and day without a year take the year of ref (the crawl header's
// year; when ref is a real date known to the month and the dateline's month
// is more than six months after it, the previous year). With a zero ref
// such a date is unusable: ok is false but prefixLen still reports the
// dateline.
func Dateline(paragraph string, ref Date) (d Date, prefixLen int, ok bool) {
	if !datelineCandidate(paragraph) {
		return Date{}, 0, false
	}
	head := paragraph
	if len(head) > datelineBytes {
		cut := datelineBytes
		for cut > 0 && !utf8.RuneStart(head[cut]) {
			cut--
		}
		head = head[:cut]
	}
	var buf [datelineTokens]token
	ts, _ := tokenize(head, buf[:0], datelineTokens, -1)
	if len(ts) == 0 {
		return Date{}, 0, false
	}
	var (
		m       dmatch
		end     int // index of the dateline's last token
		got     bool
		oneRune bool // the dateline ends after the first rune of ts[end]
	)
	t0 := &ts[0]
	switch {
	case t0.kind == tPunct && isOpen(t0.r):
		end, got = bracketDateline(ts)
	case t0.kind == tWord && isCJK(t0.r):
		m, end, got = chineseDateline(ts)
		oneRune = got && ts[end].cpEnd-ts[end].cpStart > 1
	case t0.kind == tWord:
		m, end, got = latinDateline(ts)
	}
	if !got {
		return Date{}, 0, false
	}
	// The prefix runs through the last token and the spaces after it.
	endCP, endByte := ts[end].cpEnd, ts[end].end
	if oneRune {
		_, size := utf8.DecodeRuneInString(head[ts[end].start:])
		endCP, endByte = ts[end].cpStart+1, ts[end].start+int32(size)
	}
	prefixLen = int(endCP)
	for _, r := range head[endByte:] {
		if !isSpaceRune(r) {
			break
		}
		prefixLen++
	}
	if m.m == 0 {
		return Date{}, prefixLen, false
	}
	d = toDate(m, ref)
	if d.IsZero() {
		return Date{}, prefixLen, false
	}
	return d, prefixLen, true
}

// datelineCandidate is the cheap pre-check: a paragraph opening with a
// bracket or an ideograph, or with capitalised words up to the first
// separator (a comma, bracket, colon, slash or dash). "The President said,"
// fails at "said".
func datelineCandidate(p string) bool {
	wordStart := true
	for i, r := range p {
		if i > 120 {
			return false
		}
		if i == 0 && (isOpen(r) || isCJK(r)) {
			return true
		}
		switch r {
		case ',', '(', ':', '/', '-', '—', '–':
			return i > 0
		}
		if isSpaceRune(r) {
			wordStart = true
			continue
		}
		if wordStart && !unicode.IsUpper(r) {
			return false
		}
		wordStart = false
	}
	return false
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7AF || r >= 0xF900 && r <= 0xFAFF
}

func isOpen(r rune) bool {
	return r == '(' || r == '[' || r == '（' || r == '［' || r == '【' || r == '〔'
}
func isClose(r rune) bool {
	return r == ')' || r == ']' || r == '）' || r == '］' || r == '】' || r == '〕'
}

// bracketDateline reads "(서울=연합뉴스) 홍길동 기자 =" and "【ワシントン=共同】":
// a bracket holding PLACE=AGENCY, optionally followed by reporter names and
// a "기자 =" / "특파원 =" marker.
func bracketDateline(ts []token) (end int, ok bool) {
	eq := false
	j := 1
	for ; j < len(ts) && j < 12; j++ {
		t := &ts[j]
		if t.kind == tPunct && t.r == '=' {
			eq = true
		} else if t.kind == tPunct && isClose(t.r) {
			break
		} else if t.kind == tNum {
			return 0, false
		}
	}
	if !eq || j >= len(ts) || j >= 12 || !isClose(ts[j].r) || j < 3 {
		return 0, false
	}
	end = j
	// Korean reporter marker: names, then 기자/특파원/통신원, then "=".
	for k := j + 1; k < len(ts) && k < j+12; k++ {
		t := &ts[k]
		if t.kind == tPunct && t.r == '=' {
			if k > j+1 && isReporterWord(ts[k-1]) {
				return k, true
			}
			return end, true
		}
		if t.kind == tNum || t.kind == tPunct && t.r != '·' && t.r != ',' && t.r != '/' {
			break
		}
	}
	return end, true
}

func isReporterWord(t token) bool {
	if t.kind != tWord {
		return false
	}
	switch t.r {
	case '기', '특', '통':
		return true
	}
	return false
}

// chineseDateline reads "新华社北京11月15日电（记者 张三）": an agency and
// place run of ideographs, a month and day (or a full date), then 电 or 讯,
// then an optional bracketed reporter credit.
func chineseDateline(ts []token) (m dmatch, end int, ok bool) {
	if ts[0].cpEnd-ts[0].cpStart > 14 || len(ts) < 4 {
		return dmatch{}, 0, false
	}
	if ts[1].kind != tNum || ts[1].space {
		return dmatch{}, 0, false
	}
	m, ok = matchDate(ts, 1, matchOpt{noYear: true})
	if !ok || m.d == 0 {
		return dmatch{}, 0, false
	}
	// The day unit must be followed by 电 or 讯 ("日电", "日讯").
	j := m.last + 1
	nt := at(ts, j)
	if nt.kind != tWord || nt.space || (nt.r != '电' && nt.r != '讯' && nt.r != '電' && nt.r != '訊') {
		return dmatch{}, 0, false
	}
	end = j
	if nt.cpEnd-nt.cpStart > 1 {
		return m, j, true // "电记者…" glued: the caller cuts after 电
	}
	if o := at(ts, j+1); o.kind == tPunct && isOpen(o.r) {
		for k := j + 2; k < len(ts) && k < j+12; k++ {
			if ts[k].kind == tPunct && isClose(ts[k].r) {
				return m, k, true
			}
		}
	}
	return m, end, true
}

// latinDateline reads datelines in alphabetic scripts: an upper-case place
// (or a title-case one followed by an agency), optional region and date,
// optional agency in brackets or slashes, then a dash, a colon or (after an
// agency) a full stop.
func latinDateline(ts []token) (m dmatch, end int, ok bool) {
	// The place: words, allowing glued ".", "-", "'" inside ("ST. LOUIS").
	j := 0
	words, letters := 0, 0
	allUpper := true
	for j < len(ts) {
		t := &ts[j]
		if t.kind == tWord {
			if !t.title && !t.upper {
				break
			}
			if words == 0 && t.has(fStop) {
				return dmatch{}, 0, false
			}
			allUpper = allUpper && t.upper
			words++
			letters += int(t.cpEnd - t.cpStart)
			j++
			continue
		}
		if t.kind == tPunct && (t.r == '.' || t.r == '\'' || t.r == '’' || t.r == '-') && !t.space &&
			at(ts, j+1).kind == tWord && (t.r == '.' || !at(ts, j+1).space) {
			j++
			continue
		}
		if t.kind == tPunct && t.r == '.' && !t.space { // "ST." at the end of the place
			j++
			continue
		}
		break
	}
	if words == 0 || words > maxPlaceWords || letters < 3 {
		return dmatch{}, 0, false
	}
	if !allUpper && words > 3 {
		return dmatch{}, 0, false
	}
	agency, slashAgency := false, false
	o := matchOpt{noYear: true, minNamedYear: minYear}
	for parts := 0; j < len(ts) && parts < 4; parts++ {
		t := &ts[j]
		switch {
		case t.kind == tPunct && isDash(t.r):
			if !allUpper && !agency {
				return dmatch{}, 0, false
			}
			end = j
			for at(ts, end+1).kind == tPunct && isDash(at(ts, end+1).r) && !at(ts, end+1).space {
				end++
			}
			// "SAN FRANCISCO--(BUSINESS WIRE)--"
			if !agency {
				if k, ok := agencyAt(ts, end+1); ok && at(ts, k+1).kind == tPunct && isDash(at(ts, k+1).r) {
					end = k + 1
					for at(ts, end+1).kind == tPunct && isDash(at(ts, end+1).r) && !at(ts, end+1).space {
						end++
					}
				}
			}
			return m, end, end+1 < len(ts)
		case t.kind == tPunct && t.r == ':':
			if !allUpper && !agency || !at(ts, j+1).space {
				return dmatch{}, 0, false
			}
			return m, j, j+1 < len(ts)
		case t.kind == tPunct && t.r == '.' && slashAgency:
			return m, j, j+1 < len(ts)
		case t.kind == tPunct && t.r == '.' && agency && at(ts, j+1).kind == tPunct && isDash(at(ts, j+1).r):
			// Spanish agency style: "Madrid, 24 ene (EFE).- …"
			end = j + 1
			for at(ts, end+1).kind == tPunct && isDash(at(ts, end+1).r) && !at(ts, end+1).space {
				end++
			}
			return m, end, end+1 < len(ts)
		case t.kind == tPunct && (t.r == '(' || t.r == '/') && !agency:
			k, ok := agencyAt(ts, j)
			if !ok || !allUpper && !wireName(ts[j+1:k]) {
				return dmatch{}, 0, false
			}
			agency, slashAgency = true, t.r == '/'
			j = k + 1
		case t.kind == tPunct && t.r == ',' && !agency && m.m == 0:
			j++
			if d, ok := matchDate(ts, j, o); ok {
				m = d
				j = d.last + 1
				if at(ts, j).isP('.') && !at(ts, j).space {
					j++
				}
				if at(ts, j).isP(',') {
					j++
				}
				continue
			}
			// A region: title- or upper-case words ("Indonesia", "Calif.").
			n := 0
			for j < len(ts) && n < 4 {
				r := &ts[j]
				if r.kind == tWord && (r.title || r.upper) && r.info.month == 0 {
					n++
					j++
					continue
				}
				if r.kind == tPunct && r.r == '.' && !r.space && n > 0 {
					j++
					continue
				}
				break
			}
			if n == 0 || n >= 4 {
				return dmatch{}, 0, false
			}
		default:
			return dmatch{}, 0, false
		}
	}
	return dmatch{}, 0, false
}

// wireName reports whether the words of an agency group look like a wire
// service: a known agency or all upper case ("CNN", "AP").
func wireName(ts []token) bool {
	for k := range ts {
		if t := &ts[k]; t.kind == tWord && !t.upper && t.info.flags&fAgency == 0 {
			return false
		}
	}
	return true
}

// agencyAt reads "(Reuters)", "(Yonhap)", "/PRNewswire/", "/ТАСС/" at
// token j and returns the index of the closing token.
func agencyAt(ts []token, j int) (int, bool) {
	o := at(ts, j)
	if o.kind != tPunct || (o.r != '(' && o.r != '/') {
		return 0, false
	}
	closer := ')'
	if o.r == '/' {
		closer = '/'
	}
	words := 0
	for k := j + 1; k < len(ts) && k <= j+8; k++ {
		t := &ts[k]
		switch {
		case t.kind == tWord && (t.title || t.upper || t.info.flags&fAgency != 0):
			words++
		case t.kind == tPunct && t.r == closer:
			if words == 0 {
				return 0, false
			}
			if closer == '/' && at(ts, k+1).isP('.') && !at(ts, k+1).space {
				return k, true // "/ТАСС/." : the stop is the separator
			}
			return k, true
		case t.kind == tPunct && (t.r == '-' || t.r == '.' || t.r == '&' || t.r == '\''):
		default:
			return 0, false
		}
	}
	return 0, false
}
