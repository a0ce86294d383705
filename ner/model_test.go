package ner

import (
	"bytes"
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestWordShape(t *testing.T) {
	tests := []struct{ in, long, short string }{
		{"Xi", "Xx", "Xx"},
		{"Jinping", "Xxxxx", "Xx"},
		{"NATO", "XXXX", "X"},
		{"Suk-yeol", "Xxx-xxxx", "Xx-x"},
		{"1996-08-22", "dddd-dd-dd", "d-d-d"},
		{"U.S.", "X.X.", "X.X."},
		{"McDonald", "XxXxxxx", "XxXx"},
		{"G20", "Xdd", "Xd"},
		{"", "", ""},
	}
	for _, tt := range tests {
		l, s := wordShape(tt.in)
		if l != tt.long || s != tt.short {
			t.Errorf("wordShape(%q) = %q, %q; want %q, %q", tt.in, l, s, tt.long, tt.short)
		}
	}
}

func TestWordCaseAndAllCaps(t *testing.T) {
	cases := []struct {
		w    string
		want byte
	}{
		{"house", caseLower}, {"House", caseTitle}, {"HOUSE", caseUpper}, {"McDonald", caseMixed}, {"1996", caseUnseen}, {"eBay", caseMixed},
	}
	for _, c := range cases {
		if got := wordCase(c.w); got != c.want {
			t.Errorf("wordCase(%q) = %d, want %d", c.w, got, c.want)
		}
	}
	sents := []struct {
		s    string
		want bool
	}{
		{"SOCCER - JAPAN GET LUCKY WIN .", true},
		{"Japan get lucky win .", false},
		{"BRUSSELS 1996-08-22", false}, // one word is not a headline
		{"", false},
	}
	for _, c := range sents {
		if got := isAllCaps(strings.Fields(c.s)); got != c.want {
			t.Errorf("isAllCaps(%q) = %v", c.s, got)
		}
	}
}

func TestExtractFeatures(t *testing.T) {
	g := &Gazetteer{}
	g.Lists[GazCountry] = []string{"south korea"}
	g.Lists[GazCity] = []string{"bali"}
	g.build()
	ex := &extractor{gaz: g}
	words := strings.Fields("Yoon of South Korea visited Bali")
	ex.extract(words, nil)
	if len(ex.offs) != len(words)+1 {
		t.Fatalf("offs = %v", ex.offs)
	}
	has := func(i int, h uint64) bool {
		if h == 0 {
			h = 1
		}
		return slices.Contains(ex.feats[ex.offs[i]:ex.offs[i+1]], h)
	}
	tests := []struct {
		name string
		tok  int
		h    uint64
		want bool
	}{
		{"word", 0, hashString(tmpl(fWord), "Yoon"), true},
		{"lower", 2, hashString(tmpl(fLower), "south"), true},
		{"suffix", 1, hashString(hashByte(tmpl(fSuffix), 1), "f"), true},
		{"no whole-word suffix", 1, hashString(hashByte(tmpl(fSuffix), 2), "of"), false},
		{"prefix", 0, hashString(hashByte(tmpl(fPrefix), 2), "yo"), true},
		{"left neighbour", 3, hashString(hashByte(tmpl(fLowerAt), 7), "south"), true},
		{"sentence start", 0, hashString(hashByte(tmpl(fLowerAt), 7), "<s>"), true},
		{"right2", 4, hashString(hashByte(tmpl(fLowerAt), 10), "</s>"), true},
		{"first", 0, hashString(tmpl(fFirst), "Xx"), true},
		{"not first", 1, hashString(tmpl(fFirst), "x"), false},
		{"gaz B", 2, hashUint(hashByte(tmpl(fGaz), 0), uint64(GazCountry<<8|'B')), true},
		{"gaz L", 3, hashUint(hashByte(tmpl(fGaz), 0), uint64(GazCountry<<8|'L')), true},
		{"gaz U", 5, hashUint(hashByte(tmpl(fGaz), 0), uint64(GazCity<<8|'U')), true},
		{"gaz left", 4, hashUint(hashByte(tmpl(fGazAt), 7), uint64(GazCountry)), true},
		{"no gaz", 0, hashUint(hashByte(tmpl(fGaz), 0), uint64(GazCity<<8|'U')), false},
	}
	for _, tt := range tests {
		if got := has(tt.tok, tt.h); got != tt.want {
			t.Errorf("%s: feature present = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLabelSetEncodeDecode(t *testing.T) {
	types := []string{"PER", "ORG", "LOC", "MISC"}
	tests := []struct {
		scheme Scheme
		in     string
		want   string // internal names
	}{
		{BILOU, "B-PER I-PER O B-LOC", "B-PER L-PER O U-LOC"},
		{BILOU, "B-ORG I-ORG I-ORG B-ORG", "B-ORG I-ORG L-ORG U-ORG"},
		{BIO, "B-PER I-PER O B-LOC", "B-PER I-PER O B-LOC"},
		{BILOU, "I-PER O", "U-PER O"}, // IOB1 repaired
	}
	for _, tt := range tests {
		ls := newLabelSet(tt.scheme, types)
		enc := ls.encode(strings.Fields(tt.in))
		var names []string
		for _, l := range enc {
			names = append(names, ls.names[l])
		}
		if got := strings.Join(names, " "); got != tt.want {
			t.Errorf("%s encode(%s) = %s, want %s", tt.scheme, tt.in, got, tt.want)
		}
		if dec := strings.Join(ls.decode(enc), " "); dec != strings.Join(IOB1ToIOB2(strings.Fields(tt.in)), " ") {
			t.Errorf("%s decode = %s", tt.scheme, dec)
		}
	}
}

func TestViterbiConstraints(t *testing.T) {
	ls := newLabelSet(BILOU, []string{"PER", "LOC"})
	nl := len(ls.names)
	idx := func(n string) int { return ls.index[n] }
	tests := []struct {
		name   string
		prefer []string // label each token's emission favours
		want   string
	}{
		{"plain", []string{"B-PER", "L-PER", "O"}, "B-PER I-PER O"},
		{"unit", []string{"U-LOC", "O"}, "B-LOC O"},
		// I-PER cannot start a sentence, and B-PER cannot end one.
		{"repair", []string{"I-PER", "B-PER"}, "O O"},
	}
	for _, tt := range tests {
		s := &scratch{}
		n := len(tt.prefer)
		s.score = make([]float32, n*nl)
		for i, p := range tt.prefer {
			s.score[i*nl+idx(p)] = 5
			s.score[i*nl+idx("O")] = 1
		}
		got := strings.Join(ls.decode(decodeWith(s, n, nl, ls, make([]float32, (nl+1)*nl))), " ")
		if got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// tinyCorpus is a handful of hand-written sentences.
func tinyCorpus() []Sentence {
	raw := []string{
		"Xi/B-PER Jinping/I-PER visited/O Seoul/B-LOC ./O",
		"Moon/B-PER Jae-in/I-PER met/O Xi/B-PER in/O Beijing/B-LOC ./O",
		"The/O United/B-ORG Nations/I-ORG said/O on/O Tuesday/O ./O",
		"Yoon/B-PER Suk-yeol/I-PER flew/O to/O Bali/B-LOC ./O",
		"China/B-LOC 's/O Foreign/B-ORG Ministry/I-ORG spoke/O ./O",
		"Korean/B-MISC officials/O met/O in/O Seoul/B-LOC on/O Monday/O ./O",
	}
	var out []Sentence
	for i, r := range raw {
		var s Sentence
		for _, wt := range strings.Fields(r) {
			k := strings.LastIndexByte(wt, '/')
			s.Tokens = append(s.Tokens, wt[:k])
			s.Labels = append(s.Labels, wt[k+1:])
		}
		s.Doc = i / 3
		out = append(out, s)
	}
	return out
}

func TestTrainTinyAndRoundTrip(t *testing.T) {
	train := tinyCorpus()
	g := &Gazetteer{}
	g.Lists[GazCity] = []string{"seoul", "beijing", "bali"}
	g.build()
	cl, err := BuildClusters(context.Background(), [][]string{
		strings.Fields("Xi met Moon in Seoul and Beijing"), strings.Fields("Moon met Xi in Beijing and Seoul"),
		strings.Fields("Xi met Moon in Seoul and Beijing"),
	}, ClusterOptions{MinCount: 1, K: [3]int{2, 3, 4}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), train, train, Options{Epochs: 10, Seed: 7, Gazetteer: g, Clusters: cl})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range train {
		if got := m.Tag(s.Tokens); !reflect.DeepEqual(got, s.Labels) {
			t.Errorf("Tag(%v) = %v, want %v", s.Tokens, got, s.Labels)
		}
	}
	var buf bytes.Buffer
	if err := Save(m, &buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() != m.NumFeatures() || !reflect.DeepEqual(m2.Types, m.Types) || m2.Scheme != m.Scheme {
		t.Fatalf("loaded model differs: %d/%d features", m2.NumFeatures(), m.NumFeatures())
	}
	probe := [][]string{strings.Fields("Xi Jinping met Yoon Suk-yeol in Bali on Tuesday ."), strings.Fields("MOON VISITS SEOUL")}
	for _, s := range append(probe, train[0].Tokens, train[4].Tokens) {
		if a, b := m.Tag(s), m2.Tag(s); !reflect.DeepEqual(a, b) {
			t.Errorf("after round trip Tag(%v) = %v, before %v", s, b, a)
		}
	}
	if !reflect.DeepEqual(m.TagDocument(probe), m2.TagDocument(probe)) {
		t.Error("TagDocument differs after round trip")
	}
	// Same seed, same model.
	m3, err := Train(context.Background(), train, train, Options{Epochs: 10, Seed: 7, Gazetteer: g, Clusters: cl})
	if err != nil {
		t.Fatal(err)
	}
	var buf3 bytes.Buffer
	if err := Save(m3, &buf3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf3.Bytes()) {
		t.Error("training is not reproducible: model bytes differ")
	}
	if _, err := Train(context.Background(), []Sentence{{Tokens: []string{"a"}, Labels: []string{"O"}}}, nil, Options{}); err == nil {
		t.Error("training without entities: no error")
	}
}

func TestLoadCorrupt(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("garbage"), []byte(modelMagic)} {
		if _, err := Load(b); err == nil {
			t.Errorf("Load(%q): no error", b)
		}
	}
}

func TestNameless(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"The talks resumed on time .", true},
		{"But they said nothing .", true},
		{"Russia said nothing .", false},         // the first word may be a name
		{"The talks in Geneva resumed .", false}, // a capital after the first word
		{"It was the eBay deal .", false},        // a capital inside a word
		{"Él no dijo nada .", false},             // non-ASCII: maybe a capital
	}
	for _, tt := range tests {
		if got := nameless(strings.Fields(tt.sentence)); got != tt.want {
			t.Errorf("nameless(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
