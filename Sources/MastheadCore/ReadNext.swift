import Foundation

/// The "Read next" rail under an article: other published stories, newest first.
///
/// The store hands over the newest visible stories (one more than the rail holds, since the article
/// being read may be among them); this picks what the reader sees. Ranking by shared topics and text
/// similarity will refine the order later without changing this seam.
public enum ReadNext {
    public static let railLength = 5

    public static func pick(
        for articleID: UUID, from candidates: [StorySummary], now: Date, limit: Int = railLength
    ) -> [StorySummary] {
        let others = candidates.filter { $0.id != articleID && $0.isVisible(at: now) }
        return Array(others.sorted(by: isNewer).prefix(limit))
    }

    /// Newest first; equal times fall back to the id so the order never flickers between requests.
    static func isNewer(_ lhs: StorySummary, _ rhs: StorySummary) -> Bool {
        let left = lhs.publishedAt ?? .distantPast
        let right = rhs.publishedAt ?? .distantPast
        if left != right { return left > right }
        return lhs.id.uuidString > rhs.id.uuidString
    }
}
