import Foundation

/// How a site runs its conversation, set by editors on the settings page: whether guests may post,
/// and the moderation pipeline's policy (word lists, pre-moderation, the trust ladder, the length).
public struct CommentSettings: Sendable, Equatable {
    /// Readers may post without an account; their comments always wait for a moderator.
    public var allowGuests: Bool
    public var policy: ModerationPolicy

    public init(allowGuests: Bool = true, policy: ModerationPolicy = .defaults) {
        self.allowGuests = allowGuests
        self.policy = policy
    }

    public static let defaults = CommentSettings()

    /// A word list as editors type it: one entry per line, blank lines ignored.
    public static func wordList(_ text: String) -> WordList {
        WordList(
            text.withNewlineEndings.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty })
    }

    /// The longest comment editors may allow: validation's own limit.
    public static let maximumLengthRange = 100...CommentSubmission.maximumBodyLength
}
