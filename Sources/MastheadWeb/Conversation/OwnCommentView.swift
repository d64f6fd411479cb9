import Foundation
import MastheadCore

/// The reader's own comment that others do not see yet, or will not: marked, with the reason.
struct OwnCommentView: TemplateContext {
    let anchor: String
    let bodyHTML: String
    let statusLabel: String
    let reason: String?
    let timeLabel: String
    let isoTime: String

    init(_ comment: Comment, now: Date, timeZone: TimeZone) {
        anchor = "comment-\(comment.id.lowercasedString)"
        bodyHTML = comment.bodyHTML
        statusLabel = comment.status == .pending ? "Waiting for a moderator" : "Not published"
        reason = comment.reason?.explanation
        timeLabel = TimeLabel.label(for: comment.createdAt, now: now, timeZone: timeZone)
        isoTime = TimeLabel.iso8601(comment.createdAt)
    }
}
