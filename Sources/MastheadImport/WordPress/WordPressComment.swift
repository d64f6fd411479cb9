import Foundation

/// A `<wp:comment>` under a post.
public struct WordPressComment: Sendable, Equatable {
    /// `wp:comment_approved`: `1`, `0`, `spam`, `trash`, or `post-trashed` (the post was trashed).
    public enum Status: Sendable, Equatable {
        case approved
        case pending
        case spam
        case trash
        case other(String)

        init(_ value: String) {
            switch value {
            case "1", "approve", "approved": self = .approved
            case "0", "hold": self = .pending
            case "spam": self = .spam
            case "trash", "post-trashed": self = .trash
            default: self = .other(value)
            }
        }
    }

    /// `wp:comment_type`: an ordinary comment, or a notice that another site linked here.
    public enum Kind: Sendable, Equatable {
        case comment
        case pingback
        case trackback
    }

    public let id: Int
    /// The comment it replies to; nil at the top of the thread.
    public let parentID: Int?
    public let authorName: String
    public let authorEmail: String
    public let authorURL: String
    public let postedAt: Date?
    public let content: String
    public let status: Status
    public let kind: Kind
    /// The line of the export the comment starts on, for the import's report.
    public let line: Int
}
