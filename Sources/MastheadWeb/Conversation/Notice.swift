import MastheadCore

/// What the article page says after a reader's action. The action redirects to
/// ``ReaderRoute/notice(_:_:reason:)``, and the page reads the same names back; anything else in the
/// query shows nothing.
enum Notice: String {
    case held
    case rejected
    case deleted
    case reported

    static func text(comment: String?, reason: String?) -> String? {
        guard let notice = comment.flatMap(Notice.init(rawValue:)) else { return nil }
        let why = reason.flatMap(ModerationReason.init(rawValue:))?.explanation
        switch notice {
        case .held: return why ?? "Thank you. Your comment is waiting for a moderator and will appear once approved."
        case .rejected: return why ?? "Your comment was not published."
        case .deleted: return "Your comment was deleted."
        case .reported: return "Thank you. A moderator will look at the comment you reported."
        }
    }
}
