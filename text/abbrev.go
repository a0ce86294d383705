package text

import "strings"

// Abbreviation classes.
const (
	abbrevNone         = iota
	abbrevAlways       // keeps its period: "Mr.", "Nov.", "Inc."
	abbrevBeforeNumber // keeps its period before a number: "No. 1", "pp. 5"
)

// abbrevAlwaysList are words that keep a following period. Matching is
// case-sensitive; an all-capital form of a capitalised entry matches too
// ("GEN." in a headline).
const abbrevAlwaysList = `
Mr Mrs Ms Mx Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Lt Col Maj Capt Cpt Sgt Cpl Pvt Pte Adm Cmdr Cdr Brig Cmdt
Gov Govs Sen Sens Rep Reps Pres Supt Insp Det Atty Amb Rev Revd Hon Rt Fr Msgr Sr Jr Snr Jnr St Ste Mt Ft
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Inc Corp Co Cos Ltd Bros Plc Pty Cie Dept Univ Assn Assoc Ave Blvd Rd Hwy Sq
Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nebr Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo
vs etc al approx ca cf viz ibid esp incl
`

// abbrevNumberList are words that keep a following period only before a
// number: "No. 1", but "He said no."
const abbrevNumberList = `No Nos no nos Art Arts Fig Figs fig figs Vol Vols vol vols pp p Ch ch Sec Sect sec Para para Nr Tel tel Ext ext Op op`

// abbrevs maps a word to its abbreviation class. Built once, never mutated.
var abbrevs = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(list string, class uint8) {
		for _, w := range strings.Fields(list) {
			m[w] = class
			if up := strings.ToUpper(w); up != w && len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' {
				if _, ok := m[up]; !ok {
					m[up] = class
				}
			}
		}
	}
	add(abbrevAlwaysList, abbrevAlways)
	add(abbrevNumberList, abbrevBeforeNumber)
	return m
}()

// abbrevClass returns the abbreviation class of a word (without its period).
func abbrevClass(w string) uint8 {
	if len(w) > 6 {
		return abbrevNone
	}
	return abbrevs[w]
}

// genericTLD holds the generic top-level domains that make "name.tld" a
// web address on their own.
var genericTLD = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "mil": true,
	"int": true, "info": true, "biz": true, "io": true, "news": true, "tv": true,
}

// sentenceStarters are capitalised words that, after an ambiguous
// abbreviation ("U.S.", "Inc.", "a.m.", "etc."), start a new sentence:
// pronouns, determiners, conjunctions and adverbs that rarely follow an
// abbreviation inside a sentence. A capitalised word not in this list
// ("U.S. President", "Apple Inc. Chief") continues the sentence.
var sentenceStarters = func() map[string]bool {
	const list = `The A An He She It They We I You His Her Its Their Our My Your This That These Those There Here
But And Or So Yet Nor For In On At As If When While After Before Since Although Though Because However Meanwhile
Still Also Then Now Thus Hence Instead Indeed Moreover Furthermore Nevertheless Yes No Not What Why How Who Whom
Whose Where Which Some Many Most Few All Both Each Every Several Such Other Another Mr Mrs Ms Dr Prof Sen Rep Gov Gen
Last Next Earlier Later Today Yesterday Tomorrow Officials Analysts Critics`
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
		m[strings.ToUpper(w)] = true
	}
	return m
}()
