package ner

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/klauspost/compress/zstd"
)

// maxModelBytes bounds the decompressed size of a model file.
const maxModelBytes = 1 << 30

// modelMagic opens every model file (before compression).
const modelMagic = "NGNER\x01"

// modelHeader is the JSON head of a model file.
type modelHeader struct {
	Scheme  Scheme            `json:"scheme"`
	Types   []string          `json:"types"`
	Info    map[string]string `json:"info"`
	Scale   float64           `json:"scale"`
	Rows    int               `json:"rows"`
	Labels  int               `json:"labels"`
	HasGaz  bool              `json:"gazetteer"`
	HasClus bool              `json:"clusters"`
}

// Save writes the model in its compact format: a JSON header, the gazetteer
// phrase lists, the word clusters, the transition weights, then the feature
// rows sorted by hash, each key delta-coded and each non-zero weight
// quantised to 16 bits; all of it zstd-compressed.
func Save(m *Model, w io.Writer) error {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var maxAbs float64
	for _, x := range m.weights {
		maxAbs = math.Max(maxAbs, math.Abs(float64(x)))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	h := modelHeader{Scheme: m.Scheme, Types: m.Types, Info: m.Info, Scale: scale, Rows: len(m.rowKeys),
		Labels: m.nl, HasGaz: m.Gazetteer != nil, HasClus: m.Clusters != nil}
	hb, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(modelMagic)
	uv(uint64(len(hb)))
	bw.Write(hb)
	if m.Gazetteer != nil {
		uv(numGaz)
		for _, list := range m.Gazetteer.Lists {
			uv(uint64(len(list)))
			for _, p := range list {
				str(p)
			}
		}
	}
	if m.Clusters != nil {
		uv(uint64(len(m.Clusters.Words)))
		for i, word := range m.Clusters.Words {
			str(word)
			for _, id := range m.Clusters.IDs[i] {
				uv(uint64(id))
			}
		}
	}
	for _, x := range m.trans {
		binary.Write(bw, binary.LittleEndian, x)
	}
	nl := m.nl
	var prev uint64
	for r, key := range m.rowKeys {
		uv(key - prev)
		prev = key
		row := m.weights[r*nl : (r+1)*nl]
		var mask uint64
		for l, x := range row {
			if x != 0 {
				mask |= 1 << uint(l)
			}
		}
		uv(mask)
		for _, x := range row {
			if x != 0 {
				sv(int64(math.Round(float64(x) / scale)))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// SaveFile writes the model to a file.
func SaveFile(m *Model, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := Save(m, f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// LoadFile reads a model file written by SaveFile.
func LoadFile(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return Load(b)
}

// errCorrupt reports a model file that does not parse.
var errCorrupt = errors.New("corrupt model file")

// Load reads a model from the bytes of a model file.
func Load(data []byte) (*Model, error) {
	zr, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxModelBytes))
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer zr.Close()
	raw, err := zr.DecodeAll(data, nil)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	m, err := decodeModel(raw)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return m, nil
}

func decodeModel(raw []byte) (*Model, error) {
	r := bytes.NewReader(raw)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("%w: bad magic", errCorrupt)
	}
	var rerr error
	uv := func() uint64 {
		x, err := binary.ReadUvarint(r)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	sv := func() int64 {
		x, err := binary.ReadVarint(r)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	str := func() string {
		n := uv()
		if n > uint64(r.Len()) {
			if rerr == nil {
				rerr = io.ErrUnexpectedEOF
			}
			return ""
		}
		b := make([]byte, n)
		io.ReadFull(r, b)
		return string(b)
	}
	count := func() int {
		n := uv()
		if n > uint64(r.Len()) { // every item takes at least a byte
			if rerr == nil {
				rerr = fmt.Errorf("%w: count %d too large", errCorrupt, n)
			}
			return 0
		}
		return int(n)
	}
	hlen := count()
	hb := make([]byte, hlen)
	io.ReadFull(r, hb)
	var h modelHeader
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, fmt.Errorf("%w: header: %w", errCorrupt, err)
	}
	if h.Scheme != BIO && h.Scheme != BILOU || len(h.Types) == 0 || len(h.Types) > 15 || h.Rows < 0 {
		return nil, fmt.Errorf("%w: bad header", errCorrupt)
	}
	m := &Model{Scheme: h.Scheme, Types: h.Types, Info: h.Info}
	m.init()
	if m.nl != h.Labels || m.nl > 64 {
		return nil, fmt.Errorf("%w: %d labels, header says %d", errCorrupt, m.nl, h.Labels)
	}
	if h.HasGaz {
		g := &Gazetteer{}
		if n := count(); n != numGaz {
			return nil, fmt.Errorf("%w: %d gazetteer lists", errCorrupt, n)
		}
		for c := range g.Lists {
			n := count()
			g.Lists[c] = make([]string, 0, n)
			for range n {
				g.Lists[c] = append(g.Lists[c], str())
			}
		}
		g.build()
		m.Gazetteer = g
	}
	if h.HasClus {
		c := &Clusters{}
		n := count()
		c.Words = make([]string, 0, n)
		c.IDs = make([][numClusterLevels]uint16, n)
		for i := range n {
			c.Words = append(c.Words, str())
			for l := range numClusterLevels {
				c.IDs[i][l] = uint16(uv())
			}
		}
		c.build()
		m.Clusters = c
	}
	if rerr != nil {
		return nil, fmt.Errorf("%w: %w", errCorrupt, rerr)
	}
	nl := m.nl
	m.trans = make([]float32, (nl+1)*nl)
	if err := binary.Read(r, binary.LittleEndian, m.trans); err != nil {
		return nil, fmt.Errorf("%w: transitions: %w", errCorrupt, err)
	}
	if h.Rows > r.Len() {
		return nil, fmt.Errorf("%w: %d rows", errCorrupt, h.Rows)
	}
	m.rowKeys = make([]uint64, h.Rows)
	m.weights = make([]float32, h.Rows*nl)
	m.table = newFeatTable(h.Rows)
	var key uint64
	for i := range h.Rows {
		key += uv()
		mask := uv()
		row := m.weights[i*nl : (i+1)*nl]
		for l := range nl {
			if mask&(1<<uint(l)) != 0 {
				row[l] = float32(float64(sv()) * h.Scale)
			}
		}
		if rerr != nil {
			return nil, fmt.Errorf("%w: row %d: %w", errCorrupt, i, rerr)
		}
		if key == 0 {
			return nil, fmt.Errorf("%w: zero key", errCorrupt)
		}
		m.rowKeys[i] = key
		m.table.put(key, int32(i))
	}
	return m, nil
}
