import MastheadCore

struct CommenterPage: PageContext {
    static let template = "commenter"
    let layout: NewsroomLayout
    let displayName: String
    let email: String
    let isVerified: Bool
    let joined: String
    let approved: Int
    let rejected: Int
    let bannedUntil: String?
    let banReason: String?
    let isPreModerated: Bool
    let banAction: String
    let preModerationAction: String
    let comments: [Item]

    struct Item: TemplateContext {
        let status: String
        let bodyHTML: String
        let at: String
    }
}
