import MastheadCore

/// What the article page says after a reader's action, from the query the action redirected to. Only
/// known values are shown; anything else in the query shows nothing.
enum Notice {
    static func text(comment: String?, reason: String?) -> String? {
        let why = reason.flatMap(ModerationReason.init(rawValue:))?.explanation
        switch comment {
        case "held": return why ?? "Thank you. Your comment is waiting for a moderator and will appear once approved."
        case "rejected": return why ?? "Your comment was not published."
        case "edited": return "Your comment was updated."
        case "deleted": return "Your comment was deleted."
        case "reported": return "Thank you. A moderator will look at the comment you reported."
        case "verified": return "Your email address is confirmed: you can comment now."
        default: return nil
        }
    }
}
