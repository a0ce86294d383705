// Package charset turns raw input bytes into UTF-8 text and repairs
// mojibake: UTF-8 text that some earlier program decoded as Latin-1 or
// Windows-1252 and wrote out again as UTF-8 ("Ã©tÃ©" for "été", "â€™" for
// "’", "ì„œìš¸" for "서울").
//
// # Repair
//
// Every mojibake sequence begins with one of the runes U+00C2..U+00F4 (the
// Latin-1 reading of a UTF-8 lead byte 0xC2..0xF4), and all of those are
// encoded in UTF-8 with the byte 0xC3. [Repair] therefore returns at once,
// with one vectorised byte search, for any text that has no 0xC3 byte: all
// ASCII text, and all text in non-Latin scripts. Text that has such bytes
// (French, German, …) is checked only at those bytes: the rune there must
// be followed by one that stands for a UTF-8 continuation byte. Measured
// (go test -bench, median of 5, 2 shared cores): 3 KB clean English article
// 110 ns with no allocation; 3.4 KB clean French 8 µs, no allocation;
// 3.4 KB of broken French repaired in 0.2-0.5 ms.
//
// Otherwise the text is cut into runs of runes that Windows-1252 (or
// Latin-1, for the C1 controls U+0080..U+009F that mis-decoders produce for
// the five bytes Windows-1252 leaves undefined) can encode as one byte each.
// Each run is mapped back to those bytes and scanned for well-formed UTF-8
// multi-byte sequences. Only those sequences are replaced; every other rune
// of the run is kept as it was, so a line that mixes correct text ("café")
// and broken text ("cafÃ©") is repaired only where it is broken, and a
// legitimate "Ã" ("SÃO PAULO") never forms a sequence. A decoded rune is
// accepted only when it is plausible text:
//
//   - strong (accepted alone): C1 controls (an intermediate state of doubly
//     mis-decoded text; never correct text), Latin-1 letters and symbols,
//     the Windows-1252 modifiers ˆ and ˜, Latin
//     Extended-A/B and Extended Additional (Vietnamese), combining
//     diacritics, general punctuation, currency and letterlike symbols,
//     emoji, U+FEFF (dropped) and U+FFFD;
//   - weak (accepted only when the run holds a word of them: two weak
//     sequences back to back): Greek, Cyrillic, Hebrew, Arabic, Indic,
//     Thai, CJK, kana, Hangul and symbol blocks. Accidental sequences such
//     as Spanish "sí…”" (the bytes of a Hangul syllable) or "José…”" stand
//     alone and are left alone, while real mojibake has whole words;
//   - anything else (IPA oddities, Samaritan, private use, …) is rejected.
//
// The repair is repeated (at most three passes) so doubly mis-decoded text
// ("ÃƒÂ©" → "Ã©" → "é") is repaired too.
//
// # Decoding bytes
//
// [DecodeBytes] accepts valid UTF-8 (stripping a BOM), UTF-16 with a BOM,
// and any charset a page declares (decoded with
// golang.org/x/text/encoding/htmlindex, which follows the WHATWG encoding
// labels browsers use). Without a declaration, invalid UTF-8 is reported as
// an [*InvalidUTF8Error] carrying the byte offset, so the caller can write an
// error row rather than guess.
package charset

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// maxPasses bounds the repair of text mis-decoded several times over.
const maxPasses = 3

// cp1252High maps the runes Windows-1252 assigns to the bytes 0x80..0x9F
// back to their byte. It is built once from charmap and never mutated.
var cp1252High = buildCP1252High()

func buildCP1252High() map[rune]byte {
	m := make(map[rune]byte, 32)
	for b := 0x80; b <= 0x9F; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r != utf8.RuneError && r >= 0x100 {
			m[r] = byte(b)
		}
	}
	return m
}

// toByte returns the single byte a Latin-1 / Windows-1252 mis-decoder
// produced the rune r from, and whether there is one.
func toByte(r rune) (byte, bool) {
	if r < 0x100 {
		// ASCII, the C1 controls (Latin-1, or Windows-1252's five undefined
		// bytes passed through) and the Latin-1 upper half.
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// Repair detects and repairs mojibake in s. It returns s unchanged and false
// when nothing was repaired, which is the case, without allocation, for any
// text that has no rune in U+00C0..U+00FF. Invalid UTF-8 bytes in s are
// passed through untouched; valid input always gives valid output.
func Repair(s string) (string, bool) {
	if !hasCandidate(s) {
		return s, false
	}
	out, changed := s, false
	for range maxPasses {
		r, ok := repairOnce(out)
		if !ok {
			break
		}
		out, changed = r, true
		if strings.IndexByte(out, 0xC3) < 0 {
			break
		}
	}
	return out, changed
}

// hasCandidate reports whether s holds a possible start of mojibake: a rune
// in U+00C2..U+00F4 (always encoded with a 0xC3 byte, found by a vectorised
// search) followed by a rune that stands for a continuation byte
// 0x80..0xBF. Correct accented text ("été", "Straße") has none.
func hasCandidate(s string) bool {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], 0xC3)
		if j < 0 {
			return false
		}
		i += j
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0xC2 && r <= 0xF4 {
			r2, _ := utf8.DecodeRuneInString(s[i+n:])
			if b, ok := toByte(r2); ok && b >= 0x80 && b <= 0xBF {
				return true
			}
		}
		i++
	}
	return false
}

// plausibility classifies a rune decoded from a candidate sequence.
type plausibility int

const (
	reject plausibility = iota
	weak
	strong
)

// classify says how plausible it is that a decoded rune of the given UTF-8
// size was the original text (see the package doc).
func classify(r rune, size int) plausibility {
	in := func(lo, hi rune) bool { return r >= lo && r <= hi }
	switch size {
	case 2:
		switch {
		case in(0x80, 0x24F), in(0x300, 0x36F), r == 0x2C6, r == 0x2DC:
			return strong
		case in(0x250, 0x2FF), in(0x386, 0x3CE), in(0x400, 0x45F), in(0x490, 0x491),
			in(0x531, 0x587), in(0x5B0, 0x5EA), in(0x600, 0x6FF):
			return weak
		}
	case 3:
		switch {
		case in(0x1E00, 0x1EFF), in(0x2000, 0x206F), in(0x20A0, 0x20BF), in(0x2100, 0x214F),
			r == 0xFEFF, r == 0xFFFD:
			return strong
		case in(0x900, 0xEFF), in(0x1000, 0x11FF), in(0x1780, 0x17FF), in(0x1F00, 0x1FFF),
			in(0x2190, 0x27BF), in(0x2E80, 0x2FDF), in(0x3000, 0x318F), in(0x3400, 0x4DBF),
			in(0x4E00, 0x9FFF), in(0xAC00, 0xD7A3), in(0xF900, 0xFAFF), in(0xFE30, 0xFE4F),
			in(0xFF00, 0xFFEF):
			return weak
		}
	case 4:
		switch {
		case in(0x1F000, 0x1FAFF):
			return strong
		case in(0x20000, 0x3134F):
			return weak
		}
	}
	return reject
}

// candidate is one well-formed UTF-8 sequence found in the bytes of a run.
type candidate struct {
	start, size int // in bytes of the run, one byte per rune
	r           rune
	class       plausibility
}

// repairOnce performs one repair pass over valid UTF-8 text.
func repairOnce(s string) (string, bool) {
	var (
		b       strings.Builder
		changed bool
		last    int // end of the text already written to b
		runBuf  []byte
		offs    []int // byte offset in s of each rune of the run, plus the end
	)
	flush := func(runStart, runEnd int) {
		// runBuf and offs describe s[runStart:runEnd].
		cands := findCandidates(runBuf)
		if len(cands) == 0 {
			return
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:runStart])
		pos := 0
		for _, c := range cands {
			b.WriteString(s[offs[pos]:offs[c.start]])
			if c.r != 0xFEFF {
				b.WriteRune(c.r)
			}
			pos = c.start + c.size
		}
		b.WriteString(s[offs[pos]:runEnd])
		last = runEnd
	}

	runStart, hasLead := -1, false
	for i, r := range s {
		c, ok := toByte(r)
		if !ok {
			if runStart >= 0 && hasLead {
				offs = append(offs, i)
				flush(runStart, i)
			}
			runStart, hasLead = -1, false
			continue
		}
		if runStart < 0 {
			runStart, runBuf, offs = i, runBuf[:0], offs[:0]
		}
		runBuf = append(runBuf, c)
		offs = append(offs, i)
		if c >= 0xC2 && c <= 0xF4 {
			hasLead = true
		}
	}
	if runStart >= 0 && hasLead {
		offs = append(offs, len(s))
		flush(runStart, len(s))
	}
	if !changed {
		return s, false
	}
	b.WriteString(s[last:])
	out := b.String()
	return out, out != s
}

// findCandidates returns the accepted multi-byte sequences in the bytes of
// one run, in order.
func findCandidates(buf []byte) []candidate {
	var cands []candidate
	for i := 0; i < len(buf); {
		c := buf[i]
		if c < 0xC2 || c > 0xF4 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError || size < 2 {
			i++
			continue
		}
		if cl := classify(r, size); cl != reject {
			cands = append(cands, candidate{start: i, size: size, r: r, class: cl})
		}
		i += size
	}
	// Weak sequences are kept only when the run holds a "word" of them: two
	// weak sequences with nothing in between.
	word := false
	for i := 1; i < len(cands) && !word; i++ {
		a, b := cands[i-1], cands[i]
		word = a.class == weak && b.class == weak && a.start+a.size == b.start
	}
	if word {
		return cands
	}
	kept := cands[:0]
	for _, c := range cands {
		if c.class == strong {
			kept = append(kept, c)
		}
	}
	return kept
}

// InvalidUTF8Error reports input that is not valid UTF-8 and declares no
// charset to decode it with.
type InvalidUTF8Error struct {
	// Offset is the byte offset of the first invalid byte.
	Offset int
}

// Error implements error.
func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("input is not valid UTF-8 at byte offset %d and declares no charset", e.Offset)
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// DecodeBytes turns raw input bytes into UTF-8 text. Valid UTF-8 is returned
// as is, without a leading byte-order mark; UTF-16 with a byte-order mark is
// decoded. Otherwise declared (a charset label from an HTML meta tag or an
// HTTP header, such as "windows-1251", "Shift_JIS", "latin1"; quotes and
// "charset=" are tolerated) selects the decoder, invalid sequences becoming
// U+FFFD. Without a usable declaration the result is an *InvalidUTF8Error.
func DecodeBytes(b []byte, declared string) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b, "UTF-16LE")
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b, "UTF-16BE")
	}
	if utf8.Valid(b) {
		return string(bytes.TrimPrefix(b, bomUTF8)), nil
	}
	label := cleanLabel(declared)
	if label == "" {
		return "", &InvalidUTF8Error{Offset: invalidOffset(b)}
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", fmt.Errorf("declared charset %q: %w (%w)", declared, err, &InvalidUTF8Error{Offset: invalidOffset(b)})
	}
	return decodeWith(enc, b, label)
}

// cleanLabel trims a declared charset down to its label.
func cleanLabel(declared string) string {
	l := strings.TrimSpace(declared)
	if i := strings.Index(strings.ToLower(l), "charset="); i >= 0 {
		l = l[i+len("charset="):]
	}
	if i := strings.IndexByte(l, ';'); i >= 0 {
		l = l[:i]
	}
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(l), `"'`))
}

func decodeWith(enc encoding.Encoding, b []byte, name string) (string, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(bytes.TrimPrefix(out, bomUTF8)), nil
}

// invalidOffset returns the byte offset of the first invalid UTF-8 sequence
// in b, or -1 when b is valid.
func invalidOffset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}
