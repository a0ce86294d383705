// Package newsgraph holds the domain of newsgraph: the Document record that
// every stage reads and fills, the raw Input it was made from, and the
// interfaces the stage and storage packages implement.
//
// Data flows one way: source (readers) → clean (article text, title, date,
// language) → annotate (entities, times, actors, places, quotes, events) →
// store (sqlite) → serve (web, export). Each step lives in its own
// subpackage and speaks only in the types declared here: Document and its
// parts, the Stage and Store interfaces, and the readers of the corpus-wide
// views (ActorRegistry, EventReader; quotes.go, registry.go, events.go).
package newsgraph
