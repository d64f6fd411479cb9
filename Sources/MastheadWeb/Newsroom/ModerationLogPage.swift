import MastheadCore

struct ModerationLogPage: PageContext {
    static let template = "moderation_log"
    let layout: NewsroomLayout
    let entries: [Entry]
    let hasEntries: Bool

    struct Entry: TemplateContext {
        let at: String
        let moderator: String
        let action: String
        let note: String
        let commenterURL: String?
    }
}
