package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"

	"github.com/newsgraph/newsgraph"
)

// IsHeaderLine reports whether a line is a crawl-record header:
// " date YYYY-MM-DD TEXT" or " date YYYY-MM TEXT" (the leading space and the
// TEXT are optional). Each header line starts a new record.
func IsHeaderLine(line []byte) bool {
	line = bytes.TrimLeft(line, " \t\ufeff")
	line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(line, []byte("date ")) {
		return false
	}
	rest := line[5:]
	// YYYY-MM
	if len(rest) < 7 || !digits(rest[:4]) || rest[4] != '-' || !digits(rest[5:7]) {
		return false
	}
	rest = rest[7:]
	if len(rest) >= 3 && rest[0] == '-' && digits(rest[1:3]) {
		rest = rest[3:]
	}
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\r' || rest[0] == '\n'
}

func digits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// readTextRecords splits a stream of crawl records at header lines. Content
// before the first header (or the whole stream, when there is none) is one
// record.
func (r *Reader) readTextRecords(ctx context.Context, path string, br *bufio.Reader, emit Emit) error {
	var (
		rec     []byte
		tooBig  bool
		index   int
		started bool
	)
	flush := func() error {
		if !started {
			return nil
		}
		started = false
		data := rec
		rec = nil
		big := tooBig
		tooBig = false
		idx := index
		index++
		if big || len(data) > r.maxRecord() {
			return emit(nil, &newsgraph.Failure{Path: path, Record: idx, Format: newsgraph.FormatTextRecord, Reason: tooLarge(len(data), r.maxRecord()), Data: data})
		}
		if len(bytes.TrimSpace(data)) == 0 {
			return nil
		}
		return emit(&newsgraph.Input{Path: path, Record: idx, Format: newsgraph.FormatTextRecord, Data: data}, nil)
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk, err := br.ReadSlice('\n')
		full := errors.Is(err, bufio.ErrBufferFull)
		if len(chunk) > 0 {
			// A header is only recognised at the start of a line; a very long
			// line arrives in several chunks, the later ones are never headers.
			if IsHeaderLine(chunk) && (len(rec) == 0 || rec[len(rec)-1] == '\n') {
				if e := flush(); e != nil {
					return e
				}
			}
			started = true
			if len(rec)+len(chunk) <= hardMaxRecordBytes {
				rec = append(rec, chunk...)
			} else {
				tooBig = true
			}
			if len(rec) > r.maxRecord() {
				tooBig = true
			}
		}
		if full {
			continue
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return flush()
			}
			// The stream broke (a truncated gzip): what was read of the
			// current record is kept as a failure.
			data := rec
			idx := index
			rec, started = nil, false
			return emit(nil, &newsgraph.Failure{Path: path, Record: idx, Format: newsgraph.FormatTextRecord, Reason: readReason(err), Data: data})
		}
	}
}

func validJSONObject(b []byte) bool {
	return len(b) > 0 && b[0] == '{' && json.Valid(b)
}

func jsonProblem(b []byte) string {
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		return err.Error()
	}
	return "not a JSON object"
}
