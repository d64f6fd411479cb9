import Foundation

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
