import Foundation

/// Why a reader reports a comment to the moderators. The raw values are what the report form and the
/// API send, so they stay fixed.
public enum ReportReason: String, CaseIterable, Sendable, Codable {
    case spam
    case abuse
    case offTopic = "off-topic"
    case misinformation
    case other

    /// The choice as the report form shows it.
    public var label: String {
        switch self {
        case .spam: return "Spam or advertising"
        case .abuse: return "Abusive or hateful"
        case .offTopic: return "Off topic"
        case .misinformation: return "False or misleading"
        case .other: return "Something else"
        }
    }
}

/// A reader's report on a comment, checked: a known reason and a short note for the moderators.
public struct CommentReport: Sendable, Equatable {
    public var reason: ReportReason
    /// Empty when the reader wrote nothing; never blank otherwise.
    public var note: String

    public static let maximumNoteLength = 500
    /// As for comments, a limit in scalars too, so 500 characters cannot hide kilobytes of marks.
    public static let maximumNoteScalars = 8 * maximumNoteLength

    public init(reason: ReportReason, note: String = "") {
        self.reason = reason
        self.note = note
    }

    /// The report from the form's raw values, or the first thing the reader must fix. The note loses
    /// control characters and bidirectional overrides (``ReaderText/withoutControls(_:)``) and is
    /// trimmed; one that would show as blank counts as none. "Something else" needs a note, since the
    /// reason alone tells a moderator nothing.
    public static func validated(reason: String?, note: String?) -> Result<CommentReport, ReportProblem> {
        guard let reason, !reason.isEmpty else { return .failure(.reasonMissing) }
        guard let known = ReportReason(rawValue: reason) else { return .failure(.reasonUnknown) }
        let cleaned = ReaderText.withoutControls(note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let text = ReaderText.isBlank(cleaned) ? "" : cleaned
        if text.count > maximumNoteLength { return .failure(.noteTooLong(count: text.count)) }
        if text.unicodeScalars.count > maximumNoteScalars { return .failure(.noteTooComplex) }
        if known == .other, text.isEmpty { return .failure(.noteMissing) }
        return .success(CommentReport(reason: known, note: text))
    }
}

/// What is wrong with a report, in words a reader can act on.
public enum ReportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case reasonMissing
    /// A reason the form never offers: an old page or a hand-made request. Not echoed back to the reader.
    case reasonUnknown
    case noteTooLong(count: Int)
    case noteTooComplex
    /// "Something else" was chosen without saying what.
    case noteMissing

    public var description: String {
        switch self {
        case .reasonMissing:
            return "Please choose why you are reporting this comment."
        case .reasonUnknown:
            return "That reason is not one we offer; please choose one of the reasons listed."
        case .noteTooLong(let count):
            return "Your note is \(count) characters long; please keep it to \(CommentReport.maximumNoteLength)."
        case .noteTooComplex:
            return "Your note is built from too many combined symbols for its length; please shorten it."
        case .noteMissing:
            return "Please say in a few words what is wrong with this comment."
        }
    }
}
