package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/kb"
)

func runKB(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stdout, "Usage: newsgraph kb build [--from ../shared/data] [--out kb/data/kb.bin.zst]\n"+
			"       newsgraph kb lookup [--kb FILE] NAME...\n\n"+
			"build:  reads countries, GeoNames, Wikidata leaders, the PETRARCH2 dictionaries and the CAMEO\n"+
			"        codebook under --from and writes the compact knowledge-base file (byte-identical every run).\n"+
			"lookup: prints, as JSON, everything the knowledge base knows under a name: country, demonym,\n"+
			"        seat of government, places, people (with the role held today), organisation, agent title.\n"+
			"The embedded knowledge base is used unless --kb is given.\n")
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	switch args[0] {
	case "build":
		return kbBuild(ctx, e, args[1:])
	case "lookup":
		return kbLookup(ctx, e, args[1:])
	}
	return fmt.Errorf("unknown kb command %q (build or lookup)", args[0])
}

func kbBuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "kb build", "", "Builds the knowledge-base file from the shared data directory.")
	from := fs.String("from", "../shared/data", "data directory (countries/, geonames/, leaders/, petrarch2/, cameo/)")
	out := fs.String("out", "kb/data/kb.bin.zst", "knowledge-base file to write")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	start := time.Now()
	k, err := kb.Build(ctx, *from)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := k.Write(&buf); err != nil {
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "kb build: %d countries, %d places, %d people, %d organisations, %d agent phrases, %d CAMEO codes; %s (%d bytes) in %s\n",
		len(k.Countries), len(k.AllPlaces), len(k.AllPeople), len(k.Orgs), len(k.Agents), len(k.Cameo),
		*out, buf.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// kbMatch is everything the knowledge base knows under one name.
type kbMatch struct {
	Query      string      `json:"query"`
	Key        string      `json:"key"`
	Country    *kb.Country `json:"country,omitempty"`
	Demonym    *kb.Country `json:"demonym,omitempty"`
	Seat       *kbSeat     `json:"seat,omitempty"`
	Places     []*kb.Place `json:"places,omitempty"`
	People     []kbPerson  `json:"people,omitempty"`
	Org        *kb.Org     `json:"org,omitempty"`
	Agent      *kb.Agent   `json:"agent,omitempty"`
	Cameo      *kb.Cameo   `json:"cameo,omitempty"`
	Matched    bool        `json:"matched"`
	PlaceCount int         `json:"place_count,omitempty"`
}

type kbSeat struct {
	Country string `json:"country"`
	Name    string `json:"name"`
	Sector  string `json:"sector"`
}

type kbPerson struct {
	*kb.Person
	Current *kb.Role `json:"current,omitempty"`
}

// kbMaxPlaces bounds the places printed per name ("San José" has dozens).
const kbMaxPlaces = 10

func kbLookup(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "kb lookup", "NAME...", "Prints what the knowledge base knows under each NAME, as JSON.")
	file := fs.String("kb", "", "knowledge-base file (default: the embedded one)")
	date := fs.String("date", time.Now().UTC().Format("2006-01-02"), "date for the people's current role (YYYY, YYYY-MM or YYYY-MM-DD)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return errUsage
	}
	k, err := loadKB(*file)
	if err != nil {
		return err
	}
	var out []kbMatch
	for _, name := range pos {
		m := kbMatch{Query: name, Key: kb.Key(name), Country: k.Country(name), Demonym: k.Demonym(name),
			Org: k.Org(name), Agent: k.Agent(name), Cameo: k.CameoCode(name)}
		if c, sector := k.Seat(name); c != nil {
			m.Seat = &kbSeat{Country: c.ISO3, Name: c.Name, Sector: sector}
		}
		m.Places = k.Places(name)
		if len(m.Places) > kbMaxPlaces {
			m.PlaceCount = len(m.Places)
			m.Places = m.Places[:kbMaxPlaces]
		}
		for _, p := range k.People(name) {
			m.People = append(m.People, kbPerson{Person: p, Current: k.RoleAt(p, *date)})
		}
		m.Matched = m.Country != nil || m.Demonym != nil || m.Seat != nil || len(m.Places) > 0 || len(m.People) > 0 ||
			m.Org != nil || m.Agent != nil || m.Cameo != nil
		out = append(out, m)
	}
	if err := printJSON(e.stdout, out); err != nil {
		return err
	}
	for _, m := range out {
		if !m.Matched {
			fmt.Fprintf(e.stderr, "kb lookup: nothing known under %q\n", strings.TrimSpace(m.Query))
		}
	}
	return nil
}

func loadKB(path string) (*kb.KB, error) {
	if path == "" {
		return kb.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open kb: %w", err)
	}
	defer f.Close()
	k, err := kb.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}
