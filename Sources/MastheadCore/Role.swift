/// What a newsroom account may do. Each role includes what the one before it may do with stories
/// (contributor < author < editor < admin); a moderator only moderates the conversation.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case contributor
    case author
    case editor
    case moderator
    case admin

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Writes stories at all (moderators do not).
    public var writes: Bool { self != .moderator }
    /// Edits, schedules and publishes anyone's story.
    public var editsAnyStory: Bool { self == .editor || self == .admin }
    /// Renames and merges topics, edits author profiles.
    public var managesTopicsAndAuthors: Bool { editsAnyStory }
    /// Accounts, roles and the site's settings.
    public var administers: Bool { self == .admin }
    /// The conversation's moderation queue.
    public var moderates: Bool { self == .moderator || self == .editor || self == .admin }

    /// Whether this role may open and save a story; `ownStory` when the account wrote it or is in its byline.
    public func mayEdit(ownStory: Bool) -> Bool {
        editsAnyStory || (writes && ownStory)
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
