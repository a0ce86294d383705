package newsgraph

// ActorQuery lists actors of the corpus-wide registry. Empty fields do not
// filter.
type ActorQuery struct {
	// Country is an ISO 3166 alpha-3 code: actors whose settled code is of
	// that country.
	Country string
	// Code is a prefix of the settled code ("KOR", "KORGOV").
	Code string
	// Type is an entity type (PERSON, ORG, GPE, LOC, MISC).
	Type string
	// Query is a substring of the name, compared case-insensitively.
	Query string
	// Limit bounds the actors returned (0 means the store's default);
	// Offset skips the first ones. Actors come most documents first.
	Limit  int
	Offset int
}

// MonthCount is how many documents of one month of publication ("YYYY-MM")
// mention an actor.
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
}
