package pubdate

import (
	"fmt"
	"strings"
	"testing"
)

func TestInText(t *testing.T) {
	tests := []struct {
		text string
		want []string // "date@start-end:text"
	}{
		{"The talks resumed on November 15, 2022 after a pause.", []string{"2022-11-15@21-38:November 15, 2022"}},
		{"The talks resumed on 15 November 2022.", []string{"2022-11-15@21-37:15 November 2022"}},
		{"Le 15.11.2022, le président a dit.", []string{"2022-11-15@3-13:15.11.2022"}},
		{"Meeting 2022-11-15 in Bali", []string{"2022-11-15@8-18:2022-11-15"}},
		{"习近平2022年11月15日在巴厘岛", []string{"2022-11-15@3-14:2022年11月15日"}},
		{"윤 대통령은 2022년 11월 15일 발리에서", []string{"2022-11-15@7-20:2022년 11월 15일"}},
		{"El 15 de noviembre de 2022 se reunieron.", []string{"2022-11-15@3-26:15 de noviembre de 2022"}},
		{"Em 15 de novembro de 2022, o presidente", []string{"2022-11-15@3-25:15 de novembro de 2022"}},
		{"Am 15. November 2022 trafen sich", []string{"2022-11-15@3-20:15. November 2022"}},
		{"Il 15 novembre 2022 a Bali", []string{"2022-11-15@3-19:15 novembre 2022"}},
		{"15 ноября 2022 года в Бали", []string{"2022-11-15@0-14:15 ноября 2022"}},
		{"15 листопада 2022 року", []string{"2022-11-15@0-17:15 листопада 2022"}},
		{"Pada 15 November 2022, Presiden", []string{"2022-11-15@5-21:15 November 2022"}},
		{"15 Kasım 2022 tarihinde", []string{"2022-11-15@0-13:15 Kasım 2022"}},
		{"ngày 15 tháng 11 năm 2022, Chủ tịch", []string{"2022-11-15@5-25:15 tháng 11 năm 2022"}},
		{"في 15 نوفمبر 2022 قال", []string{"2022-11-15@3-17:15 نوفمبر 2022"}},
		{"في ١٥ تشرين الثاني ٢٠٢٢ قال", []string{"2022-11-15@3-23:١٥ تشرين الثاني ٢٠٢٢"}},
		{"Tuesday, Nov. 15, 2022 and Wednesday, Nov. 16, 2022", []string{"2022-11-15@9-22:Nov. 15, 2022", "2022-11-16@38-51:Nov. 16, 2022"}},
		{"The treaty of 9 November 1989 changed Europe.", []string{"1989-11-09@14-29:9 November 1989"}},
		{"On 15th November 2022", []string{"2022-11-15@3-21:15th November 2022"}},
		{"13/04/2022 and 04/13/2022", []string{"2022-04-13@0-10:13/04/2022", "2022-04-13@15-25:04/13/2022"}},
		// Not full dates.
		{"On Nov. 15, the leaders met.", nil},
		{"In November 2022, the leaders met.", nil},
		{"The score was 3-0 in 2022.", nil},
		{"Call 202-555-0143.", nil},
		{"Version 1.2.3 shipped; 31.02.2022 is not a date.", nil},
		{"Revenue rose 15.11% to $2.022 billion.", nil},
		{"192.168.11.15", nil},
		{"No digits here at all.", nil},
		{"", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, f := range InText(tc.text) {
				got = append(got, fmt.Sprintf("%s@%d-%d:%s", f.Date, f.Start, f.End, f.Text))
				if r := []rune(tc.text); string(r[f.Start:f.End]) != f.Text {
					t.Errorf("offsets %d-%d give %q, Text %q", f.Start, f.End, string(r[f.Start:f.End]), f.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("InText(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
