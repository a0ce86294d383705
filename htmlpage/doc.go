// Package htmlpage turns an HTML page into a newsgraph Document.
//
// It does not extract anything by hand: the main text, comments and
// metadata come from go-trafilatura (with its readability and dom-distiller
// fallbacks enabled), and the publication date from go-htmldate in extensive
// mode. This package only moves their results into the record without losing
// anything on the way:
//
//   - Paragraphs are read from trafilatura's ContentNode, not ContentText
//     (which flattens the body onto one line). Every block element (p,
//     h1–h6, li, blockquote, pre, table row, dd/dt, figcaption, div, …)
//     gives one paragraph, in document order, with whitespace collapsed;
//     text directly inside a block that also holds nested blocks becomes its
//     own paragraph, so no text is emitted twice. Table cells are joined into
//     one paragraph per row; a <br> ends a paragraph (trafilatura folds
//     "<br><br>" into one, and its own text output starts a new line there).
//     The node may be in trafilatura's own markup or in the fallbacks'
//     (plain HTML); the walker handles both. Joining the paragraphs gives
//     ContentText modulo whitespace (checked on the trafilatura eval pages).
//   - The page is parsed once (go-shiori/dom, which detects the charset and
//     normalises to NFC exactly as trafilatura.Extract does) and the tree is
//     shared by htmldate, trafilatura and the language lookup; both
//     libraries clone before mutating.
//   - htmldate runs once, here, with ExtractTime, UseOriginalDate and
//     DeferUrlExtractor, so a date in the page's metadata wins over one in
//     the URL; its result is handed to trafilatura as HtmlDateOverride so it
//     does not run twice. A date that htmldate took from the URL gets
//     origin "url", any other "html". Precision is "day" unless the source
//     string htmldate matched is a short year-month or year-only form.
//   - The language is the page's own declaration (<html lang>, og:locale,
//     content-language / language meta), normalised to an ISO 639-1 code;
//     failing that, trafilatura's metadata language (whatlanggo on the
//     extracted text) when the body is long enough for it to be reliable;
//     else nil, for the caller's detector.
//   - IsArticle is conservative: see isArticle.
//   - Boilerplate reports the headline when trafilatura kept it at the top of
//     the body (moved out of the paragraphs) or dropped it from the page's
//     <h1> (kind "title"), and the reader comments trafilatura extracted
//     separately (kind "comment", capped).
//
// The libraries take no context: Extract checks ctx before starting and runs
// the libraries in a goroutine so that a cancelled ctx returns at once (the
// abandoned extraction finishes in the background and its result is
// dropped). A panic inside the libraries is recovered and returned as an
// error naming the input.
package htmlpage
