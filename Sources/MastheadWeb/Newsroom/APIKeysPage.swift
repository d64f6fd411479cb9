import MastheadCore

struct APIKeysPage: PageContext {
    static let template = "api-keys"
    let layout: NewsroomLayout
    /// Shown once, right after the key is made.
    let token: String?
    let keys: [Row]
    let createAction: String
    let roles: [Option]
    let problems: [String]
    let hasProblems: Bool
    let documentURL: String

    struct Row: TemplateContext {
        let name: String
        let role: String
        let prefix: String
        let created: String
        let revoked: String?
        let revokeAction: String
    }
}
