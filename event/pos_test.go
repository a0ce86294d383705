package event

import "testing"

func TestDatelineEnd(t *testing.T) {
	for _, tt := range []struct {
		p    string
		want int
	}{
		{"NEW YORK, April 16 - United Nations Secretary-General Antonio Guterres called", 20},
		{"MANILA, Philippines — The Philippines and Japan signed", 21},
		{"BALI (Reuters) - Leaders met", 6},
		{"NATO-member Norway is willing to send material", 0},
		{"UN peacekeepers arrived - late", 0},
		{"Chinese President Xi Jinping said - then", 0},
	} {
		if got := datelineEnd(tt.p); got != tt.want {
			t.Errorf("datelineEnd(%q) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

func TestNounSuffix(t *testing.T) {
	for w, want := range map[string]bool{"agreement": true, "negotiations": true, "partnership": true, "the": false, "sent": false, "nation": false} {
		if got := nounSuffix(w); got != want {
			t.Errorf("nounSuffix(%q) = %v, want %v", w, got, want)
		}
	}
}
