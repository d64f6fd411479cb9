import Foundation

/// A reader with an account in the conversation.
public struct Commenter: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var email: String
    public var displayName: String
    /// When they followed the link mailed to them; only verified readers may post.
    public var verifiedAt: Date?
    public var createdAt: Date
    /// A moderator reads every comment of theirs first.
    public var premoderated: Bool
    public var bannedUntil: Date?
    public var banReason: String?
    public var approvedCount: Int
    public var rejectedCount: Int
    public var deletedAt: Date?

    public init(
        id: UUID, email: String, displayName: String, verifiedAt: Date? = nil, createdAt: Date,
        premoderated: Bool = false, bannedUntil: Date? = nil, banReason: String? = nil, approvedCount: Int = 0,
        rejectedCount: Int = 0, deletedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.verifiedAt = verifiedAt
        self.createdAt = createdAt
        self.premoderated = premoderated
        self.bannedUntil = bannedUntil
        self.banReason = banReason
        self.approvedCount = approvedCount
        self.rejectedCount = rejectedCount
        self.deletedAt = deletedAt
    }

    public var isVerified: Bool { verifiedAt != nil }

    /// Under a ban that has not ended at `now`.
    public func isBanned(at now: Date) -> Bool {
        guard let bannedUntil else { return false }
        return bannedUntil > now
    }
}
