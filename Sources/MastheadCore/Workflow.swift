/// The publishing workflow as a state machine: which status a story may move to from which, and who
/// may make each move. Pure, so every move and every refusal is tested without a database.
///
/// ```
/// draft ⇄ in review → scheduled → published → unpublished → draft
///   └──────────┴──────────┴──────────↗        ↖──────────────┘ (republish)
/// ```
public enum Workflow {
    /// A move a story can make, named as the newsroom's buttons name it.
    public enum Move: String, Sendable, CaseIterable, Codable {
        case submitForReview = "submit"
        case returnToDraft = "return"
        case schedule
        case publish
        case unpublish

        public var label: String {
            switch self {
            case .submitForReview: return "Submit for review"
            case .returnToDraft: return "Back to draft"
            case .schedule: return "Schedule"
            case .publish: return "Publish now"
            case .unpublish: return "Unpublish"
            }
        }

        public var target: ArticleStatus {
            switch self {
            case .submitForReview: return .inReview
            case .returnToDraft: return .draft
            case .schedule: return .scheduled
            case .publish: return .published
            case .unpublish: return .unpublished
            }
        }

        /// The statuses the move starts from.
        public var sources: Set<ArticleStatus> {
            switch self {
            case .submitForReview: return [.draft]
            case .returnToDraft: return [.inReview, .scheduled, .unpublished]
            case .schedule: return [.draft, .inReview]
            case .publish: return [.draft, .inReview, .scheduled, .unpublished]
            case .unpublish: return [.published]
            }
        }
    }

    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case notFrom(ArticleStatus, Move)
        case notAllowed(Role, Move)

        public var description: String {
            switch self {
            case .notFrom(let status, let move):
                return "A story that is \(status.label.lowercased()) cannot be moved by “\(move.label)”."
            case .notAllowed(let role, let move):
                return "Your role (\(role.label.lowercased())) may not “\(move.label)” this story."
            }
        }
    }

    /// Who may make `move` on a story; `ownStory` when the account wrote it or is in its byline.
    /// Contributors submit their own drafts; authors also schedule, publish and withdraw (unpublish)
    /// their own, since whoever may put a story in front of readers may take it back; editors and
    /// admins make every move on every story; moderators make none.
    public static func mayMake(_ move: Move, role: Role, ownStory: Bool) -> Bool {
        if role.editsAnyStory { return true }
        guard role.writes, ownStory else { return false }
        switch move {
        case .submitForReview, .returnToDraft: return true
        case .schedule, .publish, .unpublish: return role == .author
        }
    }

    /// The status after `move`, or why it cannot be made.
    public static func apply(_ move: Move, to status: ArticleStatus, role: Role, ownStory: Bool) -> Result<
        ArticleStatus, Refusal
    > {
        guard move.sources.contains(status) else { return .failure(.notFrom(status, move)) }
        guard mayMake(move, role: role, ownStory: ownStory) else { return .failure(.notAllowed(role, move)) }
        return .success(move.target)
    }

    /// The moves offered on a story in `status` to this account.
    public static func available(from status: ArticleStatus, role: Role, ownStory: Bool) -> [Move] {
        Move.allCases.filter { $0.sources.contains(status) && mayMake($0, role: role, ownStory: ownStory) }
    }
}
