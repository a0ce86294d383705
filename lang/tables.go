package lang

import "strings"

// wordLangs lists the Latin- and Cyrillic-script languages the word scorer
// knows, in bit order: bit i of a mask stands for wordLangs[i].
var wordLangs = []string{
	"en", "fr", "de", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl",
	"cs", "ro", "hu", "hr", "sl", "tr", "id", "vi", "ca",
	"ru", "uk", "bg", "sr", "mk",
}

// functionWords holds, per language, frequent function words: short,
// topic-free words that occur in almost every sentence of news prose,
// including headlines. Lists are hand-written; words shared by several
// languages are listed under each and so vote for all of them.
var functionWords = map[string]string{
	"en": "the of and to in a is that for on was with as by at from it he his are be has have had " +
		"said will not but which were this an they their who its been after over more than new about " +
		"after into would could should says she her we our there when what",
	"fr": "le la les de des du et est un une en dans pour que qui sur au aux par pas ne plus été avec " +
		"ce cette il elle ont sont son sa ses se leur l d qu n mais ou selon après lors ces être fait " +
		"nous vous été déjà très sans entre aussi",
	"de": "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an " +
		"werden aus er hat dass sie nach bei einer um am sind noch wie einem über einen so zum war " +
		"haben nur oder aber vor zur bis mehr durch man sein wurde sei wird gegen ihre ihr seine",
	"es": "el la de que y en los se del las un por con no una su para es al lo como más o pero sus " +
		"le ha sin sobre este ya entre cuando esta ser son dos también fue había era muy años hasta " +
		"desde está según tras ante durante ese esa",
	"pt": "o a de que e do da em um para é com não uma os no se na por mais as dos como mas foi ao " +
		"ele das tem à seu sua ou ser quando muito há nos já está também pelo pela até isso entre " +
		"depois sem mesmo aos ter seus quem nas segundo são ainda nesta neste às pelos",
	"it": "il di che e la a per un in è del non una da sono le si con i dei della al ha come ma più " +
		"lo anche gli ed nel alla delle nella o degli dal questo ci sul tra stato ad sua suo essere " +
		"dopo alle dalla sulla hanno nei",
	"nl": "de en van het een in is dat op te zijn voor met die niet aan er om ook als bij of door " +
		"heeft naar maar uit dan nog wordt werd tot over hun ze zij hij al deze wel kan meer na " +
		"hebben wordt volgens omdat",
	"sv": "och i att det som en på är av för med till den har de inte om ett han men var sig från " +
		"vi så kan man när år säger hon under också efter eller nu sedan vid mot blev ska skulle " +
		"hade sina sitt",
	"da": "og i at det en den til er som på de med han af for ikke der var sig men et har om vi " +
		"havde hun nu over da fra ud sin dem op man hans hvor eller hvad skal efter også blev siger",
	"nb": "og i det som en på er til av for med at ikke har de den han var om et men seg fra vi sa " +
		"etter hun skal også blir kan ble da nå mot eller hadde sier",
	"fi": "ja on ei se että hän oli olla kun mutta ovat myös sen tai jo vain niin kuin joka mukaan " +
		"hänen vuonna ole kanssa sitä tämä nyt mitä",
	"pl": "i w na z się że nie do to jest o jak po a co ale od za przez dla tak jego już może być " +
		"są oraz tym był jako przy lub tego ze aby które który która roku także we",
	"cs": "a v se na je že to s z do o k i ve jako ale by pro jsou jeho podle který která které " +
		"byl bylo také po za od již jen roku při",
	"ro": "și de la în a cu pe că nu o din un care este să mai au fost se pentru ca sau dar al ale " +
		"lui după acest această sunt iar",
	"hu": "a az és hogy nem is egy meg de van ez volt csak már mint még el ki ha be azt lesz után " +
		"szerint pedig vagy",
	"hr": "i je u da se na za su od s a o ne koji što iz kao ali sa bi će do to biti koja koje nije " +
		"te prema godine",
	"sl": "in je v da se na za so z pa ki s od ne bi po iz tudi kot ter pri bo še le če",
	"tr": "ve bir bu da de için ile olarak çok daha en gibi olan kadar sonra ancak ise ne var yok " +
		"ya mi değil her göre tarafından yılında",
	"id": "yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke karena tersebut bisa " +
		"ada mereka lebih sudah atau oleh telah adalah kata bahwa para",
	"vi": "và của là có không được trong cho những các người này một với đã để khi về",
	"ca": "el la de i que a en els les per amb un una del al no es va ha és més però als seva seu",
	"ru": "и в не на что с по как это он к из у за от о для но же то так его был было она бы они " +
		"уже или ещё еще при также после года будет может",
	"uk": "і в на з що не та до у як за це від про для його але й вже також після року буде може " +
		"її він вона",
	"bg": "и в на за да се от с е че не по са как към това той тя ще които която който беше след " +
		"още",
	"sr": "и у је да се на за су од са не као из што који то ће по",
	"mk": "и во на да се за од со не е што како тоа ќе по кои која ги",
}

// letterHints maps letters (lowercase) that few languages use to those
// languages. Each occurrence is one vote for each listed language.
var letterHints = map[rune]string{
	'ß': "de",
	'ñ': "es", '¿': "es", '¡': "es",
	'ã': "pt vi", 'õ': "pt",
	'ç': "fr pt tr ca",
	'ı': "tr", 'ğ': "tr", 'ş': "tr",
	'ą': "pl", 'ę': "pl", 'ł': "pl", 'ś': "pl", 'ź': "pl", 'ż': "pl", 'ń': "pl",
	'ć': "pl hr",
	'ř': "cs", 'ů': "cs", 'ě': "cs",
	'ő': "hu", 'ű': "hu",
	'ș': "ro", 'ț': "ro", 'ă': "ro vi",
	'å': "sv da nb", 'æ': "da nb", 'ø': "da nb",
	'đ': "vi hr",
	'ư': "vi", 'ơ': "vi",
	'è': "fr it ca", 'ù': "fr", 'û': "fr", 'ë': "fr nl", 'œ': "fr",
	'ì': "it", 'ò': "it ca",
	'і': "uk", 'ї': "uk", 'є': "uk", 'ґ': "uk",
	'ы': "ru", 'э': "ru", 'ё': "ru",
	'ђ': "sr", 'ћ': "sr", 'џ': "sr", 'ј': "sr mk", 'љ': "sr mk", 'њ': "sr mk",
	'ѓ': "mk", 'ќ': "mk", 'ѕ': "mk",
}

// langIndex returns the bit index of a language in wordLangs, or -1.
func langIndex(code string) int {
	for i, c := range wordLangs {
		if c == code {
			return i
		}
	}
	return -1 // tables are static; TestTables catches a typo
}

func masks(codes string) uint32 {
	var m uint32
	for _, c := range strings.Fields(codes) {
		if i := langIndex(c); i >= 0 {
			m |= 1 << i
		}
	}
	return m
}

// wordTable maps a lowercase function word to the languages it belongs to.
var wordTable = buildWordTable()

func buildWordTable() map[string]uint32 {
	t := make(map[string]uint32, 1200)
	for code, words := range functionWords {
		bit := masks(code)
		for _, w := range strings.Fields(words) {
			t[w] |= bit
		}
	}
	return t
}

// letterTable maps a hint letter to the languages it votes for.
var letterTable = buildLetterTable()

func buildLetterTable() map[rune]uint32 {
	t := make(map[rune]uint32, len(letterHints))
	for r, codes := range letterHints {
		t[r] = masks(codes)
	}
	return t
}
