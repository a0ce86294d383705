package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// ActorGold is one gold actor of the PLOVER gold-standard records: the
// actor's words in the sentence and its CAMEO code (three letters:
// country, IGO or NGO) and, for some, a sector.
type ActorGold struct {
	Record  string
	Side    string // "source" or "target"
	Text    string // the sentence
	Date    string
	Actor   string // the actor's words
	Country string // gold code, CAMEO country codes mapped to ISO (JAP → JPN)
	Sector  string // gold sector, "" when the record gives none
}

// ActorReport is the result of the PLOVER actor evaluation.
type ActorReport struct {
	Actors int // gold actors
	Coded  int // actors we gave a code
	// CountryRight counts codes whose first three letters match the gold
	// code (country, IGO, NGO) over all gold actors.
	CountryRight int
	// SectorGold counts gold actors with a sector, SectorRight those whose
	// code has it.
	SectorGold, SectorRight int
	// ByEntity counts actors found through an entity of the document
	// (the rest were coded as a phrase on their own).
	ByEntity int
	Errors   []string
}

// CountryAccuracy is CountryRight / Actors.
func (r *ActorReport) CountryAccuracy() float64 { return ratio(r.CountryRight, r.Actors) }

// SectorAccuracy is SectorRight / SectorGold.
func (r *ActorReport) SectorAccuracy() float64 { return ratio(r.SectorRight, r.SectorGold) }

// cameoCountry maps CAMEO's own country codes to ISO alpha-3.
var cameoCountry = map[string]string{"JAP": "JPN", "ITL": "ITA", "GMW": "DEU", "GME": "DEU", "ROM": "ROU",
	"ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "SER": "SRB", "MNT": "MNE", "YUG": "SRB", "SUD": "SDN", "NIG": "NGA",
	"GER": "DEU", "UK": "GBR"}

// ReadPLOVERActors reads the gold actors of PLOVER_GSR_CAMEO.txt.
func ReadPLOVERActors(path string) ([]ActorGold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var recs []map[string]json.RawMessage
	if err := json.Unmarshal(b, &recs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	var out []ActorGold
	for _, rec := range recs {
		var id, txt, date string
		json.Unmarshal(rec["id"], &id)     //nolint:errcheck // absent fields stay empty
		json.Unmarshal(rec["text"], &txt)  //nolint:errcheck
		json.Unmarshal(rec["date"], &date) //nolint:errcheck
		if txt == "" {
			continue
		}
		for _, side := range []string{"source", "target"} {
			raw := rec[side]
			var list []map[string]any
			if json.Unmarshal(raw, &list) != nil {
				var one map[string]any
				if json.Unmarshal(raw, &one) != nil || one == nil {
					continue
				}
				list = []map[string]any{one}
			}
			for _, a := range list {
				words, _ := a["actorText"].(string)
				code, _ := a["code"].(string)
				sector, _ := a["sector"].(string)
				if len(sector) >= 3 {
					sector = sector[:3] // "REFKUR": the sector, then an ethnic or religious code
				}
				if sector == "***" {
					sector = "" // unknown
				}
				words = strings.TrimSpace(words)
				if words == "" || len(code) < 3 {
					continue
				}
				c := strings.ToUpper(code[:3])
				if iso, ok := cameoCountry[c]; ok {
					c = iso
				}
				out = append(out, ActorGold{Record: id, Side: side, Text: txt, Date: date, Actor: words, Country: c, Sector: strings.ToUpper(sector)})
			}
		}
	}
	return out, nil
}

// ActorCoder codes the gold actors: Document codes a whole sentence (the
// pipeline's stages), Phrase one actor's words on their own.
type ActorCoder struct {
	Document func(ctx context.Context, doc *newsgraph.Document) error
	Phrase   func(words, date string) *newsgraph.Actor
}

// Actors evaluates actor codes on PLOVER's gold actors: each gold actor is
// looked up among the entities the stages found in its sentence (the
// entity whose mention overlaps the actor's words most), else coded as a
// phrase. It prints the report to w.
func Actors(ctx context.Context, coder ActorCoder, path string, w io.Writer, verbose bool) (*ActorReport, error) {
	gold, err := ReadPLOVERActors(path)
	if err != nil {
		return nil, err
	}
	rep := &ActorReport{}
	docs := map[string]*newsgraph.Document{}
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := docs[g.Record]
		if doc == nil {
			en := "en"
			doc = &newsgraph.Document{ID: g.Record, Paragraphs: []string{g.Text}, Language: &en}
			if g.Date != "" {
				doc.Published.Date = g.Date
			}
			if err := coder.Document(ctx, doc); err != nil {
				return nil, fmt.Errorf("%s: %w", g.Record, err)
			}
			docs[g.Record] = doc
		}
		// The gold actor is a noun phrase: an entity that covers all of it
		// speaks for it; otherwise the phrase is coded on its own, and a
		// partly overlapping entity is the last resort.
		a, whole := entityActor(doc, g.Actor)
		if a != nil && whole {
			rep.ByEntity++
		} else if p := coder.Phrase(g.Actor, g.Date); p != nil {
			a = p
		} else if a != nil {
			rep.ByEntity++
		}
		rep.Actors++
		got := ""
		if a != nil && a.Code != "" {
			rep.Coded++
			got = a.Code
		}
		countryOK := len(got) >= 3 && got[:3] == g.Country
		if countryOK {
			rep.CountryRight++
		}
		sectorOK := true
		if g.Sector != "" {
			rep.SectorGold++
			sectorOK = a != nil && containsStr(a.Sectors, g.Sector)
			if sectorOK {
				rep.SectorRight++
			}
		}
		if !countryOK || !sectorOK {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s %s %q: got %q, want %s%s", g.Record, g.Side, g.Actor, got, g.Country, g.Sector))
		}
	}
	sort.Strings(rep.Errors)
	fmt.Fprintf(w, "PLOVER gold actors: %d (coded %d, through an entity %d)\n", rep.Actors, rep.Coded, rep.ByEntity)
	fmt.Fprintf(w, "country accuracy  %.3f  (%d/%d)\n", rep.CountryAccuracy(), rep.CountryRight, rep.Actors)
	fmt.Fprintf(w, "sector accuracy   %.3f  (%d/%d gold actors with a sector)\n", rep.SectorAccuracy(), rep.SectorRight, rep.SectorGold)
	if verbose {
		for _, e := range rep.Errors {
			fmt.Fprintln(w, "  "+e)
		}
	}
	return rep, nil
}

// entityActor finds the coded entity whose mention overlaps words most,
// and whether that mention covers all of them.
func entityActor(doc *newsgraph.Document, words string) (*newsgraph.Actor, bool) {
	if len(doc.Paragraphs) == 0 {
		return nil, false
	}
	p := []rune(strings.ToLower(doc.Paragraphs[0]))
	w := []rune(strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(words, "the "), "The ")))
	at := indexRunes(p, w)
	if at < 0 {
		return nil, false
	}
	lo, hi := at, at+len(w)
	var best *newsgraph.Actor
	bestOverlap := 0
	for _, e := range doc.Entities {
		if e.Actor == nil || e.Actor.Code == "" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Paragraph != 0 || m.Kind == newsgraph.MentionPronoun {
				continue
			}
			ov := min(hi, m.End) - max(lo, m.Start)
			// On a tie the more specific code wins ("Hungarian" is both a
			// nationality and, in "Hungarian and Romanian officials", a group).
			if ov > bestOverlap || ov == bestOverlap && ov > 0 && len(e.Actor.Sectors) > len(best.Sectors) {
				best, bestOverlap = e.Actor, ov
			}
		}
	}
	return best, bestOverlap >= hi-lo
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		ok := true
		for j := range sub {
			if s[i+j] != sub[j] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
