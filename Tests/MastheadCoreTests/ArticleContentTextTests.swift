import Foundation
import MastheadCore
import Testing

/// Text a story cannot hold is made storable before any database sees it.
@Suite struct ArticleContentTextTests {
    /// PostgreSQL refuses U+0000 in text: the Admin API answered a headline holding one with a 500.
    /// Each becomes U+FFFD, as CommonMark reads it; nothing else changes.
    @Test func aNullCharacterBecomesTheReplacementCharacterInEveryTextField() {
        var content = ArticleContent(
            slug: Slug("talks")!, headline: "Talks\u{0}begin", lede: "Officials\u{0}met.", bodyMarkdown: "Text\u{0}.",
            dateline: "Kyiv\u{0}")
        content = content.withoutNullCharacters
        #expect(content.headline == "Talks\u{FFFD}begin")
        #expect(content.lede == "Officials\u{FFFD}met.")
        #expect(content.bodyMarkdown == "Text\u{FFFD}.")
        #expect(content.dateline == "Kyiv\u{FFFD}")
        let plain = ArticleContent(slug: Slug("talks")!, headline: "Talks", lede: "Met.", bodyMarkdown: "Text.")
        #expect(plain.withoutNullCharacters == plain)
    }
}
