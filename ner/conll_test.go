package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

const sampleCoNLL = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

In IN I-PP O
Bonn NNP I-NP I-LOC
, , O O
Fischer NNP I-NP I-PER
Schmidt NNP I-NP B-PER
.	.	O	O
`

func TestReadCoNLL(t *testing.T) {
	sents, err := ReadCoNLL(strings.NewReader(sampleCoNLL))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tokens []string
		labels []string
		doc    int
	}{
		{[]string{"EU", "rejects", "German", "call", "."}, []string{"B-ORG", "O", "B-MISC", "O", "O"}, 0},
		{[]string{"Peter", "Blackburn"}, []string{"B-PER", "I-PER"}, 0},
		{[]string{"In", "Bonn", ",", "Fischer", "Schmidt", "."}, []string{"O", "B-LOC", "O", "B-PER", "B-PER", "O"}, 1},
	}
	if len(sents) != len(tests) {
		t.Fatalf("got %d sentences, want %d", len(sents), len(tests))
	}
	for i, tt := range tests {
		if !reflect.DeepEqual(sents[i].Tokens, tt.tokens) || !reflect.DeepEqual(sents[i].Labels, tt.labels) || sents[i].Doc != tt.doc {
			t.Errorf("sentence %d = %v %v doc %d, want %v %v doc %d", i, sents[i].Tokens, sents[i].Labels, sents[i].Doc, tt.tokens, tt.labels, tt.doc)
		}
	}
}

func TestWriteTaggedRoundTrip(t *testing.T) {
	for _, in := range []string{sampleCoNLL, strings.TrimSuffix(sampleCoNLL, "\n") + "\n\n\n", "a\nb\n\nc\n", "", "-DOCSTART-\n"} {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		pred := make([][]string, len(sents))
		for i, s := range sents {
			for range s.Tokens {
				pred[i] = append(pred[i], "O")
			}
		}
		var out bytes.Buffer
		if err := WriteTagged(&out, sents, pred); err != nil {
			t.Fatal(err)
		}
		inLines := strings.Split(strings.TrimSuffix(in, "\n"), "\n")
		outLines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if in == "" {
			if out.Len() != 0 {
				t.Errorf("empty input gave %q", out.String())
			}
			continue
		}
		if len(inLines) != len(outLines) {
			t.Fatalf("%d lines in, %d out:\n%s", len(inLines), len(outLines), out.String())
		}
		for i := range inLines {
			want := inLines[i]
			if f := strings.Fields(want); len(f) > 0 && f[0] != DocStart {
				sep := " "
				if strings.Contains(want, "\t") {
					sep = "\t"
				}
				want += sep + "O"
			}
			if outLines[i] != want {
				t.Errorf("line %d = %q, want %q", i, outLines[i], want)
			}
		}
	}
}

func TestIOB1ToIOB2(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I-PER I-PER O I-LOC", "B-PER I-PER O B-LOC"},
		{"I-PER B-PER I-PER", "B-PER B-PER I-PER"},
		{"I-ORG I-LOC", "B-ORG B-LOC"},
		{"B-PER I-PER", "B-PER I-PER"},
		{"O O", "O O"},
		{"X junk I-MISC", "O O B-MISC"},
	}
	for _, tt := range tests {
		got := strings.Join(IOB1ToIOB2(strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("IOB1ToIOB2(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		{"B-PER I-PER O B-LOC", []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-PER I-PER", []Span{{0, 2, "PER"}}}, // IOB1
		{"B-PER B-PER", []Span{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"B-PER I-ORG", []Span{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"U-PER B-LOC L-LOC", []Span{{0, 1, "PER"}, {1, 3, "LOC"}}}, // BILOU
		{"O O", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := Chunks(strings.Fields(tt.tags))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Chunks(%s) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	gold := [][]string{{"B-PER", "I-PER", "O", "B-LOC"}, {"B-ORG", "O"}}
	pred := [][]string{{"B-PER", "O", "O", "B-LOC"}, {"B-ORG", "B-MISC"}}
	ev, err := Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	o := ev.Overall
	if o.Gold != 3 || o.Predicted != 4 || o.Correct != 2 {
		t.Fatalf("counts = %+v", o)
	}
	if d := o.F1 - 2*(0.5*(2.0/3))/(0.5+2.0/3); d > 1e-9 || d < -1e-9 {
		t.Errorf("F1 = %v", o.F1)
	}
	if s := ev.ByType["LOC"]; s.F1 != 1 {
		t.Errorf("LOC = %+v", s)
	}
	if s := ev.ByType["PER"]; s.Correct != 0 || s.Gold != 1 || s.Predicted != 1 {
		t.Errorf("PER = %+v", s)
	}
	if _, err := Evaluate(gold, pred[:1]); err == nil {
		t.Error("mismatched sentence count: no error")
	}
	var b bytes.Buffer
	if err := ev.WriteReport(&b); err != nil || !strings.Contains(b.String(), "FB1:  57.14") {
		t.Errorf("report %q, %v", b.String(), err)
	}
}
