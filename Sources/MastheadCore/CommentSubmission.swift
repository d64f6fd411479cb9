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

    /// The submission trimmed and ready to store, or every problem found. Invisible control characters
    /// (NUL, which PostgreSQL cannot store, and the like) and bidirectional overrides (which can make
    /// a name or a link read backwards) are removed first; line breaks and tabs stay.
    public func validated() -> Result<CommentSubmission, ValidationFailure> {
        let name = Self.visible(displayName).trimmingCharacters(in: .whitespacesAndNewlines)
        let text = Self.visible(body).trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        if name.isEmpty { problems.append(.nameMissing) }
        if name.count > Self.maximumNameLength { problems.append(.nameTooLong(count: name.count)) }
        if text.isEmpty { problems.append(.bodyMissing) }
        if text.count > Self.maximumBodyLength { problems.append(.bodyTooLong(count: text.count)) }
        guard problems.isEmpty else { return .failure(ValidationFailure(problems: problems)) }
        return .success(CommentSubmission(displayName: name, body: text))
    }

    static func visible(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            let isBidiOverride = (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            if (isControl && !"\n\r\t".unicodeScalars.contains(scalar)) || isBidiOverride { continue }
            kept.append(scalar)
        }
        return String(kept)
    }

    public struct ValidationFailure: Error, Sendable, Equatable {
        public var problems: [Problem]
    }
}
