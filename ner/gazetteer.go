package ner

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// Gazetteer categories. A phrase can belong to several.
const (
	GazCountry   = iota // country names and spellings
	GazDemonym          // "South Korean", "Chinese"
	GazCapital          // capital cities
	GazCity             // GeoNames places over 15,000 people
	GazRegion           // GeoNames first-level regions
	GazPerson           // full names of leaders and PETRARCH persons
	GazFirstName        // first word of those names
	GazLastName         // last word of those names
	GazOrg              // international organisations and non-state groups
	GazPlace            // PETRARCH country-file places and spellings
	numGaz
)

// gazMaxLen is the longest phrase, in tokens, a gazetteer keeps.
const gazMaxLen = 6

// Gazetteer is a set of phrases (lower-cased token sequences) by category,
// matched against sentences to give membership features. It is built from
// ../shared/data at training time and saved inside the model.
type Gazetteer struct {
	// Lists holds the phrases of each category, tokens joined by spaces.
	Lists [numGaz][]string
	index map[uint64]uint32 // phrase hash → category bits, and gazPrefix
}

// gazPrefix marks an index entry that begins a longer phrase.
const gazPrefix = 1 << 31

// gazNorm is the form of a token for gazetteer lookup.
func gazNorm(lower string) string { return strings.ReplaceAll(lower, "’", "'") }

// phraseHash chains token hashes.
func phraseHash(h, tok uint64) uint64 { return hashUint(h, tok) }

// build indexes the lists.
func (g *Gazetteer) build() {
	g.index = map[uint64]uint32{}
	for c, list := range g.Lists {
		for _, p := range list {
			h := uint64(fnvOffset)
			toks := strings.Fields(p)
			for i, t := range toks {
				h = phraseHash(h, hashString(fnvOffset, gazNorm(t)))
				if i < len(toks)-1 {
					g.index[h] |= gazPrefix
				}
			}
			g.index[h] |= 1 << uint(c)
		}
	}
}

// match calls f for every phrase of the gazetteer found in the sentence,
// given the hashes of its normalised tokens.
func (g *Gazetteer) match(lhash []uint64, f func(start, end int, cats uint32)) {
	g.matchFrom(lhash, nil, f)
}

// matchFrom is match where starts, when not nil, tells which tokens can
// start a phrase (the tagger's word cache knows it).
func (g *Gazetteer) matchFrom(lhash []uint64, starts []bool, f func(start, end int, cats uint32)) {
	if len(g.index) == 0 {
		return
	}
	for i := range lhash {
		if starts != nil && !starts[i] {
			continue
		}
		h := uint64(fnvOffset)
		for n := 1; n <= gazMaxLen && i+n <= len(lhash); n++ {
			h = phraseHash(h, lhash[i+n-1])
			c, ok := g.index[h]
			if !ok {
				break
			}
			if c&^gazPrefix != 0 {
				f(i, i+n, c&^gazPrefix)
			}
			if c&gazPrefix == 0 {
				break
			}
		}
	}
}

// eachGazCode calls f for every token i of a phrase match [start, end)
// with each of the match's categories: the feature code category<<8 | the
// token's position in the phrase ('U' alone, 'B', 'I', 'L').
func eachGazCode(start, end int, cats uint32, f func(i int, code uint32)) {
	for i := start; i < end; i++ {
		var p byte
		switch {
		case end-start == 1:
			p = 'U'
		case i == start:
			p = 'B'
		case i == end-1:
			p = 'L'
		default:
			p = 'I'
		}
		for c, bits := uint32(0), cats; bits != 0; c, bits = c+1, bits>>1 {
			if bits&1 != 0 {
				f(i, c<<8|uint32(p))
			}
		}
	}
}

// Contains reports the categories (bits 1<<GazCountry etc.) of a phrase
// given as tokens.
func (g *Gazetteer) Contains(tokens []string) uint32 {
	h := uint64(fnvOffset)
	for _, t := range tokens {
		h = phraseHash(h, hashString(fnvOffset, gazNorm(strings.ToLower(t))))
	}
	return g.index[h] &^ gazPrefix
}

var (
	gazSplit = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}.\-'’&]*[\p{L}\p{N}.]|[\p{L}\p{N}]|'s|[^\s\p{L}\p{N}]`)
	gazParen = regexp.MustCompile(`\s*\([^)]*\)`)
)

// phraseTokens splits a name into CoNLL-like tokens: words with inner
// hyphens, periods and apostrophes kept whole, "'s" and punctuation apart.
func phraseTokens(s string) []string {
	s = gazParen.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "’", "'")
	var out []string
	for _, t := range gazSplit.FindAllString(s, -1) {
		if strings.HasSuffix(t, "'s") && len(t) > 2 {
			out = append(out, t[:len(t)-2], "'s")
			continue
		}
		out = append(out, t)
	}
	return out
}

// gazBuilder collects phrases without duplicates.
type gazBuilder struct {
	g    Gazetteer
	seen [numGaz]map[string]bool
}

func (b *gazBuilder) add(cat int, name string) {
	toks := phraseTokens(name)
	if len(toks) == 0 || len(toks) > gazMaxLen {
		return
	}
	p := strings.ToLower(strings.Join(toks, " "))
	if len([]rune(p)) < 2 {
		return
	}
	if b.seen[cat] == nil {
		b.seen[cat] = map[string]bool{}
	}
	if b.seen[cat][p] {
		return
	}
	b.seen[cat][p] = true
	b.g.Lists[cat] = append(b.g.Lists[cat], p)
}

func (b *gazBuilder) addPerson(name string) {
	toks := phraseTokens(name)
	if len(toks) < 2 {
		return
	}
	b.add(GazPerson, name)
	b.add(GazFirstName, toks[0])
	b.add(GazLastName, toks[len(toks)-1])
}

// BuildGazetteer reads the gazetteer sources under dataDir (the shared data
// directory): countries/countries.json, geonames/cities15000.txt and
// regionInfo.tsv, leaders/wikidata.csv and the PETRARCH2 actor files. Missing
// files are an error: a model must not silently lose features.
func BuildGazetteer(ctx context.Context, dataDir string) (*Gazetteer, error) {
	b := &gazBuilder{}
	steps := []struct {
		path string
		f    func(io.Reader) error
	}{
		{"countries/countries.json", b.countries},
		{"geonames/cities15000.txt", b.cities},
		{"geonames/regionInfo.tsv", b.regions},
		{"leaders/wikidata.csv", b.leaders},
		{"petrarch2/Phoenix.Countries.actors.txt", func(r io.Reader) error { return b.petrarch(r, GazPlace) }},
		{"petrarch2/Phoenix.International.actors.txt", func(r io.Reader) error { return b.petrarch(r, GazOrg) }},
		{"petrarch2/Phoenix.MilNonState.actors.txt", func(r io.Reader) error { return b.petrarch(r, GazOrg) }},
	}
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("build gazetteer: %w", err)
		}
		f, err := os.Open(filepath.Join(dataDir, s.path))
		if err != nil {
			return nil, fmt.Errorf("build gazetteer: %w", err)
		}
		err = s.f(bufio.NewReader(f))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("build gazetteer from %s: %w", s.path, err)
		}
	}
	b.g.build()
	return &b.g, nil
}

func (b *gazBuilder) countries(r io.Reader) error {
	var cs []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		AltSpellings []string `json:"altSpellings"`
		Capital      []string `json:"capital"`
		Demonyms     map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.NewDecoder(r).Decode(&cs); err != nil {
		return fmt.Errorf("decode countries: %w", err)
	}
	for _, c := range cs {
		b.add(GazCountry, c.Name.Common)
		b.add(GazCountry, c.Name.Official)
		for _, a := range c.AltSpellings {
			if len(a) > 2 || a == "US" || a == "UK" {
				b.add(GazCountry, a)
			}
		}
		for _, cap := range c.Capital {
			b.add(GazCapital, cap)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			b.add(GazDemonym, d.M)
			b.add(GazDemonym, d.F)
		}
	}
	return nil
}

func (b *gazBuilder) cities(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 3 {
			continue
		}
		b.add(GazCity, f[1])
		b.add(GazCity, f[2])
	}
	return sc.Err()
}

func (b *gazBuilder) regions(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		b.add(GazRegion, f[1])
		b.add(GazRegion, f[2])
	}
	return sc.Err()
}

func (b *gazBuilder) leaders(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head := true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read leaders: %w", err)
		}
		if head {
			head = false
			continue
		}
		if len(rec) < 6 {
			continue
		}
		b.add(GazCountry, rec[1])
		if !strings.HasPrefix(rec[5], "Q") {
			b.addPerson(rec[5])
		}
	}
}

var petrarchCode = regexp.MustCompile(`\[([^\]]*)\]`)

// petrarch reads a PETRARCH actor dictionary. An entry is a name line, its
// "+" synonyms and its code lines; entries with dated codes are people,
// others go to category cat.
func (b *gazBuilder) petrarch(r io.Reader, cat int) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	var names []string
	person := false
	flush := func() {
		for _, n := range names {
			if person {
				b.addPerson(n)
			} else {
				b.add(cat, n)
			}
		}
		names, person = names[:0], false
	}
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		dated := false
		for _, m := range petrarchCode.FindAllStringSubmatch(line, -1) {
			if strings.ContainsAny(m[1], " >-<") {
				dated = true
			}
		}
		name := strings.TrimSpace(petrarchCode.ReplaceAllString(line, ""))
		switch {
		case line[0] == '\t' || line[0] == ' ' || line[0] == '[':
			person = person || dated
			continue
		case line[0] == '+':
			person = person || dated
			name = strings.TrimPrefix(name, "+")
		default:
			// A new entry: the codes found on this line belong to it.
			flush()
			person = dated
		}
		name = strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
		if name != "" {
			names = append(names, name)
		}
	}
	flush()
	return sc.Err()
}
