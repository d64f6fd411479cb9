/// The image formats a story may carry, recognised by their first bytes: a file's name and the type a
/// browser claims for it are the uploader's to choose, its bytes are not.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    case jpeg
    case png
    case webp
    case gif

    public init?(bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(12))
        func starts(_ signature: [UInt8]) -> Bool { head.starts(with: signature) }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            self = .gif
        } else if head.count == 12, starts(Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            self = .webp
        } else {
            return nil
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .webp: return "webp"
        case .gif: return "gif"
        }
    }

    public var mediaType: String { "image/" + rawValue }

    public init?(fileExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = format
    }
}

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
