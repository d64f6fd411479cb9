import Foundation

/// What the moderation pipeline decides for a new comment.
public enum ModerationDecision: Sendable, Equatable {
    /// Shown to readers straight away.
    case publish
    /// Stored, and shown only to its author and to moderators until a moderator approves it.
    case hold(ModerationReason)
    /// Stored as rejected, so its author can see why; readers never see it.
    case reject(ModerationReason)
    /// Not stored at all: the reader is answered 429 with `Retry-After` (whole seconds, at least one) and
    /// keeps the text in the form, so waiting loses nothing.
    case rateLimited(retryAfter: TimeInterval)
}
