package sqlite

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// actorPool is a fixed population of coded actors for benchmarks: names
// drawn with a Zipf distribution, so a few actors are in most documents
// and most are rare, as in news.
type actorPool struct {
	rng  *rand.Rand
	zipf *rand.Zipf
	n    int
}

var (
	benchCountries   = []string{"KOR", "CHN", "USA", "JPN", "PRK", "RUS", "UKR", "FRA", "DEU", "GBR", "IND", "IDN"}
	benchSectors     = []string{"GOV", "MIL", "ELI", "OPP", "BUS", "MED", "LEG", "JUD"}
	benchDescriptors = []string{"President", "Foreign Minister", "former President", "opposition leader", "Defence Minister", "lawmaker", "spokesperson", "chief executive"}
)

func newActorPool(seed uint64, n int) *actorPool {
	rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	return &actorPool{rng: rng, zipf: rand.NewZipf(rng, 1.1, 4, uint64(n-1)), n: n}
}

// entity returns the i-th entity of a document: an actor of the pool with
// a code and up to two descriptors.
func (p *actorPool) entity(i int) newsgraph.Entity {
	a := int(p.zipf.Uint64())
	country := benchCountries[a%len(benchCountries)]
	sector := benchSectors[(a/len(benchCountries))%len(benchSectors)]
	// Most mentions agree on the actor's code; some texts code it otherwise.
	if p.rng.IntN(10) == 0 {
		sector = benchSectors[p.rng.IntN(len(benchSectors))]
	}
	var desc []string
	for range p.rng.IntN(3) {
		desc = append(desc, benchDescriptors[(a+p.rng.IntN(2))%len(benchDescriptors)])
	}
	return newsgraph.Entity{
		ID: fmt.Sprintf("e%d", i+1), Name: fmt.Sprintf("Actor Number%d", a), Type: "PERSON",
		Mentions: []newsgraph.Mention{{Paragraph: 0, Start: 0, End: 5, Text: "Actor"}},
		Actor: &newsgraph.Actor{Code: country + sector, Country: country, Sectors: []string{sector}, Kind: newsgraph.ActorPerson,
			Evidence: "bench", Source: newsgraph.ActorFromText, Descriptors: desc},
	}
}

// BenchmarkPutActors stores batches of 250 synthetic documents, each with
// ten entities of which six carry an actor code and descriptors, so that
// the writer maintains the actor registry.
func BenchmarkPutActors(b *testing.B) {
	syn := newSynth(2, 20000)
	pool := newActorPool(3, 3000)
	mk := func(actors int) func(int) newsgraph.Item {
		return func(n int) newsgraph.Item {
			it := syn.item(n)
			for i := range 10 {
				e := pool.entity(i)
				if i >= actors {
					e.Actor = nil
					e.Type = "GPE"
				}
				it.Doc.Entities = append(it.Doc.Entities, e)
			}
			return it
		}
	}
	// actors=0 is the same documents and entities without codes: the
	// difference between the two is the registry's cost.
	for _, actors := range []int{0, 6} {
		b.Run(fmt.Sprintf("actors=%d", actors), func(b *testing.B) {
			putBench(b, openTest(b), mk(actors))
		})
	}
}
