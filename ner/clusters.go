package ner

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numClusterLevels is how many granularities of clusters a word has.
const numClusterLevels = 3

// Clusters assigns words to distributional clusters at three granularities
// (coarse to fine), learned from unlabeled text. They generalise from words
// seen in training to words that share their contexts.
type Clusters struct {
	// Words are the clustered words (case kept).
	Words []string
	// IDs are each word's cluster at each level.
	IDs   [][numClusterLevels]uint16
	index map[string]int32
}

func (c *Clusters) build() {
	c.index = make(map[string]int32, len(c.Words))
	for i, w := range c.Words {
		c.index[w] = int32(i)
	}
}

// lookup finds a word's clusters: as written, else lower-cased, else with a
// capital initial (words of all-caps headlines).
func (c *Clusters) lookup(w, lw string) ([numClusterLevels]uint16, bool) {
	if i, ok := c.index[w]; ok {
		return c.IDs[i], true
	}
	if i, ok := c.index[lw]; ok {
		return c.IDs[i], true
	}
	if r, sz := utf8.DecodeRuneInString(lw); sz > 0 && sz < len(lw) {
		if i, ok := c.index[string(unicode.ToUpper(r))+lw[sz:]]; ok {
			return c.IDs[i], true
		}
	}
	return [numClusterLevels]uint16{}, false
}

// ClusterOptions tune BuildClusters.
type ClusterOptions struct {
	// MinCount is the least frequency of a clustered word (default 3).
	MinCount int
	// Contexts is how many frequent words serve as context features (default 1500).
	Contexts int
	// K are the cluster counts per level, coarse to fine (default 32, 128, 512).
	K [numClusterLevels]int
	// Iterations of k-means (default 10).
	Iterations int
	// Seed makes the clustering reproducible.
	Seed uint64
}

var textToken = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}.\-'’&]*[\p{L}\p{N}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]`)

// textTokens splits raw text into CoNLL-like tokens (a rough tokenizer used
// only to learn clusters).
func textTokens(s string) []string {
	var out []string
	for _, t := range textToken.FindAllString(s, -1) {
		t = strings.ReplaceAll(t, "’", "'")
		if strings.HasSuffix(t, "'s") && len(t) > 2 {
			out = append(out, t[:len(t)-2], "'s")
			continue
		}
		out = append(out, t)
	}
	return out
}

// ReadTextDirs reads every .txt file under the given directories (sorted, so
// the result is reproducible) and returns one token sequence per line.
func ReadTextDirs(ctx context.Context, dirs ...string) ([][]string, error) {
	var out [][]string
	for _, dir := range dirs {
		var files []string
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".txt") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read texts: %w", err)
		}
		sort.Strings(files)
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("read texts: %w", err)
			}
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read texts: %w", err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				if t := textTokens(line); len(t) > 0 {
					out = append(out, t)
				}
			}
		}
	}
	return out, nil
}

// BuildClusters learns word clusters from token sequences: each word with
// at least MinCount occurrences is described by the positive pointwise
// mutual information of its left and right neighbours among the most
// frequent words; spherical k-means groups the words into the finest level,
// and k-means over those centroids gives the coarser levels, so the levels
// nest like prefixes of Brown cluster paths.
func BuildClusters(ctx context.Context, seqs [][]string, opts ClusterOptions) (*Clusters, error) {
	if opts.MinCount <= 0 {
		opts.MinCount = 3
	}
	if opts.Contexts <= 0 {
		opts.Contexts = 1500
	}
	if opts.K == [numClusterLevels]int{} {
		opts.K = [numClusterLevels]int{32, 128, 512}
	}
	if opts.Iterations <= 0 {
		opts.Iterations = 10
	}
	counts := map[string]int{}
	lcounts := map[string]int{}
	total := 0
	for _, s := range seqs {
		for _, w := range s {
			counts[w]++
			lcounts[strings.ToLower(w)]++
			total++
		}
	}
	var vocab []string
	for w, c := range counts {
		if c >= opts.MinCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if counts[vocab[i]] != counts[vocab[j]] {
			return counts[vocab[i]] > counts[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	var ctxWords []string
	for w := range lcounts {
		ctxWords = append(ctxWords, w)
	}
	sort.Slice(ctxWords, func(i, j int) bool {
		if lcounts[ctxWords[i]] != lcounts[ctxWords[j]] {
			return lcounts[ctxWords[i]] > lcounts[ctxWords[j]]
		}
		return ctxWords[i] < ctxWords[j]
	})
	if len(ctxWords) > opts.Contexts {
		ctxWords = ctxWords[:opts.Contexts]
	}
	cidx := make(map[string]int, len(ctxWords))
	for i, w := range ctxWords {
		cidx[w] = i
	}
	vidx := make(map[string]int, len(vocab))
	for i, w := range vocab {
		vidx[w] = i
	}
	dims := 2*len(ctxWords) + 2
	// Co-occurrence counts: left context d, right context C+d; the two
	// boundaries have their own dimensions.
	co := make([]map[int32]float32, len(vocab))
	ctxCount := make([]float64, dims)
	for _, s := range seqs {
		for i, w := range s {
			v, ok := vidx[w]
			if !ok {
				continue
			}
			if co[v] == nil {
				co[v] = map[int32]float32{}
			}
			left, right := dims-2, dims-1
			if i > 0 {
				if c, ok := cidx[strings.ToLower(s[i-1])]; ok {
					left = c
				} else {
					left = -1
				}
			}
			if i+1 < len(s) {
				if c, ok := cidx[strings.ToLower(s[i+1])]; ok {
					right = len(ctxWords) + c
				} else {
					right = -1
				}
			}
			if left >= 0 {
				co[v][int32(left)]++
				ctxCount[left]++
			}
			if right >= 0 {
				co[v][int32(right)]++
				ctxCount[right]++
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("build clusters: %w", err)
	}
	// PPMI vectors, unit length.
	type entry struct {
		d int32
		v float32
	}
	vecs := make([][]entry, len(vocab))
	var sumCtx float64
	for _, c := range ctxCount {
		sumCtx += c
	}
	for v, m := range co {
		var wc float64
		for _, c := range m {
			wc += float64(c)
		}
		var vec []entry
		var norm float64
		for d, c := range m {
			pmi := math.Log(float64(c) * sumCtx / (wc * ctxCount[d]))
			if pmi > 0 {
				vec = append(vec, entry{d, float32(pmi)})
				norm += pmi * pmi
			}
		}
		sort.Slice(vec, func(i, j int) bool { return vec[i].d < vec[j].d })
		norm = math.Sqrt(norm)
		for i := range vec {
			vec[i].v /= float32(norm)
		}
		vecs[v] = vec
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	kFine := min(opts.K[numClusterLevels-1], len(vocab))
	if kFine < 1 {
		return &Clusters{index: map[string]int32{}}, nil
	}
	// Spherical k-means on the sparse vectors; centroids stored transposed
	// (dimension-major) so a word's scores are axpy's over K.
	cent := make([]float32, dims*kFine)
	perm := rng.Perm(len(vocab))
	for k := range kFine {
		for _, e := range vecs[perm[k]] {
			cent[int(e.d)*kFine+k] = e.v
		}
	}
	assign := make([]int, len(vocab))
	scores := make([]float32, kFine)
	for it := 0; it < opts.Iterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("build clusters: %w", err)
		}
		changed := 0
		for v, vec := range vecs {
			clear(scores)
			for _, e := range vec {
				row := cent[int(e.d)*kFine : int(e.d)*kFine+kFine]
				for k, c := range row {
					scores[k] += e.v * c
				}
			}
			best := 0
			for k, s := range scores {
				if s > scores[best] {
					best = k
				}
			}
			if it == 0 || assign[v] != best {
				changed++
			}
			assign[v] = best
		}
		clear(cent)
		for v, vec := range vecs {
			for _, e := range vec {
				cent[int(e.d)*kFine+assign[v]] += e.v
			}
		}
		norms := make([]float64, kFine)
		for d := range dims {
			for k := range kFine {
				c := float64(cent[d*kFine+k])
				norms[k] += c * c
			}
		}
		for d := range dims {
			for k := range kFine {
				if norms[k] > 0 {
					cent[d*kFine+k] /= float32(math.Sqrt(norms[k]))
				}
			}
		}
		if changed == 0 {
			break
		}
	}
	// Coarser levels: k-means over the fine centroids.
	levels := make([][]int, numClusterLevels)
	fine := make([]int, kFine)
	for k := range fine {
		fine[k] = k
	}
	levels[numClusterLevels-1] = fine
	points := make([][]float32, kFine)
	for k := range kFine {
		p := make([]float32, dims)
		for d := range dims {
			p[d] = cent[d*kFine+k]
		}
		points[k] = p
	}
	for l := numClusterLevels - 2; l >= 0; l-- {
		levels[l] = denseKMeans(points, min(opts.K[l], kFine), opts.Iterations, rng)
	}
	c := &Clusters{Words: vocab, IDs: make([][numClusterLevels]uint16, len(vocab))}
	for v := range vocab {
		for l := range numClusterLevels {
			c.IDs[v][l] = uint16(levels[l][assign[v]])
		}
	}
	c.build()
	return c, nil
}

// denseKMeans clusters unit vectors by cosine similarity.
func denseKMeans(points [][]float32, k, iters int, rng *rand.Rand) []int {
	dims := len(points[0])
	cent := make([][]float32, k)
	perm := rng.Perm(len(points))
	for i := range k {
		cent[i] = append([]float32(nil), points[perm[i]]...)
	}
	assign := make([]int, len(points))
	for range iters {
		for i, p := range points {
			best, bs := 0, float32(math.Inf(-1))
			for j, c := range cent {
				var s float32
				for d, x := range p {
					s += x * c[d]
				}
				if s > bs {
					best, bs = j, s
				}
			}
			assign[i] = best
		}
		for j := range cent {
			cent[j] = make([]float32, dims)
		}
		for i, p := range points {
			c := cent[assign[i]]
			for d, x := range p {
				c[d] += x
			}
		}
		for _, c := range cent {
			var n float64
			for _, x := range c {
				n += float64(x) * float64(x)
			}
			if n > 0 {
				for d := range c {
					c[d] /= float32(math.Sqrt(n))
				}
			}
		}
	}
	return assign
}
