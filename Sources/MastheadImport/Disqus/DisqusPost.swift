import Foundation

/// A `<post>`: one comment, in HTML, under a thread, perhaps replying to another.
public struct DisqusPost: Sendable, Equatable {
    public let id: String
    public let threadID: String
    public let parentID: String?
    public let messageHTML: String
    public let createdAt: Date?
    public let isDeleted: Bool
    public let isSpam: Bool
    public let authorName: String
    public let authorEmail: String
    public let line: Int
}
