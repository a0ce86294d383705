package kb

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/klauspost/compress/zstd"
)

// File format. A KB file is the magic "NGKB", a format version (one
// unsigned varint), then one zstd frame holding the payload: six sections
// (countries, places, people, organisations, agents, CAMEO codes), each a
// count and its records. Strings are a length and UTF-8 bytes; numbers are
// varints; coordinates are varints of 1e-5 degrees; Goldstein values are
// IEEE 754 bits. The payload ends with the magic again, so a truncated
// payload is an error. Everything is written in the KB's slice order,
// which Build makes canonical, so the same KB gives the same bytes.
const (
	fileMagic   = "NGKB"
	fileVersion = 1
	// maxPayload bounds the decompressed payload (the real one is ~5 MB).
	maxPayload = 64 << 20
)

// ErrFormat is wrapped by every error Read returns for input that is not a
// KB file of a supported version.
var ErrFormat = errors.New("kb: not a knowledge-base file")

// Write writes the KB as one compact binary file (see the file format
// above). The output depends only on the KB's contents.
func (k *KB) Write(w io.Writer) error {
	for _, c := range []struct {
		what     string
		n, limit int
	}{
		{"countries", len(k.Countries), maxCountries}, {"places", len(k.AllPlaces), maxPlaces},
		{"people", len(k.AllPeople), maxPeople}, {"organisations", len(k.Orgs), maxOrgs},
		{"agents", len(k.Agents), maxAgents}, {"CAMEO codes", len(k.Cameo), maxCameo},
	} {
		if c.n > c.limit {
			return fmt.Errorf("write kb: %d %s, more than the format's %d", c.n, c.what, c.limit)
		}
	}
	var e encoder
	e.uvarint(uint64(len(k.Countries)))
	for i := range k.Countries {
		c := &k.Countries[i]
		e.str(c.ISO3)
		e.str(c.ISO2)
		e.str(c.Name)
		e.strs(c.Names)
		e.strs(c.Demonyms)
		e.strs(c.Capitals)
		e.coord(c.Lat)
		e.coord(c.Lon)
		e.str(c.Region)
		e.uvarint(uint64(max(c.Population, 0)))
		e.uvarint(uint64(max(c.GeonamesID, 0)))
		e.strs(c.Borders)
	}
	e.uvarint(uint64(len(k.AllPlaces)))
	for i := range k.AllPlaces {
		p := &k.AllPlaces[i]
		e.uvarint(uint64(max(p.GeonamesID, 0)))
		e.str(p.Name)
		e.str(p.Country)
		e.str(p.Admin1)
		e.str(p.Kind)
		e.coord(p.Lat)
		e.coord(p.Lon)
		e.uvarint(uint64(max(p.Population, 0)))
		e.bool(p.Capital)
		e.strs(p.Alt)
	}
	e.uvarint(uint64(len(k.AllPeople)))
	for i := range k.AllPeople {
		p := &k.AllPeople[i]
		e.str(p.ID)
		e.str(p.Name)
		e.strs(p.Aliases)
		e.uvarint(uint64(len(p.Roles)))
		for _, r := range p.Roles {
			e.str(r.Code)
			e.str(r.From)
			e.str(r.To)
			e.str(r.Title)
		}
	}
	e.uvarint(uint64(len(k.Orgs)))
	for i := range k.Orgs {
		o := &k.Orgs[i]
		e.str(o.ID)
		e.str(o.Name)
		e.strs(o.Aliases)
		e.str(o.Code)
		e.str(o.Kind)
		e.str(o.Country)
	}
	e.uvarint(uint64(len(k.Agents)))
	for i := range k.Agents {
		e.str(k.Agents[i].Phrase)
		e.strs(k.Agents[i].Sectors)
	}
	e.uvarint(uint64(len(k.Cameo)))
	for i := range k.Cameo {
		c := &k.Cameo[i]
		e.str(c.Code)
		e.str(c.Name)
		e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(c.Goldstein))
		e.str(c.Description)
	}
	e.b = append(e.b, fileMagic...)

	zw, err := newEncoder()
	if err != nil {
		return fmt.Errorf("write kb: %w", err)
	}
	defer zw.Close()
	out := append([]byte(fileMagic), binary.AppendUvarint(nil, fileVersion)...)
	out = zw.EncodeAll(e.b, out)
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write kb: %w", err)
	}
	return nil
}

// newEncoder returns the zstd encoder of KB files: best compression, one
// goroutine, so the output is the same on every machine.
func newEncoder() (*zstd.Encoder, error) {
	return zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
}

// encoder appends the payload.
type encoder struct{ b []byte }

func (e *encoder) uvarint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) coord(x float64) { e.b = binary.AppendVarint(e.b, int64(math.Round(x*coordScale))) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// Read reads a KB written by Write and indexes it. Corrupt or truncated
// input gives an error wrapping ErrFormat (or the reader's error), never a
// panic.
func Read(r io.Reader) (*KB, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxPayload+1))
	if err != nil {
		return nil, fmt.Errorf("read kb: %w", err)
	}
	return decodeFile(raw)
}

// decodeFile parses a whole KB file.
func decodeFile(raw []byte) (*KB, error) {
	if !bytes.HasPrefix(raw, []byte(fileMagic)) {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	v, n := binary.Uvarint(raw[len(fileMagic):])
	if n <= 0 {
		return nil, fmt.Errorf("%w: bad version", ErrFormat)
	}
	if v != fileVersion {
		return nil, fmt.Errorf("%w: version %d, this build reads version %d", ErrFormat, v, fileVersion)
	}
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxPayload))
	if err != nil {
		return nil, fmt.Errorf("read kb: %w", err)
	}
	defer zr.Close()
	payload, err := zr.DecodeAll(raw[len(fileMagic)+n:], nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	d := decoder{s: string(payload)}
	k, err := d.kb()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return k, nil
}

// decoder reads the payload. It keeps the first error and then returns
// zero values, so record loops need not check every field; counts are
// bounded by the bytes left, so corrupt input cannot make it allocate
// much.
type decoder struct {
	s   string
	off int
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("corrupt %s at byte %d", what, d.off)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	var s uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if d.off >= len(d.s) {
			d.fail("number")
			return 0
		}
		c := d.s[d.off]
		d.off++
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				d.fail("number")
				return 0
			}
			return x | uint64(c)<<s
		}
		x |= uint64(c&0x7f) << s
		s += 7
	}
	d.fail("number")
	return 0
}

// count reads a record count: at most limit, and each record takes at
// least minBytes of what is left, so corrupt counts cannot make the
// decoder allocate much more than the payload.
func (d *decoder) count(minBytes, limit int) int {
	n := d.uvarint()
	if d.err == nil && (n > uint64(limit) || n > uint64((len(d.s)-d.off)/minBytes)) {
		d.fail("count")
		return 0
	}
	return int(n)
}

// Section limits, far above the real counts (250 countries, 37,000 places,
// 19,000 people, 7,000 organisations, 5,000 agents, 312 codes).
const (
	maxCountries = 10_000
	maxPlaces    = 500_000
	maxPeople    = 500_000
	maxOrgs      = 200_000
	maxAgents    = 200_000
	maxCameo     = 10_000
	maxList      = 100_000
	maxRoles     = 10_000
)

func (d *decoder) int() int {
	x := d.uvarint()
	if x > math.MaxInt32 {
		d.fail("number")
		return 0
	}
	return int(x)
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)-d.off) {
		d.fail("string")
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *decoder) strs() []string {
	n := d.count(1, maxList)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) coord() float64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return float64(x) / coordScale
}

func (d *decoder) bool() bool {
	switch d.uvarint() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("flag")
	return false
}

func (d *decoder) float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.s)-d.off < 8 {
		d.fail("float")
		return 0
	}
	x := math.Float64frombits(binary.LittleEndian.Uint64([]byte(d.s[d.off : d.off+8])))
	d.off += 8
	return x
}

// kb decodes the sections and indexes the result.
func (d *decoder) kb() (*KB, error) {
	countries := make([]Country, d.count(12, maxCountries))
	for i := range countries {
		countries[i] = Country{ISO3: d.str(), ISO2: d.str(), Name: d.str(), Names: d.strs(), Demonyms: d.strs(),
			Capitals: d.strs(), Lat: d.coord(), Lon: d.coord(), Region: d.str(), Population: d.int(),
			GeonamesID: d.int(), Borders: d.strs()}
	}
	places := make([]Place, d.count(10, maxPlaces))
	for i := range places {
		places[i] = Place{GeonamesID: d.int(), Name: d.str(), Country: d.str(), Admin1: d.str(), Kind: d.str(),
			Lat: d.coord(), Lon: d.coord(), Population: d.int(), Capital: d.bool(), Alt: d.strs()}
	}
	people := make([]Person, d.count(4, maxPeople))
	for i := range people {
		people[i] = Person{ID: d.str(), Name: d.str(), Aliases: d.strs()}
		if n := d.count(4, maxRoles); n > 0 {
			roles := make([]Role, n)
			for j := range roles {
				roles[j] = Role{Code: d.str(), From: d.str(), To: d.str(), Title: d.str()}
			}
			people[i].Roles = roles
		}
	}
	orgs := make([]Org, d.count(6, maxOrgs))
	for i := range orgs {
		orgs[i] = Org{ID: d.str(), Name: d.str(), Aliases: d.strs(), Code: d.str(), Kind: d.str(), Country: d.str()}
	}
	agents := make([]Agent, d.count(2, maxAgents))
	for i := range agents {
		agents[i] = Agent{Phrase: d.str(), Sectors: d.strs()}
	}
	cameo := make([]Cameo, d.count(11, maxCameo))
	for i := range cameo {
		cameo[i] = Cameo{Code: d.str(), Name: d.str(), Goldstein: d.float(), Description: d.str()}
	}
	if d.err == nil && d.s[d.off:] != fileMagic {
		d.fail("end of file")
	}
	if d.err != nil {
		return nil, d.err
	}
	return New(countries, places, people, orgs, agents, cameo), nil
}
