import Foundation

/// The one rule for what a reader may see: a story that is published, or scheduled and whose time
/// has come, once its publication time has passed and no embargo holds it back. Every page, feed, API
/// and search answer uses it, and MastheadStore writes the same rule once as SQL.
///
/// A scheduled story counts as soon as its time passes, so it appears on time even before the
/// scheduler has recorded the publication.
public enum Visibility {
    public static let visibleStatuses: [ArticleStatus] = [.published, .scheduled]

    public static func isVisible(status: ArticleStatus, publishedAt: Date?, embargoUntil: Date?, now: Date) -> Bool {
        guard visibleStatuses.contains(status), let publishedAt, publishedAt <= now else { return false }
        return embargoUntil.map { $0 <= now } ?? true
    }
}
