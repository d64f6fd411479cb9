import Foundation

/// What a reader sent from the comment form, checked before anything is stored.
///
/// The rules are the product's, not the form's: they hold whatever client sends the comment.
public struct CommentSubmission: Sendable, Equatable {
    public var displayName: String
    public var body: String

    public static let maximumBodyLength = 5_000
    public static let maximumNameLength = 80
    /// Limits in Unicode scalars as well as in characters, because a character can hold any number of
    /// scalars: eight per character allows every emoji sequence and leaves no room to hide kilobytes.
    public static let maximumBodyScalars = 8 * maximumBodyLength
    public static let maximumNameScalars = 8 * maximumNameLength
    public static let maximumMarksPerCharacter = 8

    public init(displayName: String, body: String) {
        self.displayName = displayName
        self.body = body
    }

    /// What is wrong with a submission, in words a reader can act on.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case nameMissing
        case nameTooLong(count: Int)
        case nameTooComplex
        case nameHasStackedMarks(count: Int)
        case bodyMissing
        case bodyTooLong(count: Int)
        case bodyTooComplex
        case bodyHasStackedMarks(count: Int)

        public var description: String {
            switch self {
            case .nameMissing:
                return "Please add the name to show with your comment."
            case .nameTooLong(let count):
                return "Your name is \(count) characters long; please keep it to \(maximumNameLength)."
            case .nameTooComplex:
                return "Your name is built from too many combined symbols; please write it more simply."
            case .nameHasStackedMarks(let count):
                return "Your name has a character with \(count) accent marks stacked on it; "
                    + "please use at most \(maximumMarksPerCharacter) on any one character."
            case .bodyMissing:
                return "Your comment is empty; write something before posting."
            case .bodyTooLong(let count):
                return
                    "Your comment is \(count) characters long; please shorten it to \(maximumBodyLength) or fewer."
            case .bodyTooComplex:
                return "Your comment is built from too many combined symbols for its length; please shorten it."
            case .bodyHasStackedMarks(let count):
                return "Your comment has a character with \(count) accent marks stacked on it; "
                    + "please use at most \(maximumMarksPerCharacter) on any one character."
            }
        }
    }

    /// The submission trimmed and ready to store, or every problem found. Control characters and
    /// bidirectional overrides are removed first (``ReaderText/withoutControls(_:)``); text that would
    /// show as blank counts as missing, and lengths are limited in characters, in Unicode scalars and
    /// in marks stacked on one character.
    public func validated() -> Result<CommentSubmission, ValidationFailure> {
        let name = ReaderText.withoutControls(displayName).trimmingCharacters(in: .whitespacesAndNewlines)
        let text = ReaderText.withoutControls(body).trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [Problem] = []
        if ReaderText.isBlank(name) {
            problems.append(.nameMissing)
        } else if name.exceeds(characters: Self.maximumNameLength) {
            problems.append(.nameTooLong(count: name.count))
        } else if name.utf8.count > Self.maximumNameScalars, name.unicodeScalars.count > Self.maximumNameScalars {
            problems.append(.nameTooComplex)
        } else if case let marks = ReaderText.mostMarksOnOneCharacter(name), marks > Self.maximumMarksPerCharacter {
            problems.append(.nameHasStackedMarks(count: marks))
        }
        if ReaderText.isBlank(text) {
            problems.append(.bodyMissing)
        } else if text.exceeds(characters: Self.maximumBodyLength) {
            problems.append(.bodyTooLong(count: text.count))
        } else if text.utf8.count > Self.maximumBodyScalars, text.unicodeScalars.count > Self.maximumBodyScalars {
            problems.append(.bodyTooComplex)
        } else if case let marks = ReaderText.mostMarksOnOneCharacter(text), marks > Self.maximumMarksPerCharacter {
            problems.append(.bodyHasStackedMarks(count: marks))
        }
        guard problems.isEmpty else { return .failure(ValidationFailure(problems: problems)) }
        return .success(CommentSubmission(displayName: name, body: text))
    }

    public struct ValidationFailure: Error, Sendable, Equatable {
        public var problems: [Problem]
    }
}

extension String {
    /// Whether the text is longer than `limit` characters. A character is at least one UTF-8 byte, so
    /// text within the limit in bytes (nearly every comment) is within it in characters, and the dear
    /// count of grapheme clusters is left for the rest.
    public func exceeds(characters limit: Int) -> Bool {
        utf8.count > limit && count > limit
    }
}
