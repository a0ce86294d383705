package newsgraph

import "context"

// ActorRegistry is what the corpus has taught newsgraph about actors: the
// store accumulates, for every actor name, the descriptors texts use for it
// ("South Korean President" ×412, 2022-05 … 2024-12) and the codes those
// descriptors imply. The actor stage asks it about names that neither the
// document nor the knowledge base can code.
type ActorRegistry interface {
	// LearnedActor returns the actor the registry codes for a name
	// (compared case-insensitively), with Source ActorFromRegistry and the
	// descriptor evidence, or nil when it has no evidence for the name.
	LearnedActor(ctx context.Context, name string) (*Actor, error)
}

// RegisteredActor is one actor of the corpus-wide registry.
type RegisteredActor struct {
	// Key is the registry key: the lower-cased name.
	Key  string `json:"key"`
	Name string `json:"name"`
	// Type is the entity type (PERSON, ORG, GPE, …).
	Type string `json:"type"`
	// Actor is the code the registry settles on (the most frequent code of
	// the documents, overrides first), or nil.
	Actor *Actor `json:"actor"`
	// Documents counts the documents that mention the actor; FirstDate and
	// LastDate are their earliest and latest publication dates.
	Documents int    `json:"documents"`
	FirstDate string `json:"first_date,omitempty"`
	LastDate  string `json:"last_date,omitempty"`
	// Codes are the codes documents gave the actor, with counts.
	Codes []CodeCount `json:"codes"`
	// Descriptors are the role phrases texts used for it, with counts.
	Descriptors []DescriptorCount `json:"descriptors"`
}

// CodeCount is how often documents coded an actor one way.
type CodeCount struct {
	Code      string `json:"code"`
	Source    string `json:"source"`
	Count     int    `json:"count"`
	FirstDate string `json:"first_date,omitempty"`
	LastDate  string `json:"last_date,omitempty"`
}

// DescriptorCount is how often texts described an actor with one phrase,
// and the code the phrase implies.
type DescriptorCount struct {
	Descriptor string `json:"descriptor"`
	Code       string `json:"code"`
	Count      int    `json:"count"`
	FirstDate  string `json:"first_date,omitempty"`
	LastDate   string `json:"last_date,omitempty"`
}

// InRegistry reports whether the actor registry counts an entity: it has an
// actor code and is not a nationality adjective ("Chinese", type MISC),
// which carries its country's code but is not an actor of its own.
func InRegistry(typ string, a *Actor) bool {
	return a != nil && a.Code != "" && typ != "MISC"
}
