package event

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Dictionary is the verb dictionary in newsgraph's compact form: every
// inflected verb form, lower case, points to the verb entries it may begin,
// and every verb block keeps its patterns as words before and after the
// verb with their CAMEO code.
type Dictionary struct {
	// Blocks are PETRARCH2's verb blocks ("--- MEET_PEOPLE [040] ---").
	Blocks []Block `json:"blocks"`
	// Forms maps a lower-case word form ("met") to the verb entries whose
	// first word it is.
	Forms map[string][]Form `json:"forms"`

	// words is the compiled index: every word of the forms and patterns
	// with its number and its verb entries; patterns hold word numbers.
	words    map[string]*wordInfo
	compiled [][]compiledPattern
}

// wordInfo is one word of the dictionary.
type wordInfo struct {
	id    int32
	forms []Form
}

// compiledPattern is a Pattern with word numbers.
type compiledPattern struct {
	before, after [][]int32
	code          string
	reverse       bool
	verb          string // "" for every verb of the block
}

// compile builds the index the coder reads; it is called once, before the
// dictionary is shared.
func (d *Dictionary) compile() {
	d.words = map[string]*wordInfo{}
	id := func(w string) int32 {
		if wi, ok := d.words[w]; ok {
			return wi.id
		}
		wi := &wordInfo{id: int32(len(d.words) + 1)}
		d.words[w] = wi
		return wi.id
	}
	for w, fs := range d.Forms {
		id(w)
		d.words[w].forms = fs
	}
	conv := func(els [][]string) [][]int32 {
		out := make([][]int32, len(els))
		for i, el := range els {
			for _, w := range el {
				out[i] = append(out[i], id(w))
			}
		}
		return out
	}
	d.compiled = make([][]compiledPattern, len(d.Blocks))
	for b, blk := range d.Blocks {
		for _, p := range blk.Patterns {
			if len(p.Before)+len(p.After) == 0 {
				continue
			}
			v := p.Verb
			if k := verbKin(v); k != "" {
				v = k
			}
			d.compiled[b] = append(d.compiled[b], compiledPattern{before: conv(p.Before), after: conv(p.After), code: p.Code, reverse: p.Reverse, verb: v})
		}
		// Most specific first: the first that matches wins.
		ps := d.compiled[b]
		sort.SliceStable(ps, func(i, j int) bool {
			return len(ps[i].before)+len(ps[i].after) > len(ps[j].before)+len(ps[j].after)
		})
	}
}

// Block is one verb block: its name, its default code ("" for PETRARCH's
// "---", no event) and its patterns.
type Block struct {
	Name     string    `json:"name"`
	Code     string    `json:"code,omitempty"`
	Patterns []Pattern `json:"patterns,omitempty"`
}

// NoEvent is a verb's own code when only its patterns code it ("LEAVE
// [---]": "left for talks" is a journey, "left Kathmandu" no event).
const NoEvent = "---"

// Form is one verb entry reached by a word form: the block, the words that
// must follow the form for a multi-word verb ("meet with"), and the verb's
// own code when it overrides the block's ("discuss" [040] in CONFER [010]).
type Form struct {
	Block int      `json:"b"`
	Rest  []string `json:"rest,omitempty"`
	Code  string   `json:"code,omitempty"`
	// Verb is the verb's base form ("take" for "took"), which the block's
	// patterns may be restricted to.
	Verb string `json:"v,omitempty"`
}

// Pattern is one PETRARCH pattern "- before * after [code]": Before and
// After are sequences of elements, each a set of alternative lower-case
// words (synonym sets expanded). Code "" means the pattern blocks an
// event ("[---]"). Reverse is set for "[:code]" patterns, in which the
// target acts on the source.
type Pattern struct {
	Before  [][]string `json:"pre,omitempty"`
	After   [][]string `json:"post,omitempty"`
	Code    string     `json:"code,omitempty"`
	Reverse bool       `json:"rev,omitempty"`
	// Verb restricts the pattern to one verb of the block (its base
	// form), as PETRARCH's comment says ("- * PART [030] # TAKE" is
	// "take part", not "capture part"); "" for every verb.
	Verb string `json:"verb,omitempty"`
}

//go:embed data/verbs.json.zst
var verbsZst []byte

var loadOnce = sync.OnceValues(func() (*Dictionary, error) {
	dec, err := zstd.NewReader(nil)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(verbsZst, nil)
	if err != nil {
		return nil, fmt.Errorf("event: decompress verbs: %w", err)
	}
	var d Dictionary
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("event: read verbs: %w", err)
	}
	d.compile()
	return &d, nil
})

// Default returns the embedded dictionary, loaded once.
func Default() (*Dictionary, error) { return loadOnce() }

// Encode writes the dictionary in its committed form (zstd-compressed JSON).
func (d *Dictionary) Encode() ([]byte, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	return enc.EncodeAll(raw, nil), nil
}

// OwnVerbs are verb blocks, in PETRARCH's format, for news verbs
// PETRARCH2's dictionary lacks: "urge" (an appeal, 020; "urged X to
// support Y" is also read as the call it is) and "sanction" as a verb
// (163, impose sanctions). A block PETRARCH has already is continued (a
// verb given again takes its new code): halting or reducing aid,
// assistance, relations, links, negotiations and mediation (CAMEO 16,
// reduce relations); speeding up a withdrawal and surrendering (0874);
// taking steps, measures, place, office or a role (no seizure); easing
// emergency measures and restrictions (081x); opposing or dismissing a
// proposal, an appeal or a plan (12); summoning an ambassador (an official
// complaint, 114); shortening a curfew (0813); giving a welcome (hosting a
// visit, 043); signing a deal or a contract (057); accepting demands
// (083); dying is no event without a pattern naming its cause (PETRARCH's
// block says 190); leaving a place is none unless "for" (a journey, 040);
// insisting is a statement (010) unless something must or should be done
// (100); holding hostages, prisoners or human shields (181, 173, 184),
// since PETRARCH's HOLD codes only by its patterns (a verb's "[---]"
// means that: NoEvent).
const OwnVerbs = `
---  URGE   [020]  ---
URGE {URGES URGED URGING}
- * RESTRAINT                                         [0256]        # URGE
- * CEASEFIRE                                         [0256]        # URGE
- * CALM                                              [0256]        # URGE

---  SANCTION_VERB   [163]  ---
SANCTION {SANCTIONS SANCTIONED SANCTIONING}

---  CANCEL   [---]  ---
- * ASSISTANCE                                        [162]         # HALT
- * {FOOD AID}                                        [1623]        # HALT
- * {HUMANITARIAN AID}                                [1623]        # HALT
- * {MILITARY AID}                                    [1622]        # HALT
- * {ECONOMIC AID}                                    [1621]        # HALT
- * RELATIONS                                         [161]         # HALT
- * TIES                                              [161]         # HALT
- * LINKS                                             [160]         # HALT
- * COOPERATION                                       [160]         # HALT
- * NEGOTIATIONS                                      [164]         # HALT
- * TALKS                                             [164]         # HALT
- * DIALOGUE                                          [164]         # HALT
- * MEDIATION                                         [165]         # HALT

---  REDUCE   [---]  ---
- * AID                                               [162]         # REDUCE
- * ASSISTANCE                                        [162]         # REDUCE
- * {FOOD AID}                                        [1623]        # REDUCE
- * {FOOD SUPPLIES}                                   [1623]        # REDUCE
- * {FOOD RATIONS}                                    [1623]        # REDUCE
- * {MILITARY AID}                                    [1622]        # REDUCE
- * {ECONOMIC AID}                                    [1621]        # REDUCE
- * RELATIONS                                         [161]         # REDUCE

---  APPREHEND   [171]  ---
- * STEPS                                             [---]         # TAKE
- * MEASURES                                          [---]         # TAKE
- * ACTION                                            [---]         # TAKE
- * {A STEP}                                          [---]         # TAKE
- * PLACE                                             [---]         # TAKE
- * OFFICE                                            [---]         # TAKE
- * ROLE                                              [---]         # TAKE
- * ROLES                                             [---]         # TAKE
- * CARE                                              [---]         # TAKE
- * NOTE                                              [---]         # TAKE
- * ADVANTAGE                                         [---]         # TAKE
- * TIME                                              [---]         # TAKE
- * RESPONSIBILITY                                    [---]         # TAKE
- * DECISION                                          [---]         # TAKE
- * DECISIONS                                         [---]         # TAKE
- * EFFECT                                            [---]         # TAKE
- * SHAPE                                             [---]         # TAKE
- * SEATS                                             [---]         # TAKE
- * QUESTIONS                                         [---]         # TAKE
- * {A LOOK}                                          [---]         # TAKE

---  FACILITATE   [060]  ---
- * {EMERGENCY MEASURES}                              [0814]        # EASE
- * {STATE OF EMERGENCY}                              [0814]        # EASE
- * {MARTIAL LAW}                                     [0814]        # EASE
- * RESTRICTIONS                                      [081]         # EASE
- * BLOCKADE                                          [0872]        # EASE

---  VERBAL_CONFLICT   [110]  ---
- * PROPOSAL                                          [120]         # OPPOSE
- * PROPOSALS                                         [120]         # OPPOSE
- * PLAN                                              [120]         # OPPOSE
- * MEDIATION                                         [120]         # OPPOSE
- * DEPLOYMENT                                        [1224]        # OPPOSE

---  DESPATCH   [---]  ---
- * APPEAL                                            [120]         # DISMISS
- * CALL                                              [120]         # DISMISS
- * CALLS                                             [120]         # DISMISS
- * PROPOSAL                                          [120]         # DISMISS
- * PLAN                                              [120]         # DISMISS
- * OFFER                                             [120]         # DISMISS
- * DEMANDS                                           [120]         # DISMISS
- * REQUEST                                           [120]         # DISMISS

---  MOBILIZE   [150]  ---
- * AMBASSADOR                                        [114]         # SUMMON
- * ENVOY                                             [114]         # SUMMON
- * {CHARGE D'AFFAIRES}                                [114]         # SUMMON
- * DIPLOMAT                                          [114]         # SUMMON

---  YIELD   [080]  ---
SURRENDER [0874]

---  DIE   [190]  ---
DIE [---]

---  GO_SOMEWHERE   [040]  ---
LEAVE {LEAVES LEAVING LEFT} [---]
- * FOR                                               [040]         # LEAVE

---  INSIST   [100]  ---
INSIST [010]
- * MUST                                              [100]         # INSIST
- * SHOULD                                            [100]         # INSIST
- * OUGHT                                             [100]         # INSIST
- * ON                                                [100]         # INSIST
- * BE                                                [100]         # INSIST
- * {NEEDS TO}                                        [100]         # INSIST
- * {HAS TO}                                          [100]         # INSIST
- * {HAVE TO}                                         [100]         # INSIST

---  CONFINE   [170]  ---
- * {HUMAN SHIELDS}                                   [184]         # HOLD
- * {HUMAN SHIELD}                                    [184]         # HOLD
- * HOSTAGE                                           [181]         # HOLD
- * HOSTAGES                                          [181]         # HOLD
- * PRISONERS                                         [173]         # HOLD
- * PRISONER                                          [173]         # HOLD
- * DETAINEES                                         [173]         # HOLD
- * {IN CUSTODY}                                      [173]         # HOLD
- * {IN DETENTION}                                    [173]         # HOLD

---  SHORTEN   [---]  ---
SHORTEN
- * CURFEW                                            [0813]        # SHORTEN

---  GRANT   [060]  ---
- * WELCOME                                           [043]         # GIVE

---  SIGN   [---]  ---
- * DEAL                                              [057:057]     # SIGN
- * DEALS                                             [057:057]     # SIGN
- * CONTRACT                                          [057:057]     # SIGN
- * AGREEMENTS                                        [057:057]     # SIGN
- * TREATIES                                          [057:057]     # SIGN

---  EMBRACE   [---]  ---
- * DEMANDS                                           [083]         # ACCEPT
- * DEMAND                                            [083]         # ACCEPT

---  ACCELERATE   [---]  ---
+SPEED_UP {+SPEEDS_UP +SPEEDED_UP +SPED_UP +SPEEDING_UP}
- * WITHDRAWAL                                        [0874]        # SPEED_UP
- * PULLOUT                                           [0874]        # SPEED_UP
`

// BuildEmbedded builds the dictionary the stage embeds: PETRARCH2's file,
// then OwnVerbs.
func BuildEmbedded(petrarch io.Reader) (*Dictionary, error) {
	return BuildDictionary(io.MultiReader(petrarch, strings.NewReader("\n"+OwnVerbs)))
}

// BuildDictionary reads PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt):
// synonym sets ("&NAME" followed by "+WORD" lines), verb blocks ("---
// NAME [code] ---"), verb lines ("MEET {MEETS MET MEETING} [code]",
// "+MEET_WITH {…}") and pattern lines ("- words * words [code] # comment").
// Parentheses (PETRARCH's phrase marks) and the source/target slots "+"
// and "$" are dropped, as are the braces of noun phrases; "&NAME" expands to
// its synonym set. Regular -s/-ed/-ing forms are added to verbs that list
// no forms of their own.
func BuildDictionary(r io.Reader) (*Dictionary, error) {
	syn := map[string][]string{}
	d := &Dictionary{Forms: map[string][]Form{}}
	var set string // synonym set being read
	cur := -1      // verb block being read
	inVerbs := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		comment := ""
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s, comment = s[:i], s[i+1:]
		}
		s = strings.TrimSpace(s)
		if s == "" {
			set = ""
			continue
		}
		switch {
		case strings.HasPrefix(s, "---"):
			inVerbs = true
			f := strings.Fields(strings.Trim(s, "- "))
			if len(f) == 0 {
				return nil, fmt.Errorf("line %d: empty block header", line)
			}
			// A block named again (OwnVerbs adding to PETRARCH's) goes on
			// where it was: its verbs and patterns join the first.
			if i := slices.IndexFunc(d.Blocks, func(b Block) bool { return b.Name == f[0] }); i >= 0 {
				cur = i
				continue
			}
			b := Block{Name: f[0]}
			if len(f) > 1 {
				b.Code, _ = parseCode(f[1])
			}
			d.Blocks = append(d.Blocks, b)
			cur = len(d.Blocks) - 1
		case !inVerbs && strings.HasPrefix(s, "&"):
			set = strings.ToLower(strings.TrimSuffix(s[1:], "_"))
			// The set's name is a word of the set ("&ARMS" holds "arms").
			if w := word(set); w != "" && !strings.ContainsAny(w, "0123456789") {
				syn[set] = append(syn[set], w)
			}
		case !inVerbs && strings.HasPrefix(s, "+"):
			if set != "" {
				syn[set] = append(syn[set], word(s[1:]))
			}
		case !inVerbs:
		case strings.HasPrefix(s, "-"):
			if cur < 0 {
				return nil, fmt.Errorf("line %d: pattern outside a verb block", line)
			}
			p, ok := parsePattern(s[1:], syn)
			if ok {
				if f := strings.Fields(comment); len(f) > 0 {
					p.Verb = word(f[0]) // resolved to a base form below
				}
				b := &d.Blocks[cur]
				b.Patterns = append(b.Patterns, p)
			}
		default:
			if cur < 0 {
				return nil, fmt.Errorf("line %d: verb outside a verb block", line)
			}
			d.addVerb(cur, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(d.Blocks) == 0 {
		return nil, fmt.Errorf("no verb blocks")
	}
	for k, fs := range d.Forms {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].Rest) > len(fs[j].Rest) })
		d.Forms[k] = fs
	}
	// A pattern's comment names a verb of its block by any of its forms
	// ("# RALLIED", "# KILLED_AND"): restrict the pattern to that verb's
	// base form; a comment that names none ("# sha 11/22/93") restricts
	// nothing.
	for b := range d.Blocks {
		for i := range d.Blocks[b].Patterns {
			p := &d.Blocks[b].Patterns[i]
			v := ""
			for _, f := range d.Forms[p.Verb] {
				if f.Block == b {
					v = f.Verb
					break
				}
			}
			p.Verb = v
		}
	}
	d.compile()
	return d, nil
}

// word normalises one dictionary word: lower case, PETRARCH's underscores
// ("IS_TO", "CASH_") read as the first word.
func word(s string) string {
	s = strings.ToLower(strings.Trim(s, "_+$%^"))
	if i := strings.IndexByte(s, '_'); i > 0 {
		s = s[:i]
	}
	return s
}

// parseCode reads "[040]", "[036:036]", "[:020]" or "[---]".
func parseCode(s string) (code string, reverse bool) {
	s = strings.Trim(s, "[]")
	if i := strings.IndexByte(s, ':'); i >= 0 {
		if i == 0 {
			s, reverse = s[1:], true
		} else {
			s = s[:i]
		}
	}
	if s == "---" || s == "" {
		return "", reverse
	}
	return s, reverse
}

// addVerb reads one verb line of block b.
func (d *Dictionary) addVerb(b int, s string) {
	code := ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.IndexByte(s[i:], ']')
		if j > 0 {
			code, _ = parseCode(s[i : i+j+1])
			if code == "" {
				code = NoEvent // "LEAVE [---]": only its patterns code
			}
		}
		s = strings.TrimSpace(s[:i])
	}
	var forms []string
	if i := strings.IndexByte(s, '{'); i >= 0 {
		inner := strings.Trim(s[i:], "{} ")
		forms = strings.Fields(inner)
		s = strings.TrimSpace(s[:i])
	}
	base := strings.Trim(s, "+")
	words := strings.Split(strings.ToLower(strings.Trim(base, "_")), "_")
	if len(words) == 0 || words[0] == "" {
		return
	}
	heads := []string{words[0]}
	if len(forms) == 0 {
		heads = append(heads, inflect(words[0])...)
	}
	for _, f := range forms {
		fw := strings.Split(strings.ToLower(strings.Trim(f, "+_")), "_")
		if fw[0] != "" {
			heads = append(heads, fw[0])
		}
	}
	rest := words[1:]
	seen := map[string]bool{}
	for _, h := range heads {
		if seen[h] {
			continue
		}
		seen[h] = true
		f := Form{Block: b, Rest: rest, Code: code, Verb: words[0]}
		// A verb given again in its block (OwnVerbs continuing
		// PETRARCH's) takes the new code: "SURRENDER [0874]".
		if k := slices.IndexFunc(d.Forms[h], func(g Form) bool {
			return g.Block == b && g.Verb == f.Verb && slices.Equal(g.Rest, rest)
		}); k >= 0 {
			d.Forms[h][k] = f
			continue
		}
		d.Forms[h] = append(d.Forms[h], f)
	}
}

// inflect gives the regular -s, -ed and -ing forms of a verb.
func inflect(v string) []string {
	n := len(v)
	if n < 2 {
		return nil
	}
	last := v[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case last == 'e':
		return []string{v + "s", v + "d", v[:n-1] + "ing"}
	case last == 'y' && !vowel(v[n-2]):
		return []string{v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		return []string{v + "es", v + "ed", v + "ing"}
	}
	return []string{v + "s", v + "ed", v + "ing"}
}

// parsePattern reads the text after "-" of a pattern line.
func parsePattern(s string, syn map[string][]string) (Pattern, bool) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return Pattern{}, false
	}
	var p Pattern
	p.Code, p.Reverse = parseCode(strings.TrimSpace(s[i:]))
	body := s[:i]
	star := strings.IndexByte(body, '*')
	if star < 0 {
		return Pattern{}, false
	}
	p.Before = elements(body[:star], syn)
	p.After = elements(body[star+1:], syn)
	return p, true
}

// elements splits pattern words into elements, each a set of alternatives
// (one word, or a synonym set). PETRARCH's phrase marks, "(…)" for a
// prepositional phrase and "{…}" for a noun phrase, only group words that
// follow each other: "{&CAR CRASH}" is a car word followed by "crash".
func elements(s string, syn map[string][]string) [][]string {
	s = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(s)
	var out [][]string
	add := func(tok string) []string {
		if strings.HasPrefix(tok, "&") {
			return syn[strings.ToLower(strings.Trim(tok[1:], "_"))]
		}
		w := word(tok)
		if w == "" || w == "+" || w == "$" {
			return nil
		}
		return []string{w}
	}
	for _, tok := range strings.Fields(s) {
		if ws := add(tok); len(ws) > 0 {
			out = append(out, ws)
		}
	}
	return out
}

// Lookup returns the verb entries the word form w (any case) may begin.
func (d *Dictionary) Lookup(w string) []Form {
	if fs, ok := d.Forms[w]; ok {
		return fs
	}
	return d.Forms[strings.ToLower(w)]
}

// cameoPlover parses CAMEO2PLOVER ("036: AGREE, , diplomatic # …") into a
// map from CAMEO code to PLOVER category.
func cameoPlover(data []byte) map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		k, v, ok := strings.Cut(s, ":")
		if !ok {
			continue
		}
		k = strings.TrimSpace(k)
		cat, _, _ := strings.Cut(v, ",")
		cat = strings.TrimSpace(cat)
		if k != "" && cat != "" {
			m[k] = cat
		}
	}
	return m
}

//go:embed data/CAMEO2PLOVER-2021.txt
var ploverTxt []byte

var ploverOnce = sync.OnceValue(func() map[string]string { return cameoPlover(ploverTxt) })

// Plover returns the PLOVER category of a CAMEO code ("036" → "AGREE"),
// trying the code's shorter prefixes; "" when CAMEO2PLOVER maps none (the
// 01 root, public statements, has no PLOVER category).
func Plover(code string) string {
	m := ploverOnce()
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if p, ok := m[c]; ok {
			return p
		}
	}
	return ""
}

// verbKin names the group of verbs that mean the same to a pattern: a
// pattern PETRARCH restricted to "halt" ("- * AID [162] # HALT") holds for
// "suspend", "stop", "end" … of the same block, one restricted to "cut"
// for "sever". "" for a verb of no group, which keeps its patterns to
// itself ("take part" is no "capture part").
func verbKin(v string) string {
	switch v {
	case "halt", "stop", "suspend", "cease", "end", "discontinue", "terminate", "freeze":
		return "halt"
	case "cut", "sever":
		return "cut"
	case "reduce", "curtail", "scale":
		return "reduce"
	}
	return ""
}
