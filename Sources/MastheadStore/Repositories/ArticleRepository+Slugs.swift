import FluentKit
import MastheadCore

extension ArticleRepository {
    /// The first of `base`, `base-2`, `base-3` … that no story has, looked up a batch at a time through
    /// the slug's unique index.
    public func firstFreeSlug(from base: Slug) async throws -> Slug {
        let batch = 20
        var first = 1
        while true {
            let candidates = (first..<first + batch).map { base.numbered($0) }
            let taken = Set(
                try await ArticleRecord.query(on: database).filter(\.$slug ~~ candidates.map(\.value))
                    .field(\.$slug).all().map(\.slug))
            if let free = candidates.first(where: { !taken.contains($0.value) }) { return free }
            first += batch
        }
    }
}
