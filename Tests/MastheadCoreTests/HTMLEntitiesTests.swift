import MastheadMarkdown
import Testing

@testable import MastheadCore

/// The sanitizer reads character references in attribute values from the same HTML5 table as the
/// Markdown parser, so it sees what a browser will show and judges a link by what a browser will follow.
@Suite struct HTMLEntitiesTests {
    @Test func decodesNamesFromTheWholeHTML5Table() {
        #expect(HTMLEntities.decode("&hearts; &rarr; &ngE; &CounterClockwiseContourIntegral;") == "♥ → ≧̸ ∳")
        #expect(HTMLEntities.decode("jav&Tab;ascript&colon;alert&lpar;1&rpar;") == "jav\tascript:alert(1)")
        #expect(HTMLEntities.decode("&amp;&lt;&gt;&quot;&apos;&nbsp;") == "&<>\"'\u{A0}")
    }

    @Test func leavesWhatIsNotAReferenceLiteral() {
        for text in ["&nosuchname;", "&hearts", "&TAB;", "& amp;", "&", "&#;", "&#x;", "AT&T"] {
            #expect(HTMLEntities.decode(text) == text, "\(text)")
        }
    }

    @Test func decodesNumbersWithOrWithoutTheSemicolon() {
        #expect(HTMLEntities.decode("&#106;&#x61;&#X76;&#97") == "java")
        #expect(HTMLEntities.decode("&#0;&#x110000;") == "\u{FFFD}\u{FFFD}")
    }

    @Test func theSanitizerShowsANamedReferenceAsTheBrowserWould() {
        let html = HTMLSanitizer.article.sanitize(
            #"<img src="https://example.com/a.png" alt="&hearts; &amp; &nosuch;">"#)
        #expect(html == #"<img src="https://example.com/a.png" alt="♥ &amp; &amp;nosuch;">"#)
    }

    @Test func theMarkdownParserAndTheSanitizerReadEveryNameAlike() {
        for name in [
            "hearts", "rarr", "ngE", "colon", "nbsp", "mdash", "Afr", "zwnj", "CounterClockwiseContourIntegral",
        ] {
            let decoded = HTMLEntities.decode("&\(name);")
            #expect(decoded != "&\(name);", "\(name)")
            #expect(Markdown.html("&\(name);") == "<p>\(decoded)</p>\n", "\(name)")
        }
    }
}
