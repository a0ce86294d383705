package text

// Paragraph is one paragraph's tokens and sentences, as Tokenize and
// Sentences give them.
type Paragraph struct {
	Tokens    []Token
	Sentences []Sentence
}

// ScratchKey is the key under which a pipeline stage leaves a document's
// []Paragraph in newsgraph.Document.Scratch for the stages after it.
const ScratchKey = "text"

// Analyze tokenizes and splits every paragraph.
func Analyze(paragraphs []string) []Paragraph {
	out := make([]Paragraph, len(paragraphs))
	for i, p := range paragraphs {
		toks := Tokenize(p)
		out[i] = Paragraph{Tokens: toks, Sentences: Sentences(p, toks)}
	}
	return out
}

// Reuse returns the analysis a document's scratch holds for exactly these
// paragraphs, or analyzes them.
func Reuse(scratch map[string]any, paragraphs []string) []Paragraph {
	if ps, ok := scratch[ScratchKey].([]Paragraph); ok && len(ps) == len(paragraphs) {
		return ps
	}
	return Analyze(paragraphs)
}
