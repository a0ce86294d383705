package kb

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// smallKB is a hand-built knowledge base for tests that need no data.
func smallKB() *KB {
	return New(
		[]Country{
			{ISO3: "KOR", ISO2: "KR", Name: "South Korea", Names: []string{"Republic of Korea", "ROK"}, Demonyms: []string{"South Korean"},
				Capitals: []string{"Seoul"}, Lat: 37, Lon: 127.5, Region: "Asia", Population: 51635256, GeonamesID: 1835841, Borders: []string{"PRK"}},
			{ISO3: "GEO", ISO2: "GE", Name: "Georgia", Demonyms: []string{"Georgian"}, Capitals: []string{"Tbilisi"},
				Lat: 42, Lon: 43.5, Region: "Asia", Population: 3731000, GeonamesID: 614540},
			{ISO3: "COD", ISO2: "CD", Name: "DR Congo", Demonyms: []string{"Congolese"}, Population: 84068091},
			{ISO3: "COG", ISO2: "CG", Name: "Republic of the Congo", Names: []string{"Congo"}, Demonyms: []string{"Congolese"}, Population: 5244363},
			{ISO3: "USA", ISO2: "US", Name: "United States", Names: []string{"USA", "America"}, Demonyms: []string{"American"},
				Capitals: []string{"Washington D.C."}, Population: 327167434},
		},
		[]Place{
			{GeonamesID: 1835848, Name: "Seoul", Country: "KOR", Admin1: "Seoul", Kind: KindCity, Lat: 37.566, Lon: 126.9784, Population: 10349312, Capital: true, Alt: []string{"Sŏul"}},
			{GeonamesID: 4197000, Name: "Georgia", Country: "USA", Admin1: "Georgia", Kind: KindAdmin1, Lat: 33.749, Lon: -84.38798, Population: 3456593},
			{GeonamesID: 9, Name: "Nowhere Region", Country: "GEO", Admin1: "Nowhere Region", Kind: KindAdmin1},
		},
		[]Person{
			{ID: "wikidata:Q21001", Name: "Moon Jae-in", Roles: []Role{
				{Code: "KORGOV", From: "2007-05-01", To: "2008-07-31"},
				{Code: "KORGOV", From: "2017-01-01", To: "2022-01-01", Title: "President of South Korea"}}},
			{ID: "petrarch:DONG_BIWU", Name: "Dong Biwu", Aliases: []string{"Tung Pi-wu"}, Roles: []Role{
				{Code: "CHNELI"}, {Code: "CHNGOV", From: "1968-10-31", To: "1972-02-24"}}},
		},
		[]Org{
			{ID: "petrarch:UNITED_NATIONS", Name: "United Nations", Aliases: []string{"UN"}, Code: "IGOUNO", Kind: OrgIGO},
			{ID: "hand:G20", Name: "G20", Aliases: []string{"Group of 20"}, Code: "IGOG20", Kind: OrgIGO},
			{ID: "petrarch:UN_FRONT", Name: "Un Front", Code: "XXXREB", Kind: OrgGroup},
		},
		[]Agent{{Phrase: "president", Sectors: []string{"GOV"}}, {Phrase: "rebels", Sectors: []string{"REB"}}},
		[]Cameo{{Code: "036", Name: "Express intent to meet or negotiate", Goldstein: 4}, {Code: "190", Name: "Use conventional military force", Goldstein: -10}},
	)
}

func TestSmallKB(t *testing.T) {
	k := smallKB()
	iso := func(c *Country) string {
		if c == nil {
			return ""
		}
		return c.ISO3
	}
	tests := []struct {
		what, got, want string
	}{
		{"Country(ROK)", iso(k.Country("ROK")), "KOR"},
		{"Country(rok)", iso(k.Country("rok")), ""},
		{"Country(KR)", iso(k.Country("KR")), "KOR"},
		{"Country(kr)", iso(k.Country("kr")), ""},
		{"Country(Congo)", iso(k.Country("Congo")), "COG"}, // a name beats nothing; "DR Congo" is another key
		{"Country(USA)", iso(k.Country("USA")), "USA"},
		{"Country(U.S.)", iso(k.Country("U.S.")), "USA"},
		{"Demonym(Congolese)", iso(k.Demonym("Congolese")), "COD"}, // the more populous
		{"Demonym(South Koreans)", iso(k.Demonym("South Koreans")), "KOR"},
		{"Capital(Seoul)", iso(k.Capital("Seoul")), "KOR"},
		{"Capital(the Kremlin)", iso(k.Capital("the Kremlin")), ""}, // no Russia in this KB
		{"Capital(Pentagon)", iso(k.Capital("Pentagon")), "USA"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.what, tt.got, tt.want)
		}
	}
	if _, s := k.Seat("Pentagon"); s != "MIL" {
		t.Errorf("Seat(Pentagon) sector %q", s)
	}
	if ps := k.Places("Sŏul"); len(ps) != 1 || ps[0].GeonamesID != 1835848 {
		t.Errorf("Places(Sŏul) = %v", ps)
	}
	if ps := k.Places("Soul"); len(ps) != 1 {
		t.Errorf("Places(Soul) = %v (the alternate name's key)", ps)
	}
	if ps := k.Places("Nowhere Region"); len(ps) != 1 || ps[0].HasCoords() {
		t.Errorf("Places(Nowhere Region) = %v", ps)
	}
	if o := k.Org("UN"); o == nil || o.Code != "IGOUNO" {
		t.Errorf("Org(UN) = %+v", o)
	}
	if o := k.Org("Un"); o != nil {
		t.Errorf("Org(Un) = %+v: short names match capitals only", o)
	}
	if o := k.Org("G-20"); o == nil || o.ID != "hand:G20" {
		t.Errorf("Org(G-20) = %+v", o)
	}
	dong := k.People("Tung Pi-wu")
	if len(dong) != 1 {
		t.Fatalf("People(Tung Pi-wu) = %v", dong)
	}
	roles := []struct{ date, want string }{
		{"1970", "CHNGOV"}, {"1970-05-05", "CHNGOV"}, {"1968-10", "CHNGOV"}, {"1968-09", "CHNELI"}, {"1990", "CHNELI"}, {"", "CHNGOV"},
	}
	for _, tt := range roles {
		if r := k.RoleAt(dong[0], tt.date); r == nil || r.Code != tt.want {
			t.Errorf("RoleAt(Dong Biwu, %q) = %+v, want %s", tt.date, r, tt.want)
		}
	}
	if a := k.Agent("The President"); a == nil || a.Sectors[0] != "GOV" {
		t.Errorf("Agent(The President) = %+v", a)
	}
	if c := k.CameoCode(" 036 "); c == nil || c.Goldstein != 4 {
		t.Errorf("CameoCode(036) = %+v", c)
	}
}

func TestWriteRead(t *testing.T) {
	k := smallKB()
	var b bytes.Buffer
	if err := k.Write(&b); err != nil {
		t.Fatal(err)
	}
	k2, err := Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"countries", k2.Countries, k.Countries}, {"places", k2.AllPlaces, k.AllPlaces}, {"people", k2.AllPeople, k.AllPeople},
		{"orgs", k2.Orgs, k.Orgs}, {"agents", k2.Agents, k.Agents}, {"cameo", k2.Cameo, k.Cameo},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ after Write and Read:\n got %+v\nwant %+v", c.name, c.got, c.want)
		}
	}
	var b2 bytes.Buffer
	if err := k2.Write(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("Write(Read(Write(k))) differs from Write(k)")
	}
	if c := k2.Country("ROK"); c == nil || c.ISO3 != "KOR" {
		t.Errorf("the read KB is not indexed: Country(ROK) = %v", c)
	}
}

func TestReadCorrupt(t *testing.T) {
	var b bytes.Buffer
	if err := smallKB().Write(&b); err != nil {
		t.Fatal(err)
	}
	good := b.Bytes()
	flip := bytes.Clone(good)
	flip[len(flip)/2] ^= 0xff
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"magic only", []byte("NGKB")},
		{"wrong magic", append([]byte("NGNE"), good[4:]...)},
		{"future version", append([]byte("NGKB\x02"), good[5:]...)},
		{"truncated", good[:len(good)-7]},
		{"flipped byte", flip},
		{"garbage frame", []byte("NGKB\x01\x28\xb5\x2f\xfd\x00\x00\x00\x00")},
	}
	for _, tt := range tests {
		k, err := Read(bytes.NewReader(tt.in))
		if err == nil || k != nil {
			t.Errorf("%s: Read succeeded", tt.name)
			continue
		}
		if !errors.Is(err, ErrFormat) {
			t.Errorf("%s: error %v does not wrap ErrFormat", tt.name, err)
		}
	}
}

// FuzzRead feeds Read arbitrary bytes and mutated KB files: it must return
// an error or a usable KB, never panic.
func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if err := smallKB().Write(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("NGKB\x01"))
	f.Add([]byte{})
	// An uncompressed payload of huge counts inside a valid frame.
	var e encoder
	e.uvarint(1 << 40)
	f.Add(frame(e.b))
	e = encoder{}
	e.uvarint(1)
	e.str("KOR")
	e.uvarint(1 << 50)
	f.Add(frame(e.b))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, c := range k.Countries {
			k.Country(c.Name)
			k.Demonym(c.Name)
			k.Seat(c.Name)
		}
		for i := range k.AllPeople {
			k.RoleAt(&k.AllPeople[i], "2022")
		}
		for _, p := range k.AllPlaces {
			k.Places(p.Name)
		}
		for _, o := range k.Orgs {
			k.Org(o.Name)
		}
		var out bytes.Buffer
		if err := k.Write(&out); err != nil {
			t.Fatal(err)
		}
	})
}

// frame wraps a raw payload in a KB file header and a zstd frame.
func frame(payload []byte) []byte {
	var b bytes.Buffer
	b.WriteString(fileMagic)
	b.WriteByte(fileVersion)
	zw, _ := newEncoder()
	defer zw.Close()
	return zw.EncodeAll(payload, b.Bytes())
}

// BenchmarkLoad measures loading the embedded knowledge base: decompress,
// decode and index (what Default does once).
func BenchmarkLoad(b *testing.B) {
	if len(embedded) == 0 {
		b.Skip("no embedded knowledge base")
	}
	b.SetBytes(int64(len(embedded)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
