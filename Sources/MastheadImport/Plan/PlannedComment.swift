import Foundation
import MastheadCore

/// A comment as an import will create it: a guest's comment, its thread kept.
public struct PlannedComment: Sendable, Equatable {
    public let sourceID: String
    /// The comment it replies to, among the ones imported; nil at the top of the thread.
    public let parentSourceID: String?
    public let authorName: String
    /// Only the hash of the old email is kept, so a reader who later signs up with that address can be
    /// shown their old comments; the address itself is not stored.
    public let authorEmail: String
    public let body: String
    public let postedAt: Date?
    public let status: CommentStatus
}
