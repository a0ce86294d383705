package ner

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"
)

// Options tune Train.
type Options struct {
	// Scheme is the internal tagging scheme (default BILOU).
	Scheme Scheme
	// Epochs is the most passes over the training data (default 20).
	Epochs int
	// Patience stops training after this many epochs without a better dev
	// F1 (default 3). Without dev sentences all epochs run.
	Patience int
	// Seed fixes the order of training sentences in each epoch.
	Seed uint64
	// Gazetteer and Clusters, when not nil, are saved in the model and
	// used by its features.
	Gazetteer *Gazetteer
	Clusters  *Clusters
	// Prune drops averaged weights whose magnitude is below it (default
	// 0.001; negative keeps all).
	Prune float64
	// Logger receives progress (default slog.Default()).
	Logger *slog.Logger
}

// trainSent is a sentence with precomputed feature ids.
type trainSent struct {
	feats []int32 // feature ids, token i's are feats[offs[i]:offs[i+1]]
	offs  []int32
	gold  []int
	tags  []string // gold IOB2
}

// Train learns an averaged structured perceptron from labelled sentences.
// Each epoch visits the training sentences in an order drawn from Seed,
// decodes each with Viterbi under the current weights and, when the best
// path differs from the gold one, adds the gold path's features and
// subtracts the predicted path's. The averaged weights are scored on dev
// after each epoch and the best epoch's are kept (early stopping).
// Sentences of one document (same Doc) share document context features.
func Train(ctx context.Context, train, dev []Sentence, opts Options) (*Model, error) {
	if opts.Scheme == "" {
		opts.Scheme = BILOU
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 20
	}
	if opts.Patience <= 0 {
		opts.Patience = 3
	}
	if opts.Prune == 0 {
		opts.Prune = 0.001
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	types := collectTypes(train)
	if len(types) == 0 {
		return nil, fmt.Errorf("train: no labelled entities in %d training sentences", len(train))
	}
	m := &Model{Scheme: opts.Scheme, Types: types, Gazetteer: opts.Gazetteer, Clusters: opts.Clusters}
	m.init()
	nl := m.nl
	ids := map[uint64]int32{}
	ex := &extractor{gaz: m.Gazetteer, clusters: m.Clusters}
	convert := func(sents []Sentence, grow bool) []trainSent {
		var out []trainSent
		for _, doc := range groupDocs(sents) {
			words := make([][]string, len(doc))
			for i, s := range doc {
				words[i] = s.Tokens
			}
			dc := docCases(words)
			for _, s := range doc {
				if len(s.Tokens) == 0 {
					continue
				}
				ex.extract(s.Tokens, dc)
				ts := trainSent{offs: make([]int32, 0, len(s.Tokens)+1), tags: s.Labels}
				ts.offs = append(ts.offs, 0)
				for i := range s.Tokens {
					for _, h := range ex.feats[ex.offs[i]:ex.offs[i+1]] {
						id, ok := ids[h]
						if !ok {
							if !grow {
								continue
							}
							id = int32(len(ids))
							ids[h] = id
						}
						ts.feats = append(ts.feats, id)
					}
					ts.offs = append(ts.offs, int32(len(ts.feats)))
				}
				labels := s.Labels
				if labels == nil {
					labels = make([]string, len(s.Tokens))
					for i := range labels {
						labels[i] = "O"
					}
					ts.tags = labels
				}
				ts.gold = m.labels.encode(labels)
				out = append(out, ts)
			}
		}
		return out
	}
	start := time.Now()
	tr := convert(train, true)
	dv := convert(dev, false)
	nf := len(ids)
	log.Info("ner train: features", "sentences", len(tr), "dev", len(dv), "features", nf, "labels", nl, "took", time.Since(start).Round(time.Millisecond))

	w := make([]float32, nf*nl)
	u := make([]float64, nf*nl) // time-weighted sums for averaging
	ntr := (nl + 1) * nl
	tw := make([]float32, ntr)
	tu := make([]float64, ntr)
	avg := make([]float32, nf*nl)
	tavg := make([]float32, ntr)
	var best []float32
	var bestT []float32
	bestF, bestEpoch := -1.0, 0
	c := 1.0
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed+1))
	order := make([]int, len(tr))
	for i := range order {
		order[i] = i
	}
	s := &scratch{}
	emit := func(ts *trainSent, weights []float32) {
		n := len(ts.gold)
		s.score = grow(s.score, n*nl)
		for i := range n {
			row := s.score[i*nl : (i+1)*nl]
			clear(row)
			for _, f := range ts.feats[ts.offs[i]:ts.offs[i+1]] {
				wr := weights[int(f)*nl : int(f)*nl+nl]
				for l := range row {
					row[l] += wr[l]
				}
			}
		}
	}
	update := func(ts *trainSent, i, label int, d float32) {
		for _, f := range ts.feats[ts.offs[i]:ts.offs[i+1]] {
			k := int(f)*nl + label
			w[k] += d
			u[k] += c * float64(d)
		}
	}
	tupdate := func(prev, cur int, d float32) {
		k := (prev+1)*nl + cur
		tw[k] += d
		tu[k] += c * float64(d)
	}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		t0 := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, oi := range order {
			ts := &tr[oi]
			emit(ts, w)
			pred := decodeWith(s, len(ts.gold), nl, m.labels, tw)
			prevG, prevP := -1, -1
			for i, g := range ts.gold {
				p := pred[i]
				if g != p {
					mistakes++
					update(ts, i, g, 1)
					update(ts, i, p, -1)
				}
				if g != p || prevG != prevP {
					tupdate(prevG, g, 1)
					tupdate(prevP, p, -1)
				}
				prevG, prevP = g, p
			}
			c++
		}
		for k := range w {
			avg[k] = float32(float64(w[k]) - u[k]/c)
		}
		for k := range tw {
			tavg[k] = float32(float64(tw[k]) - tu[k]/c)
		}
		f := -1.0
		if len(dv) > 0 {
			var gold, pred [][]string
			for i := range dv {
				emit(&dv[i], avg)
				gold = append(gold, dv[i].tags)
				pred = append(pred, m.labels.decode(decodeWith(s, len(dv[i].gold), nl, m.labels, tavg)))
			}
			ev, err := Evaluate(gold, pred)
			if err != nil {
				return nil, fmt.Errorf("train: %w", err)
			}
			f = ev.Overall.F1
		}
		log.Info("ner train: epoch", "epoch", epoch, "token_errors", mistakes, "dev_f1", fmt.Sprintf("%.4f", f), "took", time.Since(t0).Round(time.Millisecond))
		if f > bestF || len(dv) == 0 {
			bestF, bestEpoch = f, epoch
			best = append(best[:0], avg...)
			bestT = append(bestT[:0], tavg...)
		} else if epoch-bestEpoch >= opts.Patience {
			break
		}
	}
	m.trans = bestT
	m.setWeights(ids, best, float32(opts.Prune))
	m.Info = map[string]string{
		"trainer":     "averaged structured perceptron",
		"scheme":      string(opts.Scheme),
		"seed":        strconv.FormatUint(opts.Seed, 10),
		"epochs":      strconv.Itoa(bestEpoch),
		"train_sents": strconv.Itoa(len(tr)),
		"dev_f1":      strconv.FormatFloat(bestF, 'f', 4, 64),
		"features":    strconv.Itoa(m.NumFeatures()),
		"prune":       strconv.FormatFloat(opts.Prune, 'g', -1, 64),
	}
	log.Info("ner train: done", "best_epoch", bestEpoch, "dev_f1", fmt.Sprintf("%.4f", bestF), "took", time.Since(start).Round(time.Millisecond))
	return m, nil
}

// setWeights keeps the rows of weights (features × labels, indexed by ids)
// that have some weight of magnitude at least prune, zeroing smaller ones.
func (m *Model) setWeights(ids map[uint64]int32, weights []float32, prune float32) {
	nl := m.nl
	type kv struct {
		h  uint64
		id int32
	}
	var keep []kv
	for h, id := range ids {
		row := weights[int(id)*nl : int(id)*nl+nl]
		nonzero := false
		for l, x := range row {
			if float32(math.Abs(float64(x))) < prune {
				row[l] = 0
			} else {
				nonzero = true
			}
		}
		if nonzero {
			keep = append(keep, kv{h, id})
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].h < keep[j].h })
	m.table = newFeatTable(len(keep))
	m.weights = make([]float32, len(keep)*nl)
	m.rowKeys = make([]uint64, len(keep))
	for r, e := range keep {
		copy(m.weights[r*nl:(r+1)*nl], weights[int(e.id)*nl:int(e.id)*nl+nl])
		m.table.put(e.h, int32(r))
		m.rowKeys[r] = e.h
	}
	// Word caches (shared, and the workers' private maps in idle scratch
	// space) would hold sums of older weights.
	m.cache.Store(nil)
	m.free = make(chan *scratch, cap(m.free))
}

// NumFeatures returns how many feature rows the model keeps.
func (m *Model) NumFeatures() int { return len(m.weights) / max(m.nl, 1) }

// collectTypes returns the entity types of labelled sentences in CoNLL's
// order (PER, ORG, LOC, MISC) first, then any others sorted.
func collectTypes(sents []Sentence) []string {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, t := range s.Labels {
			if typ, p := splitTag(t); p != 0 {
				seen[typ] = true
			}
		}
	}
	var out []string
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		if seen[t] {
			out = append(out, t)
			delete(seen, t)
		}
	}
	var rest []string
	for t := range seen {
		rest = append(rest, t)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// groupDocs splits sentences into runs of the same Doc.
func groupDocs(sents []Sentence) [][]Sentence {
	var out [][]Sentence
	start := 0
	for i := 1; i <= len(sents); i++ {
		if i == len(sents) || sents[i].Doc != sents[start].Doc {
			if i > start {
				out = append(out, sents[start:i])
			}
			start = i
		}
	}
	return out
}

// TagSentences tags sentences read from CoNLL, document by document (so
// document context features apply), and returns one IOB2 tag slice per
// sentence.
func (m *Model) TagSentences(sents []Sentence) [][]string {
	out := make([][]string, 0, len(sents))
	for _, doc := range groupDocs(sents) {
		words := make([][]string, len(doc))
		for i, s := range doc {
			words[i] = s.Tokens
		}
		out = append(out, m.TagDocument(words)...)
	}
	return out
}
