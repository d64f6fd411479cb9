import MastheadCore

struct CommentThreadPage: PageContext {
    static let template = "comment_thread"
    let layout: LayoutContext
    let headline: String
    let articleURL: String
    let threads: [CommentView]
    let csrfToken: String
    let guestForm: Bool
    let maxBodyLength: Int
}
