import Foundation

/// The "Read next" rail under an article: the stories most related to it (``RelatedArticles``, stored
/// by the discovery index), or the newest, as the site chooses (``ReadNextMode``).
public enum ReadNext {
    public static let railLength = 5

    /// The newest visible stories other than the one being read, for a site that chose "latest" or a
    /// story whose related rail is not worked out yet. The store hands over one more than the rail
    /// holds, since the story being read may be among them.
    public static func pick(
        for articleID: UUID, from candidates: [ArticleSummary], now: Date, limit: Int = railLength
    ) -> [ArticleSummary] {
        let others = candidates.filter { $0.id != articleID && $0.isVisible(at: now) }
        return Array(others.sorted(by: isNewer).prefix(limit))
    }

    /// Newest first; equal times fall back to the id so the order never flickers between requests.
    static func isNewer(_ lhs: ArticleSummary, _ rhs: ArticleSummary) -> Bool {
        let left = lhs.publishedAt ?? .distantPast
        let right = rhs.publishedAt ?? .distantPast
        if left != right { return left > right }
        return lhs.id.uuidString > rhs.id.uuidString
    }
}
