import Foundation

/// A keyset-pagination position in the top-level comments under a story: the sort key and id of the
/// last comment shown, so the next page starts right after it whatever was posted or liked meanwhile,
/// and page 50 costs what page 1 costs.
///
/// The cursor travels in `?after=` links as ``encoded``. It is not a secret and not signed: a reader
/// who edits one only moves their own position in a public list. Decoding is strict so that a link is
/// either one the site made or no cursor at all.
public struct CommentCursor: Sendable, Equatable {
    public var order: CommentOrder
    /// Kept to whole milliseconds, the precision the encoded form carries.
    public var createdAt: Date {
        didSet { createdAt = Self.date(milliseconds: Self.milliseconds(createdAt)) }
    }
    /// Never negative: a like count below zero is no comment's.
    public var likeCount: Int {
        didSet { likeCount = max(likeCount, 0) }
    }
    public var id: UUID

    /// A date outside 1970 to the end of 9999 is clamped to that range, and a negative like count to
    /// zero, so that every cursor encodes to something ``init(encoded:order:)`` accepts.
    public init(order: CommentOrder, createdAt: Date, likeCount: Int, id: UUID) {
        self.order = order
        self.createdAt = Self.date(milliseconds: Self.milliseconds(createdAt))
        self.likeCount = max(likeCount, 0)
        self.id = id
    }

    /// The form used in links: URL-safe base64 without padding of
    /// `<order>.<milliseconds since 1970>.<likes>.<lowercase uuid>`.
    public var encoded: String {
        let text = "\(order.rawValue).\(Self.milliseconds(createdAt)).\(likeCount).\(id.lowercasedString)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Longer than any cursor ``encoded`` makes (about 106 characters at most), short enough that a
    /// hostile value costs nothing to refuse.
    static let maximumEncodedLength = 120

    /// Reads a link's cursor for the list sorted by `order`; nil for anything ``encoded`` would not have
    /// produced for that order, which pages treat as "from the start". A cursor from another order is
    /// refused because its position means nothing in this one.
    public init?(encoded: String, order: CommentOrder) {
        guard encoded.utf8.count <= Self.maximumEncodedLength else { return nil }
        let base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let padded = base64 + String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let bytes = Data(base64Encoded: padded), let text = String(data: bytes, encoding: .utf8) else {
            return nil
        }
        let fields = text.split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == order.rawValue,
            let milliseconds = Int64(fields[1]), Self.validMilliseconds.contains(milliseconds),
            let likeCount = Int(fields[2]), likeCount >= 0,
            let id = UUID(uuidString: String(fields[3]))
        else { return nil }
        let cursor = CommentCursor(
            order: order, createdAt: Self.date(milliseconds: milliseconds), likeCount: likeCount, id: id)
        // Many spellings parse to the same cursor ("+7", "007", an uppercase id, stray base64 bits);
        // only the one the site writes is accepted, so each position has exactly one link.
        guard cursor.encoded == encoded else { return nil }
        self = cursor
    }

    /// The milliseconds a cursor may point at: from 1970 to the end of 9999, as for ``ArticleCursor``.
    static let validMilliseconds: ClosedRange<Int64> = 0...253_402_300_799_999

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The last whole millisecond at or before `date`, within ``validMilliseconds``. Found by comparing
    /// dates rather than by multiplying, because a millisecond's `Date` is only the nearest double and
    /// times a thousand can land just below it: converting twice must give the same millisecond.
    static func milliseconds(_ date: Date) -> Int64 {
        guard date > Self.date(milliseconds: validMilliseconds.lowerBound) else { return validMilliseconds.lowerBound }
        guard date < Self.date(milliseconds: validMilliseconds.upperBound) else { return validMilliseconds.upperBound }
        var milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        while Self.date(milliseconds: milliseconds) > date { milliseconds -= 1 }
        while Self.date(milliseconds: milliseconds + 1) <= date { milliseconds += 1 }
        return milliseconds
    }
}
