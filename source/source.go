// Package source reads newsgraph's inputs: crawl text records, HTML pages and
// JSON Lines, from files, directories (walked recursively, in name order) or
// standard input ("-"). The format is chosen by content, not only by file
// extension, and gzip is read transparently.
//
// A reader never stops on bad input: every problem (an unreadable file, a
// binary or empty file, a truncated gzip stream, an oversized record) is
// reported as a newsgraph.Failure naming the input and the reason, with
// whatever bytes could be read, so the caller can keep it for reprocessing.
// Records are streamed: a multi-gigabyte file of crawl records is never held
// in memory whole, only one record at a time.
//
// Splitting and sniffing are simple enough to write here; parsing the
// records' contents is the clean package's job, so that stored raw inputs
// can be re-extracted by a newer version.
package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// DefaultMaxRecordBytes is the largest record that is passed on for
// extraction; larger ones become failures (their bytes are still kept).
const DefaultMaxRecordBytes = 8 << 20

// hardMaxRecordBytes bounds the memory one record may take; bytes beyond it
// are counted but not kept.
const hardMaxRecordBytes = 256 << 20

// Reader walks input paths and emits records.
type Reader struct {
	// MaxRecordBytes is the size limit of one record (default DefaultMaxRecordBytes).
	MaxRecordBytes int
	// Stdin is read for the path "-" (default os.Stdin).
	Stdin io.Reader

	// bufs recycles the 64 KB read buffers of finished files: a directory
	// of small files otherwise allocates one per file. A Reader must not be
	// copied after first use.
	bufs sync.Pool
}

// bufReader returns a buffered reader over rd from the pool.
func (r *Reader) bufReader(rd io.Reader) *bufio.Reader {
	if br, ok := r.bufs.Get().(*bufio.Reader); ok {
		br.Reset(rd)
		return br
	}
	return bufio.NewReaderSize(rd, 64<<10)
}

// release returns br to the pool once nothing refers to its buffer.
func (r *Reader) release(br *bufio.Reader) {
	br.Reset(nil)
	r.bufs.Put(br)
}

// Emit receives each record found, or each failure. Returning an error stops
// the walk with that error.
type Emit func(in *newsgraph.Input, fail *newsgraph.Failure) error

// Walk reads every path in order and calls emit for each record or failure.
// It returns an error only when ctx is cancelled or emit returns one; problems
// with the inputs themselves are reported through emit as failures.
func (r *Reader) Walk(ctx context.Context, paths []string, emit Emit) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			stdin := r.Stdin
			if stdin == nil {
				stdin = os.Stdin
			}
			if err := r.readStream(ctx, p, "", stdin, emit); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if e := emit(nil, &newsgraph.Failure{Path: p, Reason: fmt.Sprintf("cannot read: %v", unwrapPath(err))}); e != nil {
				return e
			}
			continue
		}
		if !info.IsDir() {
			if err := r.readFile(ctx, p, emit); err != nil {
				return err
			}
			continue
		}
		files, err := listFiles(p)
		if err != nil {
			if e := emit(nil, &newsgraph.Failure{Path: p, Reason: fmt.Sprintf("cannot walk directory: %v", err)}); e != nil {
				return e
			}
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := r.readFile(ctx, f, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// listFiles returns the regular files under dir, recursively, in lexical
// order, skipping hidden files and directories.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	if err != nil {
		return files, fmt.Errorf("walk %s: %w", dir, err)
	}
	return files, nil
}

func (r *Reader) readFile(ctx context.Context, path string, emit Emit) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(nil, &newsgraph.Failure{Path: path, Reason: fmt.Sprintf("cannot open: %v", unwrapPath(err))})
	}
	defer f.Close()
	return r.readStream(ctx, path, strings.ToLower(filepath.Ext(path)), f, emit)
}

func (r *Reader) maxRecord() int {
	if r.MaxRecordBytes > 0 {
		return r.MaxRecordBytes
	}
	return DefaultMaxRecordBytes
}

// readStream sniffs one stream (decompressing gzip) and splits it into records.
func (r *Reader) readStream(ctx context.Context, path, ext string, rd io.Reader, emit Emit) error {
	br := r.bufReader(rd)
	defer r.release(br)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return emit(nil, &newsgraph.Failure{Path: path, Reason: fmt.Sprintf("bad gzip stream: %v", err)})
		}
		defer zr.Close()
		br = r.bufReader(&gzipErrReader{zr})
		defer r.release(br)
		ext = strings.TrimSuffix(ext, ".gz")
		if ext == "" || ext == ".gz" {
			ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(path), ".gz")))
		}
	}
	peek, err := br.Peek(8 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		data, _ := io.ReadAll(io.LimitReader(br, hardMaxRecordBytes))
		data = append(append([]byte(nil), peek...), data...)
		return emit(nil, &newsgraph.Failure{Path: path, Reason: readReason(err), Data: data})
	}
	if len(bytes.TrimSpace(peek)) == 0 {
		if len(peek) == 0 {
			return emit(nil, &newsgraph.Failure{Path: path, Reason: "empty input"})
		}
		return emit(nil, &newsgraph.Failure{Path: path, Reason: "input holds only whitespace", Data: append([]byte(nil), peek...)})
	}
	format, reason := Sniff(peek, ext)
	if reason != "" {
		data, _ := io.ReadAll(io.LimitReader(br, hardMaxRecordBytes))
		return emit(nil, &newsgraph.Failure{Path: path, Reason: reason, Data: data})
	}
	switch format {
	case newsgraph.FormatHTML:
		return r.readWhole(path, format, br, emit)
	case newsgraph.FormatJSONL:
		return r.readJSONL(ctx, path, br, emit)
	default:
		return r.readTextRecords(ctx, path, br, emit)
	}
}

// gzipErrReader marks errors of the gzip stream so they read as truncation.
type gzipErrReader struct{ r io.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

func readReason(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("truncated input (%v)", err)
	}
	return fmt.Sprintf("read error: %v", err)
}

// Sniff decides the format of an input from its first bytes and its file
// extension (lower case, with dot, may be empty). A non-empty reason means the
// input is not text at all.
func Sniff(peek []byte, ext string) (newsgraph.Format, string) {
	if looksBinary(peek) {
		return "", "binary content: not a text, HTML or JSON Lines input"
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(peek, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 1024)])
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(bytes.ToLower(peek), []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<!--")) && bytes.Contains(bytes.ToLower(peek), []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<head")) || bytes.HasPrefix(lower, []byte("<meta")) {
		return newsgraph.FormatHTML, ""
	}
	if bytes.HasPrefix(trimmed, []byte("{")) {
		return newsgraph.FormatJSONL, ""
	}
	switch ext {
	case ".html", ".htm", ".xhtml", ".shtml":
		if bytes.HasPrefix(trimmed, []byte("<")) {
			return newsgraph.FormatHTML, ""
		}
	case ".jsonl", ".ndjson":
		return newsgraph.FormatJSONL, ""
	}
	if bytes.HasPrefix(trimmed, []byte("<")) && (bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<div")) || bytes.Contains(lower, []byte("<p>"))) {
		return newsgraph.FormatHTML, ""
	}
	return newsgraph.FormatTextRecord, ""
}

// looksBinary reports content with NUL bytes or mostly control characters
// (images, archives, executables). Text in any encoding passes.
func looksBinary(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		// UTF-16 text has NULs too; it has a BOM.
		return !(bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}))
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	if ctrl*10 > len(b) {
		return true
	}
	if !utf8.Valid(b) {
		// Invalid UTF-8 is judged later per record; but content where most
		// bytes are invalid sequences is binary.
		bad := 0
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				bad++
			}
			i += n
		}
		return bad*3 > len(b)
	}
	return false
}

// readWhole emits the whole stream as one record (an HTML page).
func (r *Reader) readWhole(path string, format newsgraph.Format, br *bufio.Reader, emit Emit) error {
	data, err := io.ReadAll(io.LimitReader(br, hardMaxRecordBytes+1))
	if err != nil {
		return emit(nil, &newsgraph.Failure{Path: path, Format: format, Reason: readReason(err), Data: data})
	}
	if len(data) > r.maxRecord() {
		return emit(nil, &newsgraph.Failure{Path: path, Format: format, Reason: tooLarge(len(data), r.maxRecord()), Data: clip(data)})
	}
	return emit(&newsgraph.Input{Path: path, Format: format, Data: data}, nil)
}

func tooLarge(n, limit int) string {
	return fmt.Sprintf("record too large: %.1f MB exceeds the %.0f MB limit", float64(n)/(1<<20), float64(limit)/(1<<20))
}

func clip(b []byte) []byte {
	if len(b) > hardMaxRecordBytes {
		return b[:hardMaxRecordBytes]
	}
	return b
}

// readJSONL emits one record per non-empty line. Lines are not parsed here
// (the clean package does that), only checked to be JSON objects, so that a
// malformed line becomes a failure naming its line number.
func (r *Reader) readJSONL(ctx context.Context, path string, br *bufio.Reader, emit Emit) error {
	lineNo := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooBig, err := readLine(br, r.maxRecord())
		if len(line) > 0 || tooBig {
			lineNo++
			rec := lineNo - 1
			trimmed := bytes.TrimSpace(line)
			switch {
			case tooBig:
				if e := emit(nil, &newsgraph.Failure{Path: path, Record: rec, Format: newsgraph.FormatJSONL, Reason: fmt.Sprintf("line %d: %s", lineNo, tooLarge(len(line), r.maxRecord())), Data: line}); e != nil {
					return e
				}
			case len(trimmed) == 0:
			case !validJSONObject(trimmed):
				if e := emit(nil, &newsgraph.Failure{Path: path, Record: rec, Format: newsgraph.FormatJSONL, Reason: fmt.Sprintf("line %d: malformed JSON: %s", lineNo, jsonProblem(trimmed)), Data: line}); e != nil {
					return e
				}
			default:
				if e := emit(&newsgraph.Input{Path: path, Record: rec, Format: newsgraph.FormatJSONL, Data: trimmed}, nil); e != nil {
					return e
				}
			}
		} else if err == nil {
			lineNo++
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return emit(nil, &newsgraph.Failure{Path: path, Record: lineNo, Format: newsgraph.FormatJSONL, Reason: fmt.Sprintf("after line %d: %s", lineNo, readReason(err))})
		}
	}
}

// readLine reads one line (without its newline). When the line exceeds limit
// it is still read whole (up to the hard limit) and tooBig is set.
func readLine(br *bufio.Reader, limit int) (line []byte, tooBig bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if len(line)+len(chunk) <= hardMaxRecordBytes {
			line = append(line, chunk...)
		}
		if errors.Is(e, bufio.ErrBufferFull) {
			continue
		}
		if len(line) > limit {
			tooBig = true
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, tooBig, e
	}
}
