import MastheadCore
import Testing

/// A form's fields read back as a browser wrote them, and refused when no browser could have.
@Suite struct PercentDecodingTests {
    @Test(arguments: [
        "", "plain", "a b+c", "100% sure", "zürich", "東京/🗞", "line\r\nbreak", "&=?#", "\u{0}\u{7F}",
    ])
    func readsBackWhatWasEncoded(_ text: String) {
        let encoded = PercentEncoding.encode(text, keeping: "")
        #expect(PercentEncoding.decodeFormField(encoded[...]) == text)
    }

    @Test func readsPlusAsASpaceAndEscapesInEitherCase() {
        #expect(PercentEncoding.decodeFormField("a+b%2Bc") == "a b+c")
        #expect(PercentEncoding.decodeFormField("%e2%82%ac%E2%82%AC") == "€€")
        #expect(PercentEncoding.decodeFormField("no-escapes_here") == "no-escapes_here")
    }

    @Test(arguments: ["%", "%2", "a%", "%G0", "%0G", "%%41", "%FF", "%C3", "%C3%28"])
    func refusesABrokenEscapeOrBytesThatAreNotUTF8(_ text: String) {
        #expect(PercentEncoding.decodeFormField(text[...]) == nil)
    }
}
