package eval

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// EventReport is the result of an event evaluation.
type EventReport struct {
	// Records is the number of gold records (sentences) read.
	Records int
	// Predicted counts the distinct triples (PLOVER: category, source
	// country, target country; CAMEO examples: the root alone) the coder
	// gave, Correct those among the record's gold triples, Found the
	// records with at least one gold triple predicted.
	Predicted, Correct, Found int
	// Category counts the same on the category (root) alone, ignoring
	// the actors.
	Category Counts
	// ByCategory holds the figures per gold category (PLOVER) or root
	// (CAMEO examples).
	ByCategory map[string]*Counts
	// Errors lists the records whose gold was not found and the wrong
	// predictions, one line each.
	Errors []string
}

// Counts are the precision and recall counts of one slice of an
// evaluation: Records gold records, Found of them found, Predicted
// predictions, Correct of them right.
type Counts struct {
	Records, Found, Predicted, Correct int
}

// Precision is Correct/Predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Found/Records.
func (c Counts) Recall() float64 { return ratio(c.Found, c.Records) }

// Precision is Correct/Predicted.
func (r *EventReport) Precision() float64 { return ratio(r.Correct, r.Predicted) }

// Recall is Found/Records.
func (r *EventReport) Recall() float64 { return ratio(r.Found, r.Records) }

// F1 is the harmonic mean of Precision and Recall.
func (r *EventReport) F1() float64 {
	p, rc := r.Precision(), r.Recall()
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}

type ploverGoldActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

// ploverActors reads a list of actors, or a string (some records hold ""
// or a note there), which gives none.
type ploverActors []ploverGoldActor

// UnmarshalJSON reads a list of actors or ignores anything else.
func (a *ploverActors) UnmarshalJSON(b []byte) error {
	var l []ploverGoldActor
	if err := json.Unmarshal(b, &l); err == nil {
		*a = l
	}
	return nil
}

type ploverTextInfo struct {
	Markup string `json:"markup"`
}

// UnmarshalJSON reads the markup object or ignores anything else.
func (t *ploverTextInfo) UnmarshalJSON(b []byte) error {
	var v struct {
		Markup string `json:"markup"`
	}
	if err := json.Unmarshal(b, &v); err == nil {
		t.Markup = v.Markup
	}
	return nil
}

type ploverEventRecord struct {
	ID       string         `json:"id"`
	Date     string         `json:"date"`
	Event    string         `json:"event"`
	Text     string         `json:"text"`
	Source   ploverActors   `json:"source"`
	Target   ploverActors   `json:"target"`
	TextInfo ploverTextInfo `json:"textInfo"`
}

// mutualRE finds the actors the markup marks as both source and target:
// "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials agreed".
var mutualRE = regexp.MustCompile(`\(SRC/TAR:\s*([^)]*)\)`)

// EventsPLOVER codes the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt,
// a JSON array, one sentence per record) and measures (category, source
// country, target country) triples. Each record's text becomes a document
// of one paragraph dated by the record's date (day precision), run through
// run (the stages up to and including the event coder).
//
// A gold triple is (event, source country, target country) for every
// source with every target, the target "" when the record has none.
// Actors the markup marks "SRC/TAR" ("(SRC/TAR: Hungarian) and (SRC/TAR:
// Romanian) officials agreed") acted on each other: each is also the
// other's target. Countries are the first three letters of the codes,
// CAMEO's own country codes mapped to ISO (JAP → JPN); IGO and NGO stand
// as they are. A predicted triple is (category, source country, target
// country) of an event with a PLOVER category (events of root 01, public
// statements, have none and are not counted), categories named in the
// gold standard's PLOVER 0.5 vocabulary (see gsrCategory). Precision is
// correct predicted triples over predicted triples, recall the records
// with at least one gold triple predicted.
//
// A sentence the gold standard holds in several records (one per event
// it reports) is coded once: its predictions are counted once, against
// the gold triples of all its records, and each record is found when one
// of its own triples is predicted.
func EventsPLOVER(ctx context.Context, run func(context.Context, *newsgraph.Document) error, path string, w io.Writer, verbose bool) (*EventReport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var recs []ploverEventRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	rep := &EventReport{ByCategory: map[string]*Counts{}}
	eligible := func(r ploverEventRecord) bool {
		return r.Text != "" && r.Event != "" && r.Event != "DOCUMENT" && len(r.Source) > 0
	}
	// The gold triples and categories of every sentence, over its records.
	sentGold := map[string]map[string]bool{}
	sentCats := map[string]map[string]bool{}
	for _, r := range recs {
		if !eligible(r) {
			continue
		}
		if sentGold[r.Text] == nil {
			sentGold[r.Text], sentCats[r.Text] = map[string]bool{}, map[string]bool{}
		}
		for k := range ploverGold(r) {
			sentGold[r.Text][k] = true
		}
		sentCats[r.Text][r.Event] = true
	}
	counted := map[string]bool{} // sentences whose predictions are counted
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !eligible(r) {
			continue
		}
		rep.Records++
		gold := ploverGold(r)
		first := !counted[r.Text]
		counted[r.Text] = true
		doc := &newsgraph.Document{ID: r.ID, Paragraphs: []string{r.Text}, IsArticle: true}
		en := "en"
		doc.Language = &en
		if newsgraph.ValidDate(r.Date) {
			doc.Published = newsgraph.Published{Date: r.Date, Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginInput}
		}
		doc.Normalize()
		if err := run(ctx, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", r.ID, err)
		}
		pred := map[string]bool{}
		cats := map[string]bool{}
		for _, e := range doc.Events {
			cat := gsrCategory(e.Cameo, e.Plover)
			if cat == "" || e.Negated || e.Hypothetical {
				continue
			}
			t := ""
			if e.Target != nil {
				t = e.Target.Code
			}
			k := eventTriple(cat, e.Source.Code, t)
			if verbose && e.Trigger != nil {
				k += "(" + e.Cameo + " " + e.Trigger.Text + ")"
			}
			pred[k] = true
			cats[cat] = true
		}
		cc := rep.ByCategory[r.Event]
		if cc == nil {
			cc = &Counts{}
			rep.ByCategory[r.Event] = cc
		}
		cc.Records++
		rep.Category.Records++
		found := false
		var wrong []string
		for _, k := range sortedKeys(pred) {
			key := strings.Split(k, "(")[0]
			if gold[key] {
				found = true
			}
			if !first {
				continue
			}
			rep.Predicted++
			cc.Predicted++
			if sentGold[r.Text][key] {
				rep.Correct++
				cc.Correct++
			} else {
				wrong = append(wrong, k)
			}
		}
		if found {
			rep.Found++
			cc.Found++
		}
		for c := range cats {
			if !first {
				break
			}
			rep.Category.Predicted++
			if sentCats[r.Text][c] {
				rep.Category.Correct++
			}
		}
		if cats[r.Event] {
			rep.Category.Found++
		}
		if !found || len(wrong) > 0 {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: gold %s; wrong %s; %q",
				r.ID, strings.Join(sortedKeys(gold), " "), strings.Join(wrong, " "), r.Text))
		}
	}
	fmt.Fprintf(w, "PLOVER gold standard: %d records\n", rep.Records)
	fmt.Fprintf(w, "(category, source country, target country): P %.3f (%d/%d)  R %.3f (%d/%d records)  F1 %.3f\n",
		rep.Precision(), rep.Correct, rep.Predicted, rep.Recall(), rep.Found, rep.Records, rep.F1())
	fmt.Fprintf(w, "category alone:                              P %.3f (%d/%d)  R %.3f (%d/%d records)\n",
		rep.Category.Precision(), rep.Category.Correct, rep.Category.Predicted, rep.Category.Recall(), rep.Category.Found, rep.Category.Records)
	printCategories(w, rep.ByCategory, "category")
	if verbose {
		for _, e := range rep.Errors {
			fmt.Fprintln(w, "  "+e)
		}
	}
	return rep, nil
}

// ploverGold returns a record's gold triples.
func ploverGold(r ploverEventRecord) map[string]bool {
	gold := map[string]bool{}
	tgts := r.Target
	if len(tgts) == 0 {
		tgts = ploverActors{{}}
	}
	for _, s := range r.Source {
		for _, t := range tgts {
			gold[eventTriple(r.Event, s.Code, t.Code)] = true
		}
	}
	var mutual []string
	for _, m := range mutualRE.FindAllStringSubmatch(r.TextInfo.Markup, -1) {
		text := strings.TrimSpace(m[1])
		for _, s := range r.Source {
			if strings.EqualFold(s.ActorText, text) {
				mutual = append(mutual, s.Code)
				break
			}
		}
	}
	for i, a := range mutual {
		for j, b := range mutual {
			if i != j {
				gold[eventTriple(r.Event, a, b)] = true
			}
		}
	}
	return gold
}

// EventsCAMEO codes the example sentences of the CAMEO codebook
// (cameo-codes.csv: code and example) and measures roots: a prediction is
// an event root coded for an example sentence (root 01 counted only when
// the example's own root is 01), right when it is the example's root;
// recall is the share of examples whose root was coded. The examples carry
// no gold actors and no dates.
func EventsCAMEO(ctx context.Context, run func(context.Context, *newsgraph.Document) error, path string, w io.Writer, verbose bool) (*EventReport, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	// The codebook is UTF-8 but for a few stray bytes of another
	// encoding, each where an apostrophe or a quotation mark stood.
	text := strings.ToValidUTF8(string(raw), "'")
	rd := csv.NewReader(strings.NewReader(text))
	rows, err := rd.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	ci, okc := col["code"]
	ei, oke := col["example"]
	if !okc || !oke {
		return nil, fmt.Errorf("%s: no code and example columns", path)
	}
	rep := &EventReport{ByCategory: map[string]*Counts{}}
	for n, row := range rows[1:] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(row) <= ei || len(row) <= ci {
			continue
		}
		code, ex := strings.TrimSpace(row[ci]), strings.TrimSpace(row[ei])
		if ex == "" || ex == "NA" || len(code) < 2 {
			continue
		}
		root := code[:2]
		rep.Records++
		doc := &newsgraph.Document{ID: fmt.Sprintf("cameo-%d", n+1), Paragraphs: []string{ex}, IsArticle: true}
		en := "en"
		doc.Language = &en
		doc.Normalize()
		if err := run(ctx, doc); err != nil {
			return nil, fmt.Errorf("example %s: %w", code, err)
		}
		roots := map[string]bool{}
		for _, e := range doc.Events {
			if e.Negated || (e.Root == "01" && root != "01") {
				continue
			}
			roots[e.Root] = true
		}
		cc := rep.ByCategory[root]
		if cc == nil {
			cc = &Counts{}
			rep.ByCategory[root] = cc
		}
		cc.Records++
		var wrong []string
		for _, r := range sortedKeys(roots) {
			rep.Predicted++
			cc.Predicted++
			if r == root {
				rep.Correct++
				cc.Correct++
			} else {
				wrong = append(wrong, r)
			}
		}
		if roots[root] {
			rep.Found++
			cc.Found++
		}
		if !roots[root] || len(wrong) > 0 {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s: wrong roots %s; %q", code, strings.Join(wrong, " "), ex))
		}
	}
	rep.Category = Counts{Records: rep.Records, Found: rep.Found, Predicted: rep.Predicted, Correct: rep.Correct}
	fmt.Fprintf(w, "CAMEO codebook examples: %d sentences\n", rep.Records)
	fmt.Fprintf(w, "root: P %.3f (%d/%d)  R %.3f (%d/%d)  F1 %.3f\n",
		rep.Precision(), rep.Correct, rep.Predicted, rep.Recall(), rep.Found, rep.Records, rep.F1())
	printCategories(w, rep.ByCategory, "root")
	if verbose {
		for _, e := range rep.Errors {
			fmt.Fprintln(w, "  "+e)
		}
	}
	return rep, nil
}

// printCategories prints the per-category (per-root) figures.
func printCategories(w io.Writer, by map[string]*Counts, label string) {
	fmt.Fprintf(w, "  %-12s %7s %9s %7s %7s %7s\n", label, "records", "predicted", "correct", "P", "R")
	for _, k := range sortedKeys(by) {
		c := by[k]
		fmt.Fprintf(w, "  %-12s %7d %9d %7d %7.3f %7.3f\n", k, c.Records, c.Predicted, c.Correct, c.Precision(), c.Recall())
	}
}

// gsrCategory names an event's category in the vocabulary of the PLOVER
// gold standard, PLOVER 0.5 (2016), whose names differ from CAMEO2PLOVER
// 2021's for some roots: 02 and 10 are DEMAND (2021: REQUEST, 02
// unmapped), 09 INVESTIGATE (2021: ACCUSE), 11 DISAPPROVE (2021: ACCUSE),
// 19 FIGHT (2021: ASSAULT); 0813 and 0814 (easing a curfew, a state of
// emergency) are CONCEDE (2021: RETREAT), 163 (sanctions, embargoes)
// SANCTION (2021: COERCE), all of 17 COERCE (2021: 1712 and 175
// ASSAULT). The others keep the 2021 name.
func gsrCategory(cameo, plover string) string {
	if len(cameo) < 2 {
		return plover
	}
	switch cameo {
	case "0813", "0814":
		// Easing a curfew or a state of emergency: 0.5 CONCEDE (2021:
		// RETREAT).
		return "CONCEDE"
	case "163":
		// Imposing sanctions or an embargo: 0.5 SANCTION (2021: COERCE).
		return "SANCTION"
	}
	switch cameo[:2] {
	case "02", "10":
		return "DEMAND"
	case "09":
		return "INVESTIGATE"
	case "11":
		return "DISAPPROVE"
	case "19":
		return "FIGHT"
	case "17":
		// Destroying property (1712) and violent repression (175) are
		// coercion in 0.5 (2021: ASSAULT).
		return "COERCE"
	}
	return plover
}

// eventTriple keys a (category, source, target) triple by countries.
func eventTriple(cat, src, tgt string) string {
	return cat + "|" + goldCountry(src) + "|" + goldCountry(tgt)
}

// goldCountry is a code's country part: its first three letters, CAMEO
// country codes mapped to ISO.
func goldCountry(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) > 3 {
		code = code[:3]
	}
	if iso, ok := cameoCountry[code]; ok {
		return iso
	}
	return code
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
