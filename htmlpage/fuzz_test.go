package htmlpage

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// FuzzExtract checks that no input makes Extract panic, and that a document,
// when there is one, is normalized and has a body.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"<html><body><p>hello</p></body></html>",
		"<p>" + "word " + "</p><br><br><table><tr><td>a<td>b</table>",
		"<html lang=\"en-US\"><head><meta property=\"article:published_time\" content=\"2020-01-02T03:04:05Z\"><title>t</title></head><body><article><h1>t</h1><p>Some text of a paragraph that is long enough to count as body text for the extractor.</p></article></body></html>",
		"<div><div><div><ul><li>x<ul><li>y</li></ul></li></ul></div></div>",
		"\x00\x01\x02<p>",
		"<?xml version=\"1.0\"?><rss><channel><item><title>x</title></item></channel></rss>",
		"<html><body>\xff\xfe bad utf-8 \xc3\x28</body></html>",
	} {
		f.Add([]byte(s))
	}
	e := New()
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := e.Extract(context.Background(), &newsgraph.Input{Path: "fuzz.html", Data: data,
			Hints: newsgraph.Hints{URL: "https://example.com/2020/01/02/x", Date: string(data[:min(len(data), 12)])}})
		if err != nil {
			return
		}
		if d.ID == "" || d.Paragraphs == nil || d.Boilerplate == nil {
			t.Fatalf("document not normalized: %+v", d)
		}
		if len(d.Paragraphs) == 0 {
			t.Fatalf("document without paragraphs")
		}
	})
}
