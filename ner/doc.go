// Package ner is newsgraph's named-entity recogniser: a statistical sequence
// tagger for the CoNLL-2003 types PER, ORG, LOC and MISC, trained in Go and
// shipped inside the binary.
//
// # Model
//
// The tagger is an averaged structured perceptron (Collins 2002) with
// first-order Viterbi decoding. It was chosen over a linear-chain CRF
// because it trains in seconds (an epoch over eng.train takes about 0.3 s
// on one core), needs no gradient or regulariser tuning, and with good
// features reaches CRF accuracy. Labels are BILOU internally (B, I, L for
// the first, inner and last token of a chunk, U for a one-token chunk, O
// outside), which beat BIO slightly on eng.testa; the decoder only follows
// transitions the scheme allows, so output is always well-formed IOB2.
//
// # Features
//
// Each token's features are hashed (64-bit FNV-1a over a template number
// and the feature's strings), so no feature strings are built or stored:
// word, lower case, long and short shape (Xxxx, XX, xx-xx, dd), prefixes
// and suffixes up to four code points, lower-case words and shapes of the
// neighbours ±2, word bigrams, a shape trigram, sentence-initial position,
// sentence length, an all-caps sentence flag (CoNLL headlines are in
// capitals), how the word is written elsewhere in the same document (so
// "BRUSSELS" in a headline borrows from "Brussels" in the text; see
// TagDocument), gazetteer membership with the position in the matched
// phrase (countries, demonyms, capitals, GeoNames places and regions,
// leaders, PETRARCH actors, international organisations), and word clusters
// at three granularities learned from unlabeled news (BBC, PolNeAR, the
// CoNLL training text) by spherical k-means on PPMI context vectors — a
// cheap stand-in for Brown clusters. Transition weights between labels are
// learned with the emission weights.
//
// Training (Train) is reproducible: the sentence order of each epoch is
// drawn from a seeded generator, the averaged weights are scored on a dev
// set after each epoch and the best epoch is kept (early stopping).
//
// # Model file
//
// Save writes one zstd-compressed file: a JSON header, the gazetteer
// phrase lists and clusters (so the binary needs no data directory), the
// transition weights and the feature rows sorted by hash with 16-bit
// quantised non-zero weights; weights below a threshold are pruned. The
// trained model is embedded from model/ner.model.zst and loaded once, on
// first use, by Default. In memory the rows sit in an open-addressing hash
// table, one dense row of label weights per feature.
//
// # Input and output
//
// The tagger works on tokens: one []string per sentence (Tag), or the
// sentences of a document (TagDocument, which adds document context).
// ReadCoNLL reads CoNLL column files (IOB1 converted to IOB2), WriteTagged
// writes them back with the predicted IOB2 tag appended, and Evaluate
// scores predictions with conlleval's exact-span semantics.
package ner
