import Foundation

/// How a site moderates its comments: part of its settings, changed by editors.
///
/// The word lists are ``WordList`` values rather than plain strings so that the matcher is built once,
/// when the settings are loaded, and not again for every comment.
public struct ModerationPolicy: Sendable, Equatable {
    /// Comments using any of these are rejected.
    public var bannedWords: WordList
    /// Comments using any of these are held for a moderator.
    public var suspectWords: WordList
    /// Every comment on the site waits for a moderator.
    public var preModerateAll: Bool
    /// A commenter's comments are held until this many of them have been approved: the first rung of
    /// the trust ladder. Counting approvals rather than comments posted means a newcomer whose first
    /// comment was rejected is still new. One by default: a moderator meets every newcomer once.
    public var firstCommentsHeld: Int
    /// Comments with a link are held until the commenter has this many approved comments, because links
    /// are what spam is for, and a regular reader's link is worth publishing at once.
    public var linksHeldUntilApproved: Int
    /// A commenter goes back to having every comment held when at least this share of their recent
    /// judged comments was rejected, once there are ``minimumJudgedForRejectionRatio`` of them. A ratio
    /// above one switches the check off.
    public var rejectionRatioForPreModeration: Double
    /// The longest comment, in characters. Validation already stops anything over
    /// ``CommentSubmission/maximumBodyLength``, so only a lower value has any effect.
    public var maximumLength: Int
    public var perCommenterLimit: RateLimit
    /// Per hashed IP address, which catches one person posting under many names or as a guest.
    public var perAddressLimit: RateLimit

    /// Fewer judged comments than this say nothing about a commenter: one rejection out of two is bad
    /// luck, not a pattern.
    public static let minimumJudgedForRejectionRatio = 4

    public init(
        bannedWords: WordList = [],
        suspectWords: WordList = [],
        preModerateAll: Bool = false,
        firstCommentsHeld: Int = 1,
        linksHeldUntilApproved: Int = 3,
        rejectionRatioForPreModeration: Double = 0.5,
        maximumLength: Int = CommentSubmission.maximumBodyLength,
        perCommenterLimit: RateLimit = RateLimit(count: 5, window: 10 * 60),
        perAddressLimit: RateLimit = RateLimit(count: 20, window: 10 * 60)
    ) {
        self.bannedWords = bannedWords
        self.suspectWords = suspectWords
        self.preModerateAll = preModerateAll
        self.firstCommentsHeld = firstCommentsHeld
        self.linksHeldUntilApproved = linksHeldUntilApproved
        self.rejectionRatioForPreModeration = rejectionRatioForPreModeration
        self.maximumLength = maximumLength
        self.perCommenterLimit = perCommenterLimit
        self.perAddressLimit = perAddressLimit
    }

    public static let defaults = ModerationPolicy()
}
