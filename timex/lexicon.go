package timex

import "strings"

// flag classifies a lexicon word; a word can carry several flags ("second"
// is an ordinal and a unit, "march" only a month).
type flag uint64

const (
	fWeekday    flag = 1 << iota // Monday … Sunday (val 1–7, ISO order)
	fWeekdays                    // Mondays … Sundays: a set
	fMonth                       // January … December (val 1–12)
	fMonthAbbr                   // Jan … Dec, Sept: a month only before a number
	fUnit                        // second … century (unit)
	fNum                         // a cardinal number word (num)
	fOrd                         // an ordinal word (num)
	fApprox                      // nearly, about, almost, over …: a modifier of a duration
	fRelDay                      // today, yesterday, tomorrow, tonight (val: day offset)
	fShift                       // last, next, this, coming (val: -1, +1, 0)
	fPart                        // morning, afternoon, evening, night
	fEdge                        // early, late, mid
	fEarlier                     // earlier, later (val -1, +1)
	fEvery                       // every, each
	fFreq                        // daily, weekly, annually …: a set (num units)
	fAgo                         // ago
	fAnniv                       // anniversary, birthday, centenary (num for centenary)
	fSeason                      // spring, summer, autumn, fall, winter (val: first month)
	fPrep                        // a preposition that licenses a bare year or month ("in 2019")
	fVague                       // several, few, many, couple: a count without a value
	fPer                         // per
	fOnce                        // once, twice (num)
	fArticle                     // a, an
	fThe                         // the
	fThat                        // that
	fDay                         // day, morning … in anchored phrases ("the day before")
	fConnector                   // and, to, or: joins a second year or month to a first
	fRate                        // times, million, bn …: a word before "a year" making a rate
	fNameBefore                  // Black, Good, Super …: a capitalised word that makes the weekday after it a name
	fNameAfter                   // Times, Telegraph …: a capitalised word that makes the weekday before it a name
	fEnd                         // end, start, beginning, middle: "the end of the year"
	fHalf                        // half ("half an hour")
	fHyphen                      // not a lexicon word: a word with a hyphen ("mid-2023", "two-week")
	fNumber                      // not a lexicon word: a Number token
	fLooked                      // not a lexicon word: the entry has been looked up
)

// unit is a calendar or clock unit.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uFortnight
	uMonth
	uYear
	uDecade
	uCentury
	uWeekend
)

// entry is what the lexicon knows about a lower-cased word. It holds no
// pointers, so a paragraph's entries cost the garbage collector nothing.
type entry struct {
	flags flag
	val   int8  // weekday, month, shift, day offset, season month
	unit  unit  // for fUnit and fFreq
	num   int16 // for fNum, fOrd, fOnce, fFreq, centenary
}

// has reports whether e carries any of the flags f.
func (e entry) has(f flag) bool { return e.flags&f != 0 }

// lexicon maps lower-cased English words to entries. Built once and never
// written after, so it is safe for concurrent use.
var lexicon = buildLexicon()

func buildLexicon() map[string]entry {
	m := make(map[string]entry, 400)
	add := func(w string, f func(*entry)) {
		e := m[w]
		f(&e)
		m[w] = e
	}
	for i, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday") {
		add(w, func(e *entry) { e.flags |= fWeekday; e.val = int8(i + 1) })
		add(w+"s", func(e *entry) { e.flags |= fWeekdays; e.val = int8(i + 1) })
	}
	for i, w := range strings.Fields("january february march april may june july august september october november december") {
		add(w, func(e *entry) { e.flags |= fMonth; e.val = int8(i + 1) })
	}
	for i, ws := range []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep sept", "oct", "nov", "dec"} {
		for _, w := range strings.Fields(ws) {
			add(w, func(e *entry) { e.flags |= fMonthAbbr; e.val = int8(i + 1) })
		}
	}
	for _, u := range []struct {
		words string
		u     unit
	}{
		{"seconds", uSecond}, {"minute minutes", uMinute}, {"hour hours", uHour},
		{"day days", uDay}, {"week weeks", uWeek}, {"fortnight fortnights", uFortnight},
		{"month months", uMonth}, {"year years", uYear}, {"decade decades", uDecade},
		{"century centuries", uCentury}, {"weekend", uWeekend},
	} {
		for _, w := range strings.Fields(u.words) {
			add(w, func(e *entry) { e.flags |= fUnit; e.unit = u.u })
		}
	}
	nums := strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
	for i, w := range nums[1:] {
		add(w, func(e *entry) { e.flags |= fNum; e.num = int16(i + 1) })
	}
	for i, w := range strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety") {
		add(w, func(e *entry) { e.flags |= fNum; e.num = int16(20 + 10*i) })
	}
	add("hundred", func(e *entry) { e.flags |= fNum; e.num = 100 })
	add("dozen", func(e *entry) { e.flags |= fNum; e.num = 12 })
	ords := strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
	for i, w := range ords {
		add(w, func(e *entry) { e.flags |= fOrd; e.num = int16(i + 1) })
	}
	for i, w := range strings.Fields("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth") {
		add(w, func(e *entry) { e.flags |= fOrd; e.num = int16(20 + 10*i) })
	}
	add("hundredth", func(e *entry) { e.flags |= fOrd; e.num = 100 })
	for _, w := range strings.Fields("nearly almost about around roughly approximately some over under just only barely more less at up well") {
		add(w, func(e *entry) { e.flags |= fApprox })
	}
	for w, v := range map[string]int8{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1} {
		add(w, func(e *entry) { e.flags |= fRelDay; e.val = v })
	}
	for w, v := range map[string]int8{"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "this": 0} {
		add(w, func(e *entry) { e.flags |= fShift; e.val = v })
	}
	for _, w := range strings.Fields("morning afternoon evening night") {
		add(w, func(e *entry) { e.flags |= fPart | fDay })
	}
	add("day", func(e *entry) { e.flags |= fDay })
	for _, w := range strings.Fields("early late mid") {
		add(w, func(e *entry) { e.flags |= fEdge })
	}
	add("earlier", func(e *entry) { e.flags |= fEarlier; e.val = -1 })
	add("later", func(e *entry) { e.flags |= fEarlier; e.val = 1 })
	add("every", func(e *entry) { e.flags |= fEvery })
	add("each", func(e *entry) { e.flags |= fEvery })
	for w, f := range map[string]struct {
		n int16
		u unit
	}{
		"daily": {1, uDay}, "nightly": {1, uDay}, "weekly": {1, uWeek}, "fortnightly": {2, uWeek}, "monthly": {1, uMonth},
		"quarterly": {3, uMonth}, "yearly": {1, uYear}, "annually": {1, uYear}, "hourly": {1, uHour},
	} {
		add(w, func(e *entry) { e.flags |= fFreq; e.num, e.unit = f.n, f.u })
	}
	add("ago", func(e *entry) { e.flags |= fAgo })
	for _, w := range strings.Fields("anniversary birthday") {
		add(w, func(e *entry) { e.flags |= fAnniv })
	}
	for _, w := range strings.Fields("centenary centennial") {
		add(w, func(e *entry) { e.flags |= fAnniv; e.num = 100 })
	}
	for w, v := range map[string]int8{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12} {
		add(w, func(e *entry) { e.flags |= fSeason; e.val = v })
	}
	for _, w := range strings.Fields("in since until till by during from through throughout before after of between around") {
		add(w, func(e *entry) { e.flags |= fPrep })
	}
	for _, w := range strings.Fields("several few many couple") {
		add(w, func(e *entry) { e.flags |= fVague })
	}
	add("per", func(e *entry) { e.flags |= fPer })
	add("half", func(e *entry) { e.flags |= fHalf })
	add("once", func(e *entry) { e.flags |= fOnce; e.num = 1 })
	add("twice", func(e *entry) { e.flags |= fOnce; e.num = 2 })
	add("a", func(e *entry) { e.flags |= fArticle })
	add("an", func(e *entry) { e.flags |= fArticle })
	add("the", func(e *entry) { e.flags |= fThe })
	add("that", func(e *entry) { e.flags |= fThat })
	for _, w := range strings.Fields("and to or") {
		add(w, func(e *entry) { e.flags |= fConnector })
	}
	for _, w := range strings.Fields("times million billion trillion thousand bn m mn people") {
		add(w, func(e *entry) { e.flags |= fRate })
	}
	for _, w := range strings.Fields("black good super cyber ash bloody maundy holy palm shrove easter giving plough man girl") {
		add(w, func(e *entry) { e.flags |= fNameBefore })
	}
	for _, w := range strings.Fields("times telegraph mirror express post herald mail people sport independent star tribune night live") {
		add(w, func(e *entry) { e.flags |= fNameAfter })
	}
	for _, w := range strings.Fields("end start beginning middle turn") {
		add(w, func(e *entry) { e.flags |= fEnd })
	}
	return m
}

// starters are the flags of tokens at which an expression can begin. A
// token without one of them is skipped at once.
const starters = fWeekday | fWeekdays | fMonth | fMonthAbbr | fNum | fOrd | fApprox | fRelDay | fShift |
	fEdge | fEarlier | fEvery | fFreq | fSeason | fVague | fPer | fOnce | fArticle | fThe | fThat | fHalf | fHyphen | fNumber

// shapes is a quick filter in front of the lexicon map: bit n of
// shapes[first][last] is set when some lexicon word of n letters starts
// and ends with those letters; startShapes is the same for the words that
// can start an expression. Most words of a text fail them and are never
// hashed. Built once, never written after.
var shapes, startShapes = buildShapes(0), buildShapes(starters)

func buildShapes(only flag) *[26][26]uint16 {
	var t [26][26]uint16
	for w, e := range lexicon {
		if only == 0 || e.has(only) {
			t[w[0]-'a'][w[len(w)-1]-'a'] |= 1 << len(w)
		}
	}
	return &t
}

// lookup returns the entry of a word, case-insensitively: the lexicon's,
// fHyphen for a word with a hyphen after its first character, or the zero
// entry. The shape filter rejects most words before they are lower-cased
// or hashed.
func lookup(w string) entry { return lookupIn(w, shapes) }

// lookupIn is lookup behind the shape filter sh.
func lookupIn(w string, sh *[26][26]uint16) entry {
	n := len(w)
	if n == 0 {
		return entry{}
	}
	f, l := w[0]|0x20, w[n-1]|0x20
	if n > maxWord || f < 'a' || f > 'z' || l < 'a' || l > 'z' || sh[f-'a'][l-'a']&(1<<n) == 0 {
		if strings.IndexByte(w, '-') > 0 {
			return entry{flags: fHyphen}
		}
		return entry{}
	}
	var buf [maxWord]byte
	for i := 0; i < n; i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '-' && i > 0:
			return entry{flags: fHyphen}
		default:
			return entry{}
		}
		buf[i] = c
	}
	return lexicon[string(buf[:n])]
}

// lookupWord is lookup without the hyphen flag: the entry of a plain word.
func lookupWord(w string) entry {
	e := lookup(w)
	e.flags &^= fHyphen
	return e
}

// maxWord is the length of the longest lexicon word ("approximately").
const maxWord = 13
