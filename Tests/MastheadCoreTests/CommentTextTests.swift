import MastheadCore
import Testing

@Suite struct CommentTextTests {
    @Test func markupShowsAsText() {
        #expect(CommentText.html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        #expect(
            CommentText.html("<b onmouseover=\"x\">hi</b> & 'quotes'")
                == "<p>&lt;b onmouseover=&quot;x&quot;&gt;hi&lt;/b&gt; &amp; &#39;quotes&#39;</p>")
    }

    @Test func blankLinesMakeParagraphsAndLineBreaksStay() {
        #expect(CommentText.html("first\nsecond\r\n\r\nthird") == "<p>first<br>\nsecond</p>\n<p>third</p>")
        #expect(CommentText.html("one\n\n\n\ntwo") == "<p>one</p>\n<p>two</p>")
    }

    @Test func httpAddressesBecomeLinksThatPassNoCredit() {
        #expect(
            CommentText.html("See https://example.com/a?b=1&c=2.")
                == "<p>See <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">https://example.com/a?b=1&amp;c=2</a>.</p>"
        )
        #expect(
            CommentText.html("(https://en.wikipedia.org/wiki/Mustache_(template))")
                == "<p>(<a href=\"https://en.wikipedia.org/wiki/Mustache_(template)\" rel=\"nofollow ugc noopener\">https://en.wikipedia.org/wiki/Mustache_(template)</a>)</p>"
        )
    }

    @Test func otherSchemesAndBareSchemesStayText() {
        #expect(CommentText.html("javascript:alert(1)") == "<p>javascript:alert(1)</p>")
        #expect(CommentText.html("http://") == "<p>http://</p>")
        #expect(CommentText.html("http://\u{0}x") == "<p>http://x</p>")
        #expect(CommentText.html("https://-/") == "<p>https://-/</p>")
        #expect(CommentText.html("data:text/html,<b>") == "<p>data:text/html,&lt;b&gt;</p>")
    }

    @Test func aQuoteEndsTheAddressSoItCannotBreakTheAttribute() {
        let html = CommentText.html("http://x.example/\"onmouseover=\"alert(1)")
        #expect(html.contains("href=\"http://x.example/\""))
        #expect(!html.contains("\"onmouseover"))
    }

    @Test func markupFollowedByAnAddressStaysTextAndTheAddressALink() {
        #expect(
            CommentText.html("<b>bold</b> https://example.com/x<y")
                == "<p>&lt;b&gt;bold&lt;/b&gt; <a href=\"https://example.com/x\" rel=\"nofollow ugc noopener\">https://example.com/x</a>&lt;y</p>"
        )
    }

    @Test func containsLinkAgreesWithWhatIsRenderedAsALink() {
        let links = ["See https://example.com/a.", "HTTP://x", "(https://en.wikipedia.org/wiki/A_(b))", "a\nhttp://x"]
        let texts = [
            "http://", "https://-/", "javascript:alert(1)", "example.com", "http://.", "http:// x", "httpx://y",
        ]
        for text in links {
            #expect(CommentText.containsLink(text), "\(text)")
        }
        for text in texts {
            #expect(!CommentText.containsLink(text), "\(text)")
        }
        var generator = FuzzTests.SplitMix64(state: 7)
        for _ in 0..<2_000 {
            let text = FuzzTests.randomText(&generator)
            #expect(
                CommentText.containsLink(text) == CommentText.html(text).contains("<a href"), "\(text.debugDescription)"
            )
        }
    }
}
