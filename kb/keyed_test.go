package kb

import (
	"reflect"
	"strings"
	"testing"
)

// TestMatchKey checks MatchKey, LookupKey and HasPerson against Match,
// Places and People on every key of the embedded knowledge base's
// indexes (and a sample of people), as written and in the forms news text
// gives them (capitalised, upper case, with "the" or
// "a", with digits split or joined).
func TestMatchKey(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Skipf("no embedded knowledge base: %v", err)
	}
	var names []string
	add := func(key string) {
		names = append(names, key, strings.ToUpper(key), capitalise(key), "the "+key, "The "+key, "a "+key, "an "+key)
	}
	for key := range k.matchSlots() {
		add(key)
	}
	for key := range k.countryCode {
		add(key)
	}
	for i, p := range k.AllPeople {
		if i%20 == 0 {
			names = append(names, p.Name)
		}
	}
	names = append(names, []string{"", "U.S.", "US", "us", "UN", "un", "G20", "G-20", "g 20", "Group of 20", "the", "The", "a",
		"South Korean", "president", "The President", "the Kremlin", "White House", "Beijing", "TV", "Paris", "Xi Jinping",
		"São Paulo", "Łódź", "Côte d'Ivoire", "prime minister", "an official", "The Netherlands", "company"}...)
	for _, n := range names {
		key := Key(n)
		if got, want := k.MatchKey(n, key), k.Match(n); got != want {
			t.Fatalf("MatchKey(%q) = %+v, want %+v", n, got, want)
		}
		if got, want := k.HasPerson(key), len(k.People(n)) > 0; got != want {
			t.Fatalf("HasPerson(%q) = %v, want %v", key, got, want)
		}
		got := k.LookupKey(n, key)
		if want := (Entry{Match: k.Match(n), Key: key, Places: k.Places(n), People: k.People(n)}); !reflect.DeepEqual(got, want) {
			t.Fatalf("LookupKey(%q) = %+v, want %+v", n, got, want)
		}
	}
	if len(names) < 1000 {
		t.Fatalf("only %d names checked", len(names))
	}
}

// capitalise capitalises the first letter of every word of an ASCII key.
func capitalise(key string) string {
	b := []byte(key)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// TestCountryWord checks that every word of the keys Country and Demonym
// find names by is a CountryWord, and that common words are not.
func TestCountryWord(t *testing.T) {
	k, err := Default()
	if err != nil {
		t.Skipf("no embedded knowledge base: %v", err)
	}
	for _, ix := range []index{k.countryKey, k.demonym} {
		for key := range ix {
			for _, w := range strings.Fields(key) {
				if !k.CountryWord(w) {
					t.Fatalf("CountryWord(%q) = false, a word of %q", w, key)
				}
			}
		}
	}
	for _, w := range []string{"south", "korea", "chinese", "united", "states"} {
		if !k.CountryWord(w) {
			t.Errorf("CountryWord(%q) = false", w)
		}
	}
	for _, w := range []string{"company", "said", "", "South"} {
		if k.CountryWord(w) {
			t.Errorf("CountryWord(%q) = true", w)
		}
	}
}

func TestMacroRegion(t *testing.T) {
	for key, want := range map[string]bool{"the west": true, "west": true, "middle east": true, "the gulf": true,
		"west bengal": false, "bali": false, "gulf province": false} {
		if got := MacroRegion(key); got != want {
			t.Errorf("MacroRegion(%q) = %v, want %v", key, got, want)
		}
	}
}
