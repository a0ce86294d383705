package quote

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// verbClass says how a reporting verb attaches what was said.
type verbClass uint8

// Verb classes (the sections of verbs.txt).
const (
	// classBare verbs report a clause with or without "that".
	classBare verbClass = iota + 1
	// classThat verbs report a clause only after "that" (or "if",
	// "whether", a wh-word for questions).
	classThat
	// classObject verbs take the addressee first: "told reporters that".
	classObject
	// classQuote verbs attribute a quotation only: `"…," he continued.`
	classQuote
)

// verbForm says which inflection a word is.
type verbForm uint8

const (
	formBase     verbForm = iota // say, tell
	formThird                    // says, tells
	formPast                     // said, told, written
	formGerund                   // saying, telling
	formPastOnly                 // wrote: a past tense that is never a participle
)

// verb is one form of a reporting verb.
type verb struct {
	lemma string
	class verbClass
	form  verbForm
}

//go:embed verbs.txt
var verbsFile string

// verbs maps every form of every reporting verb (lower case) to its entry.
// It is read-only after package initialisation.
var verbs = parseVerbs(verbsFile)

// parseVerbs reads verbs.txt: sections [bare], [that], [object], [quote],
// one verb per line, the base form first.
func parseVerbs(src string) map[string]verb {
	out := map[string]verb{}
	var class verbClass
	for _, line := range strings.Split(src, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch line {
		case "":
			continue
		case "[bare]":
			class = classBare
			continue
		case "[that]":
			class = classThat
			continue
		case "[object]":
			class = classObject
			continue
		case "[quote]":
			class = classQuote
			continue
		}
		forms := strings.Fields(line)
		lemma := forms[0]
		for i, f := range forms {
			form := formPast
			switch {
			case i == 0:
				form = formBase
			case strings.HasSuffix(f, "ing") && !strings.HasSuffix(lemma, "ing"):
				form = formGerund
			case strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss"):
				form = formThird
			case f == "wrote":
				form = formPastOnly
			}
			if _, dup := out[f]; !dup {
				out[f] = verb{lemma: lemma, class: class, form: form}
			}
		}
	}
	return out
}

// set builds a read-only word set.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Word lists used by the rules. All are read-only after initialisation.
var (
	// auxiliaries may stand between a subject and its reporting verb and
	// belong to the cue ("has said", "would later tell").
	auxiliaries = set("has have had 's 've 'd will would shall should can could may might must do does did")
	// cueAdverbs may stand inside the verb group or around it.
	cueAdverbs = set(`also later then earlier again once recently previously repeatedly reportedly further
		publicly privately openly quickly immediately often frequently always initially first subsequently
		separately simply flatly bluntly angrily candidly formally officially jokingly proudly sharply firmly
		clearly explicitly directly tersely curtly just now still even additionally allegedly reportedly
		famously memorably frankly pointedly emphatically confidently calmly quietly loudly tearfully
		mockingly sarcastically cautiously optimistically defiantly bitterly already too`)
	// negators make a cue report what was not said.
	negators = set("not n't never no neither nor")
	// passives before a past participle make its subject the addressee
	// ("he was told").
	passives = set("was were is are be been being 's 're am")
	// weekdays and other time words may follow or precede a cue.
	timeWords = set(`monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow
		earlier later recently previously morning afternoon evening night week month year weekend
		mon tue wed thu fri sat sun mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun.`)
	// timeModifiers open a time phrase: "last week", "this month".
	timeModifiers = set("last this next earlier late early on")
	// prepositions open the adverbial phrases that may stand between a
	// cue and its clause ("said in a statement that").
	prepositions = set(`in on at during after before via through over to with from outside inside amid among
		amongst while when near across under by for of about including besides despite following`)
	// approximators before a number may open a clause: "said about half of …".
	approximators = set("about around nearly almost roughly over more less")
	amounts       = set("half a an one two three four five six seven eight nine ten a third quarter dozen hundreds thousands millions")
	// quantifiers may head a subject: "Several said", "Most say".
	quantifiers = set("several many most some others both all few none one two three each either neither")
	// adverbialHeads end the phrases "in a statement", "on Twitter",
	// "at a news conference" that may follow a verb before a bare clause.
	adverbialHeads = set(`statement statements interview interviews speech speeches email e-mail emails letter
		post posts tweet tweets video message messages conference briefing briefings release op-ed column
		editorial radio television tv broadcast address appearance remarks rally hearing meeting session
		call phone twitter facebook telegram instagram x website blog book memoir report filing court
		document documents note memo podcast show program programme sunday monday tuesday wednesday thursday
		friday saturday week weekend night morning afternoon evening day year month time event summit
		forum debate town hall ceremony parliament congress senate house floor testimony letter
		network channel newspaper paper daily press agency outlet station reporters journalists`)
	// objectWords are addressees of "told": "told reporters", "told him".
	objectWords = set(`him her them us me you reporters journalists the press lawmakers senators
		members supporters voters parliament congress legislators students audiences audience crowd
		crowds viewers listeners readers delegates investigators police officials diplomats colleagues
		aides staff attendees participants guests host hosts interviewer everyone anyone people`)
	// clauseOpeners may begin a reported clause without "that".
	clauseOpeners = set(`he she it they we i you there this these those that the a an his her their its our my
		your some many most all both each every no none several few any such one two three four five six
		seven eight nine ten more less nobody everyone everybody someone somebody anyone either neither
		whoever what whatever if whether how why where who`)
	// notClause words after a verb mean no reported clause follows.
	notClause = set(`to so nothing something anything little much yes goodbye hello thanks thank sorry hi ok
		okay please as of for about with on in at by from into over up down out off back`)
	// verbish words show that a bare complement is a clause ("the two
	// countries need to…"), not a noun phrase ("the plan").
	verbish = set(`is are was were be been being am has have had will would shall should can could may might
		must do does did 's 're 've 'll 'd n't isn't aren't wasn't weren't won't wouldn't can't couldn't
		need needs want wants plan plans support supports believe believes think thinks know knows remain
		remains seem seems look looks agree agrees oppose opposes hope hopes expect expects intend intends
		feel feels deserve deserves lack lacks like likes love loves hate hates understand understands mean
		means stand stands face faces pose poses owe owes continue continues go goes come comes get gets
		make makes take takes work works keep keeps favor favors favour favours back backs lead leads win
		wins lose loses run runs cost costs play plays help helps put puts see sees let lets tend tends
		appear appears exist exists happen happens matter matters belong belongs deny denies refuse refuses
		say says said told call calls called`)
	// clauseWords end a noun phrase read backwards from a cue.
	clauseWords = set(`that which who whom whose what when where why how if because while as than but or nor so
		yet although though unless until since whereas is are was were be been am has have had will would
		can could should may might must do does did to not n't said says told`)
	// determiners cannot be the head of a subject.
	determiners = set(`the a an his her their its our my your this these those that some many most all both
		each every no several few any such another other 's ' ’s`)
	// representatives are heads that speak for the entity they name or
	// belong to: "the Trump campaign", "a spokesman for the ministry",
	// "according to a statement from the ministry".
	representatives = set(`spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen
		campaign administration government office team camp ministry department embassy mission delegation
		statement report release letter memo readout announcement communique communiqué transcript website
		account post tweet tweets posts interview filing note press side agency bureau headquarters
		representative representatives envoy aide aides officials official staff`)
	// attitudes follow "expressed": "expressed his willingness to".
	attitudes = set(`hope hopes willingness readiness confidence concern concerns belief desire wish wishes
		regret support opposition gratitude appreciation satisfaction optimism determination commitment
		doubt doubts fear fears frustration skepticism scepticism anger disappointment sympathy condolences
		dismay outrage interest alarm surprise displeasure unhappiness reservations hopefulness intention
		resolve eagerness preference objection objections`)
	// expressVerbs take an attitude noun: "expressed hope that".
	expressVerbs = set("express expresses expressed expressing voice voices voiced voicing convey conveys conveyed conveying reaffirm reaffirms reaffirmed reaffirming")
	// nounLemmas are reporting verbs whose base and -s forms are common
	// nouns ("the report", "several states"): without a clause after them
	// they count as cues only after a pronoun or a name.
	nounLemmas = set(`state report claim note remark comment answer reply promise pledge tweet post joke estimate
		forecast hint counter object protest charge vow quip laugh sigh smile chant cheer roar thunder boast
		caution email blog mock plead tease beam fume`)
	// questionWords introduce the clause of ask, wonder and inquire.
	questionWords = set("if whether why how what when where who which whom")
	// collectives are subjects that speak although no entity names them;
	// they are kept as subjects (the clause is a statement) with no speaker.
	pronounSubjects = set("he she it they we i you")
)

// lowerKey returns s in lower case. ASCII words need no allocation when
// they are lower case already; others are converted.
func lowerKey(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// in reports whether the lower case of s is in m, without allocating for
// short ASCII words.
func in(m map[string]bool, s string) bool {
	if len(s) > 24 {
		return false // no listed word is that long
	}
	var buf [24]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(strings.ReplaceAll(s, "’", "'"))]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(s)])]
}

// lookupVerb returns the reporting verb a word is, if any.
func lookupVerb(s string) (verb, bool) {
	if len(s) > 24 || len(s) < 3 {
		return verb{}, false
	}
	var buf [24]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return verb{}, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := verbs[string(buf[:len(s)])]
	return v, ok
}

// IsCue reports whether cue — the words of an attribution's cue as a text
// gives them ("said", "has argued", "told reporters", "according to",
// "pointed out") — contains a reporting verb or phrase of this package.
// The evaluation uses it to select the attributions that report speech.
func IsCue(cue string) bool {
	low := strings.ToLower(cue)
	for _, p := range cuePhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(low, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '-')
	}) {
		if _, ok := verbs[w]; ok {
			return true
		}
		if expressVerbs[w] {
			return true
		}
	}
	return false
}

// cuePhrases are the multi-word cues besides the verbs.
var cuePhrases = []string{"according to", "point out", "pointed out", "points out", "pointing out",
	"quoted as saying", "went on to say", "shot back"}
