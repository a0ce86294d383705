package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

type got struct {
	inputs   []*newsgraph.Input
	failures []*newsgraph.Failure
}

func walk(t *testing.T, r *Reader, paths ...string) got {
	t.Helper()
	var g got
	err := r.Walk(context.Background(), paths, func(in *newsgraph.Input, f *newsgraph.Failure) error {
		if in != nil {
			g.inputs = append(g.inputs, in)
		}
		if f != nil {
			g.failures = append(g.failures, f)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	return g
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestIsHeaderLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{" date 2022-01-01 Chinese President Xi Jinping", true},
		{" date 2022-11 Some text", true},
		{" date 2022-11-15", true},
		{"date 2022-11-15 no leading space", true},
		{" date 2022-11-15\r", true},
		{" date 22-11-15 short year", false},
		{" date: 2022-11-15", false},
		{"The date 2022-11-15 was set", false},
		{" date 2022-1-5 x", false},
		{" date 2022-11-15x", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsHeaderLine([]byte(tt.line)); got != tt.want {
			t.Errorf("IsHeaderLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, data, ext string
		want            newsgraph.Format
		fail            bool
	}{
		{"doctype", "<!DOCTYPE html><html><body>x</body></html>", "", newsgraph.FormatHTML, false},
		{"html tag with spaces", "\n  <html lang=en>", ".txt", newsgraph.FormatHTML, false},
		{"bom html", "\xef\xbb\xbf<html>", "", newsgraph.FormatHTML, false},
		{"jsonl", `{"url": "x", "text": "y"}` + "\n", ".txt", newsgraph.FormatJSONL, false},
		{"jsonl by ext", "  \n", ".jsonl", newsgraph.FormatJSONL, false},
		{"record", " date 2022-01-01 Title\nBody.", ".html", newsgraph.FormatTextRecord, false},
		{"plain text", "Just a paragraph of text.", "", newsgraph.FormatTextRecord, false},
		{"fragment with ext", "<div><p>Hi</p></div>", ".htm", newsgraph.FormatHTML, false},
		{"binary nul", "PK\x03\x04\x00\x00binary", ".txt", "", true},
		{"binary png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "", true},
		{"latin1 text is text", "Caf\xe9 au lait, na\xefve r\xe9sum\xe9 of the day.", "", newsgraph.FormatTextRecord, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reason := Sniff([]byte(tt.data), tt.ext)
			if (reason != "") != tt.fail {
				t.Fatalf("Sniff reason = %q, want failure %v", reason, tt.fail)
			}
			if !tt.fail && got != tt.want {
				t.Errorf("Sniff = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextRecords(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		records []string // each record's first line
	}{
		{"no header", "Para one.\nPara two.\n", []string{"Para one."}},
		{"one header", " date 2022-01-01 T\nBody.\n", []string{" date 2022-01-01 T"}},
		{"three records", " date 2022-01-01 A\nBody A.\n date 2022-02 B\nBody B.\n date 2022-03-03\nBody C.", []string{" date 2022-01-01 A", " date 2022-02 B", " date 2022-03-03"}},
		{"text before first header", "Stray line.\n date 2022-01-01 A\nBody.\n", []string{"Stray line.", " date 2022-01-01 A"}},
		{"blank records dropped", "\n\n date 2022-01-01 A\nBody.\n", []string{" date 2022-01-01 A"}},
		{"crlf", " date 2022-01-01 A\r\nBody.\r\n date 2022-01-02 B\r\nMore.\r\n", []string{" date 2022-01-01 A", " date 2022-01-02 B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Reader{Stdin: strings.NewReader(tt.data)}
			g := walk(t, r, "-")
			if len(g.failures) > 0 {
				t.Fatalf("failures: %v", g.failures[0])
			}
			if len(g.inputs) != len(tt.records) {
				t.Fatalf("got %d records, want %d", len(g.inputs), len(tt.records))
			}
			for i, in := range g.inputs {
				first, _, _ := strings.Cut(string(in.Data), "\n")
				first = strings.TrimRight(first, "\r")
				if strings.TrimSpace(first) != strings.TrimSpace(tt.records[i]) {
					t.Errorf("record %d starts %q, want %q", i, first, tt.records[i])
				}
				if in.Path != "-" || in.Format != newsgraph.FormatTextRecord {
					t.Errorf("record %d: path %q format %q", i, in.Path, in.Format)
				}
			}
			var all []byte
			for _, in := range g.inputs {
				all = append(all, in.Data...)
			}
			if strings.TrimSpace(string(all)) != strings.TrimSpace(tt.data) {
				t.Errorf("records lose bytes:\n%q\nvs\n%q", all, tt.data)
			}
		})
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := " date 2022-01-01 A\nA body paragraph.\n date 2022-01-02 B\nAnother body paragraph.\n"
	write(t, dir, "good.txt", []byte(good))
	write(t, dir, "empty.txt", nil)
	write(t, dir, "binary.bin", append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"), bytes.Repeat([]byte{0, 1, 2}, 100)...))
	trunc := gz([]byte(strings.Repeat(good, 2000)))
	write(t, dir, "trunc.txt.gz", trunc[:len(trunc)/2])
	write(t, dir, "ok.txt.gz", gz([]byte(good)))
	write(t, dir, "lines.jsonl", []byte("{\"text\": \"one\"}\n{broken\n\n{\"text\": \"three\"}\n[1,2]\n"))
	write(t, dir, "sub/deep/page.html", []byte("<html><body><p>x</p></body></html>"))
	write(t, dir, ".hidden/skip.txt", []byte("skip me"))
	big := bytes.Repeat([]byte("A long line of text that goes on.\n"), (9<<20)/34)
	write(t, dir, "big.txt", big)

	g := walk(t, &Reader{}, dir, filepath.Join(dir, "missing.txt"))
	byPath := map[string][]string{}
	for _, f := range g.failures {
		byPath[filepath.Base(f.Path)] = append(byPath[filepath.Base(f.Path)], f.Reason)
	}
	wantFail := map[string]string{
		"empty.txt":    "empty input",
		"binary.bin":   "binary content",
		"trunc.txt.gz": "truncated",
		"lines.jsonl":  "malformed JSON",
		"big.txt":      "record too large",
		"missing.txt":  "cannot read",
	}
	for name, want := range wantFail {
		reasons := byPath[name]
		if len(reasons) == 0 || !strings.Contains(strings.Join(reasons, ";"), want) {
			t.Errorf("%s: failures %q, want one containing %q", name, reasons, want)
		}
	}
	if n := len(byPath["lines.jsonl"]); n != 2 {
		t.Errorf("lines.jsonl: %d failures, want 2 (bad line and array): %q", n, byPath["lines.jsonl"])
	}
	count := map[string]int{}
	for _, in := range g.inputs {
		count[filepath.Base(in.Path)]++
	}
	if count["good.txt"] != 2 || count["ok.txt.gz"] != 2 || count["lines.jsonl"] != 2 || count["page.html"] != 1 {
		t.Errorf("inputs per file: %v", count)
	}
	if count["skip.txt"] != 0 {
		t.Errorf("hidden directory was read")
	}
	if count["trunc.txt.gz"] == 0 {
		t.Errorf("records before the truncation point were lost")
	}
	for _, f := range g.failures {
		if filepath.Base(f.Path) == "big.txt" && len(f.Data) != len(big) {
			t.Errorf("oversized record kept %d bytes, want all %d", len(f.Data), len(big))
		}
	}
}

func TestWalkOrderAndRecordIndex(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte(" date 2022-01-01 x\nb0\n date 2022-01-01 y\nb1\n"))
	write(t, dir, "a.txt", []byte("a0\n"))
	g := walk(t, &Reader{}, dir)
	var names []string
	for _, in := range g.inputs {
		names = append(names, in.Name()[len(dir)+1:])
	}
	want := "a.txt b.txt b.txt#1"
	if strings.Join(names, " ") != want {
		t.Errorf("order %q, want %q", strings.Join(names, " "), want)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := &Reader{Stdin: strings.NewReader("x\n")}
	if err := r.Walk(ctx, []string{"-"}, func(*newsgraph.Input, *newsgraph.Failure) error { return nil }); err == nil {
		t.Error("cancelled walk returned nil")
	}
}

func FuzzTextRecords(f *testing.F) {
	f.Add([]byte(" date 2022-01-01 Chinese President\nBody one.\nBody two.\n"))
	f.Add([]byte(" date 2022-11 x\n\n date 2022-11-15\n"))
	f.Add([]byte("{\"text\": \"a\"}\n{"))
	f.Add([]byte("<html><p>x"))
	f.Add(gz([]byte(" date 2022-01-01 A\nB\n")))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{Stdin: bytes.NewReader(data), MaxRecordBytes: 1 << 12}
		total := 0
		err := r.Walk(context.Background(), []string{"-"}, func(in *newsgraph.Input, fl *newsgraph.Failure) error {
			if in != nil {
				if len(in.Data) == 0 {
					t.Fatalf("empty input emitted")
				}
				total += len(in.Data)
			}
			if fl != nil && fl.Reason == "" {
				t.Fatalf("failure without reason")
			}
			return nil
		})
		if err != nil {
			t.Fatalf("walk error: %v", err)
		}
		if total > len(data)*1100+1<<20 {
			t.Fatalf("emitted more bytes than read")
		}
	})
}
