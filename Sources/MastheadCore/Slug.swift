import Foundation

/// The URL name of an article, topic or author: lower-case ASCII letters, digits and single hyphens.
///
/// Slugs are stored normalised so that uniqueness needs no collation tricks in either database.
public struct Slug: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Accepts only a string that is already a valid slug (as it arrives in a URL).
    public init?(_ value: String) {
        // One pass over the bytes: every row a page reads carries a slug, and Foundation's substring
        // search for "--" cost more than the rest of the check.
        let hyphen = UInt8(ascii: "-")
        var count = 0
        var previous = hyphen
        for byte in value.utf8 {
            guard Self.isSlugByte(byte), !(byte == hyphen && previous == hyphen) else { return nil }
            previous = byte
            count += 1
        }
        guard count > 0, count <= Self.maximumLength, previous != hyphen else { return nil }
        self.value = value
    }

    /// Makes a slug from any title: accents folded ("Łódź" → "lodz"), everything else collapsed to hyphens.
    /// Returns nil when nothing sluggable remains (a title of only punctuation or non-Latin script).
    public init?(making title: String) {
        let folded = title.replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "Ł", with: "L")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingHyphen = true
            }
            if result.count >= Self.maximumLength { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        self.init(result)
    }

    public static let maximumLength = 120

    /// An address for a story whose headline has nothing to make one from (a headline in another
    /// script, or only punctuation): `story-` and eight hex digits of `id`.
    public static func fallback(for id: UUID) -> Slug {
        Slug("story-" + id.uuidString.prefix(8).lowercased())!
    }

    public var description: String { value }

    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }
}
