package kb

import "strings"

// matchSlot is the first entry of each index Match reads under one key.
type matchSlot struct {
	country    *Country // countryKey
	demonym    *Country // demonym
	org        *Org     // org
	agent      *Agent   // agent
	seat       *Country // seat
	seatSector string
}

// matchSlots returns one map of every key of the indexes Match reads,
// built on first use.
func (k *KB) matchSlots() map[string]matchSlot {
	k.slotsOnce.Do(func() {
		m := make(map[string]matchSlot, len(k.countryKey)+len(k.demonym)+len(k.org)+len(k.agent)+len(k.seat))
		for key, ids := range k.countryKey {
			if len(ids) > 0 {
				s := m[key]
				s.country = &k.Countries[ids[0]]
				m[key] = s
			}
		}
		for key, ids := range k.demonym {
			if len(ids) > 0 {
				s := m[key]
				s.demonym = &k.Countries[ids[0]]
				m[key] = s
			}
		}
		for key, ids := range k.org {
			if len(ids) > 0 {
				s := m[key]
				s.org = &k.Orgs[ids[0]]
				m[key] = s
			}
		}
		for key, i := range k.agent {
			s := m[key]
			s.agent = &k.Agents[i]
			m[key] = s
		}
		for key, refs := range k.seat {
			if len(refs) > 0 {
				s := m[key]
				s.seat, s.seatSector = &k.Countries[refs[0].country], refs[0].sector
				m[key] = s
			}
		}
		k.slots = m
	})
	return k.slots
}

// MatchKey is Match for a name whose Key the caller has already (key
// must be Key(name)): it reads one index of every key Match looks up,
// probed once or twice, where Match probes five.
func (k *KB) MatchKey(name, key string) Match {
	slots := k.matchSlots()
	s := slots[key]
	// Country, organisation and seat are looked up without a leading
	// "the", agents also without "a" or "an".
	stripped, bare := s, key
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(key, art) {
			bare = key[len(art):]
			stripped = slots[bare]
			break
		}
	}
	noThe := s
	if bare != key && key[0] == 't' {
		noThe = stripped
	}
	var m Match
	switch code := upperCode(name); {
	case code != "" && k.hasCountryCode(code):
		m.Country = &k.Countries[k.countryCode[code]]
	case !isShortToken(key):
		m.Country = noThe.country
	}
	m.Demonym = s.demonym
	switch {
	case isShortToken(key) && !isUpperInput(name):
	case noThe.org != nil:
		m.Org = noThe.org
	case hasDigit(stripThe(key)):
		m.Org = k.orgKeyed(name, key) // "G 20" for "G20": other spellings
	}
	m.Agent = s.agent
	if m.Agent == nil && bare != key {
		m.Agent = stripped.agent
	}
	m.Seat, m.SeatSector = noThe.seat, noThe.seatSector
	return m
}

// hasCountryCode reports whether code is a country code Country matches.
func (k *KB) hasCountryCode(code string) bool {
	_, ok := k.countryCode[code]
	return ok
}

// LookupKey is Lookup for a name whose Key the caller has already (key
// must be Key(name)), through MatchKey.
func (k *KB) LookupKey(name, key string) Entry {
	e := Entry{Match: k.MatchKey(name, key), Key: key}
	if ids := k.place[key]; len(ids) > 0 {
		e.Places = make([]*Place, len(ids))
		for i, id := range ids {
			e.Places[i] = &k.AllPlaces[id]
		}
	}
	if ids := k.person[key]; len(ids) > 0 {
		e.People = make([]*Person, len(ids))
		for i, id := range ids {
			e.People[i] = &k.AllPeople[id]
		}
	}
	return e
}

// HasPerson reports whether People finds someone under a name whose Key
// is key, without making the list.
func (k *KB) HasPerson(key string) bool { return len(k.person[key]) > 0 }
