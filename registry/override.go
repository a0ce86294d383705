// Package registry holds what the corpus-wide actor registry needs beside
// its store: the user's override file (ParseOverrides) and the reading of
// CAMEO-style actor codes (SplitCode, Explain, sector and country names)
// for the command line and the web pages.
//
// # Override file
//
// One actor per line:
//
//	NAME = CODE [FROM..TO]  # comment
//
// for example
//
//	# people the texts code wrongly or not at all
//	Jane Doe = ATLGOV 2025-01-20..    # in office since
//	Jane Doe = ATLOPP ..2025-01-19
//	Acme Shipping = KORBUS
//
// Blank lines and comments (from a # at the start of a line or after a
// space) are ignored. NAME is matched case-insensitively; runs of spaces in
// it count as one. CODE is a 3-letter country (ISO 3166 alpha-3) or
// international prefix (IGO, NGO, …) followed by none or more 3-letter
// sector codes (GOV, MIL, …); it is read in upper case. The optional date
// range bounds the time the code holds: FROM and TO are dates as YYYY,
// YYYY-MM or YYYY-MM-DD, both inclusive, and either may be left out
// ("2025-01-20.." is open-ended). One name may have several lines whose
// ranges do not overlap.
package registry

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Override is one line of the override file: the code an actor has,
// optionally only from From to To (inclusive dates as YYYY, YYYY-MM or
// YYYY-MM-DD; empty means unbounded).
type Override struct {
	Name, Code, From, To string
}

// Key is the registry key of the override's name: the name in lower case.
func (o Override) Key() string { return Key(o.Name) }

// Key is the registry key of an entity name: the name in lower case, as
// the store keys entities.
func Key(name string) string { return strings.ToLower(name) }

// Covers reports whether the override holds on a publication date of any
// precision ("2025", "2025-02", "2025-02-03"): whether the date's span
// meets the override's range. An undated document ("") is covered only by
// an override without a range.
func (o Override) Covers(date string) bool {
	if date == "" {
		return o.From == "" && o.To == ""
	}
	return (o.From == "" || !before(date, o.From)) && (o.To == "" || !before(o.To, date))
}

// String writes the override as a line of the file.
func (o Override) String() string {
	s := o.Name + " = " + o.Code
	if o.From != "" || o.To != "" {
		s += " " + o.From + ".." + o.To
	}
	return s
}

// before reports whether every day date a can mean comes before every day
// date b can mean: dates of different precision are compared on their
// common prefix, so "2025" is not before "2025-03".
func before(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

// maxLine bounds one line of an override file.
const maxLine = 64 << 10

// ParseOverrides reads an override file (see the package documentation).
// Its errors name the line: "line 3: no '=' between name and code".
func ParseOverrides(r io.Reader) ([]Override, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	var out []Override
	lines := []int{} // line number of each override, for overlap errors
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		o, ok, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if !ok {
			continue
		}
		for i, p := range out {
			if p.Key() == o.Key() && overlap(p, o) {
				return nil, fmt.Errorf("line %d: the dates of %q overlap those of line %d", n, o.Name, lines[i])
			}
		}
		out = append(out, o)
		lines = append(lines, n)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("line %d: longer than %d bytes", n+1, maxLine)
		}
		return nil, fmt.Errorf("read overrides: %w", err)
	}
	return out, nil
}

// parseLine parses one line; ok is false for a blank or comment line.
func parseLine(line string) (o Override, ok bool, err error) {
	if !utf8.ValidString(line) {
		return o, false, errors.New("not valid UTF-8")
	}
	line = stripComment(line)
	if strings.TrimSpace(line) == "" {
		return o, false, nil
	}
	i := strings.LastIndexByte(line, '=')
	if i < 0 {
		return o, false, errors.New("no '=' between name and code (want NAME = CODE [FROM..TO])")
	}
	o.Name = strings.Join(strings.Fields(line[:i]), " ")
	if o.Name == "" {
		return o, false, errors.New("no name before '='")
	}
	if strings.ContainsFunc(o.Name, unicode.IsControl) {
		return o, false, errors.New("control character in the name")
	}
	fields := strings.Fields(line[i+1:])
	switch len(fields) {
	case 0:
		return o, false, fmt.Errorf("no code after '=' for %q", o.Name)
	case 1, 2:
	default:
		return o, false, fmt.Errorf("%q after the code: want NAME = CODE [FROM..TO]", strings.Join(fields[2:], " "))
	}
	o.Code = strings.ToUpper(fields[0])
	if err := CheckCode(o.Code); err != nil {
		return o, false, err
	}
	if len(fields) == 2 {
		from, to, found := strings.Cut(fields[1], "..")
		if !found {
			return o, false, fmt.Errorf("date range %q: want FROM..TO, FROM.. or ..TO", fields[1])
		}
		if from == "" && to == "" {
			return o, false, errors.New("empty date range '..'")
		}
		for _, d := range []string{from, to} {
			if d != "" && !newsgraph.ValidDate(d) {
				return o, false, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)
			}
		}
		if from != "" && to != "" && before(to, from) {
			return o, false, fmt.Errorf("date range %s: %s is after %s", fields[1], from, to)
		}
		o.From, o.To = from, to
	}
	return o, true, nil
}

// stripComment cuts the line at a # that starts it or follows a space.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

// overlap reports whether the date ranges of a and b meet (empty bounds
// are open).
func overlap(a, b Override) bool {
	aStartsAfterB := a.From != "" && b.To != "" && before(b.To, a.From)
	bStartsAfterA := b.From != "" && a.To != "" && before(a.To, b.From)
	return !aStartsAfterB && !bStartsAfterA
}
