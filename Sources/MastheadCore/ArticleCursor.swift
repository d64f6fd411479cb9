import Foundation

/// A keyset-pagination position in a newest-first list of stories: the publication time (whole seconds)
/// and id of the last story shown. Pages never count or offset, so page 500 costs what page 1 costs.
public struct ArticleCursor: Sendable, Equatable {
    public var publishedAt: Date
    public var id: UUID

    public init(publishedAt: Date, id: UUID) {
        self.publishedAt = publishedAt.wholeSeconds
        self.id = id
    }

    /// The form used in `?before=` links: `1739528700_<uuid>`.
    public var token: String {
        "\(Int64(publishedAt.timeIntervalSince1970))_\(id.lowercasedString)"
    }

    /// The years a cursor may point into: from 1970 to the end of 9999. Anything outside is not a
    /// story's time, and would overflow the databases' date types.
    static let validSeconds: ClosedRange<Int64> = 0...253_402_300_799

    /// Parses a `?before=` value; nil for anything malformed, which pages treat as "from the start".
    public init?(token: String) {
        guard let dash = token.firstIndex(of: "_"),
            let seconds = Int64(token[..<dash]), Self.validSeconds.contains(seconds),
            let id = UUID(uuidString: String(token[token.index(after: dash)...]))
        else { return nil }
        self.init(publishedAt: Date(timeIntervalSince1970: TimeInterval(seconds)), id: id)
    }
}
