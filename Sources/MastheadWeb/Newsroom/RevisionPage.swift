import MastheadCore

struct RevisionPage: PageContext {
    static let template = "revision"
    let layout: NewsroomLayout
    let headline: String
    let version: Int
    let currentVersion: Int
    let savedBy: String
    let savedAt: String
    let fields: [Field]
    let restoreAction: String
    let isCurrent: Bool
    let revisionsURL: String

    struct Field: TemplateContext {
        let name: String
        let unchanged: Bool
        let lines: [DiffLine]
    }
}
