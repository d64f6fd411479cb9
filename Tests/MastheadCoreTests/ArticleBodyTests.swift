import MastheadCore
import Testing

/// The article path end to end: our Markdown renderer, then the allowlist, keeping what GFM makes.
@Suite struct ArticleBodyTests {
    @Test func gfmTablesStrikethroughAndAutolinksSurviveTheSanitizer() {
        let html = ArticleBody.html(fromMarkdown: "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n~~gone~~ www.example.com")
        #expect(html.contains("<th align=\"left\">a</th>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func footnotesKeepTheirLinksAndOnlyTheirOwnIds() {
        let html = ArticleBody.html(fromMarkdown: "Claim.[^1]\n\n[^1]: Source.")
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"))
        #expect(html.contains("<section class=\"footnotes\">"))
        #expect(html.contains("<li id=\"fn-1\">"))
        #expect(html.contains("class=\"footnote-backref\""))
        let hostile = ArticleBody.html(
            fromMarkdown: "<a id=\"main\" class=\"masthead\" href=\"#x\">x</a> <li id=\"fn-ok\">")
        #expect(!hostile.contains("id=\"main\""))
        #expect(!hostile.contains("class=\"masthead\""))
    }

    @Test func taskListsBecomeDisabledBoxesAndNoOtherInputSurvives() {
        let html = ArticleBody.html(fromMarkdown: "- [x] done\n- [ ] to do\n\n<input type=\"text\" name=\"q\">")
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" checked=\"\">"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\">"))
        #expect(!html.contains("type=\"text\""))
    }

    @Test func theCommonMarkOptionLeavesExtensionsAsText() {
        let html = ArticleBody.html(fromMarkdown: "~~x~~ www.example.com", options: .commonMark)
        #expect(html == "<p>~~x~~ www.example.com</p>\n")
    }
}
