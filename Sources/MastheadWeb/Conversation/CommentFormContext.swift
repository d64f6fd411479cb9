import Foundation
import MastheadCore

/// The comment form, with whatever the reader typed when it comes back with a problem.
struct CommentFormContext: TemplateContext {
    let action: String
    /// Nil on the page every anonymous reader shares: its form is checked by origin (``ReaderForm``).
    let csrfToken: String?
    let displayName: String
    let body: String
    let parentID: String?
    let problems: [String]
    let hasProblems: Bool
    /// A signed-in reader posts under their account's name; only guests type one.
    let asGuest: Bool
    let maxBodyLength: Int
    let maxNameLength: Int

    init(
        article: Slug, csrfToken: String?, displayName: String = "", body: String = "", parentID: UUID? = nil,
        problems: [String] = [], asGuest: Bool = true, maxBodyLength: Int = CommentSubmission.maximumBodyLength
    ) {
        action = ReaderRoute.articleComments(article).path
        self.csrfToken = csrfToken
        self.displayName = displayName
        self.body = body
        self.parentID = parentID?.lowercasedString
        self.problems = problems
        hasProblems = !problems.isEmpty
        self.asGuest = asGuest
        self.maxBodyLength = maxBodyLength
        maxNameLength = CommentSubmission.maximumNameLength
    }
}
