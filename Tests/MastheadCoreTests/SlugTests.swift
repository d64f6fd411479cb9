import MastheadCore
import Testing

@Suite struct SlugTests {
    @Test func makesSlugsFromHeadlines() {
        #expect(Slug(making: "Trump - Modi")?.value == "trump-modi")
        #expect(Slug(making: "Łódź: Zażółć gęślą jaźń")?.value == "lodz-zazolc-gesla-jazn")
        #expect(Slug(making: "Ukraine’s NATO bid")?.value == "ukraines-nato-bid")
        #expect(Slug(making: "  --  ") == nil)
    }

    @Test func acceptsOnlyNormalisedSlugsFromURLs() {
        #expect(Slug("us-tariffs") != nil)
        #expect(Slug("US-Tariffs") == nil)
        #expect(Slug("-leading") == nil)
        #expect(Slug("double--hyphen") == nil)
        #expect(Slug("../etc/passwd") == nil)
        #expect(Slug("") == nil)
    }
}
