import MastheadMarkdown
import Testing

@testable import MastheadCore

@Suite struct MarkdownFromHTMLTests {
    func markdown(_ html: String) -> String { MarkdownFromHTML.markdown(fromHTML: html) }

    @Test func blocksBecomeTheirMarkdown() {
        #expect(
            markdown("<h2>What happened</h2><p>The harbour <strong>reopened</strong> on <em>Thursday</em>.</p>")
                == "## What happened\n\nThe harbour **reopened** on *Thursday*.\n")
        #expect(markdown("<ul><li>One</li><li>Two &amp; three</li></ul>") == "- One\n- Two & three\n")
        #expect(markdown("<ol start=\"3\"><li>Divers</li><li>Ferry</li></ol>") == "3. Divers\n4. Ferry\n")
        #expect(
            markdown("<blockquote><p>We were lucky.</p><p>Nobody was hurt.</p></blockquote>")
                == "> We were lucky.\n>\n> Nobody was hurt.\n")
        #expect(
            markdown("<pre><code class=\"language-swift\">let x = 1\n</code></pre>") == "```swift\nlet x = 1\n```\n")
        #expect(markdown("<p>A</p><hr><p>B</p>") == "A\n\n---\n\nB\n")
    }

    @Test func nestedListsKeepTheirIndent() {
        #expect(
            markdown("<ul><li>Outer<ul><li>Inner</li></ul></li><li>Next</li></ul>") == "- Outer\n  - Inner\n- Next\n")
    }

    @Test func linksImagesAndBreaks() {
        #expect(
            markdown("<p>See <a href=\"https://example.org/a b\" title=\"T\">this</a>.</p>")
                == "See [this](<https://example.org/a b> \"T\").\n")
        #expect(markdown("<p>One<br>Two</p>") == "One\\\nTwo\n")
        #expect(
            markdown("<p><img src=\"https://example.org/p.jpg\" alt=\"A [boat]\"></p>")
                == "![A \\[boat\\]](<https://example.org/p.jpg>)\n")
    }

    @Test func textThatLooksLikeSyntaxIsEscaped() {
        #expect(
            markdown("<p># not a heading, *not* em, 1. not a list</p>")
                == "\\# not a heading, \\*not\\* em, 1. not a list\n")
        #expect(markdown("<p>2024. A year</p>") == "2024\\. A year\n")
        #expect(markdown("<p>Fish & chips &amp;copy; <b>x</b></p>") == "Fish & chips &amp;copy; **x**\n")
        #expect(markdown("<p>- dash</p>") == "\\- dash\n")
    }

    @Test func aFigureWithAPictureKeepsItsCaptionAsOneLineOfHTML() {
        let html = """
            <figure class="wp-block-image"><img src="https://example.org/a.jpg" alt="Boats" class="wp-image-4"/>
            <figcaption class="wp-element-caption">Boats back at the quay</figcaption></figure>
            """
        #expect(
            markdown(html)
                == "<figure><img alt=\"Boats\" src=\"https://example.org/a.jpg\"><figcaption>Boats back at the quay</figcaption></figure>\n"
        )
    }

    @Test func anEmbedBecomesItsLinkAndCaption() {
        let html = """
            <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
            https://www.youtube.com/watch?v=aqz-KE-bpKQ
            </div><figcaption>The quay from above</figcaption></figure>
            """
        #expect(markdown(html) == "<https://www.youtube.com/watch?v=aqz-KE-bpKQ>\n\n*The quay from above*\n")
    }

    @Test func scriptsAndBlockCommentsAreGone() {
        let html = """
            <!-- wp:html -->
            <script>document.write('<img src="https://tracker.example.net/pixel.gif">');</script>
            <div class="storm-widget">Wind now: 12 kn</div>
            <!-- /wp:html -->
            """
        #expect(markdown(html) == "Wind now: 12 kn\n")
    }

    /// What the converter writes renders, through the article's own Markdown and sanitizer, to what
    /// the sanitized HTML said: the same text, in the same elements.
    @Test(arguments: [
        "<h3>Title &amp; more</h3><p>Text with <a href=\"https://example.org/\">a link</a> and <code>x &lt; y</code>.</p>",
        "<ul><li>One<ul><li>Two</li></ul></li></ul><ol><li>Three</li></ol>",
        "<blockquote><p>Quote <em>this</em></p></blockquote><p>After *stars* and _under_ [brackets]</p>",
        "<p>1. Not a list</p><p># Not a heading</p><p>Fish &amp; chips</p>",
    ])
    func itRendersBackToTheSameElementsAndText(html: String) {
        let rendered = HTMLSanitizer.article.sanitize(Markdown.html(markdown(html)))
        let original = HTMLSanitizer.article.sanitize(html)
        #expect(Self.normalized(rendered) == Self.normalized(original), "\(markdown(html))")
    }

    static func normalized(_ html: String) -> String {
        HTMLEntities.decode(html).replacing(/\s*<\s*/, with: "<").replacing(/\s*>\s*/, with: ">")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
