import MastheadCore

struct RevisionsPage: PageContext {
    static let template = "revisions"
    let layout: NewsroomLayout
    let headline: String
    let storyURL: String
    let revisions: [Row]

    struct Row: TemplateContext {
        let version: Int
        let savedBy: String
        let savedAt: String
        let changed: String
        let url: String
        let isCurrent: Bool
    }
}
