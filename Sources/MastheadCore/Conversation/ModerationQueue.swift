/// The newsroom's lists of comments needing a moderator's eye.
public enum ModerationQueue: String, Sendable, CaseIterable {
    /// Held by the pipeline or by pre-moderation, oldest first: the longest wait is served first.
    case pending
    /// Published but reported by readers, most reported first.
    case reported
    /// Rejected by the pipeline or a moderator, newest first, so a mistake can be undone.
    case rejected

    public var label: String {
        switch self {
        case .pending: "Pending"
        case .reported: "Reported"
        case .rejected: "Rejected"
        }
    }
}
