package pubdate

import "strings"

// wordFlag classifies a word of the lexicon. A word can carry several flags
// ("mar" is a month in Spanish and a weekday abbreviation in French).
type wordFlag uint32

const (
	fWeekday    wordFlag = 1 << iota // weekday name or abbreviation
	fPub                             // "published" label
	fUpd                             // "updated" label
	fFill                            // filler word allowed in a timestamp line ("at", "le", "um")
	fTZ                              // time zone abbreviation
	fAgency                          // news agency or wire name
	fAM                              // before noon marker
	fPM                              // after noon marker
	fRead                            // reading-time word ("read", "Lesezeit")
	fMinUnit                         // "min", "minutes" (reading time)
	fAgo                             // "ago", "назад", "전": follows a relative time
	fAgoPre                          // "hace", "vor", "il y a": precedes a relative time
	fRelUnit                         // hour, day … in a relative time
	fBy                              // byline opener "By", "Par", "Von"
	fDe                              // "de", "del" inside Spanish/Portuguese dates
	fYearSuffix                      // "г", "года", "року" after a year
	fOrd                             // ordinal suffix "th", "er"
	fH                               // French "h" in 10h30
	fUhr                             // German "Uhr"
	fThang                           // Vietnamese "tháng" (month)
	fNam                             // Vietnamese "năm" (year)
	fArHead                          // Arabic "كانون"/"تشرين" (two-word Levantine months)
	fArFirst                         // Arabic "الأول"
	fArSecond                        // Arabic "الثاني"
	fStop                            // first word that opens furniture, never a dateline place
)

// wordInfo is what the lexicon knows about a lowercased word.
type wordInfo struct {
	flags wordFlag
	month int8 // 1–12 when the word names a month
	// arMonth2 is the month for fArHead words followed by الأول / الثاني.
	arFirst, arSecond int8
}

func (w wordInfo) known() bool { return w.flags != 0 || w.month != 0 }

// monthNames lists month names and abbreviations per language, January first.
// Each entry is the space-separated spellings of one month.
var monthNames = [...][12]string{
	// English
	{"january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
		"august aug", "september sep sept", "october oct", "november nov", "december dec"},
	// French
	{"janvier janv", "février fevrier févr fevr fév", "mars", "avril avr", "mai", "juin", "juillet juil",
		"août aout", "septembre", "octobre", "novembre", "décembre decembre déc"},
	// German (and Austrian Jänner)
	{"januar jänner jän", "februar", "märz maerz mär", "april", "mai", "juni", "juli",
		"august", "september", "oktober okt", "november", "dezember dez"},
	// Spanish
	{"enero ene", "febrero", "marzo", "abril abr", "mayo", "junio", "julio",
		"agosto ago", "septiembre setiembre", "octubre", "noviembre", "diciembre dic"},
	// Portuguese
	{"janeiro", "fevereiro fev", "março marco", "abril", "maio", "junho", "julho",
		"agosto", "setembro set", "outubro out", "novembro", "dezembro dez"},
	// Italian
	{"gennaio gen", "febbraio", "marzo", "aprile", "maggio mag", "giugno giu", "luglio lug",
		"agosto", "settembre", "ottobre ott", "novembre", "dicembre"},
	// Russian (nominative, genitive, abbreviations)
	{"январь января янв", "февраль февраля фев февр", "март марта мар", "апрель апреля апр", "май мая",
		"июнь июня июн", "июль июля июл", "август августа авг", "сентябрь сентября сен сент",
		"октябрь октября окт", "ноябрь ноября ноя нояб", "декабрь декабря дек"},
	// Ukrainian
	{"січень січня січ", "лютий лютого лют", "березень березня бер", "квітень квітня квіт", "травень травня трав",
		"червень червня черв", "липень липня лип", "серпень серпня серп", "вересень вересня вер",
		"жовтень жовтня жовт", "листопад листопада лист", "грудень грудня груд"},
	// Turkish (with and without dotless i and cedilla)
	{"ocak", "şubat subat", "mart", "nisan", "mayıs mayis", "haziran", "temmuz",
		"ağustos agustos", "eylül eylul", "ekim", "kasım kasim", "aralık aralik"},
	// Indonesian / Malay
	{"januari", "februari", "maret", "april", "mei", "juni", "juli",
		"agustus agu agt ags ogos", "september", "oktober okt", "november", "desember des disember"},
	// Dutch
	{"januari", "februari", "maart mrt", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"},
	// Arabic (Egyptian/Gulf, Maghreb, Levantine one-word names)
	{"يناير جانفي", "فبراير فيفري شباط", "مارس آذار اذار", "أبريل ابريل إبريل أفريل نيسان", "مايو ماي أيار ايار",
		"يونيو جوان حزيران", "يوليو يوليوز جويلية تموز", "أغسطس اغسطس غشت أوت آب اب", "سبتمبر شتنبر أيلول ايلول",
		"أكتوبر اكتوبر", "نوفمبر نونبر", "ديسمبر دجنبر"},
	// Polish genitive and Czech are left to go-dateparser; Vietnamese months
	// are "tháng 11", handled by the matcher.
}

// lexiconWords lists the other words by flag, space separated.
var lexiconWords = []struct {
	flags wordFlag
	words string
}{
	{fWeekday, "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
		"lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim " +
		"montag dienstag mittwoch donnerstag freitag samstag sonntag " +
		"lunes martes miércoles miercoles jueves viernes sábado sabado domingo mié jue vie sáb " +
		"segunda terça terca quarta quinta sexta feira seg ter qua qui sex " +
		"lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica " +
		"понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье пн вт ср чт пт сб вс " +
		"понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя " +
		"월요일 화요일 수요일 목요일 금요일 토요일 일요일 월 화 수 목 금 토 일 " +
		"星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 周一 周二 周三 周四 周五 周六 周日 " +
		"月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日 火 水 木 金 土 " +
		"الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد " +
		"senin selasa rabu kamis jumat sabtu minggu ahad " +
		"pazartesi salı sali çarşamba carsamba perşembe persembe cuma cumartesi pazar " +
		"thứ hai ba tư sáu bảy chủ nhật " +
		"maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"},
	{fPub, "published publish posted created issued first originally " +
		"publié publie publiée publication " +
		"veröffentlicht veroeffentlicht erstellt erschienen " +
		"publicado publicada publicación publicacion " +
		"pubblicato pubblicata pubblicazione " +
		"опубликовано опубликован опубликована публикации опубліковано опубліковано " +
		"입력 등록 기사입력 송고 발행 " +
		"发布时间 发布 发表于 发表 发稿时间 發佈時間 發布時間 發佈 發布 發表 公開 公開日 配信 配信日 掲載 掲載日 " +
		"نشر نشرت تاريخ النشر " +
		"diterbitkan dipublikasikan terbit dipublikasi " +
		"yayınlanma yayinlanma yayınlandı yayinlandi yayın yayin " +
		"đăng " +
		"gepubliceerd geplaatst"},
	{fUpd, "updated update modified edited revised " +
		"mis mise modifié modifie actualisé " +
		"aktualisiert geändert geaendert stand " +
		"actualizado actualizada actualización actualizacion atualizado atualizada atualização atualizacao " +
		"aggiornato aggiornata aggiornamento " +
		"обновлено обновлен обновления изменено оновлено оновлення " +
		"수정 최종수정 업데이트 " +
		"更新 更新时间 更新時間 更新日 最終更新 修改 " +
		"تحديث تم آخر اخر " +
		"diperbarui diperbaharui pembaruan " +
		"güncelleme guncelleme güncellendi guncellendi " +
		"cập nhật " +
		"bijgewerkt gewijzigd"},
	{fFill, "at on the of in and by date time last first day all news source agency editor " +
		"y le la à a de du jour dernière derniere heure " +
		"am um vom zuletzt uhrzeit datum " +
		"el las los del en fecha hora " +
		"em às as do da dia " +
		"il alle ore del " +
		"в во г года год дата время последнее о року р " +
		"기사 최종 날짜 " +
		"时间 時間 日期 来源 來源 年 月 日 号 號 时 時 点 點 分 秒 년 월 일 시 분 초 " +
		"في بتاريخ الساعة م ص " +
		"pada pukul jam tanggal wib " +
		"tarihi tarih saat " +
		"ngày lúc " +
		"op om " +
		"t z"},
	{fTZ, "gmt utc bst cet cest eet eest wet west msk " +
		"est edt cst cdt mst mdt pst pdt et pt akst hst " +
		"ist pkt kst jst hkt sgt awst aest aedt acst nzst nzdt cat eat wat sast ast gst irst " +
		"wib wita wit ict mez mesz"},
	{fAgency, "reuters afp ap apa yonhap xinhua kyodo tass ria interfax ukrinform unian " +
		"bernama antara ani pti ians dpa efe ansa anadolu aa kcna kyodonews vna bloomberg " +
		"newsis 연합뉴스 뉴시스 뉴스1 新华社 新華社 中新社 人民网 新华网 共同 时事 時事 тасс интерфакс риа укрінформ унн " +
		"وكالات وام واس سبأ قنا"},
	{fAM, "am 오전 午前 上午 ص صباحا"},
	{fPM, "pm 오후 午後 下午 晚上 مساء مساءً"},
	{fRead, "read reading lesezeit lecture lectura leitura lettura чтения читать читання 읽기 阅读 閱讀 okuma baca đọc"},
	{fMinUnit, "min mins minute minutes minuten minuto minutos minuti мин минут минуты хв хвилин 분 分钟 分鐘 dakika dk menit phút"},
	{fAgo, "ago назад тому önce once lalu yang trước fa geleden 전 前 小时前 小時前 分钟前 分鐘前 天前 钟前 時間前 分前 日前"},
	{fAgoPre, "hace vor há ha il y a sitten منذ"},
	{fRelUnit, "second seconds sec secs hour hours hr hrs day days week weeks " +
		"heure heures jour jours stunde stunden tag tagen minuten " +
		"hora horas día días dia dias ora ore giorno giorni " +
		"час часа часов день дня дней годин години дні днів " +
		"시간 일 분 초 小时 小時 天 小时前 小時前 分钟前 分鐘前 天前 時間前 分前 日前 saat gün gun jam hari detik giờ ngày uur dagen"},
	{fBy, "by par von por di oleh автор bởi door"},
	{fDe, "de del"},
	{fYearSuffix, "г года год гг р року рік yılı yili"},
	{fOrd, "st nd rd th er re ème eme º ª"},
	{fH, "h"},
	{fUhr, "uhr"},
	{fThang, "tháng thang"},
	{fNam, "năm nam"},
	{fArHead, "كانون تشرين"},
	{fArFirst, "الأول الاول"},
	{fArSecond, "الثاني"},
	{fStop, "breaking update updated watch exclusive video photos photo live opinion analysis editorial " +
		"factbox explainer correction note advertisement read related see also sponsored comment"},
}

// lexicon maps lowercased words to what they are. Built once, never mutated.
var lexicon = buildLexicon()

func buildLexicon() map[string]wordInfo {
	m := make(map[string]wordInfo, 1500)
	for _, lang := range monthNames {
		for i, names := range lang {
			for _, w := range strings.Fields(names) {
				info := m[w]
				info.month = int8(i + 1)
				m[w] = info
			}
		}
	}
	for _, e := range lexiconWords {
		for _, w := range strings.Fields(e.words) {
			info := m[w]
			info.flags |= e.flags
			m[w] = info
		}
	}
	// Levantine two-word months: كانون الثاني (January), كانون الأول
	// (December), تشرين الأول (October), تشرين الثاني (November).
	k := m["كانون"]
	k.arFirst, k.arSecond = 12, 1
	m["كانون"] = k
	t := m["تشرين"]
	t.arFirst, t.arSecond = 10, 11
	m["تشرين"] = t
	return m
}
