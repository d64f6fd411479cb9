import MastheadCore

struct TopicsPage: PageContext {
    static let template = "topics"
    let layout: NewsroomLayout
    let canManage: Bool
    let topics: [Row]
    let options: [Option]
    let mergeAction: String
    /// Topics that look like one (``TopicName``), offered for a merge.
    let suggestions: [Suggestion]

    struct Suggestion: TemplateContext {
        let first: String
        let second: String
        let firstID: String
        let secondID: String
    }

    struct Row: TemplateContext {
        let name: String
        let slug: String
        let readerURL: String
        let storiesURL: String
        let renameAction: String
    }
}
