import Foundation
import MastheadCore
import MastheadTesting
import Testing

@Suite struct HTMLSanitizerTests {
    static let allowedTags: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "em",
        "strong", "b", "i", "code", "pre", "del", "s", "sup", "sub", "img", "figure", "figcaption", "table",
        "thead", "tbody", "tr", "th", "td", "section", "input",
    ]
    static let allowedAttributes: Set<String> = [
        "href", "title", "src", "alt", "width", "height", "start", "colspan", "rowspan", "class", "align", "id",
        "aria-label", "type", "disabled", "checked",
    ]

    @Test func theCorpusIsLargeEnough() {
        #expect(XSSCorpus.vectors.count >= 50)
    }

    @Test(arguments: XSSCorpus.vectors)
    func noVectorSurvivesTheArticleRenderer(markdown: String) {
        let html = ArticleBody.html(fromMarkdown: markdown)
        let problems = Self.dangers(in: html)
        #expect(problems.isEmpty, "\(markdown) rendered as \(html): \(problems)")
    }

    @Test(arguments: XSSCorpus.vectors)
    func noVectorSurvivesTheSanitizerOnItsOwn(html: String) {
        let cleaned = HTMLSanitizer.article.sanitize(html)
        let problems = Self.dangers(in: cleaned)
        #expect(problems.isEmpty, "\(html) sanitized to \(cleaned): \(problems)")
    }

    @Test func ordinaryMarkdownKeepsItsShape() {
        let html = ArticleBody.html(
            fromMarkdown: """
                ## Timeline

                Officials *said* it was **possible** — see [the statement](https://example.gov/statement).

                > Everything is on the table.

                1. First
                2. Second

                ![Kyiv at dusk](https://img.example/kyiv.jpg)

                `code` &amp; more
                """)
        #expect(html.contains("<h2>Timeline</h2>"))
        #expect(html.contains("<em>said</em>"))
        #expect(html.contains("<strong>possible</strong>"))
        #expect(html.contains("<a href=\"https://example.gov/statement\">the statement</a>"))
        #expect(html.contains("<blockquote>"))
        #expect(html.contains("<ol>\n<li>First</li>\n<li>Second</li>\n</ol>"))
        #expect(html.contains("<img src=\"https://img.example/kyiv.jpg\" alt=\"Kyiv at dusk\">"))
        #expect(html.contains("<code>code</code> &amp; more"))
    }

    @Test func aColonFollowedByACombiningMarkIsStillAColon() {
        #expect(SafeURL.clean("javascript:\u{1885}=1,alert(1)", allowing: SafeURL.linkSchemes) == nil)
        #expect(SafeURL.clean("javascript:\u{0301}alert(1)", allowing: SafeURL.linkSchemes) == nil)
    }

    @Test func relativeAndMailLinksStay() {
        #expect(
            HTMLSanitizer.article.sanitize("<a href=\"/topics/us-tariffs\">t</a>")
                == "<a href=\"/topics/us-tariffs\">t</a>")
        #expect(
            HTMLSanitizer.article.sanitize("<a href=\"mailto:desk@example.com\">m</a>")
                == "<a href=\"mailto:desk@example.com\">m</a>")
        #expect(HTMLSanitizer.article.sanitize("<a href=\"page?x=1:2\">q</a>") == "<a href=\"page?x=1:2\">q</a>")
    }

    @Test func unclosedAndStrayTagsAreBalanced() {
        #expect(HTMLSanitizer.article.sanitize("<p><em>open") == "<p><em>open</em></p>")
        #expect(HTMLSanitizer.article.sanitize("</em>text</p>") == "text")
        #expect(HTMLSanitizer.article.sanitize("<p><strong>x</p>") == "<p><strong>x</strong></p>")
    }

    @Test func voidTagsThatAreNotAllowedDoNotSwallowWhatFollows() {
        for tag in [
            "<input autofocus onfocus=alert(1)>", "<meta http-equiv=refresh>", "<link rel=x>", "<base href=/>",
            "<embed src=x>", "<frame src=x>",
        ] {
            #expect(HTMLSanitizer.article.sanitize("<p>before \(tag) after</p>") == "<p>before  after</p>", "\(tag)")
        }
    }

    @Test func unknownTagsLoseTheTagButKeepTheText() {
        #expect(HTMLSanitizer.article.sanitize("<span class=\"x\">kept</span>") == "kept")
        #expect(HTMLSanitizer.article.sanitize("a < b > c") == "a &lt; b &gt; c")
    }

    /// Every way the sanitized HTML could still run script or load foreign active content, checked with
    /// patterns independent of the sanitizer's own tokenizer.
    static func dangers(in html: String) -> [String] {
        var found: [String] = []
        let lowered = html.lowercased()
        for marker in [
            "<script", "<iframe", "<object", "<embed", "<svg", "<math", "<style", "<form", "<base",
            "<meta", "<link", "<frame", "<applet", "<textarea", "<template", "<noscript", "<plaintext", "<xmp",
            "<title", "<video", "<audio", "<details", "<marquee", "<isindex", "<!--",
        ]
        where lowered.contains(marker) {
            found.append(marker)
        }
        // The one input an article may hold: a task list's disabled checkbox.
        let inputs = lowered.components(separatedBy: "<input").dropFirst()
        for input in inputs where !input.hasPrefix(" type=\"checkbox\" disabled=\"\"") {
            found.append("<input\(input.prefix(40))")
        }
        let tagPattern = try! NSRegularExpression(pattern: "<(/?)([a-zA-Z0-9]+)([^>]*)>")
        let attributePattern = try! NSRegularExpression(pattern: "([^\\s=\"']+)=\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        for match in tagPattern.matches(in: html, range: range) {
            let name = String(html[Range(match.range(at: 2), in: html)!]).lowercased()
            if !allowedTags.contains(name) { found.append("tag <\(name)>") }
            let attributes = String(html[Range(match.range(at: 3), in: html)!])
            // Decoded the way a browser would, no URL attribute may start with a dangerous scheme, and
            // no tag may carry styles or sources of its own anywhere. (A scheme's name later in a URL,
            // as in `http://x/javascript:y`, is only text: links made from a reader's words have it.)
            let decoded = attributes.lowercased().replacingOccurrences(of: "&amp;", with: "&")
            for marker in ["style=", "srcset=", "srcdoc="] where decoded.contains(marker) {
                found.append("\(marker) in <\(name)\(attributes)>")
            }
            let urlValue = try! NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
            for url in urlValue.matches(in: decoded, range: NSRange(decoded.startIndex..., in: decoded)) {
                let value = String(decoded[Range(url.range(at: 1), in: decoded)!]).unicodeScalars
                    .filter { $0.value > 0x20 && !$0.properties.isWhitespace }.map(String.init).joined()
                for scheme in ["javascript:", "vbscript:", "data:"] where value.hasPrefix(scheme) {
                    found.append("\(scheme) in <\(name)\(attributes)>")
                }
            }
            let attributeRange = NSRange(attributes.startIndex..., in: attributes)
            for attribute in attributePattern.matches(in: attributes, range: attributeRange) {
                let attributeName = String(attributes[Range(attribute.range(at: 1), in: attributes)!]).lowercased()
                if !allowedAttributes.contains(attributeName) || attributeName.hasPrefix("on") {
                    found.append("attribute \(attributeName) on <\(name)>")
                }
            }
            // Anything in the tag besides whitespace and quoted name="value" pairs is unparsed residue.
            let residue = attributes.filter { !$0.isWhitespace }.count
            let quotedPairs = attributePattern.matches(in: attributes, range: attributeRange).reduce(0) {
                $0 + $1.range.length
            }
            if residue > quotedPairs { found.append("unquoted residue in <\(name)\(attributes)>") }
        }
        return found
    }
}
