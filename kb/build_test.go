package kb

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
)

// dataDir is the shared data directory, relative to this package.
const dataDir = "../../shared/data"

// TestEmbeddedUpToDate rebuilds the knowledge base from ../shared/data and
// compares the bytes with the embedded file; -update rewrites the file.
func TestEmbeddedUpToDate(t *testing.T) {
	if _, err := os.Stat(filepath.Join(dataDir, srcCities)); err != nil {
		t.Skipf("the shared data is absent (it lives in ../shared/data): %v", err)
	}
	k, err := Build(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := k.Write(&b); err != nil {
		t.Fatal(err)
	}
	if golden.Updating() {
		if err := os.WriteFile(filepath.Join("data", "kb.bin.zst"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b.Bytes(), embedded) {
		t.Fatalf("the embedded kb/data/kb.bin.zst (%d bytes) is not what Build makes from %s (%d bytes): "+
			"run `go run ./cmd/newsgraph kb build` (or this test with -update)", len(embedded), dataDir, b.Len())
	}
	// Twice the same bytes: nothing depends on map order or time.
	k2, err := Build(context.Background(), dataDir)
	if err != nil {
		t.Fatal(err)
	}
	var b2 bytes.Buffer
	if err := k2.Write(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Fatal("two builds differ")
	}
	if b.Len() > 5<<20 {
		t.Errorf("the knowledge base is %d bytes, over the 5 MB budget", b.Len())
	}
}

func TestBuildMissingData(t *testing.T) {
	_, err := Build(context.Background(), t.TempDir())
	if err == nil {
		t.Fatal("Build of an empty directory succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, dataDir); err == nil {
		t.Fatal("Build with a cancelled context succeeded")
	}
}

func TestParseCode(t *testing.T) {
	tests := []struct {
		in             string
		code, from, to string
		ok             bool
	}{
		{"CHNGOV >20121115", "CHNGOV", "2012-11-15", "", true},
		{"KORGOV 070501-080731", "KORGOV", "2007-05-01", "2008-07-31", true},
		{"AFGELI 320101-331108", "AFGELI", "1932-01-01", "1933-11-08", true},
		{"CHNELI 19110101-681031", "CHNELI", "1911-01-01", "1968-10-31", true},
		{"USRGEO <910409", "USRGEO", "", "1991-04-09", true},
		{"GEO > 911221", "GEO", "1991-12-21", "", true},
		{"AFGELI", "AFGELI", "", "", true},
		{"TMPGOV >20020520", "TLSGOV", "2002-05-20", "", true}, // CAMEO's East Timor is ISO TLS
		{"ANGREB", "AGOREB", "", "", true},
		{"SUN", "RUS", "", "", true},
		{"KORGOVBUS 2004017-20061201", "KORGOVBUS", "", "", false}, // 7 digits
		{"XXXGOV 990231-000101", "XXXGOV", "", "", false},          // 31 February
		{"---", "", "", "", false},
		{"s", "", "", "", false},
		{"", "", "", "", false},
	}
	for _, tt := range tests {
		c, ok := parseCode(tt.in)
		if ok != tt.ok || ok && (c.code != tt.code || c.from != tt.from || c.to != tt.to) {
			t.Errorf("parseCode(%q) = %+v %v, want %s %s %s %v", tt.in, c, ok, tt.code, tt.from, tt.to, tt.ok)
		}
	}
}

func TestParseActors(t *testing.T) {
	src := `# header comment
CHINA_  [CHN]
+CHINESE_
+PEOPLE'S_REPUBLIC_OF_CHINA

XI_JINPING
+PRESIDENT_XI_JINPING
	[CHNGOV >20121115]
DONG_BIWU_  # CountryInfo.txt
	[CHNGOV 681031-720224]
	[CHNELI]
ANN_VENEMAN_	[USAGOV 010120-050120] [IGOUNOKID >050501]# comment
JOHN_J MCCLOY_
	JOHN_MCCLOY_	[IGOUNODEVWBK 470301-490630]
`
	es := parseActors([]byte(src))
	want := []struct {
		names []string
		codes int
	}{
		{[]string{"CHINA", "CHINESE", "PEOPLE'S_REPUBLIC_OF_CHINA"}, 1},
		{[]string{"XI_JINPING", "PRESIDENT_XI_JINPING"}, 1},
		{[]string{"DONG_BIWU"}, 2},
		{[]string{"ANN_VENEMAN"}, 2},
		{[]string{"JOHN_J_MCCLOY", "JOHN_MCCLOY"}, 1},
	}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(es), len(want), es)
	}
	for i, w := range want {
		if !equalStrings(es[i].names, w.names) || len(es[i].codes) != w.codes {
			t.Errorf("entry %d = %+v, want %v with %d codes", i, es[i], w.names, w.codes)
		}
	}
	if es[2].comment != "CountryInfo.txt" {
		t.Errorf("comment %q", es[2].comment)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAgentRules(t *testing.T) {
	plurals := []struct{ in, want string }{
		{"SOLDIER", "SOLDIERS"}, {"COMPANY", "COMPANIES"}, {"ATTORNEY", "ATTORNEYS"}, {"BUS", "BUSES"},
		{"CHAIRMAN", "CHAIRMEN"}, {"PRIME MINISTER", "PRIME MINISTERS"}, {"CHURCH", "CHURCHES"},
	}
	for _, tt := range plurals {
		if got := regularPlural(tt.in); got != tt.want {
			t.Errorf("regularPlural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	sectors := []struct {
		in   string
		want []string
	}{
		{"~GOV", []string{"GOV"}}, {"~GOVMIL", []string{"GOV", "MIL"}}, {"NGO~", []string{"NGO"}}, {" ~MIL ", []string{"MIL"}},
		{"~gov", nil},
	}
	for _, tt := range sectors {
		if got := agentSectors(tt.in); !equalStrings(got, tt.want) {
			t.Errorf("agentSectors(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		raw   string
		style int
		want  string
	}{
		{"XI_JINPING", stylePerson, "Xi Jinping"},
		{"JEAN-MARIE_LE_PEN", stylePerson, "Jean-Marie le Pen"},
		{"CHARLES_III", stylePerson, "Charles III"},
		{"ROBERT_MCNAMARA", stylePerson, "Robert McNamara"},
		{"CONAN_O'BRIEN", stylePerson, "Conan O'Brien"},
		{"NATO", styleOrg, "NATO"},
		{"UNITED_NATIONS", styleOrg, "United Nations"},
		{"ORGANIZATION_OF_AMERICAN_STATES", styleOrg, "Organization of American States"},
		{"ROK", stylePerson, "ROK"},
		{"U.S.", stylePerson, "U.S."},
		{"S.KOREA", stylePlace, "S.Korea"},
		{"REPUBLIC_OF_GEORGIA", stylePlace, "Republic of Georgia"},
		{"KOREA_(SOUTH)", stylePlace, "Korea (South)"},
	}
	for _, tt := range tests {
		if got := smartCase(tt.raw, tt.style); got != tt.want {
			t.Errorf("smartCase(%q, %v) = %q, want %q", tt.raw, tt.style, got, tt.want)
		}
	}
	initials := []struct {
		code, name string
		want       bool
	}{
		{"ROK", "Republic of Korea", true}, {"PRC", "People's Republic of China", true}, {"DPRK", "Democratic People's Republic of Korea", true},
		{"US", "United States", true}, {"GOBI", "People's Republic of China", false}, {"DC", "United States", false},
	}
	for _, tt := range initials {
		if got := matchesInitials(tt.code, tt.name); got != tt.want {
			t.Errorf("matchesInitials(%q, %q) = %v", tt.code, tt.name, got)
		}
	}
}

func TestRepairMacRoman(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Moscow\x82\xc4\xf4s will", "Moscow’s will"},
		{"coded as \x82\xc4\xf2Apologize\x82\xc4\xf4", "coded as ‘Apologize’"},
		{"there\x82\xc4\xf9 to", "there” to"},
		{"\x82\xc4\xfaall", "“all"},
		{"yield\x82\xc4\xeerather", "yield—rather"},
		{"etc.\x82\xc4\xecis", "etc.–is"},
		{"more than \xac\xa312m", "more than £12m"},
		{"Ankara\x82\xc4\xf4s C\xac? ankaya district", "Ankara’s Çankaya district"},
		{"plain ASCII", "plain ASCII"},
		{"already UTF-8: São", "already UTF-8: São"},
	}
	for _, tt := range tests {
		if got := string(repairMacRoman([]byte(tt.in))); got != tt.want {
			t.Errorf("repairMacRoman(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCompassVariants(t *testing.T) {
	b := &builder{countryKeys: map[string]string{"australia": "AUS"}, placeKeys: map[string]bool{"virginia": true}}
	tests := []struct {
		in   string
		want []string
	}{
		{"Western Darfur", []string{"West Darfur", "Darfur"}},
		{"North Kordofan", []string{"Northern Kordofan", "Kordofan"}},
		{"Central Darfur", []string{"Darfur"}},
		{"West Virginia", []string{"Western Virginia"}},   // "Virginia" is a place of its own
		{"Western Australia", []string{"West Australia"}}, // and "Australia" a country
		{"Northern Province", []string{"North Province"}}, // "Province" is no stem
		{"East Java", []string{"Eastern Java"}},           // too short a stem
		{"Darfur", nil}, {"Northland", nil},
	}
	for _, tt := range tests {
		if got := b.compassVariants(tt.in); !equalStrings(got, tt.want) {
			t.Errorf("compassVariants(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
