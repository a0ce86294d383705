package timex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/text"
)

// find runs Find on paragraphs and writes each expression as
// "text=value" ("text=-" without a value), with "/duration" or "/set"
// after the kinds other than date.
func find(pub newsgraph.Published, paragraphs ...string) []string {
	var out []string
	for _, x := range Find(paragraphs, text.Analyze(paragraphs), pub) {
		s := x.Text + "="
		if x.Value == nil {
			s += "-"
		} else {
			s += *x.Value
		}
		if x.Kind != string(KindDate) {
			s += "/" + x.Kind
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		pub  newsgraph.Published
		text []string
		want []string
	}{
		{"seed opening", pubYear, []string{
			"Chinese President Xi Jinping said on Tuesday that his country is ready to collaborate with South Korea.",
			"Earlier in the day, South Korean media reported that Yoon would discuss the latest tensions.",
			"The leaders of the two countries meet after nearly three years. Both countries' top leaders last met in December 2019, when former South Korean President Moon Jae-in paid a visit to Xi in Beijing.",
			"President Yoon also expressed his willingness to use the 30th anniversary of South Korea-China relations.",
		}, []string{"Tuesday=-", "Earlier in the day=-", "nearly three years=P3Y/duration", "December 2019=2019-12", "the 30th anniversary=P30Y/duration"}},
		{"seed with a day-precise date", pubDay, []string{
			"Chinese President Xi Jinping said on Tuesday that his country is ready.",
			"Earlier in the day, South Korean media reported that Yoon would discuss the latest tensions.",
		}, []string{"Tuesday=2022-11-15", "Earlier in the day=2022-11-15"}},
		{"future tense", pubDay, []string{
			"Xi will meet Yoon on Tuesday, officials said.",
			"On Monday, he will fly to Bangkok.",
			"The talks are due to resume on Friday.",
			"Biden is meeting Xi on Thursday.",
			"The summit is scheduled for Saturday.",
			"Xi said on Monday that he will visit Seoul.",
		}, []string{"Tuesday=2022-11-22", "Monday=2022-11-21", "Friday=2022-11-18", "Thursday=2022-11-17", "Saturday=2022-11-19", "Monday=2022-11-14"}},
		{"quotes bound the clause", pubDay, []string{
			`"We will meet again on Friday," he said on Tuesday.`,
		}, []string{"Friday=2022-11-18", "Tuesday=2022-11-15"}},
		{"anchored expressions follow the last date", pubDay, []string{
			"The protest began on 2 November. The day before, police had warned organisers. Two days later, the crowd dispersed.",
			"It was first held in 2019. The following year it moved to Seoul.",
		}, []string{"2 November=2022-11-02", "The day before=2022-11-01", "Two days later=2022-11-03", "2019=2019", "The following year=2020"}},
		{"connectors", pubDay, []string{
			"Output grew between 2019 and 2021 and fell from March to May.",
			"Profits rose for the three months to December.",
		}, []string{"2019=2019", "2021=2021", "March=2022-03", "May=2022-05", "three months=P3M/duration", "December=2021-12"}},
		{"rates and durations", pubDay, []string{
			"The firm earns $5bn a year, up 20% a year, but spent a year in court and three times a day it reports.",
			"It took a year earlier than planned, an hour later.",
		}, []string{"a year=P1Y/set", "a year=P1Y/set", "a year=P1Y/duration", "a day=P1D/set", "a year earlier=2021", "an hour later=-"}},
		{"names are not times", pubDay, []string{
			"The Sunday Times and the Daily Mail covered Black Friday and Super Tuesday.",
			"Theresa May said May's plan failed, Radio 4's Today programme and USA Today reported.",
			"The Good Friday Agreement was signed.",
		}, nil},
		{"not times", pubDay, []string{
			"The two leaders met at the G-20 summit, marking the 30th meeting.",
			"The 3-year-old scored in the 3-1 win at 10:30 a.m. with 85 missile strikes and $1.13bn.",
			"Three years old, he was one of the first.",
			"It fell 2,000 points; the march was peaceful and we may leave.",
			"One day, he said, it will all change.",
			"In 1500 homes the power failed.",
		}, nil},
		{"years need a preposition", pubDay, []string{
			"The 2019 election and 2020 figures were strong, since 2019 and in 1848.",
		}, []string{"2019=2019", "1848=1848"}},
		{"weekday with a date", pubDay, []string{
			"The vote is on Tuesday, November 22, 2022, and Sunday 13 November.",
		}, []string{"Tuesday, November 22, 2022=2022-11-22", "Sunday 13 November=2022-11-13"}},
		{"month-precise publication", pubMonth, []string{
			"Last week the index fell; this month it rose. Yesterday it was flat. Last year it doubled, in 2019 it halved.",
		}, []string{"Last week=-", "this month=2022-11", "Yesterday=-", "Last year=2021", "2019=2019"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(tt.pub, tt.text...)
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("got  %s\nwant %s", strings.Join(got, " | "), strings.Join(tt.want, " | "))
			}
		})
	}
}

func TestFindOffsets(t *testing.T) {
	p := "Ümlaut – “on Tuesday”, 3 weeks ago, ünd the 1990s."
	xs := Find([]string{"", p}, text.Analyze([]string{"", p}), pubDay)
	if len(xs) != 3 {
		t.Fatalf("got %+v", xs)
	}
	r := []rune(p)
	for _, x := range xs {
		if x.Paragraph != 1 || string(r[x.Start:x.End]) != x.Text {
			t.Errorf("%+v does not slice paragraph 1", x)
		}
	}
}

func TestStageLanguage(t *testing.T) {
	de := "de"
	doc := &newsgraph.Document{Language: &de, Paragraphs: []string{"Am Dienstag, on Tuesday."}, Published: pubDay}
	if err := NewStage().Annotate(t.Context(), doc); err != nil || doc.Times != nil {
		t.Errorf("a German document got %+v, %v", doc.Times, err)
	}
	en := "en"
	doc = &newsgraph.Document{Language: &en, Paragraphs: []string{"He left on Tuesday."}, Published: pubDay}
	if err := NewStage().Annotate(t.Context(), doc); err != nil || len(doc.Times) != 1 {
		t.Errorf("an English document got %+v, %v", doc.Times, err)
	}
	if _, ok := doc.Scratch[text.ScratchKey].([]text.Paragraph); !ok {
		t.Errorf("the analysis is not left in the scratch")
	}
	if NewStage().Name() != "timex" {
		t.Errorf("name %q", NewStage().Name())
	}
}

func TestNumbers(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want string
	}{
		{"2022-11-15", "2022-11-15 false"}, {"2022/11/15", "2022-11-15 false"}, {"15/11/2022", "2022-11-15 false"},
		{"15.11.2022", "2022-11-15 false"}, {"03.04.2022", "2022-04-03 false"}, {"11/15/2022", "2022-11-15 false"},
		{"03/04/2022", "2022-04-03 true"}, {"4/4/2022", "2022-04-04 false"}, {"31/02/2022", "none"},
		{"2022-13-01", "none"}, {"15/11/22", "none"}, {"1/2", "none"}, {"2019-2021", "none"}, {"10:30:2022", "none"},
	} {
		got := "none"
		if y, m, d, amb, ok := numericDate(tt.s); ok {
			got = fmt.Sprintf("%04d-%02d-%02d %v", y, m, d, amb)
		}
		if got != tt.want {
			t.Errorf("numericDate(%q) = %s, want %s", tt.s, got, tt.want)
		}
	}
	for s, want := range map[string]int{"1990s": 199, "'90s": 199, "’80s": 198, "'00s": 200, "'10s": 201, "2000s": 200, "1900s": -1, "1995s": 0, "90s": 0} {
		if got, _ := decade(s); got != want {
			t.Errorf("decade(%q) = %d, want %d", s, got, want)
		}
	}
	for s, want := range map[string]string{"3": "3", "1,000": "1000", "1.5": "1.5", "2.50": "2.5", "0": "", "1,00": "", "5bn": "", "3.": "", "12,345,678": "12345678"} {
		if got, _ := count(s); got != want {
			t.Errorf("count(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]int{"1st": 1, "2nd": 2, "3rd": 3, "11th": 11, "12th": 12, "13th": 13, "21st": 21, "22nd": 22, "30th": 30, "2th": 0, "11st": 0, "th": 0} {
		if got, _ := ordinal(s); got != want {
			t.Errorf("ordinal(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTense(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want Tense
	}{
		{"He met Yoon on Tuesday.", TensePast},
		{"He will meet Yoon on Tuesday.", TenseFuture},
		{"He'll meet Yoon on Tuesday.", TenseFuture},
		{"He won't meet Yoon on Tuesday.", TenseFuture},
		{"He is due to meet Yoon on Tuesday.", TenseFuture},
		{"Flights were cancelled due to fog on Tuesday.", TensePast},
		{"He meets Yoon on Tuesday.", TenseUnknown},
		{"On Tuesday, he will meet Yoon.", TenseFuture},
		{"He will meet Yoon on Tuesday, officials said.", TenseFuture},
		{"He met Yoon on Tuesday and will return next week.", TensePast},
		{"Xi and Yoon will meet on Tuesday.", TenseFuture},
		{"Officials said on Tuesday that he will meet Yoon.", TensePast},
		{"It has been agreed that on Tuesday the hundred delegates meet.", TenseUnknown},
	} {
		toks := text.Tokenize(tt.s)
		p := para{text: tt.s, toks: toks, ents: make([]entry, len(toks))}
		p.lookupAll()
		i := 0
		for i < len(toks) && toks[i].Text != "Tuesday" {
			i++
		}
		if got := p.tenseOf(0, len(toks), i, i); got != tt.want {
			t.Errorf("%q: tense %s, want %s", tt.s, got, tt.want)
		}
	}
}
