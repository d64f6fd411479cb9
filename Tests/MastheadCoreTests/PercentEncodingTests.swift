import Foundation
import MastheadCore
import Testing

/// The sign-in links' `next` values, encoded as Foundation encodes them.
@Suite struct PercentEncodingTests {
    @Test(arguments: [
        "/articles/us-tariffs#comments", "", "/search?q=a b&c=d", "100% ~sure_./", "\u{0}\u{1F}\u{7F}\"<>",
        "/topics/zürich", "東京/🗞", "/articles/story-1/comments/6f1c2a4e-0b7d-4e55-9a8b-3c2d1e0f9a11/report",
    ])
    func encodesAsFoundationDoes(_ text: String) {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        #expect(
            PercentEncoding.encode(text, keeping: "-._~/") == text.addingPercentEncoding(withAllowedCharacters: allowed)
        )
    }
}
