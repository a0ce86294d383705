package kb

// Hand-written lists (source "hand"): what the datasets lack and news text
// needs. They are small on purpose; everything else comes from the data.

// handSeat is a seat of government or a capital spelling that stands for a
// country's government in news text ("the Kremlin said").
type handSeat struct {
	iso3   string
	sector string
	names  []string
}

// handSeats are applied when the KB is indexed (New), so small test KBs get
// them too for the countries they hold. Source: hand.
func handSeats() []handSeat {
	return []handSeat{
		{"USA", "GOV", []string{"Washington", "Washington DC", "Washington, D.C.", "White House", "Foggy Bottom", "Oval Office"}},
		{"USA", "MIL", []string{"Pentagon"}},
		{"USA", "LEG", []string{"Capitol Hill"}},
		{"RUS", "GOV", []string{"Kremlin"}},
		{"GBR", "GOV", []string{"Downing Street", "Number 10", "No. 10", "Whitehall"}},
		{"FRA", "GOV", []string{"Élysée", "Élysée Palace", "Quai d'Orsay"}},
		{"KOR", "GOV", []string{"Blue House", "Cheong Wa Dae", "Yongsan presidential office"}},
		{"CHN", "GOV", []string{"Zhongnanhai"}},
		{"JPN", "GOV", []string{"Kantei", "Kasumigaseki"}},
	}
}

// handDemonym is a nationality noun the countries dataset lacks.
type handDemonym struct{ word, iso3 string }

// handDemonyms: irregular or informal nationality nouns. Source: hand.
func handDemonyms() []handDemonym {
	return []handDemonym{
		{"Briton", "GBR"}, {"Britons", "GBR"}, {"Brit", "GBR"}, {"Brits", "GBR"},
		{"Englishman", "GBR"}, {"Englishmen", "GBR"}, {"Scot", "GBR"}, {"Scots", "GBR"}, {"Scottish", "GBR"}, {"Welsh", "GBR"},
		{"Frenchman", "FRA"}, {"Frenchmen", "FRA"}, {"Dutchman", "NLD"}, {"Dutchmen", "NLD"},
		{"Irishman", "IRL"}, {"Irishmen", "IRL"},
		{"Filipina", "PHL"}, {"Filipinas", "PHL"},
		{"U.S.", "USA"},
		{"Serb", "SRB"}, {"Croat", "HRV"}, {"Bosnian", "BIH"}, {"Kampuchean", "KHM"}, {"Khmer", "KHM"},
		{"Kosovar", "XKX"}, {"Chechen", "RUS"}, {"Soviet", "RUS"}, {"Yugoslav", "SRB"}, {"Burmese", "MMR"},
		{"Congolese", "COD"}, {"Emirati", "ARE"}, {"Saudi", "SAU"}, {"Kuwaiti", "KWT"}, {"Taiwanese", "TWN"},
		{"Turk", "TUR"}, {"Turks", "TUR"}, {"Swede", "SWE"}, {"Swedes", "SWE"}, {"Dane", "DNK"}, {"Danes", "DNK"},
		{"Finn", "FIN"}, {"Finns", "FIN"}, {"Spaniard", "ESP"}, {"Spaniards", "ESP"},
	}
}

// handCountryNames are country names the datasets lack: abbreviations
// and former or informal names that news archives use. Source: hand.
func handCountryNames() []handDemonym {
	return []handDemonym{
		{"Trinidad", "TTO"},
		{"PRC", "CHN"}, {"People's Republic of China", "CHN"}, {"Mainland China", "CHN"},
		{"Gaza", "PSE"}, {"Gaza Strip", "PSE"}, {"West Bank", "PSE"}, {"Palestinian territories", "PSE"},
		{"Soviet Union", "RUS"}, {"USSR", "RUS"}, {"Yugoslavia", "SRB"}, {"Kampuchea", "KHM"}, {"Zaire", "COD"},
		{"East Timor", "TLS"}, {"Ivory Coast", "CIV"}, {"Holland", "NLD"}, {"Burma", "MMR"}, {"Persia", "IRN"},
		{"UAE", "ARE"}, {"Emirates", "ARE"}, {"Britain", "GBR"}, {"Great Britain", "GBR"}, {"England", "GBR"},
		{"Scotland", "GBR"}, {"Wales", "GBR"}, {"Northern Ireland", "GBR"}, {"America", "USA"},
		{"Republic of Korea", "KOR"}, {"ROK", "KOR"}, {"DPRK", "PRK"}, {"Democratic People's Republic of Korea", "PRK"},
	}
}

// handOrgs are intergovernmental organisations and forums the PETRARCH2
// dictionaries (2014) lack or lack under their usual names, with IGO codes
// in PETRARCH's style. Source: hand. An entry whose every name PETRARCH2
// already has is dropped at build time.
func handOrgs() []Org {
	return []Org{
		{ID: "hand:G20", Name: "G20", Aliases: []string{"G-20", "G 20", "Group of 20", "Group of Twenty"}, Code: "IGOG20", Kind: OrgIGO},
		{ID: "hand:G7", Name: "G7", Aliases: []string{"G-7", "G 7", "Group of Seven", "Group of 7"}, Code: "IGOGOS", Kind: OrgIGO},
		{ID: "hand:BRICS", Name: "BRICS", Code: "IGOBRC", Kind: OrgIGO},
		{ID: "hand:ASEAN", Name: "ASEAN", Aliases: []string{"Association of Southeast Asian Nations", "Association of South East Asian Nations"}, Code: "IGOSEAASN", Kind: OrgIGO},
		{ID: "hand:AU", Name: "African Union", Aliases: []string{"AU"}, Code: "IGOAFRAFU", Kind: OrgIGO},
		{ID: "hand:OPEC", Name: "OPEC", Aliases: []string{"Organization of the Petroleum Exporting Countries", "Organisation of the Petroleum Exporting Countries"}, Code: "IGOOPC", Kind: OrgIGO},
		{ID: "hand:WHO", Name: "World Health Organization", Aliases: []string{"WHO", "World Health Organisation"}, Code: "IGOUNOHLHWHO", Kind: OrgIGO},
		{ID: "hand:IMF", Name: "International Monetary Fund", Aliases: []string{"IMF"}, Code: "IGOBUSIMF", Kind: OrgIGO},
		{ID: "hand:WB", Name: "World Bank", Aliases: []string{"World Bank Group"}, Code: "IGOUNODEVWBK", Kind: OrgIGO},
		{ID: "hand:WTO", Name: "World Trade Organization", Aliases: []string{"WTO", "World Trade Organisation"}, Code: "IGOBUSWTO", Kind: OrgIGO},
		{ID: "hand:INTERPOL", Name: "Interpol", Aliases: []string{"International Criminal Police Organization"}, Code: "IGOCOPITP", Kind: OrgIGO},
		{ID: "hand:APEC", Name: "APEC", Aliases: []string{"Asia-Pacific Economic Cooperation"}, Code: "IGOBUSAPC", Kind: OrgIGO},
		{ID: "hand:SCO", Name: "Shanghai Cooperation Organisation", Aliases: []string{"SCO", "Shanghai Cooperation Organization"}, Code: "IGOSCO", Kind: OrgIGO},
		{ID: "hand:QUAD", Name: "Quad", Aliases: []string{"Quadrilateral Security Dialogue"}, Code: "IGOQUD", Kind: OrgIGO},
		{ID: "hand:AUKUS", Name: "AUKUS", Code: "IGOAKS", Kind: OrgIGO},
		{ID: "hand:EU", Name: "European Union", Aliases: []string{"EU", "European Community", "European Communities", "EC", "European Economic Community", "EEC", "European Commission", "European common market", "Common Market"}, Code: "IGOEUREEC", Kind: OrgIGO},
		{ID: "hand:OSCE", Name: "OSCE", Aliases: []string{"Organization for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe", "CSCE"}, Code: "IGOEUROSC", Kind: OrgIGO},
		{ID: "hand:ILO", Name: "International Labour Organization", Aliases: []string{"ILO", "International Labor Organization", "International Labour Office", "International Labor Office"}, Code: "IGOUNOLAB", Kind: OrgIGO},
		{ID: "hand:ARABLEAGUE", Name: "Arab League", Aliases: []string{"League of Arab States"}, Code: "IGOARBALE", Kind: OrgIGO},
		{ID: "hand:UN", Name: "United Nations", Aliases: []string{"UN", "U.N."}, Code: "IGOUNO", Kind: OrgIGO},
		{ID: "hand:NATO", Name: "NATO", Aliases: []string{"North Atlantic Treaty Organization", "Nato"}, Code: "IGOWSTNAT", Kind: OrgIGO},
	}
}

// handAgents are titles the PETRARCH2 agents file lacks in the singular
// (it lists "GENERALS" only) or at all. Source: hand.
func handAgents() []Agent {
	return []Agent{
		{Phrase: "general", Sectors: []string{"MIL"}},
		{Phrase: "foreign secretary", Sectors: []string{"GOV"}},
		{Phrase: "secretary of state", Sectors: []string{"GOV"}},
		{Phrase: "lawmaker", Sectors: []string{"LEG"}},
		{Phrase: "legislator", Sectors: []string{"LEG"}},
		{Phrase: "legislators", Sectors: []string{"LEG"}},
		{Phrase: "demonstrators", Sectors: []string{"OPP"}},
		{Phrase: "demonstrator", Sectors: []string{"OPP"}},
		// The head of an international organisation ("U.N. Secretary-General
		// Kofi Annan"); PETRARCH2 has only national secretaries.
		{Phrase: "secretary general", Sectors: []string{"GOV"}},
		{Phrase: "secretaries general", Sectors: []string{"GOV"}},
		{Phrase: "vice president", Sectors: []string{"GOV"}},
		{Phrase: "vice presidents", Sectors: []string{"GOV"}},
	}
}

// isoCountryCode maps the country codes of CAMEO and PETRARCH2 that are not
// ISO 3166 alpha-3 (codes of former states, CAMEO's own spellings and a few
// slips in the dictionaries: "ANGREB" for UNITA) to the ISO code of the
// country the knowledge base keeps for them, at the head of a code:
// "TMPGOV" → "TLSGOV", "SUN" → "RUS". Other codes are returned unchanged.
// Former states map to their successor, as the hand country names do
// ("Soviet Union" → RUS, "Yugoslavia" → SRB). Source: hand.
func isoCountryCode(code string) string {
	if len(code) < 3 {
		return code
	}
	iso := ""
	switch code[:3] {
	case "ANG":
		iso = "AGO"
	case "TMP":
		iso = "TLS"
	case "SUN":
		iso = "RUS"
	case "YUG", "SCG", "FRY", "SER":
		iso = "SRB"
	case "CSK":
		iso = "CZE"
	case "DDR", "GMW", "GME":
		iso = "DEU"
	case "KSV":
		iso = "UNK" // Kosovo in the countries dataset
	case "JAP":
		iso = "JPN"
	case "ROM":
		iso = "ROU"
	case "ZAR":
		iso = "COD"
	case "BUR":
		iso = "MMR"
	default:
		return code
	}
	return iso + code[3:]
}

// honorifics are titles stripped from the front of PETRARCH person names
// besides the agent phrases. Source: hand.
func honorifics() []string {
	return []string{
		"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "baron", "baroness", "sheikh", "shaikh", "sheik",
		"emir", "amir", "king", "queen", "prince", "princess", "crown prince", "gen", "general", "lt", "col", "maj",
		"capt", "sgt", "adm", "admiral", "sen", "senator", "rep", "gov", "pres", "vice", "deputy", "former", "acting",
		"interim", "chairman", "secretary", "minister", "premier", "chancellor", "ayatollah", "grand ayatollah",
		"imam", "rev", "reverend", "father", "pope", "cardinal", "mullah", "mufti", "marshal", "field marshal",
		"president", "prime minister", "secretary general", "kanzler", "bundeskanzler", "un", "u n", "united nations", "eu", "nato",
	}
}

// orgWords are words that mark a name as an organisation, not a person.
func orgWords() []string {
	return []string{
		"of", "for", "and", "the", "international", "organization", "organisation", "union", "association",
		"council", "committee", "commission", "bank", "fund", "group", "agency", "party", "front", "army",
		"movement", "center", "centre", "foundation", "institute", "society", "league", "federation", "network",
		"program", "programme", "project", "world", "united", "nations", "national", "rights", "forces", "force",
		"brigade", "brigades", "news", "service", "services", "corporation", "company", "ministry", "department",
		"office", "court", "tribunal", "forum", "alliance", "coalition", "trust", "initiative", "watch", "aid",
		"relief", "mission", "university", "college", "school", "church", "agency", "secretariat", "assembly",
		"monitor", "monitors", "peacekeeper", "peacekeepers", "bodies", "global", "institution", "academy",
	}
}

// adminAffixes are generic words around first-level region names; the name
// without them is indexed too ("Maidan Wardak Province" → "Maidan Wardak").
func adminSuffixes() []string {
	return []string{
		" Province", " Region", " Oblast", " Governorate", " State", " Prefecture", " District", " County",
		" Department", " Krai", " Territory", " Municipality", " Voivodeship", " Canton", " Parish",
		" Autonomous Region", " Special Administrative Region", " Rayon", " Division", " Emirate",
	}
}

func adminPrefixes() []string {
	return []string{
		"Province of ", "Provincia de ", "Provincia di ", "State of ", "Departamento de ", "Departamento del ",
		"Région ", "Region ", "Special Capital Region of ", "Daerah Istimewa ", "Wilayah ", "Kota ",
	}
}
