/// One step of the moderation pipeline: a pure function of what is known about a comment and the
/// site's policy, answering a decision, or nil to let the next check decide.
public struct ModerationCheck: Sendable {
    /// A stable name for logs and for the moderators' view of why a comment was stopped.
    public let name: String
    public let run: @Sendable (ModerationContext, ModerationPolicy) -> ModerationDecision?

    public init(name: String, run: @escaping @Sendable (ModerationContext, ModerationPolicy) -> ModerationDecision?) {
        self.name = name
        self.run = run
    }
}
