import MastheadCore
import Testing

/// Numbered slugs for stories whose headlines repeat.
@Suite struct SlugNumberingTests {
    @Test func aNumberIsAddedAfterAHyphen() throws {
        let slug = try #require(Slug("markets-open"))
        #expect(slug.numbered(1) == slug)
        #expect(slug.numbered(2).value == "markets-open-2")
        #expect(slug.numbered(17).value == "markets-open-17")
    }

    @Test func aLongSlugIsShortenedToKeepItsNumberWithinTheLimit() throws {
        // 118 characters then a hyphen and a letter: cutting two characters leaves a trailing hyphen.
        let long = try #require(Slug(String(repeating: "a", count: 117) + "-bc"))
        #expect(long.value.count == Slug.maximumLength)
        let second = long.numbered(2)
        #expect(second.value == String(repeating: "a", count: 117) + "-2")
        let hundredth = long.numbered(100)
        #expect(hundredth.value.count <= Slug.maximumLength)
        #expect(hundredth.value.hasSuffix("a-100"))
        #expect(Slug(second.value) != nil && Slug(hundredth.value) != nil)
    }
}
