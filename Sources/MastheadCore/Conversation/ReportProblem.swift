import Foundation

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
