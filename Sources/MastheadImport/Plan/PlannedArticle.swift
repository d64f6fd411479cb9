import Foundation
import MastheadCore

/// A story (or a static page) as an import will create it, decided from the old system's record
/// before anything is written.
public struct PlannedArticle: Sendable, Equatable {
    /// The old system's id for it, which makes a second run find what the first created.
    public let sourceID: String
    public let slug: Slug
    public let headline: String
    public let lede: String
    public let bodyMarkdown: String
    public let status: ArticleStatus
    public let publishedAt: Date?
    /// Topic slugs, the primary topic first.
    public let topicSlugs: [String]
    /// Byline keys in the order of the old system (WordPress logins, Ghost user ids).
    public let authorKeys: [String]
    /// Paths on the old site that must answer 301 to the new address (`/2024/04/11/slug/`, `/?p=5`).
    public let oldPaths: [String]
    public let featuredImageSourceID: String?
    public let comments: [PlannedComment]
    /// The old comments left out, one reason each, for the report's counts.
    public let skippedComments: [ImportSkip]
    /// What the import report says about this item beyond its counts: why it is not public, what it lost.
    public let notes: [String]
}
