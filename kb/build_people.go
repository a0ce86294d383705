package kb

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readLeaders reads leaders/wikidata.csv (heads of state and government
// with start and end years) and merges each PETRARCH person with the
// Wikidata person of the same name and country.
func (b *builder) readLeaders(context.Context) error {
	data, err := b.read(srcLeaders)
	if err != nil {
		return err
	}
	cr := csv.NewReader(bytes.NewReader(bytesTrimBOM(data)))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("read %s: %w", srcLeaders, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	for _, h := range []string{"country", "position", "positionLabel", "officeholder", "officeholderLabel", "start_year", "end_year"} {
		if _, ok := col[h]; !ok {
			return fmt.Errorf("read %s: no column %q", srcLeaders, h)
		}
	}
	type tenure struct {
		person   *Person
		role     int
		position string
		start    string
		end      string
	}
	var tenures []tenure
	byID := map[string]*Person{}
	var wiki []*Person
	skipped := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", srcLeaders, err)
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		qid, label := get("officeholder"), get("officeholderLabel")
		iso := b.countryKeys[stripThe(Key(get("country")))]
		if iso == "" || qid == "" || label == "" || isQID(label) {
			skipped++
			continue
		}
		start, end := get("start_year"), get("end_year")
		r := Role{Code: iso + "GOV", Title: capitalizeFirst(get("positionLabel"))}
		if y, ok := year(start); ok {
			r.From = y + "-01-01"
		}
		if y, ok := year(end); ok {
			r.To = y + "-12-31"
		}
		id := "wikidata:" + qid
		p := byID[id]
		if p == nil {
			p = &Person{ID: id, Name: label}
			byID[id] = p
			wiki = append(wiki, p)
		}
		if slices.Contains(p.Roles, r) {
			continue
		}
		p.Roles = append(p.Roles, r)
		tenures = append(tenures, tenure{p, len(p.Roles) - 1, get("country") + "|" + get("position"), start, end})
	}
	// A holder's last year, when a successor in the same office started
	// that year, ends on its first day: the day belongs to the successor.
	for _, t := range tenures {
		if t.end == "" {
			continue
		}
		for _, u := range tenures {
			if u.person != t.person && u.position == t.position && u.start == t.end {
				t.person.Roles[t.role].To = t.end + "-01-01"
				break
			}
		}
	}
	if skipped > 0 {
		b.log.Debug("kb: Wikidata leaders without a known country or name skipped", "rows", skipped)
	}
	b.mergePeople(wiki)
	return nil
}

// mergePeople folds each PETRARCH person into the one Wikidata person with
// the same name key and a role in the same country, then adds the
// Wikidata people.
func (b *builder) mergePeople(wiki []*Person) {
	byKey := map[string][]*Person{}
	for _, w := range wiki {
		k := Key(w.Name)
		byKey[k] = append(byKey[k], w)
	}
	for i, p := range b.people {
		var match *Person
		n := 0
		for _, nm := range append([]string{p.Name}, p.Aliases...) {
			for _, w := range byKey[Key(nm)] {
				if w == match {
					continue
				}
				if shareCountry(w.Roles, p.Roles) {
					match = w
					n++
				}
			}
		}
		if n != 1 {
			continue
		}
		for _, nm := range append([]string{p.Name}, p.Aliases...) {
			match.Aliases, _ = addName(match.Aliases, Key(match.Name), nm)
		}
		for _, r := range p.Roles {
			match.Roles = addRole(match.Roles, r)
		}
		b.people[i] = nil
	}
	b.people = append(b.people, wiki...)
	for _, p := range b.people {
		if p != nil {
			sortRoles(p.Roles)
		}
	}
}

// isQID reports whether s is a bare Wikidata ID ("Q27146606"): a label
// Wikidata did not have.
func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	_, err := strconv.Atoi(s[1:])
	return err == nil
}

// year validates a four-digit year.
func year(s string) (string, bool) {
	if len(s) != 4 {
		return "", false
	}
	if _, err := strconv.Atoi(s); err != nil {
		return "", false
	}
	return s, true
}

// capitalizeFirst upper-cases the first letter: "monarch of Tonga" →
// "Monarch of Tonga".
func capitalizeFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
