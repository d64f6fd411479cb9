/// The picture at the top of a story, with what readers and screen readers need to know about it.
public struct FeatureImage: Sendable, Equatable, Codable {
    /// The stored file's content-addressed name (`<sha256>.jpg`).
    public var file: String
    /// What the picture shows, for people who cannot see it; required.
    public var alt: String
    public var caption: String
    /// Who made the picture ("Photo: Jane Doe / Agency").
    public var credit: String

    public init(file: String, alt: String, caption: String = "", credit: String = "") {
        self.file = file
        self.alt = alt
        self.caption = caption
        self.credit = credit
    }

    /// A stored file's name: 64 lower-case hex digits and a known extension, nothing a path could abuse.
    public static func isFileName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 64, ImageFormat(fileExtension: String(parts[1])) != nil else {
            return false
        }
        return parts[0].utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
