package ner

// Scheme is the internal tagging scheme of a model: how a chunk's tokens are
// labelled while training and decoding. Input and output are always IOB2.
type Scheme string

// Tagging schemes.
const (
	// BIO labels a chunk's first token B and the rest I.
	BIO Scheme = "BIO"
	// BILOU labels a chunk's first token B, its inner tokens I, its last L,
	// and a one-token chunk U.
	BILOU Scheme = "BILOU"
)

// labelSet maps internal labels (0 is O) to chunk types and positions.
type labelSet struct {
	scheme Scheme
	types  []string
	names  []string // internal label names, e.g. "U-PER"
	iob2   []string // the IOB2 tag each label is written as
	typ    []int    // label → type index, -1 for O
	pos    []byte   // label → 'B','I','L','U' or 'O'
	// allowed[prev+1][cur] says whether cur may follow prev (prev -1 is the
	// sentence start); final[cur] whether a sentence may end with cur.
	allowed [][]bool
	// prevs[cur] lists the labels that may precede cur (Viterbi's inner loop).
	prevs [][]int
	final []bool
	index map[string]int
}

func newLabelSet(scheme Scheme, types []string) *labelSet {
	ls := &labelSet{scheme: scheme, types: types, index: map[string]int{}}
	add := func(name string, t int, p byte) {
		ls.index[name] = len(ls.names)
		ls.names = append(ls.names, name)
		switch p {
		case 'O':
			ls.iob2 = append(ls.iob2, "O")
		case 'B', 'U':
			ls.iob2 = append(ls.iob2, "B-"+types[t])
		default:
			ls.iob2 = append(ls.iob2, "I-"+types[t])
		}
		ls.typ = append(ls.typ, t)
		ls.pos = append(ls.pos, p)
	}
	add("O", -1, 'O')
	prefixes := "BI"
	if scheme == BILOU {
		prefixes = "BILU"
	}
	for ti, t := range types {
		for _, p := range []byte(prefixes) {
			add(string(p)+"-"+t, ti, p)
		}
	}
	n := len(ls.names)
	ls.allowed = make([][]bool, n+1)
	for prev := -1; prev < n; prev++ {
		row := make([]bool, n)
		for cur := range n {
			row[cur] = ls.canFollow(prev, cur)
		}
		ls.allowed[prev+1] = row
	}
	ls.prevs = make([][]int, n)
	for cur := range n {
		for prev := range n {
			if ls.allowed[prev+1][cur] {
				ls.prevs[cur] = append(ls.prevs[cur], prev)
			}
		}
	}
	ls.final = make([]bool, n)
	for cur := range n {
		p := ls.pos[cur]
		ls.final[cur] = scheme == BIO || p == 'O' || p == 'L' || p == 'U'
	}
	return ls
}

func (ls *labelSet) canFollow(prev, cur int) bool {
	open := false // whether prev leaves a chunk open that must continue
	ptyp := -1
	if prev >= 0 {
		ptyp = ls.typ[prev]
		if ls.scheme == BILOU {
			open = ls.pos[prev] == 'B' || ls.pos[prev] == 'I'
		}
	}
	cp, ct := ls.pos[cur], ls.typ[cur]
	if ls.scheme == BIO {
		if cp == 'I' {
			return prev >= 0 && ptyp == ct
		}
		return true
	}
	if open {
		return (cp == 'I' || cp == 'L') && ct == ptyp
	}
	return cp == 'O' || cp == 'B' || cp == 'U'
}

// encode turns IOB2 tags into internal labels. Unknown types become O.
func (ls *labelSet) encode(tags []string) []int {
	iob := IOB1ToIOB2(tags) // repairs I- without B-
	out := make([]int, len(iob))
	for i, t := range iob {
		typ, p := splitTag(t)
		if p == 0 {
			continue
		}
		var name string
		if ls.scheme == BIO {
			name = string(p) + "-" + typ
		} else {
			nextI := false
			if i+1 < len(iob) {
				nt, np := splitTag(iob[i+1])
				nextI = np == 'I' && nt == typ
			}
			switch {
			case p == 'B' && nextI:
				name = "B-" + typ
			case p == 'B':
				name = "U-" + typ
			case nextI:
				name = "I-" + typ
			default:
				name = "L-" + typ
			}
		}
		if l, ok := ls.index[name]; ok {
			out[i] = l
		}
	}
	return out
}

// decode turns internal labels into IOB2 tags. The labels come from the
// constrained decoder, so every chunk is well formed.
func (ls *labelSet) decode(labels []int) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = ls.iob2[l]
	}
	return out
}
