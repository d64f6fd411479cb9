import Foundation

/// How long a reader may still correct a comment after posting it. Short, so that a reply never ends up
/// answering words that are no longer there, and long enough to fix the typo noticed on rereading.
public enum EditWindow {
    public static let length: TimeInterval = 300

    /// Whether the comment may still be edited: from the moment it was posted until ``length`` has
    /// passed. A comment stamped in the future (another server's clock running ahead) is editable, so
    /// clock skew never takes away a reader's five minutes.
    public static func allows(editingCommentCreatedAt createdAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(createdAt) < length
    }

    /// The whole seconds left to edit, for the countdown on the page: rounded up, so it shows 0 only once
    /// editing is refused, and never more than ``length``, even for a comment stamped in the future.
    public static func secondsLeft(createdAt: Date, now: Date) -> Int {
        guard allows(editingCommentCreatedAt: createdAt, now: now) else { return 0 }
        return Int(min(length, (length - now.timeIntervalSince(createdAt)).rounded(.up)))
    }
}
