import Foundation

/// What a change makes stale among cached pages, read from the event the write layer recorded.
///
/// Pages name what they show with surrogate keys (``CacheKey``): the stories in them, and `lists` for
/// any page with a list of the latest stories (home, topics, authors, feeds, the Read next rail on every
/// article page). A change to one story drops the pages naming it; a story appearing or disappearing
/// changes every list, so it drops the lists too; a change to something every page shows (the site's
/// settings, a topic's or author's name) drops everything.
public enum CacheInvalidation: Equatable, Sendable {
    case nothing
    case keys(Set<String>)
    case everything

    public static func of(_ event: DomainEvent) -> CacheInvalidation {
        switch event.name {
        case .articleCreated, .articleSubmitted, .commentHeld, .commentRejected, .commentReported:
            return .nothing
        case .articleSaved, .articleUpdated, .articleCorrected, .articleConversationChanged:
            guard let id = event.subjectID else { return .everything }
            return .keys([CacheKey.article(id), CacheKey.sitemap, CacheKey.taxonomy])
        case .articleScheduled, .articlePublished, .articleUnpublished, .articleReturnedToDraft,
            .articleRestored:
            guard let id = event.subjectID else { return .everything }
            return .keys([CacheKey.article(id), CacheKey.lists, CacheKey.sitemap, CacheKey.taxonomy])
        case .commentPublished, .commentModerated, .commentEdited, .commentDeleted, .commentLiked:
            guard let id = event.articleID else { return .everything }
            return .keys([CacheKey.article(id)])
        case .readNextChanged:
            return .keys([CacheKey.lists])
        case .commenterChanged, .topicRenamed, .topicsMerged, .authorChanged, .entityChanged, .settingsChanged,
            .accountChanged:
            return .everything
        }
    }
}

/// The surrogate keys pages are tagged with: what the `Surrogate-Key` header sends a CDN, and what the
/// page cache drops by.
public enum CacheKey {
    /// Every page: what a purge of everything names.
    public static let site = "site"
    /// Every page that lists the latest stories.
    public static let lists = "lists"
    public static let sitemap = "sitemap"
    /// The lists of topics and authors, which a story's save can add to.
    public static let taxonomy = "taxonomy"

    public static func article(_ id: UUID) -> String { "article-" + id.lowercasedString }
    public static func topic(_ id: UUID) -> String { "topic-" + id.lowercasedString }
    public static func author(_ id: UUID) -> String { "author-" + id.lowercasedString }
}
