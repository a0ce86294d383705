package ner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func FuzzReadCoNLL(f *testing.F) {
	f.Add(sampleCoNLL)
	f.Add("-DOCSTART-\n\na b c I-PER\n\n")
	f.Add("x\n\ty\n \n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		pred := make([][]string, len(sents))
		for i, s := range sents {
			if s.Labels != nil && len(s.Labels) != len(s.Tokens) {
				t.Fatalf("labels %d for %d tokens", len(s.Labels), len(s.Tokens))
			}
			pred[i] = IOB1ToIOB2(s.Labels)
			if s.Labels == nil {
				pred[i] = make([]string, len(s.Tokens))
			}
			Chunks(s.Labels)
		}
		var b bytes.Buffer
		if err := WriteTagged(&b, sents, pred); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzTag(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Skipf("no embedded model: %v", err)
	}
	f.Add("Xi Jinping met Yoon Suk-yeol in Bali .")
	f.Add("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .")
	f.Add("\xff\xfe ÄÖ 1,000.5 -- “quoted”")
	f.Fuzz(func(t *testing.T, s string) {
		toks := strings.Fields(s)
		tags := m.Tag(toks)
		if len(tags) != len(toks) {
			t.Fatalf("%d tags for %d tokens", len(tags), len(toks))
		}
		for _, sp := range Chunks(tags) {
			if sp.Start < 0 || sp.End > len(toks) || sp.Start >= sp.End {
				t.Fatalf("bad span %v", sp)
			}
		}
		m.TagDocument([][]string{toks, toks, {}})
	})
}

func FuzzLoad(f *testing.F) {
	m, err := Train(f.Context(), tinyCorpus(), nil, Options{Epochs: 2, Seed: 1})
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if err := Save(m, &b); err != nil {
		f.Fatal(err)
	}
	zr, err := zstd.NewReader(nil)
	if err != nil {
		f.Fatal(err)
	}
	raw, err := zr.DecodeAll(b.Bytes(), nil)
	zr.Close()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(raw)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, load := range []func([]byte) (*Model, error){Load, decodeModel} {
			m, err := load(data)
			if err != nil {
				continue
			}
			m.Tag([]string{"Xi", "Jinping", "met", "Moon"})
		}
	})
}
