package kb

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"G-20", "g 20"},
		{"Côte d'Ivoire", "cote d ivoire"},
		{"Côte d’Ivoire", "cote d ivoire"},
		{"U.S.", "u s"},
		{"São Paulo", "sao paulo"},
		{"  Xi   Jinping ", "xi jinping"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"Ærø", "aero"},
		{"Élysée", "elysee"},
		{"서울", "서울"},
		{"北京市", "北京市"},
		{"beijing", "beijing"},
		{"Moon Jae-in", "moon jae in"},
		{"", ""},
		{"--", ""},
		{"a  b", "a b"},
		{"Hawaiʻi", "hawai i"},
		{"\xff\xfeParis", "paris"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUpperCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"US", "US"}, {"U.S.", "US"}, {"U.S.A.", "USA"}, {"DPRK", "DPRK"}, {" KOR ", "KOR"},
		{"us", ""}, {"Us", ""}, {"A", ""}, {"ABCDE", ""}, {"U S", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := upperCode(tt.in); got != tt.want {
			t.Errorf("upperCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAlnumVariants(t *testing.T) {
	tests := []struct{ in, split, join string }{
		{"g20", "g 20", ""},
		{"g 20", "", "g20"},
		{"cop27 summit", "cop 27 summit", ""},
		{"nato", "", ""},
	}
	for _, tt := range tests {
		if got := splitAlnum(tt.in); got != tt.split {
			t.Errorf("splitAlnum(%q) = %q, want %q", tt.in, got, tt.split)
		}
		if got := joinAlnum(tt.in); got != tt.join {
			t.Errorf("joinAlnum(%q) = %q, want %q", tt.in, got, tt.join)
		}
	}
}
