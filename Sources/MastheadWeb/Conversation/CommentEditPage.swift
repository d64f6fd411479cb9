import MastheadCore

struct CommentEditPage: PageContext {
    static let template = "comment_edit"
    let layout: LayoutContext
    let headline: String
    let articleURL: String
    let action: String
    let csrfToken: String
    let body: String
    let problems: [String]
    let hasProblems: Bool
    let timeLeft: String?
    let maxBodyLength: Int
}
