import MastheadCore

struct CommentReportPage: PageContext {
    static let template = "comment_report"
    let layout: LayoutContext
    let headline: String
    let articleURL: String
    let action: String
    let csrfToken: String
    let displayName: String
    let bodyHTML: String
    let reasons: [ReasonOption]
    let note: String
    let problems: [String]
    let hasProblems: Bool
}
