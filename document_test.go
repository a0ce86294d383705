package newsgraph

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDocumentID(t *testing.T) {
	title := "A title"
	tests := []struct {
		name string
		a, b []string
		same bool
	}{
		{"whitespace and case", []string{"The minister said.", "Talks resume."}, []string{"  the MINISTER   said ", "talks resume"}, true},
		{"punctuation and quotes", []string{"\u201cWe are ready,\u201d he said."}, []string{"\"We are ready\" he said"}, true},
		{"compatibility forms", []string{"ﬁnance ministers"}, []string{"finance ministers"}, true},
		{"empty paragraphs ignored", []string{"One.", "", "Two."}, []string{"One.", "Two."}, true},
		{"different text", []string{"One."}, []string{"Two."}, false},
		{"paragraph order matters", []string{"One.", "Two."}, []string{"Two.", "One."}, false},
	}
	for _, tt := range tests {
		a, b := DocumentID(tt.a, &title), DocumentID(tt.b, nil)
		if (a == b) != tt.same {
			t.Errorf("%s: ids %s and %s, same = %v", tt.name, a, b, tt.same)
		}
		if len(a) != 32 {
			t.Errorf("%s: id %q is not 32 hex digits", tt.name, a)
		}
	}
	t1, t2 := "Title one", "Title two"
	if DocumentID(nil, &t1) == DocumentID(nil, &t2) {
		t.Error("documents without body get the same id from different titles")
	}
}

func TestRecordContract(t *testing.T) {
	d := &Document{Source: Source{Path: "in.txt", Format: FormatTextRecord, Record: 3}, Paragraphs: []string{"Body."}}
	d.Normalize()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{`"source":{"path":"in.txt","url":null,"site":null,"format":"text-record"}`, `"title":null`, `"language":null`,
		`"published":{"date":null,"precision":null,"origin":null,"raw":null}`, `"boilerplate":[]`, `"entities":[]`, `"quotes":[]`, `"events":[]`,
		`"extractor":"newsgraph/` + Version + `"`} {
		if !strings.Contains(got, want) {
			t.Errorf("record lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, "times") || strings.Contains(got, "Record") || strings.Contains(got, "Author") {
		t.Errorf("record has fields outside the contract:\n%s", got)
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(&back)
	if string(b2) != got {
		t.Errorf("round trip changed the record:\n%s\n%s", got, b2)
	}
}

func TestValidDate(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"2022", true}, {"2022-11", true}, {"2022-11-15", true}, {"2024-02-29", true},
		{"2023-02-29", false}, {"2022-13", false}, {"2022-1", false}, {"22", false}, {"", false},
		{"2022/11/15", false}, {"२०२२", false}, {"2022-11-15T00", false}, {"20221115", false},
	} {
		if got := ValidDate(tt.in); got != tt.want {
			t.Errorf("ValidDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
