import MastheadCore
import Testing

@Suite struct SearchQueryTests {
    @Test func wordsPrefixesAndPhrasesAreRead() {
        let query = SearchQuery("Hegseth tariff* \"reciprocal tariffs\"")
        #expect(
            query.terms == [
                .word("hegseth", prefix: false), .word("tariff", prefix: true), .phrase(["reciprocal", "tariffs"]),
            ])
        #expect(query.fts5 == "\"hegseth\" \"tariff\"* \"reciprocal tariffs\"")
        #expect(query.tsquery == "hegseth & tariff:* & (reciprocal <-> tariffs)")
    }

    @Test(arguments: [
        "\"unbalanced quote", "NEAR(a b)", "a OR b AND NOT c", "-minus +plus ^caret", "col:umn",
        "'); DROP TABLE articles;--",
        "***", "\"\"\"", "(((((", "a*b*c*", "\u{0}\u{1}", "%FF%FE", "<script>alert(1)</script>",
        "\u{0D4E}\"", "\u{0D4E}'", "\u{0D4E}(", "\u{0D4E}|", "a\u{0301}\"b", "\u{1F1F5}\"",
    ])
    func hostileTextBecomesOnlyQuotedWords(text: String) {
        let query = SearchQuery(text)
        for character in query.fts5 where !(character.isLetter || character.isNumber || " \"*".contains(character)) {
            Issue.record("\(text.debugDescription) left \(character.debugDescription) in \(query.fts5)")
        }
        for character in query.tsquery
        where !(character.isLetter || character.isNumber || " &:*()<->".contains(character)) {
            Issue.record("\(text.debugDescription) left \(character.debugDescription) in \(query.tsquery)")
        }
    }

    @Test func longTextIsCutAndSaysSo() {
        let query = SearchQuery(String(repeating: "word ", count: 2_000))
        #expect(query.truncated)
        #expect(query.terms.count == SearchQuery.maximumTerms)
        #expect(SearchQuery("   ").isEmpty)
    }

    @Test func snippetsEscapeEverythingButTheirMarks() {
        #expect(SearchSnippet.html("a <b> \u{E000}Hegseth\u{E001} & c") == "a &lt;b&gt; <mark>Hegseth</mark> &amp; c")
        #expect(SearchSnippet.html("\u{E000}open") == "<mark>open</mark>")
        #expect(SearchSnippet.html("stray \u{E001} end") == "stray  end")
    }
}
