package actor

import (
	"context"
	"strings"
	"testing"
)

// TestPhraseRules codes actors given as words alone (CodePhrase), one case
// per rule of the phrase reader.
func TestPhraseRules(t *testing.T) {
	st := NewStage(embedded(t), Options{})
	tests := []struct {
		rule, words, date, want string // want "" = no code
	}{
		// A people is coded with the country where it lives.
		{"ethnic group in a place", "Ethnic Hungarians in northern Romania", "2005", "ROUCVL"},
		{"people of a place", "Slovaks of southern Hungary", "2005", "HUNCVL"},
		{"people of their own country", "Palestinians living in the West Bank", "2005", "PSECVL"},
		// The head says what the actor is, the tail where.
		{"head and place", "Hundreds of people in Lima", "2005", "PERCVL"},
		{"based in", "journalists based in Nairobi", "2005", "KENMED"},
		{"an organisation with a nationality and its members", "Nigerian Union of Teachers", "2005", "NGAEDU"},
		{"a named country beats a person's", "King Abdullah of Jordan", "2005-06-01", "JORGOV"},
		// Hyphenated nationalities.
		{"X-led", "Vietnamese-led troops", "1985", "VNMMIL"},
		{"two nationalities: the first", "Turkish-Cypriot", "1990", "TUR"},
		{"X-based", "Trinidad-based group", "2005", "TTO"},
		{"X-backed names another party", "Syrian-backed militia", "1990", ""},
		{"anti-X names another party", "anti-American protesters", "2005", ""},
		{"ex-", "ex-President Moi", "2005", "KENELI"},
		// Sectors.
		{"a role's first sector", "Swedish Labour Minister", "2005", "SWEGOV"},
		{"a skip word as the head noun", "a U.S. official", "2005", "USAGOV"},
		{"a national", "Bolivian national", "2005", "BOLCVL"},
		{"people are civilians", "Zambian people", "2005", "ZMBCVL"},
		{"a singular of a known plural", "Tanzanian prisoner", "2005", "TZACVL"},
		{"a town is its people", "Bosnian town of Srebrenica", "1995", "BIHCVL"},
		{"a legislature", "Peruvian Congress", "2005", "PERLEG"},
		{"an assembly", "Kenyan Assembly", "2005", "KENLEG"},
		// International and non-governmental actors.
		{"an IGO body's role", "U.N. Security Council", "2005", "IGOUNOGOV"},
		{"an IGO head", "Arab League Secretary-General Amr Moussa", "2005-06-01", "IGOARBALEGOV"},
		{"peacekeepers of no country", "regional peacekeeping force", "2005", "IGOMIL"},
		{"an IGO's peacekeepers", "NATO peacekeeping troops", "1996", "IGOWSTNATMIL"},
		{"a country's peacekeepers", "Nigerian peacekeepers", "1998", "NGAMIL"},
		{"a human rights group", "a human rights group", "2005", "NGOHRI"},
		// Organisations.
		{"a regional code gives way to the name's country", "Palestinian Islamic Jihad", "2000", "PSEREB"},
		{"CAMEO's ANG is ISO AGO", "UNITA rebels", "1995", "AGOREB"},
		{"a word inside a longer name is no organisation", "Liberation Tigers of Tamil Eelam", "2000", ""},
		// People of the knowledge base.
		{"former without a country", "former President Carlos Menem", "2001-06-01", "ARGELI"},
		{"a title and a surname between two holders", "President Bush", "2000-01-01", "USAGOV"},
		{"a leader's administration", "Bush administration", "2000-01-01", "USAGOV"},
		{"a misspelt surname with a title", "President Francois Mitterand", "1990-01-01", "FRAGOV"},
		{"a name with a particle", "President Omar Hassan al-Bashir", "2005-01-01", "SDNGOV"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			a, err := st.CodePhrase(tt.words, tt.date)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a != nil {
				got = a.Code
			}
			if got != tt.want {
				t.Errorf("%q: %q, want %q (actor %+v)", tt.words, got, tt.want, a)
			}
		})
	}
}

// TestContextRules codes actors of whole documents: the rules that read
// the sentence or the document around an actor.
func TestContextRules(t *testing.T) {
	k := embedded(t)
	tests := []struct {
		rule  string
		date  string
		paras []string
		ents  []ent
		want  map[string]string // entity name → code ("" = no actor)
	}{
		{"a titled person takes the sentence's country", "2005-06-01",
			[]string{"Planning Minister Nguyen Van Binh said Vietnam would open its markets."},
			[]ent{{"Nguyen Van Binh", "PERSON", []string{"Nguyen Van Binh"}}, {"Vietnam", "GPE", []string{"Vietnam"}}},
			map[string]string{"Nguyen Van Binh": "VNMGOV"}},
		{"the nearest country before the name", "2024-11-13",
			[]string{"Kenyan Trade Minister Ali Juma met New Zealand Trade Minister John Mrema in Arusha."},
			[]ent{{"Kenyan", "MISC", []string{"Kenyan"}}, {"Ali Juma", "PERSON", []string{"Ali Juma"}}, {"New Zealand", "GPE", []string{"New Zealand"}},
				{"John Mrema", "PERSON", []string{"John Mrema"}}, {"Arusha", "GPE", []string{"Arusha"}}},
			map[string]string{"Ali Juma": "KENGOV", "John Mrema": "NZLGOV"}},
		{"a judge", "2005-06-01",
			[]string{"Judge Ana Mora opened an inquiry into 28 Chilean officials."},
			[]ent{{"Ana Mora", "PERSON", []string{"Ana Mora"}}, {"Chilean", "MISC", []string{"Chilean"}}},
			map[string]string{"Ana Mora": "CHLJUD"}},
		{"else the document's country", "2005-06-01",
			[]string{"Kenya's parliament met on Monday.", "Trade Minister Ali Juma said the talks had failed."},
			[]ent{{"Kenya", "GPE", []string{"Kenya"}}, {"Ali Juma", "PERSON", []string{"Ali Juma"}}},
			map[string]string{"Ali Juma": "KENGOV"}},
		{"a title before its portfolio", "2005-06-01",
			[]string{"The Minister for Interior Tariq Khan met Pakistani police chiefs."},
			[]ent{{"Tariq Khan", "PERSON", []string{"Tariq Khan"}}, {"Pakistani", "MISC", []string{"Pakistani"}}},
			map[string]string{"Tariq Khan": "PAKGOV"}},
		{"a state institution takes the sentence's country", "2005-06-01",
			[]string{"The Supreme Court in Islamabad ruled against the government."},
			[]ent{{"Supreme Court", "ORG", []string{"Supreme Court"}}, {"Islamabad", "GPE", []string{"Islamabad"}}},
			map[string]string{"Supreme Court": "PAKJUD"}},
		{"an untitled unknown person stays uncoded", "2005-06-01",
			[]string{"Ali Juma said Kenya would win."},
			[]ent{{"Ali Juma", "PERSON", []string{"Ali Juma"}}, {"Kenya", "GPE", []string{"Kenya"}}},
			map[string]string{"Ali Juma": ""}},
		{"a faith is no role", "2005-06-01",
			[]string{"Archbishop John Okoro called for sanctions against Nigeria."},
			[]ent{{"John Okoro", "PERSON", []string{"John Okoro"}}, {"Nigeria", "GPE", []string{"Nigeria"}}},
			map[string]string{"John Okoro": ""}},
		{"a capital's namesake in the country the document names", "1985-06-01",
			[]string{"Shells fell on Tripoli, the north Lebanese port, for a week."},
			[]ent{{"Tripoli", "GPE", []string{"Tripoli"}}, {"Lebanese", "MISC", []string{"Lebanese"}}},
			map[string]string{"Tripoli": "LBN"}},
		{"a capital otherwise", "2005-06-01",
			[]string{"The talks were held in Tripoli."},
			[]ent{{"Tripoli", "GPE", []string{"Tripoli"}}},
			map[string]string{"Tripoli": "LBY"}},
		{"a region by its stem", "2005-06-01",
			[]string{"Aid reached Darfur on Monday."},
			[]ent{{"Darfur", "LOC", []string{"Darfur"}}},
			map[string]string{"Darfur": "SDN"}},
		{"a people of a country", "2003-06-01",
			[]string{"Iraqi Kurds marched in Kirkuk."},
			[]ent{{"Iraqi Kurds", "MISC", []string{"Iraqi Kurds"}}},
			map[string]string{"Iraqi Kurds": "IRQCVL"}},
		{"an IGO body", "2005-06-01",
			[]string{"The U.N. Security Council met on Monday."},
			[]ent{{"U.N. Security Council", "ORG", []string{"U.N. Security Council"}}},
			map[string]string{"U.N. Security Council": "IGOUNOGOV"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			d := makeDoc(tt.date, tt.paras, tt.ents...)
			if err := NewStage(k, Options{}).Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			for name, want := range tt.want {
				if got := codeOf(d, name); got != want {
					t.Errorf("%s: %q, want %q (actor %+v)", name, got, want, entityNamed(d, name).Actor)
				}
			}
		})
	}
}

// TestGroupRules checks the group entities the coreference pass makes:
// each case gives the code of the group whose mention has the given text,
// or "" when no group may cover it.
func TestGroupRules(t *testing.T) {
	k := embedded(t)
	tests := []struct {
		rule  string
		para  string
		ents  []ent
		text  string // the group mention
		want  string
		wantN string // a second group, text=code, or ""
	}{
		{"an ethnic group lives in the sentence's other country",
			"Up to 500 ethnic Hungarians protested against the Slovak government.",
			[]ent{{"Hungarians", "MISC", []string{"Hungarians"}}, {"Slovak", "MISC", []string{"Slovak"}}},
			"ethnic Hungarians", "SVKCVL", ""},
		{"an ethnic group in a place",
			"Ethnic Albanians in southern Serbia demanded autonomy.",
			[]ent{{"Albanians", "MISC", []string{"Albanians"}}, {"Serbia", "GPE", []string{"Serbia"}}},
			"Ethnic Albanians in southern Serbia", "SRBCVL", ""},
		{"a bare group noun and a place",
			"The government accused the rebels in Darfur of breaking the truce.",
			[]ent{{"Darfur", "LOC", []string{"Darfur"}}},
			"rebels in Darfur", "SDNREB", ""},
		{"a sector adjective, groups and a place",
			"Opposition groups in Zimbabwe called a strike.",
			[]ent{{"Zimbabwe", "GPE", []string{"Zimbabwe"}}},
			"Opposition groups in Zimbabwe", "ZWEOPP", ""},
		{"a group in the Ivory Coast",
			"Rebels in the Ivory Coast rejected the plan.",
			[]ent{{"Ivory Coast", "GPE", []string{"Ivory Coast"}}},
			"Rebels in the Ivory Coast", "CIVREB", ""},
		{"a place as the modifier",
			"Darfur rebels attacked a convoy.",
			[]ent{{"Darfur", "LOC", []string{"Darfur"}}},
			"Darfur rebels", "SDNREB", ""},
		{"an international organisation as the modifier",
			"Eighty UN peacekeepers left the enclave.",
			[]ent{{"UN", "ORG", []string{"UN"}}},
			"UN peacekeepers", "IGOUNOMIL", ""},
		{"an ethnic name the knowledge base lacks takes the sentence's country",
			"Kikuyu elders met Kenyan officials in Nyeri.",
			[]ent{{"Kikuyu", "MISC", []string{"Kikuyu"}}, {"Kenyan", "MISC", []string{"Kenyan"}}},
			"Kikuyu elders", "KENELI", "Kenyan officials=KENGOV"},
		{"an adjective between the name and the head",
			"Egyptian police dispersed Moslem fundamentalist demonstrators.",
			[]ent{{"Egyptian", "MISC", []string{"Egyptian"}}, {"Moslem", "MISC", []string{"Moslem"}}},
			"Moslem fundamentalist demonstrators", "EGYOPP", "Egyptian police=EGYCOP"},
		{"coordinated nationalities",
			"Senior Hungarian and Romanian officials agreed on Wednesday.",
			[]ent{{"Hungarian", "MISC", []string{"Hungarian"}}, {"Romanian", "MISC", []string{"Romanian"}}},
			"Romanian officials", "ROUGOV", "Hungarian=HUNGOV"},
		{"a region's adjective gives no country",
			"European leaders met Chinese officials.",
			[]ent{{"European", "MISC", []string{"European"}}, {"Chinese", "MISC", []string{"Chinese"}}},
			"European leaders", "", "Chinese officials=CHNGOV"},
		{"two capitals are no country",
			"The TV actors met British fans.",
			nil,
			"TV actors", "", ""},
		{"a bare group noun without a place is no group",
			"The rebels said the talks had failed.",
			nil,
			"rebels", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			d := makeDoc("2005-06-01", []string{tt.para}, tt.ents...)
			if err := NewStage(k, Options{}).Annotate(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			groups := map[string]string{} // mention text → code
			for _, e := range d.Entities {
				if e.Type != "GROUP" {
					continue
				}
				for _, m := range e.Mentions {
					groups[m.Text] = e.Actor.Code
				}
			}
			if got := groups[tt.text]; got != tt.want {
				t.Errorf("group %q: %q, want %q (groups %v)", tt.text, got, tt.want, groups)
			}
			if tt.want == "" {
				for text, code := range groups {
					if strings.Contains(text, tt.text) || strings.Contains(tt.text, text) {
						t.Errorf("a group %q = %s covers %q", text, code, tt.text)
					}
				}
			}
			if tt.wantN != "" {
				text, code, _ := strings.Cut(tt.wantN, "=")
				if got := groups[text]; got != code {
					t.Errorf("group %q: %q, want %q (groups %v)", text, got, code, groups)
				}
			}
		})
	}
}

// TestConventionsOfCodes pins the code conventions of the record: the code
// carries one sector, the actor lists every sector its evidence gives.
func TestConventionsOfCodes(t *testing.T) {
	d := makeDoc("2000-01-01", []string{"The US Congress agreed to lift the embargo."},
		ent{"US Congress", "ORG", []string{"US Congress"}})
	if err := NewStage(embedded(t), Options{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	a := entityNamed(d, "US Congress").Actor
	if a == nil || a.Code != "USAGOV" || strings.Join(a.Sectors, ",") != "GOV,LEG" {
		t.Errorf("US Congress = %+v, want code USAGOV with sectors GOV, LEG (PETRARCH2's USAGOVLEG)", a)
	}
}
