package newsgraph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Version is the version of the extractors in this build. It is written into
// every record ("newsgraph/VERSION") so a stored document can be re-extracted
// when a newer version is installed.
const Version = "0.1.0"

// ExtractorName returns the extractor name recorded in every Document.
func ExtractorName() string { return "newsgraph/" + Version }

// Format names the kind of input a document was read from.
type Format string

// Input formats.
const (
	FormatTextRecord Format = "text-record"
	FormatHTML       Format = "html"
	FormatJSONL      Format = "jsonl"
)

// Precision says how much of a publication date the evidence supports.
type Precision string

// Date precisions, coarsest first.
const (
	PrecisionNone  Precision = ""
	PrecisionYear  Precision = "year"
	PrecisionMonth Precision = "month"
	PrecisionDay   Precision = "day"
)

// Rank orders precisions: none 0, year 1, month 2, day 3.
func (p Precision) Rank() int {
	switch p {
	case PrecisionYear:
		return 1
	case PrecisionMonth:
		return 2
	case PrecisionDay:
		return 3
	}
	return 0
}

// Date origins: where a publication date came from.
const (
	OriginTimestamp = "timestamp" // a "Published: …" style line in the page text
	OriginDateline  = "dateline"  // "BALI, Indonesia, Nov. 15 (Yonhap) --" opening the body
	OriginText      = "text"      // a full date in the first paragraphs
	OriginURL       = "url"       // a date in the page URL
	OriginHTMLMeta  = "html"      // go-htmldate on the page's markup and metadata
	OriginHeader    = "header"    // the crawl record's header line
	OriginInput     = "input"     // a date field given with the input (JSON Lines)
)

// Source says where a document was read from.
type Source struct {
	// Path is the input path exactly as given on the command line ("-" for stdin).
	Path string
	// URL of the page, when known.
	URL string
	// Site is the host or publication name, when known.
	Site string
	// Format of the input.
	Format Format
	// Record is the 0-based position of the record within its file (several
	// crawl records or JSON lines can share one file). Not part of the JSON
	// contract; kept in the store.
	Record int
}

// MarshalJSON writes the contract's source object, with null for unknown fields.
func (s Source) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Path   string  `json:"path"`
		URL    *string `json:"url"`
		Site   *string `json:"site"`
		Format Format  `json:"format"`
	}{s.Path, nullable(s.URL), nullable(s.Site), s.Format})
}

// UnmarshalJSON reads the contract's source object.
func (s *Source) UnmarshalJSON(b []byte) error {
	var v struct {
		Path   string  `json:"path"`
		URL    *string `json:"url"`
		Site   *string `json:"site"`
		Format Format  `json:"format"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Source{Path: v.Path, URL: deref(v.URL), Site: deref(v.Site), Format: v.Format}
	return nil
}

// Published is a publication date with the precision its evidence supports.
type Published struct {
	// Date is "YYYY", "YYYY-MM" or "YYYY-MM-DD", empty when unknown.
	Date string
	// Precision matches the form of Date.
	Precision Precision
	// Origin is where the date came from (one of the Origin constants).
	Origin string
	// Raw is the raw date value the input itself declared (the crawl header's
	// date, a JSON Lines date field), kept even when the text overruled it.
	Raw string
	// Time is the time of day ("HH:MM") when the evidence gave one. Not part
	// of the JSON contract; kept in the store.
	Time string
	// Conflict describes a disagreement between the input's declared date and
	// the text's evidence, empty when none. Not part of the JSON contract;
	// kept in the store and shown on the document page.
	Conflict string
}

// MarshalJSON writes the contract's published object, with nulls for unknowns.
func (p Published) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Date      *string `json:"date"`
		Precision *string `json:"precision"`
		Origin    *string `json:"origin"`
		Raw       *string `json:"raw"`
	}{nullable(p.Date), nullable(string(p.Precision)), nullable(p.Origin), nullable(p.Raw)})
}

// UnmarshalJSON reads the contract's published object.
func (p *Published) UnmarshalJSON(b []byte) error {
	var v struct {
		Date      *string `json:"date"`
		Precision *string `json:"precision"`
		Origin    *string `json:"origin"`
		Raw       *string `json:"raw"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Published{Date: deref(v.Date), Precision: Precision(deref(v.Precision)), Origin: deref(v.Origin), Raw: deref(v.Raw)}
	return nil
}

// Boilerplate kinds: what a removed line was.
const (
	KindHeader        = "header"        // crawl-header text that is not article text
	KindTitle         = "title"         // the page's headline (or a near-copy of it)
	KindHeadline      = "headline"      // an unrelated headline: teaser lists, "most read"
	KindRelated       = "related"       // "read more" / "see also" lines and what they introduce
	KindNavigation    = "navigation"    // menus, breadcrumbs, section names, interface strings
	KindCaption       = "caption"       // photo and video captions, credits, galleries
	KindTimestamp     = "timestamp"     // published / updated lines, reading time
	KindByline        = "byline"        // author lines
	KindStandfirst    = "standfirst"    // a summary that repeats the lead
	KindCredit        = "credit"        // agency credits, editor slugs, "(Reporting by …)"
	KindShare         = "share"         // share, follow and social lines, counters
	KindAdvertisement = "advertisement" // "Advertisement", "Story continues below"
	KindComment       = "comment"       // reader comments and comment forms
	KindTags          = "tags"          // tag and topic lists
	KindCookie        = "cookie"        // cookie and consent text
	KindPaywall       = "paywall"       // subscription prompts and paywall cuts
	KindMarkup        = "markup"        // markup debris: tags, escapes, shortcodes
	KindLegal         = "legal"         // copyright and legal footer lines
	KindOther         = "other"         // furniture of no kind above
)

// BoilerplateLine is one line removed from the page text, with its kind.
type BoilerplateLine struct {
	Text string `json:"text"`
	Kind string `json:"kind"`
}

// Mention is one occurrence of an entity, located by paragraph and Unicode
// code-point offsets into that paragraph (end exclusive).
type Mention struct {
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	// Kind is how the mention refers to its entity: "" for a name ("Xi
	// Jinping", "Xi", "President Xi"), MentionNominal for a description
	// ("the Chinese president"), MentionPronoun for a pronoun ("he"). The
	// latter two come from in-document coreference (package actor).
	Kind string `json:"kind,omitempty"`
}

// Mention kinds besides names.
const (
	MentionNominal = "nominal"
	MentionPronoun = "pronoun"
)

// Entity is a named entity of the document with all its mentions. Filled by
// the NER issue; Actor and Geo by the actors issue.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Mentions []Mention `json:"mentions"`
	Actor    *Actor    `json:"actor,omitempty"`
	Geo      *Place    `json:"geo,omitempty"`
}

// Actor is a coded actor in the CAMEO style (filled by package actor).
type Actor struct {
	// Code is the CAMEO-style code: country (ISO alpha-3, or IGO/NGO…)
	// followed by sector codes, e.g. "CHNGOV", "KORELI", "USAMIL".
	Code string `json:"code"`
	// Country is the ISO 3166 alpha-3 code, or "" (international actors).
	Country string `json:"country"`
	// Sectors are CAMEO sector codes: GOV, MIL, ELI, OPP, REB, BUS, MED,
	// JUD, LEG, IGO, NGO, CVL, …
	Sectors []string `json:"sectors"`
	// Kind is ActorPerson, ActorCountry, ActorOrganisation, ActorIGO or
	// ActorGroup.
	Kind string `json:"kind"`
	// KBID identifies the knowledge-base entry used, if any (e.g.
	// "wikidata:Q15031", "geonames:1835841", "iso:KOR").
	KBID string `json:"kb_id"`
	// Evidence is the words that justified the code, e.g. "Chinese
	// President Xi Jinping", "knowledge base: President of China
	// 2013–", "registry: South Korean President ×412".
	Evidence string `json:"evidence"`
	// Source is where the code came from: ActorFromText, ActorFromKB,
	// ActorFromRegistry or ActorFromOverride.
	Source string `json:"source,omitempty"`
	// Descriptors are the role phrases this document uses for the actor
	// ("South Korean President", "former South Korean President"), which
	// the store accumulates into the corpus-wide actor registry.
	Descriptors []string `json:"descriptors,omitempty"`
}

// Actor kinds.
const (
	ActorPerson       = "person"
	ActorCountry      = "country"
	ActorOrganisation = "organisation"
	ActorIGO          = "igo"
	ActorGroup        = "group"
)

// Where an actor code came from.
const (
	ActorFromText     = "text"
	ActorFromKB       = "kb"
	ActorFromRegistry = "registry"
	ActorFromOverride = "override"
)

// Place is a geocoded location (filled by package geo). Precision is
// PrecisionCity, PrecisionAdmin1 or PrecisionCountry: a place known only at
// country level says so, and its coordinates are then the country's
// reference point only because Precision tells the reader so.
type Place struct {
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Precision  string  `json:"precision"`
	GeonamesID int     `json:"geonames_id"`
}

// Geocoding precisions.
const (
	PrecisionCity    = "city"
	PrecisionAdmin1  = "admin1"
	PrecisionCountry = "country"
)

// Quote is a direct or reported statement (filled by the quotes issue).
type Quote struct {
	Kind          string  `json:"kind"`
	Text          string  `json:"text"`
	Speaker       *string `json:"speaker"`
	SpeakerEntity *string `json:"speaker_entity"`
	SpeakerActor  *string `json:"speaker_actor"`
	Cue           string  `json:"cue"`
	Paragraph     int     `json:"paragraph"`
	Start         int     `json:"start"`
	End           int     `json:"end"`
	EndParagraph  int     `json:"end_paragraph"`
	Confidence    float64 `json:"confidence"`
}

// EventActor is the source or target of an event.
type EventActor struct {
	Entity  *string `json:"entity"`
	Code    string  `json:"code"`
	Country string  `json:"country"`
}

// Evidence is the sentence that proves a fact.
type Evidence struct {
	Paragraph int `json:"paragraph"`
	// Sentence is the sentence's index in its paragraph, DocSentence in
	// the document (both from 0; DocSentence -1 when unknown).
	Sentence    int    `json:"sentence"`
	DocSentence int    `json:"doc_sentence"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
}

// Trigger is the words that carry an event (the predicate: "met",
// "held talks with"), with code-point offsets in the evidence's paragraph.
type Trigger struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event is a coded event mention (filled by package event).
type Event struct {
	Source        EventActor  `json:"source"`
	Target        *EventActor `json:"target"`
	Cameo         string      `json:"cameo"`
	Root          string      `json:"root"`
	QuadClass     int         `json:"quad_class"`
	Goldstein     float64     `json:"goldstein"`
	Plover        string      `json:"plover"`
	Date          *string     `json:"date"`
	DatePrecision *string     `json:"date_precision"`
	Location      *Place      `json:"location"`
	Evidence      Evidence    `json:"evidence"`
	Trigger       *Trigger    `json:"trigger,omitempty"`
	Negated       bool        `json:"negated"`
	// Hypothetical marks an event the text only supposes ("would
	// discuss", "could impose", "if …"): kept, but not one that happened.
	Hypothetical bool    `json:"hypothetical,omitempty"`
	Confidence   float64 `json:"confidence"`
}

// TimeExpr is a time expression found in the text (filled by package timex):
// Value is normalised against the publication date ("2022-11-15", "2019-12",
// "2022-W46", an ISO 8601 duration such as "P3Y") or nil when the
// publication date is not precise enough to say; Kind is "date",
// "duration" or "set".
type TimeExpr struct {
	Text      string  `json:"text"`
	Paragraph int     `json:"paragraph"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Value     *string `json:"value"`
	Kind      string  `json:"kind"`
}

// Document is newsgraph's record of one article (or of one page that turned
// out not to be an article). Its JSON form is the record contract, version 1.
type Document struct {
	ID          string            `json:"id"`
	Source      Source            `json:"source"`
	IsArticle   bool              `json:"is_article"`
	Title       *string           `json:"title"`
	Language    *string           `json:"language"`
	Published   Published         `json:"published"`
	Paragraphs  []string          `json:"paragraphs"`
	Boilerplate []BoilerplateLine `json:"boilerplate"`
	Entities    []Entity          `json:"entities"`
	Quotes      []Quote           `json:"quotes"`
	Events      []Event           `json:"events"`
	Times       []TimeExpr        `json:"times,omitempty"`
	Extractor   string            `json:"extractor"`

	// Author is the byline's author when one was found (HTML metadata or a
	// byline line). Not part of the JSON contract; kept in the store.
	Author string `json:"-"`
	// Scratch carries work one stage did for the stages after it in the
	// same run (the tokens and sentences of package text, under the key
	// "text"), so that they need not redo it. It is never stored or
	// serialised; a stage must work without it.
	Scratch map[string]any `json:"-"`
}

// Normalize fills nil slices with empty ones so the JSON record always has
// arrays, sets the extractor and computes the ID when it is empty.
func (d *Document) Normalize() {
	if d.Paragraphs == nil {
		d.Paragraphs = []string{}
	}
	if d.Boilerplate == nil {
		d.Boilerplate = []BoilerplateLine{}
	}
	if d.Entities == nil {
		d.Entities = []Entity{}
	}
	if d.Quotes == nil {
		d.Quotes = []Quote{}
	}
	if d.Events == nil {
		d.Events = []Event{}
	}
	if d.Extractor == "" {
		d.Extractor = ExtractorName()
	}
	if d.ID == "" {
		d.ID = DocumentID(d.Paragraphs, d.Title)
	}
}

// TitleText returns the title or "".
func (d *Document) TitleText() string { return deref(d.Title) }

// LanguageCode returns the language code or "".
func (d *Document) LanguageCode() string { return deref(d.Language) }

// Body returns the paragraphs joined by newlines.
func (d *Document) Body() string { return strings.Join(d.Paragraphs, "\n") }

// DocumentID derives the stable document ID from the body text: the first 16
// bytes of SHA-256 over the normalised paragraphs (Unicode NFKC, lower case,
// letters and digits only, one space between words), in hex. The same article
// crawled twice, with different furniture or whitespace, gets the same ID.
// A document without body text is identified by its title instead.
func DocumentID(paragraphs []string, title *string) string {
	h := sha256.New()
	n := 0
	for _, p := range paragraphs {
		if w := NormalizeText(p); w != "" {
			h.Write([]byte(w))
			h.Write([]byte{'\n'})
			n++
		}
	}
	if n == 0 {
		h.Write([]byte("title:" + NormalizeText(deref(title))))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// NormalizeText is the form in which texts are compared across newsgraph
// (document IDs, repeated lines, quotes): Unicode NFKC, lower case, letters,
// digits and combining marks only, one space between words.
func NormalizeText(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	return b.String()
}

// StringPtr returns a pointer to s, or nil when s is empty.
func StringPtr(s string) *string { return nullable(s) }

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ValidDate reports whether s is a real date written YYYY, YYYY-MM or
// YYYY-MM-DD, the forms of Published.Date and of every date filter.
func ValidDate(s string) bool {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = time.DateOnly
	default:
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (i == 4 || i == 7) && c == '-' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	_, err := time.Parse(layout, s)
	return err == nil
}
