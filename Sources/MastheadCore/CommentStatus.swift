import Foundation

/// Where a comment stands. Only `published` comments are shown to readers (and their own held or
/// rejected ones to their author).
public enum CommentStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case published
    case rejected
    case spam
    case hidden
}
