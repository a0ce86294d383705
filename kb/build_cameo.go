package kb

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// readCameo reads cameo/cameo-codes.csv (the icews codebook): code, name,
// Goldstein value, description.
func (b *builder) readCameo(context.Context) error {
	data, err := b.read(srcCameo)
	if err != nil {
		return err
	}
	cr := csv.NewReader(bytes.NewReader(repairMacRoman(bytesTrimBOM(data))))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("read %s: %w", srcCameo, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	for _, h := range []string{"code", "name", "goldstein", "description"} {
		if _, ok := col[h]; !ok {
			return fmt.Errorf("read %s: no column %q", srcCameo, h)
		}
	}
	seen := map[string]bool{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", srcCameo, err)
		}
		get := func(c string) string {
			v := ""
			if i := col[c]; i < len(rec) {
				v = strings.TrimSpace(rec[i])
			}
			if v == "NA" {
				return ""
			}
			return v
		}
		c := Cameo{Code: get("code"), Name: get("name"), Description: get("description")}
		if c.Code == "" || seen[c.Code] {
			continue
		}
		seen[c.Code] = true
		if g := get("goldstein"); g != "" {
			if c.Goldstein, err = strconv.ParseFloat(g, 64); err != nil {
				return fmt.Errorf("read %s: code %s: goldstein %q: %w", srcCameo, c.Code, g, err)
			}
		}
		b.cameo = append(b.cameo, c)
	}
}

// repairMacRoman undoes the codebook's double mis-encoding: UTF-8 text was
// read as Mac Roman and the result written as Windows-1252, so "’" (E2 80
// 99) became "‚Äô" (82 C4 F4). Each run of non-ASCII bytes is decoded as
// Windows-1252, encoded as Mac Roman and kept when that gives valid UTF-8;
// "¬?" — a character lost to a "?" — before "ankaya" is "Ç" (Çankaya).
// Runs that do not repair are left as they are, decoded as Windows-1252.
func repairMacRoman(data []byte) []byte {
	data = bytes.ReplaceAll(data, []byte("C\xac? ankaya"), []byte("Çankaya"))
	var out bytes.Buffer
	dec := charmap.Windows1252.NewDecoder()
	enc := charmap.Macintosh.NewEncoder()
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			out.WriteByte(data[i])
			i++
			continue
		}
		j := i
		for j < len(data) && data[j] >= utf8.RuneSelf {
			j++
		}
		run := data[i:j]
		switch s, err := dec.Bytes(run); {
		case utf8.Valid(run):
			out.Write(run)
		case err != nil:
			out.WriteString(strings.ToValidUTF8(string(run), "\uFFFD"))
		default:
			if mac, err := enc.Bytes(s); err == nil && utf8.Valid(mac) {
				out.Write(mac)
			} else {
				out.Write(s)
			}
		}
		i = j
	}
	return out.Bytes()
}
