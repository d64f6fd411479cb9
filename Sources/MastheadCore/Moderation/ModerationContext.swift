import Foundation

/// What is known about a new comment, its author and its article when it arrives, gathered by the
/// store. The pipeline reads no clock and no database: everything it weighs is here.
public struct ModerationContext: Sendable, Equatable {
    /// The validated, trimmed text (``CommentSubmission/validated()``).
    public var body: String
    /// Posted without a reader account.
    public var isGuest: Bool
    /// Under a ban that has not ended (the store compares the end date with its clock).
    public var commenterBanned: Bool
    /// A moderator put this commenter on pre-moderation.
    public var commenterPreModerated: Bool
    public var articlePreModerated: Bool
    /// The commenter's published comments so far.
    public var approvedComments: Int
    /// The commenter's recent comments that a moderator approved or rejected.
    public var judgedComments: Int
    /// Of those, the rejected ones.
    public var rejectedComments: Int
    /// The commenter's recent comment bodies, whatever became of them (the store's choice of "recent",
    /// such as the last ten within a day).
    public var recentBodies: [String]
    /// Comments by this commenter within ``ModerationPolicy/perCommenterLimit``'s window, not counting
    /// this one.
    public var commenterRecentCount: Int
    /// Comments from this hashed IP address within ``ModerationPolicy/perAddressLimit``'s window, not
    /// counting this one.
    public var addressRecentCount: Int
    /// Age in seconds of the oldest comment counted in `commenterRecentCount`; nil when there is none.
    public var oldestInCommenterWindow: TimeInterval?
    /// Age in seconds of the oldest comment counted in `addressRecentCount`; nil when there is none.
    public var oldestInAddressWindow: TimeInterval?

    /// Every fact but the body defaults to "nothing known": a signed-in reader's first comment, with
    /// no ban, no pre-moderation and nothing recent.
    public init(
        body: String,
        isGuest: Bool = false,
        commenterBanned: Bool = false,
        commenterPreModerated: Bool = false,
        articlePreModerated: Bool = false,
        approvedComments: Int = 0,
        judgedComments: Int = 0,
        rejectedComments: Int = 0,
        recentBodies: [String] = [],
        commenterRecentCount: Int = 0,
        addressRecentCount: Int = 0,
        oldestInCommenterWindow: TimeInterval? = nil,
        oldestInAddressWindow: TimeInterval? = nil
    ) {
        self.body = body
        self.isGuest = isGuest
        self.commenterBanned = commenterBanned
        self.commenterPreModerated = commenterPreModerated
        self.articlePreModerated = articlePreModerated
        self.approvedComments = approvedComments
        self.judgedComments = judgedComments
        self.rejectedComments = rejectedComments
        self.recentBodies = recentBodies
        self.commenterRecentCount = commenterRecentCount
        self.addressRecentCount = addressRecentCount
        self.oldestInCommenterWindow = oldestInCommenterWindow
        self.oldestInAddressWindow = oldestInAddressWindow
    }
}
