package event

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// code runs every stage up to this one on one paragraph dated 2022-11-16.
func code(t *testing.T, paragraph string) *newsgraph.Document {
	t.Helper()
	lang := "en"
	doc := &newsgraph.Document{Paragraphs: []string{paragraph}, Language: &lang, IsArticle: true,
		Published: newsgraph.Published{Date: "2022-11-16", Precision: newsgraph.PrecisionDay, Origin: newsgraph.OriginInput}}
	doc.Normalize()
	if err := runAll(stages())(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestStage(t *testing.T) {
	tests := []struct {
		name, text string
		root       string // "" when no event of a non-01 root is wanted
		src, tgt   string // countries; tgt "" for no target
		negated    bool
		modal      bool
		loc        string
		date       string
		only       bool // the sentence's only event
		modalOnly  bool // only hypothetical events
	}{
		{name: "meeting abroad", text: "Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali, Indonesia, on Tuesday.",
			root: "04", src: "CHN", tgt: "KOR", loc: "Bali", date: "2022-11-15"},
		{name: "attack", text: "Russian forces attacked Ukrainian soldiers near Kharkiv.",
			root: "19", src: "RUS", tgt: "UKR"},
		{name: "passive", text: "Ukrainian soldiers were attacked by Russian forces.",
			root: "19", src: "RUS", tgt: "UKR"},
		{name: "negation", text: "China did not condemn Russia.",
			root: "11", src: "CHN", tgt: "RUS", negated: true},
		{name: "refusal", text: "Iran refused to meet the United States.",
			root: "12", src: "IRN", tgt: "USA"},
		{name: "modal", text: "Japan could impose sanctions on North Korea.",
			root: "16", src: "JPN", tgt: "PRK", modal: true},
		{name: "intent", text: "Germany is ready to cooperate with France.",
			root: "03", src: "DEU", tgt: "FRA"},
		{name: "future is intent", text: "Finland will give Tanzania a grant.",
			root: "03", src: "FIN", tgt: "TZA"},
		{name: "coordinated subjects", text: "France and Germany met in Paris.",
			root: "04", src: "FRA", tgt: "DEU"},
		{name: "direct quote skipped", text: `"We will attack Israel," the Iranian commander said.`},
		{name: "demand that", text: "The United States demanded that North Korea abandon its nuclear program.",
			root: "10", src: "USA", tgt: "PRK"},
		{name: "nouns are no events", text: "Food aid and a peace deal topped the agenda of Norwegian peacekeeping forces in Mali."},
		{name: "a noun before the verb", text: "Norwegian peacekeeping forces delivered food aid to Mali.",
			root: "07", src: "NOR", tgt: "MLI"},
		{name: "a request is a noun", text: "Chile turned down a Peruvian request."},
		{name: "a time word is no noun a participle modifies", text: "Brazil on Thursday rejected proposals by Japan on whaling.",
			root: "12", src: "BRA", tgt: "JPN", only: true},
		{name: "against inside a complement", text: "Washington demanded that Hezbollah end its campaign against Israel.",
			root: "10", src: "USA", tgt: "LBN", only: true},
		{name: "a unilateral ceasefire has no target", text: "Colombian rebels declared a unilateral ceasefire on Sunday.",
			root: "08", src: "COL", only: true},
		{name: "a ceasefire declared somewhere has no target", text: "Kurdish rebels declared a ceasefire on Monday in southern Turkey.",
			root: "08", src: "TUR", only: true},
		{name: "a place after a preposition and a direction is no object", text: "Ethiopian troops shelled rebel positions in northern Tigray on Sunday.",
			root: "19", src: "ETH", tgt: "ETH", only: true},
		{name: "no object past an adverbial", text: "Israel reimposed a blockade in the West Bank after the deaths of two Israelis.",
			root: "17", src: "ISR", tgt: "PSE", only: true},
		{name: "a fronted adverbial closed by a comma", text: "After the talks in Geneva collapsed, Iran expelled two British diplomats.",
			root: "16", src: "IRN", tgt: "GBR", only: true},
		{name: "a relative clause closed by a comma", text: "Russia, which invaded Ukraine, signed a trade deal with China.",
			root: "05", src: "RUS", tgt: "CHN", only: true},
		{name: "an unclosed adverbial clause is background", text: "Iran protested after Britain expelled two Iranian diplomats.",
			root: "14", src: "IRN", tgt: "IRN", only: true},
		{name: "accepting demands", text: "The Rwandan government accepted demands from Hutu rebels.",
			root: "08", src: "RWA", tgt: "RWA", only: true},
		{name: "a death is nobody's act", text: "Former Nigerian minister Tunde Bakare has died at a Lagos hospital."},
		{name: "a noun after a name an article opens", text: "Peruvian President Pedro Castillo resigned the Free Peru Party whip in October.",
			root: "16", src: "PER", only: true},
		{name: "a thing heads the subject", text: "The US dollar has hit a new record low against the euro."},
		{name: "a world region is no country", text: "Chinese companies attacked rivals in the West on Monday.",
			root: "19", src: "CHN", tgt: "CHN", only: true},
		{name: "a resignation has no target", text: "Peruvian President Pedro Castillo resigned on Friday.",
			root: "08", src: "PER", only: true},
		{name: "a noun after a possessive and a noun", text: "Iceland accepted a plan for ending its fisheries dispute with Norway.",
			root: "03", src: "ISL", tgt: "NOR", only: true},
		{name: "a decision is an act, not an intent", text: "Ghana decided to expel two Togolese diplomats on Monday.",
			root: "16", src: "GHA", tgt: "TGO", only: true},
		{name: "a noun after a demonym", text: "Nepalese troops left Kathmandu at the end of the Sino-Indian conflict."},
		{name: "a noun after an article and a plural", text: "Danish police raided a weapons supply depot in Aarhus.",
			root: "19", src: "DNK", tgt: "DNK", only: true},
		{name: "taking place seizes nothing", text: "Talks between Armenia and Azerbaijan took place in Brussels.",
			root: "04", src: "ARM", tgt: "AZE", only: true},
		{name: "taking office seizes nothing", text: "Chilean President Gabriel Boric took office in 2022."},
		{name: "insisting that something is so is a statement", text: "Indian Prime Minister Narendra Modi insisted his reforms were working."},
		{name: "insisting that something be done is a demand", text: "France insisted that Iran must stop enrichment.",
			root: "10", src: "FRA", tgt: "IRN", only: true},
		{name: "taking steps seizes nothing", text: "The Sudanese government has taken several steps to enhance press freedom."},
		{name: "reduced relative", text: "Egypt deported 40 Libyan traders arrested in Cairo.",
			root: "17", src: "EGY", tgt: "LBY"},
		{name: "intent verb alone", text: "Chile and Peru agreed to undertake a census.",
			root: "03", src: "CHL", tgt: "PER"},
		{name: "speaker's pronoun", text: "Norway said it had expelled two Russian diplomats.",
			root: "16", src: "NOR", tgt: "RUS"},
		{name: "deporting people", text: "Norway deported two Russian traders.",
			root: "17", src: "NOR", tgt: "RUS"},
		{name: "group in a country", text: "Protesters in Kenya demanded that President Ruto resign.",
			root: "10", src: "KEN", tgt: "KEN"},
		{name: "visit", text: "The Brazilian president arrived in Lima on Monday.",
			root: "04", src: "BRA", tgt: "PER"},
		{name: "bombing", text: "A Somali car bomb killed four Kenyan soldiers.",
			root: "18", src: "SOM", tgt: "KEN"},
		{name: "will not is a refusal", text: "Iran will not meet the United States.",
			root: "12", src: "IRN", tgt: "USA"},
		{name: "protest noun", text: "Chilean students staged mass demonstrations in Santiago on Friday.",
			root: "14", src: "CHL", tgt: "CHL"},
		{name: "blocking roads", text: "Bolivian farmers blocked roads into La Paz.",
			root: "14", src: "BOL", tgt: "BOL"},
		{name: "one event per source", text: "Peruvian miners rioted in Lima, burning tyres and smashing windows.",
			root: "14", src: "PER", tgt: "PER", only: true},
		{name: "reported would is intent", text: "Peru said it would meet Chile's president.",
			root: "03", src: "PER", tgt: "CHL"},
		{name: "coordinated obligation", text: "The treaty must still be approved by Chile and ratified by Peru.",
			root: "", modalOnly: true},
		{name: "appositive participle", text: "Clashes between the army, led by Chilean general Juan Soto, and the rebels erupted."},
		{name: "compound noun", text: "It is the first Chilean trade agreement with Peru."},
		{name: "dateline", text: "LIMA, April 16 - Chilean troops attacked Peruvian rebels.",
			root: "19", src: "CHL", tgt: "PER"},
		{name: "a state, not an event", text: "The border conflict between Chile and Peru is decades old."},
		{name: "likely to", text: "Chile is likely to attack Peru.", root: "", modalOnly: true},
		{name: "talks with", text: "Talks between Chile and Peru resumed in Lima on Monday.",
			root: "04", src: "CHL", tgt: "PER"},
		{name: "aspect verb", text: "Chile continued to attack Peruvian positions.",
			root: "19", src: "CHL", tgt: "PER"},
		{name: "issued words, not goods", text: "Chile issued a stern reminder to Peru."},
		{name: "participle after coordinated nouns", text: "Peru demanded the removal of the president and his party at talks aimed at ending the war.",
			root: "10", src: "PER", only: true},
		{name: "expected to", text: "The Chilean war games are expected to be joined by Peru.", root: "", modalOnly: true},
		{name: "an investigation", text: "A Chilean court opened an investigation into Peruvian officials.",
			root: "09", src: "CHL", tgt: "PER"},
		{name: "called off", text: "Chilean miners called off their strike.", root: "08", src: "CHL", tgt: "CHL"},
		{name: "agent in another phrase", text: "Sales were helped by a strong performance in Chile."},
		{name: "passive agent", text: "Peruvian posts were attacked by the Chilean army.",
			root: "19", src: "CHL", tgt: "PER"},
		{name: "aimed at", text: "The Chilean plan is aimed at Peru's farmers."},
		{name: "joint, not mutual", text: "Chile and Peru demanded an end to the blockade.",
			root: "10", src: "CHL", tgt: ""},
		{name: "places after in", text: "He had been in Chile and Peru to study the economy."},
		{name: "reduced relative", text: "A Chilean suspect held in Peru for months is ill."},
		{name: "past tense with a preposition", text: "Chilean ministers met in Lima with Peru's president on Monday, police said.",
			root: "04", src: "CHL", tgt: "PER"},
		{name: "no counterpart, no meeting", text: "Chilean ministers went to the stadium."},
		{name: "urged", text: "Chile urged Peru to reopen the border.",
			root: "02", src: "CHL", tgt: "PER", only: true},
		{name: "a bound is no date", text: "Chile has attacked Peruvian posts since 2019.",
			root: "19", src: "CHL", tgt: "PER", date: "2022-11-16"},
		{name: "expecting is no act", text: "Chile expects its exports to Peru to grow."},
		{name: "a rejection", text: "Chilean rebels on Friday again rejected a Peruvian peace plan.",
			root: "12", src: "CHL", tgt: "PER"},
		{name: "refused alone", text: "Peru refused to respond to Chile.",
			root: "12", src: "PER", tgt: "CHL"},
		{name: "opposed to a mediation rejects it", text: "Peru is opposed to Chilean mediation.",
			root: "12", src: "PER", tgt: "CHL"},
		{name: "done in protest", text: "Chilean dockers blocked the port of Valparaiso to protest against Peru.",
			root: "14", src: "CHL", tgt: "PER"},
		{name: "must is an obligation", text: "The treaty must still be approved by the Polish parliament.",
			root: "", modalOnly: true},
		{name: "a noun's infinitive", text: "Peru has a responsibility to protect Chilean miners."},
		{name: "as soon as", text: "Tariffs on Chilean wine will be removed as soon as Peru takes control."},
		{name: "adjective participle", text: "Peru has a visiting forces agreement with Chile."},
		{name: "must is a demand", text: "Germany declared that Poland must reopen the border.",
			root: "10", src: "DEU", tgt: "POL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text)
			var got *newsgraph.Event
			for i := range doc.Events {
				e := &doc.Events[i]
				if e.Root == "01" || tt.modalOnly && e.Hypothetical {
					continue
				}
				if tt.root == "" {
					t.Fatalf("unexpected event %s %s→%v", e.Cameo, e.Source.Code, e.Target)
				}
				if e.Root == tt.root && e.Source.Country == tt.src {
					got = e
					break
				}
			}
			if tt.root == "" {
				return
			}
			if tt.only && len(doc.Events) != 1 {
				t.Errorf("%d events, want 1: %+v", len(doc.Events), doc.Events)
			}
			if got == nil {
				t.Fatalf("no %s event from %s in %+v", tt.root, tt.src, doc.Events)
			}
			tgt := ""
			if got.Target != nil {
				tgt = got.Target.Country
			}
			if tgt != tt.tgt {
				t.Errorf("target %q, want %q", tgt, tt.tgt)
			}
			if got.Negated != tt.negated {
				t.Errorf("negated %v", got.Negated)
			}
			if (got.Confidence <= confModal) != tt.modal {
				t.Errorf("confidence %.2f, modal %v", got.Confidence, tt.modal)
			}
			if tt.loc != "" && (got.Location == nil || got.Location.Name != tt.loc) {
				t.Errorf("location %+v, want %s", got.Location, tt.loc)
			}
			if tt.date != "" && deref(got.Date) != tt.date {
				t.Errorf("date %q, want %s", deref(got.Date), tt.date)
			}
			if got.QuadClass != quadClass(got.Root) || got.Goldstein == 0 && got.Root != "04" {
				t.Errorf("quad %d goldstein %v", got.QuadClass, got.Goldstein)
			}
		})
	}
}

func TestQuadClass(t *testing.T) {
	for _, tt := range []struct {
		root string
		want int
	}{{"01", 1}, {"05", 1}, {"06", 2}, {"08", 2}, {"09", 3}, {"13", 3}, {"14", 4}, {"20", 4}} {
		if got := quadClass(tt.root); got != tt.want {
			t.Errorf("quadClass(%s) = %d, want %d", tt.root, got, tt.want)
		}
	}
}

func TestIntentionRefusal(t *testing.T) {
	for _, tt := range []struct{ code, intent, refuse string }{
		{"040", "036", "125"}, {"050", "030", "120"}, {"061", "031", "121"}, {"070", "033", "122"}, {"190", "130", "120"}, {"111", "111", "120"},
	} {
		if got := intention(tt.code); got != tt.intent {
			t.Errorf("intention(%s) = %s, want %s", tt.code, got, tt.intent)
		}
		if got := refusal(tt.code); got != tt.refuse {
			t.Errorf("refusal(%s) = %s, want %s", tt.code, got, tt.refuse)
		}
	}
}

// TestConcurrent runs one stage on several documents at once (run it with
// -race): the dictionary is shared read-only, the buffers are pooled.
func TestConcurrent(t *testing.T) {
	texts := []string{
		"Chinese President Xi Jinping met South Korean President Yoon Suk-yeol in Bali, Indonesia, on Tuesday.",
		"Russian forces attacked Ukrainian soldiers near Kharkiv.",
		"Iran refused to meet the United States.",
		"Germany is ready to cooperate with France.",
	}
	docs := make([]*newsgraph.Document, len(texts))
	want := make([]int, len(texts))
	for i, s := range texts {
		docs[i] = code(t, s)
		want[i] = len(docs[i].Events)
	}
	st := NewStage()
	done := make(chan error)
	for i := range docs {
		go func(d *newsgraph.Document) {
			var err error
			for k := 0; k < 20 && err == nil; k++ {
				err = st.Annotate(context.Background(), d)
			}
			done <- err
		}(docs[i])
	}
	for range docs {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	for i, d := range docs {
		if len(d.Events) != want[i] {
			t.Errorf("%q: %d events, want %d", texts[i], len(d.Events), want[i])
		}
	}
}

// TestReduceAndRetreat pins the codes of halting or reducing aid and
// relations (CAMEO 16), of military withdrawal and surrender (0874), the
// PLOVER category of a resignation, assault (18) against fighting (19),
// and the target of a conditional threat.
func TestReduceAndRetreat(t *testing.T) {
	tests := []struct {
		text, cameo, plover, src, tgt string
	}{
		{"Norway suspended its humanitarian aid to Ethiopia.", "1623", "SANCTION", "NOR", "ETH"},
		{"Canada stopped military aid to Myanmar on Monday.", "1622", "SANCTION", "CAN", "MMR"},
		{"Brazil cut ties with Venezuela.", "160", "SANCTION", "BRA", "VEN"},
		{"Argentina severed diplomatic relations with Bolivia.", "161", "SANCTION", "ARG", "BOL"},
		{"Qatar ended its mediation between Sudan and Chad.", "165", "SANCTION", "QAT", "SDN"},
		{"The World Food Programme reduced food rations to refugees in Kenya.", "1623", "SANCTION", "IGO", "KEN"},
		{"France speeded up the withdrawal of its troops from Mali.", "0874", "RETREAT", "FRA", "MLI"},
		{"Colombian rebels surrendered on Sunday.", "0874", "RETREAT", "COL", ""},
		{"Peruvian President Pedro Castillo resigned on Friday.", "083", "RETREAT", "PER", ""},
		{"Nigerian soldiers killed twelve civilians in Maiduguri.", "1823", "ASSAULT", "NGA", "NGA"},
		{"Nigerian aircraft killed twelve civilians in a village near Maiduguri.", "190", "ASSAULT", "NGA", "NGA"},
		{"Syrian police beat Kurdish protesters in Qamishli.", "182", "ASSAULT", "SYR", ""},
		{"Hungary threatened to close its border unless Austria withdrew the new rules.", "130", "THREATEN", "HUN", "AUT"},
		{"Canada announced that it will withdraw its peacekeepers from Cyprus.", "130", "THREATEN", "CAN", "CYP"},
		{"Canada withdrew its peacekeepers from Cyprus.", "1661", "SANCTION", "CAN", "CYP"},
		{"Serbia eased emergency measures in Kosovo on Wednesday.", "0814", "RETREAT", "SRB", ""},
		{"Turkey dismissed an appeal from Greece.", "120", "REJECT", "TUR", "GRC"},
		{"Nigeria summoned Niger's ambassador on Tuesday.", "114", "ACCUSE", "NGA", "NER"},
		{"Egyptian police opened fire to disperse demonstrators in Cairo.", "175", "ASSAULT", "EGY", ""},
		{"Chilean students threw stones at police during demonstrations in Santiago.", "145", "PROTEST", "CHL", ""},
		{"Armenia complained to the United Nations on Monday about Azerbaijani shelling.", "114", "ACCUSE", "ARM", "AZE"},
		{"The Malian president on Friday shortened by two hours the curfew imposed in Bamako last month.", "0813", "RETREAT", "MLI", ""},
		{"Spanish Prime Minister Pedro Sanchez gave a warm welcome to Chilean President Gabriel Boric in Madrid.", "043", "CONSULT", "ESP", "CHL"},
		{"The IAEA dispatched a team to Syria on Monday to inspect the reactor site.", "090", "ACCUSE", "IGO", "SYR"},
		{"Kenyan aircraft using guided missiles killed six Somali fighters.", "190", "ASSAULT", "KEN", "SOM"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := code(t, tt.text)
			for _, ev := range doc.Events {
				if ev.Cameo != tt.cameo {
					continue
				}
				if ev.Plover != tt.plover || !strings.HasPrefix(ev.Source.Code, tt.src) || tt.tgt != "" && (ev.Target == nil || ev.Target.Country != tt.tgt) {
					t.Errorf("event %s %s %+v → %+v; want %s %s → %s", ev.Cameo, ev.Plover, ev.Source, ev.Target, tt.plover, tt.src, tt.tgt)
				}
				return
			}
			t.Errorf("no %s event in %+v", tt.cameo, doc.Events)
		})
	}
}

// TestObligationOfMany: "X said Y and Z must …" is a demand of each.
func TestObligationOfMany(t *testing.T) {
	doc := code(t, "Amnesty International said Russia and Belarus must release the prisoners.")
	got := map[string]bool{}
	for _, e := range doc.Events {
		if e.Root == "10" && strings.HasPrefix(e.Source.Code, "NGO") && e.Target != nil {
			got[e.Target.Country] = true
		}
	}
	if !got["RUS"] || !got["BLR"] || len(got) != 2 {
		t.Errorf("demands of %v, want RUS and BLR: %+v", got, doc.Events)
	}
}

// TestSport: in a report on sport, or a sentence about a match, beating,
// taking and firing are no conflict; a war report keeps its attacks.
func TestSport(t *testing.T) {
	tests := []struct {
		name, text string
		violent    bool
	}{
		{"a match", "Brazil beat Argentina 2-1 in the semi-final on Sunday.", false},
		{"a report on sport", "Spain defeated Italy in Madrid on Saturday. The striker scored twice before half-time, and the champions now lead the league.", false},
		{"war", "Russian forces attacked Ukrainian positions near Kharkiv on Sunday.", true},
		{"war games are no sport", "Russian forces attacked Ukrainian positions near Kharkiv during war games on Sunday.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := code(t, tt.text)
			violent := false
			for _, e := range doc.Events {
				if e.Root >= "17" {
					violent = true
				}
			}
			if violent != tt.violent {
				t.Errorf("violent event %v, want %v: %+v", violent, tt.violent, doc.Events)
			}
		})
	}
}
