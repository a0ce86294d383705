package event

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Report is the result of EvalPLOVER: precision and recall on (PLOVER
// category, source country, target country) triples.
type Report struct {
	// Records is the number of gold records read (with a text and an
	// event category).
	Records int
	// Gold is the number of gold triples, Predicted the number of triples
	// the coder gave (events with a PLOVER category), Correct the
	// predicted triples found among the record's gold triples, Found the
	// records with at least one gold triple predicted.
	Gold, Predicted, Correct, Found int
	// Precision is Correct/Predicted; Recall is Found/Records.
	Precision, Recall float64
}

// String formats the report on one line.
func (r Report) String() string {
	return fmt.Sprintf("records %d, predicted %d, correct %d (P %.3f), records found %d (R %.3f)",
		r.Records, r.Predicted, r.Correct, r.Precision, r.Found, r.Recall)
}

type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

type ploverRecord struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Event  string `json:"event"`
	Text   string `json:"text"`
	Source actors `json:"source"`
	Target actors `json:"target"`
}

// actors reads a list of actors, or a string (some records hold "" or a
// note there), which gives none.
type actors []ploverActor

// UnmarshalJSON reads a list of actors or ignores anything else.
func (a *actors) UnmarshalJSON(b []byte) error {
	var l []ploverActor
	if err := json.Unmarshal(b, &l); err == nil {
		*a = l
	}
	return nil
}

// EvalPLOVER codes the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt,
// a JSON array) and measures the result. Each record's text becomes a
// document of one paragraph dated by the record's "date" (day precision),
// run through run (the stages up to and including this one). A gold
// triple is (event, first three letters of a source code, of a target
// code), every source with every target, the target "" when the record
// has none; an event's triple is (Plover, first three letters of its
// source code, of its target code, "" without a target). Events without a
// PLOVER category (public statements, root 01) are not counted; categories
// are compared in the gold standard's vocabulary (see gsrCategory).
func EvalPLOVER(ctx context.Context, path string, run func(context.Context, *newsgraph.Document) error) (Report, error) {
	var rep Report
	data, err := os.ReadFile(path)
	if err != nil {
		return rep, err
	}
	var recs []ploverRecord
	if err := json.Unmarshal(data, &recs); err != nil {
		return rep, fmt.Errorf("%s: %w", path, err)
	}
	lang := "en"
	for _, r := range recs {
		if r.Text == "" || r.Event == "" || r.Event == "DOCUMENT" {
			continue
		}
		rep.Records++
		gold := map[string]bool{}
		tgts := r.Target
		if len(tgts) == 0 {
			tgts = actors{{}}
		}
		for _, s := range r.Source {
			for _, t := range tgts {
				gold[triple(r.Event, s.Code, t.Code)] = true
			}
		}
		rep.Gold += len(gold)
		doc := &newsgraph.Document{Paragraphs: []string{r.Text}, Language: &lang, IsArticle: true}
		if newsgraph.ValidDate(r.Date) {
			doc.Published = newsgraph.Published{Date: r.Date, Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginInput}
		}
		doc.Normalize()
		if err := run(ctx, doc); err != nil {
			return rep, fmt.Errorf("%s: %w", r.ID, err)
		}
		pred := map[string]bool{}
		for _, e := range doc.Events {
			cat := gsrCategory(e.Cameo, e.Plover)
			if cat == "" {
				continue
			}
			t := ""
			if e.Target != nil {
				t = e.Target.Code
			}
			pred[triple(cat, e.Source.Code, t)] = true
		}
		found := false
		for k := range pred {
			rep.Predicted++
			if gold[k] {
				rep.Correct++
				found = true
			}
		}
		if found {
			rep.Found++
		}
	}
	if rep.Predicted > 0 {
		rep.Precision = float64(rep.Correct) / float64(rep.Predicted)
	}
	if rep.Records > 0 {
		rep.Recall = float64(rep.Found) / float64(rep.Records)
	}
	return rep, nil
}

// gsrCategory names an event's category in the vocabulary of the gold
// standard, PLOVER 0.5 (2016), whose names differ from CAMEO2PLOVER 2021's
// for some roots: 02 and 10 are DEMAND (2021: REQUEST, 02 unmapped), 09
// INVESTIGATE (2021: ACCUSE), 11 DISAPPROVE (2021: ACCUSE), 19 FIGHT
// (2021: ASSAULT). The other roots keep the 2021 name.
func gsrCategory(cameo, plover string) string {
	if len(cameo) < 2 {
		return plover
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
	}
	return plover
}

func triple(cat, src, tgt string) string {
	return cat + "|" + country(src) + "|" + country(tgt)
}

func country(code string) string {
	code = strings.ToUpper(code)
	if len(code) > 3 {
		code = code[:3]
	}
	return code
}
