import Foundation
import MastheadCore
import Testing

@Suite struct ArticleTermsTests {
    @Test func stopWordsAndSingleLettersAreDropped() {
        #expect(
            ArticleTerms.tokens("The talks and the tariffs of a war, he said. Does it? Others did") == [
                "talk", "tariff", "war",
            ])
        #expect(ArticleTerms.tokens("U.S. officials told us") == ["official"])
    }

    @Test func pluralsAndPossessivesShareTheirWordsTerm() {
        #expect(ArticleTerms.tokens("tariffs tariff Tariffs") == ["tariff", "tariff", "tariff"])
        #expect(ArticleTerms.tokens("duties taxes matches cartels") == ["duty", "tax", "match", "cartel"])
        #expect(ArticleTerms.tokens("Ukraine’s Ukraine's Ukraine UKRAINE") == Array(repeating: "ukraine", count: 4))
        #expect(ArticleTerms.tokens("business crisis status gas") == ["business", "crisis", "status", "gas"])
        #expect(ArticleTerms.tokens("Congress’s Congress Paris's Paris") == ["congress", "congress", "paris", "paris"])
    }

    @Test func caseAndDiacriticsAreFolded() {
        #expect(ArticleTerms.tokens("Kýiv KYIV Gdańsk São Paulo") == ["kyiv", "kyiv", "gdansk", "sao", "paulo"])
    }

    @Test func onlyNumbersOfThreeDigitsOrMoreAreKept() {
        #expect(
            ArticleTerms.tokens("On February 13, pre-2014 borders, 737 jets, 2,000 troops")
                == ["february", "pre", "2014", "border", "737", "jet", "troop"])
    }

    @Test func addressesInTheTextAreSkipped() {
        #expect(
            ArticleTerms.tokens("[Reuters](https://www.reuters.com/world/x-y) reported, mail desk@example.org")
                == ["reuter", "reported", "mail"])
    }

    @Test func theHeadlineWeighsThreeTimesTheBodyAndTheLedeTwice() {
        let weights = ArticleTerms.weights(headline: "Tariffs", lede: "Steel", body: "Cartels")
        #expect(weights == ["tariff": 1, "steel": 2.0 / 3, "cartel": 1.0 / 3])
        let repeated = ArticleTerms.weights(headline: "Tariffs", lede: "", body: "cartels cartels cartels cartels")
        #expect(repeated == ["cartel": 1, "tariff": 0.75])
    }

    @Test func theLimitKeepsTheHeaviestTermsTiesByTerm() {
        let body = (0..<100).map { "word\($0)" }.joined(separator: " ")
        let weights = ArticleTerms.weights(headline: "Tariffs", lede: "", body: body, limit: 10)
        #expect(weights.count == 10)
        #expect(weights["tariff"] == 1)
        #expect(Set(weights.keys) == Set(["tariff", "word0", "word1"] + (10...16).map { "word\($0)" }))
        #expect(ArticleTerms.weights(headline: "Tariffs", lede: "", body: body).count == 40)
        #expect(ArticleTerms.weights(headline: "Tariffs", lede: "", body: body, limit: 0).isEmpty)
    }

    @Test func hostileInputNeitherCrashesNorMakesMonstrousTerms() {
        var generator = FuzzTests.SplitMix64(state: 2025_02_14)
        let randomScalars = String(
            String.UnicodeScalarView(
                (0..<100_000).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &generator)) }))
        let inputs = [
            "", " ", "'", "’’’’", "’s", "s’", String(repeating: "a", count: 200_000),
            String(repeating: "a'", count: 100_000), String(repeating: "é", count: 200_000),
            String(repeating: "ab ", count: 70_000), String(repeating: "https://", count: 25_000),
            String(repeating: "\u{0301}", count: 200_000), String(repeating: "日本語", count: 70_000), randomScalars,
        ]
        for input in inputs {
            let tokens = ArticleTerms.tokens(input)
            #expect(tokens.allSatisfy { $0.unicodeScalars.count <= ArticleTerms.maximumTermLength && !$0.isEmpty })
            let weights = ArticleTerms.weights(headline: input, lede: input, body: input)
            #expect(weights.count <= 40)
            #expect(weights.values.allSatisfy { $0 > 0 && $0 <= 1 })
        }
        #expect(ArticleTerms.weights(headline: "", lede: "", body: "").isEmpty)
    }
}
