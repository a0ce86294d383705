package event

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
)

const dataDir = "../../shared/data"

// TestBuildEmbedded rebuilds the dictionary from PETRARCH2's file and
// checks that it is the embedded one (rewriting it with -update).
func TestBuildEmbedded(t *testing.T) {
	f, err := os.Open(filepath.Join(dataDir, "petrarch2", "CAMEO.2.0.txt"))
	if err != nil {
		t.Skipf("PETRARCH2 dictionary absent: %v", err)
	}
	defer f.Close()
	d, err := BuildEmbedded(f)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := d.Encode()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("data", "verbs.json.zst")
	if golden.Updating() {
		if err := os.WriteFile(path, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(enc, verbsZst) {
		t.Errorf("%s is stale: rerun with -update", path)
	}
	if len(d.Blocks) < 300 || len(d.Forms) < 1000 {
		t.Errorf("blocks %d forms %d: too few", len(d.Blocks), len(d.Forms))
	}
}

func TestBuildDictionary(t *testing.T) {
	src := `&ARMS_
+WEAPON
+GUN

####### VERB PATTERNS #######
---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH +MEETS_WITH}
MEET {MEETS MET MEETING}
DISCUSS [040:040]
- * (FOR TALKS)     [036:036]     # MEET
- * CALLS           [:020]        # FACE
- * RUN-OFF         [---]

---  ATTACK   [190]  ---
ATTACK
CARRY {CARRIES CARRIED}
- * &ARMS           [194]
`
	d, err := BuildDictionary(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		form  string
		block string
		rest  string
		code  string
	}{
		{"met", "MEET_PEOPLE", "", ""},
		{"meeting", "MEET_PEOPLE", "", ""},
		{"discussed", "MEET_PEOPLE", "", "040"},
		{"attacks", "ATTACK", "", ""},
		{"attacking", "ATTACK", "", ""},
		{"carried", "ATTACK", "", ""},
	}
	for _, tt := range tests {
		fs := d.Lookup(tt.form)
		if len(fs) == 0 {
			t.Errorf("%s: not indexed", tt.form)
			continue
		}
		f := fs[len(fs)-1]
		if d.Blocks[f.Block].Name != tt.block || strings.Join(f.Rest, " ") != tt.rest || f.Code != tt.code {
			t.Errorf("%s: %+v (block %s)", tt.form, f, d.Blocks[f.Block].Name)
		}
	}
	if fs := d.Lookup("met"); len(fs) != 2 || strings.Join(fs[0].Rest, " ") != "with" {
		t.Errorf("met: %+v, want met_with first", fs)
	}
	meet := d.Blocks[0]
	if meet.Code != "040" || len(meet.Patterns) != 3 {
		t.Fatalf("meet block: %+v", meet)
	}
	if p := meet.Patterns[0]; p.Code != "036" || len(p.After) != 2 || p.After[0][0] != "for" {
		t.Errorf("pattern 0: %+v", p)
	}
	if p := meet.Patterns[1]; p.Code != "020" || !p.Reverse {
		t.Errorf("pattern 1: %+v", p)
	}
	if p := meet.Patterns[2]; p.Code != "" {
		t.Errorf("pattern 2: %+v", p)
	}
	if p := d.Blocks[1].Patterns[0]; strings.Join(p.After[0], ",") != "arms,weapon,gun" {
		t.Errorf("synonyms: %+v", p)
	}
	// A comment naming a verb of the block restricts the pattern to it;
	// one naming no verb of the block ("# FACE") restricts nothing.
	for i, want := range []string{"meet", "", ""} {
		if got := meet.Patterns[i].Verb; got != want {
			t.Errorf("pattern %d verb %q, want %q", i, got, want)
		}
	}
	if fs := d.Lookup("met"); fs[len(fs)-1].Verb != "meet" {
		t.Errorf("met: verb %q, want meet", fs[len(fs)-1].Verb)
	}
}

func TestPlover(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"036", "AGREE"}, {"040", "CONSULT"}, {"044", "CONSULT"}, {"120", "REJECT"}, {"010", ""}, {"1821", "ASSAULT"},
	} {
		if got := Plover(tt.code); got != tt.want {
			t.Errorf("Plover(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

// TestContinuedBlocks: a block named again continues the first, a verb
// given again in it takes its new code, and a verb's own "[---]" leaves
// it to its patterns.
func TestContinuedBlocks(t *testing.T) {
	src := `
---  YIELD   [080]  ---
SURRENDER [080]
CEDE
- * ARMS                                              [0842]        # SURRENDER

---  GO   [040]  ---
LEAVE {LEAVES LEFT}

---  YIELD   [080]  ---
SURRENDER [0874]
- * TERRITORY                                         [0842]        # CEDE

---  GO   [040]  ---
LEAVE {LEAVES LEFT} [---]
- * FOR                                               [040]         # LEAVE
`
	d, err := BuildDictionary(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 2 {
		t.Fatalf("%d blocks, want 2 (the repeated ones continued)", len(d.Blocks))
	}
	if fs := d.Forms["surrender"]; len(fs) != 1 || fs[0].Code != "0874" {
		t.Errorf("surrender forms %+v, want one with code 0874", fs)
	}
	if fs := d.Forms["left"]; len(fs) != 1 || fs[0].Code != NoEvent {
		t.Errorf("left forms %+v, want one with code %q", fs, NoEvent)
	}
	if n := len(d.Blocks[0].Patterns); n != 2 {
		t.Errorf("YIELD has %d patterns, want 2 (both blocks')", n)
	}
}
