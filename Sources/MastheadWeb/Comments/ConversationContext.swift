import Foundation
import MastheadCore

/// The conversation under an article: the published comments, oldest first, and the form while the
/// story takes comments (or when it brings back a reader's refused text, so nothing they wrote is lost).
struct ConversationContext {
    let comments: [CommentView]
    let hasComments: Bool
    /// "1 comment", "12 comments".
    let countLabel: String
    let form: CommentFormContext?
    let isClosed: Bool
    /// The reader's comment went to a moderator (they arrive with `?comment=held`).
    let held: Bool

    init(comments: [Comment], form: CommentFormContext, open: Bool, held: Bool, now: Date, timeZone: TimeZone) {
        self.comments = comments.map { CommentView($0, now: now, timeZone: timeZone) }
        hasComments = !comments.isEmpty
        countLabel = comments.count == 1 ? "1 comment" : "\(comments.count) comments"
        self.form = open || form.hasProblems ? form : nil
        isClosed = !open
        self.held = held
    }
}

struct CommentView {
    /// The fragment the post-comment redirect points at.
    let anchor: String
    let displayName: String
    /// Built by ``CommentText`` from the stored plain text: escaped, then paragraphs and links.
    let bodyHTML: String
    let timeLabel: String
    let isoTime: String

    init(_ comment: Comment, now: Date, timeZone: TimeZone) {
        anchor = "comment-\(comment.id.uuidString.lowercased())"
        displayName = comment.displayName
        bodyHTML = CommentText.html(comment.body)
        timeLabel = TimeLabel.label(for: comment.createdAt, now: now, timeZone: timeZone)
        isoTime = TimeLabel.iso8601(comment.createdAt)
    }
}

/// The comment form, with whatever the reader typed when it comes back with a problem.
struct CommentFormContext {
    let action: String
    let csrfToken: String
    let displayName: String
    let body: String
    let problems: [String]
    let hasProblems: Bool
    let maxBodyLength = CommentSubmission.maximumBodyLength
    let maxNameLength = CommentSubmission.maximumNameLength

    init(article: Slug, csrfToken: String, displayName: String = "", body: String = "", problems: [String] = []) {
        action = SiteRoute.articleComments(article).path
        self.csrfToken = csrfToken
        self.displayName = displayName
        self.body = body
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}
