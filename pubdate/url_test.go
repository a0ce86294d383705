package pubdate

import "testing"

func TestFromURL(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"https://www.example.com/2022/11/15/world/asia/xi-yoon.html", "2022-11-15"},
		{"https://www.example.com/news/2022/11/15", "2022-11-15"},
		{"https://www.theguardian.com/world/2022/nov/15/xi-jinping-yoon", "2022-11-15"},
		{"http://www.news.cn/world/2022-11/15/c_1129130553.htm", "2022-11-15"},
		{"https://example.com/2022-11-15-xi-meets-yoon", "2022-11-15"},
		{"https://example.com/world/xi-meets-yoon-2022-11-15.html", "2022-11-15"},
		{"https://example.com/news/20221115/xi-meets-yoon", "2022-11-15"},
		{"https://example.com/news/xi-meets-yoon-20221115.html", "2022-11-15"},
		{"https://example.com/2022_11_15/story", "2022-11-15"},
		{"https://example.com/2022/1115/c1002-123.html", "2022-11-15"},
		{"https://example.com/15-11-2022/story", "2022-11-15"},
		{"https://example.com/2022/11/xi-meets-yoon", "2022-11"},
		{"https://example.com/2022/11/", "2022-11"},
		{"https://example.com/article?id=123&date=2022-11-15", "2022-11-15"},
		{"https://example.com/article?pubDate=20221115", "2022-11-15"},
		{"https://example.com/article?d=2022%2F11%2F15", "2022-11-15"},
		{"/2022/11/15/relative-path", "2022-11-15"},
		// Not dates.
		{"https://example.com/news/2022111500123", ""},
		{"https://en.yna.co.kr/view/AEN20221115001234315", ""},
		{"https://example.com/article/12345678", ""},
		{"https://example.com/2022/", ""},
		{"https://example.com/2022/13/01/story", ""},
		{"https://example.com/2022/02/30/story", ""},
		{"https://example.com/1985/11/15/story", ""},
		{"https://example.com/products/4k-2022-tv", ""},
		{"https://2022.11.15.example.com/story", ""},
		{"https://example.com/story?page=20221115", ""},
		{"https://example.com/img/1920x1080.jpg", ""},
		{"not a url at all", ""},
		{"", ""},
		{"http://[::1]:namedport/2022/11/15/x", "2022-11-15"},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			d, ok := FromURL(tc.url)
			if d.String() != tc.want || ok != (tc.want != "") {
				t.Errorf("FromURL(%q) = %v %v, want %q", tc.url, d, ok, tc.want)
			}
		})
	}
}
