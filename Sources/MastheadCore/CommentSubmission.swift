import Foundation

/// What a reader sent from the comment form, checked before anything is stored.
///
/// The rules are the product's, not the form's: they hold whatever client sends the comment.
public struct CommentSubmission: Sendable, Equatable {
    public var displayName: String
    public var body: String

    public static let maximumBodyLength = 5_000
    public static let maximumNameLength = 80

    public init(displayName: String, body: String) {
        self.displayName = displayName
        self.body = body
    }

    /// What is wrong with a submission, in words a reader can act on.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case nameMissing
        case nameTooLong(count: Int)
        case bodyMissing
        case bodyTooLong(count: Int)

        public var description: String {
            switch self {
            case .nameMissing:
                return "Please add the name to show with your comment."
            case .nameTooLong(let count):
                return "Your name is \(count) characters long; please keep it to \(maximumNameLength)."
            case .bodyMissing:
                return "Your comment is empty; write something before posting."
            case .bodyTooLong(let count):
                return
                    "Your comment is \(count) characters long; please shorten it to \(maximumBodyLength) or fewer."
            }
        }
    }

    /// The submission trimmed and ready to store, or every problem found.
    public func validated() -> Result<CommentSubmission, ValidationFailure> {
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        if name.isEmpty { problems.append(.nameMissing) }
        if name.count > Self.maximumNameLength { problems.append(.nameTooLong(count: name.count)) }
        if text.isEmpty { problems.append(.bodyMissing) }
        if text.count > Self.maximumBodyLength { problems.append(.bodyTooLong(count: text.count)) }
        guard problems.isEmpty else { return .failure(ValidationFailure(problems: problems)) }
        return .success(CommentSubmission(displayName: name, body: text))
    }

    public struct ValidationFailure: Error, Sendable, Equatable {
        public var problems: [Problem]
    }
}
